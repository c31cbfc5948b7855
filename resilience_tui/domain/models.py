"""Domain records: the dataclasses the app stores, each with its ``validate()``.

The base class and its dict machinery live in :mod:`record`, the fixed choices
and limits in :mod:`choices`; both are re-exported here, so
``from resilience_tui.domain.models import X`` works for every name.

Every record has a stable string ``id`` and an ``updated_at`` ISO timestamp
(used by import to decide which copy is newer). Days are stored as the
user's local day ``YYYY-MM-DD`` at the time of writing, so history never
shifts when the time zone changes. No Textual or TinyDB import here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import Any, ClassVar

from .choices import (
    ACTION_STATUSES,
    CONTACT_KINDS,
    FEEDBACK_STATUSES,
    MAX_DROPPED_KEY,
    MAX_JOURNAL,
    MAX_LINE,
    MAX_PLAN_ITEMS,
    PLAN_KINDS,
    REASON_TAGS,
    REDIRECT_KINDS,
    SELFCARE_ACTIVITIES,
    STAGES,
    THINKING_TRAPS,
)
from .draft import fit_draft
from .record import Record, T, new_id
from .validate import (
    ValidationError,
    check_choice,
    check_day,
    check_email,
    check_id,
    check_int,
    clean_text,
)

__all__ = [
    "ACTION_STATUSES", "CONTACT_KINDS", "FEEDBACK_STATUSES", "MAX_JOURNAL", "MAX_LINE",
    "MAX_PLAN_ITEMS", "PLAN_KINDS", "REASON_TAGS", "REDIRECT_KINDS", "SELFCARE_ACTIVITIES",
    "STAGES", "THINKING_TRAPS", "Action", "CheckIn", "Contact", "Cooldown", "Feedback",
    "Feeling", "PlanItem", "Reason", "Record", "Rejection", "RestDay", "SelfCare", "Settings",
    "T", "new_id",
]


def _kept(texts: Iterable[str]) -> list[str]:
    """Cleaned words with the empty ones left out, in one pass: a whitespace-only word
    is cleaned to "" and dropped at once, so validating twice changes nothing more."""
    return [t for t in texts if t]


@dataclass(slots=True)
class PlanItem(Record):
    """One thing to do today. ``source`` says where a suggestion came from."""

    SHARED: ClassVar[tuple[str, ...]] = ("kind", "source", "source_id", "contact_id")
    kind: str = "other"
    text: str = ""
    done: bool = False
    id: str = field(default_factory=new_id)
    source: str = ""  # "", "yesterday", "redirect", "feedback", "contact", "theme"
    source_id: str | None = None  # the action / rejection / contact it came from
    contact_id: str | None = None  # for outreach naming someone in the network

    def validate(self) -> PlanItem:
        self.kind = check_choice(self.kind, "plan item kind", PLAN_KINDS)
        self.text = clean_text(self.text, "plan item", max_len=MAX_LINE, required=True)
        if not isinstance(self.done, bool):
            raise ValidationError("plan item done", "should be true or false")
        check_id(self.id, "plan item id")
        check_id(self.source_id, "plan item source id", optional=True)
        check_id(self.contact_id, "plan item contact id", optional=True)
        return self


@dataclass(slots=True)
class CheckIn(Record):
    """The morning check-in: one per local day, editable that day."""

    SHARED: ClassVar[tuple[str, ...]] = ("day", "feelings", "selfcare_intention", "dropped")
    NESTED_LISTS: ClassVar[dict[str, type]] = {"plan": PlanItem}

    day: str = ""
    mood: int = 0
    energy: int = 0
    intention: str = ""
    feelings: list[str] = field(default_factory=list)
    # A list, or for a day long past a PastPlan (``domain.past_plan``): any sequence.
    plan: Sequence[PlanItem] = field(default_factory=list)
    selfcare_intention: str = ""
    # Suggestions dropped that morning ("kind: words", as Suggestion.dropped_key makes them),
    # so opening the check-in again the same day does not offer them again.
    dropped: list[str] = field(default_factory=list)
    at: str = ""  # ISO timestamp with offset, when first written
    updated_at: str = ""
    id: str = field(default_factory=new_id)

    def validate(self) -> CheckIn:
        check_day(self.day, "day")
        self.mood = check_int(self.mood, "mood", 1, 5)
        self.energy = check_int(self.energy, "energy", 1, 5)
        self.intention = clean_text(self.intention, "intention", max_len=MAX_LINE)
        self.selfcare_intention = clean_text(
            self.selfcare_intention, "self-care intention", max_len=MAX_LINE
        )
        self.feelings = _kept(clean_text(f, "feeling", max_len=40) for f in self.feelings)
        self.dropped = list(dict.fromkeys(_kept(
            clean_text(d, "dropped suggestion", max_len=MAX_DROPPED_KEY) for d in self.dropped)))
        if len(self.plan) > MAX_PLAN_ITEMS:
            raise ValidationError("plan", f"has {len(self.plan)} items; {MAX_PLAN_ITEMS} at most")
        self.plan = [p.validate() for p in self.plan]
        return self

    def to_dict(self) -> dict[str, Any]:
        """As every record's, with a past day's packed plan (``domain.past_plan``) as the
        list of items it stands for."""
        if isinstance(self.plan, list):
            return asdict(self)
        return asdict(replace(self, plan=list(self.plan)))


@dataclass(slots=True)
class Feeling(Record):
    """A named feeling with its intensity when acknowledged and when moving on."""

    SHARED: ClassVar[tuple[str, ...]] = ("name",)
    name: str = ""
    before: int = 50
    after: int | None = None

    def validate(self) -> Feeling:
        self.name = clean_text(self.name, "feeling", max_len=40, required=True)
        self.before = check_int(self.before, f"{self.name} intensity", 0, 100)
        self.after = check_int(self.after, f"{self.name} intensity after", 0, 100, optional=True)
        return self


@dataclass(slots=True)
class Reason(Record):
    """A reason tag ("skill gap", ...) with the user's note."""

    SHARED: ClassVar[tuple[str, ...]] = ("tag",)
    tag: str = "unknown"
    note: str = ""

    def validate(self) -> Reason:
        self.tag = check_choice(self.tag, "reason", REASON_TAGS)
        self.note = clean_text(self.note, f"{self.tag} note", max_len=MAX_LINE * 5, multiline=True)
        return self


