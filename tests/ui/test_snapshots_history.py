"""Snapshots of History at 80×24: the journal, a closed cool-down's page, and the
question before deleting. Fixed clock (Wed 11 March 2026), seeded data."""

from __future__ import annotations

from resilience_tui.domain.models import (
    Action,
    CheckIn,
    Feeling,
    PlanItem,
    Reason,
    Rejection,
    SelfCare,
)
from resilience_tui.storage.store import Store

SMALL = (80, 24)


def seed(store: Store) -> None:
    store.checkins.put(CheckIn(
        day="2026-03-10", mood=2, energy=3, feelings=["tired", "hopeful"],
        intention="Send two applications", at="2026-03-10T09:00:00+00:00",
        plan=[PlanItem(kind="apply", text="Apply to Globex", done=True),
              PlanItem(kind="outreach", text="Message Ana")]))
    store.selfcare.put(SelfCare(day="2026-03-10", activity="walk", minutes=30,
                                energy_before=2, energy_after=4))
    store.checkins.put(CheckIn(day="2026-03-11", mood=4, energy=4, intention="Practise answers",
                               at="2026-03-11T09:00:00+00:00"))
    r = Rejection(company="Acme", role="Designer", stage="interview",
                  received_on="2026-03-02", logged_on="2026-03-02", mattered=4)
    c = r.cooldown
    c.acknowledged_on, c.reflected_on, c.moved_on_on = "2026-03-02", "2026-03-04", "2026-03-05"
    c.feelings = [Feeling(name="hurt", before=70, after=30),
                  Feeling(name="anxious", before=60, after=35)]
    c.journal = "I really wanted this one. The team felt right."
    c.reasons = [Reason(tag="competition or internal candidate", note="They hired inside.")]
    c.traps = ["labelling yourself"]
    c.balanced_thought = "One no is not every no."
    c.went_well, c.do_differently = "The portfolio talk", "Ask about the team sooner"
    store.rejections.put(r)
    store.actions.put(Action(kind="similar roles", text="Two more design roles",
                             rejection_id=r.id, created_on="2026-03-05", status="done",
                             done_on="2026-03-06"))


def test_history_80x24(snap_compare, make_app, store) -> None:
    seed(store)
    assert snap_compare(make_app(), press=["h"], terminal_size=SMALL)


def test_a_closed_rejection_in_full_80x24(snap_compare, make_app, store) -> None:
    seed(store)
    assert snap_compare(make_app(), press=["h", "4", "enter"], terminal_size=SMALL)


def test_the_question_before_deleting_80x24(snap_compare, make_app, store) -> None:
    seed(store)
    assert snap_compare(make_app(), press=["h", "down", "down", "d"], terminal_size=SMALL)
