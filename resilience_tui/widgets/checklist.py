"""Plan widgets: Today's checklist, an editable plan row, and the suggestion list.

Each item is marked with a glyph ([✓] done, [ ] to do, + suggested), never colour only.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Button, Input, OptionList, Select
from textual.widgets.option_list import Option

from ..domain.checkin import SOURCE_LABELS
from ..domain.models import MAX_LINE, PLAN_KINDS, PlanItem
from .limited_input import LimitedInput

if TYPE_CHECKING:  # the suggestion rules (and their themes) are not needed to paint Today
    from ..domain.suggestions import Suggestion


def item_line(kind: str, text: str, mark: str, *, done: bool = False, note: str = "") -> ItemLine:
    """One item: the mark in its own column (wrapped words stay indented under the text),
    then the kind and the words; done items are struck through."""
    body = Text()
    body.append(f"{kind} · ", style="dim")
    body.append(text, style="strike dim" if done else "")
    if note:
        body.append(f"  ({note})", style="dim italic")
    return ItemLine(mark, body)


class ItemLine:
    """A mark, then words wrapped beside it: what a two-column ``Table.grid`` draws (the
    mark's column ``len(mark) + 1`` wide, the words' column the rest), segment for segment,
    without the table.

    An option list renders each item several times before its first frame (its height at
    each width the layout tries, then each line), and a rich table works out its columns
    anew every time: with a five-item plan and a cool-down that was most of what a full
    morning's Today cost over an empty one. The widths here follow the table's own rule
    for these two columns; where a width leaves the words no room at all, the table
    itself draws it (``tests/unit/test_item_line.py`` holds the two to the same output).
    """

    __slots__ = ("mark", "body", "_widest", "_drawn")

    def __init__(self, mark: str, body: Text) -> None:
        self.mark = mark
        self.body = body
        self._widest: int | None = None  # the words on one line, in cells
        # What it drew, by what the drawing depends on: the list asks again and again.
        self._drawn: dict[tuple[object, ...], list[Segment]] = {}

    def table(self) -> Table:
        """The same item as the table it stands for."""
        grid = Table.grid()
        grid.add_column(width=len(self.mark) + 1, no_wrap=True)
        grid.add_column(ratio=1)
        grid.add_row(self.mark, self.body)
        return grid

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.table())  # only for an auto width

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        # Everything else the cells are drawn with is set below, whatever ``options`` say.
        key = (id(console), options.max_width, options.markup, options.encoding,
               options.legacy_windows)
        drawn = self._drawn.get(key)
        if drawn is None:
            drawn = self._drawn[key] = list(self._draw(console, options))
        return drawn

    def _draw(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        mark_width = len(self.mark) + 1
        room = options.max_width - mark_width
        if room < 1:  # the table squeezes both columns: let it
            yield from console.render(self.table(), options)
            return
        if self._widest is None:
            self._widest = self.body.__rich_measure__(console, options).maximum
        widths = (mark_width, min(self._widest or 1, room))
        # As Table._render draws one row of a grid: each cell rendered at its width,
        # padded to the row's height, then the cells side by side line by line.
        outer = options.update(width=sum(widths), highlight=False, height=None)
        style = console.get_style(console.get_style("")) + console.get_style(Style.null())
        cells = [console.render_lines(
                     cell, outer.update(width=width, justify="left", no_wrap=no_wrap,
                                        overflow="ellipsis", height=None, highlight=False),
                     style=style)
                 for cell, width, no_wrap in ((self.mark, widths[0], True),
                                              (self.body, widths[1], False))]
        height = max(len(lines) for lines in cells)
        shaped = [Segment.set_shape(Segment.align_top(lines, width, height, style), width, height)
                  for lines, width in zip(cells, widths, strict=True)]
        new_line = Segment.line()
        for line_no in range(height):
            for lines in shaped:
                yield from lines[line_no]
            yield new_line


class QuietOptionList(OptionList):
    """An option list without a frame that shows its cursor only while it has focus,
    so a list on a page does not look as if something in it were chosen."""

    DEFAULT_CSS = """
    QuietOptionList { border: none; padding: 0; background: transparent; height: auto; }
    QuietOptionList:focus { border: none; background-tint: $foreground 0%; }
    QuietOptionList > .option-list--option-highlighted {
        background: transparent; color: $foreground; text-style: none;
    }
    QuietOptionList:focus > .option-list--option-highlighted {
        background: $block-cursor-background; color: $block-cursor-foreground;
        text-style: $block-cursor-text-style;
    }
    """


class PlanChecklist(QuietOptionList):
    """Today's plan: up/down move, space or enter ticks; posts ``Toggled``.

    On a crowded Today the list can be folded to a few lines (:meth:`fold`): it then
    scrolls inside itself as the cursor moves, so every item can still be reached and
    ticked, and it posts ``Moved`` with how many items are out of view, for a
    "+3 more below" line (the scrollbar is hidden: that line says it in words).
    """

    DEFAULT_CSS = """
    PlanChecklist { scrollbar-size-vertical: 0; }
    """

    BINDINGS = [
        # Not in the footer: the panel says "space ticks", and Today's footer is full at 80.
        Binding("space,enter", "select", "Tick", key_display="space", show=False),
    ]

    @dataclass
    class Toggled(Message):
        """The user ticked (``done`` True) or unticked an item."""

        checklist: PlanChecklist
        item_id: str
        done: bool

        @property
        def control(self) -> PlanChecklist:
            return self.checklist

    @dataclass
    class Moved(Message):
        """What part of the plan is in view changed: ``above`` and ``below`` count the
        items not wholly shown on either side (both 0 when it all shows)."""

        checklist: PlanChecklist
        above: int
        below: int

        @property
        def control(self) -> PlanChecklist:
            return self.checklist

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.items: list[PlanItem] = []
        self._out_of_view = (0, 0)
        self._folded_to: int | None = None  # the lines ``fold`` last limited the list to

    def set_items(self, items: Sequence[PlanItem]) -> None:
        """Show ``items``, keeping the cursor where it was."""
        keep = self.highlighted
        self.items = list(items)
        self.set_options(Option(item_line(p.kind, p.text, "[✓]" if p.done else "[ ]",
                                          done=p.done), id=p.id) for p in self.items)
        if self.items:
            self.highlighted = min(keep or 0, len(self.items) - 1)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        item = self.items[event.option_index]
        self.post_message(self.Toggled(self, item.id, not item.done))

    # Folding --------------------------------------------------------------
    def item_heights(self) -> list[int]:
        """Each item's height in lines at the list's present width (wrapped words
        included). Textual's own line map: the pinned version keeps it in one place."""
        heights = self._heights
        return [heights.get(i, 1) for i in range(self.option_count)]

    def fold(self, lines: int | None) -> int:
        """Show at most ``lines`` lines, ending on a whole item where one fits, or
        everything (None). The cursor's item stays in view. Returns the height folded to."""
        total = sum(self.item_heights())
        limit: int | None = None
        if lines is None or lines >= total:
            target = total
        else:
            target = 0
            for height in self.item_heights():
                if target + height > lines:
                    break
                target += height
            limit = target = target or max(lines, 1)  # one tall item: part of it
        if limit != self._folded_to:  # setting it, even to the same, lays Today out again
            self._folded_to = self.styles.max_height = limit
        if self.size.height == target:  # no resize to wait for
            self._report(always=True)
        return target

    def on_resize(self, _event: events.Resize) -> None:
        self.scroll_to_highlight()
        self._report(always=True)

    def out_of_view(self, height: int | None = None) -> tuple[int, int]:
        """How many items are above and below what the list shows now (or will show once
        it is ``height`` lines tall)."""
        top = round(self.scroll_y)
        bottom = top + (self.scrollable_content_region.height if height is None else height)
        above = below = 0
        start = 0
        for lines in self.item_heights():
            if start < top:
                above += 1
            elif start + lines > bottom:
                below += 1
            start += lines
        return above, below

    def _report(self, *, always: bool = False) -> None:
        counts = self.out_of_view()
        if always or counts != self._out_of_view:
            self._out_of_view = counts
            self.post_message(self.Moved(self, *counts))

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if round(old_value) != round(new_value):
            self._report()