@dataclass(slots=True)
class Feedback(Record):
    """The feedback request: its draft and what came of it."""

    SHARED: ClassVar[tuple[str, ...]] = (
        "status", "requested_on", "answered_on", "themes", "subject")
    status: str = "not_requested"
    requested_on: str | None = None
    answered_on: str | None = None
    text: str = ""  # the feedback received
    themes: list[str] = field(default_factory=list)
    subject: str = ""  # the draft, once edited
    body: str = ""

    def validate(self) -> Feedback:
        self.status = check_choice(self.status, "feedback status", FEEDBACK_STATUSES)
        check_day(self.requested_on, "feedback requested on", optional=True)
        check_day(self.answered_on, "feedback answered on", optional=True)
        self.text = clean_text(self.text, "feedback", max_len=MAX_JOURNAL, multiline=True)
        self.themes = _kept(clean_text(t, "theme", max_len=60) for t in self.themes)
        self.subject = clean_text(self.subject, "subject", max_len=MAX_LINE)
        self.body = clean_text(self.body, "email body", max_len=MAX_JOURNAL, multiline=True)
        return self


@dataclass(slots=True)
class Cooldown(Record):
    """Progress through acknowledge → reflect → move on, and what the user wrote."""

    SHARED: ClassVar[tuple[str, ...]] = (
        "acknowledged_on", "ready_early_on", "reflected_on", "moved_on_on", "process_with", "traps")
    NESTED_LISTS: ClassVar[dict[str, type]] = {"feelings": Feeling, "reasons": Reason}

    acknowledged_on: str | None = None
    ready_early_on: str | None = None  # "I'm ready now" opened reflect before its day
    reflected_on: str | None = None
    moved_on_on: str | None = None
    feelings: list[Feeling] = field(default_factory=list)
    journal: str = ""
    process_with: str = ""
    process_done: bool = False
    reasons: list[Reason] = field(default_factory=list)
    traps: list[str] = field(default_factory=list)
    balanced_thought: str = ""
    went_well: str = ""
    do_differently: str = ""
    draft: dict[str, Any] = field(default_factory=dict)  # a half-done step, kept as typed

    def validate(self) -> Cooldown:
        for name in ("acknowledged_on", "ready_early_on", "reflected_on", "moved_on_on"):
            check_day(getattr(self, name), name, optional=True)
        self.feelings = [f.validate() for f in self.feelings]
        self.reasons = [r.validate() for r in self.reasons]
        self.journal = clean_text(self.journal, "journal", max_len=MAX_JOURNAL, multiline=True)
        self.process_with = clean_text(self.process_with, "process with", max_len=60)
        self.traps = [check_choice(t, "thinking trap", THINKING_TRAPS) for t in self.traps]
        for name in ("balanced_thought", "went_well", "do_differently"):
            setattr(self, name, clean_text(getattr(self, name), name.replace("_", " "),
                                           max_len=MAX_JOURNAL, multiline=True))
        # Working state: a draft that doesn't fit its step's shape is dropped, never fatal.
        self.draft, _ = fit_draft(self.draft)
        return self


