"""kill -9 during imports and during the app's saves: nothing lost, no bad file, no stray temp.

Two loops, each round in a fresh child process killed with SIGKILL at a
random moment:

- **imports**: the child runs ``resilience import`` again and again on a
  synthetic history whose records get newer ``updated_at`` stamps each time,
  so every import rewrites every record (and the first write of each day
  takes the daily backup);
- **app saves**: the child runs the real app headless (Textual's Pilot) on
  the same history and logs self-care through the keys, one save after
  another, printing each record's id once its save has reached the file (the app
  writes behind, in its writer thread: the child waits until nothing is pending).

After every kill: the journal and its backups are valid (``doctor`` finds no
problem), no record the file held before is gone, every save the child
reported is there, and no file holds records from two imports. Then the next
start (opening the journal for writing, as the app does) must leave no
temporary file anywhere in the journal's folder. Each round runs on a new
day (``RESILIENCE_NOW``), so backups are written under fire too. Seeded: the
same seed gives the same kill moments (the machine's speed decides where
they land).

    uv run python benchmarks/kill_test.py --imports 200 --saves 50
    uv run python benchmarks/kill_test.py --imports 20 --saves 5 --years 0.5   # CI-sized

Exit status 0 when every count of harm is 0. ``tests/unit/test_kill_during_saves.py``
runs the CI-sized version.
"""

from __future__ import annotations

import argparse
import os
import random
import select
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import IO

import orjson

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import synth  # noqa: E402

from resilience_tui.clock import FixedClock  # noqa: E402
from resilience_tui.storage.backup import list_backups  # noqa: E402
from resilience_tui.storage.doctor import diagnose  # noqa: E402
from resilience_tui.storage.store import Store  # noqa: E402

TABLES = ("checkins", "rejections", "selfcare", "contacts", "actions")
FIRST_DAY = synth.TODAY

IMPORT_CHILD = """
import os, time
if os.environ.get("KILL_TEST_WIDEN"):  # a slower fsync: more kills land inside a write
    _fsync, _pause = os.fsync, float(os.environ["KILL_TEST_WIDEN"])
    os.fsync = lambda fd: (time.sleep(_pause), _fsync(fd))[1]
import itertools, sys
from datetime import datetime, timedelta, timezone
import orjson
from resilience_tui.cli import main

source, db, folder, first = sys.argv[1:5]
base = orjson.loads(open(source, "rb").read())
start = datetime(2026, 3, 10, tzinfo=timezone.utc)
report, sys.stdout = sys.stdout, open(os.devnull, "w")
print("ready", file=report, flush=True)
for i in itertools.count(int(first)):
    stamp = (start + timedelta(seconds=i)).isoformat()
    for table in ("checkins", "rejections", "selfcare", "contacts", "actions"):
        for record in base[table]:
            record["updated_at"] = stamp
    out = os.path.join(folder, f"export-{i % 2}.json")
    with open(out, "wb") as fh:
        fh.write(orjson.dumps(base))
    if main(["--db", db, "import", out]) != 0:
        sys.exit(7)
    print("imported", file=report, flush=True)
"""

SAVE_CHILD = """
import os, time
if os.environ.get("KILL_TEST_WIDEN"):  # a slower fsync: more kills land inside a write
    _fsync, _pause = os.fsync, float(os.environ["KILL_TEST_WIDEN"])
    os.fsync = lambda fd: (time.sleep(_pause), _fsync(fd))[1]
import asyncio, itertools, sys
from pathlib import Path
from dateutil.tz import gettz
from resilience_tui.app import ResilienceApp
from resilience_tui.clock import FixedClock
from resilience_tui.storage.store import Store

db, moment, first = sys.argv[1:4]
clock = FixedClock(moment, zone=gettz("Europe/London"))

async def drive() -> None:
    store = Store(Path(db), clock)
    store.preload()
    app = ResilienceApp(store, clock, cursor_blink=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        print("ready", flush=True)
        for i in itertools.count(int(first)):
            activity = f"walk{i}"
            await pilot.press("s")
            await pilot.pause()
            await pilot.press(*activity, "tab", "3", "0", "ctrl+s")
            await pilot.pause()
            while store.pending:  # the app writes behind: the file has it once this ends
                await pilot.pause(0.01)
            if store.unsaved:
                sys.exit(7)
            [entry] = [e for e in store.selfcare.all() if e.activity == activity]
            print("saved", entry.id, flush=True)

asyncio.run(drive())
"""


