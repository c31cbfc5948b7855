"""An entry read in full: the sections of its page, as (heading, text) pairs.

A closed cool-down's page is worth rereading: what hurt, the reasons as data
points, the thinking traps and the kinder thought, the lessons, the feedback
and its themes, and the next steps chosen and whether they were done. Plain
text only (the user's words are never read as markup). No Textual here.
"""

from __future__ import annotations

from collections.abc import Iterable

from .cooldown import next_step
from .dates import stored_day
from .history import STEP_WORDS, heading
from .models import Action, CheckIn, Rejection, SelfCare

Section = tuple[str, str]
FEEDBACK_WORDS = {"not_requested": "not asked for yet", "requested": "asked for",
                  "received": "received", "no_reply": "no reply", "declined": "declined"}
ACTION_WORDS = {"open": "not started", "planned": "in a plan", "done": "done",
                "dropped": "let go"}


def _day(value: str | None) -> str:
    d = stored_day(value)
    return f"{d.day} {d:%B %Y}" if d else "—"


def checkin_page(c: CheckIn) -> list[Section]:
    out: list[Section] = [
        ("Check-in", f"{heading(c.day)}\nMood {c.mood} of 5 · energy {c.energy} of 5"),
    ]
    if c.feelings:
        out.append(("Feelings", ", ".join(c.feelings)))
    if c.intention:
        out.append(("Intention", c.intention))
    if c.selfcare_intention:
        out.append(("Self-care planned", c.selfcare_intention))
    if c.plan:
        out.append(("Plan", "\n".join(f"[{'x' if p.done else ' '}] {p.kind}: {p.text}"
                                      for p in c.plan)))
    return out


def selfcare_page(s: SelfCare) -> list[Section]:
    lines = [heading(s.day), f"{s.activity}, {s.minutes} minutes"]
    if s.energy_before or s.energy_after:
        lines.append(f"Energy {s.energy_before or '—'} → {s.energy_after or '—'}")
    if s.optimism:
        lines.append(f"Optimism {s.optimism} of 5")
    if s.contact_name:
        lines.append(f"With {s.contact_name}")
    out: list[Section] = [("Self-care", "\n".join(lines))]
    if s.note:
        out.append(("Note", s.note))
    return out


def rejection_page(r: Rejection, actions: Iterable[Action]) -> list[Section]:
    """Everything about a rejection and its cool-down, in the order it happened."""
    c, f = r.cooldown, r.feedback
    facts = [f"{r.role} at {r.company} · reached: {r.stage}",
             f"Received {_day(r.received_on)} · logged {_day(r.logged_on)}",
             f"Mattered {r.mattered} of 5"]
    if r.contact_name or r.contact_email:
        facts.append("From " + " ".join(x for x in (r.contact_name, r.contact_email) if x))
    out: list[Section] = [(r.company, "\n".join(facts))]
    steps = [f"Named how it felt: {_day(c.acknowledged_on)}" if c.acknowledged_on else "",
             f"Reflected: {_day(c.reflected_on)}" if c.reflected_on else "",
             f"Moved on: {_day(c.moved_on_on)}" if c.moved_on_on else ""]
    step = next_step(r)
    steps.append("The cool-down is closed." if step is None
                 else f"Still open: {STEP_WORDS[step]} next.")
    out.append(("Cool-down", "\n".join(s for s in steps if s)))
    if c.feelings:
        out.append(("What hurt (before → after)", "\n".join(
            f"{x.name}: {x.before}" + (f" → {x.after}" if x.after is not None else "")
            for x in c.feelings)))
    if c.journal:
        out.append(("Let it out", c.journal))
    if c.process_with:
        out.append(("To process it", c.process_with + (" (done)" if c.process_done else "")))
    if c.reasons:
        out.append(("Reasons, as data points", "\n".join(
            f"{x.tag}" + (f": {x.note}" if x.note else "") for x in c.reasons)))
    if c.traps:
        out.append(("Thinking traps noticed", ", ".join(c.traps)))
    for title, text in (("The kinder thought", c.balanced_thought), ("Went well", c.went_well),
                        ("Next time", c.do_differently)):
        if text:
            out.append((title, text))
    fb = [f"Feedback: {FEEDBACK_WORDS.get(f.status, f.status)}"
          + (f" on {_day(f.requested_on)}" if f.status == "requested" else "")]
    if f.text:
        fb.append(f.text)
    if f.themes:
        fb.append("Themes: " + ", ".join(f.themes))
    out.append(("Feedback", "\n".join(fb)))
    chosen = [a for a in actions if a.rejection_id == r.id]
    if chosen:
        out.append(("Next steps chosen", "\n".join(
            f"[{'x' if a.status == 'done' else ' '}] {a.text} "
            f"({ACTION_WORDS.get(a.status, a.status)})" for a in chosen)))
    if r.message:
        out.append(("Their message", r.message))
    return out
