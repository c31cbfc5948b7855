"""The Markdown journal: a readable story of the routine, fit to share with a mentor.

Mornings by month and day (mood, energy, intention, the plan with ticks),
each rejection's cool-down from first feelings to moving on, the themes
that keep coming up, and a self-care summary.

Private by default, because this file is meant to travel: the "let it out"
pages (the Acknowledge step promises only the user reads them), pasted
rejection messages and other people's details (a rejection's contact, the
support network) stay out unless ``include_private`` is asked for, and the
top of the file says which way it was made. Feedback-request drafts always
stay out: they are letters, not the journal.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import date

from ..domain import dates
from ..domain.dates import stored_day
from ..domain.models import Action, CheckIn, Contact, Rejection, SelfCare
from ..domain.patterns import bounce_point, patterns
from ..domain.plurals import plural
from .store import Store

# Structure comes only from us: every character Markdown could read as formatting in
# the middle of a line, and every mark that means something at a line's start (headings,
# quotes, lists, setext underlines "===" and "---", fences "~~~") is escaped.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
_LINE_START = re.compile(r"^([ \t]*)([#>+-]|\d+[.)]|=+[ \t]*$)", re.MULTILINE)
_INDENT = re.compile(r"^[ \t]+", re.MULTILINE)  # four spaces would start a code block
FEEDBACK_WORDS = {"not_requested": "not asked for", "requested": "asked for",
                  "received": "received", "no_reply": "no reply", "declined": "declined"}
ACTION_MARKS = {"done": "x", "dropped": "-", "open": " ", "planned": " "}
STAGE_WORDS = {"applied": "the application", "screen": "a screening call",
               "interview": "an interview", "final": "the final round", "offer": "an offer"}


def md(text: str) -> str:
    """User text made safe for Markdown: it shows as typed, never as formatting."""
    text = _SPECIAL.sub(r"\\\1", text)
    text = _LINE_START.sub(_escape_start, text)
    # Indentation kept as it looks, in no-break spaces, so it never becomes code.
    return _INDENT.sub(lambda m: "\u00a0" * len(m.group(0).expandtabs(4)), text)


def _escape_start(m: re.Match[str]) -> str:
    mark = m.group(2)
    if mark[-1] in ".)":  # "1." or "1)": a numbered list
        return m.group(1) + mark[:-1] + "\\" + mark[-1]
    return m.group(1) + "\\" + mark


def one_line(text: str) -> str:
    return md(" ".join(text.split()))


def quote(text: str) -> list[str]:
    """A multi-line text as a block quote, its line breaks and blank lines kept."""
    lines = [line.rstrip() for line in md(text).split("\n")]
    out = [f"> {line}" + ("  " if line and nxt else "") if line else ">"  # "  ": a line break
           for line, nxt in zip(lines, lines[1:] + [""], strict=True)]
    return out + [""]


def long_day(value: str | None) -> str:
    d = stored_day(value)
    return dates.long_day(d) if d else value or ""


def short_day(value: str) -> str:
    d = stored_day(value)
    return dates.short_day(d) if d else value


THEMES_LISTED = 12  # the strongest; a long history has hundreds of recurring words
LEFT_OUT = ("Kept private and left out: the “let it out” pages, pasted rejection messages "
            "and other people's details.")
LEFT_IN = ("This copy includes private writing: the “let it out” pages, pasted rejection "
           "messages and other people's details. Share it with care.")


def journal_markdown(store: Store, include_private: bool = False) -> str:
    """The whole journal as Markdown text; private writing only when asked for."""
    settings = store.settings
    checkins = sorted(store.checkins.all(), key=lambda c: c.day)
    rejections = sorted(store.rejections.all(), key=lambda r: (r.logged_on, r.company))
    selfcare = store.selfcare.all()
    actions = store.actions.all()
    rest = {r.day for r in store.rest_days.all()}
    title = f"{settings.name}'s resilience journal" if settings.name else "My resilience journal"
    lines = [f"# {md(title)}", "",
             f"Exported on {long_day(store.clock.today_str())}: "
             f"{plural(len(checkins), 'morning')}, {plural(len(rejections), 'rejection')}, "
             f"{plural(len(selfcare), 'self-care moment')}.",
             "",
             f"_{LEFT_IN if include_private else LEFT_OUT}_",
             ""]
    lines += _mornings(checkins, rest)
    lines += _rejections(rejections, actions, include_private)
    lines += _themes(rejections, actions)
    lines += _selfcare(selfcare)
    if include_private:
        lines += _people(store.contacts.all())
    return "\n".join(lines).rstrip("\n") + "\n"


def _mornings(checkins: list[CheckIn], rest: set[str]) -> list[str]:
    lines = ["## Mornings", ""]
    if not checkins:
        return lines + ["No morning check-ins yet.", ""]
    by_month: dict[str, list[CheckIn]] = defaultdict(list)
    for c in checkins:
        by_month[c.day[:7]].append(c)
    for month, items in by_month.items():
        first = date.fromisoformat(f"{month}-01")
        rested = sorted(d for d in rest if d.startswith(month))
        lines += [f"### {first:%B %Y}", ""]
        if rested:
            lines += [f"Rest days: {', '.join(short_day(d) for d in rested)}.", ""]
        for c in items:
            lines += _morning(c)
    return lines


def _morning(c: CheckIn) -> list[str]:
    head = f"**{short_day(c.day)}** · mood {c.mood}/5 · energy {c.energy}/5"
    if c.feelings:
        head += f" · feeling {one_line(', '.join(c.feelings))}"
    lines = [head + "  "]
    if c.intention:
        lines.append(f"Intention: {one_line(c.intention)}  ")
    if c.selfcare_intention:
        lines.append(f"Looking after myself with: {one_line(c.selfcare_intention)}  ")
    lines.append("")
    for p in c.plan:
        lines.append(f"- [{'x' if p.done else ' '}] {p.kind.capitalize()}: {one_line(p.text)}")
    return lines + ([""] if c.plan else [])


def _rejections(rejections: list[Rejection], actions: list[Action],
                include_private: bool) -> list[str]:
    lines = ["## Rejections, and how I worked through them", ""]
    if not rejections:
        return lines + ["None logged.", ""]
    by_rejection: dict[str, list[Action]] = defaultdict(list)
    for a in actions:
        if a.rejection_id:
            by_rejection[a.rejection_id].append(a)
    for r in rejections:
        lines += _story(r, by_rejection.get(r.id, []), include_private)
    return lines


def _story(r: Rejection, actions: list[Action], include_private: bool) -> list[str]:
    c = r.cooldown
    lines = [f"### {one_line(r.company)}: {one_line(r.role)}", "",
             f"Got as far as {STAGE_WORDS.get(r.stage, r.stage)}. Heard on "
             f"{long_day(r.received_on)}; it mattered {r.mattered} of 5.", ""]
    if include_private:
        lines += _their_side(r)
    if c.acknowledged_on:
        lines += [f"**Feeling it** ({long_day(c.acknowledged_on)})", ""]
    if c.feelings:
        lines += ["| Feeling | At first | When moving on |", "|---|---:|---:|"]
        lines += [f"| {one_line(f.name)} | {f.before} | {'' if f.after is None else f.after} |"
                  for f in c.feelings] + [""]
    if c.journal and include_private:
        lines += ["Let it out:", ""] + quote(c.journal)
    if c.process_with:
        lines += [f"To process it: {one_line(c.process_with)}"
                  f"{' (done)' if c.process_done else ''}.", ""]
    lines += _reflection(r)
    lines += _feedback(r)
    if c.moved_on_on:
        point = bounce_point(r)
        took = f", {plural(point.days, 'day')} after logging it" if point else ""
        lines += [f"**Moving on** ({long_day(c.moved_on_on)}{took})", ""]
    if actions:
        lines += ["Where it pointed next:", ""]
        lines += [f"- [{ACTION_MARKS.get(a.status, ' ')}] {a.kind.capitalize()}: "
                  f"{one_line(a.text)}" + (" (let go)" if a.status == "dropped" else "")
                  for a in actions] + [""]
    if not c.moved_on_on:
        lines += ["_This cool-down is still open._", ""]
    return lines


def _their_side(r: Rejection) -> list[str]:
    """Who sent the no and what they wrote (private: only with ``include_private``)."""
    lines = []
    name, email = one_line(r.contact_name), md(r.contact_email)
    who = f"{name} ({email})" if name and email else name or email
    if who:
        lines += [f"From: {who}", ""]
    if r.message:
        lines += ["Their message:", ""] + quote(r.message)
    return lines


def _reflection(r: Rejection) -> list[str]:
    c = r.cooldown
    if not c.reflected_on:
        return []
    early = " (I chose to start early)" if c.ready_early_on else ""
    lines = [f"**Looking back** ({long_day(c.reflected_on)}){early}", ""]
    if c.reasons:
        lines += ["Why it may have gone this way:", ""]
        lines += [f"- {r_.tag.capitalize()}" + (f": {one_line(r_.note)}" if r_.note else "")
                  for r_ in c.reasons] + [""]
    if c.traps:
        lines += [f"Thinking traps I noticed: {', '.join(c.traps)}.", ""]
    for label, text in (("A fairer thought", c.balanced_thought),
                        ("What went well", c.went_well),
                        ("What I'd do differently", c.do_differently)):
        if text:
            lines += [f"{label}:", ""] + quote(text)
    return lines


def _feedback(r: Rejection) -> list[str]:
    f = r.feedback
    if f.status == "not_requested" and not f.text:
        return []
    when = [f"asked on {long_day(f.requested_on)}" if f.requested_on else "",
            f"answered on {long_day(f.answered_on)}" if f.answered_on else ""]
    detail = "; ".join(w for w in when if w)
    lines = [f"**Feedback**: {FEEDBACK_WORDS.get(f.status, f.status)}"
             + (f" ({detail})" if detail else "") + ".", ""]
    if f.text:
        lines += quote(f.text)
    if f.themes:
        lines += [f"Themes: {one_line(', '.join(f.themes))}.", ""]
    return lines


def _themes(rejections: list[Rejection], actions: list[Action]) -> list[str]:
    recurring = patterns(rejections, actions).recurring
    if not recurring:
        return []
    lines = ["## Themes that keep coming up", ""]
    for t in recurring[:THEMES_LISTED]:
        plans = f" Planned: {one_line('; '.join(t.actions))}." if t.actions else ""
        lines.append(f"- **{one_line(t.name)}**, in {plural(t.count, 'rejection')}.{plans}")
    rest = len(recurring) - THEMES_LISTED
    if rest > 0:
        lines += ["", f"And {rest} more that came up in two or more rejections."]
    return lines + [""]


def _selfcare(entries: list[SelfCare]) -> list[str]:
    lines = ["## Looking after myself", ""]
    if not entries:
        return lines + ["No self-care logged yet.", ""]
    days = {e.day for e in entries}
    minutes = sum(e.minutes for e in entries)
    lines += [f"{plural(len(entries), 'moment')} on {plural(len(days), 'day')}, "
              f"{plural(minutes // 60, 'hour')} {plural(minutes % 60, 'minute')} in all.", ""]
    counts: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    for e in entries:
        counts[e.activity] += 1
        totals[e.activity] += e.minutes
    lines += ["| Activity | Times | Minutes |", "|---|---:|---:|"]
    lines += [f"| {one_line(a)} | {n} | {totals[a]} |" for a, n in counts.most_common()] + [""]
    paired = [e for e in entries if e.energy_before is not None and e.energy_after is not None]
    if paired:
        before = sum(e.energy_before or 0 for e in paired) / len(paired)
        after = sum(e.energy_after or 0 for e in paired) / len(paired)
        lines += [f"Energy before → after, on average: {before:.1f} → {after:.1f} of 5 "
                  f"(over {plural(len(paired), 'moment')}).", ""]
    rated = [e.optimism for e in entries if e.optimism is not None]
    if rated:
        lines += [f"Optimism afterwards, on average: {sum(rated) / len(rated):.1f} of 5.", ""]
    return lines


def _people(contacts: list[Contact]) -> list[str]:
    """The support network (private: only with ``include_private``)."""
    if not contacts:
        return []
    lines = ["## My people", ""]
    for c in sorted(contacts, key=lambda c: c.name.casefold()):
        parts = [f"**{one_line(c.name)}**", md(c.kind)]
        if c.reach:
            parts.append(one_line(c.reach))
        if c.last_contacted:
            parts.append(f"last in touch {short_day(c.last_contacted)}")
        lines.append("- " + " · ".join(parts) + ("  " if c.notes else ""))
        if c.notes:
            lines.append(f"  {one_line(c.notes)}")
    return lines + [""]
