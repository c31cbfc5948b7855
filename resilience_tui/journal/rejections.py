"""Logging a rejection: the record that starts its cool-down."""

from __future__ import annotations

from ..clock import Clock
from ..domain.dates import parse_day
from ..domain.models import Rejection
from ..domain.validate import ValidationError
from ..storage.store import Store


def log_rejection(
    store: Store,
    clock: Clock,
    *,
    company: str,
    role: str,
    received: str = "",
    stage: str = "applied",
    mattered: int = 3,
    contact_name: str = "",
    contact_email: str = "",
    message: str = "",
) -> Rejection:
    """Save a new rejection received on ``received`` (words like "yesterday"; empty is today).

    Raises ValidationError (nothing saved) for an unreadable or future day or a bad value.
    """
    today = clock.today()
    received_on = parse_day(received, today)
    rejection = Rejection(
        company=company, role=role, stage=stage, received_on=received_on.isoformat(),
        logged_on=today.isoformat(), mattered=mattered, contact_name=contact_name,
        contact_email=contact_email, message=message, at=clock.stamp(),
    ).validate()
    store.rejections.put(rejection)
    return rejection


def edit_rejection(
    store: Store,
    clock: Clock,
    rejection_id: str,
    *,
    company: str,
    role: str,
    received: str,
    stage: str,
    mattered: int,
    contact_name: str = "",
    contact_email: str = "",
    message: str = "",
) -> Rejection:
    """Correct a rejection's details; its id, the day it was logged (when its cool-down
    started) and the cool-down itself stay. Raises ValidationError (nothing saved)."""
    found = store.rejections.get(rejection_id)
    if found is None:
        raise ValidationError("rejection", "isn't in your journal any more")
    found.company, found.role, found.stage, found.mattered = company, role, stage, mattered
    found.received_on = parse_day(received, clock.today()).isoformat()
    found.contact_name, found.contact_email, found.message = (
        contact_name, contact_email, message)
    store.rejections.put(found.validate())
    return found
