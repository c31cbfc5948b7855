"""Field validation shared by every form and by import: clear messages, nothing lost."""

from __future__ import annotations

import re
import unicodedata
from collections import abc
from collections.abc import Callable
from dataclasses import fields, is_dataclass
from datetime import date, timedelta
from functools import wraps
from typing import Any, Literal, TypeVar, get_args, get_origin, get_type_hints, overload

# C0/C1 control characters except tab and newline (newline is allowed only in long text).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u2028\u2029\ufeff]")
_CONTROL_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b\u2028\u2029\ufeff]")
# Bidi embeddings, overrides and isolates: they can reorder the text shown around them.
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")  # the shape of a stored day (also in dates)
# A record id: 1–64 characters, no spaces and no control characters (C0, DEL, C1).
_ID = re.compile(r"[^\s\x00-\x1f\x7f-\x9f]{1,64}")
ID_RULE = "1–64 characters without spaces"
EARLIEST_DAY = date(1970, 1, 1)
LATEST_AHEAD = timedelta(days=366)  # a day more than a year after today is a typo or damage
# Every stored-day field of every record (nested ones included), for the window check.
DAY_FIELDS = frozenset({
    "day", "received_on", "logged_on", "acknowledged_on", "ready_early_on", "reflected_on",
    "moved_on_on", "requested_on", "answered_on", "last_contacted", "created_on", "done_on",
})



K = TypeVar("K", bound=type)
V = TypeVar("V")


def per_class(work: Callable[[K], V]) -> Callable[[K], V]:
    """``functools.cache`` for a function of a class: worked out once per class.

    (mypy can't see a dataclass's class object as ``Hashable``, so ``cache`` would need
    an ignore at every call; this typed memo needs none.)"""
    memo: dict[K, V] = {}

    @wraps(work)
    def cached(cls: K) -> V:
        try:
            return memo[cls]
        except KeyError:
            memo[cls] = found = work(cls)
            return found

    return cached

class ValidationError(ValueError):
    """A value the user (or an imported file) gave that we cannot accept."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message

    @property
    def sentence(self) -> str:
        """The message as the user reads it: "Mood is needed."."""
        end = "" if self.message.endswith((".", "?", "!")) else "."
        return f"{self.field.capitalize()} {self.message}{end}"


def clean_text(
    value: object,
    field: str,
    *,
    max_len: int,
    required: bool = False,
    multiline: bool = False,
    min_len: int = 1,
) -> str:
    """Strip control characters and surrounding space; check the length in characters."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(field, "should be text")
    if (value.isprintable() and len(value) <= max_len and value == value.strip()
            and (len(value) >= min_len or not required)
            and unicodedata.is_normalized("NFC", value)):
        # The common case, text this app wrote: nothing to clean (printable excludes
        # every control, format and bidi character), checked in C in one pass each.
        return value
    text = _BIDI.sub("", value)
    if multiline:
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
        text = _CONTROL.sub("", text)
    else:
        text = _CONTROL_LINE.sub(" ", text)
    # Normalised last: "N", a zero-width space, a grave accent is "Ǹ" once the space is
    # gone, so one pass leaves nothing for a second to change.
    text = unicodedata.normalize("NFC", text)
    text = text.strip("\n ") if multiline else text.strip()
    if required and len(text) < min_len:
        raise ValidationError(field, "is needed" if not text else f"needs {min_len}+ characters")
    if len(text) > max_len:
        raise ValidationError(field, f"is {len(text)} characters; {max_len} at most")
    return text


def clean_raw(text: str, *, multiline: bool) -> str:
    """``text`` without control or bidi characters, otherwise exactly as typed (no strip,
    no length check): for working state such as drafts. Newlines and tabs stay in
    multi-line text; in a line, a control character becomes a space."""
    text = _BIDI.sub("", text)
    if multiline:
        return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _CONTROL_LINE.sub(" ", text)


@overload
def check_int(
    value: object, field: str, lo: int, hi: int, *, optional: Literal[False] = False
) -> int: ...


@overload
def check_int(value: object, field: str, lo: int, hi: int, *, optional: bool) -> int | None: ...


