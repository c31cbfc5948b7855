"""What the shell-entry tests share: running ``resilience …`` in-process at the pinned
moment, and reading the journal back the way the app would."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from fixed_time import NOW, ZONE_NAME, make_clock

from resilience_tui import cli
from resilience_tui.journal import open_journal
from resilience_tui.storage.store import Store


@dataclass
class Said:
    """One run: exit code, standard output and standard error."""

    code: int
    out: str
    err: str

    @property
    def line(self) -> str:
        """The one line the run printed, on stdout or stderr (and checks it was one)."""
        text = self.out or self.err
        assert not (self.out and self.err), (self.out, self.err)
        assert text.count("\n") == 1, text
        return text.rstrip("\n")


@pytest.fixture(autouse=True)
def pinned_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RESILIENCE_NOW", NOW)
    monkeypatch.setenv("TZ", ZONE_NAME)


def shell(db: Path, capsys: pytest.CaptureFixture[str], *args: str) -> Said:
    """``resilience --db DB ARGS…`` in this process; what it printed."""
    code = cli.main(["--db", str(db), *args])
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    return Said(code, out.out, out.err)


def journal(db: Path) -> Store:
    """The journal as the app reads it (read only: no lock taken, nothing written)."""
    return open_journal(db, make_clock(), writer=False)


def seed(db: Path, change: Callable[[Store], object]) -> bytes:
    """Write something to the journal through a writer that then lets go; the file's bytes."""
    store = open_journal(db, make_clock())
    try:
        change(store)
    finally:
        store.close()
    return db.read_bytes()
