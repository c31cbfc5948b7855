"""Review's figures read through the day index are the figures of a full scan.

The index (``domain/day_index.py``) exists only to make Review cheap on years of
history; a user must never see a different streak, strength, calendar, week or
lift because of it. Each test computes a figure the old way (every record
scanned, every stored day read again) and the new way, on generated histories
with the awkward cases in them: two check-ins on one day, ties in when they
were written, days in the future, rest days, entries outside every window.
"""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path

from fixed_time import TODAY, ago, make_clock
from hypothesis import given, settings
from hypothesis import strategies as st

from resilience_tui.clock import FixedClock
from resilience_tui.domain import streaks
from resilience_tui.domain.checkin import checkins_by_day
from resilience_tui.domain.dates import stored_days
from resilience_tui.domain.day_index import DayIndex
from resilience_tui.domain.lifts import lift_insight, lift_since
from resilience_tui.domain.models import CheckIn, PlanItem, RestDay, SelfCare
from resilience_tui.domain.progress import month_steps, steps_since
from resilience_tui.journal import open_journal
from resilience_tui.journal.checkins import check_in
from resilience_tui.journal.days import day_index
from resilience_tui.journal.momentum import Momentum, momentum, progress
from resilience_tui.storage.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import synth  # noqa: E402

KINDS = ("apply", "outreach", "practice", "learn", "selfcare", "other")
STAMPS = ("2026-01-01T08:00:00+00:00", "2026-01-01T09:00:00+00:00", "")
offsets = st.integers(min_value=-3, max_value=420)  # days before TODAY; negative: future


def _day(offset: int) -> str:
    return (TODAY - timedelta(days=offset)).isoformat()


plans = st.lists(st.builds(PlanItem, kind=st.sampled_from(KINDS), done=st.booleans()),
                 max_size=4)
checkins = st.lists(st.builds(
    CheckIn, day=offsets.map(_day), mood=st.integers(1, 5), energy=st.integers(1, 5),
    plan=plans, at=st.sampled_from(STAMPS), updated_at=st.sampled_from(STAMPS)), max_size=80)
entries = st.lists(st.builds(
    SelfCare, day=offsets.map(_day), activity=st.sampled_from(("walk", "Walk ", "call", "read")),
    minutes=st.integers(0, 90), energy_before=st.one_of(st.none(), st.integers(1, 5)),
    energy_after=st.one_of(st.none(), st.integers(1, 5))), max_size=80)
rests = st.lists(offsets.map(lambda n: RestDay(day=_day(n))), max_size=15)
weekdays = st.lists(st.integers(0, 6), max_size=3, unique=True)
todays = st.integers(min_value=0, max_value=30).map(lambda n: TODAY - timedelta(days=n))


@settings(max_examples=150, deadline=None)
@given(checkins, entries, rests, weekdays, todays)
def test_streaks_and_strength_match_a_full_scan(
    cs: list[CheckIn], ss: list[SelfCare], rs: list[RestDay], rest_weekdays: list[int],
    today: date,
) -> None:
    index = DayIndex(cs, ss, rs)
    days, rest = stored_days(c.day for c in cs), stored_days(r.day for r in rs)
    active, marked = set(index.checkin_days(today)), set(index.rest_days(today))
    streak = streaks.checkin_streak(days, today, rest_weekdays, rest)
    assert streaks.checkin_streak_of(active, today, rest_weekdays, marked) == streak
    assert streaks.selfcare_streak_of(index.selfcare_days(today), today) == \
        streaks.selfcare_streak(stored_days(s.day for s in ss), today)
    assert streaks.routine_strength_of(active, today, rest_weekdays, marked) == \
        streaks.routine_strength(days, today, rest_weekdays, rest)
    assert streaks.strength_series_of(active, today, rest_weekdays, marked) == \
        streaks.strength_series(days, today, rest_weekdays, rest)
    assert streaks.streak_at_risk_of(active, today, rest_weekdays, marked, streak) == \
        streaks.streak_at_risk(days, today, rest_weekdays, rest, streak=streak)
    assert index.first_checkin == min(days, default=None)


