"""Review's "Momentum toward the yes" section: how far processes got, steps, self-care lifts.

Idea I9: proof of moving forward when it feels like standing still. The figures
come from :func:`resilience_tui.journal.momentum.progress`; this module only puts
them into words and tables that fit 80 columns, each number beside its label so
nothing depends on colour.
"""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from ..domain.choices import STAGES
from ..domain.lifts import MIN_ENTRIES, LiftInsight, after_words, entries_words
from ..domain.plurals import plural
from ..domain.progress import STAGE_PHRASES, STEP_KINDS, MonthSteps, Period, Process, StageProgress
from ..journal.momentum import Progress

LABEL = 13
WIDTHS = (8, 7, 10, 6, 6)  # applied screen interview final offer, right-aligned
MOVED = 13
NEW_BEST = "▲ new best"
MAX_ACTIVITIES = 12
NAME = 17

NO_PROCESSES = ("Each rejection you log shows here by the stage it reached, so a process "
                "that gets further than the ones before it stands out.")
STAGE_HINT = "Each no by how far its process got; days from the no to moving on."
NEW_BEST_KEY = f"{NEW_BEST}: further than any process before it"
NO_STEPS = ("Plan items you tick done (applications, outreach, practice, learning) are "
            "counted here, this month beside the last.")
STEPS_COUNTED = "Steps are the applications, outreach, practice and learning you ticked done."
TOGETHER = "Seen together in your own entries; that doesn't mean one causes the other."


def _month(day: date) -> str:
    return f"{day:%b %Y}"


def period_label(p: Period, by_month: bool) -> str:
    """"Mar 2026", or "Jan–Mar 2026" for a quarter."""
    return _month(p.first) if by_month else f"{p.first:%b}–{p.last:%b %Y}"


def _days(n: float | None) -> str:
    if n is None:
        return "–"
    return plural(round(n), "day") if n == int(n) else f"{n:.1f} days"


def stage_table(sp: StageProgress) -> str:
    """One row per month (or quarter): how many no's came at each stage."""
    head = "".join(f"{s:>{w}}" for s, w in zip(STAGES, WIDTHS, strict=True))
    lines = [f"{'':<{LABEL}}{head}{'moved on in':>{MOVED}}"]
    if sp.earlier:
        lines.append(f"… {plural(sp.earlier, 'earlier process', 'earlier processes')}, "
                     "counted in the furthest below")
    for p in sp.periods:
        cells = "".join(f"{n or '·':>{w}}" for n, w in zip(p.counts, WIDTHS, strict=True))
        row = f"{period_label(p, sp.by_month):<{LABEL}}{cells}{_days(p.moved_on_days):>{MOVED}}"
        lines.append(f"{row}  {NEW_BEST}" if p.new_best else row)
    if any(p.new_best for p in sp.periods):
        lines.append(NEW_BEST_KEY)
    return "\n".join(lines)


def _at(p: Process) -> str:
    return f"at {p.company}, {_month(p.day)}"


def furthest_text(sp: StageProgress) -> str:
    """The furthest any process got, when, and what it went past."""
    best, first = sp.best, sp.first_best
    if best is None or first is None:
        return ""
    phrase = STAGE_PHRASES[best.stage]
    if sp.best_times == 1:
        text = f"Furthest so far: {phrase} {_at(best)}."
    else:
        text = (f"Furthest so far: {phrase}, {sp.best_times} times; first {_at(first)}, "
                f"most recently {_at(best)}.")
    if sp.record is not None and sp.previous_best:
        text += f" Before {sp.record.company}, the furthest was {STAGE_PHRASES[sp.previous_best]}."
    return text


