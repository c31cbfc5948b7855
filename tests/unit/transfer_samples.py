"""Sample journals for the export/import tests: a small realistic one and a heavy one.

``journal(days)`` builds records as a user would leave them after ``days`` of
use (a check-in most days with a plan, self-care, a rejection every few days
with its cool-down and feedback, redirect actions, a support network, rest
days). Deterministic: the same arguments give the same records.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from resilience_tui.domain.models import (
    PLAN_KINDS,
    REASON_TAGS,
    REDIRECT_KINDS,
    SELFCARE_ACTIVITIES,
    STAGES,
    THINKING_TRAPS,
    Action,
    CheckIn,
    Contact,
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

LAST_DAY = date(2026, 3, 10)  # the day before the test clock's "today"
COMPANIES = ("Northwind", "Acme Analytics", "Blue Fern Health", "Kettle & Co", "Lumen Labs")
ROLES = ("Data analyst", "Product designer", "Support engineer", "Junior developer")


def _stamp(day: date, hour: int = 9) -> str:
    return f"{day.isoformat()}T{hour:02d}:15:00+00:00"


def journal(days: int = 30, seed: int = 7, selfcare_per_day: int = 1) -> dict[str, list[Any]]:
    """Records for ``days`` days ending on LAST_DAY, validated, by table name."""
    rnd = random.Random(seed)
    first = LAST_DAY - timedelta(days=days - 1)
    out: dict[str, list[Any]] = {k: [] for k in (
        "checkins", "rejections", "selfcare", "contacts", "actions", "rest_days")}
    for i in range(min(12, days)):
        out["contacts"].append(Contact(
            name=f"Friend {i}", kind="friend" if i % 3 else "mentor", reach=f"f{i}@example.org",
            notes="Met at the meetup", created_on=first.isoformat(),
            last_contacted=(first + timedelta(days=i)).isoformat(),
            updated_at=_stamp(first), id=f"contact{i:04d}").validate())
    for n in range(days):
        day = first + timedelta(days=n)
        ds = day.isoformat()
        if day.weekday() == 6 and n % 3 == 0:
            out["rest_days"].append(RestDay(day=ds).validate())
            continue
        plan = [PlanItem(kind=rnd.choice(PLAN_KINDS), text=f"Thing {k} for {ds}",
                         done=rnd.random() < 0.6, id=f"p{n:05d}{k}") for k in range(3)]
        out["checkins"].append(CheckIn(
            day=ds, mood=rnd.randint(1, 5), energy=rnd.randint(1, 5),
            intention="Send two applications and rest after", feelings=["hopeful"],
            plan=plan, selfcare_intention="a walk", at=_stamp(day), updated_at=_stamp(day, 18),
            id=f"checkin{n:05d}").validate())
        for k in range(selfcare_per_day):
            out["selfcare"].append(SelfCare(
                day=ds, activity=rnd.choice(SELFCARE_ACTIVITIES), minutes=rnd.randint(10, 90),
                energy_before=rnd.randint(1, 5), energy_after=rnd.randint(1, 5),
                optimism=rnd.randint(1, 5), note="felt lighter", at=_stamp(day, 12),
                updated_at=_stamp(day, 12), id=f"selfcare{n:05d}{k}").validate())
        if n % 4 == 1:
            out["rejections"].append(_rejection(rnd, n, day))
            out["actions"].append(Action(
                kind=rnd.choice(REDIRECT_KINDS), text="Look at roles in health tech",
                rejection_id=f"rejection{n:05d}", status="open", created_on=ds,
                updated_at=_stamp(day), id=f"action{n:05d}").validate())
    return out


def _rejection(rnd: random.Random, n: int, day: date) -> Rejection:
    ds = day.isoformat()
    later = (day + timedelta(days=2)).isoformat()
    done = rnd.random() < 0.8
    cooldown = Cooldown(
        acknowledged_on=ds, reflected_on=later if done else None,
        moved_on_on=later if done else None,
        feelings=[Feeling(name="disappointed", before=80, after=30 if done else None),
                  Feeling(name="tired", before=60, after=40 if done else None)],
        journal="It stung.\nI had hoped for this one.", process_with="walk",
        process_done=True,
        reasons=[Reason(tag=rnd.choice(REASON_TAGS), note="They wanted more SQL")] if done
        else [],
        traps=[rnd.choice(THINKING_TRAPS)] if done else [],
        balanced_thought="One no is one data point." if done else "",
        went_well="Good rapport" if done else "", do_differently="Prepare examples" if done
        else "")
    feedback = Feedback(status="received", requested_on=ds, answered_on=later,
                        text="Strong, but less SQL than the team needs.", themes=["sql"]) \
        if n % 8 == 1 else Feedback()
    return Rejection(
        company=rnd.choice(COMPANIES), role=rnd.choice(ROLES), stage=rnd.choice(STAGES),
        received_on=ds, logged_on=ds, mattered=rnd.randint(1, 5), contact_name="Ana",
        contact_email="ana@example.org", message="Thank you for your time…",
        cooldown=cooldown, feedback=feedback, at=_stamp(day), updated_at=_stamp(day, 20),
        id=f"rejection{n:05d}").validate()


def fill(store: Store, records: dict[str, list[Any]]) -> None:
    """Put every record into ``store`` in one write, keeping their timestamps."""
    with store.batch():
        for name, items in records.items():
            getattr(store, name).put_many(items, stamp=False)
