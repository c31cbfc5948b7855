"""Which moments a write makes, read by the journal core from what it saved: the first
check-in, a low mood (with an offer from the journal), the whole plan done, a cool-down
finished, a reply to a feedback request, a week with a step every day."""

from __future__ import annotations

from fixed_time import TODAY, ago

from resilience_tui.clock import FixedClock
from resilience_tui.domain.answers import Moment
from resilience_tui.domain.models import CheckIn, Contact, Feeling, PlanItem, RestDay, SelfCare
from resilience_tui.domain.moments import (
    feelings_change,
    full_week,
    offer_activity,
    quiet_contact,
)
from resilience_tui.journal import cooldowns, feedback
from resilience_tui.journal.answers import (
    after_checkin,
    after_feedback,
    after_move_on,
    after_selfcare,
    after_tick,
)
from resilience_tui.journal.checkins import check_in, tick
from resilience_tui.journal.rejections import log_rejection
from resilience_tui.journal.selfcare import log_selfcare
from resilience_tui.storage.store import Store


def kinds(moments: list[Moment]) -> list[str]:
    return [m.kind for m in moments]


def morning(store: Store, clock: FixedClock, mood: int = 4,
            before: CheckIn | None = None, **fields: object) -> list[Moment]:
    saved = check_in(store, clock, before, day=TODAY.isoformat(), mood=mood, energy=3,
                     **fields)  # type: ignore[arg-type]
    return after_checkin(store, clock, saved, before)


# --- the first check-in ----------------------------------------------------------------


def test_the_very_first_check_in_is_answered(store: Store, clock: FixedClock) -> None:
    assert kinds(morning(store, clock)) == ["first_checkin"]


def test_a_later_first_of_the_day_is_not_the_first_check_in(store: Store,
                                                            clock: FixedClock) -> None:
    store.checkins.put(CheckIn(day=ago(1), mood=3, energy=3))
    assert kinds(morning(store, clock)) == []


def test_editing_this_mornings_check_in_answers_nothing_again(store: Store,
                                                              clock: FixedClock) -> None:
    saved = check_in(store, clock, None, day=TODAY.isoformat(), mood=1, energy=3)
    assert kinds(morning(store, clock, mood=2, before=saved)) == []  # low already: said once


def test_a_past_day_edited_from_history_answers_nothing(store: Store, clock: FixedClock) -> None:
    saved = check_in(store, clock, None, day=ago(3), mood=1, energy=2)
    assert after_checkin(store, clock, saved, None) == []


# --- a low mood, with one concrete offer ------------------------------------------------


def test_a_low_mood_offers_the_self_care_that_lifted_energy_most(store: Store,
                                                                 clock: FixedClock) -> None:
    store.selfcare.put_many([
        SelfCare(day=ago(9), activity="gym", minutes=40, energy_before=3, energy_after=3),
        SelfCare(day=ago(8), activity="gym", minutes=40, energy_before=2, energy_after=3),
        SelfCare(day=ago(5), activity="swim", minutes=30, energy_before=2, energy_after=4),
    ])
    store.checkins.put(CheckIn(day=ago(1), mood=3, energy=3))
    [low] = morning(store, clock, mood=1)
    assert low == Moment("low_mood", {"activity": "swim"})


def test_without_self_care_a_low_mood_offers_someone_not_heard_from_lately(
        store: Store, clock: FixedClock) -> None:
    store.contacts.put_many([
        Contact(name="Sam", last_contacted=ago(2)),   # a hello two days ago: not lately
        Contact(name="Ana", last_contacted=ago(40)),
        Contact(name="Bea", last_contacted=ago(20)),
    ])
    store.checkins.put(CheckIn(day=ago(1), mood=3, energy=3))
    [low] = morning(store, clock, mood=2)
    assert low == Moment("low_mood", {"contact": "Ana"})


def test_a_mood_turning_low_on_an_edit_is_answered(store: Store, clock: FixedClock) -> None:
    store.checkins.put(CheckIn(day=ago(1), mood=3, energy=3))
    saved = check_in(store, clock, None, day=TODAY.isoformat(), mood=4, energy=3)
    assert kinds(morning(store, clock, mood=1, before=saved)) == ["low_mood"]


def test_a_mood_of_three_is_not_low(store: Store, clock: FixedClock) -> None:
    store.checkins.put(CheckIn(day=ago(1), mood=3, energy=3))
    assert kinds(morning(store, clock, mood=3)) == []


def test_other_says_nothing_concrete_so_it_is_never_offered() -> None:
    entries = [SelfCare(day=ago(1), activity="other", minutes=10, energy_before=1,
                        energy_after=5)]
    assert offer_activity(entries) is None
    unrated = [SelfCare(day=ago(3), activity="walk", minutes=10),
               SelfCare(day=ago(2), activity="walk", minutes=10),
               SelfCare(day=ago(1), activity="yoga", minutes=10)]
    assert offer_activity(unrated) == "walk"  # without ratings: the one used most


def test_someone_added_this_week_is_not_a_while_yet() -> None:
    assert quiet_contact([Contact(name="New", created_on=ago(2))], TODAY) is None
    assert quiet_contact([Contact(name="Old", created_on=ago(30))], TODAY) == "Old"


# --- the whole plan done ---------------------------------------------------------------


