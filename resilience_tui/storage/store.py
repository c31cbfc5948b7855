"""The typed repository: domain objects in, domain objects out.

Screens and commands talk to :class:`Store`; only this package touches
TinyDB. Each table is a :class:`Repo` that keeps its records as domain
objects in memory (built once, on first use) and writes through TinyDB to
the atomic storage. A failed write keeps everything in memory and is
reported to ``on_problem`` instead of raising, so no words are lost.
"""

from __future__ import annotations

import copy
import gc
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Generic, TypeVar

from tinydb import TinyDB
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
from . import migrations
from .atomic import AtomicCachedStorage, read_database
from .backup import daily_backup
from .errors import StorageError
from .files import private_folder
from .lock import WriterLock

T = TypeVar("T", bound=Record)


class Repo(Generic[T]):
    """One table of records of type ``T``, keyed by their ``id``."""

    def __init__(self, store: Store, name: str, cls: type[T]) -> None:
        self._store = store
        self.name = name
        self.cls = cls
        self._table = store.db.table(name, cache_size=0)
        self._objects: dict[str, T] | None = None
        self._doc_ids: dict[str, int] = {}

    def _load(self) -> dict[str, T]:
        if self._objects is None:
            raw = self._store.storage.read().get(self.name, {})
            objects: dict[str, T] = {}
            for doc_id, doc in raw.items():
                obj = self.cls.from_dict(doc)
                objects[obj.id] = obj  # type: ignore[attr-defined]
                self._doc_ids[obj.id] = int(doc_id)  # type: ignore[attr-defined]
            self._objects = objects
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
        """Insert or replace ``obj`` (stamping ``updated_at``) and save."""
        objects = self._load()
        if hasattr(obj, "updated_at"):
            obj.updated_at = self._store.clock.stamp()  # type: ignore[attr-defined]
        self._write(obj)
        objects[obj.id] = obj  # type: ignore[attr-defined]
        return obj

    def put_many(self, objs: Iterable[T], *, stamp: bool = True) -> None:
        """Insert or replace many records with one write.

        TinyDB copies the whole table on every change, so records go in with two
        table updates in all (one for new records, one for replaced ones), never
        one per record: 40,000 records take a moment, not minutes.
        """
        objects = self._load()
        existing = self._store.storage.read().get(self.name, {})
        new: dict[int, dict[str, object]] = {}
        replaced: dict[str, dict[str, object]] = {}  # by record id
        for obj in objs:
            if stamp and hasattr(obj, "updated_at"):
                obj.updated_at = self._store.clock.stamp()  # type: ignore[attr-defined]
            doc_id = self._doc_ids.get(obj.id)  # type: ignore[attr-defined]
            if doc_id is None:
                doc_id = self._next_id()
                self._doc_ids[obj.id] = doc_id  # type: ignore[attr-defined]
            if str(doc_id) in existing:
                replaced[obj.id] = obj.to_dict()  # type: ignore[attr-defined]
            else:
                new[doc_id] = obj.to_dict()
            objects[obj.id] = obj  # type: ignore[attr-defined]

        def swap(doc: dict[str, object]) -> None:
            fresh = replaced[doc["id"]]  # type: ignore[index]
            doc.clear()
            doc.update(fresh)

        with self._store.batch():
            if replaced:
                ids = [self._doc_ids[rid] for rid in replaced]
                self._store.guard(lambda: self._table.update(swap, doc_ids=ids))
            if new:
                docs = [Document(doc, doc_id=i) for i, doc in new.items()]
                self._store.guard(lambda: self._table.insert_multiple(docs))

    def delete(self, record_id: str) -> None:
        objects = self._load()
        if record_id not in objects:
            return
        doc_id = self._doc_ids.pop(record_id)
        del objects[record_id]
        self._store.guard(lambda: self._table.remove(doc_ids=[doc_id]))

    def _write(self, obj: T) -> None:
        doc = obj.to_dict()
        doc_id = self._doc_ids.get(obj.id)  # type: ignore[attr-defined]
        if doc_id is None:
            doc_id = self._next_id()
            self._doc_ids[obj.id] = doc_id  # type: ignore[attr-defined]
        self._store.guard(lambda: self._store.upsert(self._table, doc, doc_id))

    def _next_id(self) -> int:
        if getattr(self, "_last_id", None) is None:  # once: max() per record would be O(n²)
            self._last_id = max(self._doc_ids.values(), default=0)
        self._last_id += 1
        return self._last_id


