"""The summary beside the journal: what ``status`` and ``remind`` print on one day, and
what Today shows that day (its :class:`~.today.TodayView`), so that neither a shell
prompt nor the app's first frame waits for years of history.

It is made from the whole history (the same functions as ever, so the words are byte
for byte the same, and Today's first frame pixel for pixel). The app files it a moment
after each change, when it is idle (:func:`keep_summary`), rather than inside the save:
at 10 years the figures cost about 20 ms of CPU, which would have nearly doubled a
save's. ``status`` and ``remind`` file it too whenever they had to read the journal.
Reading it back trusts nothing: the file must belong to the journal exactly as it is
now (:mod:`~resilience_tui.storage.summary_file`), every field is checked as any input
from disk is, and the day it was made for must be today as the user counts days.

A new day is served too: whenever the summary is filed at a quiet moment (the app
closing, or a ``status`` that had to read the journal) it also carries the next day,
worked out by the same functions for that day. Streaks, strength and the cool-downs'
days depend only on the stored days and the date, so while the journal is untouched
the next morning's figures are known the evening before. A journal left alone for
longer than that is read once, as before the summary existed, and filed again.

Nothing here imports the figures or the store until they are needed: reading a good
summary touches neither TinyDB nor the domain rules.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from ..clock import Clock
from ..storage.summary_file import key_if_unchanged, read_summary, write_summary
from .status_words import STATUS_SCHEMA, status_line

if TYPE_CHECKING:
    from ..domain.models import Settings
    from ..storage.store import Store
    from .today import TodayView

NEEDS = ("checkins", "rejections", "selfcare", "rest_days", "contacts")  # what the figures read
DAY_FIELDS = {"day", "status_line", "status_json", "remind", "today"}
MAX_TEXT = 64 * 1024
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")  # never printed from a cache: escapes, bells


@dataclass(frozen=True)
class Summary:
    """What ``status``, ``status --json`` and ``remind`` print as of ``day``, and Today's
    view of that day (as filed: :func:`~.today.view_from_json` checks it when used)."""

    day: str  # ISO date, the user's day (counted from ``day_start_hour``)
    day_start_hour: int
    status_line: str
    status_json: str
    remind: str | None  # the line without "resilience: ", or None: nothing to nudge about
    today: dict[str, Any] | None = None  # None: a record broke a part of Today that day
    settings: dict[str, Any] | None = None  # the journal's settings, for the app's first frame
    welcome_due: bool = False  # the app would open on the welcome page, not on Today

    def day_fields(self) -> dict[str, Any]:
        return {"day": self.day, "status_line": self.status_line,
                "status_json": self.status_json, "remind": self.remind, "today": self.today}


def filed_fields(first: Summary, then: Summary | None) -> dict[str, Any]:
    """The file's fields: ``first``'s day at the top level, the next day's under ``next``."""
    return {**first.day_fields(), "day_start_hour": first.day_start_hour,
            "settings": first.settings, "welcome_due": first.welcome_due,
            "next": then.day_fields() if then else None}


def summarize(store: Store, day: date | None = None) -> Summary | None:
    """The summary of the whole history on ``day`` (the clock's by default); None while
    the clock does not yet count days from the journal's own day start (just after
    settings change)."""
    from .momentum import momentum, remind_line, status_data
    from .settings import welcome_due
    from .today import today_view

    settings = store.settings
    if store.clock.day_start_hour != settings.day_start_hour:
        return None
    m = momentum(store, day)
    data = status_data(store, m)
    view = today_view(store, m.today)
    return Summary(day=m.today.isoformat(), day_start_hour=settings.day_start_hour,
                   status_line=status_line(data, m.rest_today),
                   status_json=json.dumps(data, ensure_ascii=False),
                   remind=remind_line(store, m),
                   today=view.to_json() if view.whole else None,
                   settings=settings.to_dict(), welcome_due=welcome_due(store))


def file_summary(store: Store, summary: Summary, ahead: bool = False) -> bool:
    """Write ``summary`` beside the journal, filed under the file the store holds, with
    the day after it too when ``ahead``; True when written. Never for a read-only
    journal, nor once the file moved on."""
    if store.read_only:
        return False
    key = key_if_unchanged(store.path, store.signature)
    if key is None:
        return False
    then = summarize(store, date.fromisoformat(summary.day) + timedelta(days=1)) if ahead else None
    return write_summary(store.path, key, filed_fields(summary, then))


def filed(path: Path) -> tuple[Summary, Summary | None] | None:
    """The summary filed beside ``path`` for the journal as it is now, when it is sound
    (whatever day it was made for), with the next day's when it carries one."""
    fields = read_summary(path)
    if fields is None:
        return None
    try:
        return checked(fields)
    except Exception:  # noqa: BLE001 - whatever a damaged or crafted file holds, it is a
        return None  # cache: the journal is read instead, never an error for the user


