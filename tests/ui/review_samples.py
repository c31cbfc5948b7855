"""A fixed history for the Review and Patterns tests: eight weeks up to Wed 11 March 2026."""

from __future__ import annotations

from fixed_time import ago

from resilience_tui.domain.models import (
    Action,
    CheckIn,
    Cooldown,
    Feedback,
    Feeling,
    PlanItem,
    Reason,
    Rejection,
    RestDay,
    SelfCare,
)
from resilience_tui.storage.store import Store

KINDS = ("apply", "outreach", "practice", "learn")
MISSED = {3, 17, 18, 30, 41}  # days ago without a check-in (3 ago is Sunday 8 March)
RESTED = 17  # Sunday 22 February, marked as rest; Saturday 21 is a rest weekday


def checkins(first: int = 55, last: int = 1) -> list[CheckIn]:
    """Check-ins from ``first`` through ``last`` days ago, except the missed days."""
    out = []
    for n in range(first, last - 1, -1):
        if n in MISSED:
            continue
        plan = [PlanItem(kind=KINDS[(n + i) % 4], text=f"item {i}", done=(n + i) % 3 != 0)
                for i in range(n % 4)]
        out.append(CheckIn(id=f"c{n}", day=ago(n), mood=1 + (n * 7) % 5, energy=1 + n % 5,
                           intention="one step", plan=plan))
    return out


def finished(rid: str, company: str, logged: int, took: int, tags: tuple[str, ...],
             themes: tuple[str, ...], before: int, after: int, stage: str) -> Rejection:
    moved = ago(logged - took)
    return Rejection(
        id=rid, company=company, role="Data analyst", stage=stage,
        received_on=ago(logged), logged_on=ago(logged),
        cooldown=Cooldown(acknowledged_on=ago(logged), reflected_on=moved, moved_on_on=moved,
                          feelings=[Feeling(name="disappointed", before=before, after=after)],
                          reasons=[Reason(tag=t) for t in tags]),
        feedback=Feedback(status="received" if themes else "not_requested",
                          themes=list(themes)))


def rejections() -> list[Rejection]:
    running = Rejection(id="r5", company="Umbrella", role="Analyst", stage="screen",
                        received_on=ago(1), logged_on=ago(1),
                        cooldown=Cooldown(acknowledged_on=ago(1),
                                          feelings=[Feeling(name="flat", before=60)]))
    return [
        finished("r1", "Acme", 50, 5, ("skill gap",), ("sql",), 80, 50, "interview"),
        finished("r2", "Globex", 36, 4, ("competition or internal candidate",), (), 70, 45,
                 "screen"),
        finished("r3", "Initech", 22, 3, ("skill gap", "interview performance"),
                 ("sql", "storytelling"), 75, 40, "final"),
        finished("r4", "Hooli", 8, 2, ("timing or budget",), ("storytelling",), 60, 30,
                 "interview"),
        running,
    ]


def actions() -> list[Action]:
    return [
        Action(id="a1", kind="a skill to learn", text="Finish the SQL window-functions course",
               rejection_id="r1", status="open", created_on=ago(45)),
        Action(id="a2", kind="reach out", text="Ask Priya for a mock interview",
               rejection_id="r3", status="planned", created_on=ago(19)),
    ]


def seed_history(store: Store) -> None:
    """Everything Review and Patterns show, written through the store."""
    settings = store.settings
    settings.rest_weekdays = [5]
    store.save_settings(settings)
    store.checkins.put_many(checkins())
    store.selfcare.put_many(
        SelfCare(id=f"s{n}", day=ago(n), activity="walk", minutes=15 + (n % 4) * 10,
                 energy_before=2 + n % 2, energy_after=4)
        for n in range(40, 0, -3))
    store.rest_days.put(RestDay(day=ago(RESTED)))
    store.rejections.put_many(rejections())
    store.actions.put_many(actions())
