"""A 1–5 scale picker: keys 1–5 set it, left/right move, each level has a word.

Focus shows as a ▶ before the levels (and bold), not only as a shade of the
background, which some themes make hard to tell apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

MOOD_WORDS = ("very low", "low", "okay", "good", "great")
ENERGY_WORDS = ("drained", "tired", "steady", "lively", "full of beans")
OPTIMISM_WORDS = ("bleak", "doubtful", "neutral", "hopeful", "bright")
MATTERED_WORDS = ("a little", "somewhat", "quite a bit", "a lot", "very much")
FOCUS_MARK = "▶"


class ScalePicker(Widget, can_focus=True):
    """Pick a level 1–5 (or none). Shows ``1 2 [3] 4 5  steady`` and the chosen word."""

    DEFAULT_CSS = """
    ScalePicker { height: 1; width: auto; min-width: 30; padding: 0 1 0 0; }
    ScalePicker:focus { background: $boost; text-style: bold; }
    """

    BINDINGS = [
        Binding("1", "pick(1)", "1", show=False),
        Binding("2", "pick(2)", "2", show=False),
        Binding("3", "pick(3)", "3", show=False),
        Binding("4", "pick(4)", "4", show=False),
        Binding("5", "pick(5)", "5", show=False),
        Binding("left", "step(-1)", "Less", show=False),
        Binding("right", "step(1)", "More", show=False),
        Binding("backspace,delete", "clear", "Clear", show=False),
    ]

    value: reactive[int | None] = reactive(None)

    @dataclass
    class Changed(Message):
        """The level changed (None when cleared)."""

        picker: ScalePicker
        value: int | None

        @property
        def control(self) -> ScalePicker:
            return self.picker

    def __init__(
        self,
        words: tuple[str, ...] = MOOD_WORDS,
        value: int | None = None,
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.words = words
        self.set_reactive(ScalePicker.value, value)

    def render(self) -> Text:
        text = Text(FOCUS_MARK if self.has_focus else " ")  # in place of a left padding
        for level in range(1, len(self.words) + 1):
            if level == self.value:
                text.append(f"[{level}]", style="bold reverse")
            else:
                text.append(f" {level} ", style="dim" if self.value else "")
        word = self.words[self.value - 1] if self.value else "not set · press 1–5"
        text.append(f"  {word}", style="italic" if self.value else "dim italic")
        return text

    def watch_value(self, value: int | None) -> None:
        self.post_message(self.Changed(self, value))

    def action_pick(self, level: int) -> None:
        if 1 <= level <= len(self.words):
            self.value = level

    def on_key(self, event: events.Key) -> None:
        # A digit sent to this scale belongs to it even when focus has moved on by the time
        # it is handled (keys typed ahead of a priority tab); bindings would see the new focus.
        if event.key.isdigit() and 1 <= int(event.key) <= len(self.words):
            event.stop()
            event.prevent_default()
            self.action_pick(int(event.key))

    def action_step(self, delta: int) -> None:
        start = self.value or (1 if delta > 0 else len(self.words) + 1) - delta
        self.value = max(1, min(len(self.words), start + delta))

    def action_clear(self) -> None:
        self.value = None
