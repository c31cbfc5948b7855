"""Synthetic history for the benchmarks: N years of heavy, realistic use as a schema-1 export.

Every day has a morning check-in with five plan items and two self-care
entries; about 30 rejections a year go through the whole cool-down
(feelings before and after, reasons with notes, thinking traps, a journal,
feedback) and leave redirect actions behind; 40 contacts; a few rest days.
Records are built with the model classes and validated, so the export is
exactly what a real user's would be. The same seed gives the same bytes.

As a module: ``make_export(years, seed, today)``; as a command::

    uv run python benchmarks/synth.py --years 10 --out /tmp/ten.json
    uv run python benchmarks/synth.py --years 10 --db /tmp/ten/resilience.json
    uv run python benchmarks/synth.py --sizes        # the table in benchmarks/README.md
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import orjson
from dateutil import tz

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from resilience_tui.domain import models as m  # noqa: E402

TODAY = date(2026, 3, 11)  # the tests' Wednesday
ZONE = tz.gettz("Europe/London")
REJECTIONS_PER_YEAR = 30
CONTACTS = 40

WORDS = (
    "today I want to finish the cover letter for the analyst role and send two messages "
    "to people I met at the meetup, then practise answers about handling pressure, keep "
    "my energy steady, take a proper lunch away from the screen, read one chapter about "
    "data modelling, update the portfolio page with the dashboard project, call my sister "
    "in the evening, walk before it gets dark, remember that one quiet week is not the "
    "whole story, notice what went well, plan small steps, ask for help early, rest"
).split()
COMPANIES = ("Northwind", "Acme Analytics", "Bluebird Health", "Harbour Bank", "Cedar Labs",
             "Greenleaf Foods", "Orbit Logistics", "Kestrel Games", "Maple Energy", "Quill Media",
             "Riverstone Council", "Tandem Robotics", "Juniper Retail", "Lantern Learning")
ROLES = ("Data Analyst", "Junior Data Scientist", "BI Developer", "Analytics Engineer",
         "Reporting Analyst", "Product Analyst", "Operations Analyst")
FEELINGS = ("disappointed", "frustrated", "tired", "embarrassed", "worried", "sad", "angry",
            "relieved", "numb")
MOOD_WORDS = ("calm", "hopeful", "tense", "flat", "restless", "steady", "tired", "curious")
NAMES = ("Alex", "Priya", "Tom", "Mei", "Jordan", "Fatima", "Lucas", "Aoife", "Sam", "Noor",
         "Ben", "Chloe", "Dev", "Elena", "Femi", "Grace", "Hugo", "Ines", "Jamal", "Kasia")
THEMES = ("sql depth", "storytelling", "stakeholder examples", "portfolio", "take-home speed",
          "statistics", "communication")


class Synth:
    """One seeded generator; each method makes one kind of record."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def id(self) -> str:
        return f"{self.rng.getrandbits(64):016x}"

    def text(self, lo: int, hi: int) -> str:
        """A plain sentence of ``lo``–``hi`` characters (never cut mid-word)."""
        target = self.rng.randint(lo, hi)
        words: list[str] = []
        length = 0
        while length < target:
            word = self.rng.choice(WORDS)
            words.append(word)
            length += len(word) + 1
        out = " ".join(words)
        while len(out) > hi and len(words) > 1:
            words.pop()
            out = " ".join(words)
        return out[:1].upper() + out[1:]

    def paragraphs(self, count: int, lo: int, hi: int) -> str:
        return "\n\n".join(self.text(lo, hi) + "." for _ in range(count))

    def stamp(self, day: date, hour: int) -> str:
        moment = datetime(day.year, day.month, day.day, hour, self.rng.randint(0, 59),
                          tzinfo=ZONE)
        return moment.isoformat(timespec="seconds")

    def score(self, centre: float) -> int:
        return max(1, min(5, round(self.rng.gauss(centre, 0.9))))

    # --- records ---------------------------------------------------------------

    def contacts(self, first: date) -> list[m.Contact]:
        out = []
        for i in range(CONTACTS):
            kind = m.CONTACT_KINDS[i % len(m.CONTACT_KINDS)]
            created = first + timedelta(days=self.rng.randint(0, 60))
            name = f"{NAMES[i % len(NAMES)]} {chr(65 + i // len(NAMES))}."
            out.append(m.Contact(
                name=name if kind != "community" else f"{name} study group",
                kind=kind, reach=f"{NAMES[i % len(NAMES)].lower()}{i}@example.org",
                notes=self.text(40, 240), created_on=created.isoformat(),
                updated_at=self.stamp(created, 19), id=self.id()).validate())
        return out

    def checkin(self, day: date, today: date, open_actions: list[m.Action]) -> m.CheckIn:
        past = day < today
        plan = []
        for i in range(5):
            kind = ("apply", "apply", "outreach", "practice", "learn")[i]
            item = m.PlanItem(kind=kind, text=self.text(24, 80), id=self.id(),
                              done=past and self.rng.random() < 0.8)
            if kind == "apply" and open_actions and self.rng.random() < 0.1:
                action = self.rng.choice(open_actions)
                item.source, item.source_id, item.text = "redirect", action.id, action.text
            plan.append(item)
        at = self.stamp(day, self.rng.choice((7, 8, 9)))
        return m.CheckIn(
            day=day.isoformat(), mood=self.score(3.3), energy=self.score(3.1),
            intention=self.text(30, 110),
            feelings=self.rng.sample(MOOD_WORDS, self.rng.randint(0, 3)), plan=plan,
            selfcare_intention=self.rng.choice(m.SELFCARE_ACTIVITIES), at=at, updated_at=at,
            id=self.id()).validate()

    def selfcare(self, day: date, contacts: list[m.Contact], hour: int) -> m.SelfCare:
        activity = self.rng.choice(m.SELFCARE_ACTIVITIES)
        before = self.score(2.8)
        contact = self.rng.choice(contacts) if activity in ("family", "friends") else None
        at = self.stamp(day, hour)
        return m.SelfCare(
            day=day.isoformat(), activity=activity, minutes=self.rng.choice((10, 15, 20, 30,
                                                                            45, 60, 90)),
            energy_before=before, energy_after=min(5, before + self.rng.choice((0, 0, 1, 1, 2))),
            optimism=self.score(3.2), note=self.text(0, 160) if self.rng.random() < 0.6 else "",
            contact_id=contact.id if contact else None,
            contact_name=contact.name if contact else "", at=at, updated_at=at,
            id=self.id()).validate()

    def rejection(self, logged: date, today: date,
                  cooldown_days: int) -> tuple[m.Rejection, list[m.Action]]:
        """A rejection whose cool-down went as far as ``today`` allows."""
        received = logged - timedelta(days=self.rng.choice((0, 0, 0, 1, 2)))
        company = self.rng.choice(COMPANIES)
        feelings = [m.Feeling(name=n, before=self.rng.randint(40, 95))
                    for n in self.rng.sample(FEELINGS, self.rng.randint(2, 4))]
        c = m.Cooldown(feelings=feelings, journal=self.paragraphs(self.rng.randint(2, 5), 80, 260),
                       process_with=self.rng.choice(("walk", "gym", "talk to someone", "rest")),
                       process_done=True, acknowledged_on=logged.isoformat())
        reflected = logged + timedelta(days=cooldown_days - 1 + self.rng.choice((0, 0, 1)))
        moved = reflected + timedelta(days=self.rng.choice((0, 1, 2)))
        if reflected < today:  # a cool-down logged yesterday is still open today
            c.reflected_on = reflected.isoformat()
            c.reasons = [m.Reason(tag=t, note=self.text(60, 300))
                         for t in self.rng.sample(m.REASON_TAGS, self.rng.randint(1, 3))]
            c.traps = self.rng.sample(m.THINKING_TRAPS, self.rng.randint(0, 2))
            c.balanced_thought = self.text(80, 240)
            c.went_well = self.text(60, 200)
            c.do_differently = self.text(60, 200)
        feedback = m.Feedback()
        if self.rng.random() < 0.7:
            asked = logged + timedelta(days=1)
            feedback.status = "requested"
            feedback.requested_on = asked.isoformat()
            feedback.subject = f"Thanks, and a quick question about my {company} application"
            feedback.body = self.paragraphs(4, 60, 200)
            answered = asked + timedelta(days=self.rng.randint(2, 20))
            if answered <= today:
                feedback.status = self.rng.choice(("received", "received", "no_reply",
                                                   "declined"))
                feedback.answered_on = answered.isoformat()
                if feedback.status == "received":
                    feedback.text = self.paragraphs(2, 80, 300)
                    feedback.themes = self.rng.sample(THEMES, self.rng.randint(1, 2))
        actions = []
        if c.reflected_on and moved <= today:
            c.moved_on_on = moved.isoformat()
            for f in c.feelings:
                f.after = max(0, f.before - self.rng.randint(5, 50))
            for kind in self.rng.sample(m.REDIRECT_KINDS, self.rng.randint(1, 2)):
                old = (today - moved).days > 60
                status = self.rng.choice(("done", "done", "dropped")) if old else "open"
                actions.append(m.Action(
                    kind=kind, text=self.text(30, 90), status=status,
                    created_on=moved.isoformat(),
                    done_on=(moved + timedelta(days=9)).isoformat() if status == "done" else None,
                    updated_at=self.stamp(moved, 20), id=self.id()))
        at = self.stamp(logged, 17)
        r = m.Rejection(
            company=company, role=self.rng.choice(ROLES), stage=self.rng.choice(m.STAGES[:4]),
            received_on=received.isoformat(), logged_on=logged.isoformat(),
            mattered=self.score(3.5), contact_name=self.rng.choice(NAMES),
            contact_email="hiring@example.com", message=self.paragraphs(3, 80, 240),
            cooldown=c, feedback=feedback, at=at, updated_at=at, id=self.id()).validate()
        for a in actions:
            a.rejection_id = r.id
            a.validate()
        return r, actions


