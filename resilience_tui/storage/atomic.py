"""A TinyDB storage that keeps the parsed data in memory and writes atomically.

Reads never touch the disk after the first load. Each write serialises the
whole database with orjson and replaces the file atomically. Before writing
it checks the file is still the one it loaded (same inode, size and mtime):
if another program changed it, it refuses and saves our copy beside it.

A journal that is a link (into a synced folder, say) is resolved once, when it
is opened, and written through: the new file replaces the link's target in the
target's folder, and the link stays a link. A read-only journal (no owner write
bit) is read as usual and never replaced: each save is refused with a note.

The app writes behind (see ``Store.write_in_background``): its thread changes the data
and a writer thread serialises and writes it later. Two locks keep that sound. Every
change to the cached data happens inside :meth:`batch`, which holds ``changing``; a
snapshot (the ``orjson.dumps`` of the whole journal) takes the same lock, so it never
sees half a change (say, a self-care entry without the contact it noted). And one write
of the file at a time (``writing``), whichever thread asks. Changes are counted, and each
write notes the count it carried, so "is the file behind memory?" has one answer from
either thread: ``dirty``.
"""

from __future__ import annotations

import os
import stat
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from ..domain.models import Settings
from ..domain.validate import ValidationError
from . import migrations
from .errors import DatabaseInvalid, DatabaseWriteError, ExternalChange
from .files import atomic_write, is_read_only, kind_of, private_folder, real_path
from .import_check import checked
from .lock import check_journal

Signature = tuple[int, int, int]  # inode, size, mtime_ns


def signature(st: os.stat_result) -> Signature:
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def read_database(path: Path) -> tuple[dict[str, Any] | None, Signature | None]:
    """Load and check a database file; (None, None) when it does not exist yet.

    Raises DatabaseInvalid, leaving the file as it is, for anything that is not
    one of our files at a schema this version understands.
    """
    check_journal(path)  # a pipe or a device is refused before it is opened
    try:
        with open(path, "rb", opener=_no_wait) as fh:
            st = os.fstat(fh.fileno())
            if not stat.S_ISREG(st.st_mode):  # swapped in since we looked
                raise DatabaseInvalid(path, f"is {kind_of(st.st_mode)}, not a database file")
            raw = fh.read()
    except FileNotFoundError:
        return None, None
    except OSError as exc:
        raise DatabaseInvalid(path, f"can't be read ({exc.strerror or exc})") from None
    if not raw.strip():
        raise DatabaseInvalid(path, "is empty")
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError:
        raise DatabaseInvalid(path, "is not valid JSON (it may be truncated or damaged)") from None
    if migrations.newer_than_supported(data):
        raise DatabaseInvalid(
            path, f"was written by a newer version of resilience-tui (schema "
            f"{migrations.schema_of(data)}); please update the app"
        )
    problem = migrations.check_shape(data) or _depth_problem(data) or _settings_problem(data)
    if problem:
        raise DatabaseInvalid(path, problem)
    return data, signature(st)


def _no_wait(path: str, flags: int) -> int:
    """Open without blocking: a pipe swapped in after the check must not hang us."""
    return os.open(path, flags | os.O_NONBLOCK)


def _depth_problem(data: dict[str, Any]) -> str | None:
    """A nesting bomb in a row would load, then fail every save (orjson writes at most
    254 levels): refused at the door. Asking orjson itself is the quick way to know
    (a C pass of a few ms, where walking ten years of rows in Python takes ~0.1 s)."""
    try:
        orjson.dumps(data)
    except orjson.JSONEncodeError:
        return "nests lists and objects too deep to be a file this app wrote"
    return None


def _settings_problem(data: dict[str, Any]) -> str | None:
    """Settings drive the clock and every screen, so damaged ones stop us at the door
    (exit 4 with the field named; ``doctor`` and ``restore`` still work). The check is
    the one every record gets, types included: ``"day_start_hour": "4"`` is refused here
    rather than breaking every command later."""
    for row in data.get("settings", {}).values():
        try:
            checked(Settings, row, with_id=False)
        except ValidationError as exc:
            return f"its settings are damaged ({exc.field.replace('_', ' ')} {exc.message})"
    return None


def _read_only(path: Path) -> bool:
    try:
        return is_read_only(os.stat(path))
    except OSError:
        return False


