"""One process at a time, on every platform: ``flock`` where there is one (Linux, macOS,
the BSDs), ``msvcrt``'s byte-range lock on Windows.

Both are advisory locks the system drops when the process ends, however it ends,
so a crash never leaves the journal locked. Flags that only exist on some systems
(``O_NOFOLLOW``, ``O_NONBLOCK``) are used where they exist.
"""

from __future__ import annotations

import os
from types import ModuleType

fcntl: ModuleType | None
msvcrt: ModuleType | None
try:
    import fcntl
    msvcrt = None
except ImportError:  # Windows
    fcntl = None
    import msvcrt

NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
NONBLOCK = getattr(os, "O_NONBLOCK", 0)
CLOEXEC = getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOINHERIT", 0)


def try_lock(fd: int) -> bool:
    """Take the exclusive lock without waiting; False when another process holds it."""
    if fcntl is not None:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True
    assert msvcrt is not None
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    except OSError:
        return False
    return True


def held_elsewhere(fd: int) -> bool:
    """True when another process holds the lock (we take nothing we keep)."""
    if fcntl is not None:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        return False
    if not try_lock(fd):
        return True
    unlock(fd)
    return False


def unlock(fd: int) -> None:
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_UN)
        return
    assert msvcrt is not None
    os.lseek(fd, 0, os.SEEK_SET)
    msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)


def read_at_start(fd: int, size: int) -> bytes:
    """The first ``size`` bytes (``pread`` where there is one)."""
    if hasattr(os, "pread"):
        return os.pread(fd, size, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    return os.read(fd, size)


def write_at_start(fd: int, data: bytes) -> None:
    """Replace the file's contents with ``data``."""
    os.ftruncate(fd, 0)
    if hasattr(os, "pwrite"):
        os.pwrite(fd, data, 0)
        return
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, data)
