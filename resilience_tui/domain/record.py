"""The base of every stored record: dataclasses that become dicts and back.

``to_dict``/``from_dict`` with nested records (``NESTED``, ``NESTED_LISTS``), the
fast path for a fully stored row, and the id every record gets. The records
themselves are in :mod:`models`. No Textual or TinyDB import here.
"""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass, fields
from sys import intern
from typing import Any, ClassVar, TypeVar

from .validate import ValidationError, per_class

T = TypeVar("T", bound="Record")


def new_id() -> str:
    """A stable, unique record id."""
    return uuid.uuid4().hex[:16]


def _nested(cls: type[Record], name: str, value: Any) -> Any:
    """A stored field's value, with nested records (and lists of them) built."""
    if name in cls.NESTED and isinstance(value, dict):
        return cls.NESTED[name].from_dict(value)
    if name in cls.NESTED_LISTS and isinstance(value, list):
        sub = cls.NESTED_LISTS[name]
        return [sub.from_dict(v) if isinstance(v, dict) else v for v in value]
    return value


class Identified:
    """What a record kept in a table has: its ``id`` and when it was last changed.

    A plain class, not a dataclass: each record declares these fields itself, last,
    so positional construction and the order of keys in the file stay as they are;
    this only tells the type checker that a stored record has them (``RestDay`` has
    no ``updated_at``: code that may meet one asks ``hasattr`` first).
    """

    __slots__ = ()
    id: str
    updated_at: str


@dataclass(slots=True)
class Record(Identified):
    """Base for stored records: ``to_dict``/``from_dict`` with nested records.

    Slotted, as is every record: no attribute dictionary or spare room beside each of the
    96,000 records of thirty years (4.6 MB less at open; the app's peak 91.6 -> 87.1 MB).
    orjson writes a slotted dataclass about five times slower (the check-ins of thirty
    years in ~60 ms instead of ~11), which once ruled slots out: every save serialised the
    tables it changed, whole. Saves now serialise only the pieces of rows they change
    (``storage.splice``), so that is paid only where a table is written whole (a file
    not in the app's layout, the first save after a failed one, a copy kept aside).
    """

    NESTED: ClassVar[dict[str, type[Record]]] = {}
    NESTED_LISTS: ClassVar[dict[str, type[Record]]] = {}
    # Fields whose values many records repeat (a day, an activity, a plan item's kind),
    # text or lists of text: each value kept once (interned) as stored rows are built.
    SHARED: ClassVar[tuple[str, ...]] = ()

    def validate(self: T) -> T:
        """Check and tidy every field; raise ValidationError. Each record overrides this."""
        return self

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls: type[T], data: dict[str, Any]) -> T:
        """Build from a dict, ignoring unknown keys and filling defaults for missing ones."""
        if not isinstance(data, dict):
            raise ValidationError(cls.__name__.lower(), "should be an object")
        names, plain = _shape(cls)
        if plain and data.keys() == names:
            return cls._from_complete(data)
        kwargs = {f.name: _nested(cls, f.name, data[f.name]) for f in fields(cls)
                  if f.name in data}
        return cls(**kwargs)

    @classmethod
    def _from_complete(cls: type[T], data: dict[str, Any]) -> T:
        """The usual case, every field stored and nothing else: the object ``__init__``
        would build, made without looking field by field (a long history loads ~3x faster).

        Only for classes without ``__post_init__``, so setting the fields is all it takes.
        """
        if cls.NESTED or cls.NESTED_LISTS:
            data = {name: _nested(cls, name, value) for name, value in data.items()}
        shared = _shared(cls)
        obj = object.__new__(cls)
        for name, value in data.items():  # what the dataclass __init__ does, minus its checks
            setattr(obj, name, _one_copy(value) if name in shared else value)
        at = data.get("at")
        if at and data.get("updated_at") == at:  # most records: written and last changed once
            setattr(obj, "updated_at", at)  # noqa: B010 - a field of the subclass
        return obj


def _one_copy(value: Any) -> Any:
    """``value`` (text, or a list of texts) with each text interned: the same day, activity
    or feeling in thousands of records is then one string, not one per record (each parsed
    row brings its own copy; at 30 years of history this kept ~12 MB less). Equal values,
    so nothing a reader or the file sees changes."""
    if type(value) is str:
        return intern(value)
    if type(value) is list and value:
        return [intern(v) if type(v) is str else v for v in value]
    return value


@per_class
def _shared(cls: type[Record]) -> frozenset[str]:
    return frozenset(cls.SHARED)


@per_class
def _shape(cls: type[Record]) -> tuple[frozenset[str], bool]:
    """A record class's field names, and whether its ``__init__`` only sets them."""
    return frozenset(f.name for f in fields(cls)), not hasattr(cls, "__post_init__")
