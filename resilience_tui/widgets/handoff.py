"""Turning a control off without dropping the keys that follow.

Textual sends focus back up the chain when the focused widget is disabled, so
a button that disabled itself after its press left the next Tab and the words
after it on the button before. Handing focus forward first keeps the next
keys in the field the user is heading for.
"""

from __future__ import annotations

from textual.widget import Widget


def next_field(widget: Widget) -> Widget | None:
    """The first field after ``widget`` in the page's own order that can take focus.

    The page's order, not the focus chain's: the chain sorts by position on
    screen, and a part shown a moment ago has no position yet.
    """
    after = False
    for node in widget.screen.walk_children(Widget):
        if node is widget:
            after = True
        elif after and node.focusable and all(
                n.display for n in node.ancestors_with_self if isinstance(n, Widget)):
            return node
    return None


def disable_moving_on(widget: Widget) -> None:
    """Disable ``widget``; if it held focus, the next field takes it."""
    if widget.has_focus and not widget.disabled:
        target = next_field(widget)
        if target is not None:
            target.focus()
        else:
            widget.screen.focus_next()
    widget.disabled = True
