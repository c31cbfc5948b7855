"""The user's own words from an earlier step, shown again where they help.

Reflect (day 2) keeps day 1 one key away: the feelings with their intensity and
the first lines of the "let it out" page, so the thinking-trap check can meet the
spiral as it was written. Move on opens with what the reflection concluded (the
kinder thought and the lessons). Read-only; every user word is plain text.
"""

from __future__ import annotations

from textual.widgets import Collapsible, Static

from ...domain.models import Rejection

JOURNAL_LINES = 3
DAY_ONE_KEY = "ctrl+o"
# A fold's own triangles, smaller than the ▶ that marks focus, so the two never read alike.
FOLDED, UNFOLDED = "▸", "▾"


def first_lines(text: str, count: int = JOURNAL_LINES) -> str:
    """The first ``count`` non-empty lines of ``text``, with "…" when there is more."""
    lines = [line.rstrip() for line in text.splitlines() if line.strip()]
    shown = "\n".join(lines[:count])
    return f"{shown} …" if len(lines) > count else shown


def day_one_text(r: Rejection) -> str:
    """What day 1 held, in a few lines: the feelings named, then the journal's opening."""
    c = r.cooldown
    feelings = " · ".join(f"{f.name} {f.before}" for f in c.feelings)
    parts = [f"You felt: {feelings}" if feelings else "No feelings were named."]
    journal = first_lines(c.journal)
    parts.append(f"You wrote:\n{journal}" if journal else "Nothing was written on the page.")
    return "\n".join(parts)


def day_one_block(r: Rejection) -> Collapsible:
    """Day 1's words, folded until asked for (``ctrl+o`` or a click on its title)."""
    return Collapsible(Static(day_one_text(r), id="day-one-text", markup=False),
                       title=f"What you wrote on day 1 ({DAY_ONE_KEY})", collapsed=True,
                       id="day-one",
                       collapsed_symbol=FOLDED, expanded_symbol=UNFOLDED)


def reflection_lines(r: Rejection) -> list[tuple[str, str]]:
    """The reflection's conclusions that were written, as (label, text)."""
    c = r.cooldown
    found = (("A kinder thought", c.balanced_thought), ("Went well", c.went_well),
             ("Next time", c.do_differently))
    return [(label, first_lines(text)) for label, text in found if text.strip()]


def reflection_block(r: Rejection) -> Static | None:
    """What the reflection concluded, to carry into moving on (None when nothing was)."""
    lines = reflection_lines(r)
    if not lines:
        return None
    text = "\n".join(f"{label}: {text}" for label, text in lines)
    return Static(text, id="reflection-recap", classes="recap", markup=False)
