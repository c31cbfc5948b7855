"""A plan item is drawn exactly as the two-column grid it replaced: the same characters
in the same styles, wrapped the same way, at every width (so Today's pixels stay put)."""

from __future__ import annotations

import pytest
from rich.console import Console
from rich.style import Style

from resilience_tui.widgets.checklist import item_line

ITEMS = [
    item_line("apply", "Away role at week what keep about page is away want send that one", "[ ]"),
    item_line("apply", "short", "[✓]", done=True),
    item_line("outreach", "Ask Aoife about the supercalifragilisticexpialidocious team", "[ ]"),
    item_line("practice", "日本語 émigré words\tafter a tab", "[✓]", done=True),
    item_line("apply", "one two three four five six seven", "+", note="from your notes"),
    item_line("", "", "+"),
]


@pytest.mark.parametrize("width", [1, 2, 3, 4, 5, 6, 8, 11, 17, 24, 39, 43, 44, 60, 120])
def test_item_draws_as_the_grid_did(width: int) -> None:
    console = Console(width=120, color_system="truecolor")
    for options in (console.options.update_width(width),
                    console.options.update(width=width, justify="center", no_wrap=True,
                                           overflow="fold", highlight=True)):
        for item in ITEMS:
            assert list(console.render(item, options)) == list(console.render(item.table(),
                                                                              options))
            styled = Style(bgcolor="blue", bold=True)  # as the list draws its cursor row
            assert (console.render_lines(item, options, style=styled, pad=True)
                    == console.render_lines(item.table(), options, style=styled, pad=True))


def test_item_drawn_again_is_the_same() -> None:
    console = Console(width=120)
    item = ITEMS[0]
    options = console.options.update_width(30)
    first = list(console.render(item, options))
    assert list(console.render(item, options)) == first
    assert list(console.render(item, console.options.update_width(70))) != first
