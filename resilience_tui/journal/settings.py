"""Settings: saving them, and the clock following the day start hour at once."""

from __future__ import annotations

from ..clock import Clock
from ..domain.models import Settings
from ..storage.store import Store
from .opening import follow_settings


def save_settings(store: Store, clock: Clock, settings: Settings) -> Settings:
    """Validate and save ``settings``; the user's day starts at the new hour from now on.

    Raises ValidationError (nothing saved) for a value out of range.
    """
    settings.validate()
    store.save_settings(settings)
    follow_settings(clock, settings)
    return settings


def remember_theme(store: Store, clock: Clock, name: str) -> None:
    """Keep the theme the user picked (from Settings or the palette), once it changed."""
    if store.settings.theme != name:
        settings = store.settings
        settings.theme = name
        save_settings(store, clock, settings)


def welcome_due(store: Store) -> bool:
    """A fresh journal: never welcomed, no settings saved and no records at all.

    Checked when the app starts (not only when the file was just created), so a first run
    closed before the welcome was answered shows it again next time; a journal someone
    already uses (records, or settings saved by an older version) never gets it.
    """
    if store.settings.welcomed or store.has_settings:
        return False
    return not any(repo.all() for repo in store.repos.values())


def finish_welcome(store: Store, clock: Clock, settings: Settings | None = None) -> Settings:
    """Save what the welcome asked for (``None``: it was skipped, nothing changes) and
    note that it was seen, so it never opens by itself again.

    Raises ValidationError (nothing saved) for a value out of range.
    """
    chosen = settings if settings is not None else store.settings
    chosen.welcomed = True
    return save_settings(store, clock, chosen)
