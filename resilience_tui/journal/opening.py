"""Opening a journal: the store on its file, and the clock set to the user's day.

The store does not configure the clock; the day start hour is a setting, so the
core applies it here when a journal is opened and again whenever settings are
saved or imported (:func:`follow_settings`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..clock import Clock
from ..domain.models import Settings
from ..storage.store import Store


def follow_settings(clock: Clock, settings: Settings) -> None:
    """Make ``clock`` count days from the hour the user's day starts."""
    clock.day_start_hour = settings.day_start_hour


def open_journal(
    path: Path,
    clock: Clock,
    *,
    writer: bool = True,
    on_problem: Callable[[str], None] | None = None,
    preload: bool = False,
) -> Store:
    """Open (or create) the journal at ``path``, with ``clock`` following its settings.
    ``preload``: every table's records built as the file is read (see ``Store``).

    Raises what :class:`Store` raises: DatabaseLocked, DatabaseInvalid, OSError.
    """
    store = Store(path, clock, writer=writer, on_problem=on_problem, preload=preload)
    follow_settings(clock, store.settings)
    return store


def open_later(path: Path, clock: Clock, settings: Settings) -> Store:
    """Lock the journal at ``path`` now and read it later (see ``Store(later=...)``), with
    ``clock`` following ``settings``: the file's own, as filed in its summary."""
    store = Store(path, clock, later=settings)
    follow_settings(clock, settings)
    return store
