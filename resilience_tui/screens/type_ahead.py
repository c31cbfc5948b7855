"""Type-ahead: keys typed faster than the app reacts reach the screen they were meant for.

A person who knows the keys types ``s walk ⇥ 30 ^S`` without waiting for the form. Textual
routes each key to the focused widget the moment it arrives, but ``s`` opens the form
only once it has travelled up from Today's focused widget to the app's bindings, and
the form then needs a moment to compose and take focus. Keys routed in that gap go to
Today (where the ``c`` of "Acme" would open a cool-down) or to a form with nothing
focused, and are lost, more of them the busier the machine.

So the app routes one key at a time: after routing a key, it holds the keys behind it
until the app has finished with it, and then routes the next. Finished means three
things, each checked by a callback queued behind the work it waits for (a message
pump handles its queue in order, so the callback runs only after that work):

1. the key has been handled by the widget it went to and by every node it bubbles
   through up to the app, where the screen's key bindings run (a key taken by a
   priority binding, such as tab or ctrl+s, goes nowhere, so this is done at once);
2. whatever it added (a screen it opened, a plan row) has composed and mounted, and
   after a change of screen every widget on the new one has handled what was queued
   for it then (focus, refreshes), so the next key finds the field that took the cursor;
3. a form saving on ``ctrl+s`` has saved and closed (``FormScreen.saving``), so a key
   typed after ``ctrl+s`` reaches the screen underneath.

A character typed into a text field needs no wait: the field keeps it (it goes no
further, so no binding runs) and handles its queue in order, so the next key is routed
at once. Typing into a form stays as quick as before; the waits are for keys that can
change what is on screen.

Routing waits for the app, never for the clock, so however long a screen takes to
open, the keys arrive in the order typed. The app can also hold every key for a while
(:meth:`TypeAhead.hold_until`): while the history is still being read after the first
frame, a key that opened a form would stop the whole app until the read ended (over a
second at thirty years), with no sign the key was taken; held, the screen stays alive,
says why it waits, and the keys go on in order once the history is in.

A wait cannot hang on a widget that goes away: a closing message pump still handles
what was queued before it closed, and a closed one refuses the callback (``call_later``
is False), which counts as its answer.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from textual import events
from textual.app import App
from textual.dom import DOMNode
from textual.errors import NoWidget
from textual.screen import Screen
from textual.widget import Widget

Held = events.Key | events.Paste | events.MouseDown | events.MouseUp
SAVE_RECHECK = 0.05  # seconds; only for a save still running after we followed its path


class TypeAhead:
    """The app's key queue: one key (or paste) at a time, in the order they came."""

    def __init__(self, app: App[Any], route: Callable[[Held], Awaitable[None]]) -> None:
        """``route`` hands one event on as Textual would (the app's own ``on_event``)."""
        self._app = app
        self._route = route
        self._held: deque[Held] = deque()
        self._busy = False
        self._followed_save = False  # this key's wait already went along a save's path
        self._unreachable: set[int] = set()  # closed before mounting: not worth waiting for
        self._waiting: Callable[[], None] | None = None  # holding every key (hold_until)

    @property
    def keeping(self) -> bool:
        """Keys are held or waiting: a mouse press now joins them, in order, rather than
        acting before them (a click on Today before the history is in would stop the app
        until the read ended)."""
        return self._waiting is not None or bool(self._held)

    @property
    def first_in_line(self) -> bool:
        """Every key is held until :meth:`go_on`, and none waits yet: a key now is the
        first (the app lets a quit key through then, and only then)."""
        return self._waiting is not None and not self._held

    def hold_until(self, waiting: Callable[[], None]) -> None:
        """Hold every key from now until :meth:`go_on`; ``waiting`` is called once, when the
        first key is held (to say why nothing happens yet)."""
        self._waiting = waiting

    def go_on(self) -> None:
        """Route the keys held since :meth:`hold_until`, in order, and what comes after."""
        if self._waiting is None:
            return
        self._waiting = None
        if not self._busy:
            self._next()

    async def receive(self, event: Held) -> None:
        """A key or paste from the terminal (or a mouse press while keys are kept): route it
        now, or hold it behind the others."""
        if self._waiting is not None:
            if not self._held:
                self._waiting()
            self._held.append(event)
            return
        if self._busy:
            self._held.append(event)
            return
        await self._deliver(event)

    async def _deliver(self, event: Held) -> None:
        from .form import FormScreen  # here, not at the top: Today's first frame needs no form

        self._busy = True
        self._followed_save = False
        self._unreachable.clear()
        app = self._app
        screen = app.screen
        target: DOMNode = _target(app, event)
        if isinstance(screen, FormScreen) and isinstance(event, events.Key | events.Paste):
            screen.note_input(event)
        await self._route(event)
        if not event.is_forwarded:  # a priority binding (tab, ctrl+s) took it: no bubbling
            self._settle(screen)
        elif _typed_into_field(event, target) and target is app.focused:
            self._next()  # the field takes it in its own queue, in order: no need to wait
        else:
            self._pass_through(target.ancestors_with_self, lambda: self._settle(screen))

    # Waiting --------------------------------------------------------------------
    def _pass_through(self, nodes: Sequence[DOMNode], then: Callable[[], None]) -> None:
        """Run ``then`` once each node in turn has handled what was queued for it: the
        path a key bubbles along, each node passing it on before it sees our callback."""
        if not nodes:
            then()
            return
        node, rest = nodes[0], nodes[1:]

        def answered() -> None:
            self._pass_through(rest, then)

        if not node.call_later(answered):  # closed already: nothing more will reach it
            answered()

    def _pass_all(self, nodes: Sequence[DOMNode], then: Callable[[], None]) -> None:
        """Run ``then`` once every node has handled what was queued for it (all at once)."""
        left = {id(node) for node in nodes}
        done: list[bool] = []

        def answered(node: DOMNode) -> None:
            left.discard(id(node))
            if not left and not done:
                done.append(True)
                then()

        for node in nodes:
            if not node.call_later(answered, node):  # closed: it will never mount either
                left.discard(id(node))
                self._unreachable.add(id(node))
        if not left:
            answered(self._app)

    def _settle(self, before: Screen[Any]) -> None:
        """The key has been handled; wait for what it set going (a screen or a row it
        added, a save) before routing the next."""
        from .form import FormScreen

        screen = self._app.screen
        fresh = [node for node in screen.walk_children(Widget, with_self=True)
                 if not node.is_mounted and id(node) not in self._unreachable]
        if fresh:
            # A screen or a widget the key added is still composing: wait until it has
            # mounted (and so put the cursor where it puts it), then look again.
            self._pass_all(fresh, lambda: self._settle(before))
        elif isinstance(screen, FormScreen) and screen.saving:
            if self._followed_save:  # it has not caught up yet: look again in a moment
                self._app.set_timer(SAVE_RECHECK, lambda: self._settle(before))
                return
            # The save waits for each field in turn (FormScreen.action_save): follow it
            # along the same fields, so its last step has run once ours has.
            self._followed_save = True
            self._pass_through([*screen.focus_chain, screen], lambda: self._settle(before))
        elif screen is not before:
            # A screen came to the top: let each of its widgets handle what that queued
            # (a resumed Today refreshes its panels and may move the cursor).
            self._pass_all([self._app, *screen.walk_children(with_self=True)],
                           lambda: self._settle(screen))
        else:
            self._next()

    def _next(self) -> None:
        self._busy = False
        if self._held and self._waiting is None:
            self._busy = True  # keys arriving meanwhile wait behind the held ones
            self._app.call_later(self._deliver, self._held.popleft())


def _target(app: App[Any], event: Held) -> DOMNode:
    """Where Textual sends ``event`` (App.on_event): a key to the focused widget, a mouse
    press to the widget under it; the path its effects travel up from there."""
    if isinstance(event, events.MouseDown | events.MouseUp):
        try:
            return app.get_widget_at(event.x, event.y)[0]
        except NoWidget:
            return app.screen
    return app.focused or app.screen


def _typed_into_field(event: Held, target: DOMNode) -> bool:
    """A character typed into a text field: the field keeps it (it goes no further up,
    so no binding runs), and the field's queue keeps the characters in order."""
    from textual.widgets import Input, TextArea  # loaded on the first key, not at start

    if not isinstance(event, events.Key) or not event.is_printable:
        return False
    if isinstance(target, TextArea):
        return not target.read_only
    return isinstance(target, Input)
