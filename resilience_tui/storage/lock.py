"""The single-writer lock: a ``.lock`` file beside the journal's real file, held with flock
(``msvcrt``'s lock on Windows: see ``locking``). The file stays; the lock on it is what
counts, and the system drops it when the process ends.

The lock is opened without following a link (``O_NOFOLLOW``) and only ever
written when it is a plain file of ours: a link planted at its name must
not let us truncate some other file. For a journal that is a link (into a
synced folder, say), the lock sits beside the file the link leads to, so
two names for one file still mean one writer.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from .errors import DatabaseInvalid, DatabaseLocked, UnsafeLock
from .files import kind_of, real_path, remove_stale_temps
from .locking import (
    CLOEXEC,
    NOFOLLOW,
    NONBLOCK,
    held_elsewhere,
    read_at_start,
    try_lock,
    unlock,
    write_at_start,
)

PID_BYTES = 32  # a lock file holds a process number and nothing else


def check_journal(db_path: Path) -> None:
    """Refuse at once a journal path that is a pipe, device, socket or folder.

    A pipe would block the first read forever; a device never ends. A missing
    file is fine (it is created on the first save).
    """
    try:
        mode = os.stat(db_path).st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise DatabaseInvalid(db_path, f"can't be read ({exc.strerror or exc})") from None
    if not stat.S_ISREG(mode):
        raise DatabaseInvalid(db_path, f"is {kind_of(mode)}, not a database file")


def _open_lock(path: Path) -> int:
    flags = os.O_RDWR | os.O_CREAT | NOFOLLOW | NONBLOCK | CLOEXEC
    try:
        fd = os.open(path, flags, 0o600)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UnsafeLock(path, "is a symbolic link") from None
        if exc.errno == errno.EISDIR:
            raise UnsafeLock(path, "is a folder") from None
        raise
    st = os.fstat(fd)
    problem = None
    if not stat.S_ISREG(st.st_mode):
        problem = f"is {kind_of(st.st_mode)}"
    elif st.st_nlink > 1:
        problem = "is also another file under a second name (a hard link)"
    elif st.st_size > PID_BYTES:
        problem = "holds more than a process number"
    if problem:
        os.close(fd)
        raise UnsafeLock(path, problem)
    return fd


class WriterLock:
    """Held while a process may write the database; released on close or exit."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        real = real_path(db_path)
        self.path = real.with_name(real.name + ".lock")
        self._fd: int | None = None

    def acquire(self) -> None:
        check_journal(self.db_path)  # before anything is created beside it
        fd = _open_lock(self.path)
        if not try_lock(fd):
            holder = read_at_start(fd, PID_BYTES).decode(errors="replace").strip()
            os.close(fd)
            raise DatabaseLocked(self.db_path, holder)
        # Ours: a plain, single-named file of at most a process number.
        write_at_start(fd, str(os.getpid()).encode())
        self._fd = fd
        # Only the lock holder writes, so a temp file still here was left by a killed writer.
        for path in {self.db_path, real_path(self.db_path)}:
            remove_stale_temps(path)

    def is_held_elsewhere(self) -> bool:
        """True when another process holds the lock (we don't keep it)."""
        try:
            fd = os.open(self.path, os.O_RDONLY | NOFOLLOW | NONBLOCK | CLOEXEC)
        except OSError:
            return False
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return False
            return held_elsewhere(fd)
        finally:
            os.close(fd)

    def release(self) -> None:
        if self._fd is not None:
            unlock(self._fd)
            os.close(self._fd)
            self._fd = None
