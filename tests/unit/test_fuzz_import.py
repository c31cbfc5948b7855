"""Fuzzed imports: each mutated export is refused cleanly or accepted and usable everywhere.

Refused: exit 1 or 4, one line, the database byte for byte as it was, and ``--dry-run``
said the same. Accepted: ``--dry-run`` agreed, and then ``status``, ``status --json``,
every export format and ``doctor`` all work on the journal, with no raw control character
reaching the terminal. Seeded (derandomized), sized to run in a few seconds.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest
from fixed_time import NOW, make_clock
from fuzz_cases import base_export, mutate, plain, run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resilience_tui.domain.models import CheckIn, Settings
from resilience_tui.storage.store import Store

EXAMPLES = 200


@pytest.fixture(scope="module")
def place(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("RESILIENCE_NOW", NOW)
        mp.setenv("TZ", "Europe/London")
        folder = tmp_path_factory.mktemp("fuzz-import")
        db = folder / "db" / "resilience.json"
        own = Store(db, make_clock())  # a journal with its own settings and one morning
        own.save_settings(Settings(name="Robin"))
        own.checkins.put(CheckIn(day="2026-03-11", mood=4, energy=3, id="ownmorning"))
        own.close()
        yield folder


def _one_line_refusal(result_err: str) -> bool:
    return result_err.count("\n") == 1 and result_err.startswith("resilience: ")


def check_import(place: Path, export: object, name: str) -> bool:
    """Import ``export`` into a fresh copy of the journal; True when it was accepted."""
    db = place / name / "resilience.json"
    db.parent.mkdir(parents=True, exist_ok=True)
    db.write_bytes((place / "db" / "resilience.json").read_bytes())
    source = place / name / "export.json"
    source.write_text(json.dumps(export))
    before = db.read_bytes()
    dry = run("--db", str(db), "import", "--dry-run", str(source))
    real = run("--db", str(db), "import", str(source))
    assert dry.code == real.code, (dry, real)
    assert plain(dry.out + dry.err + real.out + real.err), (dry, real)
    if real.code != 0:
        assert real.code in (1, 4) and _one_line_refusal(real.err), real
        assert _one_line_refusal(dry.err)
        assert db.read_bytes() == before
        return False
    for argv in (("status",), ("status", "--json"), ("doctor",),
                 ("export", "--output", str(db.parent / "again.json")),
                 ("export", "--format", "csv", "--output", str(db.parent / "csv")),
                 ("export", "--format", "md", "--output", str(db.parent / "j.md"))):
        done = run("--db", str(db), *argv)
        assert done.code == 0 or (argv == ("doctor",) and done.code == 1), (argv, done)
        assert plain(done.out + done.err), (argv, done)
        if argv == ("status", "--json"):
            json.loads(done.out)
    again = run("--db", str(db), "import", "--dry-run", str(db.parent / "again.json"))
    assert again.code == 0, again  # what we export, we import
    return True


@settings(max_examples=EXAMPLES, derandomize=True, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32 - 1), count=st.integers(1, 3))
def test_a_mutated_export_is_refused_cleanly_or_usable_everywhere(
        place: Path, seed: int, count: int) -> None:
    export = mutate(BASE, random.Random(seed), count)
    check_import(place, export, f"case-{seed}-{count}")


BASE = base_export()


def test_the_unmutated_export_is_accepted(place: Path) -> None:
    assert check_import(place, BASE, "base")


@pytest.mark.parametrize(("where", "value"), [
    (("rejections", -1, "logged_on"), "9999-12-31"),
    (("rejections", -1, "cooldown"), []),
    (("rejections", -1, "feedback"), "none"),
    (("checkins", 0, "plan", 0, "source_id"), "x" * 1_000_000),
    (("checkins", 0, "plan", 0, "contact_id"), "a\u001b[2Jb"),
    (("selfcare", 0, "rejection_id"), "x" * 65),
    (("actions", 0, "rejection_id"), "bad\nid"),
    (("checkins", 0, "id"), "id\u0085"),
])
def test_the_reported_hostile_values_are_refused_with_the_field_named(
        place: Path, where: tuple[object, ...], value: object) -> None:
    export = json.loads(json.dumps(BASE))
    parent = export
    for key in where[:-1]:
        parent = parent[key]
    parent[where[-1]] = value
    assert not check_import(place, export, f"named-{where[-1]}-{len(str(value))}")
    db = place / f"named-{where[-1]}-{len(str(value))}" / "resilience.json"
    err = run("--db", str(db), "import", str(db.parent / "export.json")).err
    assert str(where[-1]).replace("_", " ").split()[-1] in err.replace("_", " ")


def test_a_nesting_bomb_in_a_draft_is_refused_the_same_by_dry_run_and_import(
        place: Path) -> None:
    export = json.loads(json.dumps(BASE))
    bomb: object = "x"
    for _ in range(300):
        bomb = {"step": "acknowledge", "fields": bomb}
    export["rejections"][-1]["cooldown"]["draft"] = bomb
    assert not check_import(place, export, "bomb")
    db = place / "bomb" / "resilience.json"
    err = run("--db", str(db), "import", str(db.parent / "export.json")).err
    assert "levels deep" in err and "Recursion" not in err


def test_a_draft_that_does_not_fit_is_imported_without_it_and_said_so(place: Path) -> None:
    export = json.loads(json.dumps(BASE))
    export["rejections"][-1]["cooldown"]["draft"] = {"step": "acknowledge", "fields": "x"}
    assert check_import(place, export, "misfit")
    db = place / "misfit" / "resilience.json"
    stored = orjson.loads(db.read_bytes())["rejections"]
    rows = [r for r in stored.values() if r["id"] == "openrejection01"]
    assert rows and rows[0]["cooldown"]["draft"] == {}
    dry = run("--db", str(place / "db" / "resilience.json"), "import", "--dry-run",
              str(db.parent / "export.json"))
    assert "draft" in dry.out and "left out" in dry.out
