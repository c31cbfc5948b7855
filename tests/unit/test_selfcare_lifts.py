"""Which self-care goes with a lift: energy after − before, and the next morning's mood,
only once an activity has enough entries, and always with the count it rests on."""

from __future__ import annotations

from datetime import date, timedelta

from fixed_time import TODAY

from resilience_tui.domain.lifts import after_words, entries_words, lift_insight
from resilience_tui.domain.models import CheckIn, SelfCare


def day(n: int) -> str:
    return (TODAY - timedelta(days=n)).isoformat()


def care(n: int, activity: str, before: int | None = 2, after: int | None = 4) -> SelfCare:
    return SelfCare(day=day(n), activity=activity, minutes=20, energy_before=before,
                    energy_after=after)


def morning(n: int, mood: int) -> CheckIn:
    return CheckIn(day=day(n), mood=mood, energy=3)


def test_energy_lift_per_activity_biggest_first_only_with_five_entries() -> None:
    entries = ([care(n, "walk", 2, 4) for n in range(1, 7)]  # +2, six walks
               + [care(n, "gym", 3, 4) for n in range(1, 6)]  # +1, five gym sessions
               + [care(n, "rest", 1, 5) for n in range(1, 5)])  # +4 but only four
    li = lift_insight(entries, [], TODAY)
    assert [(a.activity, a.energy, a.entries) for a in li.activities] == [
        ("walk", 2.0, 6), ("gym", 1.0, 5)]
    assert li.too_few == (("rest", 4),)
    assert li.best_energy is not None and li.best_energy.activity == "walk"


def test_entries_without_both_energies_do_not_count_toward_the_lift() -> None:
    entries = [care(n, "walk", None, 4) for n in range(1, 9)] + [care(1, "walk")]
    li = lift_insight(entries, [], TODAY)
    assert li.activities == ()
    assert li.too_few == (("walk", 9),)


def test_activities_compare_without_case_or_spacing() -> None:
    entries = [care(n, a) for n, a in enumerate(("Walk", "walk ", " WALK", "walk", "Walk"), 1)]
    li = lift_insight(entries, [], TODAY)
    assert [(a.activity, a.entries) for a in li.activities] == [("walk", 5)]


def test_only_the_past_year_counts() -> None:
    entries = [care(n, "walk") for n in (10, 20, 30, 40)] + [care(400, "walk")]
    assert lift_insight(entries, [], TODAY).too_few == (("walk", 4),)


def test_next_morning_mood_after_a_day_with_it_against_mornings_after_days_without() -> None:
    # Friends on days 2, 4, …, 12: the mornings after (1, 3, …, 11) have mood 4;
    # the other mornings (2, 4, …, 12) have mood 3.
    entries = [care(n, "friends", None, None) for n in range(2, 13, 2)]
    checkins = [morning(n, 4 if n % 2 else 3) for n in range(1, 13)]
    li = lift_insight(entries, checkins, TODAY)
    [friends] = li.activities
    assert friends.energy is None and friends.entries == 0
    assert friends.mood == 1.0 and friends.mornings == 6
    assert li.best_mood is friends


def test_no_mood_figure_without_enough_mornings_on_both_sides() -> None:
    entries = [care(n, "friends") for n in range(2, 13)]  # every day: no "other" mornings
    checkins = [morning(n, 4) for n in range(1, 13)]
    [friends] = lift_insight(entries, checkins, TODAY).activities
    assert friends.mood is None and friends.energy == 2.0


def test_a_dip_is_never_called_the_best() -> None:
    entries = [care(n, "gym", 4, 3) for n in range(1, 6)]
    li = lift_insight(entries, [], TODAY)
    assert li.activities[0].energy == -1.0
    assert li.best_energy is None


def test_the_words_say_what_a_figure_rests_on() -> None:
    assert entries_words("walk", 12) == "12 walks"
    assert entries_words("friends", 1) == "1 time with friends"
    assert entries_words("tai chi", 6) == "6 entries"
    assert after_words("walk") == "a walk" and after_words("tai chi") == "tai chi"


def test_the_insight_starts_a_year_back() -> None:
    assert lift_insight([], [], TODAY).since == TODAY - timedelta(days=364)
    assert lift_insight([], [], TODAY, days=30).since == date(2026, 2, 10)
