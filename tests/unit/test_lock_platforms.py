"""The writer lock on a system without ``flock`` (Windows: ``msvcrt``'s byte lock, no
``pread``/``pwrite``), simulated here: one writer at a time, the holder named, released."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from types import SimpleNamespace

import pytest

from resilience_tui.storage import locking
from resilience_tui.storage.errors import DatabaseLocked
from resilience_tui.storage.lock import WriterLock


class FakeMsvcrt(SimpleNamespace):
    """``msvcrt.locking`` as Windows behaves: a byte lock per file, refused to others."""

    LK_UNLCK, LK_NBLCK = 0, 2

    def __init__(self) -> None:
        super().__init__(held={})

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        key = os.fstat(fd).st_ino
        if mode == self.LK_NBLCK:
            if key in self.held and self.held[key] != fd:
                raise OSError(errno.EACCES, "Permission denied")
            self.held[key] = fd
        elif mode == self.LK_UNLCK:
            self.held.pop(key, None)


@pytest.fixture
def windows_like(monkeypatch: pytest.MonkeyPatch) -> FakeMsvcrt:
    fake = FakeMsvcrt()
    monkeypatch.setattr(locking, "fcntl", None)
    monkeypatch.setattr(locking, "msvcrt", fake)
    monkeypatch.delattr(os, "pread")
    monkeypatch.delattr(os, "pwrite")
    return fake


def test_one_writer_at_a_time_without_flock(tmp_path: Path, windows_like: FakeMsvcrt) -> None:
    db = tmp_path / "journal.json"
    first = WriterLock(db)
    first.acquire()
    assert first.path.read_text() == str(os.getpid())
    second = WriterLock(db)
    assert second.is_held_elsewhere()
    with pytest.raises(DatabaseLocked) as refused:
        second.acquire()
    assert str(os.getpid()) in refused.value.message
    first.release()
    assert not second.is_held_elsewhere()
    second.acquire()
    second.release()
    assert windows_like.held == {}
