"""Rolling daily backups next to the database, and finding a good one to restore."""

from __future__ import annotations

import glob
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from .atomic import read_database
from .damage import damaged_rows
from .errors import DatabaseInvalid, DatabaseWriteError, StorageError
from .files import atomic_write, private_folder

KEEP = 14
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def backup_folder(db_path: Path) -> Path:
    return db_path.parent / "backups"


def backup_path(db_path: Path, day: str) -> Path:
    return backup_folder(db_path) / f"{db_path.stem}-{day}{db_path.suffix or '.json'}"


def daily_backup(db_path: Path, day: str, keep: int = KEEP) -> Path | None:
    """Copy the file as it is now to today's backup, once a day; keep the newest ``keep``."""
    target = backup_path(db_path, day)
    if target.exists() or not db_path.is_file():
        return None
    private_folder(backup_folder(db_path))
    atomic_write(target, db_path.read_bytes())
    for old in list_backups(db_path)[keep:]:
        old.path.unlink(missing_ok=True)
    return target


@dataclass(frozen=True)
class BackupInfo:
    """One backup file: its day, size, and whether it reads as a good database."""

    path: Path
    day: str
    size: int
    problem: str | None
    damaged: int = 0  # records the app would set aside after restoring it (doctor says so)

    @property
    def valid(self) -> bool:
        return self.problem is None


def list_backups(db_path: Path, check: bool = False,
                 today: date | None = None) -> list[BackupInfo]:
    """Backups of this database, newest first; ``check`` reads each to say if it is good.

    Good means what it means for the journal itself: our file at a known schema with
    sound settings (else ``problem``); given ``today``, each record also goes through
    the one record check, and ``damaged`` counts those the app would set aside."""
    folder = backup_folder(db_path)
    if not folder.is_dir():
        return []
    prefix = f"{db_path.stem}-"
    found = []
    for path in folder.glob(f"{glob.escape(prefix)}*"):
        day = path.name[len(prefix):].split(".")[0]
        if not DAY.fullmatch(day):  # e.g. "work-2026-03-01": another database's backup
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
        found.append(BackupInfo(path, day, path.stat().st_size, problem, damaged))
    return sorted(found, key=lambda b: b.day, reverse=True)


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
        if not source.is_file():
            raise StorageError(source, f"{source} is not a file. 'resilience doctor' lists "
                               f"the backups there are. Nothing was changed.")
        if source.resolve() == db_path.resolve():
            raise StorageError(source, f"{source} is the database itself; pick a backup.")
        read_database(source)  # raises DatabaseInvalid when it is not a good database
    payload = source.read_bytes()
    kept = None
    try:
        if db_path.exists():
            stamp = now().strftime("%Y%m%d-%H%M%S")
            kept = db_path.with_name(f"{db_path.name}.before-restore-{stamp}")
            atomic_write(kept, db_path.read_bytes())
        private_folder(db_path.parent)
        atomic_write(db_path, payload)
    except OSError as exc:
        if kept is not None:
            kept.unlink(missing_ok=True)  # nothing was replaced, so there is nothing to keep
        raise DatabaseWriteError(db_path, f"Couldn't write {db_path} ({exc.strerror or exc}); "
                                 f"it was left as it was, and nothing was restored.") from None
    return source, kept