def keep_summary(store: Store, ahead: bool = False) -> bool:
    """File today's summary for an open journal unless the one beside it is current
    already (a small read); True when one was written. ``ahead``: carry tomorrow's too
    (when closing: it is what tomorrow's first frame and first ``status`` read). For the
    app, when idle: it needs the history in memory and every change saved, and never
    raises."""
    if not store.ready or store.unsaved or store.read_only or not store.loaded(*NEEDS):
        return False
    found = filed(store.path)
    if (found is not None and found[0].day == store.clock.today_str()
            and found[0].day_start_hour == store.clock.day_start_hour
            and (found[1] is not None or not ahead)):
        return False
    try:
        summary = summarize(store)
        return summary is not None and file_summary(store, summary, ahead)
    except Exception:  # noqa: BLE001 - a cache must never turn into an error for the user
        return False


def trusted(path: Path, clock: Clock) -> Summary | None:
    """Today's summary from the file beside ``path`` when it can be believed, else None.

    Sets ``clock`` to count days from the journal's day start, as opening it would.
    """
    found = filed(path)
    if found is None:
        return None
    clock.day_start_hour = found[0].day_start_hour
    today = clock.today_str()
    return next((s for s in found if s is not None and s.day == today), None)


def current(path: Path, clock: Clock) -> Summary:
    """Today's summary: from the file beside the journal when it can be trusted, else
    from the whole journal (filing it again, with tomorrow's, for the next call)."""
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
        file_summary(store, summary, ahead=True)
    return summary


def first_frame(path: Path, clock: Clock) -> tuple[TodayView, Settings] | None:
    """Today's view and the journal's settings from the summary, when the app can paint
    its first frame from them (the history then loads in the background); else None.

    Sets ``clock`` to count days from the journal's day start, as opening it would. Not
    for a journal whose welcome page is still due (the summary can't tell that), nor
    one that syncs as it opens (what the sync brings changes the first frame).
    """
    from ..domain.models import Settings as SettingsRecord
    from ..domain.validate import ValidationError
    from ..storage.import_check import checked as checked_record
    from .today import view_from_json

    summary = trusted(path, clock)
    if summary is None or summary.today is None or summary.settings is None:
        return None
    if set(summary.settings) != set(SettingsRecord().to_dict()):  # exactly what we write
        return None
    try:
        settings = checked_record(SettingsRecord, summary.settings, with_id=False)
    except ValidationError:
        return None
    if (summary.welcome_due or settings.sync_folder
            or settings.day_start_hour != summary.day_start_hour):
        return None
    view = view_from_json(summary.today, summary.day, clock.today())
    return (view, settings) if view is not None else None


def checked(fields: dict[str, Any]) -> tuple[Summary, Summary | None] | None:
    """The fields as summaries when each is exactly what :func:`filed_fields` writes;
    None for anything else (a damaged or hand-made file is never believed)."""
    if set(fields) != DAY_FIELDS | {"day_start_hour", "settings", "welcome_due", "next"}:
        return None
    hour, settings, welcome = fields["day_start_hour"], fields["settings"], fields["welcome_due"]
    if type(hour) is not int or not 0 <= hour <= 12 or type(welcome) is not bool:
        return None
    if not isinstance(settings, dict):
        return None
    first = _day(fields, hour, settings, welcome)
    then = fields["next"]
    if first is None or (then is not None and not (isinstance(then, dict)
                                                    and set(then) == DAY_FIELDS)):
        return None
    second = _day(then, hour, settings, welcome) if then is not None else None
    if then is not None and (second is None or second.day <= first.day):
        return None
    return first, second


def _day(fields: dict[str, Any], hour: int, settings: dict[str, Any],
         welcome: bool) -> Summary | None:
    """One day's part of the file, checked (Today's view is checked where it is used)."""
    if not DAY_FIELDS <= set(fields):
        return None
    day, line, text = fields["day"], fields["status_line"], fields["status_json"]
    nudge, view = fields["remind"], fields["today"]
    if not (isinstance(day, str) and _DAY.fullmatch(day) and _is_date(day)):
        return None
    if not (_text(line) and line.startswith("resilience: ") and _text(text)):
        return None
    if nudge is not None and not _text(nudge):
        return None
    if view is not None and not isinstance(view, dict):
        return None
    try:
        data = orjson.loads(text)  # a depth limit of its own, unlike json's recursion
    except orjson.JSONDecodeError:
        return None
    if not (isinstance(data, dict) and data.get("schema") == STATUS_SCHEMA
            and data.get("today") == day):
        return None
    return Summary(day, hour, line, text, nudge, view, settings, welcome)


def _is_date(day: str) -> bool:
    try:
        date.fromisoformat(day)
    except ValueError:
        return False
    return True


def _text(value: object) -> bool:
    return (isinstance(value, str) and 0 < len(value) <= MAX_TEXT
            and _CONTROL.search(value) is None)
