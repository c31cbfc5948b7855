"""Private, atomic file writing (folder 0700, file 0600, temp + fsync + rename), and
reading only regular files: a named pipe would hang us, a device never ends, and a
link must not carry a write somewhere the user did not point us."""

from __future__ import annotations

import errno
import glob
import os
import re
import stat
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


Range = tuple[int, int]  # (offset, length) in an open file


class Spliced:
    """A file's new contents made of bytes and of ranges of another open file (the one it
    replaces), so what did not change is copied by the kernel, never serialised again nor
    passed through Python (see ``AtomicCachedStorage.snapshot``).

    ``source`` must stay open, and unchanged, until the new file is written."""

    def __init__(self, parts: list[bytes | Range], source: int | None) -> None:
        if source is None and any(isinstance(part, tuple) for part in parts):
            raise ValueError("ranges need the file they are ranges of")
        self.parts = parts
        self.source = source

    def write_to(self, fd: int) -> None:
        for part in self.parts:
            if isinstance(part, bytes):
                _write_all(fd, part)
            else:
                self._copy(part, fd)

    def _copy(self, part: Range, fd: int) -> None:
        """Copy a range of ``source`` to the end of ``fd``: in the kernel where it can
        (``copy_file_range``), else read and written in pieces."""
        assert self.source is not None
        offset, left = part
        while left:
            try:
                done = os.copy_file_range(self.source, fd, left, offset)
            except (AttributeError, OSError):  # not on this system or between these files
                done = 0
            if done <= 0:  # read and written instead
                data = os.pread(self.source, min(left, 1 << 20), offset)
                if not data:
                    raise OSError(errno.EIO, "the file being replaced ended early")
                _write_all(fd, data)
                done = len(data)
            offset += done
            left -= done


def _write_all(fd: int, payload: bytes) -> None:
    view = memoryview(payload)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _write_temp(path: Path, payload: bytes | Spliced, durable: bool = True,
                ) -> tuple[str, os.stat_result]:
    """A private (synced, when ``durable``) temporary file beside ``path``, and its stat;
    removed again on any error."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, FILE_MODE)
        if isinstance(payload, Spliced):
            payload.write_to(fd)
        else:
            _write_all(fd, payload)
        if durable:
            os.fsync(fd)
        st = os.fstat(fd)
    except BaseException as exc:
        os.close(fd)
        _unlink(tmp)
        _name(exc, path)
        raise
    os.close(fd)
    return tmp, st


def _unlink(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except FileNotFoundError:
        pass


def _name(exc: BaseException, path: Path) -> None:
    """Say which file failed: a full disk while writing has no file name of its own."""
    if isinstance(exc, OSError) and exc.filename is None:
        exc.filename = str(path)


def atomic_write(path: Path, payload: bytes | Spliced, *, durable: bool = True,
                 ) -> os.stat_result:
    """Write ``payload`` so that a crash leaves the old file or the new one, never a mix.

    ``durable=False`` skips the fsyncs, for a cache that is checked whenever it is read
    (the summary): after a crash it may be empty or old, never trusted, and a save is
    not kept waiting on the disk twice.

    Returns the new file's stat, taken from the file written (a rename changes none of
    its inode, size and mtime): a stat of ``path`` after the rename could be another
    program's file, put there a moment later. On any error the temporary file is removed and
    the old file is untouched; the error propagates, naming ``path``. A link at
    ``path`` is replaced by the file, never followed: callers that mean to write
    through a link resolve it first.
    """
    tmp, st = _write_temp(path, payload, durable)
    try:
        os.replace(tmp, path)
    except BaseException as exc:
        _unlink(tmp)
        _name(exc, path)
        raise
    if durable:
        fsync_folder(path.parent)
    return st


def atomic_write_all(payloads: dict[Path, bytes]) -> None:
    """Write several files all or none: every one to a temporary file first, and only
    when all of them are on disk, rename each into place. On an error nothing of the
    new set is left behind (the error names the file that failed)."""
    temps: list[tuple[str, Path]] = []
    try:
        for path, payload in payloads.items():
            temps.append((_write_temp(path, payload)[0], path))
        for tmp, path in temps:
            os.replace(tmp, path)
    except BaseException:
        for tmp, _ in temps:
            _unlink(tmp)
        raise
    for folder in {path.parent for path in payloads}:
        fsync_folder(folder)


def write_private(path: Path, payload: bytes) -> None:
    """Atomically write a private (0600) file, creating its folder (0700) as needed."""
    private_folder(path.parent)
    atomic_write(path, payload)


def backup_temps(path: Path) -> list[Path]:
    """Temporary files of this journal's daily backups (``backup.py`` writes
    ".<stem>-<day>….tmp"); "work-…" belongs to another journal in the same folder,
    which may be writing right now, so only our own stem followed by a day counts."""
    own = re.compile(rf"\.{re.escape(path.stem)}-\d{{4}}-\d{{2}}-\d{{2}}.*\.tmp")
    return [tmp for tmp in (path.parent / "backups").glob(".*.tmp") if own.fullmatch(tmp.name)]


def remove_stale_temps(path: Path) -> None:
    """Delete temporary files a killed writer left beside ``path`` and in its backups.

    Call only while holding the writer lock: then no write of ours is in flight.
    """
    leftovers = [*path.parent.glob(f".{glob.escape(path.name)}.*.tmp"),
                 *backup_temps(path)]
    for tmp in leftovers:
        try:
            tmp.unlink()
        except OSError:
            pass


_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe"),
          (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"),
          (stat.S_ISSOCK, "a socket"), (stat.S_ISLNK, "a symbolic link"))


def kind_of(mode: int) -> str:
    """What a non-regular file is, in plain words ("a named pipe")."""
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def real_path(path: Path) -> Path:
    """Where a link at ``path`` leads (resolved once, to write through it); else ``path``."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def is_read_only(st: os.stat_result) -> bool:
    """No write bit for the owner: the user made the file read-only on purpose (a check
    of the mode, not of access, so it holds for root too)."""
    return not st.st_mode & stat.S_IWUSR


def read_regular(path: Path, *, follow: bool = True) -> bytes:
    """The bytes of a regular file, without ever blocking on a pipe or reading a device.

    ``follow=False`` refuses a link (OSError ELOOP). Raises OSError (IsADirectoryError
    or ``errno.EINVAL`` with a plain reason) for anything that is not a regular file.
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | (0 if follow else os.O_NOFOLLOW)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as fh:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise OSError(22, f"it is {kind_of(mode)}, not a regular file", str(path))
        return fh.read()
