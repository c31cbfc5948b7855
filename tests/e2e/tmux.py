"""A small harness that runs the installed app in a real terminal: a private tmux server.

Each :class:`Terminal` owns one tmux server on its own socket (``tmux -L <unique>``), so a
test never sees or touches anyone else's sessions, and one 80×24 pane in it. The pane's
process is whatever :meth:`Terminal.run` starts (the app, a subcommand, a shell line); when
it ends the pane stays (``remain-on-exit``) so its last words can be read, and
:meth:`Terminal.wait_exit` gives the exit status the shell saw.

Keys go in with :meth:`Terminal.send_keys` (tmux key names: ``"q"``, ``"Escape"``,
``"Enter"``, ``"C-s"``, ``"Tab"``) and :meth:`Terminal.type` (literal text). Screens come
out with :meth:`Terminal.capture` (what is visible now) and :meth:`Terminal.transcript`
(visible plus scrollback: what was printed after a full-screen app left). Waiting is
always by polling for text, never by fixed sleeps; timeouts are generous because CI has
two cores.

Textual reads a lone Escape as the start of a key sequence for a moment, so after
``send_keys("Escape")`` wait for its effect before sending the next key.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import pytest

# The app as installed in this virtual environment (same as `uv run resilience`, faster).
APP: list[str] = [sys.executable, "-m", "resilience_tui"]
# A Wednesday morning in a zone with summer time: the fixed clock the app documents.
NOW = "2026-03-11T09:00"
ZONE = "Europe/London"
SIZE = (80, 24)
TIMEOUT = 30.0  # seconds; generous on purpose (2 cores, a busy suite)
POLL = 0.05

TMUX_CONFIG = """\
set -g remain-on-exit on
set -g status off
set -g default-shell /bin/sh
set -g history-limit 2000
set -sg escape-time 0
"""

# Variables from the outer session that must not leak into the app's terminal.
DROP_ENV = ("TMUX", "TMUX_PANE", "RESILIENCE_DB", "RESILIENCE_NOW", "NO_COLOR", "TEXTUAL",
            "COLUMNS", "LINES")


def require_tmux() -> str:
    """The tmux executable; FAILS the test (never skips) when it is missing."""
    found = shutil.which("tmux")
    if not found:
        pytest.fail("tmux is not installed, and the end-to-end journeys need it: install it "
                    "(apt-get install tmux, brew install tmux) or run .ci/run, which does.",
                    pytrace=False)
    return found


def console_script() -> str:
    """The real ``resilience`` entry point installed next to this Python."""
    script = Path(sys.executable).parent / "resilience"
    if not script.exists():
        pytest.fail(f"the 'resilience' console script is missing from {script.parent}; "
                    f"run 'uv sync' to install the project.", pytrace=False)
    return str(script)


def app_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment for one journey: a private data folder and a fixed clock and zone.

    ``home`` holds the XDG folders, so the default database is
    ``home/data/resilience-tui/resilience.json`` (see :func:`default_db`).
    """
    env = {k: v for k, v in os.environ.items() if k not in DROP_ENV}
    env.update({
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "RESILIENCE_NOW": NOW,
        "TZ": ZONE,
        "LANG": "C.UTF-8",
    })
    for name in ("LC_ALL", "LC_CTYPE"):  # one UTF-8 locale, whatever the outer shell uses
        env.pop(name, None)
    env.update(extra)
    return env


def default_db(home: Path) -> Path:
    """Where the app puts its database when run with :func:`app_env` ``(home)``."""
    return home / "data" / "resilience-tui" / "resilience.json"


def run_cli(args: Sequence[str], env: Mapping[str, str], *,
            timeout: float = 60.0) -> subprocess.CompletedProcess[str]:
    """Run ``resilience ARGS`` without a terminal (stdin closed); output captured as text."""
    return subprocess.run([*APP, *args], env=dict(env), stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=timeout, check=False)


def run_script(args: Sequence[str], env: Mapping[str, str], *,
               timeout: float = 60.0) -> subprocess.CompletedProcess[str]:
    """Run ``resilience ARGS`` through the installed console script, as a user's shell does
    (no terminal, stdin closed); output captured as text."""
    return subprocess.run([console_script(), *args], env=dict(env), stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=timeout, check=False)


