"""What History and an entry's page both do to an entry: edit it in its own form,
delete it after a question (with a way back), reopen a closed cool-down.

The deletion is announced with :class:`EntryDeleted`; the app keeps the latest
one for a while, so ``u`` on History or Today can bring it back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

from textual.message import Message
from textual.screen import Screen

from ...domain.cooldown import CooldownError, is_done
from ...journal.cooldowns import reopen
from ...journal.deletions import Deletion, delete_entry, question
from ...widgets.confirm import ConfirmDialog
from ..base import StoreAccess, notify_saved

UNDO_SECONDS = 20


@dataclass
class EntryDeleted(Message):
    """An entry was deleted; ``deletion`` can put it back."""

    deletion: Deletion


def edit_screen(table: str, record_id: str) -> Screen[Any] | None:
    """The form that edits an entry of ``table`` (None: nothing to edit there)."""
    if table == "checkins":
        from ..checkin import CheckInScreen

        return CheckInScreen(checkin_id=record_id)
    if table == "selfcare":
        from ..selfcare import SelfCareScreen

        return SelfCareScreen(entry_id=record_id)
    if table == "rejections":
        from ..rejection import LogRejectionScreen

        return LogRejectionScreen(rejection_id=record_id)
    if table == "contacts":
        from ..contact_form import ContactFormScreen

        return ContactFormScreen(record_id)
    return None


class EntryActions(StoreAccess):
    """Mixin for a screen showing entries: edit, delete, reopen."""

    app: Any

    def entry_changed(self) -> None:
        """Called after an entry was edited, deleted or reopened here."""

    def edit_entry(self, table: str, record_id: str) -> None:
        screen = edit_screen(table, record_id)
        if screen is None:
            self.app.notify("A rest day has nothing to edit; mark or unmark it from the "
                            "palette (ctrl+p).", timeout=5)
            return
        self.app.push_screen(screen, lambda _saved: self.entry_changed())

    def delete_entry(self, table: str, record_id: str,
                     then: Callable[[], object] | None = None) -> None:
        if table == "rest_days":
            self.app.notify("To make a rest day ordinary again, use \"Mark today as a rest "
                            "day\" on that day, or leave it: it only bridges.", timeout=6)
            return
        asked = question(self.store, self.clock, table, record_id)
        if asked is None:
            self.entry_changed()
            return

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            deletion = delete_entry(self.store, self.clock, table, record_id)
            if deletion is not None:
                cast(Screen[Any], self).post_message(EntryDeleted(deletion))
                notify_saved(self.app, f"Deleted the {deletion.label}. Press u to undo.",
                             timeout=UNDO_SECONDS, markup=False)
            self.entry_changed()
            if then is not None:
                then()

        self.app.push_screen(ConfirmDialog(asked, yes="Delete", no="Keep it"), answered)

    def reopen_cooldown(self, rejection_id: str) -> None:
        found = self.store.rejections.get_shared(rejection_id)
        if found is None or not is_done(found):
            self.app.notify("This cool-down is still open: c on Today continues it.",
                            timeout=5)
            return

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                reopen(self.store, self.clock, rejection_id)
            except CooldownError as exc:
                self.app.notify(exc.message, severity="warning", timeout=5)
                return
            notify_saved(self.app, "Reopened at moving on, with your answers kept. Press c "
                         "on Today to carry on.", timeout=6)
            self.entry_changed()

        self.app.push_screen(ConfirmDialog(
            f"Reopen the cool-down for {found.company}? It goes back to moving on, with "
            "what you wrote kept as a draft.", yes="Reopen", no="Leave it closed"), answered)
