"""Reading a day the user typed: "2026-03-09", "today", "yesterday", "last friday", "3 days ago".

Words are read relative to the user's day (from the Clock, passed in as
``today``); anything else goes to python-dateutil, which must find at least
a day and a month. A day in the future, or text we cannot read as a day, is
refused with a :class:`ValidationError` whose message says what to type
instead. No Textual or TinyDB import here.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from dateutil import parser as date_parser

from .validate import ValidationError

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_SHORT = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "weds": 2, "thu": 3, "thur": 3, "thurs": 3,
          "fri": 4, "sat": 5, "sun": 6}
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_AGO = re.compile(r"^(\d+|[a-z]+)\s+(day|week)s?\s+ago$")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SLASHED = re.compile(r"^(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2,4}))?$")

ROLL_BACK_DAYS = 31  # a yearless day further ahead than this meant last year

EXAMPLES = "2026-03-09, today, yesterday, monday, last friday or 3 days ago"


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
    if _ISO.match(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise ValidationError("date received", f"{text} is not a real date") from None
    slashed = _SLASHED.match(text)
    if slashed and int(slashed.group(1)) <= 12 and int(slashed.group(2)) <= 12 \
            and slashed.group(1) != slashed.group(2):
        raise ValidationError(
            "date received",
            f"{text!r} could be read two ways; write it like 2026-03-09 or 9 March",
        )
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
        raise ValidationError(field, f"{text.strip()!r} isn't a day we can read; try {EXAMPLES}")
    if found > today:
        raise ValidationError(field, f"{nice_day(found)} is in the future; "
                                     "when did the news arrive?")
    if found.year < 1970:
        raise ValidationError(field, f"{found.isoformat()} is too long ago to be right")
    return found


def nice_day(d: date) -> str:
    """"Monday 9 March"; the year too when it is not this one is the caller's call."""
    return f"{d:%A} {d.day} {d:%B}"


def describe_day(d: date, today: date) -> str:
    """"today", "yesterday", "tomorrow", or "Monday 9 March" (with the year if another)."""
    delta = (d - today).days
    if delta == 0:
        return "today"
    if delta == -1:
        return "yesterday"
    if delta == 1:
        return "tomorrow"
    text = nice_day(d)
    return text if d.year == today.year else f"{text} {d.year}"
