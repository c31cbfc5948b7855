"""Rolling daily backups next to the database, and finding a good one to restore."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .atomic import read_database
from .errors import DatabaseInvalid
from .files import atomic_write, private_folder

KEEP = 14


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

    @property
    def valid(self) -> bool:
        return self.problem is None


def list_backups(db_path: Path, check: bool = False) -> list[BackupInfo]:
    """Backups of this database, newest first; ``check`` reads each to say if it is good."""
    folder = backup_folder(db_path)
    if not folder.is_dir():
        return []
    prefix = f"{db_path.stem}-"
    found = []
    for path in folder.glob(f"{prefix}*"):
        day = path.name[len(prefix):].split(".")[0]
        problem = None
        if check:
            try:
                read_database(path)
            except DatabaseInvalid as exc:
                problem = exc.reason
        found.append(BackupInfo(path, day, path.stat().st_size, problem))
    return sorted(found, key=lambda b: b.day, reverse=True)


def restore(db_path: Path, source: Path | None = None) -> tuple[Path, Path | None]:
    """Put a good backup in place; the current file is kept aside first.

    Returns (the backup used, where the old file was kept or None).
    Raises DatabaseInvalid when no good backup exists or ``source`` is not good.
    """
    if source is None:
        good = [b for b in list_backups(db_path, check=True) if b.valid]
        if not good:
            raise DatabaseInvalid(db_path, "has no good backup to restore from")
        source = good[0].path
    else:
        if not source.is_file():
            raise DatabaseInvalid(source, "does not exist")
        read_database(source)  # raises when it is not a good database
    kept = None
    if db_path.exists():
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        kept = db_path.with_name(f"{db_path.name}.before-restore-{stamp}")
        shutil.copy2(db_path, kept)
        os.chmod(kept, 0o600)
    private_folder(db_path.parent)
    atomic_write(db_path, source.read_bytes())
    return source, kept
