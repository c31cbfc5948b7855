"""The journal read back: every day's entries, newest first, as rows for one list.

History shows years of entries, so rows are built as light tuples pointing at
their records, and a row's words are made only when it is drawn
(:func:`row_text`); searching reads a lower-cased copy of everything the user
wrote, made only when a search starts. No Textual or TinyDB import here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import NamedTuple

from .cooldown import next_step
from .dates import stored_day
from .models import CheckIn, Rejection, RestDay, SelfCare
from .past_plan import done_count, plan_texts

KINDS = ("all", "checkins", "selfcare", "rejections")
STEP_WORDS = {"acknowledge": "naming how it feels", "reflect": "reflecting",
              "move_on": "moving on"}


class Row(NamedTuple):
    """One line of History: a day's heading (``table`` "") or an entry."""

    table: str  # checkins, selfcare, rejections, rest_days; "" for a day heading
    id: str
    day: str
    record: object = None  # what the line shows (a rejection's line also needs ``event``)
    event: str = ""  # for a rejection's row on a day: what happened that day

    @property
    def is_heading(self) -> bool:
        return not self.table


def row_text(row: Row) -> str:
    """The words of one row, made when it is drawn."""
    if not row.table:
        return heading(row.day)
    r = row.record
    if row.table == "checkins":
        return checkin_line(r)  # type: ignore[arg-type]
    if row.table == "selfcare":
        return selfcare_line(r)  # type: ignore[arg-type]
    if row.table == "rest_days":
        return "Rest day"
    if row.event:
        return row.event
    return f"{row.day}  {rejection_line(r)}"  # type: ignore[arg-type]


def feelings_change(r: Rejection) -> str:
    """"hurt 70 → 30, anxious 60 → 40" (before only while not re-rated)."""
    parts = []
    for f in r.cooldown.feelings:
        after = f" → {f.after}" if f.after is not None else ""
        parts.append(f"{f.name} {f.before}{after}")
    return ", ".join(parts)


def rejection_state(r: Rejection) -> str:
    """"closed" or "open: reflecting next"."""
    step = next_step(r)
    return "closed" if step is None else f"open: {STEP_WORDS[step]} next"


def checkin_line(c: CheckIn) -> str:
    bits = [f"Check-in · mood {c.mood} · energy {c.energy}"]
    if c.feelings:
        bits.append(", ".join(c.feelings))
    if c.intention:
        bits.append(f"“{c.intention}”")
    if c.plan:
        bits.append(f"plan {done_count(c.plan)}/{len(c.plan)}")
    return " · ".join(bits)


def selfcare_line(s: SelfCare) -> str:
    text = f"Self-care · {s.activity}, {s.minutes} min"
    if s.energy_before and s.energy_after:
        text += f" · energy {s.energy_before} → {s.energy_after}"
    if s.contact_name:
        text += f" · with {s.contact_name}"
    return text


def rejection_line(r: Rejection) -> str:
    """A rejection as the rejections list shows it."""
    text = f"{r.company}, {r.role} · {r.stage} · {rejection_state(r)}"
    change = feelings_change(r)
    return f"{text} · {change}" if change else text


def _day_events(r: Rejection) -> list[tuple[str, str]]:
    """(day, words) for each thing that happened to a rejection."""
    c = r.cooldown
    found = [(r.logged_on, f"Rejection logged · {r.company}, {r.role} ({r.stage})")]
    for day, what in ((c.acknowledged_on, "named how it felt"), (c.reflected_on, "reflected"),
                      (c.moved_on_on, "moved on")):
        if day:
            found.append((day, f"Cool-down · {r.company}: {what}"))
    return found  # a few hundred rejections in ten years: made up front


def heading(day: str) -> str:
    d = stored_day(day)
    return f"{d:%A} {d.day} {d:%B %Y}" if d else day


def build_rows(checkins: Iterable[CheckIn], selfcare: Iterable[SelfCare],
               rest_days: Iterable[RestDay], rejections: Iterable[Rejection],
               kind: str = "all", since: str = "") -> list[Row]:
    """Every day with something in it (from ``since`` on, when given), newest first, each
    under its heading; or, for ``kind`` "rejections", every rejection (newest first) on a
    line of its own."""
    if kind == "rejections":
        found = sorted(rejections, key=lambda r: (r.logged_on, r.at), reverse=True)
        return [Row("rejections", r.id, r.logged_on, r) for r in found]
    days: dict[str, list[Row]] = {}

    def add(day: str, row: Row) -> None:
        days.setdefault(day, []).append(row)

    if kind in ("all", "checkins"):
        for c in checkins:
            if c.day >= since:
                add(c.day, Row("checkins", c.id, c.day, c))
    if kind in ("all", "selfcare"):
        for s in selfcare:
            if s.day >= since:
                add(s.day, Row("selfcare", s.id, s.day, s))
    if kind == "all":
        for rest in rest_days:
            if rest.day >= since:
                add(rest.day, Row("rest_days", rest.id, rest.day))
        for r in rejections:
            for day, words in _day_events(r):
                if day >= since:
                    add(day, Row("rejections", r.id, day, r, words))
    rows: list[Row] = []
    for day in sorted(days, reverse=True):
        rows.append(Row("", "", day))
        rows.extend(days[day])
    return rows


def checkin_text(c: CheckIn) -> str:
    return " ".join([c.intention, c.selfcare_intention, *c.feelings, *plan_texts(c.plan)])


def selfcare_text(s: SelfCare) -> str:
    return " ".join([s.activity, s.note, s.contact_name])


def rejection_text(r: Rejection) -> str:
    """Everything the user wrote about a rejection, in one string."""
    c, f = r.cooldown, r.feedback
    return " ".join([
        r.company, r.role, r.contact_name, r.message, c.journal, c.process_with,
        *(x.note for x in c.reasons), c.balanced_thought, c.went_well, c.do_differently,
        *(x.name for x in c.feelings), f.text, *f.themes, f.subject, f.body])


def search_rows(rows: Sequence[Row], texts: dict[str, str], words: str) -> list[Row]:
    """The entry rows whose text (``texts``: id → lower-cased writing) holds ``words``
    (case-insensitive), each under its day's heading."""
    needle = words.strip().casefold()
    if not needle:
        return list(rows)
    out: list[Row] = []
    last_heading: Row | None = None
    for row in rows:
        if row.is_heading:
            last_heading = row
            continue
        if needle in texts.get(row.id, ""):
            if last_heading is not None and (not out or out[-1] is not last_heading) \
                    and last_heading.day == row.day:
                out.append(last_heading)
                last_heading = None
            out.append(row)
    return out


def texts_by_id(checkins: Iterable[CheckIn], selfcare: Iterable[SelfCare],
                rejections: Iterable[Rejection]) -> dict[str, str]:
    """Each entry's writing, lower-cased, by id: what ``/`` searches."""
    out = {c.id: checkin_text(c).casefold() for c in checkins}
    out.update((s.id, selfcare_text(s).casefold()) for s in selfcare)
    out.update((r.id, rejection_text(r).casefold()) for r in rejections)
    return out


def day_of(row: Row) -> date | None:
    return stored_day(row.day)
