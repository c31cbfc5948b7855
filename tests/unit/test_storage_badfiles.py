"""Every kind of bad database file: refused with exit 4, one line, and left exactly as it was."""

from __future__ import annotations

import builtins
import errno
import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from storage_cases import BAD_FILES, cli, good_database, snapshot

from resilience_tui import cli as cli_module
from resilience_tui.storage import atomic
from resilience_tui.storage.atomic import read_database
from resilience_tui.storage.errors import DatabaseInvalid

CASES = sorted(BAD_FILES)


@pytest.fixture(params=CASES)
def bad_file(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    path = tmp_path / "resilience.json"
    BAD_FILES[request.param](path)
    return path


def assert_one_helpful_line(err: str, path: Path) -> None:
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert str(path) in err
    assert "resilience doctor" in err and "resilience restore" in err
    assert "Traceback" not in err


def test_the_app_refuses_before_the_screen_starts(bad_file: Path) -> None:
    before = snapshot(bad_file)
    result = cli("--db", str(bad_file), terminal=True)
    assert result.code == 4
    assert result.out == ""  # nothing drawn: the full-screen app never started
    assert_one_helpful_line(result.err, bad_file)
    assert snapshot(bad_file) == before


def test_status_refuses_the_same_way(bad_file: Path) -> None:
    before = snapshot(bad_file)
    for args in (["--db", str(bad_file), "status"], ["status", "--db", str(bad_file)],
                 ["--db", str(bad_file), "status", "--json"]):
        result = cli(*args)
        assert result.code == 4, args
        assert result.out == ""
        assert_one_helpful_line(result.err, bad_file)
    assert snapshot(bad_file) == before


def test_doctor_says_there_is_a_problem(bad_file: Path) -> None:
    before = snapshot(bad_file)
    result = cli("--db", str(bad_file), "doctor")
    assert result.code == 1
    assert str(bad_file) in result.out
    assert "Traceback" not in result.out + result.err
    assert snapshot(bad_file) == before


def test_doctor_is_happy_with_a_healthy_file(tmp_path: Path) -> None:
    path = tmp_path / "resilience.json"
    good_database(path, checkins=3)
    result = cli("--db", str(path), "doctor")
    assert result.code == 0, result.out
    assert "All good" in result.out


def test_messages_say_what_is_wrong(tmp_path: Path) -> None:
    expected = {
        "truncated JSON": "not valid JSON",
        "random bytes": "not valid JSON",
        "a JSON list": "holds a JSON list",
        "a TinyDB file of another program": "doesn't look like a resilience-tui database",
        "a JSON object of another program": "doesn't look like a resilience-tui database",
        "an empty file": "is empty",
        "a newer schema": "newer version of resilience-tui",
        "damaged settings": "settings are damaged",
        "a folder": "is a folder",
    }
    assert set(expected) == set(BAD_FILES)
    for name, words in expected.items():
        path = tmp_path / name.replace(" ", "-") / "resilience.json"
        path.parent.mkdir()
        BAD_FILES[name](path)
        with pytest.raises(DatabaseInvalid) as caught:
            read_database(path)
        assert words in caught.value.message, name


def test_a_newer_schema_with_tables_we_do_not_know_asks_for_an_update(tmp_path: Path) -> None:
    path = tmp_path / "resilience.json"
    BAD_FILES["a newer schema"](path)
    result = cli("--db", str(path), "status")
    assert "please update the app" in result.err


# An unreadable file. Tests run as root, where chmod 000 still reads, so the refusal from
# the operating system is simulated in-process; as an ordinary user the real chmod is used.


@pytest.fixture
def unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "resilience.json"
    good_database(path, checkins=2)
    os.chmod(path, 0o000)
    if os.geteuid() == 0:
        def refuse(file: object, *args: object, **kwargs: object) -> object:
            if Path(str(file)) == path:
                raise PermissionError(errno.EACCES, "Permission denied", str(file))
            return builtins.open(file, *args, **kwargs)  # type: ignore[call-overload]

        monkeypatch.setattr(atomic, "open", refuse, raising=False)
    return path


def _no_screen(*args: object, **kwargs: object) -> None:
    raise AssertionError("the full-screen app must not start on a bad file")


@pytest.mark.parametrize("command", [[], ["status"], ["status", "--json"]])
def test_an_unreadable_file_is_refused(unreadable: Path, command: list[str],
                                       capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from resilience_tui.app import ResilienceApp

    monkeypatch.setattr(ResilienceApp, "run", _no_screen)
    before = snapshot(unreadable)
    assert cli_module.main(["--db", str(unreadable), *command]) == 4
    captured = capsys.readouterr()
    assert captured.out == ""
    assert_one_helpful_line(captured.err, unreadable)
    assert "can't be read" in captured.err
    assert snapshot(unreadable) == before


def test_doctor_reports_an_unreadable_file(unreadable: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_module.main(["--db", str(unreadable), "doctor"]) == 1
    assert "can't be read" in capsys.readouterr().out


def _without_root_powers() -> list[str] | None:
    """A prefix that runs a command unable to read a chmod 000 file, or None if we can't."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    caps = "-dac_override,-dac_read_search"
    probe = subprocess.run([setpriv, f"--bounding-set={caps}", f"--inh-caps={caps}", "true"],
                           capture_output=True)
    return [setpriv, f"--bounding-set={caps}", f"--inh-caps={caps}"] if probe.returncode == 0 \
        else None


def test_a_really_unreadable_file_in_a_real_process(tmp_path: Path) -> None:
    """The same refusal, by the operating system itself (root's read-anything powers dropped)."""
    prefix = _without_root_powers()
    if prefix is None:  # as tests/e2e does for tmux: a missing tool fails, it never skips
        pytest.fail("running as root, and setpriv (util-linux) is missing or can't drop root's "
                    "read-anything powers, so chmod 000 can't make a file unreadable: install "
                    "util-linux, or run the tests as a normal user")
    path = tmp_path / "resilience.json"
    good_database(path, checkins=2)
    os.chmod(path, 0o000)
    before = snapshot(path)
    env = {k: v for k, v in os.environ.items() if not k.startswith("RESILIENCE_")}
    env["RESILIENCE_NOW"] = "2026-03-11T09:00"
    for command in ([], ["status"]):
        # The app needs a terminal before it looks at the file: give it a pseudo-terminal.
        leader, follower = pty.openpty() if not command else (None, subprocess.DEVNULL)
        done = subprocess.run([*prefix, sys.executable, "-m", "resilience_tui", "--db",
                               str(path), *command], env=env, stderr=subprocess.PIPE,
                              stdout=follower if not command else subprocess.PIPE,
                              text=True, stdin=follower, timeout=60)
        if leader is not None:
            os.close(leader)
            os.close(follower)
        assert done.returncode == 4, (command, done.stderr)
        assert not done.stdout
        assert_one_helpful_line(done.stderr, path)
        assert "Permission denied" in done.stderr
    assert snapshot(path) == before
