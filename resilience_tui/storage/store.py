"""The typed repository: domain objects in, domain objects out.

Screens and commands talk to :class:`Store`; only this package touches
TinyDB. The file is a real TinyDB database and every change goes through
TinyDB's tables (``insert_multiple``, ``update``, ``remove``, ``upsert``, by
document id) over the atomic caching storage, inside one storage batch, so a
change is one write of the file. Each table is a :class:`Repo` that keeps its
records as domain objects in memory (built once, on first use); the cached
rows are those same objects wherever orjson writes them identically
(:mod:`held`), so the history is held once, not as dicts and objects both.
A failed write keeps everything in memory and is reported to ``on_problem``
instead of raising, so no words are lost.

By default each change is written before the call returns (the command line, the
tests). The app has the store write behind instead (:meth:`Store.write_in_background`):
the change is made in memory and announced at once, and one writer thread
(:mod:`.writer`) writes the file once the app has painted, a burst of changes in one
write. Everything else holds as before: the same atomic, checked write and daily
backup, the same "not saved" report (now delivered on the app's thread), and
``unsaved`` stays true until the file has it all. What is said about a save waits
for the file (:meth:`Store.when_saved`), and closing the store waits for the writer.
"""

from __future__ import annotations

import copy
import gc
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, MutableMapping
from contextlib import contextmanager, nullcontext
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

from tinydb.table import Document, Table

from ..clock import Clock
from ..domain.models import (
    Action,
    CheckIn,
    Contact,
    Record,
    Rejection,
    RestDay,
    SelfCare,
    Settings,
)
from ..domain.past_plan import PAST_DAYS, PastPlan, done_count
from ..domain.tombstones import Tombstone
from ..domain.validate import ValidationError
from . import migrations
from .atomic import AtomicCachedStorage, read_database
from .backup import daily_backup
from .damage import Damaged, check_row
from .errors import DatabaseInvalid, DatabaseWriteError, StorageError
from .files import private_folder
from .held import JournalDB, documents, hold, release
from .lock import WriterLock
from .pieces import PieceReader
from .tables import RECORD_CLASSES
from .writer import BackgroundWriter

T = TypeVar("T", bound=Record)
Change = tuple[str, Record | None, Record | None]  # table, the record before, after
CHANGES_KEPT = 2000  # more changes than this at once (an import): figures are built afresh
Later = Callable[[Callable[[], None]], None]  # "call this on the app's thread, later"

# The tables, by their names in the file, and their records' classes.
_TABLES: dict[str, type[Record]] = {**RECORD_CLASSES, "deleted": Tombstone}
# What Store has once it has read the file (see ``Store(later=...)``).
_FROM_FILE = frozenset({"created", "storage", "db", "repos", "_settings", "built_on_open",
                        *_TABLES})


