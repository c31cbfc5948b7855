"""Palette-only commands: things without a key of their own."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from textual.app import App

Command = tuple[str, str, Callable[[], Any]]


def palette_commands(app: App[Any]) -> Iterable[Command]:
    """Commands for the palette beyond the screens in PLACES."""
    from .screens.review import rest_today_command
    from .screens.transfer import transfer_commands

    yield rest_today_command(app)
    yield from transfer_commands(app)
