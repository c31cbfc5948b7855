"""A store opened now and read later (``Store(later=...)``): what the app uses to paint
Today from the summary while the history is read in a thread.

The promises: the writer's lock is taken at once, anything that needs the file waits
for it (so nothing acts on a journal that isn't there yet), what is read is exactly
what an ordinary open reads, and a file that turns out bad is reported, never written.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from fixed_time import TODAY, make_clock
from histories import hold_back_reading

from resilience_tui.domain.models import CheckIn, SelfCare, Settings
from resilience_tui.journal.opening import open_journal, open_later
from resilience_tui.storage import store as store_module
from resilience_tui.storage.errors import DatabaseInvalid, DatabaseLocked
from resilience_tui.storage.store import Store


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "resilience.json"
    store = open_journal(path, make_clock())
    settings = store.settings
    settings.name, settings.day_start_hour = "Sam", 6
    store.save_settings(settings)
    store.checkins.put(CheckIn(day=TODAY.isoformat(), mood=4, energy=3, intention="Apply"))
    store.selfcare.put(SelfCare(day=TODAY.isoformat(), activity="walk", minutes=20))
    store.close()
    return path


def later(path: Path) -> Store:
    settings = Settings(name="Sam", day_start_hour=6)
    return open_later(path, make_clock(), settings)


def test_the_lock_is_taken_before_anything_is_read(journal: Path) -> None:
    store = later(journal)
    try:
        assert not store.ready
        with pytest.raises(DatabaseLocked):
            Store(journal, make_clock())
        assert store.clock.day_start_hour == 6  # days counted as the journal's settings say
        assert store.settings.name == "Sam"  # the settings it was given, without reading
        assert not store.ready
    finally:
        store.close()


def test_the_first_use_reads_the_file_when_nobody_else_has(journal: Path) -> None:
    store = later(journal)
    try:
        assert [c.intention for c in store.checkins.all()] == ["Apply"]
        assert store.ready and not store.created
    finally:
        store.close()


def test_read_in_the_background_it_holds_what_an_ordinary_open_holds(journal: Path) -> None:
    store = later(journal)
    finished = threading.Event()
    said: list[BaseException | None] = []

    def done(error: BaseException | None) -> None:
        said.append(error)
        finished.set()

    store.load_in_background(done)
    assert finished.wait(30)
    try:
        assert said == [None] and store.ready
        assert store.loaded("checkins", "selfcare", "rejections", "contacts")
        ordinary = open_journal(journal, make_clock(), writer=False)
        for name, repo in store.repos.items():
            assert repo.all() == ordinary.repos[name].all(), name
        assert store.settings == ordinary.settings
    finally:
        store.close()


def test_a_use_while_it_is_read_waits_for_it(journal: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    go = hold_back_reading(monkeypatch)
    store = later(journal)
    store.load_in_background(lambda error: None)
    got: list[int] = []
    user = threading.Thread(target=lambda: got.append(len(store.checkins.all())))
    user.start()
    user.join(0.2)
    assert user.is_alive() and got == []  # waiting, not acting on an empty journal
    go.set()
    user.join(30)
    assert got == [1]
    store.close()


def test_settings_saved_before_the_file_is_in_are_kept(journal: Path) -> None:
    store = later(journal)
    settings = store.settings
    settings.name = "Samira"
    store.save_settings(settings)
    assert store.settings.name == "Samira"
    store.close()
    assert open_journal(journal, make_clock(), writer=False).settings.name == "Samira"


def test_a_bad_file_found_in_the_background_is_reported_and_left_alone(
        journal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = journal.read_bytes()

    def damaged(path: Path, *_: object) -> object:
        raise DatabaseInvalid(path, "it is not a journal")

    monkeypatch.setattr(store_module, "read_database", damaged)
    store = later(journal)
    finished = threading.Event()
    said: list[BaseException | None] = []
    store.load_in_background(lambda error: (said.append(error), finished.set()))
    assert finished.wait(30)
    assert isinstance(said[0], DatabaseInvalid) and not store.ready
    assert store.load_error is said[0]
    with pytest.raises(DatabaseInvalid):
        store.checkins.all()
    store.close()
    assert journal.read_bytes() == before


def test_nothing_is_used_while_the_tables_are_still_being_built(
        journal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The file read but the tables half built: a save from the screen then must wait,
    not build a table alongside the reader (the app once showed a journal without its
    check-ins after a self-care entry saved in that moment)."""
    go, halfway = threading.Event(), threading.Event()
    preload = Store.preload

    def half_then_wait(store: Store) -> None:
        store.checkins.all()
        halfway.set()
        assert go.wait(30)
        preload(store)

    monkeypatch.setattr(Store, "preload", half_then_wait)
    store = later(journal)
    store.load_in_background(lambda error: None)
    assert halfway.wait(30)
    saved: list[int] = []
    user = threading.Thread(target=lambda: (
        store.selfcare.put(SelfCare(day=TODAY.isoformat(), activity="stretch", minutes=5)),
        saved.append(len(store.checkins.all()))))
    user.start()
    user.join(0.2)
    assert user.is_alive() and saved == []
    go.set()
    user.join(30)
    assert saved == [1]  # the check-in is there, and the new entry beside the old
    assert sorted(e.activity for e in store.selfcare.all()) == ["stretch", "walk"]
    store.close()
    reread = open_journal(journal, make_clock(), writer=False)
    assert sorted(e.activity for e in reread.selfcare.all()) == ["stretch", "walk"]


def test_read_first_by_a_use_the_background_read_still_says_it_is_in(journal: Path) -> None:
    """A key on the first frame can need the history before the app starts its read: the
    store is then read on the spot, and asking for the background read afterwards must
    still say "in" (the app switches to writing behind on that word)."""
    store = later(journal)
    try:
        store.checkins.all()  # read here, before any background read was asked for
        said: list[BaseException | None] = []
        store.load_in_background(said.append)
        assert said == [None]
    finally:
        store.close()


def test_a_journal_moved_away_while_opening_is_not_replaced_by_an_empty_one(
        journal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Between the first frame (painted from the summary) and the read, the journal was
    moved or deleted: the read fails as a bad file does, and no new empty journal appears
    in its place for the app to show and the next start to believe."""
    moved = journal.with_name("moved.json")
    store = later(journal)
    journal.rename(moved)
    finished = threading.Event()
    said: list[BaseException | None] = []
    store.load_in_background(lambda error: (said.append(error), finished.set()))
    assert finished.wait(30)
    assert isinstance(said[0], DatabaseInvalid) and "moved or deleted" in said[0].message
    assert not store.unsaved  # nothing was read, so nothing can be unsaved
    store.close()
    assert not journal.exists() and moved.exists()


def test_while_the_file_is_read_nothing_is_unsaved_and_asking_does_not_wait(
        journal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Quitting asks "is anything unsaved?": before the history is in, nothing can be (every
    change waits for it), so the answer must not wait for a read that may take long."""
    go = hold_back_reading(monkeypatch)
    store = later(journal)
    try:
        store.load_in_background(lambda error: None)
        assert not store.unsaved and not store.ready
    finally:
        go.set()
        store.close()
