"""The history by day (:class:`~resilience_tui.domain.day_index.DayIndex`), one per
revision, and figures kept until a table they read changes (:func:`kept`).

Today refreshes after every change and Review reads the same days again when it
opens, so the index is kept for each revision of the store (every write bumps
``Store.revision``, saved or not) and shared until the next change. After a change
it follows the records put or deleted since (``Store.changes_since``) rather than
being built again, which at 30 years is 18 ms of a save. The index holds the
stored records themselves, which nothing changes in place (screens copy with
``get`` before editing), so a kept one is never stale while the revision stands.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any, TypeVar
from weakref import WeakKeyDictionary

from ..domain.cooldown import readable
from ..domain.day_index import DayIndex
from ..domain.models import Rejection

if TYPE_CHECKING:
    from ..storage.store import Store

T = TypeVar("T")

_built: WeakKeyDictionary[Store, tuple[int, int, DayIndex]] = WeakKeyDictionary()


def day_index(store: Store) -> DayIndex:
    """The store's history by day as of its current revision (built on first ask)."""
    held = _built.get(store)
    if held is not None and held[0] == store.revision:
        return held[2]
    mark = store.change_mark
    index = None
    if held is not None:
        changes = store.changes_since(held[1])
        if changes is not None:
            index = held[2].updated(changes, store.rest_days.all)
    if index is None:
        index = DayIndex(store.checkins.all(), store.selfcare.all(), store.rest_days.all())
    _built[store] = (store.revision, mark, index)
    return index


# Figures kept by name: (the change log's mark, what they were worked out for, the answer).
_kept: WeakKeyDictionary[Store, dict[str, tuple[int, Hashable, Any]]] = WeakKeyDictionary()


def kept(store: Store, name: str, tables: frozenset[str], inputs: Hashable,
         build: Callable[[], T]) -> T:
    """``build()``, worked out again only when a record of ``tables`` was put or deleted
    since it last was, or ``inputs`` (the day, the settings it reads) differ.

    Today's view is worked out after every save, and most of it reads tables the save
    did not touch: a self-care entry changes no streak of check-ins, no cool-down. At
    thirty years those parts are ~15 ms of the key's path. What is kept is shared, as
    the records it was made from are: never change it."""
    held = _kept.setdefault(store, {}).get(name)
    mark = store.change_mark
    if held is not None and held[1] == inputs:
        changes = store.changes_since(held[0])
        if changes is not None and not any(table in tables for table, _, _ in changes):
            _kept[store][name] = (mark, inputs, held[2])
            return held[2]
    value = build()
    _kept[store][name] = (mark, inputs, value)
    return value


REJECTIONS = frozenset({"rejections"})  # figures read from the rejections alone


def readable_rejections(store: Store) -> list[Rejection]:
    """The rejections whose days can be read (``cooldown.readable``), kept until a rejection
    is put or deleted: Today's view asked three times (its cool-downs, the feedback awaited,
    the line toward the yes), about 3 ms each at 30 years. Shared: never change the list."""
    return kept(store, "readable rejections", REJECTIONS, None,
                lambda: readable(store.rejections.all()))


def forget(store: Store) -> None:
    """Drop the store's index and kept figures, so the next ask works them out afresh
    (the benchmark's cold figures: what Today and Review cost as the history comes in)."""
    _built.pop(store, None)
    _kept.pop(store, None)
