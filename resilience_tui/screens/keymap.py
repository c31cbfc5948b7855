"""Every screen reachable from Today, the palette and help: one list, so keys can't drift.

Only names, keys and words live here (screens read them); ``places.py`` pairs each
name with the factory that builds its screen.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    """A screen the app can open: how to build it, its key and how to describe it."""

    title: str
    help: str
    key: str  # as shown to the user
    label: str = ""  # the word in Today's footer
    in_footer: bool = True  # Today's footer fits the routine's keys at 80 columns, not all

    @property
    def binding_key(self) -> str:
        """The key's name for Textual bindings."""
        return {",": "comma", "?": "question_mark"}.get(self.key, self.key)


# The order is help's and the palette's.
PLACES: dict[str, Place] = {
    "checkin": Place("Morning check-in",
                     "Mood, energy, an intention and today's plan", "m", "Morning"),
    "rejection": Place("Log a rejection",
                       "Note it down and start a gentle two-day cool-down", "r", "Rejection"),
    "cooldown": Place("Continue a cool-down",
                      "Pick up the most urgent open cool-down", "c", "Cool-down"),
    "selfcare": Place("Self-care check-in",
                      "Log something you did to look after yourself", "s", "Self-care"),
    "network": Place("Support network",
                     "The people and communities in your corner", "n", "Network"),
    "review": Place("Review",
                    "Streaks, routine strength, trends and bounce-back", "v", "Review"),
    "history": Place("History",
                     "Reread, correct or delete any entry; search what you wrote", "h",
                     "History", in_footer=False),
    "patterns": Place("Patterns",
                      "What your rejections and feedback have in common", "p", "Patterns",
                      in_footer=False),
    "settings": Place("Settings",
                      "Your name, day start, cool-down length, rest days, theme", ",",
                      "Settings", in_footer=False),
    "help": Place("Help", "Every key in one place", "?", "Help"),
}
