"""When the app dies of an unexpected error: the details go to a file, the user gets one line.

A traceback on the terminal frightens and helps nobody; a traceback nowhere
helps nobody either. So it is written to a private file (0600) beside the
journal, never followed through a symlink and never outside the journal's
folder, and the command exits 1 with one line saying whether the journal is
safe and where the details are.
"""

from __future__ import annotations

import glob
import os
import platform
from datetime import datetime
from pathlib import Path

from .. import __version__

KEEP = 10  # crash logs kept beside the journal; older ones are removed


def crash_log_name(db_path: Path, when: datetime, attempt: int = 0) -> Path:
    suffix = f"-{attempt + 1}" if attempt else ""
    return db_path.with_name(f"{db_path.name}.crash-{when:%Y%m%d-%H%M%S}{suffix}.log")


def write_crash_log(db_path: Path, when: datetime, details: str) -> Path:
    """Write ``details`` to a new private file beside the journal; raises OSError."""
    text = (f"resilience-tui {__version__} on Python {platform.python_version()}, "
            f"{when.isoformat(timespec='seconds')}\n\n{details}")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW
    for attempt in range(100):
        target = crash_log_name(db_path, when, attempt)
        try:
            fd = os.open(target, flags, 0o600)
        except FileExistsError:
            continue  # two crashes in one second (or a fixed clock): never overwrite one
        try:
            os.write(fd, text.encode("utf-8", "backslashreplace"))
            os.fsync(fd)
        finally:
            os.close(fd)
        _prune(db_path)
        return target
    raise FileExistsError(f"too many crash logs beside {db_path}")


def _prune(db_path: Path) -> None:
    logs = sorted(db_path.parent.glob(f"{glob.escape(db_path.name)}.crash-*.log"),
                  key=lambda p: p.lstat().st_mtime_ns, reverse=True)
    for old in logs[KEEP:]:
        try:
            old.unlink()
        except OSError:
            pass


def crash_line(db_path: Path, log: Path | None, log_error: str | None,
               saved: bool, aside: Path | None) -> str:
    """The one line on stderr after a crash."""
    if saved:
        journal = f"your journal is safe: everything you saved is in {db_path}"
    elif aside:
        journal = f"your latest entries are not in {db_path}, but a copy with them is in {aside}"
    else:
        journal = f"your latest entries could not be saved to {db_path}"
    details = (f"The details are in {log}." if log
               else f"The details could not be written down ({log_error}).")
    return f"resilience: something went wrong and the app closed; {journal}. {details}"
