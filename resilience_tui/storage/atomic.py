"""A TinyDB storage that keeps the parsed data in memory and writes atomically.

Reads never touch the disk after the first load. Each write serialises the
whole database with orjson and replaces the file atomically. Before writing
it checks the file is still the one it loaded (same inode, size and mtime):
if another program changed it, it refuses and saves our copy beside it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from . import migrations
from .errors import DatabaseInvalid, DatabaseWriteError, ExternalChange
from .files import atomic_write, private_folder

Signature = tuple[int, int, int]  # inode, size, mtime_ns


def signature(st: os.stat_result) -> Signature:
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def read_database(path: Path) -> tuple[dict[str, Any] | None, Signature | None]:
    """Load and check a database file; (None, None) when it does not exist yet.

    Raises DatabaseInvalid, leaving the file as it is, for anything that is not
    one of our files at a schema this version understands.
    """
    if path.is_dir():
        raise DatabaseInvalid(path, "is a folder, not a database file")
    try:
        with open(path, "rb") as fh:
            st = os.fstat(fh.fileno())
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
    problem = migrations.check_shape(data)
    if problem:
        raise DatabaseInvalid(path, problem)
    if migrations.newer_than_supported(data):
        raise DatabaseInvalid(
            path, f"was written by a newer version of resilience-tui (schema "
            f"{migrations.schema_of(data)}); please update the app"
        )
    return data, signature(st)


class AtomicCachedStorage(Storage):
    """TinyDB storage over one JSON file: cached reads, atomic checked writes."""

    def __init__(
        self,
        path: str | Path,
        data: dict[str, Any] | None = None,
        sig: Signature | None = None,
        before_write: Callable[[], None] | None = None,
    ) -> None:
        self.path = Path(path)
        self._data: dict[str, Any] = data if data is not None else {}
        self._sig = sig
        self._before_write = before_write
        self._batch = 0
        self._dirty = False
        self.saved_aside: Path | None = None

    # TinyDB's interface -------------------------------------------------
    def read(self) -> dict[str, Any]:
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        self._data = data
        self._dirty = True
        if self._batch == 0:
            self.flush()

    def close(self) -> None:
        pass

    # Ours ---------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        """True while the memory holds changes the file does not."""
        return self._dirty

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Group many changes into one write."""
        self._batch += 1
        try:
            yield
        finally:
            self._batch -= 1
        if self._batch == 0 and self._dirty:
            self.flush()

    def flush(self) -> None:
        """Write the in-memory data to disk now (raises on failure, data kept)."""
        self._check_unchanged()
        if self._before_write:
            self._before_write()
        payload = orjson.dumps(self._data)
        try:
            private_folder(self.path.parent)
            st = atomic_write(self.path, payload)
        except OSError as exc:
            raise DatabaseWriteError(
                self.path,
                f"Couldn't save to {self.path} ({exc.strerror or exc}). Your entries are "
                f"safe in memory; the app will try again with your next change.",
            ) from None
        self._sig = signature(st)
        self._dirty = False

    def _check_unchanged(self) -> None:
        if self._sig is None:
            return
        try:
            current = signature(os.stat(self.path))
        except FileNotFoundError:
            return  # deleted: writing recreates it, nothing is overwritten
        if current != self._sig:
            aside = self.save_aside()
            where = f" Your newer entries were saved to {aside}." if aside else ""
            raise ExternalChange(
                self.path,
                f"{self.path} was changed by another program since it was opened, so it "
                f"was not overwritten.{where} Quit and reopen to see the file as it is now.",
            )

    def save_aside(self) -> Path | None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = self.saved_aside or self.path.with_name(f"{self.path.name}.unsaved-{stamp}")
        try:
            atomic_write(aside, orjson.dumps(self._data))
        except OSError:
            return None
        self.saved_aside = aside
        return aside
