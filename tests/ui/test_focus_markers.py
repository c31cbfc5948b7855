"""Focus you can see without colour: the focused scale, tick box, word and button carry
a marker (a ▶ or an underline), and letters typed at a tick box never vanish."""

from __future__ import annotations

from helpers import (
    messages,
    open_checkin,
    open_cooldown,
    open_screen,
    run_command,
    seed_cooldown,
)
from rich.color import Color
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Button, Input, RadioButton, RadioSet, Select, Static
from textual.widgets.collapsible import CollapsibleTitle

from resilience_tui.domain.models import CheckIn, PlanItem
from resilience_tui.screens.settings import SettingsScreen
from resilience_tui.widgets.checklist import PlanRow
from resilience_tui.widgets.scale import ScalePicker
from resilience_tui.widgets.tickbox import TickBox
from resilience_tui.widgets.word_picker import WordPicker


def first_line(widget: Widget) -> Strip:
    """The widget's top line as drawn, styles and all."""
    return widget.render_lines(Region(0, 0, widget.size.width, 1))[0]


def underlined(strip: Strip) -> str:
    """The underlined characters of a drawn line."""
    return "".join(s.text for s in strip if s.style and s.style.underline).strip()


async def test_the_focused_scale_points_at_itself(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_checkin(pilot)
        mood, energy = screen.query_one("#mood", ScalePicker), screen.query_one(
            "#energy", ScalePicker)
        await pilot.pause()
        assert first_line(mood).text.startswith("▶")
        assert "▶" not in first_line(energy).text
        await pilot.press("3", "tab")
        await pilot.pause()
        assert first_line(energy).text.startswith("▶")
        assert "▶" not in first_line(mood).text


async def test_the_word_under_the_cursor_is_underlined(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_checkin(pilot)
        picker = screen.query_one(WordPicker)
        assert underlined(first_line(picker)) == ""
        picker.focus()
        await pilot.press("right")
        await pilot.pause()
        assert underlined(first_line(picker)) == picker.words[1]


async def test_the_focused_tick_box_points_at_itself(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(pilot, "comma", SettingsScreen)
        saturday, sunday = screen.query_one("#rest-5", TickBox), screen.query_one(
            "#rest-6", TickBox)
        saturday.focus()
        await pilot.pause()
        assert first_line(saturday).text.startswith("▶")
        assert "Sat" in underlined(first_line(saturday))
        assert "▶" not in first_line(sunday).text
        assert underlined(first_line(sunday)) == ""


async def test_the_focused_button_is_underlined(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_checkin(pilot)
        button = screen.query_one("#add-item", Button)
        assert underlined(first_line(button)) == ""
        button.focus()
        await pilot.pause()
        assert "Add an item" in underlined(first_line(button))


async def test_a_tick_box_ticked_by_a_key_says_so_to_the_form(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(pilot, "comma", SettingsScreen)
        box = screen.query_one("#rest-5", TickBox)
        box.focus()
        await pilot.press("space")
        await pilot.pause()
        assert box.value and box.has_class("-on")
        assert screen.dirty  # escape now asks before dropping the change


async def test_letters_on_a_tick_box_without_words_beside_it_show_a_hint(make_app,
                                                                         store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_screen(pilot, "comma", SettingsScreen)
        box = screen.query_one("#rest-5", TickBox)
        box.focus()
        await pilot.press(*"sat")
        await pilot.pause()
        assert box.value is False  # a letter never toggles a box
        assert any("words go in the text fields" in m for m in messages(app))


async def test_letters_on_the_done_box_are_not_lost_in_the_minutes(make_app, store) -> None:
    seed_cooldown(store, "acknowledge")
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_cooldown(pilot)
        box = screen.query_one("#process-done", TickBox)
        box.focus()
        await pilot.press(*"went")
        await pilot.pause()
        assert screen.query_one("#process-minutes", Input).value == "20"
        assert any("words go in the text fields" in m for m in messages(app))


def luminance(color: Color) -> float:
    """WCAG relative luminance of a drawn colour."""
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = color.get_truecolor()
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def marker_contrast(widget: Widget) -> float | None:
    """Contrast of the drawn ▶ against its background (None in a terminal's own colours)."""
    [mark] = [s for s in first_line(widget) if s.text.startswith("▶")]
    assert mark.style is not None
    fg, bg = mark.style.color, mark.style.bgcolor
    if fg is None or bg is None or fg.is_default or bg.is_default:
        return None  # the terminal's own text on its own background
    light, dark = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


async def weak_markers(pilot, widget) -> list[str]:  # type: ignore[no-untyped-def]
    """Every built-in theme in which ``widget``'s ▶ falls short of 4.5:1, with its ratio."""
    weak: list[str] = []
    for theme in sorted(pilot.app.available_themes):
        pilot.app.theme = theme
        await pilot.pause()
        ratio = marker_contrast(widget)
        if ratio is not None and ratio < 4.5:
            weak.append(f"{theme}: {ratio:.1f}")
    return weak


async def test_focus_markers_contrast_in_every_built_in_theme(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(pilot, "comma", SettingsScreen)
        box = screen.query_one("#rest-5", TickBox)
        box.focus()
        await pilot.pause()
        assert not await weak_markers(pilot, box)


async def test_the_scale_marker_contrasts_in_every_built_in_theme(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_checkin(pilot)
        mood = screen.query_one("#mood", ScalePicker)
        assert not await weak_markers(pilot, mood)


async def test_the_export_choice_under_the_cursor_is_underlined(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await run_command(pilot, "Export journal")
        dialog = app.screen
        dialog.query_one(RadioSet).focus()
        await pilot.pause()
        lines = {str(c.label): underlined(first_line(c)) for c in dialog.query(RadioButton)}
        assert sum(bool(u) for u in lines.values()) == 1, lines


async def test_the_focused_select_underlines_its_choice(make_app, store, clock) -> None:
    store.checkins.put(CheckIn(day=clock.today_str(), mood=3, energy=3,
                               plan=[PlanItem("apply", "Send the CV")]).validate())
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_checkin(pilot)
        kind = screen.query_one(PlanRow).query_one(Select)
        label = kind.query_one("#label", Static)
        assert underlined(first_line(label)) == ""
        kind.focus()
        await pilot.pause()
        assert underlined(first_line(label)) == "apply"


async def test_the_export_keys_still_work_on_its_focused_tick_box(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await run_command(pilot, "Export journal")
        dialog = app.screen
        await pilot.press("m")
        await pilot.pause()
        box = dialog.query_one("#export-private", TickBox)
        box.focus()
        await pilot.pause()
        await pilot.press("p")  # the dialog's key for this very box
        await pilot.pause()
        assert box.value is True
        assert not any("words go" in m for m in messages(app))
        await pilot.press("j")  # JSON holds everything: the box greys out...
        await pilot.pause()
        assert box.disabled
        assert dialog.focused is dialog.query_one("#close")  # ...and hands focus on


async def test_a_fold_has_its_own_triangle_and_underlines_when_focused(make_app,
                                                                       store) -> None:
    seed_cooldown(store, "reflect", ready_early=True)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_cooldown(pilot)
        title = screen.query_one("#day-one").query_one(CollapsibleTitle)
        assert first_line(title).text.startswith("▸ What you wrote on day 1")
        assert underlined(first_line(title)) == ""
        title.focus()
        await pilot.pause()
        assert "What you wrote on day 1" in underlined(first_line(title))