class Store:
    """The database: settings plus one :class:`Repo` per table."""

    def __init__(
        self,
        path: Path,
        clock: Clock,
        *,
        writer: bool = True,
        on_problem: Callable[[str], None] | None = None,
    ) -> None:
        self.path = Path(path)
        self.clock = clock
        self.writer = writer
        self.on_problem = on_problem
        self.problems: list[str] = []
        self._lock = WriterLock(self.path) if writer else None
        if self._lock:
            if not self.path.parent.exists():
                private_folder(self.path.parent)
            self._lock.acquire()  # raises DatabaseLocked
        try:
            data, sig = read_database(self.path)  # raises DatabaseInvalid
        except StorageError:
            self.close()
            raise
        self.created = data is None
        data, migrated = migrations.migrate(data if data is not None else {})
        self.storage = AtomicCachedStorage(self.path, data, sig, self._backup)
        self.db = TinyDB(storage=lambda: self.storage)  # type: ignore[arg-type,return-value]
        self.checkins: Repo[CheckIn] = Repo(self, "checkins", CheckIn)
        self.rejections: Repo[Rejection] = Repo(self, "rejections", Rejection)
        self.selfcare: Repo[SelfCare] = Repo(self, "selfcare", SelfCare)
        self.contacts: Repo[Contact] = Repo(self, "contacts", Contact)
        self.actions: Repo[Action] = Repo(self, "actions", Action)
        self.rest_days: Repo[RestDay] = Repo(self, "rest_days", RestDay)
        self._settings = Settings.from_dict(data.get("settings", {}).get("1", {}))
        self.clock.day_start_hour = self._settings.day_start_hour
        if writer and (self.created or migrated):
            self.guard(self.storage.flush)

    # Reading ----------------------------------------------------------------
    def preload(self) -> None:
        """Build every table's records now, with the garbage collector paused.

        Years of records are tens of thousands of objects that all stay alive;
        collector passes while they are built would walk them over and over and
        free nothing. Used where every table is needed at once (the app, status).
        """
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            for repo in (self.checkins, self.rejections, self.selfcare, self.contacts,
                         self.actions, self.rest_days):
                repo.all()
        finally:
            if was_enabled:
                gc.enable()

    # Settings -------------------------------------------------------------
    @property
    def settings(self) -> Settings:
        """The current settings (a copy: change it and pass it to ``save_settings``)."""
        return copy.deepcopy(self._settings)

    @property
    def has_settings(self) -> bool:
        """True once settings were saved to this file (not just defaults)."""
        return bool(self.storage.read().get("settings"))

    def save_settings(self, settings: Settings) -> None:
        settings.validate()
        self._settings = copy.deepcopy(settings)
        self.clock.day_start_hour = settings.day_start_hour
        table = self.db.table("settings", cache_size=0)
        self.guard(lambda: self.upsert(table, settings.to_dict(), 1))

    # Writing ---------------------------------------------------------------
    def upsert(self, table: Table, doc: dict[str, object], doc_id: int) -> None:
        """Insert or replace one document with a single write.

        TinyDB's own ``upsert`` writes twice for a new document (an empty update,
        then the insert); when the first write fails the insert never happens and
        the record would be missing from memory, and so from the next good write.
        """
        if str(doc_id) in self.storage.read().get(table.name, {}):
            def replace(old: dict[str, object]) -> None:
                old.clear()
                old.update(doc)

            table.update(replace, doc_ids=[doc_id])
        else:
            table.insert(Document(doc, doc_id=doc_id))

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Many changes, one write."""
        try:
            with self.storage.batch():
                yield
        except StorageError as exc:
            self._report(exc.message)

    def guard(self, operation: Callable[[], object]) -> bool:
        """Run a write; on failure keep the data in memory and report. True when saved."""
        try:
            operation()
        except StorageError as exc:
            self._report(exc.message)
            return False
        return True

    def retry(self) -> bool:
        """Try again to write what memory holds and the file does not."""
        return not self.storage.dirty or self.guard(self.storage.flush)

    def rescue(self) -> Path | None:
        """Copy what memory holds to a file beside the database (after a failed write)."""
        return self.storage.saved_aside or self.storage.save_aside()

    @property
    def unsaved(self) -> bool:
        return self.storage.dirty

    def _report(self, message: str) -> None:
        self.problems.append(message)
        if self.on_problem:
            self.on_problem(message)

    def _backup(self) -> None:
        daily_backup(self.path, self.clock.today_str())

    def close(self) -> None:
        if self._lock:
            self._lock.release()
            self._lock = None
