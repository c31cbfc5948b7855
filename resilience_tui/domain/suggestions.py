"""Plan suggestions for the morning check-in.

A *provider* looks at the user's history and offers :class:`Suggestion`s;
:func:`suggest` runs every registered provider, drops duplicates and
anything already in today's plan. New features plug in by appending a
provider to :data:`PROVIDERS`. Each provider makes one pass over its records.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from .checkin import checkin_for_day
from .dates import stored_day
from .feedback import follow_up_due
from .models import MAX_DROPPED_KEY, Action, CheckIn, Contact, PlanItem, Rejection, Settings
from .themes import Theme, phrases, themes

YESTERDAY_WINDOW_DAYS = 3  # unfinished items older than this are let go
THEME_WINDOW = 20  # the latest rejections a theme suggestion reads: what comes up lately
SKILL_REASONS = frozenset({"skill gap", "experience level", "interview performance"})

ACTION_KINDS = {"reach out": "outreach", "a skill to learn": "learn"}  # otherwise "apply"


@dataclass(frozen=True)
class Suggestion:
    """Something the user may add to today's plan, and where it came from."""

    kind: str
    text: str
    source: str  # "yesterday", "redirect", "feedback", "contact", "theme"
    source_id: str | None = None
    contact_id: str | None = None

    def to_plan_item(self) -> PlanItem:
        return PlanItem(kind=self.kind, text=self.text, source=self.source,
                        source_id=self.source_id, contact_id=self.contact_id)

    @property
    def key(self) -> tuple[str, str]:
        """What makes two suggestions the same: kind and text, ignoring case and spacing."""
        return self.kind, " ".join(self.text.split()).casefold()

    @property
    def dropped_key(self) -> str:
        """How a check-in remembers that this suggestion was dropped that day."""
        kind, words = self.key
        return f"{kind}: {words}"[:MAX_DROPPED_KEY]


@dataclass
class SuggestionContext:
    """What providers may look at."""

    today: date
    checkins: Sequence[CheckIn]
    rejections: Sequence[Rejection]
    actions: Sequence[Action]
    contacts: Sequence[Contact]
    settings: Settings


Provider = Callable[[SuggestionContext], Iterable[Suggestion]]


# --- providers ----------------------------------------------------------------


def from_yesterday(ctx: SuggestionContext) -> Iterable[Suggestion]:
    """Unfinished items of the latest earlier check-in, if it is recent."""
    today = ctx.today.isoformat()
    latest: CheckIn | None = None
    for c in ctx.checkins:
        if c.day < today and (latest is None or c.day > latest.day):
            latest = c
    day = stored_day(latest.day) if latest else None
    if latest is None or day is None or (ctx.today - day).days > YESTERDAY_WINDOW_DAYS:
        return []
    return [Suggestion(p.kind, p.text, "yesterday", p.source_id, p.contact_id)
            for p in latest.plan if not p.done]


def from_redirects(ctx: SuggestionContext) -> Iterable[Suggestion]:
    """Redirect actions chosen when moving on that are still open."""
    open_actions = sorted((a for a in ctx.actions if a.status == "open"),
                          key=lambda a: a.created_on)
    return [Suggestion(ACTION_KINDS.get(a.kind, "apply"), a.text, "redirect", a.id)
            for a in open_actions]


def from_feedback(ctx: SuggestionContext) -> Iterable[Suggestion]:
    """Feedback requests that have waited long enough for a gentle follow-up."""
    return [Suggestion("follow-up", f"Follow up with {r.company} about feedback", "feedback", r.id)
            for r in ctx.rejections if follow_up_due(r, ctx.today)]


def _last_touch(c: Contact) -> date | None:
    return stored_day(c.last_contacted) or stored_day(c.created_on)


def is_overdue(c: Contact, today: date, nudge_days: int) -> bool:
    """No contact for ``nudge_days`` days or more (never in touch and no date: overdue)."""
    last = _last_touch(c)
    return last is None or (today - last).days >= nudge_days


