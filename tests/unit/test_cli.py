"""The command line: exit codes, one-line errors, --version, and where the database lives."""

from __future__ import annotations

import asyncio
import json
import os
import resource
from pathlib import Path

import pytest
from fixed_time import make_clock
from storage_cases import cli, good_database, snapshot

from resilience_tui import __version__
from resilience_tui import cli as cli_module
from resilience_tui.domain.models import CheckIn
from resilience_tui.storage.store import Store

# --- usage ------------------------------------------------------------------------------------


@pytest.mark.parametrize("args", [
    ["bogus"],
    ["--nope"],
    ["status", "--json", "extra"],
    ["--db"],
    ["export", "--format", "xml"],
    ["--db", "", "status"],
    ["import"],
])
def test_wrong_words_exit_2_with_one_line(args: list[str], tmp_path: Path) -> None:
    result = cli(*args, env={"XDG_DATA_HOME": str(tmp_path)})
    assert result.code == 2
    assert result.out == ""
    assert result.err.count("\n") == 1 and result.err.startswith("resilience: ")
    assert "resilience --help" in result.err
    assert "Traceback" not in result.err
    assert not any(tmp_path.iterdir())  # nothing was created on the way out


def test_a_bad_fixed_clock_is_a_usage_error(tmp_path: Path) -> None:
    result = cli("status", env={"RESILIENCE_NOW": "tomorrow-ish",
                                "XDG_DATA_HOME": str(tmp_path)})
    assert result.code == 2
    assert "RESILIENCE_NOW" in result.err and result.err.count("\n") == 1


def test_version() -> None:
    result = cli("--version")
    assert result.code == 0
    assert result.out == f"resilience {__version__}\n"


def test_help_lists_every_command() -> None:
    result = cli("--help")
    assert result.code == 0
    for word in ("status", "export", "import", "doctor", "restore", "--db", "--version"):
        assert word in result.out


# --- which database ---------------------------------------------------------------------------


def test_db_option_beats_the_environment(tmp_path: Path) -> None:
    chosen = tmp_path / "chosen.json"
    good_database(chosen)
    ignored = tmp_path / "ignored.json"
    ignored.write_text("[]")  # would exit 4 if it were read
    env = {"RESILIENCE_DB": str(ignored)}
    assert cli("--db", str(chosen), "status", env=env).code == 0
    assert cli("status", "--db", str(chosen), env=env).code == 0
    from_env = cli("status", env=env)
    assert from_env.code == 4 and str(ignored) in from_env.err


def test_the_default_is_the_platform_data_folder(tmp_path: Path) -> None:
    default = tmp_path / "xdg" / "resilience-tui" / "resilience.json"
    default.parent.mkdir(parents=True)
    default.write_text("[]")
    result = cli("status", env={"XDG_DATA_HOME": str(tmp_path / "xdg")})
    assert result.code == 4 and str(default) in result.err


def test_status_on_a_database_that_does_not_exist_yet_creates_nothing(tmp_path: Path) -> None:
    result = cli("status", "--json", env={"XDG_DATA_HOME": str(tmp_path / "xdg")})
    assert result.code == 0
    assert json.loads(result.out)["checked_in_today"] is False
    assert not (tmp_path / "xdg").exists()


def _run_headless(seen: list[str], keys: tuple[str, ...] = ("q",)) -> object:
    """Stand-in for ``App.run``: start the real app without a terminal, then press keys."""

    def run(app: object) -> None:
        async def go() -> None:
            async with app.run_test(size=(80, 24), notifications=True) as pilot:  # type: ignore
                for _ in range(20):  # Today is pushed on mount; give a busy machine a moment
                    await pilot.pause()
                    if type(app.screen).__name__ in (  # type: ignore[attr-defined]
                            "TodayScreen", "WelcomeScreen"):
                        break
                seen.append(type(app.screen).__name__)  # type: ignore[attr-defined]
                for key in keys:
                    await pilot.press(key)
                    await pilot.pause()

        asyncio.run(go())

    return run


@pytest.mark.parametrize("umask", [0o000, 0o022])
def test_the_app_creates_a_private_database_in_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, umask: int
) -> None:
    from resilience_tui.app import ResilienceApp

    seen: list[str] = []
    monkeypatch.setattr(ResilienceApp, "run", _run_headless(seen, keys=("escape", "q")))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("RESILIENCE_NOW", "2026-03-11T09:00")
    monkeypatch.delenv("RESILIENCE_DB", raising=False)
    old = os.umask(umask)
    try:
        assert cli_module.main([]) == 0
        assert cli_module.main([]) == 0  # the welcome was skipped: it never comes back
    finally:
        os.umask(old)
    assert seen == ["WelcomeScreen", "TodayScreen"]
    path = tmp_path / "xdg" / "resilience-tui" / "resilience.json"
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.parent.stat().st_mode & 0o777 == 0o700
    assert json.loads(path.read_text())["meta"] == {"1": {"schema": 1}}


# --- errors -------------------------------------------------------------------------------------


def test_an_import_file_that_is_missing_exits_1(tmp_path: Path) -> None:
    path = tmp_path / "resilience.json"
    good_database(path)
    result = cli("--db", str(path), "import", str(tmp_path / "nowhere.json"))
    assert result.code == 1
    assert result.err.count("\n") == 1 and "nowhere.json" in result.err


def test_a_write_that_fails_on_the_command_line_exits_1(tmp_path: Path) -> None:
    """Importing more than the file-size limit allows: exit 1, one line, the file as it was."""
    source = tmp_path / "other.json"
    store = Store(source, make_clock())
    store.checkins.put_many(CheckIn(day=f"2026-01-{d:02d}", mood=3, energy=3,
                                    intention="apply to two roles " * 10) for d in range(1, 31))
    store.close()
    export = tmp_path / "export.json"
    assert cli("--db", str(source), "export", "--output", str(export)).code == 0

    path = tmp_path / "mine" / "resilience.json"
    good_database(path, checkins=1)
    before = snapshot(path)
    limit = path.stat().st_size + 2000

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    result = cli("--db", str(path), "import", str(export), preexec_fn=small_files)
    assert result.code == 1
    assert result.err.count("\n") == 1
    assert "File too large" in result.err and str(path) in result.err
    assert "Traceback" not in result.err
    assert snapshot(path) == before


def test_the_app_says_where_the_unsaved_entries_went_and_exits_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from resilience_tui.app import ResilienceApp
    from resilience_tui.storage import atomic

    path = tmp_path / "resilience.json"
    good_database(path)
    before = snapshot(path)
    real_run = _run_headless([], keys=("q", "q"))
    write = atomic.atomic_write

    def run_with_a_full_disk(app: ResilienceApp) -> None:
        def too_large(p: Path, payload: bytes) -> os.stat_result:
            if p == path:
                raise OSError(27, "File too large")
            return write(p, payload)

        monkeypatch.setattr(atomic, "atomic_write", too_large)
        settings = app.store.settings
        settings.name = "Sam"
        app.store.save_settings(settings)
        real_run(app)  # type: ignore[operator]

    monkeypatch.setattr(ResilienceApp, "run", run_with_a_full_disk)
    monkeypatch.setenv("RESILIENCE_NOW", "2026-03-11T09:00")
    assert cli_module.main(["--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "could not be saved" in err and "a copy with them is in" in err
    assert snapshot(path) == before
    monkeypatch.undo()
    copies = list(tmp_path.glob("resilience.json.unsaved-*"))
    assert len(copies) == 1 and str(copies[0]) in err
    assert json.loads(copies[0].read_text())["settings"]["1"]["name"] == "Sam"