def make_export(years: float, seed: int = 1, today: date = TODAY) -> dict[str, Any]:
    """``years`` of daily heavy use ending ``today`` (which has its check-in), as an export."""
    s = Synth(seed)
    settings = m.Settings(name="Sam", rest_weekdays=[6], cooldown_days=2).validate()
    days = round(years * 365)
    first = today - timedelta(days=days - 1)
    contacts = s.contacts(first)
    reject_on = {first + timedelta(days=s.rng.randrange(days))
                 for _ in range(round(years * REJECTIONS_PER_YEAR) - 1)}
    if days > 1:
        reject_on.add(today - timedelta(days=1))  # one cool-down still open, as is usual
    checkins, selfcare, rejections, actions, rest_days = [], [], [], [], []
    open_actions: list[m.Action] = []
    for offset in range(days):
        day = first + timedelta(days=offset)
        checkins.append(s.checkin(day, today, open_actions))
        selfcare.append(s.selfcare(day, contacts, 12))
        selfcare.append(s.selfcare(day, contacts, 18))
        if day in reject_on:
            r, new_actions = s.rejection(day, today, settings.cooldown_days)
            rejections.append(r)
            actions.extend(new_actions)
            open_actions = [a for a in actions if a.status == "open"][-5:]
        if day.weekday() == 5 and s.rng.random() < 0.1:
            rest_days.append(day.isoformat())
    for c in contacts:
        c.last_contacted = (today - timedelta(days=s.rng.randint(0, 20))).isoformat()
    return {
        "app": "resilience-tui",
        "schema": 1,
        "exported_at": s.stamp(today, 9),
        "settings": settings.to_dict(),
        "checkins": [c.to_dict() for c in checkins],
        "rejections": [r.to_dict() for r in rejections],
        "selfcare": [x.to_dict() for x in selfcare],
        "contacts": [c.to_dict() for c in contacts],
        "actions": [a.to_dict() for a in actions],
        "rest_days": rest_days,
    }


