"""Patterns across all rejections: what recurs, what was planned, how fast the user bounces back.

Counts are of rejections (a tag named twice in one rejection counts once).
A theme *recurs* when it appears in two or more rejections, either as a
reason tag or as a feedback theme; the same word in both counts as one theme.
"unknown" is counted but never called a recurring theme: it is the absence
of a pattern, not one. Everything here is one pass over the history plus a
sort of the (small) results.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from .dates import stored_day
from .models import Action, Rejection

RECUR_AT = 2
NOT_A_THEME = frozenset({"unknown"})


@dataclass(frozen=True)
class RecurringTheme:
    """A theme seen in several rejections, with what the user planned about it."""

    name: str
    count: int  # rejections it appears in
    sources: tuple[str, ...]  # "reason", "feedback" or both
    rejection_ids: tuple[str, ...]
    actions: tuple[str, ...]  # Action texts planned from those rejections


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


def _actions_by_rejection(actions: Iterable[Action]) -> dict[str, list[Action]]:
    by_rejection: dict[str, list[Action]] = defaultdict(list)
    for a in actions:
        if a.rejection_id and a.status != "dropped":
            by_rejection[a.rejection_id].append(a)
    return by_rejection


def _recurring(
    seen: dict[str, list[str]],
    sources: dict[str, set[str]],
    actions: dict[str, list[Action]],
    shown: dict[str, str],
) -> list[RecurringTheme]:
    themes = []
    for name, ids in seen.items():
        if len(ids) < RECUR_AT or name in NOT_A_THEME:
            continue
        planned = sorted((a for rid in ids for a in actions.get(rid, ())),
                         key=lambda a: a.created_on)
        themes.append(RecurringTheme(
            name=shown.get(name, name),
            count=len(ids),
            sources=tuple(s for s in ("reason", "feedback") if s in sources[name]),
            rejection_ids=tuple(ids),
            actions=tuple(dict.fromkeys(a.text for a in planned)),
        ))
    return sorted(themes, key=lambda t: (-t.count, t.name.lower()))


def patterns(rejections: Sequence[Rejection], actions: Iterable[Action]) -> Patterns:
    """Counts by stage, reason tag and feedback theme; recurring themes; bounce-back."""
    stages: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    themes: Counter[str] = Counter()
    seen: dict[str, list[str]] = defaultdict(list)  # theme -> rejection ids
    sources: dict[str, set[str]] = defaultdict(set)
    shown: dict[str, str] = {}  # a theme counted in any case, shown as first typed
    for r in rejections:
        for t in r.feedback.themes:
            shown.setdefault(t.strip().lower(), t.strip())
        stages[r.stage] += 1
        tags, fb_themes = _tags(r), _themes(r)
        reasons.update(tags)
        themes.update(fb_themes)
        for name in sorted(tags | fb_themes):
            seen[name].append(r.id)
            sources[name].update(
                s for s, group in (("reason", tags), ("feedback", fb_themes)) if name in group
            )
    return Patterns(
        total=len(rejections),
        by_stage=ranked(stages),
        by_reason=ranked(reasons),
        by_theme=[(shown.get(name, name), n) for name, n in ranked(themes)],
        recurring=_recurring(seen, sources, _actions_by_rejection(actions), shown),
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
