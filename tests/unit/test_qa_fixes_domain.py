"""Domain rules added after the hands-on QA pass."""

from __future__ import annotations

import re
from datetime import date

import pytest

from resilience_tui.domain.checkin import contacts_reached, names_contact
from resilience_tui.domain.dates import parse_day
from resilience_tui.domain.feedback import draft_request
from resilience_tui.domain.models import Contact, PlanItem, Rejection
from resilience_tui.domain.patterns import patterns
from resilience_tui.domain.validate import ValidationError, clean_text

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


def test_the_example_day_in_messages_is_never_still_to_come() -> None:
    early = date(2026, 1, 2)  # before any fixed example date
    with pytest.raises(ValidationError) as err:
        parse_day("next week", early, field="last contacted")
    shown = re.findall(r"\d{4}-\d{2}-\d{2}", err.value.message)
    assert shown and all(date.fromisoformat(d) <= early for d in shown)


def test_a_message_ending_in_a_question_gets_no_extra_full_stop() -> None:
    assert ValidationError("when", "did it arrive?").sentence == "When did it arrive?"
    assert ValidationError("mood", "is needed").sentence == "Mood is needed."


@pytest.mark.parametrize("multiline", [False, True])
def test_bidi_overrides_and_isolates_are_stripped(multiline: bool) -> None:
    typed = "x y\u202ez\u202c \u2066abc\u2069 \u202aq\u202d"
    assert clean_text(typed, "note", max_len=100, multiline=multiline) == "x yz abc q"
    arabic = "مرحبا hello"  # right-to-left words themselves are kept
    assert clean_text(arabic, "note", max_len=100, multiline=multiline) == arabic


@pytest.mark.parametrize(("contact", "greeting"), [
    ("Sam Recruiter", "Hi Sam,"), ("Dana", "Hi Dana,"), ("Dr Lee Park", "Hi Dr Lee Park,"),
    ("", "Hello,")])
def test_the_feedback_draft_greets_by_first_name(contact: str, greeting: str) -> None:
    r = Rejection(company="Acme", role="Analyst", contact_name=contact)
    _, body = draft_request(r, "Alex")
    assert body.splitlines()[0] == greeting


def test_feedback_themes_keep_their_case_and_count_in_any_case() -> None:
    rs = [Rejection(company=c, id=c) for c in "abc"]
    for r, theme in zip(rs, ("SQL", "sql", "Sql"), strict=True):
        r.feedback.themes = [theme]
        r.feedback.validate()
    assert rs[0].feedback.themes == ["SQL"]
    p = patterns(rs, [])
    assert p.by_theme == [("SQL", 3)]
    assert [t.name for t in p.recurring] == ["SQL"]
