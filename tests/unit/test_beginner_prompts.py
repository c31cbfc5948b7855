"""Until there is history, Today's prompt speaks to a beginner; after a week of mornings
the rotating prompts (themes, looking back) take over."""

from __future__ import annotations

from datetime import timedelta

from fixed_time import TODAY

from resilience_tui.domain.prompts import (
    BEGINNER_DAYS,
    BEGINNER_PROMPTS,
    PROMPTS,
    days_before,
    prompt_for,
)


def test_day_one_gets_a_beginners_line_not_a_theme_to_look_for() -> None:
    first = prompt_for(TODAY, days_before([], TODAY))
    assert first == BEGINNER_PROMPTS[0]
    assert "theme" not in first.lower() and "!" not in first
    # Every day of the first week, whatever the date.
    for n in range(30):
        assert prompt_for(TODAY + timedelta(days=n), 0) == BEGINNER_PROMPTS[0]


def test_beginner_lines_follow_the_mornings_then_the_rotation_takes_over() -> None:
    days = [(TODAY - timedelta(days=n)).isoformat() for n in range(1, 20)]
    for had in range(BEGINNER_DAYS):
        assert prompt_for(TODAY, days_before(days[:had], TODAY)) == BEGINNER_PROMPTS[had]
    assert prompt_for(TODAY, days_before(days, TODAY)) in PROMPTS
    assert len(set(BEGINNER_PROMPTS)) == BEGINNER_DAYS
    assert not any("!" in line for line in BEGINNER_PROMPTS)


def test_only_earlier_distinct_days_count() -> None:
    today = TODAY.isoformat()
    yesterday = (TODAY - timedelta(days=1)).isoformat()
    # Today's own check-in doesn't change the prompt mid-day; a doubled day counts once.
    assert days_before([today, yesterday, yesterday], TODAY) == 1
