"""A picker for a few words at once: feeling words on the check-in and in the cool-down.

One tab stop. ←/→ move through the words, ↑/↓ move a line, space or enter ticks
or unticks the word under the cursor, and a click ticks a word. A ticked word is
marked ✓ and bold, so the choice reads without colour; the word under the cursor
is underlined as well as shown in reverse, for the same reason. The words come as one list
that wraps to the width, or in groups, each on its own line after a dim label.
Ticked words that are not on the list (the user's own, or from an import) are
added to it, so they can be unticked like any other.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

OWN_LABEL = "also"  # the label of the group that holds words from elsewhere
PICKED, NOT_PICKED = "✓", " "

# A line as drawn: its label ("" on a wrapped line) and the indexes of its words.
Line = tuple[str, list[int]]


class WordPicker(Widget, can_focus=True):
    """Tick any number of words; ``chosen`` keeps them in the order ticked."""

    DEFAULT_CSS = """
    WordPicker { height: auto; width: 1fr; padding: 0 1; }
    WordPicker:focus { background: $boost; }
    """

    # Listed for the footer; the keys are handled in on_key (see there).
    BINDINGS = [
        Binding("space,enter", "tick_word", "Tick", key_display="space"),
        Binding("left", "move(-1)", "Previous word", show=False),
        Binding("right", "move(1)", "Next word", show=False),
        Binding("up", "line(-1)", "Line up", show=False),
        Binding("down", "line(1)", "Line down", show=False),
    ]

    cursor: reactive[int] = reactive(0)

    @dataclass
    class Toggled(Message):
        """A word was ticked (``chosen`` True) or unticked."""

        picker: WordPicker
        word: str
        chosen: bool

        @property
        def control(self) -> WordPicker:
            return self.picker

    def __init__(
        self,
        words: Iterable[str] = (),
        chosen: Iterable[str] = (),
        *,
        groups: Iterable[tuple[str, Iterable[str]]] = (),
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        plain = list(words)
        self.groups: list[tuple[str, list[str]]] = [("", plain)] if plain else []
        self.groups += [(label, list(ws)) for label, ws in groups]
        self.chosen: list[str] = []
        for word in dict.fromkeys(chosen):
            self._add_word(word)
            self.chosen.append(word)

    # The words ---------------------------------------------------------------------
    @property
    def words(self) -> list[str]:
        """Every word offered, in the order drawn."""
        return [word for _, words in self.groups for word in words]

    @property
    def label_width(self) -> int:
        labels = [label for label, _ in self.groups if label]
        return max(map(cell_len, labels)) + 1 if labels else 0

    def _add_word(self, word: str) -> None:
        """Offer ``word`` too: at the end of a plain list, or in the "also" group."""
        if word in self.words:
            return
        if not self.label_width:
            if not self.groups:
                self.groups.append(("", []))
            self.groups[-1][1].append(word)
            return
        if self.groups[-1][0] != OWN_LABEL:
            self.groups.append((OWN_LABEL, []))
        self.groups[-1][1].append(word)

    def toggle(self, word: str) -> None:
        """Tick ``word``, or untick it if it was ticked."""
        self.set_chosen(word, word not in self.chosen)

    def set_chosen(self, word: str, chosen: bool) -> None:
        """Tick or untick ``word`` (offering it first if it is new)."""
        self._add_word(word)
        if chosen and word not in self.chosen:
            self.chosen.append(word)
        elif not chosen and word in self.chosen:
            self.chosen.remove(word)
        else:
            return
        self.refresh(layout=True)
        self.post_message(self.Toggled(self, word, chosen))

    # Layout and drawing ----------------------------------------------------------
    def _lines(self, width: int) -> list[Line]:
        """Each group on its own line(s), wrapped to ``width`` cells after the labels."""
        room = max(width - self.label_width, 1)
        lines: list[Line] = []
        index = 0
        for label, words in self.groups:
            lines.append((label, []))
            used = 0
            for word in words:
                size = cell_len(word) + 1  # the mark, then the word
                if lines[-1][1] and used + 1 + size > room:
                    lines.append(("", []))
                    used = 0
                used += size + (1 if lines[-1][1] else 0)
                lines[-1][1].append(index)
                index += 1
        return lines

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(1, len(self._lines(width)))

    def render(self) -> Text:
        text = Text(no_wrap=True)
        words = self.words
        for number, (label, indexes) in enumerate(self._lines(self.size.width)):
            if number:
                text.append("\n")
            if self.label_width:
                text.append(label.ljust(self.label_width), style="dim")
            for position, index in enumerate(indexes):
                if position:
                    text.append(" ")
                word = words[index]
                picked = word in self.chosen
                style = Style(bold=picked, meta={"word": index})
                if self.has_focus and index == self.cursor:
                    style += Style(reverse=True, underline=True)
                text.append((PICKED if picked else NOT_PICKED) + word, style)
        return text

    # Keys and the mouse --------------------------------------------------------------
    def on_key(self, event: events.Key) -> None:
        # A key sent to this picker belongs to it even when focus has moved on by the time
        # it is handled (keys typed ahead of a priority tab); bindings would see the new focus.
        key = event.key
        if key in ("space", "enter"):
            self.action_tick_word()
        elif key in ("left", "right"):
            self.action_move(-1 if key == "left" else 1)
        elif key in ("up", "down"):
            if not self.action_line(-1 if key == "up" else 1):
                return  # no line that way: let the page scroll
        else:
            return
        event.stop()
        event.prevent_default()

    def action_tick_word(self) -> None:
        words = self.words
        if words:
            self.toggle(words[min(self.cursor, len(words) - 1)])

    def action_move(self, delta: int) -> None:
        """Move to the previous or next word (stopping at the ends)."""
        self.cursor = max(0, min(len(self.words) - 1, self.cursor + delta))

    def action_line(self, delta: int) -> bool:
        """Move up or down a line, to the word in the same place; False at the edge."""
        lines = [indexes for _, indexes in self._lines(self.size.width) if indexes]
        for number, indexes in enumerate(lines):
            if self.cursor in indexes and 0 <= number + delta < len(lines):
                target = lines[number + delta]
                self.cursor = target[min(indexes.index(self.cursor), len(target) - 1)]
                return True
        return False

    def on_click(self, event: events.Click) -> None:
        index = event.style.meta.get("word")
        if index is not None and index < len(self.words):
            self.cursor = index
            self.toggle(self.words[index])

    def watch_cursor(self) -> None:
        self.refresh()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
