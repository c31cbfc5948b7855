"""How each place in the keymap is built: one typed factory per screen.

Each factory imports its screen module only when the screen first
opens (a quick start), yet mypy and import-linter still see every app → screen edge.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.screen import Screen

from .screens.keymap import PLACES, Place

__all__ = ["FACTORIES", "PLACES", "Place", "cooldown_screen", "welcome_screen"]

ScreenFactory = Callable[[], Screen[Any]]


def checkin_screen() -> Screen[Any]:
    from .screens.checkin import CheckInScreen

    return CheckInScreen()


def rejection_screen() -> Screen[Any]:
    from .screens.rejection import LogRejectionScreen

    return LogRejectionScreen()


def cooldown_screen(rejection_id: str) -> Screen[Any]:
    """One rejection's cool-down (``c`` picks which one: see ``ResilienceApp``)."""
    from .screens.cooldown.screen import CooldownScreen

    return CooldownScreen(rejection_id=rejection_id)


def selfcare_screen() -> Screen[Any]:
    from .screens.selfcare import SelfCareScreen

    return SelfCareScreen()


def network_screen() -> Screen[Any]:
    from .screens.network import NetworkScreen

    return NetworkScreen()


def review_screen() -> Screen[Any]:
    from .screens.review import ReviewScreen

    return ReviewScreen()


def history_screen() -> Screen[Any]:
    from .screens.history.screen import HistoryScreen

    return HistoryScreen()


def patterns_screen() -> Screen[Any]:
    from .screens.patterns import PatternsScreen

    return PatternsScreen()


def settings_screen() -> Screen[Any]:
    from .screens.settings import SettingsScreen

    return SettingsScreen()


def help_screen() -> Screen[Any]:
    from .screens.help import HelpScreen

    return HelpScreen()


def welcome_screen() -> Screen[Any]:
    """The first-run page; no key of its own (help and the palette reach it)."""
    from .screens.welcome import WelcomeScreen

    return WelcomeScreen()


# Each name of the keymap, and how to build its screen (None: ``c`` picks the cool-down).
FACTORIES: dict[str, ScreenFactory | None] = {
    "checkin": checkin_screen,
    "rejection": rejection_screen,
    "cooldown": None,
    "selfcare": selfcare_screen,
    "network": network_screen,
    "review": review_screen,
    "history": history_screen,
    "patterns": patterns_screen,
    "settings": settings_screen,
    "help": help_screen,
}
