"""Run ``resilience --db PATH`` headless, and quit once Today has painted.

``bench.py`` times this whole process (interpreter start to exit) against
``bare_app.py``. It goes through the real entry point (``cli.main``), so any
start-up work the command does is measured; only the terminal (headless,
80×24) and the exit hook differ. "Painted" means the first frame that is complete down
to the footer's keys (Textual fills the footer a frame after the rest), the
same test for both apps. ``--show`` prints that frame's text, to check the
run really showed the history. With ``BENCH_PEAK_FILE`` set it writes its peak
memory there.

    uv run python benchmarks/first_paint.py --db PATH [--show]
"""

from __future__ import annotations

import argparse
import atexit
import os
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def report_peak_memory() -> None:
    """With ``BENCH_PEAK_FILE`` set, write this process's peak RSS (VmHWM, kB) there at exit.

    The parent can't use its children's rusage: on Linux a child's max RSS starts
    from the parent's own when it is spawned, and the harness holds years of data.
    """
    target = os.environ.get("BENCH_PEAK_FILE")

    def write() -> None:
        with open("/proc/self/status") as status:
            peak = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
        Path(target).write_text(peak)  # type: ignore[arg-type]

    if target:
        atexit.register(write)


def exit_when_painted(screen: Any, show: bool = False) -> None:
    """Quit the app after the first frame of ``screen`` whose last line (the footer) has text."""

    def check() -> None:
        lines = [strip.text for strip in screen._compositor.render_strips()]
        if not lines or not lines[-1].strip():
            screen.call_after_refresh(check)
            return
        if show:
            print("\n".join(line.rstrip() for line in lines), file=sys.stderr)
        screen.app.exit()

    screen.call_after_refresh(check)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--show", action="store_true", help="print the painted frame (stderr)")
    args = parser.parse_args()
    report_peak_memory()

    # The real command, with two changes: headless at 80x24, and quit once Today is painted.
    from resilience_tui import cli
    from resilience_tui.app import ResilienceApp
    from resilience_tui.screens.today import TodayScreen

    run, on_mount = ResilienceApp.run, TodayScreen.on_mount

    def headless_run(app: ResilienceApp, **_: Any) -> Any:
        return run(app, headless=True, size=(80, 24))

    def on_mount_then_exit(screen: TodayScreen) -> None:
        on_mount(screen)
        exit_when_painted(screen, args.show)

    ResilienceApp.run = headless_run  # type: ignore[method-assign]
    TodayScreen.on_mount = on_mount_then_exit  # type: ignore[method-assign]
    return cli.main(["--db", str(args.db)])


if __name__ == "__main__":
    sys.exit(main())