class Repo(Generic[T]):
    """One table of records of type ``T``, keyed by their ``id``."""

    def __init__(self, store: Store, name: str, cls: type[T]) -> None:
        self._store = store
        self.name = name
        self.cls = cls
        self._objects: dict[str, T] | None = None
        # Record id -> TinyDB document id, for the records whose rows are not the records
        # themselves, and those changed since the table was read (see ``_find_doc_ids``).
        self._doc_ids: dict[str, int] = {}
        self.table: Table = store.db.table(name)

    def _load(self) -> dict[str, T]:
        """Build the table's records, each through the one record check (``checked``).

        A row that fails it is quarantined: left out of the app and every command,
        listed in ``Store.damaged`` for ``doctor``, and kept in the file exactly as
        it was (saves write only the rows they change, and new rows get fresh doc ids).
        """
        if self._objects is None:
            built = self._store.built_on_open.pop(self.name, None)
            if built is not None:  # built as the file was read (``Store(preload=True)``)
                self._objects, self._doc_ids = cast("tuple[dict[str, T], dict[str, int]]", built)
                return self._objects
            # Built from the cached rows directly rather than through ``self.table``: TinyDB's
            # iteration copies every row into a Document first, which measured 78 against 67 ms
            # CPU to build every table of a 10-year history (11,756 records, median of 9).
            raw = self._store.storage.read().get(self.name, {})
            objects: dict[str, Record] = {}
            build_rows(self.name, self.cls, raw, self._store.clock.today(), objects,
                       self._doc_ids, self._store.damaged)
            self._objects = cast("dict[str, T]", objects)
        return self._objects

    def all(self) -> list[T]:
        """Every record, oldest first. Shared objects: copy before changing one."""
        return list(self._load().values())

    def __len__(self) -> int:
        return len(self._load())

    def get(self, record_id: str) -> T | None:
        """A private copy of one record, safe to edit before ``put``."""
        obj = self._load().get(record_id)
        return copy.deepcopy(obj) if obj is not None else None

    def get_shared(self, record_id: str) -> T | None:
        """The stored object itself, for reading only (no copy)."""
        return self._load().get(record_id)

    def put(self, obj: T) -> T:
        """Validate ``obj`` (a ValidationError reaches the caller and nothing is saved),
        stamp ``updated_at``, and save. The store keeps its own copy, so changing
        ``obj`` afterwards changes nothing stored."""
        self.put_many([obj])
        return obj

    def put_many(self, objs: Iterable[T], *, stamp: bool = True) -> None:
        """Insert or replace many records with one write, each validated, stamped and
        copied as by ``put``. Import passes ``stamp=False``: its records were validated
        already and keep their own stamps, so they go in as they are."""
        objs = list(objs)
        if stamp:
            for obj in objs:  # all of them first: a bad one saves none
                obj.validate()
        objects = self._load()
        self._find_doc_ids(obj.id for obj in objs)
        new: dict[str, T] = {}  # by record id: one record given twice is one document
        changed: dict[int, T] = {}  # by document id
        for obj in objs:
            if stamp and hasattr(obj, "updated_at"):
                obj.updated_at = self._store.clock.stamp()
            kept = copy.deepcopy(obj)
            self._store.note_change(self.name, objects.get(kept.id), kept)
            objects[kept.id] = kept
            doc_id = self._doc_ids.get(kept.id)
            if doc_id is None:
                new[kept.id] = kept
            else:
                changed[doc_id] = kept
        if not new and not changed:
            return

        def change() -> None:
            if changed:  # a whole record replaces its document: its fields, no others
                rows = self._rows()
                release(rows, list(changed))
                # TinyDB hands ``update``'s callable the row itself, not its id: find each
                # row's new content by the row object's identity.
                new_docs = documents(list(changed.values()))
                by_row = {id(rows[str(n)]): doc for n, doc in zip(changed, new_docs, strict=True)}
                self.table.update(_replaced_by(by_row), doc_ids=list(changed))
            if new:
                ids = self.table.insert_multiple(documents(list(new.values())))
                self._doc_ids.update(zip(new, ids, strict=True))
                changed.update(zip(ids, new.values(), strict=True))
            hold(self._rows(), changed)  # the rows TinyDB wrote are dicts: held anew

        self._store.write(change)

    def delete(self, record_id: str) -> None:
        objects = self._load()
        if record_id not in objects:
            return
        self._find_doc_ids([record_id])
        doc_id = self._doc_ids.pop(record_id)
        self._store.note_change(self.name, objects.pop(record_id), None)
        self._store.write(lambda: self.table.remove(doc_ids=[doc_id]))

    def _find_doc_ids(self, record_ids: Iterable[str]) -> None:
        """Note the document ids of these records, where not noted yet: each is the row
        that is the record itself. Held records' ids are not kept from the start (at thirty
        years 35,000 of them, ~3 MB with their numbers); a table's rows are looked through
        once for all the records a change touches (~1 ms for 21,900 rows), the first
        time each changes."""
        objects = self._load()
        missing = {id(obj): rid for rid in record_ids if rid not in self._doc_ids
                   and (obj := objects.get(rid)) is not None}
        if not missing:
            return
        for key, row in self._rows().items():
            rid = missing.pop(id(row), None)  # the record itself, both alive: same id
            if rid is not None:
                self._doc_ids[rid] = int(key)
                if not missing:
                    return

    def _rows(self) -> dict[str, Any]:
        """This table's cached rows (TinyDB's layout), for holding records in them."""
        rows: dict[str, Any] = self._store.storage.read().setdefault(self.name, {})
        return rows


