"""The feedback-request draft and its tracking."""

from __future__ import annotations

from datetime import date

import pytest

from resilience_tui.domain import feedback as fb
from resilience_tui.domain.feedback import draft_request
from resilience_tui.domain.models import STAGES, Rejection
from resilience_tui.domain.validate import ValidationError

DAY = date(2026, 3, 2)


def rejection(**kw: object) -> Rejection:
    base: dict[str, object] = dict(company="Acme", role="Data Analyst", stage="interview",
                                   received_on="2026-03-01", logged_on="2026-03-02",
                                   contact_name="Dana")
    base.update(kw)
    return Rejection(**base)  # type: ignore[arg-type]


def test_draft_is_filled_from_the_rejection_and_the_user() -> None:
    subject, body = fb.draft_request(rejection(), "Sam Lee")
    assert "Data Analyst" in subject
    assert body.startswith("Hi Dana,")
    assert "Data Analyst role at Acme" in body
    assert "interviewing" in body
    assert "one or two specific pointers" in body
    assert body.rstrip().endswith("Sam Lee")


def test_draft_is_short_and_polite() -> None:
    subject, body = fb.draft_request(rejection(), "Sam")
    assert len(subject) <= 80
    assert len(body.split()) < 120
    assert "Thank you" in body


def test_draft_falls_back_to_a_neutral_greeting_and_plain_sign_off() -> None:
    _, body = fb.draft_request(rejection(contact_name="  "), "  ")
    assert body.startswith("Hello,")
    assert body.rstrip().endswith("Best wishes")
    assert "None" not in body


@pytest.mark.parametrize("stage", STAGES)
def test_every_stage_has_its_own_thanks(stage: str) -> None:
    _, body = fb.draft_request(rejection(stage=stage), "Sam")
    assert all("  " not in line for line in body.splitlines())
    assert body.count("Thank you") == 1
    others = [fb.draft_request(rejection(stage=s), "Sam")[1] for s in STAGES if s != stage]
    assert body not in others


def test_draft_copes_with_a_missing_role() -> None:
    subject, body = fb.draft_request(rejection(role=""), "Sam")
    assert "my application" in subject
    assert "the role at Acme" in body


def test_follow_up_is_due_seven_days_after_a_request() -> None:
    r = fb.mark_requested(rejection(), DAY)
    assert fb.FOLLOW_UP_DAYS == 7
    assert not fb.follow_up_due(r, date(2026, 3, 8))
    assert fb.follow_up_due(r, date(2026, 3, 9))
    assert fb.follow_up_due(r, date(2026, 4, 9))


def test_no_follow_up_unless_requested() -> None:
    assert not fb.follow_up_due(rejection(), date(2027, 1, 1))
    answered = fb.mark_answered(fb.mark_requested(rejection(), DAY), DAY, "no_reply")
    assert not fb.follow_up_due(answered, date(2027, 1, 1))


def test_mark_requested_returns_an_updated_copy() -> None:
    original = rejection()
    r = fb.mark_requested(original, DAY)
    assert (r.feedback.status, r.feedback.requested_on) == ("requested", "2026-03-02")
    assert original.feedback.status == "not_requested"


def test_mark_answered_keeps_text_and_clean_themes() -> None:
    r = fb.mark_answered(rejection(), date(2026, 3, 12), "received", "Need more SQL.",
                         themes=[" SQL ", "sql", "", "Presentation"])
    f = r.feedback
    assert (f.status, f.answered_on, f.text) == ("received", "2026-03-12", "Need more SQL.")
    assert f.themes == ["SQL", "Presentation"]  # one of each in any case, as first typed


def test_mark_answered_refuses_other_statuses() -> None:
    with pytest.raises(ValueError):
        fb.mark_answered(rejection(), DAY, "requested")


def test_save_draft_keeps_the_edited_text() -> None:
    r = fb.save_draft(rejection(), "Thanks", "Hello,\n\nThanks!")
    assert (r.feedback.subject, r.feedback.body) == ("Thanks", "Hello,\n\nThanks!")


def test_a_message_ending_in_a_question_gets_no_extra_full_stop() -> None:
    assert ValidationError("when", "did it arrive?").sentence == "When did it arrive?"
    assert ValidationError("mood", "is needed").sentence == "Mood is needed."


@pytest.mark.parametrize(("contact", "greeting"), [
    ("Sam Recruiter", "Hi Sam,"), ("Dana", "Hi Dana,"), ("Dr Lee Park", "Hi Dr Lee Park,"),
    ("", "Hello,")])
def test_the_feedback_draft_greets_by_first_name(contact: str, greeting: str) -> None:
    r = Rejection(company="Acme", role="Analyst", contact_name=contact)
    _, body = draft_request(r, "Alex")
    assert body.splitlines()[0] == greeting
