"""Logging a rejection: the record that starts its cool-down."""

from __future__ import annotations

from ..clock import Clock
from ..domain.dates import parse_day
from ..domain.models import Rejection
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
