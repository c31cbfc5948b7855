"""Palette-only commands: things without a key of their own."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..app import ResilienceApp

Command = tuple[str, str, Callable[[], Any]]


def palette_commands(app: ResilienceApp) -> Iterable[Command]:
    """Commands for the palette beyond the screens in PLACES."""
    from .review import rest_today_command
    from .transfer import transfer_commands

    yield rest_today_command(app)
    yield from transfer_commands(app)
