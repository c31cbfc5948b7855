"""Fixtures for the real-terminal journeys: a private home, its environment, a terminal.

Every test in this folder is marked ``e2e`` (``-m "not e2e"`` leaves them out; the default
run keeps them). See ``tmux.py`` for the harness itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from subprocess import CompletedProcess

import pytest
from tmux import Terminal, app_env, default_db, require_tmux, run_cli

HERE = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(item.path).parents:
            item.add_marker(pytest.mark.e2e)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A private home for one journey: XDG folders live here, nothing else is touched."""
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


@pytest.fixture
def env(home: Path) -> dict[str, str]:
    """The journey's environment: private XDG folders, fixed clock and zone."""
    return app_env(home)


@pytest.fixture
def db_path(home: Path) -> Path:
    """Where the app keeps its database in this journey (the default location)."""
    return default_db(home)


@pytest.fixture
def terminal(tmp_path: Path, env: dict[str, str]) -> Iterator[Terminal]:
    """An 80×24 tmux pane on a private server; killed (with the app in it) afterwards."""
    require_tmux()
    term = Terminal(tmp_path, env)
    try:
        yield term
    finally:
        term.close()


@pytest.fixture
def cli(env: dict[str, str]) -> Callable[..., CompletedProcess[str]]:
    """``cli("status", RESILIENCE_NOW=...)``: the installed command line, no terminal.

    Runs in the journey's environment; keyword arguments override variables for one call.
    """

    def run(*args: str, **overrides: str) -> CompletedProcess[str]:
        return run_cli(args, {**env, **overrides})

    return run
