"""``resilience doctor``: a calm check of the database file and its backups.

It only reads: the file, each record in it, its permissions, whether the app
has it open, every backup (with its date and whether it reads as a good
database), and copies kept aside by ``restore`` or by a save that could not
reach the file. Problems are things the user should act on; findings are
simply what is there.
"""

from __future__ import annotations

import stat
import textwrap
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..clock import Clock
from ..domain.dates import stored_day
from .atomic import read_database
from .backup import list_backups, odd_backups
from .errors import DatabaseInvalid
from .files import is_read_only, kind_of, real_path
from .lock import WriterLock
from .store import Store
from .transfer import LABELS

ASIDE_KINDS = {"before-restore": "by a restore", "unsaved": "after a failed save"}


@dataclass
class Diagnosis:
    """What is fine, what needs the user's attention, and the backup restore would use."""

    findings: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    restorable: Path | None = None
    unreadable: bool = False  # the file itself can't be used (not just odd records in it)

    def advice(self, path: Path) -> str:
        """The closing line: the way out, when there is one."""
        if not self.problems:
            return "All good."
        if not self.unreadable and path.exists():
            # Odd records in a good file: restoring an older backup would lose newer entries.
            return ("The journal itself reads fine; the notes above are about a few records, "
                    "which the app works around. No need to restore anything.")
        if self.restorable:
            return (f"Some things need a look. 'resilience restore' brings back "
                    f"{self.restorable.name} and keeps the current file aside.")
        if not path.exists():
            return "Nothing to mend: run 'resilience' to start your journal."
        return ("Some things need a look. There is no good backup to restore from yet, so "
                "the file is left exactly as it is.")


def diagnose(path: Path, clock: Clock) -> tuple[list[str], list[str]]:
    """(findings, problems): what is fine, and what needs the user's attention."""
    found = examine(path, clock)
    return found.findings, found.problems


def examine(path: Path, clock: Clock) -> Diagnosis:
    """Look at the file, its records, its backups and anything kept aside; change nothing."""
    result = Diagnosis()
    findings, problems = result.findings, result.problems
    if not path.exists():
        problems.append(f"{path} does not exist yet; it is created when you first open the app.")
    else:
        try:
            read_database(path)
        except DatabaseInvalid as exc:
            result.unreadable = True
            problems.append(f"{path} {exc.reason}.")
        else:
            findings.append(f"{path} reads as a good database.")
            problems += _check_records(path, clock, findings)
        if path.is_symlink():
            findings.append(f"It is a link to {real_path(path)}: saves go there, and the "
                            f"backups stay here.")
        mode = stat.S_IMODE(path.stat().st_mode)
        if not result.unreadable and is_read_only(path.stat()):
            findings.append(f"It is read-only, so the app shows it but saves nothing; to "
                            f"write again: chmod 600 {path}")
        if mode & 0o077:
            problems.append(f"{path} can be read by others (mode {mode:o}); "
                            f"run: chmod 600 {path}")
        if WriterLock(path).is_held_elsewhere():
            findings.append("The app has it open right now; restore waits until it is closed.")
    findings += _backups(path, result, clock.today())
    findings += _kept_aside(path)
    return result


def _backups(path: Path, result: Diagnosis, today: date) -> list[str]:
    backups = list_backups(path, check=True, today=today)
    odd = [f"  Skipped {p.name}: it is {_kind(p)}, not a backup file; it is never read "
           f"or followed, and you can remove it." for p in odd_backups(path)]
    if not backups:
        return ["No backups yet (one is taken each day, before the first change).", *odd]
    lines = [f"Backups in {backups[0].path.parent}, newest first:"]
    chosen = next((b for b in backups if b.valid), None)
    result.restorable = chosen.path if chosen else None
    for b in backups:
        state = "good" if b.valid else f"NOT usable: {b.problem}"
        if b.valid and b.damaged:
            state += f" ({b.damaged} damaged record(s) the app would set aside)"
        mark = "  <- restore picks this one" if b is chosen else ""
        lines.append(f"  {_when(b.day)}  {_size(b.size):>9}  {b.path.name}  {state}{mark}")
    if chosen is None:
        lines.append("  None of them is usable, so 'resilience restore' has nothing to offer.")
    return lines + odd


def _kind(path: Path) -> str:
    if path.is_symlink():
        return "a link" if path.exists() else "a link to nothing"
    return kind_of(path.lstat().st_mode)


def _size(n: int) -> str:
    if n < 1024:
        return f"{n} bytes"
    return f"{n / 1024:.0f} KB" if n < 1024 * 1024 else f"{n / 1024 / 1024:.1f} MB"


def _when(day: str) -> str:
    d = stored_day(day)
    return f"{d:%a} {day}" if d else day


def _kept_aside(path: Path) -> list[str]:
    lines = []
    for kind, what in ASIDE_KINDS.items():
        for kept in sorted(path.parent.glob(f"{path.name}.{kind}-*")):
            if not kept.is_file() or kept.is_symlink():
                continue
            lines.append(f"Kept aside {what}: {kept.name} ({_size(kept.stat().st_size)})")
    if lines:
        lines.append("  'restore --from NAME' brings one back; delete them when you're sure.")
    return lines


def _check_records(path: Path, clock: Clock, findings: list[str]) -> list[str]:
    problems: list[str] = []
    store = Store(path, clock, writer=False)
    clock.day_start_hour = store.settings.day_start_hour  # "today" as the user counts it
    today = clock.today_str()
    counts = []
    for name, repo in store.repos.items():
        records = repo.all()  # each row passes the one record check or is quarantined
        counts.append(f"{len(records):,} {LABELS[name]}")
    problems += [damaged.line() for damaged in store.damaged]
    first, *rest = textwrap.wrap("It holds " + ", ".join(counts) + ".", 72)
    findings += [first] + [f"  {line}" for line in rest]
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