@dataclass(slots=True)
class Rejection(Record):
    """A rejection and its cool-down. The cool-down starts on ``logged_on``."""

    SHARED: ClassVar[tuple[str, ...]] = (
        "company", "role", "stage", "received_on", "logged_on", "contact_name", "contact_email")
    NESTED: ClassVar[dict[str, type]] = {"cooldown": Cooldown, "feedback": Feedback}

    company: str = ""
    role: str = ""
    stage: str = "applied"
    received_on: str = ""
    logged_on: str = ""
    mattered: int = 3
    contact_name: str = ""
    contact_email: str = ""
    message: str = ""
    cooldown: Cooldown = field(default_factory=Cooldown)
    feedback: Feedback = field(default_factory=Feedback)
    at: str = ""
    updated_at: str = ""
    id: str = field(default_factory=new_id)

    def validate(self) -> Rejection:
        self.company = clean_text(self.company, "company", max_len=120, required=True)
        self.role = clean_text(self.role, "role", max_len=120, required=True)
        self.stage = check_choice(self.stage, "stage", STAGES)
        check_day(self.received_on, "date received")
        check_day(self.logged_on, "logged on")
        if self.received_on > self.logged_on:
            raise ValidationError("date received", "is after the day it was logged")
        self.mattered = check_int(self.mattered, "how much it mattered", 1, 5)
        self.contact_name = clean_text(self.contact_name, "contact name", max_len=120)
        self.contact_email = check_email(self.contact_email, "contact email")
        self.message = clean_text(self.message, "message", max_len=MAX_JOURNAL, multiline=True)
        self.cooldown.validate()
        self.feedback.validate()
        return self


@dataclass(slots=True)
class SelfCare(Record):
    """A self-care check-in; any number per day."""

    SHARED: ClassVar[tuple[str, ...]] = (
        "day", "activity", "contact_id", "contact_name", "rejection_id")
    day: str = ""
    activity: str = ""
    minutes: int = 0
    energy_before: int | None = None
    energy_after: int | None = None
    optimism: int | None = None
    note: str = ""
    contact_id: str | None = None
    contact_name: str = ""  # kept so history survives the contact's removal
    rejection_id: str | None = None  # set when it was the way to process a rejection
    at: str = ""
    updated_at: str = ""
    id: str = field(default_factory=new_id)

    def validate(self) -> SelfCare:
        check_day(self.day, "day")
        self.activity = clean_text(self.activity, "activity", max_len=60, required=True)
        self.minutes = check_int(self.minutes, "minutes", 1, 1440)
        self.energy_before = check_int(self.energy_before, "energy before", 1, 5, optional=True)
        self.energy_after = check_int(self.energy_after, "energy after", 1, 5, optional=True)
        self.optimism = check_int(self.optimism, "optimism", 1, 5, optional=True)
        self.note = clean_text(self.note, "note", max_len=MAX_JOURNAL, multiline=True)
        self.contact_name = clean_text(self.contact_name, "contact", max_len=120)
        check_id(self.contact_id, "contact id", optional=True)
        check_id(self.rejection_id, "rejection id", optional=True)
        return self