def test_only_the_tick_that_finishes_the_plan_is_answered(store: Store,
                                                          clock: FixedClock) -> None:
    a, b = PlanItem(kind="apply", text="Acme"), PlanItem(kind="learn", text="SQL")
    store.checkins.put(CheckIn(day=TODAY.isoformat(), mood=3, energy=3, plan=[a, b]))
    assert after_tick(store, clock, tick(store, clock, a.id, True)) == []
    assert kinds(after_tick(store, clock, tick(store, clock, b.id, True))) == ["plan_done"]
    assert after_tick(store, clock, tick(store, clock, b.id, False)) == []  # an untick
    assert after_tick(store, clock, None) == []  # nothing was ticked


# --- a cool-down finished ---------------------------------------------------------------


def test_a_finished_cool_down_brings_its_before_and_after(store: Store,
                                                          clock: FixedClock) -> None:
    r = log_rejection(store, clock, company="Acme", role="QA Lead")
    r, _ = cooldowns.acknowledge(store, clock, r, {"hurt": 70, "shaken": 40})
    r = cooldowns.start_reflecting_early(store, clock, r)
    r = cooldowns.reflect(store, clock, r, reasons={"skill gap": "SQL"})
    r, _ = cooldowns.move_on(store, clock, r, {"hurt": 30, "shaken": 10}, {})
    assert after_move_on(r) == [Moment("cooldown_done", {
        "company": "Acme", "change": "hurt 70 → 30, shaken 40 → 10"})]


def test_feelings_not_re_rated_are_left_out_of_the_change() -> None:
    assert feelings_change([Feeling(name="hurt", before=70, after=30),
                            Feeling(name="angry", before=50)]) == "hurt 70 → 30"
    assert feelings_change([Feeling(name="angry", before=50)]) == ""


# --- a reply to a feedback request -------------------------------------------------------


def test_the_first_feedback_reply_then_later_ones(store: Store, clock: FixedClock) -> None:
    acme = feedback.mark_requested(store, clock, log_rejection(store, clock, company="Acme",
                                                               role="QA Lead"))
    beta = feedback.mark_requested(store, clock, log_rejection(store, clock, company="Beta",
                                                               role="QA Lead"))
    replied = feedback.mark_answered(store, clock, acme, "received", "More SQL, please.")
    assert kinds(after_feedback(store, acme, replied)) == ["first_feedback"]
    again = feedback.mark_answered(store, clock, replied, "received", "More SQL and tests.")
    assert after_feedback(store, replied, again) == []  # the same reply, edited
    no_reply = feedback.mark_answered(store, clock, beta, "no_reply")
    assert after_feedback(store, beta, no_reply) == []  # silence is not a moment to mark
    second = feedback.mark_answered(store, clock, no_reply, "received", "Timing, sorry.")
    assert after_feedback(store, no_reply, second) == [
        Moment("feedback_reply", {"company": "Beta"})]


# --- a week with a step every day -----------------------------------------------------


def six_days_of_steps(store: Store) -> None:
    store.checkins.put_many(CheckIn(day=ago(n), mood=3, energy=3) for n in (6, 5, 3, 1))
    store.selfcare.put_many(SelfCare(day=ago(n), activity="walk", minutes=20) for n in (4, 2))


def test_the_step_that_makes_seven_days_running_is_answered(store: Store,
                                                            clock: FixedClock) -> None:
    six_days_of_steps(store)
    assert morning(store, clock) == [Moment("full_week", {"days": "7"})]


def test_a_second_step_the_same_day_says_nothing_new(store: Store, clock: FixedClock) -> None:
    six_days_of_steps(store)
    morning(store, clock)
    entry = log_selfcare(store, clock, activity="walk", minutes=20)
    assert after_selfcare(store, clock, entry, new=True) == []


def test_self_care_can_be_the_step_that_completes_the_week(store: Store,
                                                           clock: FixedClock) -> None:
    six_days_of_steps(store)
    entry = log_selfcare(store, clock, activity="walk", minutes=20)
    assert kinds(after_selfcare(store, clock, entry, new=True)) == ["full_week"]
    assert after_selfcare(store, clock, entry, new=False) == []  # a correction, not a step


def test_six_days_is_not_yet_a_week_and_a_gap_starts_over(store: Store,
                                                          clock: FixedClock) -> None:
    store.checkins.put_many(CheckIn(day=ago(n), mood=3, energy=3) for n in (5, 4, 3, 2, 1))
    assert morning(store, clock) == []
    days = [TODAY.toordinal() - n for n in (13, 12, 11, 10, 9, 8, 7, 0)]
    assert full_week(1, days, TODAY) is None  # seven days, but not running up to today


def test_a_rest_day_bridges_the_week_without_counting(store: Store, clock: FixedClock) -> None:
    store.checkins.put_many(CheckIn(day=ago(n), mood=3, energy=3) for n in (7, 6, 5, 3, 2, 1))
    store.rest_days.put(RestDay(day=ago(4)))
    assert morning(store, clock) == [Moment("full_week", {"days": "7"})]


def test_two_weeks_running_is_answered_again(store: Store, clock: FixedClock) -> None:
    store.checkins.put_many(CheckIn(day=ago(n), mood=3, energy=3) for n in range(13, 0, -1))
    assert morning(store, clock) == [Moment("full_week", {"days": "14"})]
