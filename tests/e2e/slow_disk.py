"""``resilience``, on a slow disk: every fsync takes ``SLOW_FSYNC`` seconds longer (0.5 by
default), so a save is certainly still being written for a while after the screen shows
it. Run in a tmux pane by journeys that need a write under way (``python slow_disk.py
ARGS``, as ``resilience ARGS``)."""

from __future__ import annotations

import os
import sys
import time

from resilience_tui.cli import main

_fsync = os.fsync


def _slow_fsync(fd: int) -> None:
    time.sleep(float(os.environ.get("SLOW_FSYNC", "0.5")))
    _fsync(fd)


if __name__ == "__main__":
    os.fsync = _slow_fsync
    sys.exit(main(sys.argv[1:]))
