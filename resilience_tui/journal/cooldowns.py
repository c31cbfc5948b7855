"""The cool-down, step by step: each step saves the rejection with what it implies.

Acknowledging may log the way the user processed the news as self-care; moving
on turns the redirects they ticked into actions for the morning plan. Each
step is one write, so a half-saved step never exists. Drafts (what was typed
before leaving half-way) are kept on the rejection.

Every function takes the rejection as the screen holds it (it may carry an
edited feedback draft) and returns the saved copy, which the screen keeps.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..clock import Clock
from ..domain import cooldown, suggestions
from ..domain.models import Action, Reason, Rejection, SelfCare
from ..domain.validate import ValidationError, check_int
from ..storage.store import Store

# (what the user picks, the self-care activity it is logged as)
PROCESS_OPTIONS: tuple[tuple[str, str], ...] = (
    ("a walk", "walk"),
    ("the gym", "gym"),
    ("some exercise", "exercise"),
    ("writing it out", "journaling"),
    ("talking to someone", "talk to someone"),
    ("rest", "rest"),
    ("meditation", "meditation"),
    ("a hobby", "hobby"),
    ("time with family", "family"),
    ("time with friends", "friends"),
)


def activity_for(process_with: str) -> str:
    """The self-care activity for a way of processing (own words stay as they are)."""
    return dict(PROCESS_OPTIONS).get(process_with, process_with)


HINT_MAX = 48  # a next step's words fit the note field on one line at 80 columns


def redirect_defaults(r: Rejection, skill: str | None = None) -> dict[str, str]:
    """What each redirect means for this rejection, used when the user ticks without typing;
    a skill that keeps coming up is named.

    Each is shown whole as the field's hint, so each is at most ``HINT_MAX`` characters:
    a role or skill too long to name there is "this one" / "a skill that came up" (the
    plan item is read beside the rejection it came from anyway)."""
    similar = f"Look for two more roles like {r.role.strip()}"
    if not r.role.strip() or len(similar) > HINT_MAX:
        similar = "Look for two more roles like this one"
    learn = f"Spend 30 minutes on {skill}" if skill else ""
    if not learn or len(learn) > HINT_MAX:
        learn = "Spend 30 minutes on a skill that came up"
    return {
        "similar roles": similar,
        "a skill to learn": learn,
        "adjacent industry": "Find similar roles in one neighbouring industry",
        "broaden the search": "Widen the search: location, remote, title, level",
        "reach out": "Message someone who could help or introduce me",
    }


def redirect_defaults_in(store: Store, r: Rejection) -> dict[str, str]:
    """:func:`redirect_defaults` naming the skill that recurs in ``r`` and the others."""
    return redirect_defaults(r, suggestions.skill_for(r, store.rejections.all()))


def processing_selfcare(clock: Clock, r: Rejection, process_with: str,
                        minutes: str | int) -> SelfCare:
    """A validated self-care entry for having done ``process_with`` today about ``r``."""
    return SelfCare(
        day=clock.today_str(),
        activity=activity_for(process_with),
        minutes=check_int(minutes, "minutes", 1, 1440),
        note=f"To process the news from {r.company}.",
        rejection_id=r.id,
        at=clock.stamp(),
    ).validate()


def save(store: Store, rejection: Rejection, *others: SelfCare | Action) -> Rejection:
    """Store the rejection and the self-care or actions it made, in one write."""
    with store.batch():
        for other in others:
            if isinstance(other, SelfCare):
                store.selfcare.put(other)
            else:
                store.actions.put(other)
        store.rejections.put(rejection)
    return copy.deepcopy(rejection)


def acknowledge(
    store: Store,
    clock: Clock,
    r: Rejection,
    feelings: Mapping[str, int],
    journal: str = "",
    process_with: str = "",
    *,
    done: bool = False,
    minutes: str | int = "",
) -> tuple[Rejection, SelfCare | None]:
    """Step 1: the feelings, the page to let it out, a way to process it; when ``done``,
    that way is logged as self-care of ``minutes``. The saved rejection and the entry."""
    if not feelings:
        raise ValidationError("feelings", "need at least one: tick a word below, or type "
                                          "your own and press enter")
    out = cooldown.acknowledge(r, clock.today(), feelings, journal, process_with)
    entry = None
    if done:
        if not process_with:
            raise ValidationError("self-care", "needs something to log: pick what you did, "
                                               "or untick done")
        entry = processing_selfcare(clock, r, process_with, minutes)
        out.cooldown.process_done = True
    return save(store, out, *([entry] if entry else [])), entry


def log_processing(store: Store, clock: Clock, r: Rejection,
                   minutes: str | int) -> tuple[Rejection, SelfCare]:
    """While reflecting waits: log the way picked on day 1 as self-care, now done."""
    entry = processing_selfcare(clock, r, r.cooldown.process_with, minutes)
    updated = copy.deepcopy(r)
    updated.cooldown.process_done = True
    return save(store, updated, entry), entry


def start_reflecting_early(store: Store, clock: Clock, r: Rejection) -> Rejection:
    """"I'm ready now": open reflecting today, noted as an early start.

    Raises CooldownError when reflecting isn't the next step."""
    return save(store, cooldown.ready_now(r, clock.today(), store.settings.cooldown_days))