def overdue_contacts(contacts: Iterable[Contact], today: date, nudge_days: int) -> list[Contact]:
    """Contacts due a hello, the longest-unheard first (undated ones before all)."""
    due = [c for c in contacts if is_overdue(c, today, nudge_days)]
    return sorted(due, key=lambda c: (_last_touch(c) or date.min, c.name.casefold()))


def from_contacts(ctx: SuggestionContext) -> Iterable[Suggestion]:
    """A hello to each person in the network not heard from in a while."""
    due = overdue_contacts(ctx.contacts, ctx.today, ctx.settings.nudge_days)
    return [Suggestion("outreach", f"Say hello to {c.name}", "contact", contact_id=c.id)
            for c in due]


def _practicable(t: Theme) -> bool:
    """Something to practise: words (not a tag) from feedback or a skill-like reason's note."""
    return not t.is_tag and ("feedback" in t.sources
                             or any(tag in SKILL_REASONS for _, tag in t.reason_tags))


def skill_theme(rejections: Sequence[Rejection], actions: Sequence[Action] = ()) -> Theme | None:
    """The theme of the latest rejections most worth half an hour, or None.

    Only the latest :data:`THEME_WINDOW` rejections are read: a suggestion is about
    what keeps coming up now, and it stays quick however long the history. A theme
    an open step already names is left to that step.
    """
    latest = sorted(rejections, key=lambda r: r.logged_on)[-THEME_WINDOW:]
    named = {key for a in actions if a.status in ("open", "planned")
             for key, _ in phrases(a.text)}
    return next((t for t in themes(latest) if _practicable(t) and t.key not in named), None)


def skill_for(r: Rejection, rejections: Sequence[Rejection]) -> str | None:
    """The skill that keeps coming up and came up in ``r`` too, as the user wrote it."""
    others = [x for x in rejections if x.id != r.id]
    latest = [*sorted(others, key=lambda x: x.logged_on)[-THEME_WINDOW:], r]
    return next((t.label for t in themes(latest) if _practicable(t) and r.id in t.rejection_ids),
                None)


def from_themes(ctx: SuggestionContext) -> Iterable[Suggestion]:
    """Half an hour on the skill that keeps coming up, named in the user's own words."""
    theme = skill_theme(ctx.rejections, ctx.actions)
    return [Suggestion("learn", f"Spend 30 minutes on {theme.label}", "theme")] if theme else []


PROVIDERS: list[Provider] = [from_yesterday, from_redirects, from_feedback, from_themes,
                             from_contacts]


# --- putting them together ----------------------------------------------------


def _todays_plan(ctx: SuggestionContext) -> tuple[Sequence[PlanItem], set[str]]:
    """Today's plan so far, and the suggestions dropped this morning."""
    checkin = checkin_for_day(ctx.checkins, ctx.today.isoformat())
    return (checkin.plan, set(checkin.dropped)) if checkin else ([], set())


def _already_planned(s: Suggestion, keys: set[tuple[str, str]], source_ids: set[str],
                     contact_ids: set[str]) -> bool:
    if s.key in keys:
        return True
    if s.source_id and s.source_id in source_ids:
        return True  # accepted earlier today, perhaps with its text edited
    return s.source == "contact" and s.contact_id in contact_ids


def suggest(
    ctx: SuggestionContext, providers: Iterable[Provider] | None = None
) -> list[Suggestion]:
    """Every provider's suggestions in order, without duplicates, items already planned
    or ones dropped earlier today."""
    plan, dropped = _todays_plan(ctx)
    keys = {Suggestion(p.kind, p.text, p.source).key for p in plan}
    source_ids = {p.source_id for p in plan if p.source_id}
    contact_ids = {p.contact_id for p in plan if p.contact_id}
    out: list[Suggestion] = []
    for provider in PROVIDERS if providers is None else providers:
        for s in provider(ctx):
            if _already_planned(s, keys, source_ids, contact_ids) or s.dropped_key in dropped:
                continue
            keys.add(s.key)
            if s.source_id:
                source_ids.add(s.source_id)
            if s.contact_id:
                contact_ids.add(s.contact_id)
            out.append(s)
    return out