def steps_table(ms: MonthSteps) -> str:
    """This month so far beside last month in full, with last month up to the same day."""
    if not ms.this.total and not ms.last.total:
        return NO_STEPS
    this, last = f"{ms.this_month:%B} so far", f"{ms.last_month:%B}"
    lines = [f"{'':<22}{this:>16}{last:>12}"]
    for kind, label in STEP_KINDS:
        lines.append(f"{label:<22}{ms.this.of(kind):>16}{ms.last.of(kind):>12}")
    lines.append(f"{'All steps':<22}{ms.this.total:>16}{ms.last.total:>12}")
    if ms.compared:
        lines.append(f"By {ms.same_day.day} {ms.same_day:%B} you had taken "
                     f"{plural(ms.last_by_now.total, 'step')}.")
    lines.append(STEPS_COUNTED)
    return "\n".join(lines)


def signed(value: float) -> str:
    text = f"{value:+.1f}"
    return "0.0" if text in ("+0.0", "-0.0") else text


def lift_text(li: LiftInsight) -> str:
    """The biggest lifts in words (with what they rest on), then every activity with enough."""
    waiting = ", ".join(f"{name} ({n})" for name, n in li.too_few[:4])
    if not li.activities:
        text = (f"Once an activity has {MIN_ENTRIES} entries with energy before and after, "
                "this shows which self-care lifts you most.")
        return text + (f" So far: {waiting}." if waiting else "")
    lines = []
    if (e := li.best_energy) is not None and e.energy is not None:
        lines.append(f"Biggest energy lift: {after_words(e.activity)}, {signed(e.energy)} "
                     f"on average (from {entries_words(e.activity, e.entries)}).")
    if (m := li.best_mood) is not None and m.mood is not None:
        lines.append(f"Next-morning mood is highest after {after_words(m.activity)}: "
                     f"{signed(m.mood)} against other mornings "
                     f"(from {plural(m.mornings, 'morning')}).")
    lines.append(f"{'':<{NAME}} {'energy lift':<17}next morning's mood")
    for a in li.activities[:MAX_ACTIVITIES]:
        name = a.activity if len(a.activity) <= NAME else a.activity[: NAME - 1] + "…"
        energy = f"{signed(a.energy):>4} from {a.entries}" if a.energy is not None else "   –"
        mood = (f"{signed(a.mood):>4} from {plural(a.mornings, 'morning')}"
                if a.mood is not None else "   –")
        lines.append(f"{name:<{NAME}} {energy:<17}{mood}")
    if len(li.activities) > MAX_ACTIVITIES:
        lines.append(f"… and {len(li.activities) - MAX_ACTIVITIES} more")
    if waiting:
        lines.append(f"Fewer than {MIN_ENTRIES} so far: {waiting}.")
    lines.append(TOGETHER)
    return "\n".join(lines)


class MomentumSection(Vertical):
    """The section's headings and texts; :meth:`show` fills them from the figures."""

    DEFAULT_CSS = """
    MomentumSection { height: auto; }
    MomentumSection #momentum-heading { text-style: bold; margin-top: 1; color: $text-accent; }
    """

    def compose(self) -> ComposeResult:
        yield Static("Momentum toward the yes", id="momentum-heading")
        yield Static("How far each process got", classes="heading")
        yield Static(STAGE_HINT, id="stage-hint", classes="hint")
        yield Static(id="stage-progress", markup=False)
        yield Static(id="furthest", markup=False)
        yield Static("Steps from your plan, month by month", classes="heading")
        yield Static(id="month-steps", markup=False)
        yield Static("Self-care that lifts you, past year", classes="heading")
        yield Static(id="lifts", markup=False)

    def show(self, p: Progress) -> None:
        sp = p.stages
        self.query_one("#stage-hint", Static).display = bool(sp.total)
        self.query_one("#stage-progress", Static).update(
            stage_table(sp) if sp.total else NO_PROCESSES)
        furthest = self.query_one("#furthest", Static)
        furthest.update(furthest_text(sp))
        furthest.display = bool(sp.total)
        self.query_one("#month-steps", Static).update(steps_table(p.steps))
        self.query_one("#lifts", Static).update(lift_text(p.lifts))
