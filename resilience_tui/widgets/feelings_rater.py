"""Naming feelings and how strong each is (0–100), and re-rating them later.

:class:`FeelingsRater` shows a short list of our feeling words to tick, a box
for the user's own words, and one row per chosen feeling with its intensity:
typed as a number or nudged with the arrow keys, drawn as a bar so the level
reads without colour. With ``before`` given it re-rates fixed feelings and
shows the earlier level beside the new one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Input, Label, Static

from ..domain.validate import ValidationError, check_int, clean_text

FEELING_WORDS = ("hurt", "disappointed", "frustrated", "embarrassed", "anxious", "angry",
                 "sad", "drained", "numb", "relieved")
DEFAULT_INTENSITY = 50
BAR_CELLS = 10


class WordPicker(Widget, can_focus=True):
    """Words in a row to tick on and off: ←/→ move, space or enter ticks, a click ticks."""

    DEFAULT_CSS = """
    WordPicker { height: auto; padding: 0 1; }
    WordPicker:focus { background: $boost; }
    """

    BINDINGS = [
        Binding("left", "move(-1)", "Previous word", show=False),
        Binding("right", "move(1)", "Next word", show=False),
        Binding("space,enter", "toggle", "Tick word", show=False),
    ]

    cursor: reactive[int] = reactive(0)

    @dataclass
    class Toggled(Message):
        """A word was ticked (chosen=True) or unticked."""

        picker: WordPicker
        word: str
        chosen: bool

        @property
        def control(self) -> WordPicker:
            return self.picker

    def __init__(self, words: Iterable[str], chosen: Iterable[str] = (), *,
                 id: str | None = None) -> None:
        super().__init__(id=id)
        self.words = list(words)
        self.chosen = [w for w in chosen if w in self.words]

    def _item(self, word: str) -> str:
        return f"[{'✓' if word in self.chosen else ' '}] {word}"

    def _lines(self, width: int) -> list[list[int]]:
        """Word indexes per line, wrapped to ``width`` cells."""
        lines: list[list[int]] = [[]]
        used = 0
        for index, word in enumerate(self.words):
            size = cell_len(self._item(word)) + 2
            if lines[-1] and used + size > max(width, 1) + 2:
                lines.append([])
                used = 0
            lines[-1].append(index)
            used += size
        return lines

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))

    def render(self) -> Text:
        text = Text(no_wrap=True)
        for number, line in enumerate(self._lines(self.size.width)):
            if number:
                text.append("\n")
            for position, index in enumerate(line):
                word = self.words[index]
                style = "bold" if word in self.chosen else ""
                if index == self.cursor and self.has_focus:
                    style += " reverse"
                text.append(self._item(word), style=style.strip())
                if position < len(line) - 1:
                    text.append("  ")
        return text

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        lines = self._lines(self.size.width)
        if not 0 <= offset.y < len(lines):
            return
        x = 0
        for index in lines[offset.y]:
            size = cell_len(self._item(self.words[index]))
            if x <= offset.x < x + size:
                self.cursor = index
                self.action_toggle()
                return
            x += size + 2

    def action_move(self, delta: int) -> None:
        if self.words:
            self.cursor = (self.cursor + delta) % len(self.words)

    def action_toggle(self) -> None:
        if self.words:
            self.set_chosen(self.words[self.cursor], self.words[self.cursor] not in self.chosen)

    def set_chosen(self, word: str, chosen: bool) -> None:
        """Tick or untick ``word`` (adding it to the list first if it is new)."""
        if word not in self.words:
            self.words.append(word)
        if chosen and word not in self.chosen:
            self.chosen.append(word)
        elif not chosen and word in self.chosen:
            self.chosen.remove(word)
        else:
            return
        self.refresh(layout=True)
        self.post_message(self.Toggled(self, word, chosen))

    def watch_cursor(self) -> None:
        self.refresh()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()


class IntensityInput(Input):
    """A 0–100 number: type it, or ↑/↓ for ±5 and shift+↑/↓ for ±1."""

    BINDINGS = [
        Binding("up", "nudge(5)", "Stronger", show=False),
        Binding("down", "nudge(-5)", "Milder", show=False),
        Binding("shift+up", "nudge(1)", "A little stronger", show=False),
        Binding("shift+down", "nudge(-1)", "A little milder", show=False),
    ]

    start = DEFAULT_INTENSITY  # where nudging begins from an empty field

    def action_nudge(self, delta: int) -> None:
        try:
            current = int(self.value)
        except ValueError:
            current = self.start
        self.value = str(max(0, min(100, current + delta)))
        self.cursor_position = len(self.value)


def bar(value: str) -> str:
    """A ten-cell bar for a 0–100 level, or a short note when the number is not one."""
    try:
        level = int(value)
    except ValueError:
        return "type 0–100" if value.strip() else "not rated yet"
    if not 0 <= level <= 100:
        return "should be 0–100"
    filled = round(level / 100 * BAR_CELLS)
    return "█" * filled + "░" * (BAR_CELLS - filled)


class FeelingRow(Horizontal):
    """One feeling: its name, the earlier level (when re-rating), the level now and a bar."""

    DEFAULT_CSS = """
    FeelingRow { height: 1; }
    FeelingRow .feeling-name { width: 18; }
    FeelingRow .feeling-before { width: 9; color: $text-muted; }
    FeelingRow IntensityInput { width: 6; }
    FeelingRow .feeling-bar { width: 1fr; padding-left: 1; color: $text-muted; }
    """

    def __init__(self, name: str, value: str, before: int | None = None) -> None:
        super().__init__()
        self.feeling = name
        self.value = value
        self.before = before

    def compose(self) -> ComposeResult:
        yield Label(self.feeling, classes="feeling-name")
        if self.before is not None:
            yield Label(f"{self.before:>3} →", classes="feeling-before")
        level = IntensityInput(self.value, type="integer", max_length=3, compact=True,
                               placeholder="0–100")
        if self.before is not None:
            level.start = self.before
        yield level
        yield Static(bar(self.value), classes="feeling-bar")

    @on(Input.Changed)
    def _redraw(self, event: Input.Changed) -> None:
        self.value = event.value
        self.query_one(".feeling-bar", Static).update(bar(event.value))

    @property
    def input(self) -> IntensityInput:
        return self.query_one(IntensityInput)


class FeelingsRater(Vertical):
    """Pick feelings and rate each 0–100; or, given ``before``, re-rate those same feelings."""

    DEFAULT_CSS = """
    FeelingsRater { height: auto; }
    FeelingsRater #own-row { height: 1; margin: 1 0; }
    FeelingsRater #own-row Label { width: 18; color: $text-muted; }
    FeelingsRater #own-word { width: 1fr; max-width: 40; }
    FeelingsRater #rows { height: auto; }
    FeelingsRater .hint { color: $text-muted; }
    """

    def __init__(self, values: Mapping[str, str] | None = None, *,
                 before: Mapping[str, int] | None = None, id: str | None = None) -> None:
        super().__init__(id=id)
        self.before = dict(before) if before is not None else None
        self.initial = dict(values or {})
        if self.before is not None:
            self.initial = {name: self.initial.get(name, "") for name in self.before}

    def compose(self) -> ComposeResult:
        if self.before is None:
            own = [w for w in self.initial if w not in FEELING_WORDS]
            yield WordPicker([*FEELING_WORDS, *own], self.initial, id="feeling-words")
            with Horizontal(id="own-row"):
                yield Label("Your own words")
                yield Input(id="own-word", compact=True, max_length=40,
                            placeholder="type a feeling, press enter")
        with Vertical(id="rows"):
            for name, value in self.initial.items():
                yield self._row(name, value)
        yield Static("Type a number, or ↑/↓ to adjust by 5.", id="rows-hint", classes="hint")

    def on_mount(self) -> None:
        self._show_hint()

    def _show_hint(self) -> None:
        self.query_one("#rows-hint").display = bool(self.rows)

    def _row(self, name: str, value: str) -> FeelingRow:
        before = self.before.get(name) if self.before is not None else None
        return FeelingRow(name, value, before)

    @property
    def rows(self) -> list[FeelingRow]:
        return list(self.query_one("#rows").query(FeelingRow))

    @on(WordPicker.Toggled)
    async def _toggled(self, event: WordPicker.Toggled) -> None:
        rows = self.query_one("#rows")
        if event.chosen:
            await rows.mount(self._row(event.word, str(DEFAULT_INTENSITY)))
        else:
            for row in self.rows:
                if row.feeling == event.word:
                    await row.remove()
        self._show_hint()

    @on(Input.Submitted, "#own-word")
    def _add_own(self, event: Input.Submitted) -> None:
        event.stop()
        picker = self.query_one(WordPicker)
        for raw in event.value.split(","):
            try:
                word = clean_text(raw, "feeling", max_len=40).lower()
            except ValidationError:
                continue
            if word:
                picker.set_chosen(word, True)
        event.input.value = ""

    def values(self) -> dict[str, str]:
        """What is typed, as it is (for drafts): feeling name → the level text."""
        typed = {row.feeling: row.value for row in self.rows}
        if self.before is not None:
            return typed
        # The picker is the truth about which feelings are named: a word ticked a moment
        # ago may not have its row yet, and counts at the starting level.
        chosen = self.query_one(WordPicker).chosen
        return {name: typed.get(name, str(DEFAULT_INTENSITY)) for name in chosen}

    def ratings(self) -> dict[str, int]:
        """Validated levels; an empty row is left out when re-rating."""
        out: dict[str, int] = {}
        for name, value in self.values().items():
            if self.before is not None and not value.strip():
                continue
            out[name] = check_int(value, f"{name} intensity", 0, 100)  # type: ignore[assignment]
        return out

    def focus_row(self, name: str) -> None:
        for row in self.rows:
            if row.feeling == name:
                row.input.focus()
