"""What the journal core's tests share: counting the store's announcements, and
checking that a refused change left the file exactly as it was."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from resilience_tui.storage.store import Store


def announcements(store: Store) -> Callable[[], int]:
    """How many times the store has announced a change since this was called."""
    heard: list[None] = []
    store.subscribe(lambda: heard.append(None))
    return lambda: len(heard)


@contextmanager
def nothing_saved(store: Store) -> Iterator[None]:
    """The block must leave the file byte for byte as it was."""
    before = store.path.read_bytes()
    yield
    assert store.path.read_bytes() == before