def check_int(
    value: object, field: str, lo: int, hi: int, *, optional: bool = False
) -> int | None:
    """An integer in [lo, hi]; None allowed when optional (the type says which)."""
    if value is None or value == "":
        if optional:
            return None
        raise ValidationError(field, f"is needed ({lo}–{hi})")
    if isinstance(value, bool):
        raise ValidationError(field, f"should be a whole number {lo}–{hi}")
    if isinstance(value, str):
        try:
            value = int(value.strip())
        except ValueError:
            raise ValidationError(field, f"should be a whole number {lo}–{hi}") from None
    if not isinstance(value, int):
        raise ValidationError(field, f"should be a whole number {lo}–{hi}")
    if not lo <= value <= hi:
        raise ValidationError(field, f"should be {lo}–{hi}, not {value}")
    return value


def check_day(value: object, field: str, *, optional: bool = False) -> str | None:
    """A stored day string YYYY-MM-DD that is a real calendar date."""
    if value is None and optional:
        return None
    if not isinstance(value, str) or not ISO_DAY.fullmatch(value):
        raise ValidationError(field, f"should be a date like 2026-01-31, not {value!r}")
    try:
        date.fromisoformat(value)
    except ValueError:
        raise ValidationError(field, f"{value!r} is not a real date") from None
    return value


def check_id(value: object, field: str, *, optional: bool = False) -> str | None:
    """A record id, or a field that names one: 1–64 characters, no spaces or controls."""
    if value is None and optional:
        return None
    if not isinstance(value, str) or not _ID.fullmatch(value):
        shown = repr(value) if not isinstance(value, str) or len(value) <= 40 else (
            repr(value[:37]) + "…")
        raise ValidationError(field, f"should be {ID_RULE}, not {shown}")
    return value


def check_days_within(record: object, today: date, prefix: str = "") -> None:
    """Every stored day in ``record`` (nested records too) lies between 1970 and a year
    after ``today``. Calendar-valid days like 9999-12-31 pass ``check_day`` but break
    every sum of days; the caller passes the clock's day, so nothing here reads the time.
    """
    latest = (today + LATEST_AHEAD).isoformat()
    for name, kind in _day_plan(type(record)):
        value = getattr(record, name, None)
        if kind == "day":
            # Stored days are ISO text (check_day saw to that), so text order is date order.
            if isinstance(value, str) and value and not (
                    EARLIEST_DAY.isoformat() <= value <= latest):
                raise ValidationError(prefix + name, f"{value} is outside the years this "
                                      f"journal can hold (1970 to a year from today)")
        elif kind == "one":
            check_days_within(value, today, f"{prefix}{name}.")
        elif isinstance(value, list):
            for i, item in enumerate(value):
                check_days_within(item, today, f"{prefix}{name}[{i}].")


def stored_hints(cls: type) -> dict[str, Any]:
    """A record class's fields' types as the file stores them: a field typed as any
    sequence (a check-in's plan, which a past day keeps packed) is stored as a list."""
    hints = get_type_hints(cls)
    return {f.name: (list[get_args(hints[f.name])]  # type: ignore[misc]
                     if get_origin(hints[f.name]) is abc.Sequence else hints[f.name])
            for f in fields(cls)}


@per_class
def _day_plan(cls: type) -> tuple[tuple[str, str], ...]:
    """Which fields of a record class are days ("day"), a nested record ("one") or a list
    of records ("many"): worked out once per class, from its type hints."""
    if not is_dataclass(cls):
        return ()
    hints = stored_hints(cls)
    plan = []
    for f in fields(cls):
        hint = hints.get(f.name)
        args = get_args(hint)
        if f.name in DAY_FIELDS:
            plan.append((f.name, "day"))
        elif isinstance(hint, type) and is_dataclass(hint):
            plan.append((f.name, "one"))
        elif get_origin(hint) is list and args and is_dataclass(args[0]):
            plan.append((f.name, "many"))
    return tuple(plan)


def check_choice(value: object, field: str, choices: tuple[str, ...]) -> str:
    """One of a fixed set of keys."""
    if value not in choices:
        raise ValidationError(field, f"should be one of {', '.join(choices)}, not {value!r}")
    return value


def check_email(value: object, field: str = "email") -> str:
    """Empty, or something shaped like an email address (shape only)."""
    text = clean_text(value, field, max_len=254)
    if text and not _EMAIL.match(text):
        raise ValidationError(field, f"{text!r} doesn't look like an email address")
    return text
