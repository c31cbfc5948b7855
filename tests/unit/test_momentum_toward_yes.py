"""Momentum toward the yes: how far each process got over time, steps this month against
the last, and the one line Today shows when there is something to say."""

from __future__ import annotations

from datetime import date

from fixed_time import TODAY

from resilience_tui.domain.models import CheckIn, PlanItem, Rejection
from resilience_tui.domain.progress import (
    month_steps,
    processes,
    recent_record,
    stage_progress,
    today_line,
)


def no(company: str, day: str, stage: str, moved_after: int | None = None) -> Rejection:
    r = Rejection(company=company, role="Analyst", stage=stage, received_on=day, logged_on=day)
    if moved_after is not None:
        moved = date.fromordinal(date.fromisoformat(day).toordinal() + moved_after).isoformat()
        r.cooldown.acknowledged_on = day
        r.cooldown.reflected_on = r.cooldown.moved_on_on = moved
    return r


def plan_day(day: str, *kinds: str, done: bool = True) -> CheckIn:
    return CheckIn(day=day, mood=3, energy=3,
                   plan=[PlanItem(kind=k, text=f"{k} step", done=done) for k in kinds])


# --- how far each process got ------------------------------------------------------------


def test_no_rejections_says_nothing_about_stages() -> None:
    sp = stage_progress([], TODAY)
    assert (sp.total, sp.periods, sp.best, sp.record) == (0, (), None, None)


def test_under_a_year_of_history_is_counted_by_month_with_a_new_best_marked() -> None:
    sp = stage_progress([
        no("Acme", "2026-01-20", "interview", moved_after=5),
        no("Globex", "2026-02-03", "screen", moved_after=4),
        no("Initech", "2026-02-17", "final", moved_after=3),
        no("Hooli", "2026-03-03", "interview"),  # still cooling down
    ], TODAY)
    assert sp.by_month and sp.total == 4 and sp.earlier == 0
    assert [(p.first.isoformat(), p.counts) for p in sp.periods] == [
        ("2026-01-01", (0, 0, 1, 0, 0)),
        ("2026-02-01", (0, 1, 0, 1, 0)),
        ("2026-03-01", (0, 0, 1, 0, 0)),
    ]
    # The first process ever is nobody's record; Initech's final round went past the interview.
    assert [p.new_best for p in sp.periods] == [False, True, False]
    assert sp.record is not None and sp.record.company == "Initech"
    assert sp.previous_best == "interview"
    assert [p.moved_on_days for p in sp.periods] == [5, 3.5, None]
    assert sp.best is not None and sp.best.company == "Initech" and sp.best_times == 1


def test_a_long_history_is_counted_by_quarter_and_shows_the_latest_six() -> None:
    rejections = [no(f"Co {n}", f"{2020 + n // 4}-{3 * (n % 4) + 1:02d}-10", "applied")
                  for n in range(24)]  # one a quarter from 2020 through 2025
    sp = stage_progress(rejections, TODAY, shown=6)
    assert not sp.by_month
    assert [p.first.isoformat() for p in sp.periods] == [
        "2024-07-01", "2024-10-01", "2025-01-01", "2025-04-01", "2025-07-01", "2025-10-01"]
    assert sp.periods[-1].last == date(2025, 12, 31)
    assert sp.earlier == 18 and sp.best_times == 24


def test_the_furthest_reached_several_times_names_the_first_and_the_latest() -> None:
    sp = stage_progress([no("A", "2026-01-05", "screen"), no("B", "2026-01-15", "final"),
                         no("C", "2026-02-15", "interview"), no("D", "2026-03-01", "final")],
                        TODAY)
    assert sp.best_times == 2
    assert sp.first_best is not None and sp.first_best.company == "B"
    assert sp.best is not None and sp.best.company == "D"


def test_damaged_days_and_stages_are_left_out() -> None:
    bad_day = no("A", "2026-01-05", "screen")
    bad_day.received_on = bad_day.logged_on = "someday"
    bad_stage = no("B", "2026-01-06", "screen")
    bad_stage.stage = "coffee chat"
    assert processes([bad_day, bad_stage, no("C", "2026-01-07", "final")])[0].company == "C"
    assert stage_progress([bad_day, bad_stage], TODAY).total == 0


