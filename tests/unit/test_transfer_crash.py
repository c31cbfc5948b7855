"""Nothing is lost when things go wrong mid-write: ``kill -9`` and a file size limit.

A child process imports a large export again and again (each time with newer
``updated_at`` stamps, so every import rewrites every record) and is killed
at random moments. After each kill ``doctor`` must find a good journal and
good backups. Separately, writes under ``ulimit -f`` fail with exit 1 and a
clear line, leaving the old file exactly as it was.
"""

from __future__ import annotations

import os
import random
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest
from fixed_time import make_clock
from storage_cases import FIXED_NOW, cli, snapshot

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import kill_test  # noqa: E402
from transfer_samples import fill, journal

from resilience_tui.storage.backup import list_backups
from resilience_tui.storage.doctor import diagnose
from resilience_tui.storage.store import Store
from resilience_tui.storage.transfer import export_data

KILLS = 10
# The child that imports again and again: the kill harness's own (benchmarks/kill_test.py).
CHILD = kill_test.IMPORT_CHILD


@pytest.fixture(scope="module")
def big_export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two years of daily use: a couple of thousand records, about a megabyte."""
    folder = tmp_path_factory.mktemp("big")
    store = Store(folder / "source.json", make_clock(f"{FIXED_NOW}"))
    fill(store, journal(730))
    path = folder / "export.json"
    path.write_bytes(orjson.dumps(export_data(store)))
    store.close()
    return path


def child_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RESILIENCE_")}
    env.update({"RESILIENCE_NOW": FIXED_NOW, "TZ": "Europe/London"})
    return env


def test_kill_9_during_large_imports_never_leaves_a_bad_file(big_export: Path,
                                                             tmp_path: Path) -> None:
    db = tmp_path / "data" / "resilience.json"
    rng = random.Random(2026)
    clock = make_clock(FIXED_NOW)
    expected = len(orjson.loads(big_export.read_bytes())["checkins"])
    seen_counts = set()
    for round_ in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(big_export), str(db), str(tmp_path),
             str(round_ * 1000)], stdout=subprocess.PIPE, stdin=subprocess.DEVNULL,
            env=child_env())
        assert child.stdout is not None and child.stdout.readline() == b"ready\n"
        if round_ == 0:  # one whole import first, however slow the machine
            assert child.stdout.readline() == b"imported\n"
        time.sleep(rng.uniform(0.05, 1.2))
        child.send_signal(signal.SIGKILL)
        assert child.wait(timeout=30) == -signal.SIGKILL, "the child stopped on its own"
        child.stdout.close()
        if not db.exists():
            continue  # killed before its first write: nothing to check yet
        findings, problems = diagnose(db, clock)
        assert problems == [], f"round {round_}: {problems}"
        assert all(b.valid for b in list_backups(db, check=True))
        store = Store(db, clock, writer=False)
        seen_counts.add(len(store.checkins))
        repos = (store.checkins, store.rejections, store.selfcare, store.contacts, store.actions)
        stamps = {r.updated_at for repo in repos for r in repo.all()}
        assert len(stamps) <= 1, f"round {round_}: records from two imports: {stamps}"
    # The file only ever held no records or all of them: never half an import.
    assert seen_counts <= {0, expected} and expected in seen_counts


def limited(limit: int):  # type: ignore[no-untyped-def]
    """A preexec_fn: ``ulimit -f`` for the child, with SIGXFSZ ignored so writes fail instead."""
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_an_import_past_the_file_size_limit_fails_cleanly(big_export: Path,
                                                          tmp_path: Path) -> None:
    db = tmp_path / "data" / "resilience.json"
    store = Store(db, make_clock(FIXED_NOW))
    fill(store, journal(5))
    store.close()
    assert cli("--db", str(db), "doctor").code == 0  # today's backup is taken already
    before = snapshot(db)

    result = cli("--db", str(db), "import", str(big_export),
                 preexec_fn=limited(db.stat().st_size + 4096))
    assert result.code == 1 and result.out == ""
    assert result.err.count("\n") == 1 and "Traceback" not in result.err
    assert "Couldn't save the import" in result.err and "File too large" in result.err
    assert "nothing was imported" in result.err
    assert snapshot(db) == before
    assert leftovers(db.parent) == []
    assert cli("--db", str(db), "doctor").code == 0


def test_a_restore_past_the_file_size_limit_fails_cleanly(big_export: Path,
                                                          tmp_path: Path) -> None:
    big = tmp_path / "big" / "resilience.json"
    assert cli("--db", str(big), "import", str(big_export)).code == 0
    db = tmp_path / "data" / "resilience.json"
    Store(db, make_clock(FIXED_NOW)).close()
    before = snapshot(db)

    result = cli("--db", str(db), "restore", "--from", str(big),
                 preexec_fn=limited(64 * 1024))
    assert result.code == 1 and "File too large" in result.err
    assert "nothing was restored" in result.err and result.err.count("\n") == 1
    assert snapshot(db) == before
    assert not list(db.parent.glob("*.before-restore-*")) and leftovers(db.parent) == []
