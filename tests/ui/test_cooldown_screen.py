"""Pilot tests of the guided cool-down: each step, drafts, "I'm ready now", two fixed days."""

from __future__ import annotations

from fixed_time import YESTERDAY
from helpers import error_text, open_cooldown, seed_cooldown
from textual.widgets import Input, Select, Static, TextArea

from resilience_tui.screens.cooldown.acknowledge import AcknowledgeStep
from resilience_tui.screens.cooldown.move_on import DoneView, MoveOnStep
from resilience_tui.screens.cooldown.reflect import ReflectStep, ReflectWaiting
from resilience_tui.screens.cooldown.screen import CooldownScreen
from resilience_tui.screens.today.screen import TodayScreen
from resilience_tui.widgets.confirm import ConfirmDialog
from resilience_tui.widgets.feelings_rater import FeelingsRater
from resilience_tui.widgets.reasons import TaggedNotes
from resilience_tui.widgets.tickbox import TickBox
from resilience_tui.widgets.word_picker import WordPicker


def header(screen) -> str:
    return " ".join(str(screen.query_one(f"#{i}", Static).content)
                    for i in ("cd-title", "cd-day", "cd-steps"))


async def come_back_tomorrow(pilot, clock) -> CooldownScreen:
    """Leave the cool-down, let the day turn, and open it again."""
    await pilot.press("escape")
    await pilot.pause()
    clock.advance(days=1)
    pilot.app.notice_new_day()
    await pilot.pause()
    return await open_cooldown(pilot)


# --- acknowledge ---------------------------------------------------------------


