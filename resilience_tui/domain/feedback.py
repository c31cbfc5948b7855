"""The feedback request: a short thank-you draft, and tracking what came of it.

The app never sends mail; it drafts a polite note the user can edit, copy or
save, then records whether feedback was requested and how it was answered.
A follow-up is suggested once a request has waited :data:`FOLLOW_UP_DAYS`.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from datetime import date, timedelta

from .dates import stored_day
from .models import Rejection

FOLLOW_UP_DAYS = 7
ANSWERS = ("received", "no_reply", "declined")

# What the user thanks them for, by the stage reached.
_STAGE_THANKS = {
    "applied": "for taking the time to read my application",
    "screen": "for the time you spent talking with me",
    "interview": "for the time you and the team spent interviewing me",
    "final": "for the time you and the team gave me through the final round",
    "offer": "for the time and care you gave me all the way to the offer stage",
}


def _position(r: Rejection) -> str:
    """'the Data Analyst role at Acme', degrading gracefully when a part is missing."""
    role = f"the {r.role.strip()} role" if r.role.strip() else "the role"
    return f"{role} at {r.company.strip()}" if r.company.strip() else role


_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof"})


def _first_name(full: str) -> str:
    """The name to greet: "Sam Recruiter" gives "Sam"; a title ("Dr Lee") keeps it whole."""
    first = full.split()[0]
    return full if first.lower().rstrip(".") in _TITLES else first


def draft_request(r: Rejection, user_name: str) -> tuple[str, str]:
    """A warm, brief thank-you asking for one or two specific pointers: (subject, body)."""
    name = user_name.strip()
    contact = r.contact_name.strip()
    role = r.role.strip()
    subject = f"Thanks, and a quick question about my {role + ' ' if role else ''}application"
    greeting = f"Hi {_first_name(contact)}," if contact else "Hello,"
    thanks = _STAGE_THANKS.get(r.stage, _STAGE_THANKS["applied"])
    paragraphs = [
        greeting,
        f"Thank you for letting me know about {_position(r)}, and {thanks}.",
        "If you have a moment, I'd be grateful for one or two specific pointers: "
        "what would have made me a stronger candidate, or one thing I could work on "
        "before my next application. A couple of lines would be plenty.",
        "Thanks again, and I hope our paths cross in the future.",
        f"Best wishes,\n{name}" if name else "Best wishes",
    ]
    return subject, "\n\n".join(paragraphs)


def follow_up_due(r: Rejection, today: date) -> bool:
    """A request has waited a week or more without an answer."""
    fb = r.feedback
    if fb.status != "requested" or not fb.requested_on:
        return False
    asked = stored_day(fb.requested_on)
    return asked is not None and asked + timedelta(days=FOLLOW_UP_DAYS) <= today


def save_draft(r: Rejection, subject: str, body: str) -> Rejection:
    """Keep the user's edited draft with the rejection."""
    out = copy.deepcopy(r)
    out.feedback.subject = subject
    out.feedback.body = body
    out.feedback.validate()
    return out


def mark_requested(r: Rejection, today: date) -> Rejection:
    """The user sent the request today."""
    out = copy.deepcopy(r)
    fb = out.feedback
    fb.status = "requested"
    fb.requested_on = today.isoformat()
    fb.answered_on = None
    return out


def mark_answered(
    r: Rejection, today: date, status: str, text: str = "", themes: Iterable[str] = ()
) -> Rejection:
    """Record how the request ended: received (with text and themes), no reply, declined."""
    if status not in ANSWERS:
        raise ValueError(f"feedback status: should be one of {', '.join(ANSWERS)}")
    out = copy.deepcopy(r)
    fb = out.feedback
    fb.status = status
    fb.answered_on = today.isoformat()
    fb.text = text
    kept: dict[str, str] = {}  # one of each, in any case; the first spelling is shown
    for theme in (t.strip() for t in themes):
        if theme:
            kept.setdefault(theme.lower(), theme)
    fb.themes = list(kept.values())
    fb.validate()
    return out
