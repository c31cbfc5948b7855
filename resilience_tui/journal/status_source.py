"""Where ``status`` and ``remind`` read from: the summary beside the journal when it can
be trusted today, else the journal itself (which files a new summary for next time).

Apart from :mod:`summary` because opening a journal files summaries after saves, and
this falls back to opening one: the two would otherwise import each other.
"""

from __future__ import annotations

from pathlib import Path

from ..clock import Clock
from .summary import Summary, file_summary, summarize, trusted


def current(path: Path, clock: Clock) -> Summary:
    """Today's summary: from the file beside the journal when it can be trusted, else
    from the whole journal (filing it again for the next call)."""
    summary = trusted(path, clock)
    if summary is not None:
        return summary
    from .opening import open_journal

    store = open_journal(path, clock, writer=False)  # raises as ever for a bad journal
    store.preload()
    summary = summarize(store)
    if summary is None:  # open_journal set the clock from the settings: cannot happen
        raise RuntimeError("the clock does not follow the journal's settings")
    if not store.created:
        file_summary(store, summary)
    return summary
