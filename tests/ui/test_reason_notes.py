"""A reason's note and its tick on the reflect step: writing a note ticks the reason,
and taking the words out again takes back only the tick the words made."""

from __future__ import annotations

from helpers import open_cooldown, seed_cooldown
from textual.widgets import Input

from resilience_tui.widgets.reasons import TaggedNotes, TagRow


def row(screen, tag: str) -> TagRow:
    notes = screen.step.query_one("#reasons", TaggedNotes)
    return next(r for r in notes.rows if r.tag == tag)


async def type_note(pilot, tag_row: TagRow, *keys: str) -> None:
    tag_row.query_one(Input).focus()
    await pilot.pause()
    await pilot.press(*keys)
    await pilot.pause()


async def test_a_note_ticks_its_reason_and_clearing_it_unticks(make_app, store) -> None:
    seed_cooldown(store, "reflect", ready_early=True)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_cooldown(pilot)
        skill = row(screen, "skill gap")
        await type_note(pilot, skill, *"SQL")
        assert skill.box.value
        await pilot.press("backspace", "backspace", "backspace")
        await pilot.pause()
        assert skill.query_one(Input).value == ""
        assert not skill.box.value  # the tick came only from the words
        assert screen.step.query_one("#reasons", TaggedNotes).chosen() == {}


async def test_a_reason_ticked_by_hand_stays_ticked_when_its_note_is_cleared(make_app,
                                                                             store) -> None:
    seed_cooldown(store, "reflect", ready_early=True)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_cooldown(pilot)
        timing = row(screen, "timing or budget")
        timing.box.focus()
        await pilot.press("space")
        await pilot.pause()
        assert timing.box.value
        await type_note(pilot, timing, *"freeze")
        await pilot.press(*["backspace"] * 6)
        await pilot.pause()
        assert timing.box.value
        assert screen.step.query_one("#reasons", TaggedNotes).chosen() == {
            "timing or budget": ""}


async def test_a_note_typed_after_unticking_by_hand_ticks_again(make_app, store) -> None:
    seed_cooldown(store, "reflect", ready_early=True)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_cooldown(pilot)
        skill = row(screen, "skill gap")
        await type_note(pilot, skill, *"SQL")
        skill.box.focus()
        await pilot.press("space")  # "not this one after all", words kept
        await pilot.pause()
        assert not skill.box.value
        await type_note(pilot, skill, "end", *" joins")
        assert skill.box.value