def test_a_new_best_is_news_for_thirty_days() -> None:
    rs = [no("Acme", "2026-01-20", "screen"), no("Initech", "2026-02-17", "interview")]
    sp = stage_progress(rs, TODAY)
    assert recent_record(sp, TODAY) is not None  # 22 days ago
    assert recent_record(sp, date(2026, 3, 19)) is None  # 30 days later it is history


# --- steps month by month -----------------------------------------------------------------


def test_month_steps_count_done_items_this_month_last_month_and_last_month_by_now() -> None:
    ms = month_steps([
        plan_day("2026-03-02", "apply", "apply", "outreach"),
        plan_day("2026-03-10", "practice", "learn", "follow-up", "other"),
        plan_day("2026-03-11", "apply", done=False),  # not ticked: not a step yet
        plan_day("2026-02-05", "apply", "learn"),
        plan_day("2026-02-11", "outreach"),  # the same day last month still counts "by now"
        plan_day("2026-02-20", "apply", "apply", "apply"),
        plan_day("2026-01-31", "apply"),  # two months back
    ], TODAY)
    assert (ms.this.apply, ms.this.outreach, ms.this.practice, ms.this.learn) == (2, 1, 1, 1)
    assert ms.this.total == 5
    assert ms.last.total == 6 and ms.last.apply == 4
    assert ms.last_by_now.total == 3
    assert ms.same_day == date(2026, 2, 11)
    assert ms.ahead


def test_on_the_31st_last_month_by_now_is_its_last_day() -> None:
    ms = month_steps([plan_day("2026-02-28", "apply")], date(2026, 3, 31))
    assert ms.same_day == date(2026, 2, 28) and ms.last_by_now.total == 1


def test_january_compares_with_last_december() -> None:
    ms = month_steps([plan_day("2025-12-03", "learn")], date(2026, 1, 10))
    assert ms.last_month == date(2025, 12, 1) and ms.last.learn == 1


def test_a_couple_of_steps_ahead_of_nothing_is_not_yet_worth_a_word() -> None:
    ms = month_steps([plan_day("2026-03-02", "apply", "apply")], TODAY)
    assert ms.this.total == 2 and ms.last_by_now.total == 0
    assert not ms.ahead


# --- Today's line ---------------------------------------------------------------------------


def test_today_names_a_recent_step_further_than_ever() -> None:
    sp = stage_progress([no("Acme", "2026-01-20", "screen"),
                         no("Initech", "2026-02-17", "final")], TODAY)
    line = today_line(sp, month_steps([], TODAY), TODAY)
    assert line == "↗ Further than ever: a final round at Initech"


def test_today_says_so_when_this_month_is_ahead_of_last() -> None:
    steps = month_steps([plan_day("2026-03-02", "apply", "outreach", "learn", "practice"),
                         plan_day("2026-02-04", "apply")], TODAY)
    line = today_line(stage_progress([], TODAY), steps, TODAY)
    assert line == "↗ 4 steps this month; 1 by this day last month"


def test_today_stays_quiet_when_there_is_nothing_to_say() -> None:
    sp = stage_progress([no("Acme", "2026-03-01", "final")], TODAY)  # a first ever: no record
    behind = month_steps([plan_day("2026-03-02", "apply", "apply", "apply"),
                          plan_day("2026-02-02", "apply", "apply", "apply", "learn")], TODAY)
    assert today_line(sp, behind, TODAY) == ""


def test_no_comparison_with_last_month_before_the_journal_was_in_use() -> None:
    """Started on 5 March: "0 by this day last month" would compare with a time before
    there was anything to count, so neither Today nor Review makes that comparison."""
    started = month_steps([plan_day("2026-03-05", "apply", "outreach", "learn", "practice")],
                          TODAY)
    assert started.this.total == 4 and not started.compared and not started.ahead
    assert today_line(stage_progress([], TODAY), started, TODAY) == ""
    in_use = month_steps([plan_day("2026-03-05", "apply", "outreach", "learn", "practice"),
                          plan_day("2026-02-01")], TODAY)
    assert in_use.compared and in_use.ahead
