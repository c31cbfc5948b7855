"""The history by day (:class:`~resilience_tui.domain.day_index.DayIndex`), one per revision.

Today refreshes after every change and Review reads the same days again when it
opens, so the index is kept for each revision of the store (every write bumps
``Store.revision``, saved or not) and shared until the next change. After a change
it follows the records put or deleted since (``Store.changes_since``) rather than
being built again, which at 30 years is 18 ms of a save. The index holds the
stored records themselves, which nothing changes in place (screens copy with
``get`` before editing), so a kept one is never stale while the revision stands.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from ..domain.cooldown import readable
from ..domain.day_index import DayIndex
from ..domain.models import Rejection

if TYPE_CHECKING:
    from ..storage.store import Store

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


_readable: WeakKeyDictionary[Store, tuple[int, list[Rejection]]] = WeakKeyDictionary()


def readable_rejections(store: Store) -> list[Rejection]:
    """The rejections whose days can be read (``cooldown.readable``), once per revision:
    Today's view asked three times (its cool-downs, the feedback awaited, the line toward
    the yes), about 3 ms each at 30 years. Shared: never change the list."""
    held = _readable.get(store)
    if held is not None and held[0] == store.revision:
        return held[1]
    found = readable(store.rejections.all())
    _readable[store] = (store.revision, found)
    return found


def forget(store: Store) -> None:
    """Drop the store's index, so the next ask builds it afresh (the benchmark's cold
    figures: what Review costs right after a change)."""
    _built.pop(store, None)
    _readable.pop(store, None)
