"""The morning check-in rules: the day a check-in belongs to, building one, ticking items."""

from __future__ import annotations

from datetime import date

import pytest
from dateutil import tz

from resilience_tui.clock import FixedClock
from resilience_tui.domain.checkin import (
    FEELING_GROUPS,
    action_after_tick,
    action_changes,
    build_checkin,
    checkin_for_day,
    plan_summary,
    set_done,
)
from resilience_tui.domain.models import Action, CheckIn, Contact, PlanItem, Settings
from resilience_tui.domain.selfcare import contacted
from resilience_tui.domain.suggestions import SuggestionContext, suggest
from resilience_tui.domain.validate import ValidationError, clean_text

ZONE = tz.gettz("Europe/London")


def form(existing: CheckIn | None = None, **changes: object) -> CheckIn:
    values: dict[str, object] = dict(day="2026-03-11", at="2026-03-11T09:00:00+00:00", mood=4,
                                     energy=3, intention="Send two applications", feelings=[],
                                     plan=[], selfcare_intention="")
    values.update(changes)
    return build_checkin(existing, **values)  # type: ignore[arg-type]


# --- which day ------------------------------------------------------------------


def test_a_checkin_at_half_past_one_belongs_to_the_day_before() -> None:
    clock = FixedClock("2026-03-12T01:30:00", day_start_hour=4, zone=ZONE)
    earlier = CheckIn(day="2026-03-11", mood=3, energy=2)
    assert clock.today_str() == "2026-03-11"
    assert checkin_for_day([earlier], clock.today_str()) is earlier


def test_after_the_day_start_hour_it_is_a_new_day() -> None:
    clock = FixedClock("2026-03-12T04:00:00", day_start_hour=4, zone=ZONE)
    earlier = CheckIn(day="2026-03-11", mood=3, energy=2)
    assert checkin_for_day([earlier], clock.today_str()) is None


def test_the_latest_written_wins_if_a_day_has_two() -> None:
    old = CheckIn(day="2026-03-11", updated_at="2026-03-11T08:00:00+00:00")
    new = CheckIn(day="2026-03-11", updated_at="2026-03-11T09:30:00+00:00")
    assert checkin_for_day([new, old], "2026-03-11") is new


# --- building from the form ---------------------------------------------------------


def test_a_new_checkin_has_the_day_and_time() -> None:
    c = form()
    assert (c.day, c.at, c.mood, c.energy, c.intention) == (
        "2026-03-11", "2026-03-11T09:00:00+00:00", 4, 3, "Send two applications")


def test_editing_keeps_the_same_record() -> None:
    first = form()
    second = form(first, mood=5, at="2026-03-11T11:00:00+00:00")
    assert second.id == first.id
    assert second.at == first.at
    assert second.mood == 5
    assert first.mood == 4  # the stored copy is not changed behind the store's back


@pytest.mark.parametrize("field", ["mood", "energy"])
def test_mood_and_energy_are_needed(field: str) -> None:
    with pytest.raises(ValidationError) as err:
        form(**{field: None})
    assert err.value.field == field
    assert "needed" in err.value.message


def test_intention_is_at_most_200_characters() -> None:
    assert len(form(intention="x" * 200).intention) == 200
    with pytest.raises(ValidationError) as err:
        form(intention="x" * 201)
    assert "200 at most" in err.value.message


def test_control_characters_are_stripped_and_unicode_kept() -> None:
    c = form(intention="Call\x07 Ana 🙂\x1b", selfcare_intention="הליכה קצרה",
             plan=[PlanItem(kind="outreach", text="Ask\x00 about the مرحبا team")])
    assert c.intention == "Call  Ana 🙂"
    assert c.selfcare_intention == "הליכה קצרה"
    assert c.plan[0].text == "Ask  about the مرحبا team"


