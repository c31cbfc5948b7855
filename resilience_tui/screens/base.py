"""What every screen and Today's panels share: typed access to the journal, the message
that says it changed, and the screen base classes.

Screens reach the store and the clock through the running app, typed by the
:class:`JournalHost` protocol, so nothing here imports the app.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

from textual.message import Message
from textual.screen import ModalScreen, Screen

from ..domain.validate import ValidationError

if TYPE_CHECKING:
    from ..clock import Clock
    from ..domain.answers import Answers, Moment
    from ..storage.store import Store

__all__ = ["AppModal", "AppScreen", "JournalChanged", "JournalHost", "StoreAccess",
           "notify_saved"]

R = TypeVar("R")
ANSWERS_SHOWN = 2
ANSWER_SECONDS = 9


class JournalHost(Protocol):
    """What the app offers its screens: the store, the clock, and what it said last."""

    store: Store
    clock: Clock
    answers: Answers


def notify_saved(app: Any, message: str, **options: Any) -> None:
    """A success notice, shown only once the change reached the file.

    The app writes behind, so the notice waits for the write (a moment: the screen has
    already changed). After a failed write the app has said "Not saved yet"; a green
    "Logged" beside it would contradict it, so a success notice stays quiet while the
    file lacks what memory holds (the next good write carries it, and its notice shows).
    """
    cast(JournalHost, app).store.when_saved(lambda: app.notify(message, **options))


class StoreAccess:
    """Mixin: ``self.store`` and ``self.clock`` from the running app."""

    app: Any

    @property
    def host(self) -> JournalHost:
        return cast(JournalHost, self.app)

    @property
    def store(self) -> Store:
        return self.host.store

    @property
    def clock(self) -> Clock:
        return self.host.clock

    def notify_saved(self, message: str, **options: Any) -> None:
        """Say a save worked, only if it did (see :func:`notify_saved`)."""
        notify_saved(self.app, message, **options)

    def answer_line(self, moments: Sequence[Moment]) -> str:
        """The app's words for the moments a save made ("" for none), one line each;
        at most two, so a notice stays a glance."""
        return "\n".join(self.host.answers.say(m) for m in moments[:ANSWERS_SHOWN])

    def answer(self, moments: Sequence[Moment]) -> None:
        """Answer the moments a save made with a notice: in the corner, never in the way,
        and long enough on screen to be read by someone tired."""
        line = self.answer_line(moments)
        if not line:
            return
        app = self.app

        def say() -> None:
            # An answer supersedes what was said before ("press m for your first
            # check-in" is stale once it is done): one thing to read at a time.
            app.clear_notifications()
            app.notify(line, timeout=ANSWER_SECONDS, markup=False)

        self.store.when_saved(say)  # like every success notice, once it is in the file

    @contextmanager
    def kept_safe(self) -> Iterator[None]:
        """For saves that are not a form's (a tick, a draft): a stored record the user
        can't mend here (say, hand-edited into a bad shape) is reported, never raised."""
        try:
            yield
        except ValidationError as exc:
            self.app.notify(f"This couldn't be saved: {exc.sentence} 'resilience doctor' "
                            "can say more.", severity="warning", markup=False)


class AppScreen(StoreAccess, Screen[R]):
    """A full screen of the app."""


class AppModal(StoreAccess, ModalScreen[R]):
    """A dialog over the current screen."""


class JournalChanged(Message):
    """The journal was written to: screens that show it refresh."""
