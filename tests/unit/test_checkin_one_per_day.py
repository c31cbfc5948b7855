"""An import can leave two (or more) check-ins on one day: every part of the app picks the same.

Today's panel, the plan suggestions, the self-care intention, the streak figures and
Review's calendar all show the check-in written last, whatever the load order.
"""

from __future__ import annotations

from datetime import date

from resilience_tui.domain.checkin import checkin_for_day, checkins_by_day
from resilience_tui.domain.models import Action, CheckIn, PlanItem, Settings
from resilience_tui.domain.rest import rest_toggle
from resilience_tui.domain.selfcare import selfcare_day
from resilience_tui.domain.streaks import heatmap_days, low_mood_days
from resilience_tui.domain.suggestions import SuggestionContext, suggest
from resilience_tui.screens.review import calendar_day_text

TODAY = date(2026, 3, 11)
DAY = TODAY.isoformat()


def checkin(mood: int, written: str, plan: str, walk: str) -> CheckIn:
    return CheckIn(day=DAY, mood=mood, energy=3, at=f"{DAY}T08:00:00+00:00",
                   updated_at=f"{DAY}T{written}:00+00:00", selfcare_intention=walk,
                   plan=[PlanItem(kind="apply", text=plan)])


# The one written last sits in the middle: neither "first found" nor "last loaded" finds it.
EARLY = checkin(1, "08:00", "Apply to Globex", "a swim")
LATEST = checkin(4, "10:30", "Apply to Acme", "a walk")
MIDDLE = checkin(2, "09:15", "Apply to Initech", "a nap")
CHECKINS = [EARLY, LATEST, MIDDLE]


def test_today_and_the_calendar_pick_the_check_in_written_last() -> None:
    assert checkin_for_day(CHECKINS, DAY) is LATEST
    assert checkins_by_day(CHECKINS) == {DAY: LATEST}
    assert checkins_by_day(reversed(CHECKINS)) == {DAY: LATEST}


def test_suggestions_leave_out_only_what_that_check_in_planned() -> None:
    actions = [Action(kind="similar roles", text=text, created_on="2026-03-01")
               for text in ("Apply to Acme", "Apply to Globex")]
    ctx = SuggestionContext(today=TODAY, checkins=CHECKINS, rejections=[], actions=actions,
                            contacts=[], settings=Settings())
    assert [s.text for s in suggest(ctx)] == ["Apply to Globex"]


def test_the_self_care_intention_is_that_check_ins() -> None:
    assert selfcare_day([], CHECKINS, DAY).intention == "a walk"


def test_streak_figures_and_review_show_that_check_ins_mood() -> None:
    assert heatmap_days(CHECKINS, TODAY, weeks=1)[-1][1] == 4
    assert low_mood_days(CHECKINS, TODAY) == (0, 1)
    shown = calendar_day_text(TODAY, checkins_by_day(CHECKINS).get(DAY), rest=False)
    assert "mood 4" in shown


def test_a_day_with_any_check_in_needs_no_rest_mark() -> None:
    change = rest_toggle([], CHECKINS, (), TODAY)
    assert change.add is None and "already counts" in change.message


def test_on_a_tie_the_one_loaded_last_is_picked_everywhere() -> None:
    first, second = (checkin(mood, "10:30", "Apply", walk)
                     for mood, walk in ((2, "a nap"), (5, "a run")))
    both = [first, second]
    assert checkin_for_day(both, DAY) is second
    assert checkins_by_day(both)[DAY] is second
    assert selfcare_day([], both, DAY).intention == "a run"
    assert heatmap_days(both, TODAY, weeks=1)[-1][1] == 5