def reflect(
    store: Store,
    clock: Clock,
    r: Rejection,
    *,
    reasons: Mapping[str, str] | Iterable[Reason] = (),
    traps: Sequence[str] = (),
    balanced_thought: str = "",
    went_well: str = "",
    do_differently: str = "",
) -> Rejection:
    """Step 2: reasons as data points, thinking traps, a kinder thought, lessons."""
    out = cooldown.reflect(
        r, clock.today(), reasons=reasons, traps=traps, balanced_thought=balanced_thought,
        went_well=went_well, do_differently=do_differently,
        cooldown_days=store.settings.cooldown_days)
    return save(store, out)


def move_on(
    store: Store, clock: Clock, r: Rejection, after: Mapping[str, int],
    redirects: Mapping[str, str],
) -> tuple[Rejection, list[Action]]:
    """Step 3: re-rate the feelings and close; each redirect ticked (kind → the user's
    words, or "" for the usual ones) becomes an open action for the morning plan."""
    today = clock.today()
    out = cooldown.move_on(r, today, after)
    defaults = redirect_defaults_in(store, out)
    actions = [
        Action(kind=kind, text=text or defaults[kind], rejection_id=out.id,
               created_on=today.isoformat(), status="open").validate()
        for kind, text in redirects.items()
    ]
    return save(store, out, *actions), actions


def keep_draft(store: Store, r: Rejection, draft: dict[str, Any]) -> Rejection:
    """Keep what was typed in a step on the rejection, so leaving half-way loses nothing."""
    out = copy.deepcopy(r)
    out.cooldown.draft = draft
    return save(store, out)


def reopen(store: Store, clock: Clock, rejection_id: str) -> Rejection:
    """Take a closed cool-down back to moving on, with its answers as the step's draft.

    The next steps it made that are still untouched (open) are taken back into the
    draft, and deleted (with tombstones) so closing again doesn't make them twice;
    ones already planned or done stay. Raises CooldownError when it is still open."""
    from .deletions import delete_entry

    found = store.rejections.get(rejection_id)
    if found is None:
        raise cooldown.CooldownError("That rejection isn't in your journal any more.")
    untouched = [a for a in store.actions.all()
                 if a.rejection_id == rejection_id and a.status == "open"]
    out = cooldown.reopen(found, {a.kind: a.text for a in untouched})
    with store.batch():
        for action in untouched:
            delete_entry(store, clock, "actions", action.id)
        store.rejections.put(out)
    return copy.deepcopy(out)
