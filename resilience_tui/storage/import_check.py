"""Strict checks of one imported record before it becomes a domain object.

``Record.from_dict`` is forgiving (it fills defaults and keeps whatever type
it is given), which suits our own files. An import comes from outside, so
here every field present is checked against the dataclass's type first —
``"cooldown": []`` is "should be an object, not a list", not a crash — then
the record's own ``validate()`` checks ranges, days and lengths. Each
problem names the record, the field and the value.
"""

from __future__ import annotations

import re
import types
from dataclasses import fields
from datetime import datetime
from functools import cache
from typing import Any, Union, get_args, get_origin, get_type_hints

from ..domain.models import Record
from ..domain.validate import ValidationError

_ID = re.compile(r"[^\s\x00-\x1f\x7f]{1,64}")
TIMESTAMP_FIELDS = ("at", "updated_at")


class ImportProblem(ValueError):
    """The first thing wrong with an import file: where, which field, what value."""


@cache
def _hints(cls: type[Record]) -> dict[str, Any]:
    hints = get_type_hints(cls)
    return {f.name: hints[f.name] for f in fields(cls)}


def show(value: object) -> str:
    """A value as the user would see it in the file, kept short."""
    kinds = {list: "a list", dict: "an object", type(None): "null"}
    if type(value) in kinds:
        return kinds[type(value)]
    if isinstance(value, bool):
        return "true" if value else "false"
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 40 else text[:37] + "…"


def _describe(hint: Any) -> str:
    if get_origin(hint) in (Union, types.UnionType):
        inner = [h for h in get_args(hint) if h is not type(None)]
        return f"{_describe(inner[0])} or null"
    if get_origin(hint) is list:
        return "a list"
    if get_origin(hint) is dict or (isinstance(hint, type) and issubclass(hint, Record)):
        return "an object"
    return {str: "text", int: "a whole number", bool: "true or false"}.get(hint, str(hint))


def _check(value: object, hint: Any, path: str) -> None:
    """Raise ValidationError(path, …) when ``value`` is not of type ``hint``."""
    origin = get_origin(hint)
    if hint is Any:
        return
    if origin in (Union, types.UnionType):
        if value is None:
            return
        hint = next(h for h in get_args(hint) if h is not type(None))
        origin = get_origin(hint)
    ok: bool
    if origin is list:
        ok = isinstance(value, list)
    elif origin is dict:
        ok = isinstance(value, dict)
    elif isinstance(hint, type) and issubclass(hint, Record):
        ok = isinstance(value, dict)
    elif hint is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
    else:
        ok = isinstance(value, hint)
    if not ok:
        raise ValidationError(path, f"should be {_describe(hint)}, not {show(value)}")
    if origin is list:
        (item,) = get_args(hint)
        for i, v in enumerate(value):  # type: ignore[arg-type]
            _check(v, item, f"{path}[{i}]")
    elif isinstance(hint, type) and issubclass(hint, Record):
        check_fields(hint, value, f"{path}.")  # type: ignore[arg-type]


def check_fields(cls: type[Record], row: dict[str, Any], prefix: str = "") -> None:
    """Every known field in ``row`` has the type ``cls`` declares (unknown keys are ignored)."""
    for name, hint in _hints(cls).items():
        if name in row:
            _check(row[name], hint, prefix + name)
            if name in TIMESTAMP_FIELDS:
                check_stamp(row[name], prefix + name)


def check_stamp(value: str, field: str) -> None:
    """Empty, or an ISO 8601 date and time with its UTC offset."""
    if value and parse_stamp(value) is None:
        raise ValidationError(field, f"should be a date and time with its UTC offset, like "
                              f"2026-03-11T09:00:00+00:00, not {show(value)}")


def parse_stamp(value: object) -> datetime | None:
    """The moment an ``updated_at`` names, or None when it is empty or unreadable."""
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def check_record(cls: type[Record], row: object, where: str, *, with_id: bool = True) -> Record:
    """One checked, validated record from ``row``; ImportProblem names what is wrong.

    ``with_id``: the record must carry its own id (everything but settings does).
    """
    if not isinstance(row, dict):
        raise ImportProblem(f"{where} should be an object, not {show(row)}")
    rid = row.get("id")
    label = f"{where} (id {rid})" if isinstance(rid, str) and 0 < len(rid) <= 64 else where
    try:
        if with_id and "id" not in row:
            raise ValidationError("id", "is missing; every record needs its own id")
        if with_id and (not isinstance(rid, str) or not _ID.fullmatch(rid)):
            raise ValidationError("id", f"should be 1–64 characters without spaces, "
                                  f"not {show(rid)}")
        check_fields(cls, row)
        record = cls.from_dict(row)
        record.validate()  # type: ignore[attr-defined]
    except ValidationError as exc:
        raise ImportProblem(f"{label}: {exc.field} {exc.message}") from None
    except (TypeError, AttributeError, ValueError) as exc:  # a shape we did not foresee
        raise ImportProblem(f"{label}: something in it has the wrong type ({exc})") from None
    return record
