"""The feeling-word picker: four short rows (pleasant/unpleasant × high/low energy).

One tab stop: arrows move between words, space or enter picks or unpicks the word
under the cursor, a click picks a word. A picked word is marked with ✓ (and bold),
so the choice reads without colour.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from ..domain.checkin import FEELING_GROUPS

LABEL_WIDTH = 17


class FeelingPicker(Widget, can_focus=True):
    """Pick any number of feeling words; ``selected`` keeps them in the order picked."""

    DEFAULT_CSS = """
    FeelingPicker { height: auto; width: 1fr; padding: 0 1; }
    FeelingPicker:focus { background: $boost; }
    """

    BINDINGS = [
        Binding("left", "move(0, -1)", "Previous word", show=False),
        Binding("right", "move(0, 1)", "Next word", show=False),
        Binding("up", "move(-1, 0)", "Row up", show=False),
        Binding("down", "move(1, 0)", "Row down", show=False),
        Binding("space,enter", "toggle", "Pick feeling"),
    ]

    cursor: reactive[tuple[int, int]] = reactive((0, 0))

    @dataclass
    class Changed(Message):
        """The picked words changed."""

        picker: FeelingPicker
        selected: list[str]

        @property
        def control(self) -> FeelingPicker:
            return self.picker

    def __init__(self, selected: Iterable[str] = (), *, id: str | None = None) -> None:
        super().__init__(id=id)
        # Words from elsewhere (an import, an older list) are kept, and shown on their own line.
        self.selected: list[str] = list(dict.fromkeys(selected))

    def _word(self, group: int, index: int) -> str:
        return FEELING_GROUPS[group][1][index]

    def render(self) -> Text:
        text = Text()
        known = {w for _, words in FEELING_GROUPS for w in words}
        for g, (label, words) in enumerate(FEELING_GROUPS):
            if g:
                text.append("\n")
            text.append(f"{label:<{LABEL_WIDTH}}", style="dim")
            for i, word in enumerate(words):
                picked = word in self.selected
                style = Style(bold=picked, meta={"feeling": (g, i)})
                if self.has_focus and self.cursor == (g, i):
                    style += Style(reverse=True)
                text.append(("✓" if picked else " ") + word, style=style)
                text.append(" ")
        others = [w for w in self.selected if w not in known]
        if others:
            text.append(f"\n{'also':<{LABEL_WIDTH}}", style="dim")
            text.append(", ".join(others))
        return text

    def action_move(self, rows: int, cols: int) -> None:
        g, i = self.cursor
        g = max(0, min(len(FEELING_GROUPS) - 1, g + rows))
        i = max(0, min(len(FEELING_GROUPS[g][1]) - 1, i + cols))
        self.cursor = (g, i)

    def action_toggle(self) -> None:
        self.toggle(self._word(*self.cursor))

    def toggle(self, word: str) -> None:
        """Pick ``word``, or unpick it if it was picked."""
        if word in self.selected:
            self.selected.remove(word)
        else:
            self.selected.append(word)
        self.refresh(layout=True)
        self.post_message(self.Changed(self, list(self.selected)))

    def on_click(self, event: events.Click) -> None:
        where = event.style.meta.get("feeling")
        if where is not None:
            self.cursor = tuple(where)  # type: ignore[assignment]
            self.toggle(self._word(*where))

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