@settings(max_examples=150, deadline=None)
@given(checkins, entries, todays)
def test_calendar_weeks_and_lifts_match_a_full_scan(
    cs: list[CheckIn], ss: list[SelfCare], today: date
) -> None:
    index = DayIndex(cs, ss, [])
    assert index.by_day == checkins_by_day(cs)  # the same check-in for every day
    first = streaks.heatmap_since(today, 53)
    assert streaks.heatmap_days(index.checkins_between(first, today), today, 53) == \
        streaks.heatmap_days(cs, today, 53)
    for monday in (streaks.week_start(today), streaks.week_start(today) - timedelta(weeks=1)):
        sunday = monday + timedelta(days=6)
        assert streaks.week_figures(index.checkins_between(monday, sunday),
                                    index.selfcare_between(monday, sunday), [], monday) == \
            streaks.week_figures(cs, ss, [], monday)
    since = lift_since(today)
    assert lift_insight(index.selfcare_between(since, today),
                        index.checkins_between(since, today), today, enough=2) == \
        lift_insight(ss, cs, today, enough=2)
    assert month_steps(index.checkins_between(steps_since(today), today), today) == \
        month_steps(cs, today)
    fortnight = index.checkins_between(today - timedelta(days=13), today)
    assert streaks.low_mood_days(fortnight, today) == streaks.low_mood_days(cs, today)


def _momentum_by_full_scan(store: Store, today: date) -> Momentum:
    """``journal.momentum.momentum`` as it was before the day index."""
    rest_weekdays = tuple(store.settings.rest_weekdays)
    cs = store.checkins.all()
    days = stored_days(c.day for c in cs)
    rest = stored_days(r.day for r in store.rest_days.all())
    checkin = streaks.checkin_streak(days, today, rest_weekdays, rest)
    return Momentum(
        today=today, checked_in_today=today in days, checkin=checkin,
        selfcare=streaks.selfcare_streak(stored_days(s.day for s in store.selfcare.all()), today),
        strength=streaks.routine_strength(days, today, rest_weekdays, rest),
        at_risk=streaks.streak_at_risk(days, today, rest_weekdays, rest, streak=checkin),
        gentle_note=streaks.needs_gentle_note(cs, today),
        checkin_days=frozenset(d for d in days if d <= today),
        rest_days=frozenset(d for d in rest if d <= today), rest_weekdays=rest_weekdays)


def test_two_years_of_heavy_use_give_the_same_momentum(tmp_path: Path) -> None:
    db = synth.write_database(synth.make_export(2, today=TODAY), tmp_path / "j.json", TODAY)
    store = open_journal(db, make_clock())
    try:
        for today in (TODAY, TODAY - timedelta(days=40), TODAY - timedelta(days=400)):
            assert momentum(store, today) == _momentum_by_full_scan(store, today)
        cs, ss = store.checkins.all(), store.selfcare.all()
        found = progress(store, TODAY)
        assert found.steps == month_steps(cs, TODAY)
        assert found.lifts == lift_insight(ss, cs, TODAY)
    finally:
        store.close()


def test_a_new_check_in_counts_at_once(store: Store, clock: FixedClock) -> None:
    """The index is kept per revision: Review opened right after a check-in counts it."""
    before = momentum(store, TODAY)
    assert not before.checked_in_today and before.checkin.current == 0
    check_in(store, clock, None, day=TODAY.isoformat(), mood=4, energy=3)
    after = momentum(store, TODAY)
    assert after.checked_in_today and after.checkin.current == 1
    assert TODAY.isoformat() in day_index(store).by_day


def _parts(index: DayIndex) -> tuple[object, ...]:
    """Everything an index answers from (records by identity, in order)."""
    return (
        [id(r) for r in index._checkins], index._checkin_keys, index._checkin_days,
        [id(r) for r in index._selfcare], index._selfcare_keys, index._selfcare_days,
        index._rest_days, {d: id(c) for d, c in index.by_day.items()},
    )


