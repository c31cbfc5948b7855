"""Rows of tick-boxes, each with a note to type or a line explaining it.

Used by the cool-down for reason tags (tick + note), thinking traps (tick +
a plain explanation) and redirect actions (tick + what exactly to do).
Typing a note ticks its row, so nothing written is silently left out; clearing the
note again takes that tick back, but only when the words made it (a tick given by
hand stays until it is taken back by hand).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Checkbox, Input, Static

from .limited_input import LimitedInput
from .tickbox import TickBox


class TagRow(Horizontal):
    """One tag: its tick-box, and either a note field or an explanation."""

    DEFAULT_CSS = """
    TagRow { height: auto; min-height: 1; }
    TagRow TickBox { width: auto; padding: 0; }
    TagRow .tag-note { width: 1fr; }
    TagRow .tag-explain { width: 1fr; color: $text-muted; }
    """

    def __init__(self, tag: str, ticked: bool, note: str = "", *, placeholder: str = "",
                 explanation: str | None = None, tick_width: int = 30) -> None:
        super().__init__()
        self.tag = tag
        self.ticked = ticked
        self.note = note
        self.placeholder = placeholder
        self.explanation = explanation
        self.tick_width = tick_width
        self._ticked_by_note = False  # the tick is there only because words were typed

    def compose(self) -> ComposeResult:
        box = TickBox(self.tag, self.ticked, compact=True)
        box.styles.width = self.tick_width
        yield box
        if self.explanation is not None:
            yield Static(self.explanation, classes="tag-explain")
        else:
            yield LimitedInput(self.note, placeholder=self.placeholder, compact=True,
                        max_length=1000, classes="tag-note")

    @property
    def box(self) -> TickBox:
        return self.query_one(TickBox)

    @on(Input.Changed, ".tag-note")
    def _tick_with_the_words(self, event: Input.Changed) -> None:
        box = self.box
        written = bool(event.value.strip())
        if written and not box.value:
            self._set_tick(True)
            self._ticked_by_note = True
        elif not written and box.value and self._ticked_by_note:
            self._set_tick(False)
            self._ticked_by_note = False

    def _set_tick(self, value: bool) -> None:
        # Quietly: every Checkbox.Changed this row hears is then a tick given by hand.
        with self.box.prevent(Checkbox.Changed):
            self.box.value = value

    @on(Checkbox.Changed)
    def _ticked_by_hand(self) -> None:
        self._ticked_by_note = False


class TaggedNotes(Vertical):
    """Tick any tags; each may carry a note (or shows a fixed explanation)."""

    DEFAULT_CSS = """
    TaggedNotes { height: auto; }
    """

    def __init__(
        self,
        tags: Iterable[str],
        *,
        ticked: Iterable[str] = (),
        notes: Mapping[str, str] | None = None,
        placeholders: Mapping[str, str] | None = None,
        explanations: Mapping[str, str] | None = None,
        tick_width: int = 30,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.tags = list(tags)
        self.initial_ticked = set(ticked)
        self.initial_notes = dict(notes or {})
        self.placeholders = dict(placeholders or {})
        self.explanations = explanations
        self.tick_width = tick_width

    def compose(self) -> ComposeResult:
        for tag in self.tags:
            yield TagRow(
                tag, tag in self.initial_ticked, self.initial_notes.get(tag, ""),
                placeholder=self.placeholders.get(tag, ""),
                explanation=self.explanations.get(tag, "") if self.explanations else None,
                tick_width=self.tick_width,
            )

    @property
    def rows(self) -> list[TagRow]:
        return list(self.query(TagRow))

    def _note(self, row: TagRow) -> str:
        found = row.query(".tag-note").results(Input)
        return next((i.value for i in found), "")

    def chosen(self) -> dict[str, str]:
        """The ticked tags with their notes, in the order shown."""
        return {row.tag: self._note(row).strip() for row in self.rows if row.box.value}

    def draft(self) -> dict[str, Any]:
        """Everything as typed, ticked or not (for a half-done step)."""
        notes = {row.tag: self._note(row) for row in self.rows if self._note(row)}
        return {"ticked": [row.tag for row in self.rows if row.box.value], "notes": notes}

