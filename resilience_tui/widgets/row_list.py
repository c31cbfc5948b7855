"""A list of one-line rows drawn only where they are on screen.

History holds years of rows; a widget per row would take seconds to build.
This draws each visible line on demand (Textual's ``render_line``), so opening
and scrolling cost the same at ten days or ten years. Headings are rows the
cursor skips. The rows are plain text: nothing the user wrote is read as markup.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip


def fitted(line: str, width: int) -> str:
    """One screen line: a row too long for the window ends in "…" (enter shows it whole)
    instead of stopping mid-word with nothing to say more was there."""
    line = line.replace("\n", " ")
    if cell_len(line) <= width:
        return line
    return set_cell_size(line, max(width - 1, 0)) + "…" if width else ""

class RowList(ScrollView, can_focus=True):
    """Rows of anything, drawn by ``text`` (headings told by ``is_heading``); enter
    posts :class:`RowList.Selected`."""

    COMPONENT_CLASSES = {"row-list--heading", "row-list--cursor", "row-list--empty"}

    DEFAULT_CSS = """
    RowList { height: 1fr; background: $surface; }
    RowList > .row-list--heading { text-style: bold; color: $text-primary; }
    RowList > .row-list--cursor { background: $block-cursor-blurred-background;
                                  color: $text; }
    RowList:focus > .row-list--cursor { background: $block-cursor-background;
                                        color: $block-cursor-foreground; text-style: bold; }
    RowList > .row-list--empty { color: $text-muted; text-style: italic; }
    """

    BINDINGS = [
        Binding("down,j", "move(1)", "Down", show=False),
        Binding("up,k", "move(-1)", "Up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("home", "edge(0)", "First", show=False),
        Binding("end", "edge(1)", "Last", show=False),
        Binding("enter", "select", "Open", show=False),
    ]

    cursor: reactive[int] = reactive(-1, layout=False)

    @dataclass
    class Selected(Message):
        """Enter on a row."""

        row_list: RowList
        index: int

    @dataclass
    class Highlighted(Message):
        """The cursor moved to a row."""

        row_list: RowList
        index: int

    def __init__(self, *, empty: str = "Nothing here yet.", id: str | None = None) -> None:
        super().__init__(id=id)
        self._rows: Sequence[Any] = ()
        self._text: Callable[[Any], str] = str
        self._heading: Callable[[Any], bool] = lambda _row: False
        self.empty = empty

    @property
    def row_count(self) -> int:
        return len(self._rows)

    def set_rows(self, rows: Sequence[Any], text: Callable[[Any], str],
                 is_heading: Callable[[Any], bool], keep: int | None = None) -> None:
        """Show ``rows``; the cursor goes to the first entry (or near ``keep``)."""
        self._rows, self._text, self._heading = rows, text, is_heading
        self.virtual_size = Size(self.size.width, len(rows))
        start = min(keep, len(rows) - 1) if keep is not None and rows else 0
        self.cursor = self._entry_from(start, 1 if keep is None else -1)
        if self.cursor < 0:
            self.cursor = self._entry_from(start, 1)
        self.scroll_to(y=0 if keep is None else self.scroll_y, animate=False)
        self._keep_in_view()
        self.refresh()

    def _entry_from(self, index: int, step: int) -> int:
        """The first non-heading row from ``index`` going ``step``; -1 when none."""
        while 0 <= index < len(self._rows):
            if not self._heading(self._rows[index]):
                return index
            index += step
        return -1

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh()
        if new >= 0:
            self.post_message(self.Highlighted(self, new))

    def _keep_in_view(self) -> None:
        if self.cursor < 0:
            return
        height = max(1, self.scrollable_content_region.height)
        # The heading above the first entry of a day stays in view with it.
        top = self.cursor - 1 if self.cursor > 0 and self._heading(self._rows[self.cursor - 1]) \
            else self.cursor
        if top < self.scroll_y:
            self.scroll_to(y=top, animate=False)
        elif self.cursor >= self.scroll_y + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False)

    def action_move(self, step: int) -> None:
        found = self._entry_from(self.cursor + step, step)
        if found >= 0:
            self.cursor = found
            self._keep_in_view()

    def action_page(self, step: int) -> None:
        height = max(1, self.scrollable_content_region.height)
        target = max(0, min(len(self._rows) - 1, self.cursor + step * height))
        found = self._entry_from(target, step)
        if found < 0:
            found = self._entry_from(target, -step)
        if found >= 0:
            self.cursor = found
            self._keep_in_view()

    def action_edge(self, last: int) -> None:
        found = self._entry_from(len(self._rows) - 1, -1) if last else self._entry_from(0, 1)
        if found >= 0:
            self.cursor = found
            self._keep_in_view()

    def action_select(self) -> None:
        if self.cursor >= 0:
            self.post_message(self.Selected(self, self.cursor))

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self._rows))

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if not self._rows:
            if y != 0:
                return Strip.blank(width, base)
            style = self.get_component_rich_style("row-list--empty")
            return Strip([Segment(f" {self.empty}", base + style)]).adjust_cell_length(
                width, base)
        if index >= len(self._rows):
            return Strip.blank(width, base)
        row = self._rows[index]
        text, is_heading = self._text(row), self._heading(row)
        style = base
        if is_heading:
            style = base + self.get_component_rich_style("row-list--heading")
        elif index == self.cursor:
            style = base + self.get_component_rich_style("row-list--cursor")
        prefix = " " if is_heading else "   "
        return Strip([Segment(fitted(prefix + text, width), style)]).adjust_cell_length(
            width, style)