class PlanRow(Horizontal):
    """One plan item in the check-in form: its kind, its words, and a remove button."""

    DEFAULT_CSS = """
    PlanRow { height: 1; margin-bottom: 0; }
    PlanRow Select { width: 14; }
    PlanRow Input { width: 1fr; margin-left: 1; }
    PlanRow Button { width: 3; min-width: 3; margin-left: 1; }
    """

    BINDINGS = [Binding("ctrl+r", "remove", "Remove item")]

    @dataclass
    class Remove(Message):
        """The user asked to take this row out of the plan."""

        row: PlanRow

    def __init__(self, item: PlanItem, *, focus: bool = False) -> None:
        super().__init__(classes="plan-row")
        self.item = item
        self._focus_on_mount = focus

    def compose(self) -> ComposeResult:
        yield Select([(k, k) for k in PLAN_KINDS], value=self.item.kind, allow_blank=False,
                     compact=True, classes="kind")
        yield LimitedInput(self.item.text, placeholder="what, with whom, where",
                           max_length=MAX_LINE, compact=True, select_on_focus=False,
                           classes="text")
        remove = Button("✕", compact=True, tooltip="Remove this item (ctrl+r)")
        remove.can_focus = False
        yield remove

    def on_mount(self) -> None:
        if self._focus_on_mount:
            self.focus_text()
            # Once laid out, bring the new row into view (a long plan runs below the fold).
            self.call_after_refresh(self.scroll_visible, animate=False)

    def value(self) -> PlanItem:
        """The item as edited; its id, tick and origin are kept."""
        kind = self.query_one(Select).value
        self.item.kind = str(kind) if kind is not Select.NULL else self.item.kind
        self.item.text = self.query_one(Input).value
        return self.item

    def focus_text(self) -> None:
        self.query_one(Input).focus()

    def action_remove(self) -> None:
        self.post_message(self.Remove(self))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(self.Remove(self))


