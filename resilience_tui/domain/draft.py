"""The typed shape of a half-done cool-down step (``Cooldown.draft``).

A draft is working state: what the user typed in a step before leaving it,
restored when the step opens again. The step screens write
``{"step": …, "fields": {…}, "feedback": {…}}``; this module is the one
description of what each step keeps, so a draft read from a file, an import
or a restored backup either fits it (tidied: control characters out, lengths
held) or is dropped whole. Dropping never loses a saved step, only the
unsaved typing, and it is always said (import notes it, ``doctor`` reports
it). Unknown keys inside a known shape are left out quietly: an older
version reading a newer draft keeps what it understands.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from .choices import MAX_JOURNAL, MAX_LINE
from .validate import clean_raw

Draft = dict[str, Any]


class DraftMisfit(ValueError):
    """A draft (or part of one) that is not the shape a step keeps."""


def _line(value: object) -> str:
    if not isinstance(value, str) or len(value) > MAX_LINE:
        raise DraftMisfit("a line of text")
    return clean_raw(value, multiline=False)


def _long(value: object) -> str:
    if not isinstance(value, str) or len(value) > MAX_JOURNAL:
        raise DraftMisfit("a longer text")
    return clean_raw(value, multiline=True)


def _short(value: object) -> str:
    """A number as typed in a small field ("20"); a stored whole number is read as text."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or len(value) > 12:
        raise DraftMisfit("a short field")
    return clean_raw(value, multiline=False)


def _flag(value: object) -> bool:
    if not isinstance(value, bool):
        raise DraftMisfit("true or false")
    return value


def _levels(value: object) -> dict[str, str]:
    """Feeling name → the intensity as typed."""
    if not isinstance(value, dict) or len(value) > 40:
        raise DraftMisfit("feelings")
    return {clean_raw(_name(k), multiline=False): _short(v) for k, v in value.items()}


def _name(value: object) -> str:
    if not isinstance(value, str) or not value or len(value) > 60:
        raise DraftMisfit("a name")
    return value


def _tagged(value: object) -> dict[str, Any]:
    """Ticked tags and their notes, as ``TaggedNotes.draft`` keeps them."""
    if not isinstance(value, dict):
        raise DraftMisfit("ticked tags")
    ticked = value.get("ticked", [])
    notes = value.get("notes", {})
    if not isinstance(ticked, list) or len(ticked) > 20:
        raise DraftMisfit("ticked tags")
    if not isinstance(notes, dict) or len(notes) > 20:
        raise DraftMisfit("tag notes")
    return {"ticked": [clean_raw(_name(t), multiline=False) for t in ticked],
            "notes": {clean_raw(_name(k), multiline=False): _long(v) for k, v in notes.items()}}


Shape = Mapping[str, Callable[[object], Any]]
# What each step keeps (see each step's ``draft()`` in screens/cooldown/).
STEPS: dict[str, Shape] = {
    "acknowledge": {"feelings": _levels, "journal": _long, "process": _line,
                    "process_own": _line, "done": _flag, "minutes": _short},
    "reflect": {"reasons": _tagged, "traps": _tagged, "balanced": _long, "went_well": _long,
                "differently": _long, "minutes": _short},  # minutes: while reflect waits
    "move_on": {"after": _levels, "redirects": _tagged},
    "done": {},
}
# What the feedback section keeps in any step: email edits and the answer as typed.
FEEDBACK: Shape = {"subject": _line, "body": _long, "answer": _long, "themes": _line}


def _fit(value: object, shape: Shape) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise DraftMisfit("an object")
    return {key: check(value[key]) for key, check in shape.items() if key in value}


def fit_draft(draft: object) -> tuple[Draft, bool]:
    """(the draft tidied to its step's shape, False) or ({}, True) when it doesn't fit.

    ``{}`` and None are the empty draft and fit."""
    if draft is None or draft == {}:
        return {}, False
    try:
        if not isinstance(draft, dict):
            raise DraftMisfit("an object")
        step = draft.get("step")
        if not isinstance(step, str) or step not in STEPS:
            raise DraftMisfit("a step")
        return {"step": step, "fields": _fit(draft.get("fields", {}), STEPS[step]),
                "feedback": _fit(draft.get("feedback") or {}, FEEDBACK)}, False
    except (DraftMisfit, RecursionError):
        return {}, True
