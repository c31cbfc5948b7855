"""A one-line field with a length limit that it shows and explains, never a silent cut.

Near the end of its room the field counts the characters (``183/200``) at its
right edge, inside the field, so the count sits where the words run out.
A key or a paste that would go past the limit is refused as Textual refuses it,
and a short note says why, so nothing typed disappears without a word.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.segment import Segment
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import Input

# Counting starts when this much of the room is left: a fifth, and at least ten.
QUIET_SHARE, LEAST_WARNING = 5, 10
# Below this the limit is a number's digits, not words: nothing to count.
SHORTEST_COUNTED = 20


def counter_text(used: int, limit: int) -> str:
    """``183/200`` once the room is nearly used, else ""."""
    if limit < SHORTEST_COUNTED or limit - used > max(LEAST_WARNING, limit // QUIET_SHARE):
        return ""
    return f"{used}/{limit}"


class LimitedInput(Input):
    """An Input whose ``max_length`` the user can see coming and is told about."""

    DEFAULT_CSS = """
    LimitedInput > .limited--counter { color: $text-muted; }
    LimitedInput > .limited--full { color: $text-warning; text-style: bold; }
    """

    COMPONENT_CLASSES = {"limited--counter", "limited--full"}

    _told_full = False

    # The count ------------------------------------------------------------------
    @property
    def counter(self) -> str:
        return counter_text(len(self.value), self.max_length or 0)

    @property
    def _counter_room(self) -> int:
        """Cells kept at the right for the count (and a space before it)."""
        text = self.counter
        return cell_len(text) + 1 if text else 0

    @property
    def scrollable_content_region(self) -> Region:
        # The words scroll in what the count leaves, so the cursor never hides under it.
        region = super().scrollable_content_region
        return region._replace(width=max(1, region.width - self._counter_room))

    @property
    def content_width(self) -> int:
        return super().content_width + self._counter_room

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        room = self._counter_room
        if y != 0 or not room:
            return strip
        width = self.content_region.width
        words = strip.crop(0, max(0, width - room)).extend_cell_length(max(0, width - room))
        full = len(self.value) >= (self.max_length or 0)
        style = self.get_component_rich_style("limited--full" if full else "limited--counter")
        count = Strip([Segment(" ", self.rich_style),
                       Segment(self.counter, self.rich_style + style)])
        return Strip.join([words, count]).crop(0, width)

    def _watch_value(self, value: str) -> None:
        if len(value) < (self.max_length or 0):
            self._told_full = False  # room again: the next refusal is news
        super()._watch_value(value)

    # Refusals ------------------------------------------------------------------
    def replace(self, text: str, start: int, end: int) -> None:
        limit = self.max_length or 0
        low, high = sorted((max(0, start), min(len(self.value), end)))
        total = len(self.value) - (high - low) + len(text)
        if limit and total > limit:
            self._say_full(limit, total, pasted=len(text) > 1)
        super().replace(text, start, end)

    def _say_full(self, limit: int, total: int, *, pasted: bool) -> None:
        if pasted:
            self.notify(f"That paste is too long for this field: it would make {total} "
                        f"characters, and the field holds {limit}. Shorten it and paste "
                        "again.", timeout=6)
        elif not self._told_full:
            self._told_full = True
            self.notify(f"This field is full: it holds {limit} characters.", timeout=4)
