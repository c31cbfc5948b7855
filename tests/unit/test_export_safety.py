"""``export --output`` never replaces the journal or its own files (issue 13, case 8),
a folder of CSV tables is written all or none, and a full disk names the file
that failed (case 10)."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from storage_cases import good_database

from resilience_tui import cli
from resilience_tui.storage import files

TABLES = 10


@pytest.fixture
def journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("RESILIENCE_NOW", "2026-03-11T09:00")
    path = tmp_path / "data" / "resilience.json"
    good_database(path, checkins=3)
    backups = path.parent / "backups"
    backups.mkdir(mode=0o700)
    good_database(backups / "resilience-2026-03-10.json", checkins=2)
    return path


def _everything(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() if p.is_file() else b"<folder>"
            for p in sorted(folder.rglob("*")) if not p.name.endswith(".lock")}


OUTPUTS = {
    "the journal": lambda j: [str(j)],
    "the journal through a link": lambda j: [str(j.parent.parent / "link.json")],
    "the journal as markdown": lambda j: ["--format", "md", str(j)],
    "its lock": lambda j: [str(j.with_name("resilience.json.lock"))],
    "a backup": lambda j: [str(j.parent / "backups" / "resilience-2026-03-10.json")],
    "a new file among the backups": lambda j: [str(j.parent / "backups" / "x.json")],
    "the backups folder as CSV": lambda j: ["--format", "csv", str(j.parent / "backups")],
    "a copy kept by a restore": lambda j: [str(j.with_name("resilience.json.before-restore-1"))],
    "the summary status reads": lambda j: [str(j.with_name("resilience.json.summary"))],
}


@pytest.mark.parametrize("where", list(OUTPUTS))
def test_export_onto_the_journal_or_its_files_is_refused(
        journal: Path, where: str, capsys: pytest.CaptureFixture[str]) -> None:
    (journal.parent.parent / "link.json").symlink_to(journal)
    *fmt, out = OUTPUTS[where](journal)
    before = _everything(journal.parent)
    capsys.readouterr()
    assert cli.main(["--db", str(journal), "export", *fmt, "--output", out]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "your journal or one of its own files" in err
    assert _everything(journal.parent) == before


def test_export_beside_the_journal_is_still_fine(
        journal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = journal.with_name("export.json")
    assert cli.main(["--db", str(journal), "export", "--output", str(out)]) == 0
    assert out.is_file()


def _full_disk_after(monkeypatch: pytest.MonkeyPatch, good_writes: int) -> None:
    """The disk fills up after ``good_writes`` writes of file contents."""
    real_write = os.write
    left = [good_writes]

    def write(fd: int, data: bytes) -> int:
        if left[0] <= 0:
            raise OSError(errno.ENOSPC, "No space left on device")
        left[0] -= 1
        return real_write(fd, data)

    monkeypatch.setattr(files.os, "write", write)


@pytest.mark.parametrize("existing", [False, True], ids=["new folder", "existing folder"])
def test_a_csv_folder_is_written_all_or_none(
        journal: Path, tmp_path: Path, existing: bool, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "tables"
    if existing:
        out.mkdir()
        (out / "notes.txt").write_text("mine")
    _full_disk_after(monkeypatch, good_writes=2)
    assert cli.main(["--db", str(journal), "export", "--format", "csv",
                     "--output", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "No space left" in err
    if existing:
        assert sorted(p.name for p in out.iterdir()) == ["notes.txt"]
    else:
        assert not out.exists()
    monkeypatch.undo()
    monkeypatch.setenv("RESILIENCE_NOW", "2026-03-11T09:00")
    assert cli.main(["--db", str(journal), "export", "--format", "csv",
                     "--output", str(out)]) == 0
    assert len(list(out.glob("*.csv"))) == TABLES and not list(out.glob(".*"))


@pytest.mark.parametrize("fmt", ["json", "md", "csv"])
def test_a_full_disk_names_the_file_that_failed(
        journal: Path, tmp_path: Path, fmt: str, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out" / f"journal.{fmt}"
    out.parent.mkdir()
    _full_disk_after(monkeypatch, good_writes=0)
    assert cli.main(["--db", str(journal), "export", "--format", fmt,
                     "--output", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(out) in err and "No space left" in err
    assert "database folder" not in err
    assert list(out.parent.iterdir()) == []