async def test_acknowledge_names_feelings_and_logs_selfcare(make_app, store) -> None:
    r = seed_cooldown(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_cooldown(pilot)
        assert "Acme Corp · QA Lead" in header(screen) and "day 1 of 2" in header(screen)
        assert "▶ acknowledge" in header(screen)
        step = screen.step
        assert isinstance(step, AcknowledgeStep)
        assert "can wait until tomorrow" in str(step.query(Static).first().content)
        assert screen.focused is step.query_one(WordPicker)
        await pilot.press("space", "right", "right", "space")  # hurt, frustrated
        await pilot.pause()
        await pilot.press("tab", *"gutted", "enter")  # own words
        await pilot.pause()
        rater = step.query_one(FeelingsRater)
        assert [row.feeling for row in rater.rows] == ["hurt", "frustrated", "gutted"]
        rater.rows[0].input.focus()
        await pilot.press("up", "up", "up", "up", "up", "up")  # 50 → 80
        rater.rows[1].input.value = "35"
        step.query_one("#journal", TextArea).text = "I really wanted this one."
        step.query_one("#process", Select).value = "a walk"
        step.query_one("#process-done", TickBox).value = True
        step.query_one("#process-minutes", Input).value = "25"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(screen.step, ReflectWaiting)
        assert "✓ acknowledge" in header(screen) and "◷ reflect" in header(screen)
    saved = store.rejections.get(r.id)
    c = saved.cooldown
    assert c.acknowledged_on == "2026-03-11"
    assert [(f.name, f.before) for f in c.feelings] == [
        ("hurt", 80), ("frustrated", 35), ("gutted", 50)]
    assert (c.journal, c.process_with, c.process_done) == (
        "I really wanted this one.", "a walk", True)
    assert c.draft == {}
    [care] = store.selfcare.all()
    assert (care.day, care.activity, care.minutes, care.rejection_id) == (
        "2026-03-11", "walk", 25, r.id)


async def test_feeling_words_can_be_clicked(make_app, store) -> None:
    seed_cooldown(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_cooldown(pilot)
        picker = screen.step.query_one(WordPicker)
        await pilot.click(picker, offset=(12, 0))  # "[ ] disappointed" after "[ ] hurt  "
        await pilot.pause()
        assert picker.chosen == ["disappointed"]
        await pilot.click(picker, offset=(12, 0))
        await pilot.pause()
        assert picker.chosen == []
        assert screen.step.query_one(FeelingsRater).rows == []


async def test_intensity_outside_0_to_100_is_refused_inline(make_app, store) -> None:
    r = seed_cooldown(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_cooldown(pilot)
        await pilot.press("space")
        await pilot.pause()
        row = screen.step.query_one(FeelingsRater).rows[0]
        row.input.value = "150"
        await pilot.pause()
        assert "should be 0–100" in str(row.query_one(".feeling-bar", Static).content)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert error_text(screen) == "Hurt intensity should be 0–100, not 150."
        assert screen.focused is row.input
        assert isinstance(screen.step, AcknowledgeStep)
    assert store.rejections.get(r.id).cooldown.acknowledged_on is None


async def test_acknowledge_needs_a_feeling_and_a_journal_within_limits(make_app, store) -> None:
    seed_cooldown(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_cooldown(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert error_text(screen).startswith("Feelings need at least one")
        await pilot.press("space")
        screen.step.query_one("#journal", TextArea).text = "x" * 20_001
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert error_text(screen) == "Journal is 20001 characters; 20000 at most."
        assert isinstance(screen.step, AcknowledgeStep)


async def test_half_done_step_is_kept_as_a_draft_after_escape(make_app, store) -> None:
    r = seed_cooldown(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_cooldown(pilot)
        await pilot.press("right", "space")  # disappointed
        await pilot.pause()
        screen.step.query_one(FeelingsRater).rows[0].input.value = "70"
        screen.step.query_one("#journal", TextArea).text = "Half a thought"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        draft = store.rejections.get(r.id).cooldown.draft
        assert draft["step"] == "acknowledge"
        assert draft["fields"]["feelings"] == {"disappointed": "70"}
        assert draft["fields"]["journal"] == "Half a thought"
        screen = await open_cooldown(pilot)
        step = screen.step
        assert step.query_one(WordPicker).chosen == ["disappointed"]
        assert step.query_one(FeelingsRater).values() == {"disappointed": "70"}
        assert step.query_one("#journal", TextArea).text == "Half a thought"
    assert store.rejections.get(r.id).cooldown.acknowledged_on is None  # never closed for you


async def test_quitting_mid_step_keeps_the_draft_without_a_false_warning(make_app,
                                                                          store) -> None:
    """The cool-down keeps what was typed; ctrl+q must not say it will be lost."""
    from resilience_tui.widgets.confirm import ConfirmDialog

    r = seed_cooldown(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_cooldown(pilot)
        screen.step.query_one("#journal", TextArea).focus()
        await pilot.press(*"Not lost", "ctrl+q")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmDialog)
    assert store.rejections.get(r.id).cooldown.draft["fields"]["journal"] == "Not lost"


async def test_leaving_an_untouched_step_keeps_no_draft(make_app, store) -> None:
    r = seed_cooldown(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_cooldown(pilot)
        await pilot.press("escape")
        await pilot.pause()
    assert store.rejections.get(r.id).cooldown.draft == {}


# --- reflect --------------------------------------------------------------------


async def test_reflect_waits_for_day_two(make_app, store, clock) -> None:
    r = seed_cooldown(store, "reflect")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_cooldown(pilot)
        assert isinstance(screen.step, ReflectWaiting)
        text = " ".join(str(s.content) for s in screen.step.query(Static))
        assert "Reflecting opens tomorrow (Thursday 12 March)" in text
        assert "hurt 80 · shaken 60" in text
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Reflecting opens on Thursday 12 March" in error_text(screen)
        screen = await come_back_tomorrow(pilot, clock)
        assert isinstance(screen.step, ReflectStep)
        assert "day 2 of 2" in header(screen) and "▶ reflect" in header(screen)
    assert store.rejections.get(r.id).cooldown.ready_early_on is None


async def test_ready_now_asks_first_and_is_recorded(make_app, store) -> None:
    r = seed_cooldown(store, "reflect")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_cooldown(pilot)
        await pilot.click("#ready-now")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(screen.step, ReflectWaiting)
        assert store.rejections.get(r.id).cooldown.ready_early_on is None
        await pilot.click("#ready-now")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.screen is screen
        assert isinstance(screen.step, ReflectStep)
    assert store.rejections.get(r.id).cooldown.ready_early_on == "2026-03-11"


async def test_the_picked_way_to_process_can_be_logged_later(make_app, store) -> None:
    r = seed_cooldown(store, "reflect")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_cooldown(pilot)
        screen.step.query_one("#process-minutes", Input).value = "40"
        await pilot.click("#log-process")
        await pilot.pause()
    [care] = store.selfcare.all()
    assert (care.activity, care.minutes, care.rejection_id) == ("walk", 40, r.id)
    assert store.rejections.get(r.id).cooldown.process_done


async def test_logging_by_key_hands_focus_on_to_the_next_step(make_app, store) -> None:
    seed_cooldown(store, "reflect")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_cooldown(pilot)
        screen.step.query_one("#log-process").focus()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert screen.step.query_one("#log-process").disabled
        assert screen.step.query_one("#process-minutes", Input).disabled  # already logged
        assert screen.focused is screen.step.query_one("#ready-now")
    assert len(store.selfcare.all()) == 1


async def test_selfcare_minutes_and_activity_are_checked(make_app, store) -> None:
    seed_cooldown(store, "reflect")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_cooldown(pilot)
        screen.step.query_one("#process-minutes", Input).value = "0"
        await pilot.click("#log-process")
        await pilot.pause()
        assert error_text(screen) == "Minutes should be 1–1440, not 0."
    assert store.selfcare.all() == []


async def test_done_needs_something_to_log(make_app, store) -> None:
    seed_cooldown(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_cooldown(pilot)
        await pilot.press("space")
        screen.step.query_one("#process-done", TickBox).value = True
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert error_text(screen).startswith("Self-care needs something to log")
        assert screen.focused is screen.step.query_one("#process")
    assert store.selfcare.all() == []


async def test_reflect_saves_reasons_traps_and_lessons(make_app, store, clock) -> None:
    r = seed_cooldown(store, "reflect")
    clock.advance(days=1)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_cooldown(pilot)
        step = screen.step
        assert isinstance(step, ReflectStep)
        await pilot.press("tab", *"SQL depth")  # typing a note ticks "skill gap"
        reasons = step.query_one("#reasons", TaggedNotes)
        reasons.rows[-1].box.value = True  # unknown
        traps = step.query_one("#traps", TaggedNotes)
        traps.rows[1].box.value = True  # mind reading
        step.query_one("#balanced", TextArea).text = "They chose someone; that's not a verdict."
        step.query_one("#went-well", TextArea).text = "Calm answers"
        step.query_one("#differently", TextArea).text = "Practise live SQL"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(screen.step, MoveOnStep)
    c = store.rejections.get(r.id).cooldown
    assert c.reflected_on == "2026-03-12"
    assert [(x.tag, x.note) for x in c.reasons] == [("skill gap", "SQL depth"), ("unknown", "")]
    assert c.traps == ["mind reading"]
    assert (c.balanced_thought, c.went_well, c.do_differently) == (
        "They chose someone; that's not a verdict.", "Calm answers", "Practise live SQL")


# --- move on ------------------------------------------------------------------------


async def test_move_on_rerates_and_turns_redirects_into_actions(make_app, store) -> None:
    r = seed_cooldown(store, "move_on")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_cooldown(pilot)
        step = screen.step
        assert isinstance(step, MoveOnStep)
        rows = step.query_one(FeelingsRater).rows
        assert [(row.feeling, row.before) for row in rows] == [("hurt", 80), ("shaken", 60)]
        assert screen.focused is rows[0].input
        await pilot.press("down", "down")  # from 80, the earlier level
        rows[1].input.value = "15"
        redirects = step.query_one("#redirects", TaggedNotes)
        redirects.rows[0].box.value = True  # keeps the suggested words
        redirects.rows[1].query_one(Input).value = "Two evenings of SQL"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)  # closing asks first
        assert app.screen.question == (
            "Feelings: hurt 80 → 70, shaken 60 → 15\n"
            "Next steps: similar roles, a skill to learn\n\n"
            "Close this cool-down? You can reopen it from History.")
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(screen.step, DoneView)
        shown = " ".join(str(s.content) for s in screen.step.query(Static))
        assert "hurt 80 → 70 · shaken 60 → 15" in shown
        assert "Two evenings of SQL" in shown
    c = store.rejections.get(r.id).cooldown
    assert c.moved_on_on == "2026-03-11"
    assert [(f.name, f.before, f.after) for f in c.feelings] == [
        ("hurt", 80, 70), ("shaken", 60, 15)]
    actions = store.actions.all()
    assert [(a.kind, a.text) for a in actions] == [
        ("similar roles", "Look for two more roles like QA Lead"),
        ("a skill to learn", "Two evenings of SQL")]
    assert all((a.rejection_id, a.status, a.created_on) == (r.id, "open", "2026-03-11")
               for a in actions)


async def test_escape_on_the_closing_question_keeps_the_step_open(make_app, store) -> None:
    r = seed_cooldown(store, "move_on")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_cooldown(pilot)
        step = screen.step
        assert isinstance(step, MoveOnStep)
        await pilot.press(*"30", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and screen.step is step
        assert step.query_one(FeelingsRater).values()["hurt"] == "30"
    assert store.rejections.get(r.id).cooldown.moved_on_on is None


async def test_letters_on_a_focused_tick_box_go_to_its_words(make_app, store) -> None:
    seed_cooldown(store, "move_on")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_cooldown(pilot)
        redirects = screen.query_one("#redirects", TaggedNotes)
        row = redirects.rows[1]
        row.box.focus()
        await pilot.press(*"learn sql")
        await pilot.pause()
        assert row.query_one(Input).value == "learn sql"
        assert row.box.value  # ticked once, by the words (never toggled by the spaces)
        assert screen.focused is row.query_one(Input)


# --- Today and the whole journey -------------------------------------------------


async def test_today_lists_cooldowns_and_c_opens_the_most_urgent(make_app, store) -> None:
    seed_cooldown(store, "reflect", company="Older Ltd", logged=YESTERDAY)
    seed_cooldown(store, "acknowledge", company="Newer Inc")
    seed_cooldown(store, "done", company="Finished Co")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        listing = app.screen.query_one("#cooldowns")
        prompts = [str(listing.get_option_at_index(i).prompt)
                   for i in range(listing.option_count)]
        assert prompts == [
            "Older Ltd · QA Lead · day 2 of 2\n  ready to look back",
            "Newer Inc · QA Lead · day 1 of 2\n  ready for a first, gentle step",
        ]
        hint = str(app.screen.query_one("#cooldowns-hint", Static).content)
        assert hint.startswith("c opens Newer Inc")  # a fresh hurt comes first
        screen = await open_cooldown(pilot)
        assert "Newer Inc" in header(screen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.click("#cooldowns", offset=(2, 0))  # the first row: Older Ltd
        await pilot.pause()
        assert "Older Ltd" in header(app.screen)


async def test_a_whole_cooldown_across_two_days(make_app, store, clock) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        await pilot.press(*"Acme Corp", "tab", *"QA Lead", "ctrl+s")
        await pilot.pause()
        screen = await open_cooldown(pilot)
        await pilot.press("space", "ctrl+s")  # hurt at 50
        await pilot.pause()
        assert isinstance(screen.step, ReflectWaiting)
        screen = await come_back_tomorrow(pilot, clock)
        assert isinstance(screen.step, ReflectStep)
        await pilot.press("space", "ctrl+s")  # skill gap
        await pilot.pause()
        assert isinstance(screen.step, MoveOnStep)
        await pilot.press(*"20", "ctrl+s")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(screen.step, DoneView)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert app.screen.query_one("#cooldowns-empty").display
    [r] = store.rejections.all()
    c = r.cooldown
    assert (c.acknowledged_on, c.reflected_on, c.moved_on_on) == (
        "2026-03-11", "2026-03-12", "2026-03-12")
    assert [(f.name, f.before, f.after) for f in c.feelings] == [("hurt", 50, 20)]
    assert [x.tag for x in c.reasons] == ["skill gap"]


async def test_an_unknown_rejection_goes_back_to_today(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        app.open_cooldown("nope")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
