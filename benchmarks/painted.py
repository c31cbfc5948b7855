"""The two hooks both first-paint runners share: quit at the first complete frame, report.

Kept apart, with only the standard library's lightest modules, so the bare app
pays for nothing the Today runner needs (argparse, import hooks).
"""

from __future__ import annotations

import atexit
import os
import sys
import time
from typing import Any

REPORT: dict[str, float] = {}


def report_at_exit() -> None:
    """With ``BENCH_REPORT`` set, write ``REPORT`` and the peak RSS (VmHWM) there at exit.

    The parent can't use its children's rusage for memory: on Linux a child's max
    RSS starts from the parent's own when it is spawned, and the harness holds
    years of data.
    """
    target = os.environ.get("BENCH_REPORT")

    def write() -> None:
        import json  # at exit, after the paint: not part of what is timed

        with open("/proc/self/status") as status:
            peak = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
        with open(target, "w") as out:  # type: ignore[arg-type]
            json.dump({**REPORT, "peak_mb": int(peak) / 1024}, out)

    if target:
        atexit.register(write)


def exit_when_painted(screen: Any, show: bool = False, until: Any = None) -> None:
    """Quit the app after the first frame of ``screen`` whose last line (the footer) has text.

    Each frame is looked at the moment it has been written out (the app's
    ``post_display_hook``, which Textual calls right after it writes and flushes a frame,
    headless too), and the time noted then. Asking after each refresh instead
    (``call_after_refresh``) noted it when the app next fell idle: for Today that was
    after it had started reading the history, whose parse holds the interpreter, so the
    noting waited on it; 25-30 ms later than the frame, for the same frame (checked with
    ``--show``). The bare app reads nothing and was noted on time, so the old way
    overstated Today's ratio by about 0.13.

    ``until``: quit only once it returns True as well (polled every 5 ms), noting when in
    ``REPORT["ready_at"]``. The app paints before its history is read and reads it just
    after; the peak memory must include the history, so the run lasts until it is in.
    """
    app = screen.app
    own_hook = app.post_display_hook

    def frame() -> None:
        own_hook()
        if "painted_at" in REPORT:
            return
        lines = [strip.text for strip in screen._compositor.render_strips()]
        if not lines or not lines[-1].strip():
            return
        REPORT["painted_at"] = time.time()
        if show:
            print("\n".join(line.rstrip() for line in lines), file=sys.stderr)
        exit_when_ready()

    def exit_when_ready() -> None:
        if until is not None and not until():
            screen.set_timer(0.005, exit_when_ready)
            return
        REPORT["ready_at"] = time.time()
        app.exit()

    app.post_display_hook = frame
