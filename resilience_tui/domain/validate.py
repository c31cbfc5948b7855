"""Field validation shared by every form and by import: clear messages, nothing lost."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Literal, overload

# C0/C1 control characters except tab and newline (newline is allowed only in long text).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u2028\u2029\ufeff]")
_CONTROL_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]")
# Bidi embeddings, overrides and isolates: they can reorder the text shown around them.
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")  # the shape of a stored day (also in dates)


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
    text = _BIDI.sub("", unicodedata.normalize("NFC", value))
    if multiline:
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
        text = _CONTROL.sub("", text).strip("\n ")
    else:
        text = _CONTROL_LINE.sub(" ", text).strip()
    if required and len(text) < min_len:
        raise ValidationError(field, "is needed" if not text else f"needs {min_len}+ characters")
    if len(text) > max_len:
        raise ValidationError(field, f"is {len(text)} characters; {max_len} at most")
    return text


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


def check_choice(value: object, field: str, choices: tuple[str, ...]) -> str:
    """One of a fixed set of keys."""
    if value not in choices:
        raise ValidationError(field, f"should be one of {', '.join(choices)}, not {value!r}")
    return value  # type: ignore[return-value]


def check_email(value: object, field: str = "email") -> str:
    """Empty, or something shaped like an email address (shape only)."""
    text = clean_text(value, field, max_len=254)
    if text and not _EMAIL.match(text):
        raise ValidationError(field, f"{text!r} doesn't look like an email address")
    return text