class AtomicCachedStorage(Storage):
    """TinyDB storage over one JSON file: cached reads, atomic checked writes."""

    def __init__(
        self,
        path: str | Path,
        data: dict[str, Any] | None = None,
        sig: Signature | None = None,
        before_write: Callable[[], None] | None = None,
        now: Callable[[], datetime] = datetime.now,
    ) -> None:
        self.path = Path(path)  # the name the user gave (shown in every message)
        self.target = real_path(self.path)  # the file written: a link's target, resolved once
        self.read_only = sig is not None and _read_only(self.target)
        self._now = now  # names the copies kept aside (the Store passes its clock)
        self._data: dict[str, Any] = data if data is not None else {}
        self._sig = sig
        self._before_write = before_write
        self._batch = 0
        self._changes = 0  # changes made to the data in memory, counted
        self._written = 0  # the count the newest write of the file carried
        self.changing = threading.RLock()  # held while the data changes (see the module doc)
        self.writing = threading.Lock()  # held while the file is checked and written
        self.deferred = False  # the store writes behind: changes never write here
        self.saved_aside: Path | None = None

    @property
    def sig(self) -> Signature | None:
        """The file as last read or written here (None before it exists)."""
        return self._sig

    # TinyDB's interface -------------------------------------------------
    def read(self) -> dict[str, Any]:
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        self._data = data
        self._changes += 1
        if self._batch == 0 and not self.deferred:
            self.flush()

    def close(self) -> None:
        pass

    # Ours ---------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        """True while the memory holds changes the file does not (a write asked for, under
        way, or failed)."""
        return self._written < self._changes

    @property
    def changes(self) -> int:
        """How many changes memory has had: a write carrying this count has them all."""
        return self._changes

    @property
    def changing_now(self) -> bool:
        """Inside a batch: the data is part-way through a change."""
        return self._batch > 0

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Group many changes into one write (one snapshot never sees part of them)."""
        if self._batch == 0:
            self.changing.acquire()
        self._batch += 1
        try:
            yield
        finally:
            self._batch -= 1
            if self._batch == 0:
                self.changing.release()
        if self._batch == 0 and self.dirty and not self.deferred:
            self.flush()

    def flush(self) -> None:
        """Write the in-memory data to disk now (raises on failure, data kept)."""
        if not self.dirty:
            self._changes += 1  # until this write succeeds, the file may lack what memory holds
        with self.writing:
            self.commit(*self.snapshot())

    def snapshot(self) -> tuple[bytes, int]:
        """The whole journal as the file will hold it, and the change count it carries.

        Taken between changes, never inside one (``changing``); orjson holds the GIL
        for the whole dump, so nothing changes under it either."""
        with self.changing:
            return orjson.dumps(self._data), self._changes

    def commit(self, payload: bytes, changes: int) -> None:
        """Replace the file with ``payload`` (a :meth:`snapshot`), after checking it is still
        the file we know; raises StorageError on failure, and memory keeps everything.
        The caller holds ``writing``."""
        self.read_only = self.read_only and _read_only(self.target)  # chmod 600 lifts it
        if self.read_only:
            raise DatabaseWriteError(
                self.path, f"Couldn't save to {self.path} (it is read-only), so it was left "
                f"as it was. To save again, make it writable: chmod 600 {self.path}")
        self._check_unchanged()
        try:
            if self._before_write:
                self._before_write()  # the daily backup: a failure here is a failed write
            private_folder(self.target.parent)
            st = atomic_write(self.target, payload)
        except OSError as exc:
            raise self._write_error(exc) from None
        self._sig = signature(st)
        self._written = max(self._written, changes)

    def _write_error(self, exc: OSError) -> DatabaseWriteError:
        return DatabaseWriteError(
            self.path,
            f"Couldn't save to {self.path} ({exc.strerror or exc}). Your entries are "
            f"safe in memory; the app will try again with your next change.",
        )

    def _check_unchanged(self) -> None:
        try:
            current = signature(os.stat(self.target))
        except FileNotFoundError:
            return  # deleted: writing recreates it, nothing is overwritten
        except OSError as exc:
            raise self._write_error(exc) from None
        if current != self._sig:  # changed, or created by someone else after we looked
            aside = self.save_aside()
            where = (f" Your copy, with your newest entries, is in {aside}; to use it "
                     f"instead, quit and run: resilience --db {self.path} restore --from {aside}"
                     if aside else "")
            raise ExternalChange(
                self.path,
                f"{self.path} was changed by another program since it was opened, so it "
                f"was not overwritten. Quit and reopen to see it as it is now.{where}",
            )

    def save_aside(self) -> Path | None:
        """Copy what memory holds to a private file beside the database, or failing
        that (a full disk, a read-only folder) to the temporary folder. None if neither."""
        stamp = self._now().strftime("%Y%m%d-%H%M%S")
        name = f"{self.path.name}.unsaved-{stamp}"
        payload, _ = self.snapshot()
        places = [self.saved_aside] if self.saved_aside else []
        places += [self.path.with_name(name), Path(tempfile.gettempdir()) / name]
        for aside in places:
            try:
                atomic_write(aside, payload)
            except OSError:
                continue
            self.saved_aside = aside
            return aside
        return None