def build_rows(table: str, cls: type[Record], rows: dict[str, Any], today: date,
               objects: dict[str, Record], doc_ids: dict[str, int],
               damaged: list[Damaged]) -> None:
    """Build ``rows`` (doc id -> row, all of a table or a piece of it) into ``objects`` (by
    record id), each row through the one record check (``check_row``), quarantining those
    that fail; then put each record in place of its row (``hold``). ``doc_ids`` gets the
    document ids of the records not held so: a held one's row is the record itself."""
    good: dict[str, Any] = {}
    built: list[Record] = []
    before = len(objects)
    for doc_id, doc in rows.items():
        found = check_row(table, cls, doc_id, doc, today, damaged)
        if found is None:
            continue
        objects[found.id] = found
        good[doc_id] = doc
        built.append(found)
    read = dict(good) if cls is CheckIn else None
    if len(objects) - before == len(built):  # two rows with one id: leave them as read
        hold(good, built)
        rows.update(good)  # the rows held as their records (damaged ones untouched)
    for doc_id, found in zip(good, built, strict=True):
        if good[doc_id] is not found:
            doc_ids[found.id] = int(doc_id)
        elif read is not None:
            _pack_past_plan(cast(CheckIn, found), read[doc_id], today)


def _pack_past_plan(checkin: CheckIn, row: dict[str, Any], today: date) -> None:
    """Keep a plan of a day long past packed (``domain.past_plan``): ~10 MB less at thirty
    years. Only for a check-in held as its row: its plan's items then have every field,
    in field order, and are written exactly as the row's."""
    if (checkin.plan and isinstance(checkin.plan, list)
            and checkin.day < (today - timedelta(days=PAST_DAYS)).isoformat()):
        checkin.plan = PastPlan(row["plan"], done_count(checkin.plan))


