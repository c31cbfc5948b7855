"""No silent cuts: a field with a length limit counts near its end, refuses more with a
reason the user can read, and every such field in the app is one of these."""

from __future__ import annotations

from helpers import messages, open_checkin, open_screen
from textual import events
from textual.geometry import Region
from textual.widgets import Input

from resilience_tui.domain.models import CheckIn, PlanItem
from resilience_tui.screens.checkin import CheckInScreen
from resilience_tui.screens.contact_form import ContactFormScreen
from resilience_tui.screens.network import NetworkScreen
from resilience_tui.screens.rejection import LogRejectionScreen
from resilience_tui.screens.selfcare import SelfCareScreen
from resilience_tui.screens.settings import SettingsScreen
from resilience_tui.widgets.limited_input import LimitedInput, counter_text

SENTENCE = "Send two careful applications and write to Sam about the museum role. "


def drawn(field: Input) -> str:
    return field.render_lines(Region(0, 0, field.size.width, 1))[0].text


def test_the_count_shows_only_near_the_end_of_a_words_field() -> None:
    assert counter_text(159, 200) == ""
    assert counter_text(160, 200) == "160/200"
    assert counter_text(200, 200) == "200/200"
    assert counter_text(29, 40) == ""  # a short field counts its last ten
    assert counter_text(30, 40) == "30/40"
    assert counter_text(4, 4) == ""  # a number's digits are not counted


async def test_the_intention_counts_near_its_limit_and_says_why_it_stops(make_app,
                                                                          store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_checkin(pilot)
        field = screen.query_one("#intention", Input)
        field.focus()
        await pilot.pause()
        assert "/200" not in drawn(field)
        field.insert_text_at_cursor((SENTENCE * 3)[:180])  # most of it at once, then typed
        await pilot.press(*(SENTENCE * 3)[180:185])
        await pilot.pause()
        assert drawn(field).rstrip().endswith("185/200")
        await pilot.press(*"ations today, then a long walk")  # 30 more: 15 fit
        await pilot.pause()
        assert field.value == (SENTENCE * 3)[:185] + "ations today, t"
        assert drawn(field).rstrip().endswith("200/200")
        assert any("full: it holds 200 characters" in m for m in messages(app))
        assert field.cursor_position == 200  # still where the words end, not under the count
        await pilot.press("backspace")
        await pilot.pause()
        assert drawn(field).rstrip().endswith("199/200")


async def test_a_paste_too_long_is_refused_with_its_length_and_nothing_cut(make_app,
                                                                           store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_checkin(pilot)
        field = screen.query_one("#intention", Input)
        field.focus()
        await pilot.press(*"Today: ")
        field.post_message(events.Paste(SENTENCE * 3))
        await pilot.pause()
        assert field.value == "Today: "
        assert any("would make 217 characters" in m and "holds 200" in m
                   for m in messages(app))


async def test_every_limited_words_field_counts(make_app, store, clock) -> None:
    store.checkins.put(CheckIn(day=clock.today_str(), mood=3, energy=3,
                               plan=[PlanItem("apply", "Send the CV")]).validate())
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        for key, page in (("m", CheckInScreen), ("r", LogRejectionScreen),
                          ("comma", SettingsScreen), ("s", SelfCareScreen),
                          ("n", NetworkScreen), ("a", ContactFormScreen)):
            screen = await open_screen(pilot, key, page)
            if page is NetworkScreen:
                continue  # on to its form
            words = [f for f in screen.query(Input)
                     if f.type == "text" and (f.max_length or 0) >= 20]
            assert words and all(isinstance(f, LimitedInput) for f in words), page
            await pilot.press("escape")
            await pilot.pause()
