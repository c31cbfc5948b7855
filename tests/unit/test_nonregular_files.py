"""A pipe, a device, a socket or a folder at the journal's path is refused at once
(issue 13, case 5): exit 4 with one line naming the path, never a hang.

Each hang case runs in a fresh process with a timeout, so a regression fails
here instead of stalling the suite.
"""

from __future__ import annotations

import json
import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from storage_cases import cli, good_database

from resilience_tui import cli as cli_module

TIMEOUT = 20


def _export(tmp_path: Path) -> Path:
    source = tmp_path / "in.json"
    source.write_text(json.dumps({"app": "resilience-tui", "schema": 1, "checkins": []}))
    return source


def _commands(tmp_path: Path) -> dict[str, list[str]]:
    backup = tmp_path / "good.json"
    good_database(backup, checkins=1)
    return {"app": [], "status": ["status"], "status --json": ["status", "--json"],
            "export": ["export"], "export csv": ["export", "--format", "csv"],
            "import": ["import", str(_export(tmp_path))],
            "import --dry-run": ["import", "--dry-run", str(_export(tmp_path))],
            "restore": ["restore", "--from", str(backup)]}


@pytest.mark.parametrize("command", ["app", "status", "status --json", "export", "export csv",
                                     "import", "import --dry-run", "restore"])
def test_a_named_pipe_at_the_journal_path_is_refused_at_once(
        tmp_path: Path, command: str) -> None:
    pipe = tmp_path / "j.json"
    os.mkfifo(pipe)
    result = cli("--db", str(pipe), *_commands(tmp_path)[command], timeout=TIMEOUT,
                 terminal=command == "app")
    assert result.code == 4, result.err
    assert result.err.count("\n") == 1 and str(pipe) in result.err
    assert "named pipe" in result.err
    assert pipe.is_fifo()


def test_doctor_names_a_pipe_without_hanging(tmp_path: Path) -> None:
    pipe = tmp_path / "j.json"
    os.mkfifo(pipe)
    result = cli("--db", str(pipe), "doctor", timeout=TIMEOUT)
    assert result.code == 1
    assert f"{pipe} is a named pipe, not a database file" in result.out


@pytest.mark.parametrize("command", ["status", "export", "app"])
def test_a_link_to_an_endless_device_is_refused_at_once(tmp_path: Path, command: str) -> None:
    path = tmp_path / "j.json"
    path.symlink_to("/dev/zero")
    result = cli("--db", str(path), *_commands(tmp_path)[command], timeout=TIMEOUT,
                 terminal=command == "app")
    assert result.code == 4, result.err
    assert result.err.count("\n") == 1 and "is a device" in result.err


def test_the_device_itself_as_the_journal_creates_nothing_beside_it(tmp_path: Path) -> None:
    result = cli("--db", "/dev/zero", "import", str(_export(tmp_path)), timeout=TIMEOUT)
    assert result.code == 4 and "/dev/zero: is a device" in result.err
    assert not Path("/dev/zero.lock").exists()


@pytest.fixture
def unix_socket(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "j.json"
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(path))
    yield path
    sock.close()


@pytest.mark.parametrize("command", ["app", "status", "import"])
def test_a_socket_at_the_journal_path_is_refused(
        unix_socket: Path, command: str, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RESILIENCE_NOW", "2026-03-11T09:00")
    args = _commands(unix_socket.parent)[command]
    assert cli_module.main(["--db", str(unix_socket), *args]) == 4
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"{unix_socket}: is a socket" in err


def test_a_pipe_as_a_restore_source_is_refused_at_once(tmp_path: Path) -> None:
    journal = tmp_path / "j.json"
    before = good_database(journal, checkins=2)
    pipe = tmp_path / "backup.json"
    os.mkfifo(pipe)
    result = cli("--db", str(journal), "restore", "--from", str(pipe), timeout=TIMEOUT)
    assert result.code in (1, 4) and result.err.count("\n") == 1 and str(pipe) in result.err
    assert journal.read_bytes() == before


def test_a_pipe_as_an_import_source_is_refused_at_once(tmp_path: Path) -> None:
    journal = tmp_path / "j.json"
    before = good_database(journal, checkins=2)
    pipe = tmp_path / "in.json"
    os.mkfifo(pipe)
    result = cli("--db", str(journal), "import", str(pipe), timeout=TIMEOUT)
    assert result.code == 1 and result.err.count("\n") == 1 and str(pipe) in result.err
    assert journal.read_bytes() == before
