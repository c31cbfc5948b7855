"""Patterns across all rejections: what recurs, what was planned, how fast the user bounces back.

Counts are of rejections (a tag named twice in one rejection counts once).
A theme *recurs* when it appears in two or more rejections: a reason tag, or
a word or two-word phrase of what the user wrote (reason notes, feedback text
and feedback themes, read together by :mod:`themes`). "unknown" is counted
but never called a recurring theme: it is the absence of a pattern, not one.

What was planned about a theme is only what concerns it: a next step whose
words name it, or one chosen in a rejection where the theme was part of a
reason that kind of step answers (a skill to learn answers a skill gap, not
an internal candidate). Listing every step of those rejections, related or
not, made the list say nothing.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from .dates import stored_day
from .models import Action, Rejection
from .themes import Quote, Theme, phrases, themes

# Which kinds of next step answer which reason (the cool-down's redirect kinds).
ANSWERS: dict[str, frozenset[str]] = {
    "skill gap": frozenset({"a skill to learn"}),
    "experience level": frozenset({"a skill to learn", "similar roles", "broaden the search"}),
    "interview performance": frozenset({"a skill to learn", "reach out"}),
    "culture/team fit": frozenset({"similar roles", "adjacent industry"}),
    "competition or internal candidate": frozenset({"similar roles", "broaden the search",
                                                    "reach out"}),
    "timing or budget": frozenset({"similar roles", "broaden the search", "adjacent industry"}),
}


class Plans:
    """The user's next steps, indexed once so each theme finds its own quickly."""

    def __init__(self, actions: Iterable[Action]) -> None:
        self.live = [a for a in actions if a.status != "dropped"]
        self.words: dict[int, set[str]] = {}  # a step's words, read when first needed
        self.by_rejection: dict[str, list[Action]] = defaultdict(list)
        for a in self.live:
            if a.rejection_id:
                self.by_rejection[a.rejection_id].append(a)

    @cached_property
    def folded(self) -> list[tuple[Action, str]]:
        return [(a, a.text.casefold()) for a in self.live]

    def naming(self, key: str) -> list[Action]:
        """The steps whose words name ``key`` (a word or two side by side, as themes are
        read; a quick look for the letters first, since most steps don't have them)."""
        return [a for i, (a, text) in enumerate(self.folded)
                if key in text and key in self._words(i)]

    def _words(self, i: int) -> set[str]:
        if i not in self.words:
            self.words[i] = {k for k, _ in phrases(self.live[i].text)}
        return self.words[i]

    def about(self, theme: Theme) -> tuple[str, ...]:
        """Texts of the steps that name ``theme`` or answer a reason it was part of,
        oldest first."""
        found = {id(a): a for a in self.naming(theme.key)}
        for rid, tag in theme.reason_tags:
            kinds = ANSWERS.get(tag, frozenset())
            found.update((id(a), a) for a in self.by_rejection.get(rid, ()) if a.kind in kinds)
        planned = sorted(found.values(), key=lambda a: a.created_on)
        return tuple(dict.fromkeys(a.text for a in planned))


@dataclass(frozen=True)
class RecurringTheme:
    """A theme seen in several rejections, with what the user planned about it.

    Built for every theme of a long history, read for the few shown: the
    details come from the :class:`Theme` when asked for.
    """

    theme: Theme
    plans: Plans = field(compare=False, repr=False)

    @property
    def name(self) -> str:
        return self.theme.label

    @property
    def key(self) -> str:
        return self.theme.key

    @property
    def count(self) -> int:
        return self.theme.count  # rejections it appears in

    @property
    def sources(self) -> tuple[str, ...]:
        return self.theme.sources  # "reason", "note", "feedback": those it came from

    @property
    def rejection_ids(self) -> tuple[str, ...]:
        return self.theme.rejection_ids

    @property
    def quotes(self) -> tuple[Quote, ...]:
        return self.theme.quotes

    @cached_property
    def actions(self) -> tuple[str, ...]:
        return self.plans.about(self.theme)  # texts of the next steps that concern it


@dataclass(frozen=True)
class BouncePoint:
    """One finished cool-down: how long it took and how much the feelings eased."""

    rejection_id: str
    company: str
    logged_on: date
    days: int  # from logging to moving on
    before: float | None  # average intensity when acknowledged
    after: float | None  # average intensity when moving on
    drop: float | None  # before - after


@dataclass
class Patterns:
    """Everything the Patterns screen shows; counts are (name, count), most first."""

    total: int = 0
    by_stage: list[tuple[str, int]] = field(default_factory=list)
    by_reason: list[tuple[str, int]] = field(default_factory=list)
    by_theme: list[tuple[str, int]] = field(default_factory=list)
    recurring: list[RecurringTheme] = field(default_factory=list)
    bounce_back: list[BouncePoint] = field(default_factory=list)


def ranked(counts: Counter[str]) -> list[tuple[str, int]]:
    """Most common first, then by name."""
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def _tags(r: Rejection) -> set[str]:
    return {reason.tag for reason in r.cooldown.reasons}


def _themes(r: Rejection) -> set[str]:
    return {t.strip().lower() for t in r.feedback.themes if t.strip()}


def recurring(rejections: Sequence[Rejection], actions: Iterable[Action]) -> list[RecurringTheme]:
    """Every theme in two or more rejections with what was planned about it, most first."""
    plans = Plans(actions)
    return [RecurringTheme(t, plans) for t in themes(rejections)]


def patterns(rejections: Sequence[Rejection], actions: Iterable[Action]) -> Patterns:
    """Counts by stage, reason tag and feedback theme; recurring themes; bounce-back."""
    stages: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    fb_themes: Counter[str] = Counter()
    shown: dict[str, str] = {}  # a theme counted in any case, shown as first typed
    for r in rejections:
        for t in r.feedback.themes:
            shown.setdefault(t.strip().lower(), t.strip())
        stages[r.stage] += 1
        reasons.update(_tags(r))
        fb_themes.update(_themes(r))
    return Patterns(
        total=len(rejections),
        by_stage=ranked(stages),
        by_reason=ranked(reasons),
        by_theme=[(shown.get(name, name), n) for name, n in ranked(fb_themes)],
        recurring=recurring(rejections, actions),
        bounce_back=bounce_back(rejections),
    )


def _mean(values: Sequence[int]) -> float | None:
    return sum(values) / len(values) if values else None


def bounce_point(r: Rejection) -> BouncePoint | None:
    """The bounce-back of one finished cool-down; None while it is still running.

    Intensities are averaged over the feelings re-rated when moving on, so
    before and after compare the same feelings; with none re-rated, only
    ``before`` (over all named feelings) is given.
    """
    c = r.cooldown
    if not c.moved_on_on:
        return None
    logged, moved_on = stored_day(r.logged_on), stored_day(c.moved_on_on)
    if logged is None or moved_on is None:
        return None  # a damaged day; doctor names it
    paired = [f for f in c.feelings if f.after is not None]
    before = _mean([f.before for f in paired] or [f.before for f in c.feelings])
    after = _mean([f.after for f in paired if f.after is not None])
    return BouncePoint(
        rejection_id=r.id,
        company=r.company,
        logged_on=logged,
        days=(moved_on - logged).days,
        before=before,
        after=after,
        drop=before - after if before is not None and after is not None else None,
    )


def bounce_back(rejections: Iterable[Rejection]) -> list[BouncePoint]:
    """Every finished cool-down, ordered by the day it was logged."""
    points = (bounce_point(r) for r in rejections)
    return sorted((p for p in points if p is not None), key=lambda p: (p.logged_on, p.company))
