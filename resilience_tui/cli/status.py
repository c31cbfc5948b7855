"""What ``resilience status`` prints: one short line for a prompt, or the JSON figures.

The figures come from :mod:`resilience_tui.journal.momentum`, which the screens share,
so the command line and the app always agree. The command itself reads them from the
summary beside the journal when that is trustworthy (:mod:`resilience_tui.journal.summary`),
which prints the very same bytes without reading years of history.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from ..clock import Clock
from ..journal.status_words import status_line
from ..journal.summary import current

if TYPE_CHECKING:
    from ..storage.store import Store

__all__ = ["status", "status_line", "status_output", "status_text"]


def status(args: argparse.Namespace, path: Path, clock: Clock) -> int:
    print(status_text(path, clock, as_json=args.json))
    return 0


def status_text(path: Path, clock: Clock, as_json: bool = False) -> str:
    """What ``resilience status`` prints for the journal at ``path``."""
    summary = current(path, clock)
    return summary.status_json if as_json else summary.status_line


def status_output(store: Store, as_json: bool = False) -> str:
    """The same from an open store, always from the whole history."""
    from ..journal.momentum import momentum, status_data  # only when the summary won't do

    m = momentum(store)
    data = status_data(store, m)
    return json.dumps(data, ensure_ascii=False) if as_json else status_line(data, m.rest_today)
