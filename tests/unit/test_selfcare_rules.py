"""Self-care rules: the energy lift, today versus the intention, typed minutes."""

from __future__ import annotations

import pytest
from fixed_time import TODAY

from resilience_tui.domain.models import CheckIn, SelfCare
from resilience_tui.domain.selfcare import (
    EnergyLift,
    energy_lift,
    matches_intention,
    parse_minutes,
    selfcare_day,
)
from resilience_tui.domain.validate import ValidationError


def entry(day: str, before: int | None = None, after: int | None = None,
          activity: str = "walk", minutes: int = 30, at: str = "") -> SelfCare:
    return SelfCare(day=day, activity=activity, minutes=minutes, energy_before=before,
                    energy_after=after, at=at or f"{day}T10:00:00+00:00")


# --- energy lift ------------------------------------------------------------------


def test_lift_is_the_average_of_after_minus_before() -> None:
    entries = [entry("2026-03-11", 2, 4), entry("2026-03-10", 3, 4), entry("2026-03-01", 4, 3)]
    assert energy_lift(entries, TODAY) == EnergyLift(average=(2 + 1 - 1) / 3, entries=3)


def test_lift_ignores_entries_missing_either_energy() -> None:
    entries = [entry("2026-03-11", 2, 5), entry("2026-03-11", None, 4),
               entry("2026-03-11", 3, None), entry("2026-03-11")]
    assert energy_lift(entries, TODAY) == EnergyLift(3.0, 1)


def test_lift_counts_the_last_30_days_including_today() -> None:
    first_day_in = "2026-02-10"  # 29 days before 11 March
    day_before = "2026-02-09"
    entries = [entry(first_day_in, 1, 5), entry(day_before, 5, 1)]
    assert energy_lift(entries, TODAY) == EnergyLift(4.0, 1)


def test_lift_ignores_days_after_today() -> None:
    assert energy_lift([entry("2026-03-12", 1, 5)], TODAY) is None


def test_no_lift_without_rated_entries() -> None:
    assert energy_lift([], TODAY) is None
    assert energy_lift([entry("2026-03-11")], TODAY) is None


def test_a_drop_in_energy_is_reported_as_it_is() -> None:
    assert energy_lift([entry("2026-03-11", 4, 2)], TODAY) == EnergyLift(-2.0, 1)


# --- today versus the intention -----------------------------------------------------


@pytest.mark.parametrize(("activity", "intention", "met"), [
    ("walk", "walk", True),
    ("Walk", "a walk in the park", True),
    ("long walk with the dog", "walk", True),
    ("gym", "walk", False),
    ("call with a friend", "see a friend", True),
    ("walk", "", False),
    ("a swim", "a walk", False),  # sharing only "a" is not the same thing
])
def test_matching_an_activity_to_the_intention(activity: str, intention: str, met: bool) -> None:
    assert matches_intention(activity, intention) is met


def test_today_lists_todays_entries_in_order_against_the_intention() -> None:
    checkins = [CheckIn(day="2026-03-11", mood=3, energy=3, selfcare_intention="a long walk"),
                CheckIn(day="2026-03-10", mood=3, energy=3, selfcare_intention="gym")]
    entries = [entry("2026-03-11", activity="walk", minutes=30, at="2026-03-11T12:00:00+00:00"),
               entry("2026-03-11", activity="rest", minutes=20, at="2026-03-11T08:00:00+00:00"),
               entry("2026-03-10", activity="gym", minutes=60)]
    day = selfcare_day(entries, checkins, "2026-03-11")
    assert [e.activity for e in day.entries] == ["rest", "walk"]
    assert day.minutes == 50
    assert day.intention == "a long walk"
    assert day.intention_met


def test_today_without_an_intention_or_entries() -> None:
    day = selfcare_day([entry("2026-03-10")], [], "2026-03-11")
    assert (day.entries, day.intention, day.intention_met, day.minutes) == ((), "", False, 0)


def test_something_else_does_not_meet_the_intention() -> None:
    checkins = [CheckIn(day="2026-03-11", mood=3, energy=3, selfcare_intention="meditation")]
    day = selfcare_day([entry("2026-03-11", activity="gym")], checkins, "2026-03-11")
    assert not day.intention_met


# --- minutes ------------------------------------------------------------------------


@pytest.mark.parametrize(("typed", "minutes"), [
    ("30", 30), (" 45 ", 45), ("30 min", 30), ("30m", 30), ("1h", 60), ("1.5 hours", 90),
    ("1h 15", 75), ("2h30m", 150), ("1440", 1440), (20, 20),
])
def test_minutes_as_people_type_them(typed: object, minutes: int) -> None:
    assert parse_minutes(typed) == minutes


@pytest.mark.parametrize(("typed", "says"), [
    ("", "needed"), ("   ", "needed"), ("abc", "like 30"), ("-5", "like 30"),
    ("0", "1–1440"), ("1441", "1–1440"), ("25h", "1–1440"), ("3.5", "like 30"),
])
def test_bad_minutes_are_refused_with_a_clear_message(typed: str, says: str) -> None:
    with pytest.raises(ValidationError) as err:
        parse_minutes(typed)
    assert err.value.field == "minutes"
    assert says in err.value.message


def test_model_validation_guards_activity_and_energies() -> None:
    with pytest.raises(ValidationError, match="activity"):
        SelfCare(day="2026-03-11", activity="  ", minutes=30).validate()
    with pytest.raises(ValidationError, match="60 at most"):
        SelfCare(day="2026-03-11", activity="x" * 61, minutes=30).validate()
    with pytest.raises(ValidationError, match="energy after"):
        SelfCare(day="2026-03-11", activity="walk", minutes=30, energy_after=6).validate()
    ok = SelfCare(day="2026-03-11", activity=" walk\x07 ", minutes=30).validate()
    assert ok.activity == "walk"
