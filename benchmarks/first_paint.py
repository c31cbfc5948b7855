"""Run ``resilience --db PATH`` headless, and quit once Today has painted.

``bench.py`` times this process from its start to the painted frame against
``bare_app.py``. It goes through the real entry point (``cli.main``), so any
start-up work the command does is measured; only the terminal (headless,
80×24) and the exit hook differ. "Painted" means the first frame that is
complete down to the footer's keys (Textual fills the footer a frame after the
rest), the same test for both apps. ``--show`` prints that frame's text, to
check the run really showed the history. The run ends once the history is in memory
as well (the app reads it just after its first frame when a summary lets it paint
first), so the peak memory counts it. With ``BENCH_REPORT`` set, the moments of the
paint and of the history being in, and the peak memory, are written there as JSON
at exit (``painted.py``).

    uv run python benchmarks/first_paint.py --db PATH [--show]
"""

from __future__ import annotations

import argparse
import importlib.abc
import importlib.machinery
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from painted import exit_when_painted, report_at_exit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


class PatchOnImport(importlib.abc.MetaPathFinder):
    """Change a module right after it is first imported, wherever the program imports it.

    Importing the app up front to patch it would move Textual's import before the
    database is read, which is not the order ``resilience`` uses (and changes the
    peak memory); this leaves the order alone.
    """

    def __init__(self, patches: dict[str, Callable[[Any], None]]) -> None:
        self.patches = patches

    def find_spec(self, name: str, path: Any, target: Any = None) -> Any:
        if name not in self.patches:
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None:
            return spec
        load, patch = spec.loader.exec_module, self.patches[name]

        def load_and_patch(module: Any) -> None:
            load(module)
            patch(module)

        spec.loader.exec_module = load_and_patch  # type: ignore[method-assign]
        return spec


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--show", action="store_true", help="print the painted frame (stderr)")
    args = parser.parse_args()
    report_at_exit()

    # The real command, with two changes: headless at 80x24, and quit once Today is painted.
    def patch_app(module: Any) -> None:
        run = module.ResilienceApp.run

        def headless_run(app: Any, **_: Any) -> Any:
            return run(app, headless=True, size=(80, 24))

        module.ResilienceApp.run = headless_run

    def patch_today(module: Any) -> None:
        on_mount = module.TodayScreen.on_mount

        def on_mount_then_exit(screen: Any) -> None:
            on_mount(screen)
            # Quit once the history is in memory too: the peak memory counts it.
            exit_when_painted(screen, args.show, until=lambda: screen.app.store.ready)

        module.TodayScreen.on_mount = on_mount_then_exit

    sys.meta_path.insert(0, PatchOnImport({"resilience_tui.app": patch_app,
                                           "resilience_tui.screens.today.screen": patch_today}))
    from resilience_tui import cli

    cli.has_terminal = lambda: True  # headless: Textual draws to no terminal at all
    return cli.main(["--db", str(args.db)])


if __name__ == "__main__":
    sys.exit(main())