STEPS = st.lists(st.tuples(
    st.sampled_from(["add check-in", "add self-care", "edit self-care", "edit check-in",
                     "move self-care", "delete self-care", "delete check-in", "rest",
                     "unrest"]),
    st.integers(min_value=0, max_value=6),  # which day back, or which record
), min_size=1, max_size=12)


@settings(max_examples=60, deadline=None)
@given(steps=STEPS)
def test_an_index_that_follows_saves_is_the_one_built_afresh(steps, tmp_path_factory) -> None:
    """Today and Review keep the index across saves, following the records each save put
    or deleted (journal.days): whatever the saves, it must equal an index built again
    from the records as they are now, record for record and in the same order."""
    path = tmp_path_factory.mktemp("follow") / "resilience.json"
    store = open_journal(path, make_clock())
    try:
        for back in range(4):
            store.checkins.put(CheckIn(day=ago(back), mood=3, energy=3))
            store.selfcare.put(SelfCare(day=ago(back), activity="walk", minutes=10))
        day_index(store)  # kept from here on, and followed
        for step, n in steps:
            selfcare, checkins = store.selfcare.all(), store.checkins.all()
            if step == "add check-in" and ago(n) not in {c.day for c in checkins}:
                store.checkins.put(CheckIn(day=ago(n), mood=2, energy=2))
            elif step == "add self-care":
                store.selfcare.put(SelfCare(day=ago(n), activity="call", minutes=5))
            elif step == "edit self-care" and selfcare:
                entry = store.selfcare.get(selfcare[n % len(selfcare)].id)
                assert entry is not None
                entry.minutes += 1
                store.selfcare.put(entry)
            elif step == "edit check-in" and checkins:
                checkin = store.checkins.get(checkins[n % len(checkins)].id)
                assert checkin is not None
                checkin.mood = 5
                store.checkins.put(checkin)
            elif step == "move self-care" and selfcare:
                entry = store.selfcare.get(selfcare[n % len(selfcare)].id)
                assert entry is not None
                entry.day = ago(n)
                store.selfcare.put(entry)
            elif step == "delete self-care" and selfcare:
                store.selfcare.delete(selfcare[n % len(selfcare)].id)
            elif step == "delete check-in" and checkins:
                store.checkins.delete(checkins[n % len(checkins)].id)
            elif step == "rest":
                store.rest_days.put(RestDay(day=ago(n)))
            elif step == "unrest" and store.rest_days.all():
                rest = store.rest_days.all()
                store.rest_days.delete(rest[n % len(rest)].id)
            followed = day_index(store)
            afresh = DayIndex(store.checkins.all(), store.selfcare.all(), store.rest_days.all())
            assert _parts(followed) == _parts(afresh)
    finally:
        store.close()


def test_a_save_is_followed_not_built_again(tmp_path: Path, monkeypatch) -> None:
    """The point of following: after a self-care entry, no index is built from scratch."""
    from resilience_tui.domain import day_index as module

    store = open_journal(tmp_path / "resilience.json", make_clock())
    store.selfcare.put(SelfCare(day=ago(0), activity="walk", minutes=10))
    before = day_index(store)
    built: list[int] = []
    real = module.DayIndex.__init__

    def counted(self, *args):  # type: ignore[no-untyped-def]
        built.append(1)
        real(self, *args)

    monkeypatch.setattr(module.DayIndex, "__init__", counted)
    store.selfcare.put(SelfCare(day=ago(0), activity="stretch", minutes=5))
    after = day_index(store)
    assert built == [] and after is not before
    assert [e.activity for e in after.selfcare_between(ago(0), ago(0))] == ["walk", "stretch"]
    assert [e.activity for e in before.selfcare_between(ago(0), ago(0))] == ["walk"]  # kept
    store.close()
