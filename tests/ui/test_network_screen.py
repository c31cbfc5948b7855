"""Pilot tests of the support network: add, edit, remove, duplicates, history kept."""

from __future__ import annotations

from helpers import error_text, open_network
from textual.widgets import DataTable, Input, Select, Static

from resilience_tui.domain.models import Contact, SelfCare
from resilience_tui.screens.contact_form import ContactFormScreen
from resilience_tui.screens.network import NetworkScreen
from resilience_tui.screens.today.screen import TodayScreen
from resilience_tui.widgets.confirm import ConfirmDialog


def rows(app) -> list[list[str]]:
    table = app.screen.query_one("#contacts", DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def test_empty_network_says_how_to_start(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_network(pilot)
        assert "Press a to add" in str(app.screen.query_one("#empty", Static).content)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)


async def test_add_a_contact(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_network(pilot)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ContactFormScreen)
        await pilot.press(*"Ana Silva")
        app.screen.query_one("#kind", Select).value = "mentor"
        app.screen.query_one("#reach", Input).value = "ana@example.org"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, NetworkScreen)
        assert rows(app) == [["Ana Silva", "mentor", "ana@example.org", "not yet", ""]]
    [ana] = store.contacts.all()
    assert (ana.name, ana.kind, ana.reach, ana.created_on, ana.last_contacted) == (
        "Ana Silva", "mentor", "ana@example.org", "2026-03-11", None)


async def test_duplicate_name_of_the_same_kind_is_refused(make_app, store) -> None:
    store.contacts.put(Contact(name="Ana", kind="friend", created_on="2026-03-01"))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_network(pilot)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"ana ", "ctrl+s")  # kind defaults to friend
        await pilot.pause()
        assert isinstance(app.screen, ContactFormScreen)
        error = error_text(app.screen)
        assert "already in your network as a friend" in error
        app.screen.query_one("#kind", Select).value = "family"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, NetworkScreen)
    assert sorted((c.name, c.kind) for c in store.contacts.all()) == [
        ("Ana", "friend"), ("ana", "family")]


async def test_edit_a_contact(make_app, store) -> None:
    sam = store.contacts.put(Contact(name="Sam", kind="peer job seeker", reach="Discord",
                                     created_on="2026-01-01"))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_network(pilot)
        assert rows(app)[0][3:] == ["not yet", "a while"]
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ContactFormScreen)
        assert app.screen.query_one("#name", Input).value == "Sam"
        app.screen.query_one("#notes").text = "Swaps CV tips on Fridays"
        app.screen.query_one("#last", Input).value = "yesterday"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert rows(app) == [["Sam", "peer job seeker", "Discord", "yesterday", ""]]
        assert "Swaps CV tips" in str(app.screen.query_one("#detail", Static).content)
    saved = store.contacts.get(sam.id)
    assert (saved.notes, saved.last_contacted) == ("Swaps CV tips on Fridays", "2026-03-10")


async def test_enter_edits_and_a_future_day_is_refused(make_app, store) -> None:
    store.contacts.put(Contact(name="Sam", kind="friend", created_on="2026-03-01"))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_network(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ContactFormScreen)
        app.screen.query_one("#last", Input).value = "2026-04-01"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ContactFormScreen)
        assert "still to come" in error_text(app.screen)


async def test_talked_today_marks_the_contact(make_app, store) -> None:
    lee = store.contacts.put(Contact(name="Lee", kind="friend", created_on="2026-01-01"))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_network(pilot)
        await pilot.press("t")
        await pilot.pause()
        assert rows(app)[0][3:] == ["today", ""]
    assert store.contacts.get(lee.id).last_contacted == "2026-03-11"


async def test_remove_asks_first_and_keeps_history(make_app, store) -> None:
    ana = store.contacts.put(Contact(name="Ana", kind="friend", created_on="2026-01-01"))
    store.contacts.put(Contact(name="Bo", kind="mentor", created_on="2026-01-01"))
    store.selfcare.put(SelfCare(day="2026-03-10", activity="coffee", minutes=30,
                                contact_id=ana.id, contact_name="Ana"))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_network(pilot)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert len(store.contacts) == 2
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, NetworkScreen)
        assert [r[0] for r in rows(app)] == ["Bo"]
    assert [c.name for c in store.contacts.all()] == ["Bo"]
    [entry] = store.selfcare.all()
    assert (entry.contact_id, entry.contact_name) == (ana.id, "Ana")


async def test_names_with_brackets_show_as_typed(make_app, store) -> None:
    store.contacts.put(Contact(name="[bold]Jo[/bold]", kind="community", created_on="2026-03-01",
                               notes="[red]not markup"))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_network(pilot)
        assert rows(app)[0][0] == "[bold]Jo[/bold]"
        assert "[red]not markup" in str(app.screen.query_one("#detail", Static).content)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)


# --- columns sized to the window ------------------------------------------------------------

LONG_NAME = "Analytics job seekers of Leeds"
LONG_REACH = "priya.raman@example.org"


def shown_rows(app) -> list[str]:
    """The table's rows as drawn on screen (header first), trailing spaces dropped."""
    table = app.screen.query_one("#contacts", DataTable)
    return ["".join(seg.text for seg in table.render_line(y)).rstrip()
            for y in range(table.row_count + 1)]


def long_contacts(store) -> None:
    store.contacts.put(Contact(name=LONG_NAME, kind="community", reach="meetup.com/ajsl",
                               created_on="2026-03-01"))
    store.contacts.put(Contact(name="Priya Raman", kind="peer job seeker", reach=LONG_REACH,
                               created_on="2026-03-01", last_contacted="2026-03-09"))


async def test_wide_window_shows_long_names_and_emails_whole(make_app, store) -> None:
    long_contacts(store)
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await open_network(pilot)
        await pilot.pause()
        shown = "\n".join(shown_rows(app))
        assert LONG_NAME in shown
        assert LONG_REACH in shown
        assert "…" not in shown


async def test_narrow_window_ellipsises_and_the_detail_line_has_it_all(make_app, store) -> None:
    long_contacts(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_network(pilot)
        await pilot.pause()
        header, first, second = shown_rows(app)
        table = app.screen.query_one("#contacts", DataTable)
        assert len(header) <= table.scrollable_content_region.width  # no sideways scrolling
        assert "Last contact" in header
        assert first.startswith(" Analytics job") and "…" in first  # cut, and says so
        assert "…" in second and "peer job seeker" in second
        detail = str(app.screen.query_one("#detail", Static).content)
        assert LONG_NAME in detail  # the highlighted row's full text, right below
        await pilot.press("down")
        await pilot.pause()
        detail = str(app.screen.query_one("#detail", Static).content)
        assert LONG_REACH in detail
