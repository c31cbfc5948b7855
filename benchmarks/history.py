"""History at ten years: opening it, its first screen, scrolling and searching.

    uv run python benchmarks/history.py             # 10 years, 9 runs
    uv run python benchmarks/history.py --years 5 --runs 5

Builds the history with ``synth.py`` (through the real import), opens the app
headless at 80×24 on it as ``resilience`` does (every table built first), and
times, from the key press to the screen drawn: ``h`` (History built and its
first screen painted), a page down, a search for a word, and the filter to
rejections; and, as a yardstick, opening Help, a screen with nothing to
build (what the screen switch itself costs). Medians of ``--runs`` (wall time;
CPU time beside it). The goal
is 100 ms or less to open and show the first screen.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

import synth  # noqa: E402

from resilience_tui.app import ResilienceApp  # noqa: E402
from resilience_tui.clock import FixedClock  # noqa: E402
from resilience_tui.journal import open_journal  # noqa: E402
from resilience_tui.screens.help import HelpScreen  # noqa: E402
from resilience_tui.screens.history.screen import HistoryScreen  # noqa: E402


async def _timed(step: Callable[[], Awaitable[None]]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    await step()
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


@contextmanager
def marking_first_frame(cls: type[Any], drawn: list[float]) -> Iterator[None]:
    """While inside, a ``cls`` screen notes the moment of its first frame in ``drawn``."""
    original = cls.__dict__.get("on_mount")

    def on_mount(screen: Any) -> Any:
        screen.call_after_refresh(
            lambda: drawn or drawn.extend((time.perf_counter(), time.process_time())))
        return original(screen) if original else None

    cls.on_mount = on_mount
    try:
        yield
    finally:
        if original is None:
            del cls.on_mount
        else:
            cls.on_mount = original


async def one_run(db: Path, clock: FixedClock) -> dict[str, tuple[float, float]]:
    store = open_journal(db, clock, writer=False)
    store.preload()
    gc.freeze()  # as ``resilience`` does once the history is loaded
    app = ResilienceApp(store, clock, cursor_blink=False)
    out: dict[str, tuple[float, float]] = {}
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()

            async def press(*keys: str) -> None:
                await pilot.press(*keys)
                await pilot.pause()

            async def first_frame(key: str, cls: type[Any] = HistoryScreen
                                  ) -> tuple[float, float]:
                """From the key to the screen's first frame drawn (the test driver's own
                waiting afterwards left out)."""
                drawn: list[float] = []
                wall, cpu = time.perf_counter(), time.process_time()
                with marking_first_frame(cls, drawn):
                    await pilot.press(key)
                    await pilot.pause()
                return (drawn[0] - wall) * 1000, (drawn[1] - cpu) * 1000

            out["open Help, first frame (the yardstick)"] = await first_frame("?", HelpScreen)
            await press("escape")
            out["open History, first frame (first time)"] = await first_frame("h")
            await press("escape")
            out["open History, first frame (again)"] = await first_frame("h")
            assert isinstance(app.screen, HistoryScreen)
            out["page down"] = await _timed(lambda: press("pagedown"))
            await press("slash")
            out["search a word"] = await _timed(lambda: press(*"walk"))
            await press("escape")
            out["rejections list"] = await _timed(lambda: press("4"))
    finally:
        store.close()
        gc.unfreeze()
        gc.collect()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=float, default=10)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args(argv)
    clock = FixedClock(f"{synth.TODAY.isoformat()}T09:00", zone=synth.ZONE)
    with tempfile.TemporaryDirectory() as tmp:
        db = synth.write_database(synth.make_export(args.years), Path(tmp) / "journal.json")
        runs: list[dict[str, Any]] = [asyncio.run(one_run(db, clock)) for _ in range(args.runs)]
    print(f"History at {args.years:g} years, median of {args.runs} runs (80×24):")
    print("| step | wall ms | CPU ms |\n|---|---:|---:|")
    for name in runs[0]:
        wall = statistics.median(r[name][0] for r in runs)
        cpu = statistics.median(r[name][1] for r in runs)
        print(f"| {name} | {wall:.0f} | {cpu:.0f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
