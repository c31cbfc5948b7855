"""Turning a control off without dropping the keys that follow.

Textual sends focus back up the chain when the focused widget is disabled, so
a button that disabled itself after its press left the next Tab and the words
after it on the button before. Now the next field takes the focus at once, so
words typed straight away land there; and a Tab pressed straight away, which
from the button meant "to the next field", leaves the focus there too rather
than skipping past the field it was already in.
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
            # At once, not after a refresh as focus() does: disabling a widget that still
            # holds focus would first send it back up the chain.
            widget.screen.set_focus(target)
            _first_tab_stays(target)
        else:
            widget.screen.focus_next()
    widget.disabled = True


def _words(widget: Widget) -> object:
    return getattr(widget, "text", getattr(widget, "value", None))


def _first_tab_stays(target: Widget) -> None:
    """If the first move after the hand-off is a Tab out of ``target``, untouched, undo it."""
    screen = target.screen
    before = _words(target)
    done = False

    def moved(old: Widget | None, new: Widget | None) -> None:
        nonlocal done
        if done:
            return
        done = True
        chain = screen.focus_chain
        forward = (old is target and new in chain and target in chain
                   and chain.index(new) == chain.index(target) + 1)
        if forward and _words(target) == before:
            screen.set_focus(target)  # at once: letters typed right after the Tab follow it

    target.watch(screen, "focused", moved, init=False)
