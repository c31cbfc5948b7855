"""Rolling daily backups next to the database, and finding a good one to restore.

Backups are named by the day they were taken (what people look for), but
ordered by when they were written: the file's modification time, which each
new backup sets past every earlier one (a counter that a wrong clock can't
turn back). So a clock that was once ahead can't make a fresh backup look
old: the one just written is never pruned, and restore picks the newest
written good one. Only regular files count; a link or anything else in
``backups/`` is skipped (``doctor`` lists it) and never followed. Temporary
files a killed backup left behind are cleaned before the next one.

They live in ``backups/`` beside the name the user gave (a link's own folder,
when the journal is a link): that is where people look, and it keeps copies
on this machine even when the journal itself is synced.
"""

from __future__ import annotations

import glob
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from .atomic import read_database
from .damage import damaged_rows
from .errors import DatabaseInvalid, DatabaseWriteError, StorageError
from .files import (
    atomic_write,
    backup_temps,
    is_read_only,
    private_folder,
    read_regular,
    real_path,
)

KEEP = 14
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
ORDER_STEP = 1_000_000_000  # a new backup's time is at least this past the newest one's


def backup_folder(db_path: Path) -> Path:
    return db_path.parent / "backups"


def backup_path(db_path: Path, day: str, n: int = 0) -> Path:
    extra = f".{n}" if n else ""  # a second name, only when the first is taken by a stranger
    return backup_folder(db_path) / f"{db_path.stem}-{day}{extra}{db_path.suffix or '.json'}"


def daily_backup(db_path: Path, day: str, keep: int = KEEP) -> Path | None:
    """Copy the file as it is now to today's backup, once a day; keep the ``keep`` newest
    written, always including this one. (Called before every save: the usual case, today's
    backup already there, costs one ``lstat``.)"""
    if _is_regular(backup_path(db_path, day)) or not db_path.is_file():
        return None
    if any(b.day == day for b in list_backups(db_path)):  # under a second name
        return None
    free = (p for n in range(1, 100) if not os.path.lexists(p := backup_path(db_path, day, n)))
    usual = backup_path(db_path, day)
    # A link or a folder that took today's name is skipped, not followed.
    target = next(free, None) if os.path.lexists(usual) else usual
    if target is None:
        return None
    private_folder(backup_folder(db_path))
    _remove_temps(db_path)
    newest = max((b.written for b in list_backups(db_path)), default=0)
    st = atomic_write(target, read_regular(db_path))
    if st.st_mtime_ns <= newest:  # the clock was once ahead: still, this one is the newest
        os.utime(target, ns=(newest + ORDER_STEP, newest + ORDER_STEP))
    for old in list_backups(db_path)[keep:]:
        if old.path != target:
            old.path.unlink(missing_ok=True)
    return target


def _is_regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def _remove_temps(db_path: Path) -> None:
    """Temporary files of this database's backups, left by a killed writer (we hold the
    writer lock, so no backup of ours is being written now)."""
    for tmp in backup_temps(db_path):
        tmp.unlink(missing_ok=True)


@dataclass(frozen=True)
class BackupInfo:
    """One backup file: its day, size, when it was written, and whether it reads as good."""

    path: Path
    day: str
    size: int
    problem: str | None
    written: int = 0  # modification time in ns: the order backups were written in
    damaged: int = 0  # records the app would set aside after restoring it (doctor says so)

    @property
    def valid(self) -> bool:
        return self.problem is None


def _candidates(db_path: Path) -> list[tuple[Path, str]]:
    folder = backup_folder(db_path)
    if not folder.is_dir():
        return []
    prefix = f"{db_path.stem}-"
    found = []
    for path in folder.glob(f"{glob.escape(prefix)}*"):
        day = path.name[len(prefix):].split(".")[0]
        if DAY.fullmatch(day):  # not e.g. "work-2026-03-01": another database's backup
            found.append((path, day))
    return found