class Terminal:
    """One private tmux server with one pane of a fixed size."""

    def __init__(self, workdir: Path, env: Mapping[str, str], size: tuple[int, int] = SIZE,
                 name: str | None = None) -> None:
        self.tmux = require_tmux()
        self.workdir = workdir
        self.env = dict(env)
        self.size = size
        self.socket = name or f"rtui-e2e-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.config = workdir / "tmux.conf"
        self.config.write_text(TMUX_CONFIG)
        self._started = False
        self._runs = 0
        self._status: Path | None = None

    # Running ----------------------------------------------------------------
    def _tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run([self.tmux, "-u", "-L", self.socket, "-f", str(self.config),
                               *args],
                              env=self.env, stdin=subprocess.DEVNULL, capture_output=True,
                              text=True, timeout=30, check=check)

    def run(self, argv: Sequence[str] | str, env: Mapping[str, str] | None = None) -> None:
        """Start ``argv`` (a list, or a shell line) in the pane, replacing what ran there.

        ``env`` adds or overrides variables for this run only (e.g. a later
        ``RESILIENCE_NOW``). The pane starts blank at the fixed size. The shell writes
        the exit status to a file afterwards (tmux's own ``pane_dead_status`` is not
        reliable under load: its server can miss the child's exit).
        """
        line = argv if isinstance(argv, str) else shlex.join(argv)
        if env:
            line = f"env {shlex.join(f'{k}={v}' for k, v in env.items())} {line}"
        self._runs += 1
        self._status = self.workdir / f"tmux-run-{self._runs}.status"
        self._status.unlink(missing_ok=True)
        status = shlex.quote(str(self._status))
        line = (f"cd {shlex.quote(str(self.workdir))} && {line}; "
                f"echo $? > {status}.tmp && mv {status}.tmp {status}")
        width, height = self.size
        if not self._started:
            self._tmux("new-session", "-d", "-s", "main", "-x", str(width), "-y", str(height),
                       line)
            self._started = True
        else:
            self._tmux("respawn-pane", "-k", "-t", "main", line)
            self._tmux("clear-history", "-t", "main")

    def run_app(self, *args: str, env: Mapping[str, str] | None = None) -> None:
        """Start the installed app (``python -m resilience_tui ARGS``) in the pane."""
        self.run([*APP, *args], env=env)

    def send_keys(self, *keys: str) -> None:
        """Press keys by tmux name: ``"q"``, ``"?"``, ``"Escape"``, ``"Enter"``, ``"C-s"``."""
        self._tmux("send-keys", "-t", "main", *keys)

    def type(self, text: str) -> None:
        """Type ``text`` literally, character by character."""
        self._tmux("send-keys", "-t", "main", "-l", text)

    # Reading ----------------------------------------------------------------
    def capture(self) -> str:
        """The visible screen now, wrapped lines joined, trailing blanks stripped."""
        return self._capture()

    def transcript(self) -> str:
        """Scrollback plus screen: what a shell shows after a full-screen app has left."""
        return self._capture("-S", "-")

    def _capture(self, *extra: str) -> str:
        out = self._tmux("capture-pane", "-p", "-J", "-t", "main", *extra).stdout
        return "\n".join(line.rstrip() for line in out.splitlines()).strip("\n")

    def exit_status(self) -> int | None:
        """The exit status of what :meth:`run` started last, or None while it runs."""
        if self._status is None or not self._status.exists():
            return None
        return int(self._status.read_text().strip())

    def _describe(self) -> str:
        """The pane's process, for failure messages."""
        info = self._tmux("display-message", "-p", "-t", "main",
                          "#{pane_pid} #{pane_current_command}", check=False).stdout.split()
        if not info:
            return "no pane"
        ps = subprocess.run(["ps", "-o", "pid=,stat=,args=", "--ppid", info[0], "-p", info[0]],
                            capture_output=True, text=True, check=False).stdout.rstrip()
        return f"pane processes:\n{ps}"

    # Waiting ----------------------------------------------------------------
    def wait_until(self, ready: Callable[[], object], what: str,
                   timeout: float = TIMEOUT) -> object:
        """Poll ``ready()`` until it returns something truthy; fail showing the screen."""
        deadline = time.monotonic() + timeout
        while True:
            value = ready()
            if value:
                return value
            if time.monotonic() > deadline:
                pytest.fail(f"waited {timeout:.0f}s for {what}; {self._describe()}\n"
                            f"the terminal shows:\n{self.transcript()}", pytrace=False)
            time.sleep(POLL)

    def wait_for(self, text: str, timeout: float = TIMEOUT) -> str:
        """Wait until ``text`` is on the screen; returns the screen."""
        def seen() -> str | None:
            screen = self.capture()
            return screen if text in screen else None

        return str(self.wait_until(seen, repr(text), timeout))

    def wait_for_regex(self, pattern: str, timeout: float = TIMEOUT) -> re.Match[str]:
        """Wait until ``pattern`` matches the screen (multiline); returns the match."""
        regex = re.compile(pattern, re.MULTILINE)
        match = self.wait_until(lambda: regex.search(self.capture()), f"/{pattern}/", timeout)
        return match  # type: ignore[return-value]

    def wait_gone(self, text: str, timeout: float = TIMEOUT) -> str:
        """Wait until ``text`` has left the screen; returns the screen."""
        def gone() -> str | None:
            screen = self.capture()
            return (screen or " ") if text not in screen else None

        return str(self.wait_until(gone, f"{text!r} to go away", timeout))

    def wait_exit(self, timeout: float = TIMEOUT) -> int:
        """Wait for the pane's process to end; returns its exit status."""
        def ended() -> tuple[int] | None:
            status = self.exit_status()
            return None if status is None else (status,)

        return int(self.wait_until(ended, "the program to exit", timeout)[0])  # type: ignore

    # Ending -----------------------------------------------------------------
    def close(self) -> None:
        """Kill this server (and so the app in it) and remove its socket."""
        if not self._started:
            return
        socket = self._tmux("display-message", "-p", "#{socket_path}", check=False).stdout.strip()
        self._tmux("kill-server", check=False)
        if socket:
            Path(socket).unlink(missing_ok=True)
        self._started = False
