"""Writing behind, as the app does: a change is in memory at once, one writer thread writes
the file, bursts make one write, a failure is said and retried, and closing waits.

The app's two callbacks are played by hand here: ``after_paint`` collects the store's
"start the writer" so each test decides when the screen has painted, and ``on_ui``
collects the writer's "settle this on the app's thread". A write is held up, where a test
needs one in flight, by an event the test sets, never by a timer.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import orjson
import pytest
from fixed_time import ago

from resilience_tui.clock import FixedClock
from resilience_tui.domain.models import CheckIn, Contact, SelfCare
from resilience_tui.journal.selfcare import log_selfcare
from resilience_tui.storage import atomic
from resilience_tui.storage.files import Spliced
from resilience_tui.storage.store import Store

WAIT = 10.0  # seconds: only stops a broken test from hanging


class App:
    """What the app gives the store: a painted screen on demand, and its own thread."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.starts: list[Callable[[], None]] = []
        self.settles: list[Callable[[], None]] = []
        self.said: list[str] = []
        self.problems: list[str] = []
        self._lock = threading.Lock()
        store.on_problem = self.problems.append
        store.write_in_background(self.starts.append, self._from_writer)

    def _from_writer(self, settle: Callable[[], None]) -> None:
        with self._lock:  # the writer thread calls this
            self.settles.append(settle)

    def paint(self) -> None:
        """The screen shows the change: the store may start its write."""
        starts, self.starts[:] = list(self.starts), []
        for start in starts:
            start()

    def settle(self) -> None:
        """The app's thread handles what the writer sent it."""
        with self._lock:
            settles, self.settles[:] = list(self.settles), []
        for settle in settles:
            settle()


@pytest.fixture
def app(store: Store) -> Iterator[App]:
    behind = App(store)
    yield behind
    store.write_in_foreground()


