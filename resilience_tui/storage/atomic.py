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

from ..domain.models import Record, Settings
from ..domain.past_plan import as_json
from ..domain.validate import ValidationError
from . import migrations
from .errors import DatabaseInvalid, DatabaseWriteError, ExternalChange
from .files import Range, Spliced, atomic_write, is_read_only, kind_of, private_folder, real_path
from .import_check import checked
from .lock import check_journal
from .pieces import PieceReader, parse_in_pieces
from .splice import LIGHT, Piece, shifted, table_parts, to_serialise

Signature = tuple[int, int, int]  # inode, size, mtime_ns


def signature(st: os.stat_result) -> Signature:
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def read_database(path: Path, reader: PieceReader | None = None,
                  ) -> tuple[dict[str, Any] | None, Signature | None]:
    """Load and check a database file; (None, None) when it does not exist yet.

    Raises DatabaseInvalid, leaving the file as it is, for anything that is not
    one of our files at a schema this version understands. With a ``reader``, a file in
    the layout this app writes is read and parsed a few hundred rows at a time, each piece
    handed to ``reader`` as it comes (see :func:`parse_in_pieces`); any other file (or one
    changed while it was read) is read again and parsed whole, as without one.
    """
    check_journal(path)  # a pipe or a device is refused before it is opened
    raw = b""
    try:
        with open(path, "rb", opener=_no_wait) as fh:
            st = os.fstat(fh.fileno())
            if not stat.S_ISREG(st.st_mode):  # swapped in since we looked
                raise DatabaseInvalid(path, f"is {kind_of(st.st_mode)}, not a database file")
            if reader is None:
                raw = fh.read()
            else:
                data = parse_in_pieces(fh.fileno(), st.st_size, reader)
                if data is not None and signature(os.fstat(fh.fileno())) != signature(st):
                    data = None  # changed as it was read: read again, whole
    except FileNotFoundError:
        return None, None
    except OSError as exc:
        raise DatabaseInvalid(path, f"can't be read ({exc.strerror or exc})") from None
    if reader is not None:
        if data is None:  # not in our layout, or damaged: read and parsed whole (and named)
            reader.start_over()
            return read_database(path)
    elif not raw or raw.isspace():
        raise DatabaseInvalid(path, "is empty")
    else:
        try:
            data = orjson.loads(raw)
        except orjson.JSONDecodeError:
            raise DatabaseInvalid(
                path, "is not valid JSON (it may be truncated or damaged)") from None
        del raw  # the file's bytes (23 MB at 30 years) are not kept beside what they parse to
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


def _depth_problem(data: dict[str, Any], chunk: int = 512) -> str | None:
    """A nesting bomb in a row would load, then fail every save (orjson writes at most
    254 levels): refused at the door. Asking orjson itself is the quick way to know
    (a C pass of a few ms, where walking ten years of rows in Python takes ~0.1 s).

    Only the rows still dicts are asked. A row the store has put its record in place of
    (:mod:`held`) is a record that passed the record check, which keeps typed fields only
    (text, numbers, lists of text, nested records) and fits a cool-down's draft, the one
    free-form field, to its step's shape or drops it (``domain.draft``): a few levels deep
    at most. Writing those records here would also cost ~100 ms at thirty years (orjson
    writes slotted records field by field).

    Asked a few hundred rows at a time, each chunk at the depth its rows have in the file
    (``[rows]``: a list, then the rows, as the file's object, then a table): the same answer
    as writing the whole file, without a second copy of the file in memory on top of the
    history just read (23 MB at 30 years)."""
    try:
        for table in data.values():  # check_shape ran first: a dict of tables of rows
            rows = [row for row in table.values() if not isinstance(row, Record)]
            for start in range(0, len(rows), chunk):
                orjson.dumps([rows[start:start + chunk]])
        orjson.dumps({name: {} for name in data})  # what the chunks left out: the names
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


def _opened(path: Path) -> int | None:
    """A read-only descriptor of ``path`` (without waiting, should it be a pipe), or None."""
    try:
        return _no_wait(str(path), os.O_RDONLY)
    except OSError:
        return None


