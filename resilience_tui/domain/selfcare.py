"""Self-care and support-network rules: energy lift, today versus the intention, contacts.

Pure Python over the records in :mod:`models`; days are the stored
``YYYY-MM-DD`` strings. Who is overdue for a hello lives in
:mod:`suggestions` (``overdue_contacts``), which feeds both Today and the
morning plan; this module does not repeat it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from .models import CheckIn, Contact, SelfCare
from .validate import ValidationError, check_day, check_int

LIFT_WINDOW_DAYS = 30
MAX_MINUTES = 1440

# Small words that say nothing about the activity ("a walk with the dog").
_FILLER = frozenset({"the", "and", "for", "with", "some", "bit", "little", "went", "did",
                     "have", "had", "get", "got", "into", "out", "about"})
_WORD = re.compile(r"[^\W_]+")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
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
    intention = next((c.selfcare_intention for c in checkins if c.day == day), "")
    met = any(matches_intention(e.activity, intention) for e in todays)
    return SelfCareDay(todays, intention, met)


# --- minutes ----------------------------------------------------------------------


def parse_minutes(text: object, field: str = "minutes") -> int:
    """Minutes as typed: "30", "30 min", "1h", "1.5 hours", "1h 15" → 1–1440.

    Raises ValidationError with a message that says what is accepted.
    """
    if isinstance(text, int) and not isinstance(text, bool):
        return check_int(text, field, 1, MAX_MINUTES)  # type: ignore[return-value]
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


def mark_contacted(contact: Contact, day: str) -> Contact:
    """Note a hello on ``day``; a later date already stored is kept. Returns the contact."""
    check_day(day, "day contacted")
    if contact.last_contacted is None or day > contact.last_contacted:
        contact.last_contacted = day
    return contact


def check_last_contacted(value: str, today: date) -> str | None:
    """A typed "last contacted" day: blank, "today", "yesterday" or YYYY-MM-DD, not future."""
    text = value.strip().casefold()
    if not text:
        return None
    if text in ("today", "yesterday"):
        return (today - timedelta(days=text == "yesterday")).isoformat()
    try:
        day = date.fromisoformat(text).isoformat() if _ISO_DAY.match(text) else None
    except ValueError:
        raise ValidationError("last contacted", f"{value.strip()!r} is not a real date") from None
    if day is None:
        raise ValidationError("last contacted", "should be today, yesterday or a date like "
                                                f"2026-03-14, not {value.strip()!r}")
    if day > today.isoformat():
        raise ValidationError("last contacted", "is in the future; use today or an earlier day")
    return day


def days_since_words(day: str | None, today: date) -> str:
    """"today", "yesterday", "12 days ago", or "not yet"."""
    if not day:
        return "not yet"
    days = (today - date.fromisoformat(day)).days
    if days <= 0:
        return "today"
    return "yesterday" if days == 1 else f"{days} days ago"


def sorted_contacts(contacts: Sequence[Contact]) -> list[Contact]:
    """The network in the order it is listed: by name, then kind."""
    return sorted(contacts, key=lambda c: (name_key(c.name), c.kind))
