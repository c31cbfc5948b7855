"""The journal core's cool-down steps and feedback, without any app: each step saves what it
implies (self-care, redirect actions) with the rejection, in one write."""

from __future__ import annotations

import pytest
from journal_helpers import announcements, nothing_saved

from resilience_tui.clock import FixedClock
from resilience_tui.domain import cooldown
from resilience_tui.domain.cooldown import CooldownError
from resilience_tui.domain.models import Rejection
from resilience_tui.domain.validate import ValidationError
from resilience_tui.journal import cooldowns, feedback
from resilience_tui.journal.rejections import log_rejection
from resilience_tui.storage.store import Store


@pytest.fixture
def acme(store: Store, clock: FixedClock) -> Rejection:
    return log_rejection(store, clock, company="Acme", role="QA Lead")


def test_acknowledging_with_done_logs_the_self_care_it_implies(
        store: Store, clock: FixedClock, acme: Rejection) -> None:
    heard = announcements(store)
    r, entry = cooldowns.acknowledge(store, clock, acme, {"hurt": 70}, "Not fair.", "a walk",
                                     done=True, minutes="25")
    assert heard() == 1
    assert entry is not None
    saved = store.selfcare.get(entry.id)
    assert saved is not None
    assert (saved.activity, saved.minutes, saved.rejection_id) == ("walk", 25, acme.id)
    stored = store.rejections.get(acme.id)
    assert stored is not None and stored.cooldown.process_done
    assert cooldown.next_step(stored) == "reflect" and r.cooldown.journal == "Not fair."


def test_done_without_a_way_to_process_it_saves_nothing(
        store: Store, clock: FixedClock, acme: Rejection) -> None:
    with nothing_saved(store), pytest.raises(ValidationError) as refused:
        cooldowns.acknowledge(store, clock, acme, {"hurt": 70}, done=True, minutes="20")
    assert refused.value.field == "self-care"
    with nothing_saved(store), pytest.raises(ValidationError) as refused:
        cooldowns.acknowledge(store, clock, acme, {})
    assert refused.value.field == "feelings"
    assert cooldown.next_step(store.rejections.get(acme.id)) == "acknowledge"  # type: ignore[arg-type]


def test_the_whole_cool_down_ends_with_actions_for_the_morning_plan(
        store: Store, clock: FixedClock, acme: Rejection) -> None:
    r, _ = cooldowns.acknowledge(store, clock, acme, {"hurt": 70, "tired": 40}, process_with="rest")
    with pytest.raises(CooldownError):  # reflecting opens tomorrow
        cooldowns.reflect(store, clock, r, balanced_thought="One team, one day.")
    r, entry = cooldowns.log_processing(store, clock, r, "15")
    assert store.selfcare.get(entry.id) is not None and r.cooldown.process_done
    r = cooldowns.start_reflecting_early(store, clock, r)
    assert r.cooldown.ready_early_on == "2026-03-11"
    r = cooldowns.reflect(store, clock, r, reasons={"skill gap": "SQL"},
                          traps=["labelling yourself"], balanced_thought="One team, one day.")
    r, actions = cooldowns.move_on(store, clock, r, {"hurt": 30},
                                   {"a skill to learn": "SQL course", "similar roles": ""})
    assert cooldown.is_done(store.rejections.get(acme.id))  # type: ignore[arg-type]
    texts = sorted(a.text for a in store.actions.all())
    assert texts == ["Look for two more roles like QA Lead", "SQL course"]
    assert {a.status for a in actions} == {"open"}


def test_a_skill_ticked_without_words_names_the_one_that_keeps_coming_up(
        store: Store, clock: FixedClock, acme: Rejection) -> None:
    earlier = log_rejection(store, clock, company="Beta", role="Analyst")
    earlier.feedback.text = "Your sql needs work."
    store.rejections.put(earlier)
    r, _ = cooldowns.acknowledge(store, clock, acme, {"hurt": 70})
    r = cooldowns.start_reflecting_early(store, clock, r)
    r = cooldowns.reflect(store, clock, r, reasons={"skill gap": "They wanted more SQL."})
    assert cooldowns.redirect_defaults_in(store, r)["a skill to learn"] == (
        "Spend 30 minutes on SQL")
    _, (step,) = cooldowns.move_on(store, clock, r, {"hurt": 30}, {"a skill to learn": ""})
    assert step.text == "Spend 30 minutes on SQL"
    alone = log_rejection(store, clock, company="Cobalt", role="Analyst")
    assert cooldowns.redirect_defaults_in(store, alone)["a skill to learn"] == (
        "Spend 30 minutes on a skill that came up")  # nothing recurs in it yet


def test_a_draft_is_kept_on_the_rejection(store: Store, acme: Rejection) -> None:
    draft = {"step": "acknowledge", "fields": {"journal": "half a thought"}, "feedback": {}}
    kept = cooldowns.keep_draft(store, acme, draft)
    assert kept.cooldown.draft == draft
    assert store.rejections.get(acme.id).cooldown.draft == draft  # type: ignore[union-attr]


def test_feedback_requested_then_answered(store: Store, clock: FixedClock,
                                          acme: Rejection) -> None:
    r = feedback.keep_request_draft(store, acme, "Thank you", "Could you share one pointer?")
    r = feedback.mark_requested(store, clock, r)
    assert store.rejections.get(acme.id).feedback.requested_on == "2026-03-11"  # type: ignore[union-attr]
    feedback.mark_answered(store, clock, r, "received", "More SQL, please.", ["SQL", "sql "])
    stored = store.rejections.get(acme.id)
    assert stored is not None
    assert (stored.feedback.status, stored.feedback.themes) == ("received", ["SQL"])
    assert stored.feedback.subject == "Thank you"


def test_reopening_a_closed_cool_down_and_closing_again_keeps_one_set_of_steps(
        store: Store, clock: FixedClock, acme: Rejection) -> None:
    r, _ = cooldowns.acknowledge(store, clock, acme, {"hurt": 70})
    r = cooldowns.start_reflecting_early(store, clock, r)
    r = cooldowns.reflect(store, clock, r, went_well="Stayed calm")
    with pytest.raises(CooldownError):  # only a closed cool-down goes back a step
        cooldowns.reopen(store, clock, acme.id)
    r, _ = cooldowns.move_on(store, clock, r, {"hurt": 30}, {"reach out": "Call Ana"})
    reopened = cooldowns.reopen(store, clock, acme.id)
    assert cooldown.next_step(reopened) == "move_on"
    assert reopened.cooldown.draft == {
        "step": "move_on", "feedback": {},
        "fields": {"after": {"hurt": "30"},
                   "redirects": {"ticked": ["reach out"], "notes": {"reach out": "Call Ana"}}}}
    assert reopened.cooldown.went_well == "Stayed calm"  # the earlier steps stay as written
    assert store.actions.all() == []
    cooldowns.move_on(store, clock, reopened, {"hurt": 20}, {"reach out": "Call Ana"})
    assert [a.text for a in store.actions.all()] == ["Call Ana"]