class BuildOnOpen(PieceReader):
    """Every record table's records, built while the file is read a piece at a time: the
    rows of ten or thirty years never all live as parsed dicts at once (at 30 years the
    app's peak memory was 167 MB, 4.3x a bare Textual app, mostly that).

    Each piece goes through :func:`build_rows`, as ``Repo._load`` would build the whole
    table, on the day the journal's settings make today (what ``open_journal`` sets the
    clock to). A table it can't build so (no current schema or settings read before it)
    is left as rows, for its Repo to build as ever."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.start_over()

    def start_over(self) -> None:
        self.layout = self.pieces = None
        self.tables: dict[str, tuple[dict[str, Record], dict[str, int]]] = {}
        self.damaged: list[Damaged] = []
        self._left: set[str] = set()
        self._today: date | None = None

    def take(self, data: dict[str, Any], table: str, rows: dict[str, Any]) -> None:
        cls = RECORD_CLASSES.get(table)
        if cls is None or table in self._left:
            return
        if table not in self.tables:
            today = self._today or self._day(data)
            if today is None:
                self._left.add(table)
                return
            self._today = today
            self.tables[table] = ({}, {})
        objects, doc_ids = self.tables[table]
        assert self._today is not None
        build_rows(table, cls, rows, self._today, objects, doc_ids, self.damaged)

    def _day(self, data: dict[str, Any]) -> date | None:
        """Today as the app will count it once the clock follows these settings."""
        if migrations.schema_of(data) != migrations.CURRENT_SCHEMA or "settings" not in data:
            return None
        try:
            settings = Settings.from_dict(data["settings"].get("1", {})).validate()
        except (ValidationError, TypeError, ValueError, AttributeError):
            return None  # refused at the door a moment later
        return Clock(self.clock.now, day_start_hour=settings.day_start_hour,
                     zone=self.clock.zone).today()


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Years of records are tens of thousands of objects that all stay alive; collector
    passes while they are built would walk them over and over and free nothing."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _replaced_by(docs: dict[int, dict[str, Any]]) -> Callable[[MutableMapping[str, Any]], None]:
    """For ``Table.update``: each row becomes its record's new dict, whole (TinyDB's
    update with a dict would merge, keeping fields the record no longer has)."""
    def replace(row: MutableMapping[str, Any]) -> None:
        new = docs[id(row)]
        row.clear()
        row.update(new)
    return replace


class Store:
    """The database: settings plus one :class:`Repo` per table."""

    def __init__(
        self,
        path: Path,
        clock: Clock,
        *,
        writer: bool = True,
        on_problem: Callable[[str], None] | None = None,
        later: Settings | None = None,
        preload: bool = False,
    ) -> None:
        """Open the journal at ``path``: take the writer's lock, read and check the file.

        ``preload``: build every table's records while the file is read (the app, which
        shows them all at once), for a lower peak than reading first and building after.

        ``later``: take the lock now, but read the file only when asked
        (:meth:`load_in_background`, or the first use of anything read from it, which
        waits for it; built as by ``preload``). The app passes the settings filed in the
        summary, so it can paint its first frame before the history is read; they are
        the file's own (the summary is believed only for the journal exactly as it was
        made from).
        """
        self.path = Path(path)
        self.clock = clock
        self.writer = writer
        self.on_problem = on_problem
        self.problems: list[str] = []
        self.damaged: list[Damaged] = []  # quarantined records, as each table loads
        self.revision = 0  # bumped by every write, saved or not: "has anything changed?"
        self._listeners: list[Callable[[], None]] = []
        self._batch_depth = 0
        # Every record put or deleted, in order, as (table, old, new): lets figures built
        # from the records follow a save instead of being built again (journal.days).
        self._changes: list[Change] = []
        self._changes_start = 0  # the position of ``_changes[0]`` since the store opened
        self._ready = threading.Event()  # set once the file is read (or failed to be)
        self._loader: threading.Thread | None = None
        self._load_error: BaseException | None = None
        self._pending: dict[str, Any] | None = None  # what the file brings, while being read
        self._later = later is not None  # read after opening: the file was there then
        self._reader = 0  # the thread reading it
        # Writing behind (the app): see ``write_in_background``.
        self._writer: BackgroundWriter | None = None
        self._after_paint: Later | None = None
        self._on_ui: Later | None = None
        self._write_due = False  # changed since the writer was last asked
        self._outcomes: deque[tuple[int, str | None]] = deque()  # written, not yet settled
        self._settling = threading.Lock()  # the writer appends outcomes as the UI settles
        self._when_saved: deque[tuple[int, Callable[[], None]]] = deque()
        self._lock = WriterLock(self.path) if writer else None
        if self._lock:
            if not self.path.parent.exists():
                private_folder(self.path.parent)
            self._lock.acquire()  # raises DatabaseLocked
        if later is not None:
            self._settings = later
            return
        try:
            self._read(preload)
            self._adopt()
        except BaseException:  # refused, or anything else: the lock is let go either way
            self.close()
            raise

    # What the file brings (set by ``_adopt``; until then ``__getattr__`` waits for it).
    created: bool
    storage: AtomicCachedStorage
    db: JournalDB
    checkins: Repo[CheckIn]
    rejections: Repo[Rejection]
    selfcare: Repo[SelfCare]
    contacts: Repo[Contact]
    actions: Repo[Action]
    rest_days: Repo[RestDay]
    repos: dict[str, Repo[Any]]  # every table of records, by its name in the file and exports
    built_on_open: dict[str, tuple[dict[str, Record], dict[str, int]]]
    # What was deleted, and when: kept so no import or sync brings it back. Not a table of
    # records (it is exported as its own ``deleted`` list), so not in ``repos``.
    deleted: Repo[Tombstone]

    def _read(self, preload: bool = True) -> None:
        """Read the file and set up the tables (raises DatabaseInvalid), as ``_pending``:
        only the thread reading sees them until :meth:`_adopt` makes them the store's."""
        self._reader = threading.get_ident()
        try:
            builder = BuildOnOpen(self.clock) if preload else None
            with _collector_paused() if builder else nullcontext():
                data, sig = read_database(self.path, builder)  # raises DatabaseInvalid
            self.damaged.extend(builder.damaged if builder else ())
            if data is None and self._later:  # never an empty journal in its place
                raise DatabaseInvalid(self.path, "is gone: it was moved or deleted as the "
                                      "app opened")
            created = data is None
            data, migrated = migrations.migrate(data if data is not None else {})
            # Where each table is in the file, for the first save to copy what it does not
            # change: only of the file exactly as read (a migrated one is written whole).
            layout = builder.layout if builder and not migrated else None
            pieces = builder.pieces if builder and layout else None
            storage = AtomicCachedStorage(self.path, data, sig, self._backup, now=self.clock.now,
                                          layout=layout, pieces=pieces)
            pending: dict[str, Any] = {
                "created": created, "storage": storage, "db": JournalDB(storage=lambda: storage),
                # Records built as the file was read, by table: each Repo takes its own on
                # first use.
                "built_on_open": builder.tables if builder else {}}
            self._pending = pending
            for name, cls in _TABLES.items():
                pending[name] = Repo(self, name, cls)
            pending["repos"] = {name: pending[name] for name in RECORD_CLASSES}
            # read_database refused settings that fail the record check; these are tidy.
            # The clock follows the day start hour through the journal core, not the store.
            pending["_settings"] = Settings.from_dict(
                data.get("settings", {}).get("1", {})).validate()
            if self.writer and (pending["created"] or migrated):
                self.guard(storage.flush)
        except BaseException as exc:
            self._load_error = exc
            self._pending = None
            self._ready.set()
            raise

    def _adopt(self) -> None:
        """Make what ``_read`` set up the store's, all at once, for every thread."""
        pending, self._pending = self._pending, None
        if pending is not None:
            self.__dict__.update(pending)
        self._ready.set()

    # Reading later ------------------------------------------------------------
    @property
    def load_error(self) -> BaseException | None:
        """What reading the file in the background raised, if it did."""
        return self._load_error

    @property
    def ready(self) -> bool:
        """True once the file is read: using the store then never waits."""
        return self._ready.is_set() and self._load_error is None

    def load_in_background(self, done: Callable[[BaseException | None], None]) -> None:
        """Read the file and build every table in a thread, then call ``done`` (from that
        thread) with None, or with what went wrong, which any later use raises again.

        Nothing read is the store's until every table is built: another thread that
        uses the store meanwhile waits for all of it, never meets a table half built."""
        def load() -> None:
            try:
                self._read(preload=True)
                self.preload()
                self._adopt()
                gc.freeze()  # the history lives as long as the store: collections skip it
            except BaseException as exc:  # noqa: BLE001 - handed to ``done``, and kept
                self._load_error = self._load_error or exc
                self._ready.set()
            done(self._load_error)

        if self._ready.is_set():  # read already (something needed it first): say so
            done(self._load_error)
        elif self._loader is None:
            self._loader = threading.Thread(target=load, name="journal-loader", daemon=True)
            self._loader.start()

    def wait(self) -> None:
        """Wait until the file is read (reading it now if nobody started); raise what
        reading it raised."""
        if not self._ready.is_set():
            if self._loader is None:
                self._read()
                self._adopt()
            else:
                self._ready.wait()
        if self._load_error is not None:
            raise self._load_error

    if not TYPE_CHECKING:  # declared above for the type checker, which then checks names
        def __getattr__(self, name: str) -> Any:
            """Only for what the file brings and is not the store's yet: the thread reading
            it sees it as it is set up; any other waits until it is all in place."""
            if name not in _FROM_FILE:
                raise AttributeError(name)
            pending = self.__dict__.get("_pending")
            if pending is not None and self.__dict__.get("_reader") == threading.get_ident():
                return pending[name]
            self.wait()
            return object.__getattribute__(self, name)

    # Reading ----------------------------------------------------------------
    def preload(self) -> None:
        """Build every table's records now (those not built as the file was read), with the
        garbage collector paused. Used where every table is needed at once (the app, status).
        """
        with _collector_paused():
            for repo in self.repos.values():
                repo.all()

    def loaded(self, *names: str) -> bool:
        """True when these tables' records are built already (reading them costs nothing)."""
        return all(self.repos[name]._objects is not None or name in self.built_on_open
                   for name in names)

    @property
    def signature(self) -> tuple[int, int, int] | None:
        """The journal file as this store last read or wrote it (inode, size, mtime_ns)."""
        return self.storage.sig

    # Settings -------------------------------------------------------------
    @property
    def settings(self) -> Settings:
        """The current settings (a copy: change it and pass it to ``save_settings``)."""
        return copy.deepcopy(self._settings)

    @property
    def has_settings(self) -> bool:
        """True once settings were saved to this file (not just defaults)."""
        return len(self.db.table("settings")) > 0

    def save_settings(self, settings: Settings) -> None:
        settings.validate()
        self.wait()  # the file's settings must not land on top of these
        self._settings = copy.deepcopy(settings)
        self.write(lambda: self.db.table("settings").upsert(
            Document(settings.to_dict(), doc_id=1)))

    # Writing ---------------------------------------------------------------
    def write(self, change: Callable[[], object]) -> bool:
        """Run ``change`` (TinyDB table operations) as one write of the file, guarded.

        TinyDB writes each operation through to the storage; inside the storage's batch
        they change the cached data only, and the file is written once at the end (or at
        the end of an enclosing :meth:`batch`). The cache changes first, so a failed write
        keeps them in memory and the next good write includes them. True when saved."""
        def batched() -> None:
            with self.storage.batch():
                change()

        return self.guard(batched)

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Many changes, one write, one announcement."""
        self._batch_depth += 1
        try:
            with self.storage.batch():
                yield
        except StorageError as exc:
            self._report(exc.message)
        finally:
            self._batch_depth -= 1
            self._changed()

    # What changed -----------------------------------------------------------------
    def note_change(self, table: str, old: Record | None, new: Record | None) -> None:
        """Log a record put (``old`` None for a new one) or deleted (``new`` None). The log
        keeps the last ``CHANGES_KEPT``: a reader further behind builds afresh."""
        if len(self._changes) >= CHANGES_KEPT:
            self._changes_start += len(self._changes)
            self._changes.clear()
        self._changes.append((table, old, new))

    @property
    def change_mark(self) -> int:
        """Where the change log stands now: pass it to :meth:`changes_since` later."""
        return self._changes_start + len(self._changes)

    def changes_since(self, mark: int) -> list[Change] | None:
        """The records put or deleted since ``mark``, in order; None when the log no longer
        reaches back that far."""
        if mark < self._changes_start:
            return None
        return self._changes[mark - self._changes_start:]

    def subscribe(self, listener: Callable[[], None]) -> None:
        """Call ``listener`` after every change (a batch counts once), saved or not.

        This is how the screens learn that the journal changed: the store announces,
        it never calls up into the app.
        """
        self._listeners.append(listener)

    def _changed(self) -> None:
        self.revision += 1
        if self._batch_depth == 0:
            for listener in list(self._listeners):
                listener()
            self._write_soon()

    def guard(self, operation: Callable[[], object]) -> bool:
        """Run a write; on failure keep the data in memory and report. True when saved."""
        try:
            operation()
        except StorageError as exc:
            self._report(exc.message)
            return False
        finally:
            self._changed()
        return True

    def retry(self) -> bool:
        """Try again to write what memory holds and the file does not (writing behind, the
        writer finishes first). True when the file has everything."""
        if self._writer is None:
            return not self.storage.dirty or self.guard(self.storage.flush)
        if self.storage.dirty and not self.pending:  # a failed write nothing retries yet
            self._write_due = True
        return self.wait_saved()

    def rescue(self) -> Path | None:
        """Copy what memory holds to a file beside the database (after a failed write); the
        copy made by an earlier failure is written again, so it has the newest entries."""
        return self.storage.save_aside()

    @property
    def read_only(self) -> bool:
        """The journal file is read-only (no owner write bit): shown, never replaced."""
        return self.storage.read_only

    @property
    def unsaved(self) -> bool:
        """Memory holds what the file does not: a write is due, under way, or failed. Never
        while the file is still being read (nothing can have changed: every change waits
        for it), so quitting then doesn't wait for the read."""
        return self.ready and self.storage.dirty

    # Writing behind (the app) ----------------------------------------------
    def write_in_background(self, after_paint: Later, on_ui: Later) -> None:
        """From now on, changes are made in memory and the file is written by one writer
        thread: the app's keys never wait on serialising and syncing the whole journal.

        ``after_paint(fn)`` (called on the app's thread) calls ``fn`` there once the
        change has been shown: serialising a whole table holds the GIL for its whole
        length (the check-ins of thirty years, ~12 ms), so such a write starts after the
        repaint, not during it. A write that serialises only a few pieces of rows (an entry
        added or changed: see ``AtomicCachedStorage.light``) starts at once.
        ``on_ui(fn)`` must be safe to call from the writer thread and never block: it
        calls ``fn`` on the app's thread soon (to settle a write's outcome: the notices).
        """
        self._after_paint, self._on_ui = after_paint, on_ui
        if self._writer is None:
            self.storage.deferred = True
            self._writer = BackgroundWriter(self._write_behind)
        if self.storage.dirty:
            self._write_soon()

    def write_in_foreground(self) -> bool:
        """Wait for the writer, stop it, and write each change before returning again (as
        the command line does); the app calls this as it ends. True when all is saved."""
        saved = self.wait_saved()
        writer, self._writer = self._writer, None
        if writer is not None:
            writer.stop()
        self.storage.deferred = False
        self._after_paint = self._on_ui = None
        self.settle()
        self._when_saved.clear()  # nothing left to come: these saves failed, and were said to
        return saved

    @property
    def pending(self) -> bool:
        """A write is due or under way, or its outcome is not yet settled (its notices not
        yet shown): "wait a moment before reading the file". False after a failure that
        nothing is retrying yet (``unsaved`` says that)."""
        return bool(self._write_due or self._outcomes
                    or (self._writer is not None and not self._writer.idle))

    def wait_saved(self, timeout: float | None = None) -> bool:
        """Write now (writing behind: start what is due, wait for the writer, settle its
        outcome here); True when the file has everything memory holds. On the app's
        thread, outside any change (the writer needs the data still to snapshot it)."""
        if self._writer is not None:
            if self.storage.changing_now:
                raise RuntimeError("waiting for the writer inside a change would never end")
            self._start_write()
            self._writer.wait(timeout)
            self.settle()
        return not self.unsaved

    def when_saved(self, say: Callable[[], None]) -> None:
        """Call ``say`` once the file holds everything memory holds now: at once when it
        does, else (writing behind) after the write under way or due succeeds. When that
        write fails ``say`` is dropped: the app said "not saved yet" instead, and the next
        good write's own words follow it. Writing directly, an unsaved store stays quiet."""
        if not self.unsaved:
            say()
        elif self.pending:
            self._when_saved.append((self.storage.changes, say))

    def settle(self) -> None:
        """On the app's thread: report each finished write (a failure as ever, through
        ``on_problem``) and say what waited for it."""
        while True:
            with self._settling:
                if not self._outcomes:
                    return
                carried, problem = self._outcomes.popleft()
            if problem is not None:
                self._report(problem)
            while self._when_saved and self._when_saved[0][0] <= carried:
                _, say = self._when_saved.popleft()
                if problem is None:
                    say()

    def _write_soon(self) -> None:
        """Writing behind: after a change, have the writer write once the app has painted,
        or at once when the write is light (nothing in it would slow the paint)."""
        if self._writer is None or self._after_paint is None or self._write_due:
            return
        if self.storage.dirty:
            self._write_due = True
            if self.storage.light:  # nothing big to serialise: no paint to hold back
                self._start_write()
            else:
                self._after_paint(self._start_write)

    def _start_write(self) -> None:
        """Hand what is due to the writer (any number of changes: one write)."""
        if self._write_due and self._writer is not None:
            self._write_due = False
            self._writer.ask()

    def _write_behind(self) -> None:
        """The writer thread's job: snapshot, check, back up, write; never raises. The
        outcome goes to the app's thread (``settle``), whose notices must not run here."""
        carried = self.storage.changes
        problem: str | None = None
        try:
            with self.storage.writing:
                if self.storage.dirty:  # not when an earlier run wrote it all already
                    payload, carried = self.storage.snapshot()
                    self.storage.commit(payload, carried)
        except StorageError as exc:
            problem = exc.message
        except Exception as exc:  # noqa: BLE001 - a save that failed oddly is still a failed save
            problem = DatabaseWriteError(self.path, f"Couldn't save to {self.path} ({exc}). "
                                         f"Your entries are safe in memory; the app will try "
                                         f"again with your next change.").message
        with self._settling:
            self._outcomes.append((carried, problem))
        on_ui = self._on_ui
        if on_ui is not None:
            try:
                on_ui(self.settle)
            except Exception:  # noqa: BLE001, S110 - the app is gone: whoever waits settles
                pass
        with self.storage.writing:  # frees the old file's space, after the news
            self.storage.let_go_of_replaced()

    def _report(self, message: str) -> None:
        self.problems.append(message)
        if self.on_problem:
            self.on_problem(message)

    def _backup(self) -> None:
        daily_backup(self.path, self.clock.today_str())

    def close(self) -> None:
        """Write what is due (writing behind), then let go of the writer lock."""
        if self._writer is not None:
            self.write_in_foreground()
        if self._lock:
            self._lock.release()
            self._lock = None
