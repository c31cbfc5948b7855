"""Naming feelings and how strong each is (0–100), and re-rating them later.

:class:`FeelingsRater` shows a short list of our feeling words to tick, a box
for the user's own words, and one row per chosen feeling with its intensity:
typed as a number or nudged with the arrow keys, drawn as a bar so the level
reads without colour. With ``before`` given it re-rates fixed feelings and
shows the earlier level beside the new one.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, Static

from ..domain.checkin import FEELING_WORDS
from ..domain.validate import ValidationError, check_int, clean_text
from .limited_input import LimitedInput
from .word_picker import WordPicker

DEFAULT_INTENSITY = 50
BAR_CELLS = 10


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
        yield Label(self.feeling, classes="feeling-name", markup=False)  # the user's words
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
            yield WordPicker(FEELING_WORDS, self.initial, id="feeling-words")
            with Horizontal(id="own-row"):
                yield Label("Your own words")
                yield LimitedInput(id="own-word", compact=True, max_length=40,
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
            out[name] = check_int(value, f"{name} intensity", 0, 100)
        return out

    def focus_row(self, name: str) -> None:
        for row in self.rows:
            if row.feeling == name:
                row.input.focus()