def test_at_most_twenty_plan_items() -> None:
    items = [PlanItem(kind="apply", text=f"Role {i}") for i in range(21)]
    assert len(form(plan=items[:20]).plan) == 20
    with pytest.raises(ValidationError) as err:
        form(plan=items)
    assert "20 at most" in err.value.message


def test_a_plan_item_over_200_characters_is_refused() -> None:
    with pytest.raises(ValidationError) as err:
        form(plan=[PlanItem(kind="learn", text="y" * 201)])
    assert err.value.field == "plan item"


def test_feelings_are_kept_once_each_in_order() -> None:
    assert form(feelings=["hopeful", "tired", "hopeful"]).feelings == ["hopeful", "tired"]


def test_feeling_words_come_in_four_groups() -> None:
    labels = [label for label, _ in FEELING_GROUPS]
    assert labels == ["bright and lively", "calm and easy", "wound up", "heavy and low"]
    words = [w for _, ws in FEELING_GROUPS for w in ws]
    assert len(words) == len(set(words))
    assert all(len(w) <= 40 for w in words)


# --- redirect actions and ticking ---------------------------------------------------


def action(status: str = "open", id: str = "a1") -> Action:
    return Action(kind="adjacent industry", text="Look at health-tech roles", status=status,
                  created_on="2026-03-09", id=id)


def test_accepting_a_redirect_plans_its_action_and_removing_it_reopens() -> None:
    item = PlanItem(kind="apply", text="Look at health-tech roles", source="redirect",
                    source_id="a1")
    added = action_changes([action("open")], [], [item])
    assert [a.status for a in added.planned] == ["planned"] and not added.reopened
    removed = action_changes([action("planned")], [item], [])
    assert [a.status for a in removed.reopened] == ["open"] and not removed.planned


def test_done_actions_are_left_alone_when_the_plan_changes() -> None:
    item = PlanItem(kind="apply", text="x", source="redirect", source_id="a1")
    changes = action_changes([action("done")], [item], [])
    assert not changes.planned and not changes.reopened


def test_a_planned_action_is_no_longer_suggested() -> None:
    def ctx(status: str) -> SuggestionContext:
        return SuggestionContext(today=date(2026, 3, 11), checkins=[], rejections=[],
                                 actions=[action(status)], contacts=[], settings=Settings())

    assert [s.source for s in suggest(ctx("open"))] == ["redirect"]
    assert suggest(ctx("planned")) == []


def test_ticking_and_unticking_an_item() -> None:
    c = form(plan=[PlanItem(kind="apply", text="Beta", id="p1")])
    item = set_done(c, "p1", True)
    assert item is not None and c.plan[0].done
    set_done(c, "p1", False)
    assert not c.plan[0].done
    assert set_done(c, "gone", True) is None
    assert plan_summary(c.plan) == "0 of 1 done"
    assert plan_summary([]) == "nothing planned yet"


def test_a_ticked_redirect_finishes_its_action_and_unticking_plans_it_again() -> None:
    done = action_after_tick(action("planned"), True, "2026-03-11")
    assert (done.status, done.done_on) == ("done", "2026-03-11")
    again = action_after_tick(done, False, "2026-03-11")
    assert (again.status, again.done_on) == ("planned", None)


def test_a_done_hello_updates_the_contact() -> None:
    ana = Contact(name="Ana", last_contacted="2026-01-02")
    assert contacted(ana, "2026-03-11").last_contacted == "2026-03-11"
    assert ana.last_contacted == "2026-01-02"


@pytest.mark.parametrize("multiline", [False, True])
def test_bidi_overrides_and_isolates_are_stripped(multiline: bool) -> None:
    typed = "x y\u202ez\u202c \u2066abc\u2069 \u202aq\u202d"
    assert clean_text(typed, "note", max_len=100, multiline=multiline) == "x yz abc q"
    arabic = "مرحبا hello"  # right-to-left words themselves are kept
    assert clean_text(arabic, "note", max_len=100, multiline=multiline) == arabic
