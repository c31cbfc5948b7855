"""The yardstick for first paint: a bare Textual app with a header, one line and a footer.

``bench.py`` runs it headless beside the real app; with ``--exit-after-paint`` it
quits after its first complete frame, by the same test ``first_paint.py``
applies to Today (``painted.py``), so the two times compare like with like.
Run it without flags to look at it (ctrl+q quits).
"""

from __future__ import annotations

import sys

from painted import exit_when_painted, report_at_exit
from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static


class BareApp(App[None]):
    """Header, one line, footer: the least a Textual app paints."""

    def __init__(self, exit_after_paint: bool = False, show: bool = False) -> None:
        super().__init__()
        self.exit_after_paint = exit_after_paint
        self.show = show

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("A bare Textual app: one line of text.")
        yield Footer()

    def on_mount(self) -> None:
        if self.exit_after_paint:
            exit_when_painted(self.screen, self.show)


if __name__ == "__main__":
    quick = "--exit-after-paint" in sys.argv
    report_at_exit()
    app = BareApp(exit_after_paint=quick, show="--show" in sys.argv)
    app.run(headless=quick, size=(80, 24) if quick else None)
