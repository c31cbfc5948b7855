"""Self-care and support-network rules: energy lift, today versus the intention, contacts.

Pure Python over the records in :mod:`models`; days are the stored
``YYYY-MM-DD`` strings. Who is overdue for a hello lives in
:mod:`suggestions` (``overdue_contacts``), which feeds both Today and the
morning plan; this module does not repeat it.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from .checkin import checkin_for_day
from .dates import parse_day, stored_day
from .models import CheckIn, Contact, SelfCare
from .validate import ValidationError, check_day, check_int

LIFT_WINDOW_DAYS = 30
MAX_MINUTES = 1440

# Small words that say nothing about the activity ("a walk with the dog").
_FILLER = frozenset({"the", "and", "for", "with", "some", "bit", "little", "went", "did",
                     "have", "had", "get", "got", "into", "out", "about"})
_WORD = re.compile(r"[^\W_]+")
_DURATION = re.compile(
    r"^\s*(?:(?P<h>\d+(?:[.,]\d+)?)\s*(?:h|hr|hrs|hour|hours))?\s*"
    r"(?:(?P<m>\d+)\s*(?:m|min|mins|minute|minutes)?)?\s*$",
    re.IGNORECASE,
)


# --- energy lift ----------------------------------------------------------------


@dataclass(frozen=True)
class EnergyLift:
    """The average change in energy (after − before) and how many entries it rests on."""

    average: float
    entries: int


def energy_lift(
    entries: Iterable[SelfCare], today: date, window_days: int = LIFT_WINDOW_DAYS
) -> EnergyLift | None:
    """Average (after − before) over entries of the last ``window_days`` days, today included.

    Only entries with both energies count; None when there are none.
    """
    first = (today - timedelta(days=window_days - 1)).isoformat()
    last = today.isoformat()
    lifts = [e.energy_after - e.energy_before for e in entries
             if first <= e.day <= last
             and e.energy_before is not None and e.energy_after is not None]
    if not lifts:
        return None
    return EnergyLift(sum(lifts) / len(lifts), len(lifts))


# --- today versus the intention -------------------------------------------------


@dataclass(frozen=True)
class SelfCareDay:
    """One day's self-care next to what the morning check-in intended."""

    entries: tuple[SelfCare, ...]
    intention: str  # "" when the check-in named none (or there was no check-in)
    intention_met: bool

    @property
    def minutes(self) -> int:
        return sum(e.minutes for e in self.entries)


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.casefold()) if len(w) >= 3 and w not in _FILLER}


def matches_intention(activity: str, intention: str) -> bool:
    """True when an activity is what the intention named ("walk" meets "a walk in the park")."""
    a, i = " ".join(activity.casefold().split()), " ".join(intention.casefold().split())
    if not a or not i:
        return False
    return a in i or i in a or bool(_words(a) & _words(i))


def selfcare_day(entries: Iterable[SelfCare], checkins: Iterable[CheckIn], day: str) -> SelfCareDay:
    """``day``'s entries (in the order they were logged) and the intention they answer."""
    todays = tuple(sorted((e for e in entries if e.day == day), key=lambda e: e.at))
    checkin = checkin_for_day(checkins, day)
    intention = checkin.selfcare_intention if checkin else ""
    met = any(matches_intention(e.activity, intention) for e in todays)
    return SelfCareDay(todays, intention, met)


# --- minutes ----------------------------------------------------------------------


def parse_minutes(text: object, field: str = "minutes") -> int:
    """Minutes as typed: "30", "30 min", "1h", "1.5 hours", "1h 15" → 1–1440.

    Raises ValidationError with a message that says what is accepted.
    """
    if isinstance(text, int) and not isinstance(text, bool):
        return check_int(text, field, 1, MAX_MINUTES)
    raw = str(text or "").strip()
    if not raw:
        raise ValidationError(field, f"are needed: how long, 1–{MAX_MINUTES} (e.g. 30)")
    match = _DURATION.match(raw)
    if not match or not (match["h"] or match["m"]):
        raise ValidationError(field, f"should be how long in minutes, like 30 or 1h, "
                                     f"not {raw!r}")
    hours = float(match["h"].replace(",", ".")) if match["h"] else 0.0
    total = round(hours * 60) + int(match["m"] or 0)
    if not 1 <= total <= MAX_MINUTES:
        raise ValidationError(field, f"should be 1–{MAX_MINUTES} (a whole day at most), "
                                     f"not {total}")
    return total


# --- the support network ----------------------------------------------------------


def name_key(name: str) -> str:
    """How two names compare: case and spacing ignored."""
    return " ".join(name.split()).casefold()


def check_unique_name(
    contacts: Iterable[Contact], name: str, kind: str, exclude_id: str | None = None
) -> None:
    """Refuse a second contact of the same kind with the same name."""
    key = name_key(name)
    for c in contacts:
        if c.id != exclude_id and c.kind == kind and name_key(c.name) == key:
            raise ValidationError(
                "name", f"is already in your network as a {kind}: edit that one, "
                        "or add something to tell them apart, like where you met")


def contacted(contact: Contact, day: str) -> Contact:
    """A copy of ``contact`` with a hello on ``day`` noted; a later day already stored is kept.

    Used for a self-care entry with someone, the network's "said hello" and a
    done outreach item on Today's plan.
    """
    check_day(day, "day contacted")
    out = copy.deepcopy(contact)
    if out.last_contacted is None or day > out.last_contacted:
        out.last_contacted = day
    return out


def check_last_contacted(value: str, today: date) -> str | None:
    """A typed "last contacted" day (blank → None), read as any typed day is; not future."""
    if not value.strip():
        return None
    return parse_day(value, today, field="last contacted").isoformat()


def days_since_words(day: str | None, today: date) -> str:
    """"today", "yesterday", "12 days ago", or "not yet" (also for an unreadable day)."""
    last = stored_day(day)
    if last is None:
        return "not yet"
    days = (today - last).days
    if days <= 0:
        return "today"
    return "yesterday" if days == 1 else f"{days} days ago"


def sorted_contacts(contacts: Sequence[Contact]) -> list[Contact]:
    """The network in the order it is listed: by name, then kind."""
    return sorted(contacts, key=lambda c: (name_key(c.name), c.kind))
