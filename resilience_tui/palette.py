"""The command palette's own commands: every place, plus what has no key of its own.

A Textual command ``Provider``: each command runs a string action on the app
(``open('review')``) or a palette-only command (rest today, export, import), so
this module never calls the app's methods and never imports the app.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import Any

from textual.app import App
from textual.command import DiscoveryHit, Hit, Hits, Provider

from .screens.keymap import PLACES

Command = tuple[str, str, Callable[[], Any]]


def palette_commands(app: App[Any]) -> Iterable[Command]:
    """Every command this app adds to the palette, in the order discovery shows them."""
    from .screens.review import rest_today_command
    from .screens.transfer import transfer_commands

    for name, place in PLACES.items():
        yield (f"{place.title}  ({place.key})", place.help,
               partial(app.run_action, f"open('{name}')"))
    yield ("Edit in your editor  (alt+e)",
           "Open the text field you are in with $VISUAL or $EDITOR",
           partial(app.run_action, "edit_in_editor"))
    yield ("Welcome page", "How the routine goes, your name, rest days, when the day starts",
           partial(app.run_action, "welcome"))
    yield rest_today_command(app)
    yield from transfer_commands(app)


class JournalCommands(Provider):
    """The palette's commands for this app (Textual's own ones come from its provider)."""

    async def discover(self) -> Hits:
        for title, help_text, callback in palette_commands(self.app):
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in palette_commands(self.app):
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)
