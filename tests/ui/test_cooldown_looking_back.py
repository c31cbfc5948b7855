"""Your words come back: Reflect keeps day 1 one key away (ctrl+o), and Move on opens with
what the reflection concluded, next to the feelings to re-rate with their first ratings."""

from __future__ import annotations

from fixed_time import TODAY, YESTERDAY
from helpers import open_cooldown
from textual.widgets import Collapsible

from resilience_tui.domain import cooldown
from resilience_tui.domain.models import Rejection
from resilience_tui.screens.cooldown.move_on import MoveOnStep
from resilience_tui.screens.cooldown.reflect import ReflectStep
from resilience_tui.widgets.reasons import TaggedNotes

JOURNAL = ("It feels like a verdict on me.\n\nThree rounds and then nothing.\n"
           "I keep replaying the last call.\nMaybe I'm not cut out for this.")


def screen_text(app) -> str:  # type: ignore[no-untyped-def]
    """What the terminal shows now, as plain text (the compositor's lines: no public API)."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def acknowledged_yesterday(store, journal: str = JOURNAL) -> Rejection:  # type: ignore[no-untyped-def]
    r = Rejection(company="Northwind", role="Data Analyst", received_on=YESTERDAY.isoformat(),
                  logged_on=YESTERDAY.isoformat(), at=f"{YESTERDAY.isoformat()}T09:00:00+00:00")
    r = cooldown.acknowledge(r, YESTERDAY, {"like a failure": 75, "tired": 40}, journal,
                             "a walk")
    store.rejections.put(r)
    return r


async def test_reflect_shows_yesterdays_feelings_and_journal_one_key_away(make_app,
                                                                         store) -> None:
    acknowledged_yesterday(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = await open_cooldown(pilot)
        assert isinstance(screen.step, ReflectStep)  # day 2: reflecting is open
        block = screen.query_one("#day-one", Collapsible)
        assert block.collapsed and "like a failure 75" not in screen_text(app)
        assert app.focused in screen.query_one("#reasons", TaggedNotes).query("*")

        await pilot.press("ctrl+o")
        await pilot.pause()
        text = screen_text(app)
        assert not block.collapsed
        assert "like a failure 75 · tired 40" in text
        assert "It feels like a verdict on me." in text
        assert "Three rounds and then nothing." in text
        assert "not cut out" not in text  # the first lines only, with "…" for the rest
        assert "I keep replaying the last call. …" in text
        assert app.focused in screen.query_one("#reasons", TaggedNotes).query("*")

        await pilot.press("ctrl+o")
        await pilot.pause()
        assert block.collapsed and "like a failure 75" not in screen_text(app)


async def test_reflect_says_which_key_shows_day_one(make_app, store) -> None:
    acknowledged_yesterday(store, journal="")
    app = make_app()
    async with app.run_test(size=(80, 60)) as pilot:
        await pilot.pause()
        screen = await open_cooldown(pilot)
        text = screen_text(app)
        assert "What you wrote on day 1 (ctrl+o)" in text
        assert "^o Day 1" in text  # the footer
        hints = [str(s.content) for s in screen.query(".hint")]
        assert any(h.startswith("ctrl+s saves this step · ctrl+o shows day 1") for h in hints)
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert "Nothing was written on the page." in screen_text(app)
        assert isinstance(screen.step, ReflectStep)


async def test_move_on_opens_with_the_reflection_and_the_first_ratings(make_app,
                                                                       store) -> None:
    r = acknowledged_yesterday(store)
    r = cooldown.reflect(r, TODAY, {"skill gap": "SQL"},
                         balanced_thought="One team said no to one application.",
                         went_well="I explained the churn model clearly.",
                         do_differently="Ask about the team's tools earlier.")
    store.rejections.put(r)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = await open_cooldown(pilot)
        assert isinstance(screen.step, MoveOnStep)
        text = screen_text(app)
        assert "From your reflection" in text
        assert "A kinder thought: One team said no to one application." in text
        assert "Went well: I explained the churn model clearly." in text
        assert "Next time: Ask about the team's tools earlier." in text
        rater = screen.query_one("#after")
        rater.scroll_visible(animate=False, top=True)
        await pilot.pause()
        text = screen_text(app)
        assert "like a failure" in text and "75 →" in text  # re-rated beside the first rating


async def test_day_one_and_the_reflection_show_brackets_as_typed(make_app, store) -> None:
    r = acknowledged_yesterday(store, journal="[b]Not[/b] again [/x]")
    r.cooldown.feelings[0].name = "gutted [/x]"
    r = cooldown.reflect(r, TODAY, {}, balanced_thought="One [i]team[/i], one day",
                         went_well="[/x] kept calm")
    store.rejections.put(r)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = await open_cooldown(pilot)
        assert isinstance(screen.step, MoveOnStep)
        text = screen_text(app)
        assert "A kinder thought: One [i]team[/i], one day" in text
        assert "Went well: [/x] kept calm" in text
    r.cooldown.reflected_on = None  # back to the Reflect step, to open day 1
    store.rejections.put(r)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await open_cooldown(pilot)
        await pilot.press("ctrl+o")
        await pilot.pause()
        text = screen_text(app)
        assert "gutted [/x] 75" in text and "[b]Not[/b] again [/x]" in text