def _braced(fd: int | None, part: Range) -> bool:
    """The range is placed as a table's rows are (``"name":{…}`` then a comma, or the file's
    last brace): a last check, four bytes read, before a range of the old file is copied
    into the new one."""
    offset, length = part
    end = offset + length
    try:
        return (fd is not None and length >= 2 and offset >= 1
                and os.pread(fd, 2, offset - 1) == b":{" and os.pread(fd, 1, end - 1) == b"}"
                and (os.pread(fd, 1, end) == b"," or end == os.fstat(fd).st_size - 1))
    except OSError:
        return False


def _close(fd: int | None) -> None:
    if fd is not None:
        try:
            os.close(fd)
        except OSError:
            pass


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
        layout: dict[str, Range] | None = None,
        pieces: dict[str, list[Piece] | None] | None = None,
    ) -> None:
        """``layout``: where each table of ``data`` is in the file as read (signature
        ``sig``), as parsing it found them, and ``pieces``: where runs of each table's rows
        are (:mod:`splice`); the first save then copies what it does not change, as later
        saves copy from the file the one before wrote."""
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
        self._replaced: int | None = None  # an open descriptor of the file the last write replaced
        # Where each table's rows are in the file as this storage last wrote it, and the
        # tables changed since (None: any may have); see ``snapshot``.
        self._layout: dict[str, Range] = layout or {}
        self._pieces: dict[str, list[Piece] | None] = dict(pieces or {})
        self._touched: set[str] | None = set() if layout else None
        # Of the tables touched, the document numbers changed or removed (None: any may
        # have been); rows added after the last piece are found by their numbers.
        self._edited: dict[str, set[int] | None] = {}
        self._next: tuple[dict[str, Range], dict[str, list[Piece] | None]] = ({}, {})

    @property
    def sig(self) -> Signature | None:
        """The file as last read or written here (None before it exists)."""
        return self._sig

    # TinyDB's interface -------------------------------------------------
    def read(self) -> dict[str, Any]:
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        """TinyDB's write, which does not say what changed: any table may have."""
        self._changed(data, None)

    def write_table(self, name: str, data: dict[str, Any], edited: set[int] | None = None,
                    ) -> None:
        """A write that changed only the rows of table ``name`` (``HeldRowsTable`` knows):
        ``edited``, the document numbers it changed or removed (None: it can't say), and
        any rows it added at the table's end."""
        self._changed(data, name, edited)

    def changed_in_place(self, name: str) -> None:
        """Table ``name`` was changed by a TinyDB write that then failed (so nothing was
        counted): the next write serialises it whole, whatever else it was told."""
        with self.changing:
            self._edited[name] = None
            if self._touched is not None:
                self._touched.add(name)

    def _changed(self, data: dict[str, Any], table: str | None,
                 edited: set[int] | None = None) -> None:
        touched = self._touched  # read once: a failed write on the writer thread resets it
        if table is None or data is not self._data or touched is None:
            self._touched = None
        else:
            before = self._edited.get(table, set())
            self._edited[table] = None if before is None or edited is None else before | edited
            touched.add(table)
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
    def light(self) -> bool:
        """The next write serialises only a few pieces of rows, those changed or added since
        the last one (``snapshot``): it holds the interpreter for a millisecond or so, not
        for whole tables."""
        touched = self._touched
        return bool(touched is not None and self._layout and all(
            to_serialise(self._data.get(name, {}), self._pieces.get(name),
                         self._edited.get(name, set())) <= LIGHT for name in touched))

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
            self.let_go_of_replaced()

    def snapshot(self) -> tuple[Spliced, int]:
        """The whole journal as the file will hold it, and the change count it carries; for
        :meth:`commit`, by the same holder of ``writing``.

        Only the rows changed or added since the last write are serialised, with the rest
        of their piece of the table (:mod:`splice`): everything else is ranges of the file
        that write made, which it still is (its signature is checked), copied as they are.
        A self-care entry at thirty years serialises one row, where it once serialised all
        23 MB (28 ms holding the interpreter in the app, on the way from the key to the
        entry on disk), and a plan ticked the ~60 check-ins around it, not 10,950; the new
        file is the same bytes as ``orjson.dumps`` of the whole journal
        (``test_spliced_saves.py``).

        Taken between changes, never inside one (``changing``); orjson holds the GIL
        for each table's dump, so nothing changes under it either."""
        with self.changing:
            touched, self._touched = self._touched, set()
            edited, self._edited = self._edited, {}
            source = self._source() if touched is not None and self._layout else None
            parts: list[bytes | Range] = [b"{"]
            layout: dict[str, Range] = {}
            pieces: dict[str, list[Piece] | None] = {}
            at = 1
            try:
                for n, (name, rows) in enumerate(self._data.items()):
                    key = (b"," if n else b"") + orjson.dumps(name) + b":"
                    at += len(key)
                    kept = self._layout.get(name) if source is not None else None
                    if kept is None or not _braced(source, kept):  # nothing to copy from
                        kept = None
                    old = self._pieces.get(name) if kept is not None else None
                    if kept is not None and name not in (touched or ()):
                        table: list[bytes | Range] = [kept]  # untouched: copied whole
                        made = None if old is None else shifted(old, at - kept[0])
                    else:
                        table, made = table_parts(rows, old, edited.get(name, set()), source)
                        made = None if made is None else shifted(made, at)
                    parts += [key, *table]
                    length = sum(p[1] if isinstance(p, tuple) else len(p) for p in table)
                    layout[name], pieces[name] = (at, length), made
                    at += length
            except BaseException:
                self._forget_layout()
                _close(source)
                raise
            parts.append(b"}")
            self._next = layout, pieces
            return Spliced(parts, source), self._changes

    def _source(self) -> int | None:
        """The file as this storage last wrote it, open for reading, or None when it is not
        that file any more (or can't be opened): then every table is serialised."""
        fd = _opened(self.target)
        if fd is not None and signature(os.fstat(fd)) != self._sig:
            _close(fd)
            return None
        return fd

    def _forget_layout(self) -> None:
        """After a failed write: the next one serialises every table."""
        with self.changing:  # never between a change's test of ``_touched`` and its use
            self._layout, self._pieces, self._touched, self._edited = {}, {}, None, {}

    def _whole(self) -> bytes:
        with self.changing:
            return orjson.dumps(self._data, default=as_json)

    def commit(self, payload: Spliced, changes: int) -> None:
        """Replace the file with ``payload`` (a :meth:`snapshot`), after checking it is still
        the file we know; raises StorageError on failure, and memory keeps everything.
        The caller holds ``writing``. A failed write forgets where the tables were: the
        next one serialises every table."""
        try:
            self._commit(payload, changes)
        except BaseException:
            self._forget_layout()
            _close(payload.source)
            raise

    def _commit(self, payload: Spliced, changes: int) -> None:
        # Asked at every write, not only at open: chmod 600 lifts it, and a journal made
        # read-only while the app is open (say, to keep it as it is) is not replaced either.
        self.read_only = _read_only(self.target)
        if self.read_only:
            raise DatabaseWriteError(
                self.path, f"Couldn't save to {self.path} (it is read-only), so it was left "
                f"as it was. To save again, make it writable: chmod 600 {self.path}")
        self._check_unchanged()
        old = payload.source if payload.source is not None else _opened(self.target)
        try:
            if self._before_write:
                self._before_write()  # the daily backup: a failure here is a failed write
            private_folder(self.target.parent)
            st = atomic_write(self.target, payload)
        except BaseException as exc:
            if old is not payload.source:  # that one ``commit`` closes
                _close(old)
            if isinstance(exc, OSError):
                raise self._write_error(exc) from None
            raise
        self._sig = signature(st)
        self._written = max(self._written, changes)
        self._layout, self._pieces = self._next
        self.let_go_of_replaced()
        self._replaced = old

    def let_go_of_replaced(self) -> None:
        """Close the file the last write replaced, which frees its space on the disk.

        Why it is held open until now: when the rename that puts the new file in place
        removes the last link to the old one, the rename itself frees the old file's
        blocks (5-7 ms for the 23 MB of thirty years, on ext4), between the key and the
        entry being on disk. Held open, the rename only swaps names, and the space is freed
        here, after the save has been reported (the writer thread) or at once (``flush``)."""
        old, self._replaced = self._replaced, None
        _close(old)

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
        payload = self._whole()
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
