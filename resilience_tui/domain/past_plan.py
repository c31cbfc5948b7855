"""A past day's plan, kept as one short text: its items are built each time they are read.

Why: the plans are the larger part of a long history held in memory. At thirty years the
54,750 plan items of 10,950 mornings, each an object with its own id and words, were
about 15 MB of the app's 87; the same plans kept as their items' values, one JSON text a
plan (``[["apply","Acme analyst",true,"5097…",…],…]``), are 5.5 MB. Nobody changes a plan
months old (a check-in is edited on its day; one corrected later is a private copy, a
list again), and few read them: History (a day at a time, and its search), the exports.
So the storage keeps the plans of days long past this way (``storage.store.build_rows``),
and each reader still sees a sequence of plan items. (Compressed, they were 3.7 MB, but
compressing them took 150 ms at thirty years against 28 for this.)

How many items a plan has and how many are done are kept beside it, so History's lines
and the calendar's shading ask for nothing to be built (:func:`done_count`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import fields
from typing import Any, overload

import orjson

from .models import PlanItem

PAST_DAYS = 200  # a plan this many days old, or older, is kept packed (the heatmap: 182)
_FIELDS = tuple(f.name for f in fields(PlanItem))
_TEXT = _FIELDS.index("text")


class PastPlan(Sequence[PlanItem]):
    """A plan's items as the values of each, in field order (how the journal's file has
    them, keys and all, when a check-in is held as its row: see ``storage.held``).

    Read-only, as every stored record is shared: a copy (``copy.deepcopy``, which is how
    ``Repo.get`` hands out a record to change) is a plain list of new plan items."""

    __slots__ = ("_values", "_count", "_done")

    def __init__(self, rows: list[dict[str, Any]], done: int) -> None:
        """``rows``: the items as read from the file, each with every field in field order."""
        # Copied to a bytes object of its own size: orjson's own is allocated in 4 KB.
        self._values = bytes(memoryview(orjson.dumps(list(map(tuple, map(dict.values, rows))))))
        self._count = len(rows)
        self._done = done

    @property
    def done(self) -> int:
        """How many of its items are done."""
        return self._done

    def written(self) -> bytes:
        """The items as the journal's file holds them, byte for byte."""
        return orjson.dumps([dict(zip(_FIELDS, values, strict=True))
                             for values in orjson.loads(self._values)])

    def items(self) -> list[PlanItem]:
        """The items, built afresh: a private list."""
        return [PlanItem(*values) for values in orjson.loads(self._values)]

    def texts(self) -> list[str]:
        """The items' words, without building the items (History's search)."""
        return [values[_TEXT] for values in orjson.loads(self._values)]

    def __len__(self) -> int:
        return self._count

    def __bool__(self) -> bool:
        return self._count > 0

    @overload
    def __getitem__(self, index: int) -> PlanItem: ...
    @overload
    def __getitem__(self, index: slice) -> list[PlanItem]: ...
    def __getitem__(self, index: int | slice) -> PlanItem | list[PlanItem]:
        return self.items()[index]

    def __iter__(self) -> Iterator[PlanItem]:
        return iter(self.items())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PastPlan):
            return self._values == other._values or self.items() == other.items()
        if isinstance(other, list):
            return self.items() == other
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return repr(self.items())

    def __copy__(self) -> list[PlanItem]:
        return self.items()

    def __deepcopy__(self, memo: dict[int, Any]) -> list[PlanItem]:
        return self.items()


def done_count(plan: Sequence[PlanItem]) -> int:
    """How many of a plan's items are done, without building a past plan's items."""
    return plan.done if isinstance(plan, PastPlan) else sum(1 for p in plan if p.done)


def plan_texts(plan: Sequence[PlanItem]) -> list[str]:
    """A plan's items' words, without building a past plan's items."""
    return plan.texts() if isinstance(plan, PastPlan) else [p.text for p in plan]


def as_json(obj: object) -> orjson.Fragment:
    """For orjson's ``default``: a past plan is written as the bytes it was read as."""
    if isinstance(obj, PastPlan):
        return orjson.Fragment(obj.written())
    raise TypeError(f"{type(obj).__name__} is not a record field orjson writes")
