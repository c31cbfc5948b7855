"""Days: reading one the user typed, reading stored ones, and writing them out.

A typed day: "2026-03-09", "today", "yesterday", "last friday", "3 days ago".

Words are read relative to the user's day (from the Clock, passed in as
``today``); anything else goes to python-dateutil, which must find at least
a day and a month. A day in the future, or text we cannot read as a day, is
refused with a :class:`ValidationError` whose message says what to type
instead. Stored days (``YYYY-MM-DD`` strings) are read with :func:`stored_day`,
which never raises: a damaged one is None (``doctor`` names it). The
formatters avoid platform-specific strftime flags such as ``%-d``.
No Textual or TinyDB import here; python-dateutil is imported only when a
typed day needs it, to keep start-up fast.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta

from .validate import ISO_DAY, ValidationError

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_SHORT = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "weds": 2, "thu": 3, "thur": 3, "thurs": 3,
          "fri": 4, "sat": 5, "sun": 6}
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_AGO = re.compile(r"^(\d+|[a-z]+)\s+(day|week)s?\s+ago$")
_SLASHED = re.compile(r"^(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2,4}))?$")

ROLL_BACK_DAYS = 31  # a yearless day further ahead than this meant last year



def examples(today: date) -> str:
    """Ways to write a day, the dated one a couple of days back (never a day to come)."""
    return (f"{(today - timedelta(days=2)).isoformat()}, today, yesterday, monday, "
            "last friday or 3 days ago")


class FutureDay(ValidationError):
    """A readable day that is still to come (the form's live preview says so)."""


def _weekday(word: str) -> int | None:
    if word in WEEKDAYS:
        return WEEKDAYS.index(word)
    return _SHORT.get(word)


def _from_words(text: str, today: date) -> date | None:
    """The simple words; None when the text is not one of them."""
    if text in ("today", "now", "this morning", "this afternoon", "this evening", "tonight"):
        return today
    if text in ("yesterday", "last night"):
        return today - timedelta(days=1)
    if text == "tomorrow":
        return today + timedelta(days=1)  # refused as the future, with that message
    if text in ("day before yesterday", "the day before yesterday"):
        return today - timedelta(days=2)
    if text in ("last week", "a week ago"):
        return today - timedelta(days=7)
    match = _AGO.match(text)
    if match:
        count_word, unit = match.groups()
        count = int(count_word) if count_word.isdigit() else _NUMBERS.get(count_word)
        if count is None:
            return None
        return today - timedelta(days=count * (7 if unit == "week" else 1))
    words = text.split()
    if len(words) == 2 and words[0] in ("last", "on"):
        day = _weekday(words[1])
        if day is None:
            return None
        back = (today.weekday() - day) % 7
        if words[0] == "last" and back == 0:
            back = 7  # "last friday" said on a Friday means a week ago
        return today - timedelta(days=back)
    if len(words) == 1:
        day = _weekday(words[0])
        if day is not None:
            return today - timedelta(days=(today.weekday() - day) % 7)
    return None


def _from_dateutil(text: str, today: date) -> date | None:
    """ISO and written-out dates ("9 March", "March 9 2026") via python-dateutil."""
    if ISO_DAY.match(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise ValidationError("date received", f"{text} is not a real date") from None
    slashed = _SLASHED.match(text)
    if slashed and int(slashed.group(1)) <= 12 and int(slashed.group(2)) <= 12 \
            and slashed.group(1) != slashed.group(2):
        raise ValidationError(
            "date received",
            f"{text!r} could be read two ways; write it like 2026-01-09 or 9 January",
        )
    from dateutil import parser as date_parser  # only here: slow to import

    # Parse twice with different defaults: a part that changes was not typed.
    first_default = datetime(today.year, 1, 1)
    second_default = datetime(today.year - 1, 2, 2)
    try:
        first = date_parser.parse(text, default=first_default, dayfirst=True)
        second = date_parser.parse(text, default=second_default, dayfirst=True)
    except (ValueError, OverflowError):
        return None
    if first.month != second.month or first.day != second.day:
        return None  # a bare number or a month alone is not a day
    result = first.date()
    if first.year != second.year and result > today + timedelta(days=ROLL_BACK_DAYS):
        result = result.replace(year=result.year - 1)  # "20 December" said in March
    return result


def parse_day(text: str, today: date, field: str = "date received") -> date:
    """The day ``text`` names; empty means today. Future or unreadable days are refused."""
    cleaned = " ".join(text.strip().lower().replace(",", " ").split())
    if not cleaned:
        return today
    try:
        found = _from_words(cleaned, today) or _from_dateutil(cleaned, today)
    except ValidationError as exc:
        raise ValidationError(field, exc.message) from None
    if found is None:
        raise ValidationError(
            field, f"{text.strip()!r} isn't a day we can read; try {examples(today)}")
    if found > today:
        raise FutureDay(field, f"can't be {weekday_and_date(found)}: that day is still to come")
    if found.year < 1970:
        raise ValidationError(field, f"{found.isoformat()} is too long ago to be right")
    return found


def stored_day(value: object) -> date | None:
    """A stored ``YYYY-MM-DD`` as a date; None when missing or malformed (never raises)."""
    if not isinstance(value, str) or not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def stored_days(values: Iterable[object]) -> list[date]:
    """The well-formed days among ``values``, in order (duplicates kept)."""
    return [d for d in map(stored_day, values) if d is not None]


def weekday_and_date(d: date) -> str:
    """"Monday 9 March"; the year too when it is not this one is the caller's call."""
    return f"{d:%A} {d.day} {d:%B}"


def long_day(d: date) -> str:
    """"Monday 9 March 2026"."""
    return f"{d:%A} {d.day} {d:%B %Y}"


def short_day(d: date, year: bool = False) -> str:
    """"Mon 9 Mar", or "Mon 9 Mar 2026" with ``year``."""
    text = f"{d:%a} {d.day} {d:%b}"
    return f"{text} {d.year}" if year else text


def describe_day(d: date, today: date) -> str:
    """"today", "yesterday", "tomorrow", or "Monday 9 March" (with the year if another)."""
    delta = (d - today).days
    if delta == 0:
        return "today"
    if delta == -1:
        return "yesterday"
    if delta == 1:
        return "tomorrow"
    text = weekday_and_date(d)
    return text if d.year == today.year else f"{text} {d.year}"


# Older than any real stamp: what an empty or unreadable ``updated_at`` counts as.
OLDEST = datetime.min.replace(tzinfo=UTC)


def parse_stamp(value: object) -> datetime | None:
    """The moment an ISO stamp with its UTC offset names, or None when it is empty,
    unreadable or has no offset (a stamp without one could be any of 24 moments)."""
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def moment(stamp: object) -> datetime:
    """The moment a stamp names, for ordering (``OLDEST`` for an empty or unreadable one)."""
    return parse_stamp(stamp) or OLDEST
