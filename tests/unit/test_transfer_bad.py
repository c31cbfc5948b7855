"""A bad import is refused with its first problem named, and the database is left untouched."""

from __future__ import annotations

import copy
import os
from collections.abc import Callable
from pathlib import Path

import orjson
import pytest
from fixed_time import make_clock
from storage_cases import snapshot
from transfer_samples import fill, journal

from resilience_tui import cli
from resilience_tui.storage.store import Store
from resilience_tui.storage.transfer import MAX_IMPORT_BYTES, export_data

Export = dict

# name -> (how to spoil a good export, words the one-line refusal must contain)
BAD: dict[str, tuple[Callable[[Export], object], tuple[str, ...]]] = {
    "wrong app": (lambda e: {**e, "app": "moodlog"}, ("not a resilience-tui export",
                                                      "'moodlog'")),
    "no app": (lambda e: {k: v for k, v in e.items() if k != "app"}, ("app is null",)),
    "schema from the future": (lambda e: {**e, "schema": 2}, ("newer version", "schema 2",
                                                               "update")),
    "schema as text": (lambda e: {**e, "schema": "1"}, ("schema should be a whole number",)),
    "mood as a word": (lambda e: _set(e, "checkins", 2, mood="high"),
                       ("checkins #3", "mood", "whole number", "'high'")),
    "mood 9": (lambda e: _set(e, "checkins", 0, mood=9), ("checkins #1", "mood", "1–5",
                                                          "not 9")),
    "impossible day": (lambda e: _set(e, "checkins", 1, day="2026-13-45"),
                       ("checkins #2", "'2026-13-45'", "not a real date")),
    "day in another shape": (lambda e: _set(e, "selfcare", 0, day="11/03/2026"),
                             ("selfcare #1", "day", "'11/03/2026'")),
    "a list where an object should be": (lambda e: _set(e, "rejections", 0, cooldown=[]),
                                          ("rejections #1", "cooldown", "should be an object",
                                           "not a list")),
    "an object where a list should be": (lambda e: {**e, "checkins": {"a": 1}},
                                         ("checkins should be a list", "not an object")),
    "a nested wrong type": (lambda e: _nested(e), ("rejections #1", "cooldown.feelings[0].before",
                                                   "whole number", "'lots'")),
    "true as a number": (lambda e: _set(e, "checkins", 0, energy=True), ("energy", "true")),
    "plan item done as text": (lambda e: _plan(e), ("checkins #1", "plan[0].done",
                                                    "true or false", "'yes'")),
    "missing id": (lambda e: _drop(e, "contacts", 0, "id"), ("contacts #1", "id is missing")),
    "empty id": (lambda e: _set(e, "actions", 0, id=""), ("actions #1", "id should be")),
    "id twice": (lambda e: _set(e, "checkins", 1, id=e["checkins"][0]["id"]),
                 ("checkins #2", "appears twice")),
    "unknown stage": (lambda e: _set(e, "rejections", 0, stage="ghosted"),
                      ("rejections #1", "stage", "'ghosted'")),
    "bad timestamp": (lambda e: _set(e, "checkins", 0, updated_at="yesterday"),
                      ("checkins #1", "updated_at", "'yesterday'")),
    "timestamp without its offset": (lambda e: _set(e, "checkins", 0,
                                                    updated_at="2026-03-10T09:00:00"),
                                     ("updated_at", "UTC offset")),
    "settings as a list": (lambda e: {**e, "settings": [1, 2]},
                           ("settings should be an object", "not a list")),
    "settings out of range": (lambda e: {**e, "settings": {**e["settings"], "cooldown_days": 7}},
                              ("settings", "cool-down days", "not 7")),
    "rest day a number": (lambda e: {**e, "rest_days": ["2026-03-01", 5]},
                          ("rest_days #2", "not 5")),
    "rest days an object": (lambda e: {**e, "rest_days": {}}, ("rest_days should be a list",)),
    "a JSON list": (lambda e: [e], ("one JSON object", "not a list")),
    "a database file": (lambda e: {"meta": {"1": {"schema": 1}}, "checkins": {}},
                        ("database file, not an export", "restore --from")),
    "a control character in a name": (lambda e: _set(e, "contacts", 0, name="\x00"),
                                      ("contacts #1", "name is needed")),
}


def _set(e: Export, table: str, i: int, **values: object) -> Export:
    e = copy.deepcopy(e)
    e[table][i].update(values)
    return e


