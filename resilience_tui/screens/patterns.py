"""Patterns: what the rejections and feedback have in common, and what the user planned about it.

Idea I5: collect feedback, look for recurring themes, adapt. Counts by stage,
reason tag and feedback theme; a theme in two or more rejections is marked
"↻ recurring" (a glyph and a word, not only a colour) and shown with the
redirect actions planned from those rejections; bounce-back over time.
Read only: nothing here changes the store.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Static

from ..domain.cooldown import readable
from ..domain.models import STAGES
from ..domain.patterns import Patterns, RecurringTheme, patterns
from ..widgets.bounce import BounceBack
from ..widgets.charts import hbar
from .base import AppScreen

RECURS = "↻"
FAR = ("interview", "final", "offer")
NAME_WIDTH = 34
BAR_WIDTH = 20

NO_REJECTIONS = (
    "No rejections logged, so there is nothing to compare yet, and that's fine. When a no "
    "arrives, press r on Today. After a few cool-downs, this is where the threads show up: "
    "reasons that repeat, feedback that agrees, and how quickly you get back up."
)
NO_RECURRING = (
    "Nothing has come up twice yet. Each reason you tag and each piece of feedback you note "
    "makes the picture clearer."
)
NO_REASONS = "No reasons tagged yet. They're added in a cool-down's reflect step."
NO_THEMES = ("No feedback themes yet. When someone replies to a feedback request, "
             "note the themes in the cool-down.")
SOURCES = {
    ("reason",): "your reasons",
    ("feedback",): "feedback",
    ("reason", "feedback"): "your reasons and feedback",
}


def count_lines(counts: Iterable[tuple[str, int]], recurring: Collection[str] = ()) -> str:
    """One bar per name, with the count; recurring names get the ↻ mark."""
    rows = list(counts)
    top = max((n for _, n in rows), default=0)
    lines = []
    for name, n in rows:
        mark = RECURS if name in recurring else " "
        shown = name if len(name) <= NAME_WIDTH else name[: NAME_WIDTH - 1] + "…"
        lines.append(f"{mark} {shown:<{NAME_WIDTH}} {hbar(n, top, BAR_WIDTH)} {n:>3}")
    return "\n".join(lines)


def theme_text(theme: RecurringTheme) -> str:
    """A recurring theme and what was planned about it."""
    where = SOURCES.get(theme.sources, "your notes")
    head = f"{RECURS} {theme.name} · recurring in {theme.count} rejections ({where})"
    if not theme.actions:
        return (f"{head}\n    Nothing planned for it yet. When you move on from a cool-down, "
                "a redirect action can answer it.")
    planned = "\n".join(f"    → {text}" for text in theme.actions)
    return f"{head}\n    Planned:\n{planned}"


def stage_counts(p: Patterns) -> list[tuple[str, int]]:
    """Stages in the order a search runs through them (only those that happened)."""
    counts = dict(p.by_stage)
    ordered = [(s, counts.pop(s)) for s in STAGES if s in counts]
    return ordered + sorted(counts.items())


class PatternsScreen(AppScreen[None]):
    """Counts, recurring themes with their plans, and bounce-back over time."""

    DEFAULT_CSS = """
    PatternsScreen .recurring { color: $text-accent; margin-bottom: 1; }
    PatternsScreen .recurring-heading { text-style: bold; margin-top: 1; color: $text-accent; }
    PatternsScreen .empty { color: $text-muted; }
    """

    BINDINGS = [Binding("escape", "dismiss", "Back")]

    def compose(self) -> ComposeResult:
        p = patterns(readable(self.store.rejections.all()), self.store.actions.all())
        total = f"{p.total} rejection{'' if p.total == 1 else 's'} so far" if p.total else ""
        yield Static("Patterns" + (f" · {total}" if total else ""), id="patterns-top",
                     classes="page-top")
        with VerticalScroll(id="patterns", classes="page-body"):
            if not p.total:
                yield Static(NO_REJECTIONS, id="patterns-empty", classes="empty", markup=False)
            else:
                yield from self._sections(p)
        yield Footer()

    def _sections(self, p: Patterns) -> ComposeResult:
        recurring = {t.name for t in p.recurring}
        yield Static(f"{RECURS} Themes that keep coming up", classes="recurring-heading")
        if p.recurring:
            for theme in p.recurring:
                yield Static(theme_text(theme), classes="recurring", markup=False)
        else:
            yield Static(NO_RECURRING, id="no-recurring", classes="empty", markup=False)
        yield Static("Stage reached", classes="heading")
        yield Static(count_lines(stage_counts(p)), id="by-stage", markup=False)
        further = sum(n for stage, n in p.by_stage if stage in FAR)
        if further:
            yield Static(f"{further} of {p.total} got to an interview or further.",
                         classes="empty")
        yield Static("Reasons you noted", classes="heading")
        yield Static(count_lines(p.by_reason, recurring) or NO_REASONS, id="by-reason",
                     classes="" if p.by_reason else "empty", markup=False)
        yield Static("Feedback themes", classes="heading")
        yield Static(count_lines(p.by_theme, recurring) or NO_THEMES, id="by-theme",
                     classes="" if p.by_theme else "empty", markup=False)
        yield Static("Bounce-back over time", classes="heading")
        yield BounceBack(points=p.bounce_back, id="bounce")
