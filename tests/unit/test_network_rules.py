"""Support-network rules: unique names per kind, marking a hello, who is overdue."""

from __future__ import annotations

from datetime import date

import pytest

from resilience_tui.domain.checkin import contacts_reached, names_contact
from resilience_tui.domain.models import Contact, PlanItem, Settings
from resilience_tui.domain.selfcare import (
    check_last_contacted,
    check_unique_name,
    contacted,
    days_since_words,
    sorted_contacts,
)
from resilience_tui.domain.suggestions import SuggestionContext, overdue_contacts, suggest
from resilience_tui.domain.validate import ValidationError

TODAY = date(2026, 3, 11)


def contact(name: str, kind: str = "friend", last: str | None = None,
            created: str = "2026-01-01") -> Contact:
    return Contact(name=name, kind=kind, last_contacted=last, created_on=created)


# --- names ------------------------------------------------------------------------


def test_same_name_and_kind_is_refused_ignoring_case_and_spacing() -> None:
    people = [contact("Ana Silva")]
    with pytest.raises(ValidationError) as err:
        check_unique_name(people, "  ana   SILVA ", "friend")
    assert err.value.field == "name"
    assert "already in your network as a friend" in err.value.message


def test_same_name_of_another_kind_is_fine() -> None:
    check_unique_name([contact("Ana", "friend")], "Ana", "mentor")


def test_editing_a_contact_does_not_clash_with_itself() -> None:
    ana = contact("Ana")
    check_unique_name([ana], "Ana", "friend", exclude_id=ana.id)


def test_network_is_listed_by_name() -> None:
    people = [contact("zoe"), contact("Ana", "mentor"), contact("ana", "friend")]
    assert [(c.name, c.kind) for c in sorted_contacts(people)] == [
        ("ana", "friend"), ("Ana", "mentor"), ("zoe", "friend")]


# --- marking a hello ----------------------------------------------------------------


def test_marking_contacted_sets_the_day() -> None:
    assert contacted(contact("Ana"), "2026-03-11").last_contacted == "2026-03-11"


def test_marking_an_earlier_day_keeps_the_later_one() -> None:
    ana = contact("Ana", last="2026-03-11")
    assert contacted(ana, "2026-03-01").last_contacted == "2026-03-11"


def test_marking_refuses_a_non_day() -> None:
    with pytest.raises(ValidationError):
        contacted(contact("Ana"), "soon")


@pytest.mark.parametrize(("typed", "day"), [
    ("", None), ("  ", None), ("today", "2026-03-11"), ("Yesterday", "2026-03-10"),
    ("2026-02-01", "2026-02-01"),
])
def test_last_contacted_as_typed(typed: str, day: str | None) -> None:
    assert check_last_contacted(typed, TODAY) == day


@pytest.mark.parametrize("typed", ["2026-03-12", "soon", "2026-02-30"])
def test_last_contacted_refuses_the_future_and_non_dates(typed: str) -> None:
    with pytest.raises(ValidationError):
        check_last_contacted(typed, TODAY)


@pytest.mark.parametrize(("day", "words"), [
    (None, "not yet"), ("2026-03-11", "today"), ("2026-03-10", "yesterday"),
    ("2026-02-25", "14 days ago"),
])
def test_days_since_in_words(day: str | None, words: str) -> None:
    assert days_since_words(day, TODAY) == words


# --- overdue (the rule lives in suggestions; these pin it for the network) -------------


def test_overdue_after_nudge_days_without_contact() -> None:
    people = [contact("Due", last="2026-02-25"),      # 14 days: due
              contact("Fresh", last="2026-02-26"),    # 13 days: not yet
              contact("New", created="2026-03-01"),   # never contacted, added 10 days ago
              contact("Old", created="2026-02-01")]   # never contacted, added 38 days ago
    assert [c.name for c in overdue_contacts(people, TODAY, 14)] == ["Old", "Due"]


def test_a_new_contact_becomes_a_morning_suggestion_after_nudge_days() -> None:
    ana = contact("Ana", created="2026-03-11")

    def suggestions(today: date) -> list[str]:
        ctx = SuggestionContext(today=today, checkins=[], rejections=[], actions=[],
                                contacts=[ana], settings=Settings())
        return [s.text for s in suggest(ctx)]

    assert suggestions(date(2026, 3, 24)) == []
    assert suggestions(date(2026, 3, 26)) == ["Say hello to Ana"]
    ana = contacted(ana, "2026-03-26")
    assert suggestions(date(2026, 3, 26)) == []


PRIYA = Contact(name="Priya", id="priya")


ANA_LIMA = Contact(name="Ana Lima", id="ana")


PEOPLE = [PRIYA, ANA_LIMA, Contact(name="Al", id="al")]


def reached(text: str, *, kind: str = "outreach", done: bool = True,
            contact_id: str | None = None) -> list[str]:
    item = PlanItem(kind=kind, text=text, done=done, contact_id=contact_id)
    return [c.id for c in contacts_reached(item, PEOPLE)]


def test_a_done_outreach_item_naming_a_contact_reaches_them() -> None:
    assert reached("Coffee with Priya") == ["priya"]
    assert reached("coffee with PRIYA, then lunch") == ["priya"]


def test_only_whole_words_count() -> None:
    assert reached("Call Alice") == []  # "Al" is not in "Alice"
    assert reached("Email Priyanka") == []
    assert names_contact("Lunch with Al.", "Al")


def test_a_name_of_several_words_must_appear_whole() -> None:
    assert reached("Call Ana Lima about the role") == ["ana"]
    assert reached("Call Ana  lima") == ["ana"]
    assert reached("Call Ana") == []


def test_the_suggested_contact_still_counts_and_is_not_doubled() -> None:
    assert reached("Say hello to Priya", contact_id="priya") == ["priya"]
    assert reached("Say hello", contact_id="ana") == ["ana"]


def test_only_done_outreach_items_count() -> None:
    assert reached("Coffee with Priya", done=False) == []
    assert reached("Apply where Priya works", kind="apply") == []


def test_an_empty_name_matches_nothing() -> None:
    assert not names_contact("anything", "  ")
