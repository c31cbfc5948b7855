"""``resilience remind [--notify]``: one kind line when a nudge is due, else nothing.

Made for cron or a systemd timer: it only reads the journal (no lock), and most often
just the small summary beside it (the one ``status`` reads), exits 0
either way, and with ``--notify`` also shows the line as a desktop notification
when the system has a way to (``notify-send`` on Linux, ``osascript`` on macOS).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

from ..clock import Clock
from ..journal.summary import current

TITLE = "resilience"


def remind(args: argparse.Namespace, path: Path, clock: Clock) -> int:
    if not path.exists():  # no journal yet: nothing to nudge about, and nothing is created
        return 0
    line = current(path, clock).remind  # the summary beside the journal, or the journal
    if line is None:
        return 0
    print(f"resilience: {line}")
    if args.notify:
        notify(line)
    return 0


def notify(line: str) -> bool:
    """Show ``line`` as a desktop notification where the system can; True when shown."""
    if found := shutil.which("notify-send"):
        command = [found, "--app-name", TITLE, TITLE, line]
    elif sys.platform == "darwin" and (found := shutil.which("osascript")):
        quoted = line.replace("\\", "\\\\").replace('"', '\\"')
        command = [found, "-e", f'display notification "{quoted}" with title "{TITLE}"']
    else:
        return False
    try:
        return subprocess.run(command, check=False, timeout=10,
                              capture_output=True).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False