class SuggestionList(QuietOptionList):
    """Suggested plan items: enter or a adds one to the plan, d drops it for now."""

    BINDINGS = [
        Binding("enter,a", "select", "Add to plan"),
        Binding("d,x", "drop", "Drop"),
    ]

    @dataclass
    class Accepted(Message):
        suggestions: SuggestionList
        suggestion: Suggestion

    @dataclass
    class Dropped(Message):
        suggestions: SuggestionList
        suggestion: Suggestion

    def __init__(self, suggestions: Sequence[Suggestion], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.suggestions = list(suggestions)

    def on_mount(self) -> None:
        self._show()

    def _show(self) -> None:
        keep = self.highlighted
        self.set_options(Option(item_line(s.kind, s.text, "+",
                                          note=SOURCE_LABELS.get(s.source, s.source)))
                         for s in self.suggestions)
        if self.suggestions:
            self.highlighted = min(keep or 0, len(self.suggestions) - 1)
        self.display = bool(self.suggestions)

    def _take(self) -> Suggestion | None:
        if self.highlighted is None or not self.suggestions:
            return None
        taken = self.suggestions.pop(self.highlighted)
        self._show()
        return taken

    def put_back(self, suggestion: Suggestion) -> None:
        """Offer a suggestion again (the plan had no room for it)."""
        self.suggestions.insert(0, suggestion)
        self._show()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        taken = self._take()
        if taken:
            self.post_message(self.Accepted(self, taken))

    def action_drop(self) -> None:
        taken = self._take()
        if taken:
            self.post_message(self.Dropped(self, taken))
