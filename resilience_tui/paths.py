"""Where the database lives: --db, then RESILIENCE_DB, then the user data folder."""

from __future__ import annotations

import os
from pathlib import Path

from . import APP_NAME

DB_ENV = "RESILIENCE_DB"


def default_db_path() -> Path:
    """The platform user data folder (on Linux ``$XDG_DATA_HOME/resilience-tui``)."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "resilience.json"


def resolve_db_path(cli_value: str | None) -> Path:
    value = cli_value or os.environ.get(DB_ENV)
    return Path(value).expanduser() if value else default_db_path()
