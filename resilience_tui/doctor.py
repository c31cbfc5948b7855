"""``resilience doctor``: a calm check of the database file and its backups."""

from __future__ import annotations

import stat
from collections import Counter
from pathlib import Path

from .clock import Clock
from .domain.validate import ValidationError
from .storage.atomic import read_database
from .storage.backup import list_backups
from .storage.errors import DatabaseInvalid
from .storage.lock import WriterLock
from .storage.store import Store
from .storage.transfer import RECORD_TABLES


def diagnose(path: Path, clock: Clock) -> tuple[list[str], list[str]]:
    """(findings, problems): what is fine, and what needs the user's attention."""
    findings: list[str] = []
    problems: list[str] = []
    if not path.exists():
        problems.append(f"{path} does not exist yet; it is created when you first open the app.")
        return findings, problems
    try:
        read_database(path)
    except DatabaseInvalid as exc:
        problems.append(f"{path} {exc.reason}.")
    else:
        findings.append(f"{path} reads as a good database.")
        problems += _check_records(path, clock, findings)
    mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else 0
    if mode & 0o077:
        problems.append(f"{path} can be read by others (mode {mode:o}); run: chmod 600 {path}")
    if WriterLock(path).is_held_elsewhere():
        findings.append("The app has it open right now.")
    backups = list_backups(path, check=True)
    if not backups:
        findings.append("No backups yet (one is taken each day before the first change).")
    for b in backups:
        state = "good" if b.valid else f"NOT usable: {b.problem}"
        findings.append(f"Backup {b.day}: {b.size:,} bytes, {state} ({b.path.name})")
    return findings, problems


def _check_records(path: Path, clock: Clock, findings: list[str]) -> list[str]:
    problems: list[str] = []
    store = Store(path, clock, writer=False)
    today = clock.today_str()
    for name in RECORD_TABLES:
        records = getattr(store, name).all()
        findings.append(f"{name}: {len(records)}")
        for record in records:
            try:
                record.validate()
            except (ValidationError, TypeError, ValueError) as exc:
                problems.append(f"{name} {getattr(record, 'id', '?')}: {exc}")
    days = [c.day for c in store.checkins.all()]
    future = sorted(d for d in days if d > today)
    if future:
        problems.append(f"{len(future)} check-in(s) dated after today ({future[0]}…); "
                        f"they are left out of streaks.")
    doubles = [d for d, n in Counter(days).items() if n > 1]
    if doubles:
        problems.append(f"{len(doubles)} day(s) have more than one check-in ({doubles[0]}…); "
                        f"each day counts once.")
    return problems
