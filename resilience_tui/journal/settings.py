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
