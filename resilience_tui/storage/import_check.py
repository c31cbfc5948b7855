"""The one check of a record read from outside memory, whatever the way in.

Import, the database file on load (``Repo._load``), backups and restore
sources all go through :func:`checked`. ``Record.from_dict`` is forgiving
(it fills defaults and keeps whatever type it is given), so every field
present is checked against the dataclass's type first — ``"cooldown": []``
is "should be an object, not a list", not a crash — then the record's own
``validate()`` checks ranges, enums, lengths, ids and days and cleans control
characters out of text, and finally the days must lie in a sane window
around the clock's today. Each problem names the field and the value.
A cool-down draft is working state: it is fitted to its step's shape or
dropped (see ``domain.draft``), never a reason to refuse a record.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from datetime import date
from functools import cache
from typing import Any, TypeVar, Union, get_args, get_origin

from ..domain.dates import parse_stamp
from ..domain.draft import fit_draft
from ..domain.models import Record, Rejection
from ..domain.validate import (
    ValidationError,
    check_days_within,
    check_id,
    per_class,
    stored_hints,
)

R = TypeVar("R", bound=Record)

TIMESTAMP_FIELDS = ("at", "updated_at")
# Our deepest field (a draft's tag notes) sits 7 levels into an export, 8 into the file;
# far deeper is a nesting bomb, which would pass a check and then fail the write.
MAX_DEPTH = 16


def too_deep(data: object, limit: int = MAX_DEPTH) -> bool:
    """True when ``data`` nests lists or objects more than ``limit`` levels (looked at
    without recursion, so a nesting bomb is refused up front: the same by ``--dry-run``
    and the real import, and at the door for a database file)."""
    stack: list[tuple[object, int]] = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in value.values())
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value)
    return False


class ImportProblem(ValueError):
    """The first thing wrong with an import file: where, which field, what value."""


@per_class
def _hints(cls: type[Record]) -> dict[str, Any]:
    return stored_hints(cls)


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
        items: list[object] = value  # type: ignore[assignment]  # isinstance above: a list
        for i, v in enumerate(items):
            _check(v, item, f"{path}[{i}]")
    elif isinstance(hint, type) and issubclass(hint, Record):
        check_fields(hint, value, f"{path}.")  # type: ignore[arg-type]


Pred = Callable[[object], bool]


@cache
def _fast(hint: Any) -> Pred:
    """A quick yes/no for "``value`` has type ``hint``", built once per type: every row of
    the journal is checked on load, and ten years of rows must still open quickly. Only a
    "no" goes the slow way (``_check``), which names the field."""
    origin = get_origin(hint)
    if hint is Any:
        return lambda v: True
    if origin in (Union, types.UnionType):
        inner = _fast(next(h for h in get_args(hint) if h is not type(None)))
        return lambda v: v is None or inner(v)
    if origin is list:
        item = _fast(get_args(hint)[0])
        return lambda v: type(v) is list and all(map(item, v))
    if origin is dict:
        return lambda v: type(v) is dict
    if isinstance(hint, type) and issubclass(hint, Record):
        row_ok = _fields_fast(hint)
        return lambda v: type(v) is dict and row_ok(v)
    return lambda v: type(v) is hint


@per_class
def _fields_fast(cls: type[Record]) -> Callable[[dict[str, Any]], bool]:
    simple: list[tuple[str, type]] = []  # plain text, number or flag: one type() test
    other: list[tuple[str, Pred]] = []
    for name, hint in _hints(cls).items():
        if name == "draft":
            continue
        if hint in (str, int, bool):
            simple.append((name, hint))
        else:
            other.append((name, _fast(hint)))
    stamps = [name for name in TIMESTAMP_FIELDS if name in _hints(cls)]

    def row_ok(row: dict[str, Any]) -> bool:
        get = row.get
        for name, kind in simple:
            value = get(name, _ABSENT)
            if value is not _ABSENT and type(value) is not kind:
                return False
        for name, ok in other:
            if name in row and not ok(row[name]):
                return False
        return all(not row.get(name) or parse_stamp(row[name]) is not None for name in stamps)

    return row_ok


_ABSENT = object()


def check_fields(cls: type[Record], row: dict[str, Any], prefix: str = "") -> None:
    """Every known field in ``row`` has the type ``cls`` declares (unknown keys are ignored)."""
    if _fields_fast(cls)(row):
        return
    for name, hint in _hints(cls).items():
        if name in row and name != "draft":  # a draft's shape is fit_draft's to judge
            _check(row[name], hint, prefix + name)
            if name in TIMESTAMP_FIELDS:
                check_stamp(row[name], prefix + name)


def check_stamp(value: str, field: str) -> None:
    """Empty, or an ISO 8601 date and time with its UTC offset."""
    if value and parse_stamp(value) is None:
        raise ValidationError(field, f"should be a date and time with its UTC offset, like "
                              f"2026-03-11T09:00:00+00:00, not {show(value)}")


def checked(cls: type[R], row: object, *, with_id: bool = True,
            today: date | None = None) -> R:
    """The one check of a stored or imported record: types, then the record's own
    ``validate()`` (ranges, enums, lengths, ids, real days, control characters out),
    then, given the clock's ``today``, days within 1970 … a year from today.

    Raises ValidationError naming the field; a shape nobody foresaw is named too,
    never a crash. ``with_id``: the record must carry its own id (all but settings).
    """
    if not isinstance(row, dict):
        raise ValidationError("record", f"should be an object, not {show(row)}")
    try:
        if with_id and "id" not in row:
            raise ValidationError("id", "is missing; every record needs its own id")
        if with_id:
            check_id(row["id"], "id")
        check_fields(cls, row)
        record = cls.from_dict(row)
        record.validate()
        if today is not None:
            check_days_within(record, today)
    except ValidationError:
        raise
    except (TypeError, AttributeError, ValueError, OverflowError, RecursionError) as exc:
        raise ValidationError("record", f"has something of the wrong type ({exc})") from None
    return record


def draft_dropped(cls: type[Record], row: object) -> bool:
    """True when ``row`` (a rejection) holds a cool-down draft that doesn't fit its step
    and will be left out (working state: a note, not a refusal)."""
    if cls is not Rejection or not isinstance(row, dict):
        return False
    cool = row.get("cooldown")
    return isinstance(cool, dict) and fit_draft(cool.get("draft"))[1]


def check_record(cls: type[R], row: object, where: str, *, with_id: bool = True,
                 today: date | None = None) -> R:
    """One checked, validated record from ``row``; ImportProblem names what is wrong."""
    rid = row.get("id") if isinstance(row, dict) else None
    try:
        label = f"{where} (id {check_id(rid, 'id')})"
    except ValidationError:  # an id that breaks the rule is shown only as repr() below
        label = where
    try:
        return checked(cls, row, with_id=with_id, today=today)
    except ValidationError as exc:
        if exc.field == "record" and not isinstance(row, dict):
            raise ImportProblem(f"{where} should be an object, not {show(row)}") from None
        raise ImportProblem(f"{label}: {exc.field} {exc.message}") from None
