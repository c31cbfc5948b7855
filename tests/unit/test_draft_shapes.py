"""A half-typed cool-down step (``Cooldown.draft``) fits its step's shape or is dropped.

The shapes the step screens write come back unchanged; anything else — 22 hostile
shapes from the report among them — is dropped whole (it is working state), never a
crash, with control characters cleaned from what is kept.
"""

from __future__ import annotations

import pytest

from resilience_tui.domain.draft import fit_draft
from resilience_tui.domain.models import Cooldown

# What each step's draft() writes (see screens/cooldown/*), with the feedback section's.
WRITTEN = [
    {"step": "acknowledge", "fields": {
        "feelings": {"sad": "70", "tired": ""}, "journal": "It stung.\n\tStill does.",
        "process": "a walk", "process_own": "", "done": False, "minutes": "20"},
     "feedback": {}},
    {"step": "reflect", "fields": {"minutes": "25"}, "feedback": {}},
    {"step": "reflect", "fields": {
        "reasons": {"ticked": ["skill gap"], "notes": {"skill gap": "SQL"}},
        "traps": {"ticked": ["labelling"], "notes": {}}, "balanced": "One no.",
        "went_well": "", "differently": "Prepare"},
     "feedback": {"subject": "Thanks", "body": "Hi,\nthanks", "answer": "", "themes": "sql"}},
    {"step": "move_on", "fields": {"after": {"sad": "30"},
                                   "redirects": {"ticked": ["reach out"], "notes": {}}},
     "feedback": {}},
    {"step": "done", "fields": {}, "feedback": {"answer": "They said SQL."}},
]

MISFITS = [
    {"step": "acknowledge", "fields": "x"}, [1, 2], "draft", 7, True,
    {"step": "nope", "fields": {}}, {"step": None}, {"fields": {}},
    {"step": "acknowledge", "fields": {"feelings": ["sad"]}},
    {"step": "acknowledge", "fields": {"feelings": {"sad": [70]}}},
    {"step": "acknowledge", "fields": {"journal": 5}},
    {"step": "acknowledge", "fields": {"done": "yes"}},
    {"step": "acknowledge", "fields": {"minutes": [20]}},
    {"step": "acknowledge", "fields": {"journal": "x" * 30_000}},
    {"step": "reflect", "fields": {"reasons": "skill gap"}},
    {"step": "reflect", "fields": {"reasons": {"ticked": "skill gap"}}},
    {"step": "reflect", "fields": {"traps": {"notes": ["x"]}}},
    {"step": "reflect", "fields": {"reasons": {"ticked": [1]}}},
    {"step": "move_on", "fields": {"after": "sad"}},
    {"step": "move_on", "fields": {"redirects": []}},
    {"step": "done", "fields": {}, "feedback": "hello"},
    {"step": "done", "fields": {}, "feedback": {"subject": {"x": 1}}},
]


@pytest.mark.parametrize("draft", WRITTEN, ids=lambda d: d["step"])
def test_what_the_steps_write_comes_back_unchanged(draft: dict[str, object]) -> None:
    assert fit_draft(draft) == (draft, False)


@pytest.mark.parametrize("draft", MISFITS, ids=[f"misfit{i}" for i in range(len(MISFITS))])
def test_a_draft_that_does_not_fit_is_dropped_whole(draft: object) -> None:
    assert fit_draft(draft) == ({}, True)


def test_there_are_twenty_two_hostile_shapes() -> None:
    assert len(MISFITS) == 22


def test_a_recursion_bomb_is_dropped_not_a_crash() -> None:
    bomb: object = {}
    for _ in range(5000):
        bomb = {"step": "acknowledge", "fields": {"feelings": bomb}}
    assert fit_draft(bomb) == ({}, True)


def test_control_characters_are_cleaned_and_newlines_and_tabs_kept() -> None:
    draft = {"step": "acknowledge", "fields": {
        "journal": "line one\n\u001b]0;PWNED\u0007\u001b[2J\tline two",
        "process_own": "a\u202erun\u0000"}}
    kept, dropped = fit_draft(draft)
    assert not dropped
    assert kept["fields"]["journal"] == "line one\n]0;PWNED[2J\tline two"
    assert kept["fields"]["process_own"] == "arun "


def test_unknown_keys_are_left_out_quietly() -> None:
    kept, dropped = fit_draft({"step": "move_on", "fields": {"after": {}, "future": [1]},
                               "feedback": {}, "extra": 1})
    assert not dropped and kept == {"step": "move_on", "fields": {"after": {}},
                                    "feedback": {}}


def test_validating_a_cool_down_drops_a_misfit_draft() -> None:
    cool = Cooldown(draft={"step": "acknowledge", "fields": "x"})  # type: ignore[arg-type]
    assert cool.validate().draft == {}
    assert Cooldown(draft=[1, 2]).validate().draft == {}  # type: ignore[arg-type]
