"""The morning check-in rules: which check-in is today's, building one from the form,
ticking plan items, and the feeling words offered in the picker.

Pure Python: the screen and Today's panel call these and then talk to the store.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .models import Action, CheckIn, Contact, PlanItem
from .past_plan import done_count

# Feeling words, grouped by how pleasant and how energised they feel. Our own short lists;
# each group is named the way a person would say it, not by the chart's axes.
FEELING_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("bright and lively", ("hopeful", "eager", "proud", "curious", "determined")),
    ("calm and easy", ("calm", "content", "grateful", "relieved", "rested")),
    ("wound up", ("anxious", "frustrated", "restless", "tense", "overwhelmed")),
    ("heavy and low", ("tired", "flat", "discouraged", "lonely", "sad")),
)
# Feeling words offered when a rejection arrives (the cool-down's first step).
FEELING_WORDS: tuple[str, ...] = ("hurt", "disappointed", "frustrated", "embarrassed", "anxious",
                                  "angry", "sad", "drained", "numb", "relieved")

SOURCE_LABELS = {
    "yesterday": "from yesterday",
    "redirect": "from a cool-down",
    "feedback": "feedback due",
    "contact": "it's been a while",
    "theme": "keeps coming up",
}


def _written(c: CheckIn) -> str:
    return c.updated_at or c.at


def checkin_for_day(checkins: Iterable[CheckIn], day: str) -> CheckIn | None:
    """The check-in of ``day`` (the latest written, should an import have left two).

    The one answer to "which check-in is that day's": Today, the suggestions,
    the self-care intention, streaks and Review all go through this or
    :func:`checkins_by_day`, which picks the same way.
    """
    return checkins_by_day(c for c in checkins if c.day == day).get(day)


def checkins_by_day(checkins: Iterable[CheckIn]) -> dict[str, CheckIn]:
    """Each stored day's check-in: the latest written; on a tie, the one loaded last."""
    found: dict[str, CheckIn] = {}
    for c in checkins:
        best = found.get(c.day)
        if best is None or _written(c) >= _written(best):
            found[c.day] = c
    return found


def build_checkin(
    existing: CheckIn | None,
    *,
    day: str,
    at: str,
    mood: int | None,
    energy: int | None,
    intention: str,
    feelings: Sequence[str],
    plan: Sequence[PlanItem],
    selfcare_intention: str,
    dropped: Sequence[str] | None = None,
) -> CheckIn:
    """A validated check-in from the form: today's one edited in place, or a new one.

    Editing keeps the record's id and first-written time, so a day never gets two.
    Raises ValidationError with a message for the user.
    """
    checkin = copy.deepcopy(existing) if existing else CheckIn(day=day, at=at)
    checkin.mood = mood  # type: ignore[assignment]  # None → "mood is needed"
    checkin.energy = energy  # type: ignore[assignment]
    checkin.intention = intention
    checkin.feelings = list(dict.fromkeys(feelings))
    checkin.plan = [copy.deepcopy(p) for p in plan]
    checkin.selfcare_intention = selfcare_intention
    if dropped is not None:  # None: the suggestions dropped earlier stay dropped
        checkin.dropped = list(dropped)
    return checkin.validate()


def linked_ids(plan: Iterable[PlanItem]) -> set[str]:
    """Ids of the records (redirect actions, rejections) that plan items came from."""
    return {p.source_id for p in plan if p.source_id}


@dataclass
class ActionChanges:
    """Redirect actions to mark planned (newly in the plan) or reopen (taken out of it)."""

    planned: list[Action]
    reopened: list[Action]


def action_changes(
    actions: Iterable[Action], before: Iterable[PlanItem], after: Iterable[PlanItem]
) -> ActionChanges:
    """What saving a plan does to redirect actions: copies of the ones to store."""
    old, new = linked_ids(before), linked_ids(after)
    planned, reopened = [], []
    for a in actions:
        if a.id in new and a.id not in old and a.status == "open":
            planned.append(copy.deepcopy(a))
            planned[-1].status = "planned"
        elif a.id in old and a.id not in new and a.status == "planned":
            reopened.append(copy.deepcopy(a))
            reopened[-1].status = "open"
    return ActionChanges(planned, reopened)


def set_done(checkin: CheckIn, item_id: str, done: bool) -> PlanItem | None:
    """Tick (or untick) one plan item in ``checkin``; the item, or None if it is gone."""
    for item in checkin.plan:
        if item.id == item_id:
            item.done = done
            return item
    return None


def names_contact(text: str, name: str) -> bool:
    """Whether ``text`` mentions ``name`` as whole words, in any case ("Coffee with priya")."""
    name = " ".join(name.split())
    if not name:
        return False
    words = r"\s+".join(re.escape(w) for w in name.split(" "))
    return re.search(rf"(?<!\w){words}(?!\w)", text, re.IGNORECASE) is not None


def contacts_reached(item: PlanItem, contacts: Iterable[Contact]) -> list[Contact]:
    """The contacts a done outreach item counts as a hello to: the one it was suggested
    for, and any whose name its words mention."""
    if item.kind != "outreach" or not item.done:
        return []
    return [c for c in contacts
            if (item.contact_id and c.id == item.contact_id) or names_contact(item.text, c.name)]


def action_after_tick(action: Action, done: bool, today: str) -> Action:
    """A redirect action once its plan item is ticked (done) or unticked (planned again)."""
    out = copy.deepcopy(action)
    if done:
        out.status, out.done_on = "done", today
    elif out.status == "done":
        out.status, out.done_on = "planned", None
    return out


def plan_summary(plan: Sequence[PlanItem]) -> str:
    """How far along the plan is, e.g. "2 of 5 done"."""
    if not plan:
        return "nothing planned yet"
    return f"{done_count(plan)} of {len(plan)} done"