@dataclass(slots=True)
class Contact(Record):
    """A person or community in the support network."""

    SHARED: ClassVar[tuple[str, ...]] = ("kind", "last_contacted", "created_on")
    name: str = ""
    kind: str = "friend"
    reach: str = ""  # how to reach them
    notes: str = ""
    last_contacted: str | None = None
    created_on: str = ""
    updated_at: str = ""
    id: str = field(default_factory=new_id)

    def validate(self) -> Contact:
        self.name = clean_text(self.name, "name", max_len=120, required=True)
        self.kind = check_choice(self.kind, "kind", CONTACT_KINDS)
        self.reach = clean_text(self.reach, "how to reach", max_len=MAX_LINE)
        self.notes = clean_text(self.notes, "notes", max_len=MAX_JOURNAL, multiline=True)
        check_day(self.last_contacted, "last contacted", optional=True)
        check_day(self.created_on or None, "created on", optional=True)  # "": not known
        return self


@dataclass(slots=True)
class Action(Record):
    """A redirect action chosen when moving on; offered as a morning-plan suggestion."""

    SHARED: ClassVar[tuple[str, ...]] = (
        "kind", "rejection_id", "status", "created_on", "done_on")
    kind: str = "similar roles"
    text: str = ""
    rejection_id: str | None = None
    status: str = "open"
    created_on: str = ""
    done_on: str | None = None
    updated_at: str = ""
    id: str = field(default_factory=new_id)

    def validate(self) -> Action:
        self.kind = check_choice(self.kind, "action kind", REDIRECT_KINDS)
        self.text = clean_text(self.text, "action", max_len=MAX_LINE, required=True)
        self.status = check_choice(self.status, "action status", ACTION_STATUSES)
        check_day(self.created_on, "created on")
        check_day(self.done_on, "done on", optional=True)
        check_id(self.rejection_id, "rejection id", optional=True)
        return self


@dataclass(slots=True)
class RestDay(Record):
    """A day marked as rest: it bridges a check-in streak without adding to it."""

    SHARED: ClassVar[tuple[str, ...]] = ("day", "id")
    day: str = ""
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = self.day  # one rest mark per day

    def validate(self) -> RestDay:
        check_day(self.day, "rest day")
        return self


@dataclass(slots=True)
class Settings(Record):
    """User settings; one row in the ``settings`` table."""

    name: str = ""
    day_start_hour: int = 4
    cooldown_days: int = 2
    rest_weekdays: list[int] = field(default_factory=list)  # 0 = Monday … 6 = Sunday
    nudge_days: int = 14
    theme: str = ""  # "" until the user picks one: then TEXTUAL_THEME or the default
    sync_folder: str = ""  # where `resilience sync` meets the other machines ("" = none)
    welcomed: bool = False  # the first-run welcome was finished or skipped: never shown again

    def validate(self) -> Settings:
        self.name = clean_text(self.name, "name", max_len=80)
        self.day_start_hour = check_int(self.day_start_hour, "day start hour", 0, 12)
        self.cooldown_days = check_int(self.cooldown_days, "cool-down days", 1, 3)
        if not isinstance(self.rest_weekdays, list):
            raise ValidationError("rest weekdays", "should be a list of weekdays 0–6")
        self.rest_weekdays = sorted({check_int(d, "rest weekday", 0, 6)
                                     for d in self.rest_weekdays})
        self.nudge_days = check_int(self.nudge_days, "nudge days", 1, 365)
        self.theme = clean_text(self.theme, "theme", max_len=60)
        self.sync_folder = clean_text(self.sync_folder, "sync folder", max_len=1024)
        if not isinstance(self.welcomed, bool):
            raise ValidationError("welcomed", "should be true or false")
        return self