@pytest.fixture
def writes(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """Every journal the writer wrote, as the file held it after each write, in order."""
    written: list[bytes] = []
    write = atomic.atomic_write

    def noted(path: Path, payload: bytes | Spliced) -> os.stat_result:
        done = write(path, payload)
        if path == db_path:
            written.append(path.read_bytes())
        return done

    monkeypatch.setattr(atomic, "atomic_write", noted)
    return written


@pytest.fixture
def held(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[threading.Event, threading.Event]:
    """(inside, go): the next writes of the journal set ``inside`` and wait for ``go``."""
    inside, go = threading.Event(), threading.Event()
    write = atomic.atomic_write

    def held_up(path: Path, payload: bytes | Spliced) -> os.stat_result:
        if path == db_path:
            inside.set()
            assert go.wait(WAIT)
        return write(path, payload)

    monkeypatch.setattr(atomic, "atomic_write", held_up)
    return inside, go


def on_disk(path: Path) -> dict[str, list[str]]:
    data = orjson.loads(path.read_bytes())
    return {"selfcare": sorted(r["activity"] for r in data.get("selfcare", {}).values()),
            "contacts": sorted(r["name"] for r in data.get("contacts", {}).values())}


def walk(store: Store, words: str) -> None:
    store.selfcare.put(SelfCare(day=ago(0), activity=words, minutes=20))


def saved_entry(app: App, store: Store, words: str = "walk") -> str:
    """An entry written to the file (so where its table lies there is known); its id."""
    walk(store, words)
    app.paint()
    assert store.wait_saved(WAIT)
    return store.selfcare.all()[-1].id


@pytest.fixture
def big_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every write counts as a big one (more rows to serialise than ``LIGHT``, as when a
    table must be written whole): such a write waits until the app has painted."""
    monkeypatch.setattr(atomic, "LIGHT", 0)


def rename(store: Store, entry_id: str, words: str) -> None:
    """A change to an entry already saved: its row is serialised again, not added."""
    entry = store.selfcare.get(entry_id)
    assert entry is not None
    entry.activity = words
    store.selfcare.put(entry)


@pytest.mark.usefixtures("big_writes")
def test_a_big_change_is_in_memory_at_once_and_on_disk_after_the_paint(
        app: App, store: Store, db_path: Path, writes: list[bytes]) -> None:
    entry_id = saved_entry(app, store, "stroll")
    writes.clear()
    rename(store, entry_id, "walk")
    assert [e.activity for e in store.selfcare.all()] == ["walk"]
    assert store.unsaved and store.pending
    assert writes == [] and on_disk(db_path)["selfcare"] == ["stroll"]  # not before the paint
    app.paint()
    assert store.wait_saved(WAIT)
    assert on_disk(db_path)["selfcare"] == ["walk"]
    assert not store.unsaved and not store.pending
    assert len(writes) == 1


@pytest.mark.parametrize("change", ["added", "edited"])
def test_a_small_change_goes_to_disk_without_waiting_for_the_paint(
        change: str, app: App, store: Store, db_path: Path) -> None:
    """Only the new or changed rows are serialised (the rest is copied from the file), so
    nothing holds the interpreter long enough to slow the paint: the write starts with the
    change. At thirty years that took key -> on disk from 62-66 to 36-40 ms."""
    entry_id = saved_entry(app, store, "stroll")
    if change == "added":
        walk(store, "walk")
    else:
        rename(store, entry_id, "walk")
    assert app.starts == []  # no paint asked for
    wanted = ["stroll", "walk"] if change == "added" else ["walk"]
    for _ in range(int(WAIT / 0.01)):
        if on_disk(db_path)["selfcare"] == wanted:
            break
        threading.Event().wait(0.01)
    assert on_disk(db_path)["selfcare"] == wanted


@pytest.mark.usefixtures("big_writes")
def test_a_burst_of_changes_is_one_write_and_changes_during_a_write_one_more(
        app: App, store: Store, db_path: Path,
        held: tuple[threading.Event, threading.Event], writes: list[bytes]) -> None:
    inside, go = held
    go.set()
    entry_id = saved_entry(app, store, "stroll")
    inside.clear(), go.clear(), writes.clear()
    for n in range(5):  # before the screen has painted: all in the first write
        rename(store, entry_id, f"walk {n}")
    assert len(app.starts) == 1
    app.paint()
    assert inside.wait(WAIT)  # the first write is under way, held
    for n in range(5, 25):  # meanwhile twenty more changes, each "painted" at once
        rename(store, entry_id, f"walk {n}")
        app.paint()
    go.set()
    assert store.wait_saved(WAIT)
    assert len(writes) == 2  # the held write, then one with everything that came since
    assert on_disk(db_path)["selfcare"] == ["walk 24"]
    assert [r["activity"] for r in orjson.loads(writes[0])["selfcare"].values()] == ["walk 4"]
    assert writes[1] == db_path.read_bytes()


def test_a_snapshot_never_holds_half_a_change(
        app: App, store: Store, clock: FixedClock, db_path: Path, writes: list[bytes]) -> None:
    """Self-care with someone is two records (the entry, and the contact noted as in touch):
    a write asked for in the middle of that change waits for its end."""
    ana = store.contacts.put(Contact(name="Ana", kind="friend"))
    app.paint()
    assert store.wait_saved(WAIT)
    first = len(writes)
    put_contact = store.contacts.put
    writer = store._writer
    assert writer is not None

    def halfway(contact: Contact) -> Contact:
        writer.ask()  # the writer wakes between the two records...
        assert not writer.wait(0.2)  # ...and cannot snapshot until the change is whole
        return put_contact(contact)

    store.contacts.put = halfway  # type: ignore[method-assign]
    log_selfcare(store, clock, activity="call", minutes="15", contact_id=ana.id)
    del store.contacts.put
    app.paint()
    assert store.wait_saved(WAIT)
    for payload in writes[first:]:
        data = orjson.loads(payload)
        calls = [r for r in data["selfcare"].values() if r["activity"] == "call"]
        touched = [r for r in data["contacts"].values() if r.get("last_contacted") == ago(0)]
        assert len(calls) == len(touched), "a write held the entry without the contact, or back"
    assert on_disk(db_path)["selfcare"] == ["call"]


def test_a_failed_write_is_said_on_the_apps_thread_kept_in_memory_and_retried(
        app: App, store: Store, db_path: Path, full_disk: list[bool]) -> None:
    full = full_disk
    saved: list[str] = []
    walk(store, "walk")
    store.when_saved(lambda: saved.append("walk"))
    app.paint()
    assert store._writer is not None and store._writer.wait(WAIT)
    assert app.problems == []  # not said from the writer's thread...
    assert store.pending  # ...and not settled until the app's thread has said it
    app.settle()
    assert len(app.problems) == 1 and "No space left on device" in app.problems[0]
    assert "safe in memory" in app.problems[0]
    assert saved == []  # no "saved" beside "not saved yet"
    assert store.unsaved and not store.pending
    assert [e.activity for e in store.selfcare.all()] == ["walk"]
    full[0] = False
    walk(store, "gym")  # the next change writes both
    store.when_saved(lambda: saved.append("gym"))
    app.paint()
    assert store._writer.wait(WAIT)
    app.settle()
    assert not store.unsaved
    assert on_disk(db_path)["selfcare"] == ["gym", "walk"]
    assert saved == ["gym"]
    assert len(app.problems) == 1


def test_saved_words_wait_for_the_file(app: App, store: Store, db_path: Path,
                                       held: tuple[threading.Event, threading.Event]) -> None:
    inside, go = held
    said: list[str] = []
    walk(store, "walk")
    store.when_saved(lambda: said.append(str(on_disk(db_path)["selfcare"])))
    app.paint()
    assert inside.wait(WAIT)
    app.settle()
    assert said == []  # the write is under way: nothing said yet
    go.set()
    assert store._writer is not None and store._writer.wait(WAIT)
    app.settle()
    assert said == ["['walk']"]  # said once the file has it


def test_closing_waits_for_a_write_under_way_and_writes_what_is_due(
        app: App, store: Store, db_path: Path,
        held: tuple[threading.Event, threading.Event]) -> None:
    inside, go = held
    walk(store, "walk")
    app.paint()
    assert inside.wait(WAIT)
    walk(store, "gym")  # due, never started: the app quit before it painted
    closing = threading.Thread(target=store.close)
    closing.start()
    closing.join(0.2)
    assert closing.is_alive(), "closed while a write was under way"
    go.set()
    closing.join(WAIT)
    assert not closing.is_alive()
    assert on_disk(db_path)["selfcare"] == ["gym", "walk"]
    assert not store.unsaved


def test_after_the_app_the_store_writes_each_change_again(
        app: App, store: Store, db_path: Path) -> None:
    walk(store, "walk")  # due, not yet painted: the app is ending
    assert store.write_in_foreground()
    assert on_disk(db_path)["selfcare"] == ["walk"]
    asked = len(app.starts)
    store.checkins.put(CheckIn(day=ago(0), mood=3, energy=3))
    assert not store.unsaved and not store.pending  # written before put returned
    assert len(app.starts) == asked  # the app is not asked to start anything
    assert store._writer is None


def test_the_summary_waits_until_nothing_is_pending(
        app: App, store: Store, db_path: Path,
        held: tuple[threading.Event, threading.Event]) -> None:
    """``status`` trusts the summary while the journal is the file it was made from: one
    made while a write is due or under way would be filed under the file about to go."""
    from resilience_tui.journal.summary import filed, keep_summary

    inside, go = held
    store.preload()
    walk(store, "walk")
    assert not keep_summary(store)  # due
    app.paint()
    assert inside.wait(WAIT)
    assert not keep_summary(store)  # under way
    go.set()
    assert store.wait_saved(WAIT)
    assert keep_summary(store)
    assert filed(db_path) is not None  # filed for the file as it is now


def test_the_writer_gets_the_interpreter_back_quickly_only_while_it_writes() -> None:
    """While a write is asked for or under way the interpreter switches threads every
    millisecond, so each step of the write (after a system call) gets going again while
    the app's thread paints; after the last write the usual interval is back, also when
    two writers overlap (each store has its own)."""
    import sys

    from resilience_tui.storage.writer import SWITCH_WHILE_WRITING, BackgroundWriter

    usual = sys.getswitchinterval()
    seen: list[float] = []
    go = threading.Event()

    def job() -> None:
        seen.append(sys.getswitchinterval())
        go.wait(WAIT)

    first, second = BackgroundWriter(job), BackgroundWriter(job)
    try:
        first.ask()
        second.ask()
        assert sys.getswitchinterval() == SWITCH_WHILE_WRITING
        first.ask()  # one more, coalesced behind the run under way
        go.set()
        assert first.wait(WAIT) and second.wait(WAIT)
        assert seen and set(seen) == {SWITCH_WHILE_WRITING}
        assert sys.getswitchinterval() == usual
    finally:
        go.set()
        first.stop()
        second.stop()
    assert sys.getswitchinterval() == usual


def _held_open_and_gone(inode: int) -> int:
    """How many of this process's open descriptors are of file ``inode``, unlinked since
    (``/dev/fd`` lists them on Linux and the BSDs alike)."""
    held = 0
    for fd in os.listdir("/dev/fd"):
        try:
            st = os.fstat(int(fd))
        except OSError:  # listed a moment ago, closed since (the listing's own, say)
            continue
        held += st.st_ino == inode and st.st_nlink == 0
    return held


def test_the_file_a_save_replaces_is_let_go_only_after_the_save_is_reported(
        app: App, store: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Closing the old file frees its space (5-7 ms at thirty years, when the rename left it
    no name): that comes after the writer has handed the app its outcome (the "saved"
    notices), not between the rename and them. Nothing is left open after any save."""
    walk(store, "first")
    app.paint()
    assert store.wait_saved(WAIT)
    replaced = [os.stat(db_path).st_ino]
    when_reported: list[int] = []
    hand = app._from_writer

    def reported(settle: Callable[[], None]) -> None:
        when_reported.append(_held_open_and_gone(replaced[-1]))
        hand(settle)

    monkeypatch.setattr(app, "_from_writer", reported)
    store.write_in_background(app.starts.append, reported)
    for n in range(3):
        replaced.append(os.stat(db_path).st_ino)
        walk(store, f"walk {n}")
        app.paint()
        assert store.wait_saved(WAIT)
        app.settle()
        assert _held_open_and_gone(replaced[-1]) == 0
    assert when_reported == [1, 1, 1]