def _drop(e: Export, table: str, i: int, key: str) -> Export:
    e = copy.deepcopy(e)
    del e[table][i][key]
    return e


def _nested(e: Export) -> Export:
    e = copy.deepcopy(e)
    e["rejections"][0]["cooldown"]["feelings"][0]["before"] = "lots"
    return e


def _plan(e: Export) -> Export:
    e = copy.deepcopy(e)
    e["checkins"][0]["plan"][0]["done"] = "yes"
    return e


@pytest.fixture(scope="module")
def good_export(tmp_path_factory: pytest.TempPathFactory) -> Export:
    store = Store(tmp_path_factory.mktemp("source") / "db.json", make_clock())
    fill(store, journal(12))
    data = export_data(store)
    store.close()
    return data


@pytest.fixture
def db(tmp_path: Path, good_export: Export) -> Path:
    """A journal with a little in it already: the thing a bad import must not touch."""
    path = tmp_path / "data" / "resilience.json"
    store = Store(path, make_clock())
    fill(store, journal(3, seed=99))
    store.close()
    return path


def refuse(db: Path, source: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    """Import ``source``, expecting a refusal; returns the one line on stderr."""
    folder_before = sorted(p.name for p in db.parent.iterdir())
    before = snapshot(db)
    capsys.readouterr()
    assert cli.main(["--db", str(db), "import", str(source), *extra]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and "Nothing was imported" in err and "Traceback" not in err
    assert snapshot(db) == before
    assert sorted(p.name for p in db.parent.iterdir()) == folder_before
    return err


@pytest.mark.parametrize("name", list(BAD))
def test_a_bad_export_is_refused_naming_the_problem(name: str, good_export: Export, db: Path,
                                                    tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RESILIENCE_NOW", "2026-03-11T09:00")
    spoil, words = BAD[name]
    source = tmp_path / "bad.json"
    source.write_bytes(orjson.dumps(spoil(good_export)))
    err = refuse(db, source, capsys)
    for word in words:
        assert word in err, f"{name}: {word!r} not in {err!r}"


def test_the_good_export_itself_is_accepted(good_export: Export, db: Path,
                                            tmp_path: Path) -> None:
    """The cases above differ from a good file only by the spoiled part."""
    source = tmp_path / "good.json"
    source.write_bytes(orjson.dumps(good_export))
    assert cli.main(["--db", str(db), "import", str(source)]) == 0


def test_a_huge_file_is_refused_by_its_size_without_being_read(
        db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    huge = tmp_path / "huge.json"
    with open(huge, "wb") as fh:  # sparse: a gigabyte that takes no room on disk
        fh.truncate(1024 ** 3)
    real_open = open

    def no_reading(file: object, *args: object, **kwargs: object) -> object:
        assert Path(str(file)) != huge, "the huge file was opened"
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr("builtins.open", no_reading)
    err = refuse(db, huge, capsys)
    assert "1,073,741,824 bytes" in err and f"{MAX_IMPORT_BYTES:,}" in err


@pytest.mark.parametrize("content, words", [
    (b'{"app": "resilience-tui", "schema": 1, "checkins": [', "not valid JSON"),
    (b"", "not valid JSON"),
    (b"\xff\xfe\x00garbage", "not valid JSON"),
])
def test_a_file_that_is_not_json_is_refused(content: bytes, words: str, db: Path,
                                            tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "broken.json"
    source.write_bytes(content)
    assert words in refuse(db, source, capsys)


def test_a_folder_a_missing_file_and_a_pipe_are_refused(db: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]
                                                         ) -> None:
    assert "is a folder" in refuse(db, tmp_path, capsys)
    assert "no such file" in refuse(db, tmp_path / "nowhere.json", capsys)
    pipe = tmp_path / "pipe.json"
    os.mkfifo(pipe)
    assert "not a regular file" in refuse(db, pipe, capsys)


def test_a_refused_import_does_not_create_a_new_journal(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]
                                                        ) -> None:
    source = tmp_path / "bad.json"
    source.write_bytes(b'{"app": "elsewhere"}')
    db = tmp_path / "new" / "resilience.json"
    assert cli.main(["--db", str(db), "import", str(source)]) == 1
    assert not db.parent.exists()


def test_a_dry_run_refuses_the_same_way(good_export: Export, db: Path, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "bad.json"
    source.write_bytes(orjson.dumps(_set(good_export, "checkins", 0, mood=9)))
    assert "mood" in refuse(db, source, capsys, "--dry-run")
