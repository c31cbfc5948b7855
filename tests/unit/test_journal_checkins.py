"""The journal core's check-in and plan ticks, without any app: what a tick means elsewhere."""

from __future__ import annotations

import pytest
from journal_helpers import announcements, nothing_saved

from resilience_tui.clock import FixedClock
from resilience_tui.domain.models import Action, CheckIn, Contact, PlanItem, Rejection
from resilience_tui.domain.validate import ValidationError
from resilience_tui.journal.checkins import check_in, tick
from resilience_tui.journal.opening import open_journal
from resilience_tui.storage.store import Store


def plan_today(store: Store, *items: PlanItem) -> CheckIn:
    return store.checkins.put(CheckIn(day="2026-03-11", mood=3, energy=3, plan=list(items)))


def test_a_check_in_is_saved_with_the_redirect_it_plans(store: Store, clock: FixedClock) -> None:
    action = store.actions.put(Action(kind="reach out", text="Write to Ana", status="open",
                                      created_on="2026-03-10"))
    item = PlanItem(kind="outreach", text="Write to Ana", source="redirect", source_id=action.id)
    heard = announcements(store)
    saved = check_in(store, clock, None, day="2026-03-11", mood=4, energy=2,
                     intention="Two applications", plan=[item])
    assert heard() == 1  # one write, one announcement
    reopened = open_journal(store.path, clock, writer=False)
    assert reopened.checkins.get(saved.id).intention == "Two applications"  # type: ignore[union-attr]
    assert reopened.actions.get(action.id).status == "planned"  # type: ignore[union-attr]


def test_checking_in_again_edits_the_day_and_frees_a_dropped_redirect(
        store: Store, clock: FixedClock) -> None:
    action = store.actions.put(Action(kind="reach out", text="Write to Ana", status="open",
                                      created_on="2026-03-01"))
    item = PlanItem(kind="outreach", text="Write to Ana", source="redirect", source_id=action.id)
    first = check_in(store, clock, None, day="2026-03-11", mood=2, energy=2, plan=[item])
    again = check_in(store, clock, first, day="2026-03-11", mood=4, energy=3, plan=[])
    assert again.id == first.id and len(store.checkins) == 1
    assert store.checkins.get(first.id).mood == 4  # type: ignore[union-attr]
    assert store.actions.get(action.id).status == "open"  # type: ignore[union-attr]


def test_a_mood_out_of_range_is_refused_and_nothing_is_saved(
        store: Store, clock: FixedClock) -> None:
    with nothing_saved(store), pytest.raises(ValidationError) as refused:
        check_in(store, clock, None, day="2026-03-11", mood=9, energy=3)
    assert refused.value.field == "mood"
    assert len(store.checkins) == 0


def test_ticking_outreach_that_names_a_contact_counts_as_a_hello(
        store: Store, clock: FixedClock) -> None:
    ana = store.contacts.put(Contact(name="Ana", last_contacted="2026-01-20"))
    sam = store.contacts.put(Contact(name="Sam", last_contacted="2026-01-20"))
    item = PlanItem(kind="outreach", text="Coffee with Ana")
    plan_today(store, item)
    heard = announcements(store)
    ticked = tick(store, clock, item.id, True)
    assert ticked is not None and ticked.done
    assert heard() == 1
    assert store.contacts.get(ana.id).last_contacted == "2026-03-11"  # type: ignore[union-attr]
    assert store.contacts.get(sam.id).last_contacted == "2026-01-20"  # type: ignore[union-attr]


def test_ticking_a_redirect_finishes_its_action_and_unticking_plans_it_again(
        store: Store, clock: FixedClock) -> None:
    action = store.actions.put(Action(kind="a skill to learn", text="SQL course",
                                      status="planned", created_on="2026-03-01"))
    item = PlanItem(kind="practice", text="SQL course", source="redirect", source_id=action.id)
    plan_today(store, item)
    tick(store, clock, item.id, True)
    done = store.actions.get(action.id)
    assert (done.status, done.done_on) == ("done", "2026-03-11")  # type: ignore[union-attr]
    tick(store, clock, item.id, False)
    assert store.actions.get(action.id).status == "planned"  # type: ignore[union-attr]


def test_a_done_feedback_follow_up_restarts_the_wait(store: Store, clock: FixedClock) -> None:
    r = Rejection(company="Acme", role="QA", received_on="2026-03-01", logged_on="2026-03-01")
    r.feedback.status, r.feedback.requested_on = "requested", "2026-03-02"
    store.rejections.put(r)
    item = PlanItem(kind="outreach", text="Follow up with Acme", source="feedback",
                    source_id=r.id)
    plan_today(store, item)
    tick(store, clock, item.id, True)
    assert store.rejections.get(r.id).feedback.requested_on == "2026-03-11"  # type: ignore[union-attr]


def test_a_tick_after_the_day_turned_over_saves_nothing(store: Store, clock: FixedClock) -> None:
    item = PlanItem(kind="apply", text="Apply to Beta")
    plan_today(store, item)
    clock.set("2026-03-12T09:00")
    with nothing_saved(store):
        assert tick(store, clock, item.id, True) is None
