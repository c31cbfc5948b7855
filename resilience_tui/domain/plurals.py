"""Small wording helpers shared by the screens, the panels, the journal and ``status``."""

from __future__ import annotations


def plural(n: int, word: str, words: str | None = None) -> str:
    """"1 day", "3 days", "1,200 check-ins"; ``words`` for an irregular plural."""
    return f"{n:,} {word if n == 1 else words or word + 's'}"
