"""Helpers for the storage and command-line tests: running the CLI, and broken files."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

FIXED_NOW = "2026-03-11T09:00"


@dataclass
class Result:
    code: int
    out: str
    err: str


def cli(*args: str, env: dict[str, str] | None = None, timeout: float = 60,
        terminal: bool = False, **kwargs: object) -> Result:
    """Run ``resilience ARGS`` in a fresh Python, as a user's shell would: without a
    terminal, or with ``terminal`` on a pseudo-terminal (the app needs one to start)."""
    full = {k: v for k, v in os.environ.items() if not k.startswith("RESILIENCE_")}
    full.update({"RESILIENCE_NOW": FIXED_NOW, "TZ": "Europe/London"})
    full.update(env or {})
    command = [sys.executable, "-m", "resilience_tui", *args]
    if not terminal:
        done = subprocess.run(
            command, env=full, capture_output=True, text=True, stdin=subprocess.DEVNULL,
            timeout=timeout, **kwargs,  # type: ignore[arg-type]
        )
        return Result(done.returncode, done.stdout, done.stderr)
    leader, follower = pty.openpty()
    try:
        done = subprocess.run(command, env=full, stdin=follower, stdout=follower,
                              stderr=subprocess.PIPE, text=True, timeout=timeout,
                              **kwargs)  # type: ignore[call-overload]
    finally:
        os.close(follower)
    os.set_blocking(leader, False)
    drawn = b""
    try:
        while chunk := os.read(leader, 65536):
            drawn += chunk
    except OSError:  # nothing more to read (EAGAIN) or the terminal closed (EIO)
        pass
    finally:
        os.close(leader)
    return Result(done.returncode, drawn.decode(errors="replace"), done.stderr)


def good_database(path: Path, checkins: int = 0, text: str = "a plan") -> bytes:
    """Write a healthy schema-1 database with ``checkins`` check-ins; returns its bytes.

    A long ``text`` stays valid: its first 200 characters are the intention (a line's
    limit), the rest goes into 40-character feeling words."""
    words = [text[i:i + 40] for i in range(200, len(text), 40)]
    rows = {
        str(i + 1): {"id": f"c{i:05d}", "day": f"2026-02-{(i % 28) + 1:02d}", "mood": 3,
                     "energy": 3, "intention": text[:200], "plan": [], "feelings": words}
        for i in range(checkins)
    }
    data = {"meta": {"1": {"schema": 1}}, "settings": {}, "checkins": rows}
    raw = json.dumps(data).encode()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(raw)
    os.chmod(path, 0o600)
    return raw


def _write(raw: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(raw)


def _folder(path: Path) -> None:
    path.mkdir()
    (path / "something.txt").write_text("not ours\n")


# Every kind of file we must refuse without touching it: name -> how to make it.
BAD_FILES: dict[str, Callable[[Path], None]] = {
    "truncated JSON": _write(b'{"meta": {"1": {"schema": 1}}, "checkins": {"1": {"day": "20'),
    "random bytes": _write(bytes(range(256)) * 4),
    "a JSON list": _write(b'[{"day": "2026-03-01", "mood": 3}]'),
    "a TinyDB file of another program": _write(b'{"_default": {"1": {"title": "groceries"}}}'),
    "a JSON object of another program": _write(b'{"foo": 1}'),
    "an empty file": _write(b""),
    "a newer schema": _write(b'{"meta": {"1": {"schema": 99}}, "goals": {}}'),
    "damaged settings": _write(b'{"meta": {"1": {"schema": 1}}, '
                               b'"settings": {"1": {"day_start_hour": "dawn"}}}'),
    "a folder": _folder,
}


def snapshot(path: Path) -> object:
    """Everything about ``path`` a test needs to prove it was left exactly as it was."""
    if path.is_dir():
        return ("folder", sorted((p.name, p.read_bytes()) for p in path.iterdir()))
    st = path.stat()
    return ("file", path.read_bytes(), st.st_mode, st.st_mtime_ns, st.st_ino)
