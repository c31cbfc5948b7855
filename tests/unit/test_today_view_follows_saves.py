"""Today's view after a save is worked out only from the tables the save touched
(``journal.days.kept``): a self-care entry reworks no check-in streak and no cool-down.
Whatever the saves, the settings and the day, the view must be the one worked out afresh
from the whole history, and the figures of ``status`` and Review with it."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from fixed_time import TODAY, ago, make_clock
from hypothesis import given, settings
from hypothesis import strategies as st

from resilience_tui.domain import streaks
from resilience_tui.domain.models import CheckIn, PlanItem, Rejection, RestDay, SelfCare
from resilience_tui.journal import days, open_journal
from resilience_tui.journal.momentum import momentum, progress_line
from resilience_tui.journal.today import TodayView, today_view
from resilience_tui.storage.store import Store


def _afresh(store: Store, day=TODAY) -> tuple[TodayView, object, str]:  # type: ignore[no-untyped-def]
    days.forget(store)
    return today_view(store, day), momentum(store, day), progress_line(store, day)


def _followed(store: Store, day=TODAY) -> tuple[TodayView, object, str]:  # type: ignore[no-untyped-def]
    return today_view(store, day), momentum(store, day), progress_line(store, day)


STEPS = st.lists(st.tuples(
    st.sampled_from(["check in", "tick", "self-care", "delete self-care", "rejection",
                     "feedback asked", "delete rejection", "rest", "unrest", "cool-down days",
                     "rest weekday", "name", "next day"]),
    st.integers(min_value=0, max_value=5),
), min_size=1, max_size=10)


@settings(max_examples=60, deadline=None)
@given(steps=STEPS)
def test_the_view_kept_across_saves_is_the_one_worked_out_afresh(steps, tmp_path_factory) -> None:
    store = open_journal(tmp_path_factory.mktemp("kept") / "resilience.json", make_clock())
    try:
        for back in range(1, 4):
            store.checkins.put(CheckIn(day=ago(back), mood=3, energy=3))
            store.selfcare.put(SelfCare(day=ago(back), activity="walk", minutes=10,
                                        energy_before=2, energy_after=4))
        store.rejections.put(Rejection(company="Acme", role="QA", received_on=ago(1),
                                       logged_on=ago(1)))
        day = TODAY
        _followed(store, day)  # kept from here on
        for step, n in steps:
            checkins, selfcare = store.checkins.all(), store.selfcare.all()
            rejections, rests = store.rejections.all(), store.rest_days.all()
            if step == "check in" and day.isoformat() not in {c.day for c in checkins}:
                store.checkins.put(CheckIn(day=day.isoformat(), mood=1 + n % 5, energy=3,
                                           plan=[PlanItem(text="Call Ana")]))
            elif step == "tick" and checkins:
                checkin = store.checkins.get(checkins[-1].id)
                assert checkin is not None
                for item in checkin.plan:
                    item.done = not item.done
                checkin.mood = 1 + n % 5
                store.checkins.put(checkin)
            elif step == "self-care":
                store.selfcare.put(SelfCare(day=(day - timedelta(days=n)).isoformat(),
                                            activity="call", minutes=5, energy_before=1,
                                            energy_after=1 + n % 5))
            elif step == "delete self-care" and selfcare:
                store.selfcare.delete(selfcare[n % len(selfcare)].id)
            elif step == "rejection":
                on = (day - timedelta(days=n)).isoformat()
                store.rejections.put(Rejection(company=f"Firm {n}", role="Dev", received_on=on,
                                               logged_on=on))
            elif step == "feedback asked" and rejections:
                rejection = store.rejections.get(rejections[n % len(rejections)].id)
                assert rejection is not None
                rejection.feedback.status = "requested"
                rejection.feedback.requested_on = rejection.logged_on
                store.rejections.put(rejection)
            elif step == "delete rejection" and rejections:
                store.rejections.delete(rejections[n % len(rejections)].id)
            elif step == "rest":
                store.rest_days.put(RestDay(day=(day - timedelta(days=n)).isoformat()))
            elif step == "unrest" and rests:
                store.rest_days.delete(rests[n % len(rests)].id)
            elif step == "cool-down days":
                store.save_settings(replace(store.settings, cooldown_days=1 + n % 3))
            elif step == "rest weekday":
                store.save_settings(replace(store.settings, rest_weekdays=[n]))
            elif step == "name":
                store.save_settings(replace(store.settings, name=f"Sam {n}"))
            elif step == "next day":
                day += timedelta(days=1)
            followed = _followed(store, day)
            assert followed == _afresh(store, day), step
    finally:
        store.close()


def test_a_self_care_entry_reworks_no_check_in_streak(tmp_path, monkeypatch) -> None:
    """The point of keeping: at thirty years the check-in figures and the cool-downs were
    ~15 ms of every self-care save's path to the screen."""
    store = open_journal(tmp_path / "resilience.json", make_clock())
    store.checkins.put(CheckIn(day=ago(1), mood=3, energy=3))
    store.rejections.put(Rejection(company="Acme", role="QA", received_on=ago(1),
                                   logged_on=ago(1)))
    before = today_view(store, TODAY)
    worked: list[str] = []
    monkeypatch.setattr(streaks, "routine_strength_of",
                        lambda *a: worked.append("strength") or 0.0)
    from resilience_tui.domain import cooldown
    monkeypatch.setattr(cooldown, "statuses", lambda *a: worked.append("cool-downs") or [])
    store.selfcare.put(SelfCare(day=TODAY.isoformat(), activity="walk", minutes=30))
    after = today_view(store, TODAY)
    assert worked == []
    assert after.momentum == replace(before.momentum, selfcare=after.momentum.selfcare)
    assert after.cooldowns == before.cooldowns
    assert after.selfcare != before.selfcare and "walk 30 min" in after.selfcare.lines[0]
    store.checkins.put(CheckIn(day=TODAY.isoformat(), mood=3, energy=3))
    today_view(store, TODAY)
    assert worked == ["strength"]  # a check-in does rework it
    store.close()
