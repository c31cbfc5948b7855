"""Patterns: what the rejections and feedback have in common, and what the user planned about it.

Idea I5: collect feedback, look for recurring themes, adapt. Counts by stage,
reason tag and feedback theme; a theme in two or more rejections (a tag, or
words the user wrote in notes and feedback) is marked "↻ recurring" (a glyph
and a word, not only a colour) and shown with the rejections and the words it
came from and only the next steps that concern it; bounce-back over time.
A long history has many themes: the strongest few are shown, with a count
of the rest. Read only: nothing here changes the store.
"""

from __future__ import annotations

import textwrap
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
THEMES_SHOWN = 8  # the strongest; a long history has hundreds that recur
QUOTES_SHOWN = 2
LINE_WIDTH = 74  # what fits beside the scrollbar at 80 columns
NAMES_SHOWN = 4
STEPS_SHOWN = 4  # the latest; the rest are counted

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
SOURCES = {"reason": "your reasons", "note": "your notes", "feedback": "feedback"}
QUOTED_FROM = {"reason": "your notes", "note": "your notes", "feedback": "feedback"}


def listed(words: list[str]) -> str:
    """"a", "a and b", "a, b and c"."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def count_lines(counts: Iterable[tuple[str, int]], recurring: Collection[str] = ()) -> str:
    """One bar per name, with the count; recurring names (in any case) get the ↻ mark."""
    rows = list(counts)
    top = max((n for _, n in rows), default=0)
    lines = []
    for name, n in rows:
        mark = RECURS if name.casefold() in recurring else " "
        shown = name if len(name) <= NAME_WIDTH else name[: NAME_WIDTH - 1] + "…"
        lines.append(f"{mark} {shown:<{NAME_WIDTH}} {hbar(n, top, BAR_WIDTH)} {n:>3}")
    return "\n".join(lines)


def companies(theme: RecurringTheme, names: dict[str, str]) -> str:
    """The companies it came up with, the first few named."""
    found = list(dict.fromkeys(names[rid] for rid in theme.rejection_ids if rid in names))
    if len(found) > NAMES_SHOWN:
        rest = len(found) - NAMES_SHOWN + 1
        found = [*found[: NAMES_SHOWN - 1], f"{rest} more"]
    return listed(found) if found else ""


def quote_lines(theme: RecurringTheme, names: dict[str, str]) -> list[str]:
    """The user's own words it came from, each with whose rejection and where."""
    lines = []
    for q in theme.quotes[:QUOTES_SHOWN]:
        whose = ", ".join(w for w in (names.get(q.rejection_id, ""), QUOTED_FROM[q.source]) if w)
        words = q.excerpt(theme.name, max(24, LINE_WIDTH - 7 - len(whose)))
        if words.casefold() == theme.key:
            continue  # a feedback theme quoting itself says nothing
        lines.append(f"    “{words}” ({whose})")
    return lines


def step_line(text: str) -> str:
    """A planned step, wrapped under its own words rather than back to the left edge."""
    return textwrap.fill(text, LINE_WIDTH, initial_indent="    → ", subsequent_indent="      ")


def theme_text(theme: RecurringTheme, names: dict[str, str] | None = None) -> str:
    """A recurring theme: where it came from, in the user's words, and what was planned."""
    names = names or {}
    where = listed([SOURCES[s] for s in theme.sources]) if theme.sources else "your notes"
    lines = [f"{RECURS} {theme.name} · recurring in {theme.count} rejections ({where})"]
    who = companies(theme, names)
    if who:
        lines.append(f"    With {who}.")
    lines += quote_lines(theme, names)
    if not theme.actions:
        lines.append("    Nothing planned for it yet: a next step can answer it.")
    else:
        earlier = len(theme.actions) - STEPS_SHOWN
        lines += ["    Planned:" if earlier <= 0 else
                  f"    Planned, the latest {STEPS_SHOWN} of {len(theme.actions)}:",
                  *(step_line(text) for text in theme.actions[-STEPS_SHOWN:])]
    return "\n".join(lines)


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
        rejections = readable(self.store.rejections.all())
        p = patterns(rejections, self.store.actions.all())
        total = f"{p.total} rejection{'' if p.total == 1 else 's'} so far" if p.total else ""
        yield Static("Patterns" + (f" · {total}" if total else ""), id="patterns-top",
                     classes="page-top")
        with VerticalScroll(id="patterns", classes="page-body"):
            if not p.total:
                yield Static(NO_REJECTIONS, id="patterns-empty", classes="empty", markup=False)
            else:
                yield from self._sections(p, {r.id: r.company for r in rejections})
        yield Footer()

    def _sections(self, p: Patterns, names: dict[str, str]) -> ComposeResult:
        recurring = {t.key for t in p.recurring}
        yield Static(f"{RECURS} Themes that keep coming up", classes="recurring-heading")
        if p.recurring:
            for theme in p.recurring[:THEMES_SHOWN]:
                yield Static(theme_text(theme, names), classes="recurring", markup=False)
            rest = len(p.recurring) - THEMES_SHOWN
            if rest > 0:
                yield Static(f"{rest} more came up in two or more rejections; the ones that "
                             "came up most are above.", id="more-themes", classes="empty")
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
