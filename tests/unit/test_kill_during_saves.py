"""kill -9 during imports and during the app's saves, CI-sized: nothing lost, no bad file,
no stray temporary file after the next start.

The harness is ``benchmarks/kill_test.py`` (its long version: ``--imports 200 --saves 50``).
Here it runs small and seeded (both loops at once, about 25 s), with a slower fsync in
the children so that more of the kills land inside a write, where they matter.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fixed_time import make_clock

from resilience_tui.storage.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import kill_test  # noqa: E402


def test_kill_9_during_imports_and_app_saves_loses_nothing(tmp_path: Path) -> None:
    imports, saves = kill_test.run(imports=20, saves=5, seed=2026, years=0.25,
                                   folder=tmp_path, widen=0.05, widen_saves=0.3)
    for tally in (imports, saves):
        assert not tally.harmed, f"{tally.line()}\n" + "\n".join(tally.notes)
    assert (imports.kills, saves.kills) == (20, 5)
    assert imports.mid_write + saves.mid_write >= 1, "no kill landed inside a write"


def test_the_next_start_clears_what_a_killed_write_left(tmp_path: Path) -> None:
    db = tmp_path / "data" / "resilience.json"
    Store(db, make_clock()).close()
    backups = db.parent / "backups"
    backups.mkdir(exist_ok=True)
    left = [db.parent / ".resilience.json.k3x9q.tmp",  # the journal's own write
            db.parent / ".resilience.json.unsaved-20260311-090000.abcd.tmp",  # a copy aside
            backups / ".resilience-2026-03-11.json.zz81.tmp"]  # the daily backup's
    others = [db.parent / ".work.json.k3x9q.tmp",  # another journal's, in the same folder
              backups / ".work-2026-03-11.json.zz81.tmp"]
    for path in left + others:
        path.write_bytes(b"{half a write")

    Store(db, make_clock()).close()  # the next start

    assert [p for p in left if p.exists()] == []
    assert all(p.exists() for p in others)