def record_count(export: dict[str, Any]) -> int:
    return sum(len(v) for v in export.values() if isinstance(v, list))


def write_database(export: dict[str, Any], path: Path, today: date = TODAY) -> Path:
    """Import ``export`` into a new database at ``path`` the way ``resilience import`` does."""
    from resilience_tui.clock import FixedClock
    from resilience_tui.journal import open_journal
    from resilience_tui.journal.transfer import apply_import
    from resilience_tui.storage.transfer import plan_import

    if path.exists():
        raise SystemExit(f"{path} exists already; pick a new path")
    clock = FixedClock(f"{today.isoformat()}T09:00", zone=ZONE)
    store = open_journal(path, clock)
    try:
        if not apply_import(store, clock, plan_import(store, export)):
            raise SystemExit(f"couldn't write {path}: {store.problems}")
    finally:
        store.close()
    return path


def sizes(years_list: tuple[float, ...] = (1, 5, 10), seed: int = 1) -> str:
    """A Markdown table of what ``make_export`` produces."""
    import tempfile

    rows = ["| years | check-ins | self-care | rejections | actions | records | export MB "
            "| database MB | import s |", "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for years in years_list:
        export = make_export(years, seed)
        blob = orjson.dumps(export)
        with tempfile.TemporaryDirectory() as folder:
            started = time.perf_counter()
            db = write_database(export, Path(folder) / "db.json")
            took = time.perf_counter() - started
            db_mb = db.stat().st_size / 1e6
        rows.append(f"| {years:g} | {len(export['checkins']):,} | {len(export['selfcare']):,} | "
                    f"{len(export['rejections']):,} | {len(export['actions']):,} | "
                    f"{record_count(export):,} | {len(blob) / 1e6:.1f} | {db_mb:.1f} | "
                    f"{took:.1f} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=float, default=1)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--today", type=date.fromisoformat, default=TODAY)
    parser.add_argument("--out", type=Path, help="write the JSON export here")
    parser.add_argument("--db", type=Path, help="import it into a new database here")
    parser.add_argument("--sizes", action="store_true", help="print sizes for 1, 5, 10 years")
    args = parser.parse_args(argv)
    if args.sizes:
        print(sizes(seed=args.seed))
        return 0
    if not args.out and not args.db:
        parser.error("say --out FILE, --db FILE or --sizes")
    export = make_export(args.years, args.seed, args.today)
    if args.out:
        args.out.write_bytes(orjson.dumps(export, option=orjson.OPT_INDENT_2))
    if args.db:
        write_database(export, args.db, args.today)
    print(f"{args.years:g} years: {record_count(export):,} records", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
