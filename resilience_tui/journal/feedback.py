"""The feedback request on a rejection: its edited draft, and where it stands.

Each change is something that happened (the draft edited, the request sent,
an answer come back), so each is saved at once, even in the middle of a step.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..clock import Clock
from ..domain import feedback
from ..domain.models import Rejection
from ..storage.store import Store
from .cooldowns import save


def keep_request_draft(store: Store, r: Rejection, subject: str, body: str) -> Rejection:
    """Keep the user's edited request (subject and message) with the rejection."""
    return save(store, feedback.save_draft(r, subject, body))


def mark_requested(store: Store, clock: Clock, r: Rejection) -> Rejection:
    """The user sent the request today: a follow-up is suggested if nothing comes back."""
    return save(store, feedback.mark_requested(r, clock.today()))


def mark_answered(store: Store, clock: Clock, r: Rejection, status: str, text: str = "",
                  themes: Iterable[str] = ()) -> Rejection:
    """How the request ended today: received (with what they said and its themes),
    no reply, or declined. Raises ValidationError (nothing saved) for a bad value."""
    return save(store, feedback.mark_answered(r, clock.today(), status, text, themes))
