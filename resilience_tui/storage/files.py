"""Private, atomic file writing: folder 0700, file 0600, temp + fsync + rename."""

from __future__ import annotations

import glob
import os
import tempfile
from pathlib import Path

FOLDER_MODE = 0o700
FILE_MODE = 0o600


def private_folder(folder: Path) -> Path:
    """Create ``folder`` (and parents) as 0700 whatever the umask.

    A folder that already exists is left as it is: the user may have pointed
    ``--db`` into a shared folder, which is not ours to change.
    """
    missing = []
    step = folder
    while not step.exists() and step != step.parent:
        missing.append(step)
        step = step.parent
    # Parents we create are private too: with umask 000 they would be world-writable,
    # and anyone could then move our folder aside.
    for new in reversed(missing):
        new.mkdir(mode=FOLDER_MODE, exist_ok=True)
        os.chmod(new, FOLDER_MODE)
    return folder


def fsync_folder(folder: Path) -> None:
    """Make a rename durable. Some filesystems refuse fsync on a folder; the rename stands."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write(path: Path, payload: bytes) -> os.stat_result:
    """Write ``payload`` so that a crash leaves the old file or the new one, never a mix.

    Returns the new file's stat. On any error the temporary file is removed and
    the old file is untouched; the error propagates.
    """
    folder = path.parent
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        os.fchmod(fd, FILE_MODE)
        view = memoryview(payload)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
        os.close(fd)
        fd = -1
        os.replace(tmp, path)
    except BaseException:
        if fd >= 0:
            os.close(fd)
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    fsync_folder(folder)
    return os.stat(path)


def write_private(path: Path, payload: bytes) -> None:
    """Atomically write a private (0600) file, creating its folder (0700) as needed."""
    private_folder(path.parent)
    atomic_write(path, payload)


def remove_stale_temps(path: Path) -> None:
    """Delete temporary files a killed writer left beside ``path`` and in its backups.

    Call only while holding the writer lock: then no write of ours is in flight.
    """
    leftovers = [*path.parent.glob(f".{glob.escape(path.name)}.*.tmp"),
                 # and the daily backup's (backup.py names them "<stem>-<day><suffix>")
                 *(path.parent / "backups").glob(f".{glob.escape(path.stem)}-*.tmp")]
    for tmp in leftovers:
        try:
            tmp.unlink()
        except OSError:
            pass