def list_backups(db_path: Path, check: bool = False,
                 today: date | None = None) -> list[BackupInfo]:
    """Backups of this database, newest written first; ``check`` reads each to say if it
    is good. Anything that is not a regular file is left out (see ``odd_backups``).

    Good means what it means for the journal itself: our file at a known schema with
    sound settings (else ``problem``); given ``today``, each record also goes through
    the one record check, and ``damaged`` counts those the app would set aside."""
    found = []
    for path, day in _candidates(db_path):
        try:
            st = os.lstat(path)
        except OSError:
            continue
        if not stat.S_ISREG(st.st_mode):
            continue
        problem, damaged = None, 0
        if check:
            try:
                data, _ = read_database(path)
            except DatabaseInvalid as exc:
                problem = exc.reason
            else:
                if today is not None and data is not None:
                    damaged = len([d for d in damaged_rows(data, today) if not d.dropped])
        found.append(BackupInfo(path, day, st.st_size, problem, st.st_mtime_ns, damaged))
    return sorted(found, key=lambda b: (b.written, b.day), reverse=True)


def odd_backups(db_path: Path) -> list[Path]:
    """Entries named like backups that are links, folders, pipes…: skipped, never read."""
    odd = []
    for path, _ in _candidates(db_path):
        if os.path.lexists(path) and not _is_regular(path):
            odd.append(path)
    return sorted(odd)


def find_backup(db_path: Path, name: str) -> Path:
    """``--from``: a path, or just a file name as ``doctor`` lists it (a backup, or a copy
    kept beside the database by an earlier restore, so a restore can be undone)."""
    given = Path(name).expanduser()
    if given.exists() or given.is_absolute() or len(given.parts) > 1:
        return given
    for folder in (backup_folder(db_path), db_path.parent):
        if (folder / name).exists():
            return folder / name
    return given


def restore(db_path: Path, source: Path | None = None,
            now: Callable[[], datetime] = datetime.now) -> tuple[Path, Path | None]:
    """Put a good backup in place; the current file is kept aside first.

    Returns (the backup used, where the old file was kept or None). Raises
    StorageError when there is no good backup yet, and DatabaseInvalid when
    ``source`` is not a good database. Nothing changes unless it succeeds. ``now``
    (the app's clock) names the copy of the current file.
    """
    if source is None:
        good = [b for b in list_backups(db_path, check=True) if b.valid]
        if not good:
            raise StorageError(db_path, f"There is no good backup of {db_path} to restore yet "
                               f"(one is taken each day before the first change). Nothing "
                               f"was changed.")
        source = good[0].path
    else:
        if source.is_symlink():
            raise StorageError(source, f"{source} is a link; give the backup file itself, "
                               f"so nothing is read from elsewhere. Nothing was changed.")
        if not source.is_file():
            raise StorageError(source, f"{source} is not a file. 'resilience doctor' lists "
                               f"the backups there are. Nothing was changed.")
        if source.resolve() == db_path.resolve():
            raise StorageError(source, f"{source} is the database itself; pick a backup.")
        read_database(source)  # raises DatabaseInvalid when it is not a good database
    if db_path.exists() and is_read_only(os.stat(db_path)):
        raise StorageError(db_path, f"{db_path} is read-only, so it was not replaced and "
                           f"nothing was restored. To restore, first run: chmod 600 {db_path}")
    try:
        payload = read_regular(source, follow=False)
    except OSError as exc:
        raise StorageError(source, f"{source} can't be read ({exc.strerror or exc}). "
                           f"Nothing was changed.") from None
    kept = None
    try:
        if db_path.exists():
            kept = _free_name(db_path, now().strftime("%Y%m%d-%H%M%S"))
            atomic_write(kept, read_regular(db_path))
        private_folder(db_path.parent)
        atomic_write(real_path(db_path), payload)  # through a link, never replacing it
    except OSError as exc:
        if kept is not None:
            kept.unlink(missing_ok=True)  # nothing was replaced, so there is nothing to keep
        raise DatabaseWriteError(db_path, f"Couldn't write {db_path} ({exc.strerror or exc}); "
                                 f"it was left as it was, and nothing was restored.") from None
    return source, kept


def _free_name(db_path: Path, stamp: str) -> Path:
    """Where to keep the file a restore replaces: never over an earlier kept copy."""
    base = db_path.with_name(f"{db_path.name}.before-restore-{stamp}")
    n = 1
    kept = base
    while os.path.lexists(kept):
        n += 1
        kept = base.with_name(f"{base.name}-{n}")
    return kept