@dataclass
class Tally:
    """What one loop saw; every count but ``kills`` and ``mid_write`` is harm."""

    name: str
    kills: int = 0
    mid_write: int = 0  # kills that left a temporary file: the kill landed inside a write
    lost: int = 0  # records the file held, or the child reported saved, that were gone
    invalid: int = 0  # journals or backups doctor found a problem with, or mixed imports
    stray: int = 0  # temporary files still there after the next start
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)

    @property
    def harmed(self) -> bool:
        return bool(self.lost or self.invalid or self.stray)

    def line(self) -> str:
        return (f"{self.name}: {self.kills} kills ({self.mid_write} inside a write), "
                f"{self.lost} records lost, {self.invalid} invalid files, "
                f"{self.stray} stray temp files after the next start ({self.seconds:.0f} s)")


def child_env(day: date, widen: float) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RESILIENCE_")}
    env.update({"RESILIENCE_NOW": f"{day.isoformat()}T09:00", "TZ": "Europe/London",
                "PYTHONPATH": str(ROOT), "KILL_TEST_WIDEN": str(widen) if widen else ""})
    return env


def clock_on(day: date) -> FixedClock:
    return FixedClock(f"{day.isoformat()}T09:00", zone=synth.ZONE)


def temps(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.tmp"))


def ids_in(db: Path) -> tuple[set[str], set[str]]:
    """Every record id in the file, and the ``updated_at`` stamps of imported records."""
    data = orjson.loads(db.read_bytes())
    ids, stamps = set(), set()
    for table in TABLES:
        for row in data.get(table, {}).values():
            ids.add(f"{table}:{row['id']}")
            if table != "selfcare" or not row.get("activity", "").startswith("walk"):
                stamps.add(row.get("updated_at"))
    return ids, stamps


def read_line(stream: IO[bytes], timeout: float) -> bytes:
    ready, _, _ = select.select([stream], [], [], timeout)
    return stream.readline() if ready else b""


def check_round(db: Path, day: date, known: set[str], promised: set[str], tally: Tally,
                one_import: bool) -> set[str]:
    """After a kill: the file and its backups are good and hold what they should;
    then the next start leaves no temporary file. Returns the ids now in the file."""
    tally.mid_write += bool(temps(db.parent))
    _, problems = diagnose(db, clock_on(day))
    bad_backups = [b.path.name for b in list_backups(db, check=True) if not b.valid]
    if problems or bad_backups:
        tally.invalid += 1
        tally.notes.append(f"day {day}: {problems} {bad_backups}")
        return known
    ids, stamps = ids_in(db)
    missing = (known | promised) - ids
    if missing:
        tally.lost += len(missing)
        tally.notes.append(f"day {day}: lost {sorted(missing)[:5]}")
    if one_import and len(stamps - {None}) > 1:
        tally.invalid += 1
        tally.notes.append(f"day {day}: records from two imports: {sorted(stamps)}")
    Store(db, clock_on(day)).close()  # the next start: takes the lock as the app does
    left = temps(db.parent)
    tally.stray += len(left)
    if left:
        tally.notes.append(f"day {day}: left after the next start: {[p.name for p in left]}")
    return ids


def run_kills(name: str, kills: int, rng: random.Random, start: Callable[[int, date], list[str]],
              db: Path, done_word: bytes, one_import: bool, widen: float) -> Tally:
    """The loop both kinds share: start a child, let it work, kill it, check."""
    tally = Tally(name)
    began = time.monotonic()
    known: set[str] = ids_in(db)[0] if db.exists() else set()
    cycle = 0.0  # how long one import or save takes here, measured in round 0
    for round_ in range(kills):
        day = FIRST_DAY + timedelta(days=round_ + 1)
        child = subprocess.Popen(start(round_, day), stdout=subprocess.PIPE,
                                 stdin=subprocess.DEVNULL, env=child_env(day, widen))
        assert child.stdout is not None
        if read_line(child.stdout, 120) != b"ready\n":
            child.kill()
            raise SystemExit(f"{name}: the child did not start ({child.wait()})")
        promised: set[str] = set()
        if round_ == 0:  # one whole import or save first, however slow the machine
            t0 = time.monotonic()
            line = read_line(child.stdout, 300)
            if not line.startswith(done_word):
                child.kill()
                raise SystemExit(f"{name}: the child never finished once ({line!r})")
            cycle = time.monotonic() - t0
            promised |= saved_ids(line)
        time.sleep(rng.uniform(0, 1.5 * cycle))
        child.send_signal(signal.SIGKILL)
        code = child.wait(timeout=30)
        rest = child.stdout.read()
        child.stdout.close()
        if code != -signal.SIGKILL:
            raise SystemExit(f"{name}: the child stopped on its own ({code})")
        tally.kills += 1
        for line in rest.splitlines():
            promised |= saved_ids(line)
        if db.exists():
            known = check_round(db, day, known, promised, tally, one_import)
    tally.seconds = time.monotonic() - began
    return tally


def saved_ids(line: bytes) -> set[str]:
    word, _, rest = line.strip().partition(b" ")
    return {f"selfcare:{rest.decode()}"} if word == b"saved" else set()


def run_imports(folder: Path, kills: int, rng: random.Random, years: float,
                widen: float = 0.0) -> Tally:
    export = folder / "history.json"
    export.write_bytes(orjson.dumps(synth.make_export(years)))
    db = folder / "imports" / "resilience.json"
    def start(round_: int, day: date) -> list[str]:
        return [sys.executable, "-c", IMPORT_CHILD, str(export), str(db), str(folder),
                str(round_ * 100_000)]
    return run_kills("imports", kills, rng, start, db, b"imported", one_import=True,
                     widen=widen)


def run_saves(folder: Path, kills: int, rng: random.Random, years: float,
              widen: float = 0.0) -> Tally:
    db = synth.write_database(synth.make_export(years), folder / "saves" / "resilience.json")
    def start(round_: int, day: date) -> list[str]:
        return [sys.executable, "-c", SAVE_CHILD, str(db), f"{day.isoformat()}T09:00",
                str(round_ * 100_000)]
    return run_kills("app saves", kills, rng, start, db, b"saved", one_import=False,
                     widen=widen)


def run(imports: int, saves: int, seed: int, years: float, folder: Path,
        widen: float = 0.0, widen_saves: float | None = None) -> list[Tally]:
    """Both loops at once (each mostly waits on its child), each with its own seeded
    random moments; ``widen_saves`` defaults to ``widen``."""
    from concurrent.futures import ThreadPoolExecutor

    slow = widen if widen_saves is None else widen_saves
    with ThreadPoolExecutor(2) as pool:
        jobs = []
        if imports:
            jobs.append(pool.submit(run_imports, folder, imports, random.Random(seed),
                                    years, widen))
        if saves:
            jobs.append(pool.submit(run_saves, folder, saves, random.Random(seed + 1),
                                    years, slow))
        return [job.result() for job in jobs]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--imports", type=int, default=200, help="kills during imports")
    parser.add_argument("--saves", type=int, default=50, help="kills during app saves")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--years", type=float, default=2.0, help="history size (synth.py)")
    parser.add_argument("--widen", type=float, default=0.0, metavar="SECONDS",
                        help="sleep before each fsync in the child, so more kills land "
                             "inside a write (0: the app as it is)")
    parser.add_argument("--widen-saves", type=float, metavar="SECONDS",
                        help="the same for the app's saves (default: --widen)")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kill-test-") as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        tallies = run(args.imports, args.saves, args.seed, args.years, folder, args.widen,
                      args.widen_saves)
    for tally in tallies:
        print(tally.line())
        for note in tally.notes[:10]:
            print(f"  {note}")
    return 1 if any(t.harmed for t in tallies) else 0


if __name__ == "__main__":
    sys.exit(main())
