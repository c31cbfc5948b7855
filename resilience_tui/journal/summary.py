"""The summary ``status`` and ``remind`` read: what they print on one day, kept beside
the journal so that neither reads years of history to say one line.

It is made from the whole history (the same functions as ever, so the words are
byte for byte the same). The app files it a moment after each change, when it is idle
(:func:`keep_summary`), rather than inside the save: at 10 years the figures cost about
9 ms of CPU, which would have nearly doubled a save's. ``status`` and ``remind`` file
it too whenever they had to read the journal. Reading it back trusts nothing: the file
must belong to the journal exactly as it is now
(:mod:`~resilience_tui.storage.summary_file`), every field is checked as any input from
disk is, and the day it was made for must be today as the user counts days.

On a new day the summary is simply not used: the first ``status`` of the day reads the
journal (as before the summary existed) and files a new one, and every later call that
day is quick (an app left open files it at the day's turn). Carrying rolling state
(streak starts, recent days) to answer a new day too is left for when Today paints from
the summary; the version number in the file lets that grow without misreading an older one.

Nothing here imports the figures or the store until they are needed: reading a good
summary touches neither TinyDB nor the domain rules.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..clock import Clock
from ..storage.summary_file import key_if_unchanged, read_summary, write_summary
from .status_words import STATUS_SCHEMA, status_line

if TYPE_CHECKING:
    from ..storage.store import Store

NEEDS = ("checkins", "rejections", "selfcare", "rest_days")  # the tables the figures read
MAX_TEXT = 64 * 1024
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")  # never printed from a cache: escapes, bells


@dataclass(frozen=True)
class Summary:
    """What ``status``, ``status --json`` and ``remind`` print, as of ``day``."""

    day: str  # ISO date, the user's day (counted from ``day_start_hour``)
    day_start_hour: int
    status_line: str
    status_json: str
    remind: str | None  # the line without "resilience: ", or None: nothing to nudge about

    def fields(self) -> dict[str, Any]:
        return asdict(self)


def summarize(store: Store) -> Summary | None:
    """The summary of the whole history on the clock's day; None while the clock does
    not yet count days from the journal's own day start (just after settings change)."""
    from .momentum import momentum, remind_line, status_data

    settings = store.settings
    if store.clock.day_start_hour != settings.day_start_hour:
        return None
    m = momentum(store)
    data = status_data(store, m)
    return Summary(day=m.today.isoformat(), day_start_hour=settings.day_start_hour,
                   status_line=status_line(data, m.rest_today),
                   status_json=json.dumps(data, ensure_ascii=False),
                   remind=remind_line(store, m))


def file_summary(store: Store, summary: Summary) -> bool:
    """Write ``summary`` beside the journal, filed under the file the store holds; True
    when written. Never for a read-only journal, nor once the file moved on."""
    if store.read_only:
        return False
    key = key_if_unchanged(store.path, store.signature)
    return key is not None and write_summary(store.path, key, summary.fields())


def filed_summary(path: Path) -> Summary | None:
    """The summary filed beside ``path`` for the journal as it is now, when it is sound
    (whatever day it was made for)."""
    fields = read_summary(path)
    return checked(fields) if fields is not None else None


def keep_summary(store: Store) -> bool:
    """File today's summary for an open journal unless the one beside it is current
    already (a small read); True when one was written. For the app, when idle: it
    needs the history in memory and every change saved, and never raises."""
    if store.unsaved or store.read_only or not store.loaded(*NEEDS):
        return False
    filed = filed_summary(store.path)
    if (filed is not None and filed.day == store.clock.today_str()
            and filed.day_start_hour == store.clock.day_start_hour):
        return False
    try:
        summary = summarize(store)
    except Exception:  # noqa: BLE001 - a cache must never turn into an error for the user
        return False
    return summary is not None and file_summary(store, summary)


def trusted(path: Path, clock: Clock) -> Summary | None:
    """The summary beside ``path`` when it can be believed today, else None.

    Sets ``clock`` to count days from the journal's day start, as opening it would.
    """
    summary = filed_summary(path)
    if summary is None:
        return None
    clock.day_start_hour = summary.day_start_hour
    return summary if clock.today_str() == summary.day else None


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


def checked(fields: dict[str, Any]) -> Summary | None:
    """The fields as a :class:`Summary` when each is exactly what :func:`summarize`
    writes; None for anything else (a damaged or hand-made file is never believed)."""
    if set(fields) != {"day", "day_start_hour", "status_line", "status_json", "remind"}:
        return None
    day, hour = fields["day"], fields["day_start_hour"]
    line, text, nudge = fields["status_line"], fields["status_json"], fields["remind"]
    if not (isinstance(day, str) and _DAY.fullmatch(day) and _is_date(day)):
        return None
    if type(hour) is not int or not 0 <= hour <= 12:
        return None
    if not (_text(line) and line.startswith("resilience: ") and _text(text)):
        return None
    if nudge is not None and not _text(nudge):
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not (isinstance(data, dict) and data.get("schema") == STATUS_SCHEMA
            and data.get("today") == day):
        return None
    return Summary(day, hour, line, text, nudge)


def _is_date(day: str) -> bool:
    try:
        date.fromisoformat(day)
    except ValueError:
        return False
    return True


def _text(value: object) -> bool:
    return (isinstance(value, str) and 0 < len(value) <= MAX_TEXT
            and _CONTROL.search(value) is None)
