"""The cool-down state machine and its time gates."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from dateutil import tz

from resilience_tui.clock import FixedClock
from resilience_tui.domain import cooldown as cd
from resilience_tui.domain.models import Feeling, Reason, Rejection

MON = date(2026, 3, 2)
TUE = MON + timedelta(days=1)
WED = MON + timedelta(days=2)


def rejection(logged: date = MON, company: str = "Acme", **kw: object) -> Rejection:
    return Rejection(company=company, role="Analyst", received_on=logged.isoformat(),
                     logged_on=logged.isoformat(), **kw)  # type: ignore[arg-type]


def acknowledged(logged: date = MON, on: date | None = None) -> Rejection:
    return cd.acknowledge(rejection(logged), on or logged, {"sad": 70, "angry": 40})


def reflected(logged: date = MON, on: date | None = None) -> Rejection:
    r = acknowledged(logged)
    return cd.reflect(r, on or logged + timedelta(days=1), {"skill gap": "SQL"})


# --- where it stands -----------------------------------------------------------


def test_steps_constant() -> None:
    assert cd.STEPS == ("acknowledge", "reflect", "move_on")


def test_new_rejection_waits_for_acknowledge_open_at_once() -> None:
    r = rejection()
    assert cd.next_step(r) == "acknowledge"
    assert cd.step_opens_on(r, 2) == MON
    assert cd.is_open(r, MON, 2)
    assert not cd.is_done(r)


def test_day_number_counts_from_one_on_logged_day() -> None:
    r = rejection()
    assert cd.day_number(r, MON) == 1
    assert cd.day_number(r, TUE) == 2
    assert cd.day_number(r, MON + timedelta(days=9)) == 10


def test_logged_and_acknowledged_today_reflect_opens_tomorrow() -> None:
    r = acknowledged(MON)
    st = cd.status(r, MON, 2)
    assert st is not None
    assert (st.step, st.day, st.days, st.step_opens_on, st.is_open) == (
        "reflect", 1, 2, TUE, False)
    assert not cd.is_open(r, MON, 2)


def test_logged_and_acknowledged_yesterday_reflect_is_open_on_day_two() -> None:
    r = acknowledged(MON)
    st = cd.status(r, TUE, 2)
    assert st is not None
    assert (st.step, st.day, st.is_open, st.step_opens_on) == ("reflect", 2, True, TUE)


def test_one_day_cooldown_opens_reflect_the_same_day() -> None:
    r = acknowledged(MON)
    assert cd.step_opens_on(r, 1) == MON
    assert cd.is_open(r, MON, 1)
    assert cd.next_step(cd.reflect(r, MON, cooldown_days=1)) == "move_on"


def test_three_day_cooldown_opens_reflect_on_day_three() -> None:
    r = acknowledged(MON)
    assert cd.step_opens_on(r, 3) == WED
    assert not cd.is_open(r, TUE, 3)
    assert cd.is_open(r, WED, 3)
    st = cd.status(r, WED, 3)
    assert st is not None and st.day == 3 and st.days == 3


def test_reflect_waits_for_acknowledge_even_when_its_day_has_come() -> None:
    r = rejection(MON)
    st = cd.status(r, WED, 2)
    assert st is not None and st.step == "acknowledge" and st.step_opens_on == MON


def test_move_on_opens_on_the_day_reflect_was_done() -> None:
    r = reflected(MON, on=WED)
    assert cd.next_step(r) == "move_on"
    assert cd.step_opens_on(r, 2) == WED
    assert cd.is_open(r, WED, 2)


def test_done_cooldown_has_no_step() -> None:
    r = cd.move_on(reflected(MON), TUE, {"sad": 30})
    assert cd.is_done(r)
    assert cd.next_step(r) is None
    assert cd.step_opens_on(r, 2) is None
    assert not cd.is_open(r, TUE, 2)
    assert cd.status(r, TUE, 2) is None


def test_a_cooldown_left_alone_is_never_closed() -> None:
    r = acknowledged(MON)
    later = MON + timedelta(days=400)
    st = cd.status(r, later, 2)
    assert st is not None
    assert (st.step, st.is_open, st.day) == ("reflect", True, 401)
    assert not cd.is_done(r)
    assert r.cooldown.moved_on_on is None
    assert [s.rejection_id for s in cd.statuses([r], later, 2)] == [r.id]


def test_status_json_shape() -> None:
    st = cd.status(acknowledged(MON), MON, 2)
    assert st is not None
    assert st.to_json() == {"company": "Acme", "role": "Analyst", "step": "reflect",
                            "day": 1, "days": 2, "step_opens_on": "2026-03-03"}


# --- the day boundary ---------------------------------------------------------


@pytest.mark.parametrize(("moment", "expected_open"), [
    ("2026-03-03T03:59", False),  # still Monday for the user
    ("2026-03-03T04:00", True),   # Tuesday has begun
])
def test_reflect_gate_follows_day_start_hour(moment: str, expected_open: bool) -> None:
    clock = FixedClock(moment, day_start_hour=4, zone=tz.gettz("Europe/London"))
    r = acknowledged(MON)
    assert cd.is_open(r, clock.today(), 2) is expected_open


def test_reflect_gate_moves_when_the_clock_crosses_the_boundary() -> None:
    clock = FixedClock("2026-03-03T03:59", day_start_hour=4, zone=tz.gettz("UTC"))
    r = acknowledged(MON)
    with pytest.raises(cd.CooldownError):
        cd.reflect(r, clock.today())
    clock.advance(minutes=1)
    assert cd.next_step(cd.reflect(r, clock.today())) == "move_on"


# --- transitions ----------------------------------------------------------------


def test_acknowledge_records_feelings_journal_and_processing() -> None:
    r = rejection()
    r.cooldown.draft = {"journal": "half"}
    out = cd.acknowledge(r, MON, {"sad": 70}, journal="  It stings.  ", process_with="walk")
    c = out.cooldown
    assert c.acknowledged_on == "2026-03-02"
    assert [(f.name, f.before, f.after) for f in c.feelings] == [("sad", 70, None)]
    assert (c.journal, c.process_with, c.draft) == ("It stings.", "walk", {})
    assert r.cooldown.acknowledged_on is None  # the original is untouched


def test_acknowledge_accepts_feeling_records() -> None:
    out = cd.acknowledge(rejection(), MON, [Feeling(name="tired", before=55)])
    assert out.cooldown.feelings[0].name == "tired"


def test_acknowledge_twice_is_refused() -> None:
    with pytest.raises(cd.CooldownError, match="already"):
        cd.acknowledge(acknowledged(), MON, {"sad": 10})


def test_bad_intensity_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        cd.acknowledge(rejection(), MON, {"sad": 140})


def test_reflect_before_acknowledge_is_refused_kindly() -> None:
    with pytest.raises(cd.CooldownError, match="naming how this feels"):
        cd.reflect(rejection(), TUE)


def test_reflect_before_its_day_is_refused_with_the_opening_day() -> None:
    with pytest.raises(cd.CooldownError, match="Tuesday 3 March") as err:
        cd.reflect(acknowledged(), MON)
    assert isinstance(err.value, ValueError)
    assert "ready now" in err.value.message


def test_ready_now_opens_reflect_early_and_is_recorded() -> None:
    r = cd.ready_now(acknowledged(MON), MON, 2)
    assert r.cooldown.ready_early_on == "2026-03-02"
    assert cd.step_opens_on(r, 2) == MON
    assert cd.is_open(r, MON, 2)
    out = cd.reflect(r, MON)
    assert out.cooldown.reflected_on == "2026-03-02"


def test_ready_now_on_the_scheduled_day_records_nothing() -> None:
    r = cd.ready_now(acknowledged(MON), TUE, 2)
    assert r.cooldown.ready_early_on is None
    assert cd.is_open(r, TUE, 2)


def test_ready_now_needs_acknowledge_first_and_not_after_reflecting() -> None:
    with pytest.raises(cd.CooldownError):
        cd.ready_now(rejection(), MON)
    with pytest.raises(cd.CooldownError):
        cd.ready_now(reflected(), TUE)


def test_reflect_records_reasons_traps_and_lessons() -> None:
    out = cd.reflect(acknowledged(), TUE, [Reason(tag="skill gap", note="SQL")],
                     traps=["mind reading", "mind reading"], balanced_thought="One no.",
                     went_well="Rapport", do_differently="Practise")
    c = out.cooldown
    assert c.reflected_on == "2026-03-03"
    assert [(x.tag, x.note) for x in c.reasons] == [("skill gap", "SQL")]
    assert c.traps == ["mind reading"]
    assert (c.balanced_thought, c.went_well, c.do_differently) == (
        "One no.", "Rapport", "Practise")


def test_reflect_rejects_unknown_reason_tags() -> None:
    with pytest.raises(ValueError):
        cd.reflect(acknowledged(), TUE, {"bad luck": ""})


def test_move_on_rerates_the_same_feelings() -> None:
    out = cd.move_on(reflected(), TUE, {"sad": 30, "angry": 10})
    assert [(f.name, f.before, f.after) for f in out.cooldown.feelings] == [
        ("sad", 70, 30), ("angry", 40, 10)]
    assert out.cooldown.moved_on_on == "2026-03-03"


def test_move_on_refuses_a_feeling_that_was_not_named() -> None:
    with pytest.raises(cd.CooldownError, match="calm"):
        cd.move_on(reflected(), TUE, {"calm": 10})


def test_move_on_before_reflecting_is_refused() -> None:
    with pytest.raises(cd.CooldownError, match="reflect"):
        cd.move_on(acknowledged(), TUE, {"sad": 30})


def test_nothing_after_done() -> None:
    r = cd.move_on(reflected(), TUE, {"sad": 30})
    with pytest.raises(cd.CooldownError, match="complete"):
        cd.move_on(r, TUE, {"sad": 20})


# --- several at once ------------------------------------------------------------


def test_most_urgent_prefers_a_fresh_hurt_then_an_open_step_then_the_oldest() -> None:
    waiting_old = acknowledged(MON - timedelta(days=5), on=MON - timedelta(days=5))
    waiting_old = cd.ready_now(waiting_old, MON - timedelta(days=5))
    waiting_old = cd.reflect(waiting_old, MON)  # move on opens Monday: open
    closed_gate = acknowledged(MON - timedelta(days=10))
    closed_gate.cooldown.reflected_on = "2026-03-10"  # opens in the future
    fresh = rejection(MON, company="Fresh")  # acknowledge open today
    newer_open = rejection(MON - timedelta(days=1), company="Newer")
    done = cd.move_on(reflected(MON - timedelta(days=30)), MON, {"sad": 1})
    picked = cd.most_urgent([fresh, closed_gate, done, newer_open, waiting_old], MON, 2)
    assert picked is fresh  # still to acknowledge, and the newest of those
    assert cd.most_urgent([newer_open, closed_gate, waiting_old], MON, 2) is newer_open
    assert cd.most_urgent([closed_gate, done, waiting_old], MON, 2) is waiting_old


def test_most_urgent_falls_back_to_the_oldest_waiting_one() -> None:
    newer = acknowledged(MON)
    older = acknowledged(MON - timedelta(days=1))
    # With three days, neither reflect step is open on Monday.
    assert not cd.is_open(newer, MON, 3) and not cd.is_open(older, MON, 3)
    assert cd.most_urgent([newer, older], MON, 3) is older


def test_most_urgent_none_when_all_done_or_empty() -> None:
    done = cd.move_on(reflected(), TUE, {"sad": 1})
    assert cd.most_urgent([done], TUE, 2) is None
    assert cd.most_urgent([], TUE, 2) is None


def test_statuses_list_running_cooldowns_oldest_first() -> None:
    older = acknowledged(MON - timedelta(days=3), on=MON - timedelta(days=3))
    newer = rejection(MON, company="Beta")
    done = cd.move_on(reflected(MON - timedelta(days=4)), MON, {"sad": 1})
    assert [s.company for s in cd.statuses([newer, done, older], MON, 2)] == ["Acme", "Beta"]
