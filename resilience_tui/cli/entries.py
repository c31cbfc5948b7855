"""``checkin``, ``selfcare``, ``rejection``, ``rest`` and ``done``: entries from the shell.

For people who live in a terminal, scripts, and screen readers (a full-screen app is hard
to follow with one). Each command opens the journal as its one writer, hands the words to
one use case of the journal core (the rules of the app's forms), and prints one line
saying what was saved. The store's atomic write means a failure leaves the old file whole.

Exit codes: 0 saved (or nothing needed saving); 4 a value was refused, with the reason
naming the field, and nothing saved; 3 the journal stayed open elsewhere for
:data:`LOCK_WAIT` seconds (a running sync or another entry finishes well within that;
the app holds it until it quits); 1 the file could not be written.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

from ..clock import Clock
from ..domain.cooldown import reflect_opens_on
from ..domain.dates import describe_day, parse_day, short_day
from ..domain.lookup import find_contact, item_label
from ..domain.plurals import plural
from ..domain.validate import ValidationError, check_int
from ..journal.checkins import CheckedIn, check_in_today, tick_words, today_checkin
from ..journal.opening import open_journal
from ..journal.rejections import log_rejection
from ..journal.rest import mark_rest_day
from ..journal.selfcare import log_selfcare
from ..storage.errors import DatabaseLocked
from ..storage.store import Store

OK, ERROR, LOCKED, REFUSED = 0, 1, 3, 4
LOCK_WAIT = 3.0  # seconds to wait for the journal to be free before giving up
SCALE = (1, 5)  # mood, energy and optimism, as on the forms

Entry = Callable[[Store, Clock], str]


def _scale(value: str | None, field: str) -> int | None:
    """A 1–5 value as typed; None when not given. Raises ValidationError."""
    return check_int(value, field, *SCALE, optional=True)


def _open_waiting(path: Path, clock: Clock) -> Store:
    """Open as the writer, waiting up to LOCK_WAIT seconds while another process has it."""
    deadline = time.monotonic() + LOCK_WAIT
    while True:
        try:
            return open_journal(path, clock)
        except DatabaseLocked:
            if time.monotonic() >= deadline:
                raise
            time.sleep(0.1)


def write_entry(path: Path, clock: Clock, entry: Entry) -> int:
    """Run ``entry`` on the journal and print its one line; see the module's exit codes."""
    existed = path.exists()
    try:
        store = _open_waiting(path, clock)
    except DatabaseLocked:
        print(f"resilience: {path} is open in the app (or another resilience command), so "
              "nothing was saved; close it and try again.", file=sys.stderr)
        return LOCKED
    try:
        line = entry(store, clock)
    except ValidationError as exc:
        if not existed and store.created:  # a journal made just now for a refused entry
            path.unlink(missing_ok=True)
        print(f"resilience: {exc.sentence} Nothing was saved.", file=sys.stderr)
        return REFUSED
    finally:
        store.close()
    if store.unsaved and store.read_only:
        print(f"resilience: {path} is read-only, so nothing was saved and it was left as it "
              f"was. To save, first run: chmod 600 {path}", file=sys.stderr)
        return ERROR
    if store.unsaved:
        found = re.search(r"\(([^()]*)\)", store.problems[-1] if store.problems else "")
        reason = f" ({found.group(1)})" if found else ""
        print(f"resilience: couldn't save to {path}{reason}; the file was left as it was, "
              "and nothing was saved.", file=sys.stderr)
        return ERROR
    print(line)
    return OK


# --- checkin ---------------------------------------------------------------------------


def checkin(args: argparse.Namespace, path: Path, clock: Clock) -> int:
    def entry(store: Store, clock: Clock) -> str:
        saved = check_in_today(
            store, clock, mood=_scale(args.mood, "mood"), energy=_scale(args.energy, "energy"),
            feelings=args.feeling, intention=args.intention, plan=args.plan)
        return checkin_line(saved, clock)

    return write_entry(path, clock, entry)


def checkin_line(saved: CheckedIn, clock: Clock) -> str:
    """"Checked in for Wed 11 Mar: mood 3, energy 4, 2 plan items." (or what changed)."""
    c = saved.checkin
    figures = f"mood {c.mood}, energy {c.energy}"
    if saved.created:
        planned = f", {plural(len(c.plan), 'plan item')}" if c.plan else ""
        return f"Checked in for {short_day(clock.today())}: {figures}{planned}."
    added = f"; {plural(len(saved.added), 'plan item')} added" if saved.added else ""
    there = (f"; {plural(saved.already_there, 'item was', 'items were')} on the plan already"
             if saved.already_there else "")
    total = f" ({plural(len(c.plan), 'item')} on the plan)" if c.plan else ""
    return f"Today's check-in is updated: {figures}{added}{there}{total}."


# --- selfcare --------------------------------------------------------------------------


def selfcare(args: argparse.Namespace, path: Path, clock: Clock) -> int:
    def entry(store: Store, clock: Clock) -> str:
        before = _scale(args.before, "energy before")
        after = _scale(args.after, "energy after")
        optimism = _scale(args.optimism, "optimism")
        contact = find_contact(store.contacts.all(), args.with_name) if args.with_name else None
        saved = log_selfcare(
            store, clock, activity=args.activity, minutes=args.minutes, energy_before=before,
            energy_after=after, optimism=optimism, note=args.note,
            contact_id=contact.id if contact else None)
        parts = [f"Self-care logged: {saved.activity}, {saved.minutes} min"]
        if saved.energy_before is not None and saved.energy_after is not None:
            parts.append(f"energy {saved.energy_before} → {saved.energy_after}")
        elif saved.energy_after is not None:
            parts.append(f"energy after {saved.energy_after}")
        if saved.contact_name:
            parts.append(f"with {saved.contact_name} (a hello noted)")
        return ", ".join(parts) + "."

    return write_entry(path, clock, entry)


# --- rejection -------------------------------------------------------------------------


def rejection(args: argparse.Namespace, path: Path, clock: Clock) -> int:
    def entry(store: Store, clock: Clock) -> str:
        saved = log_rejection(store, clock, company=args.company, role=args.role,
                              stage=args.stage, received=args.received)
        opens = describe_day(reflect_opens_on(saved, store.settings.cooldown_days),
                             clock.today())
        return (f"Logged: {saved.company}, {saved.role}. Its cool-down has started: say how "
                f"it feels in the app (c) when you're ready; looking back opens {opens}.")

    return write_entry(path, clock, entry)


# --- rest and done ---------------------------------------------------------------------


def rest(args: argparse.Namespace, path: Path, clock: Clock) -> int:
    def entry(store: Store, clock: Clock) -> str:
        return mark_rest_day(store, parse_day(args.day, clock.today(), field="rest day"))

    return write_entry(path, clock, entry)


def done(args: argparse.Namespace, path: Path, clock: Clock) -> int:
    if args.item is None:
        return list_plan(path, clock)

    def entry(store: Store, clock: Clock) -> str:
        ticked = tick_words(store, clock, args.item)
        said = "Ticked" if ticked.changed else "Already ticked"
        return f"{said}: {ticked.item.kind}: {ticked.item.text} ({ticked.summary})."

    return write_entry(path, clock, entry)


def list_plan(path: Path, clock: Clock) -> int:
    """Today's plan, one numbered item a line (read only: no lock, no file created)."""
    if not path.exists():
        print("No check-in today yet, so no plan to list.")
        return OK
    store = open_journal(path, clock, writer=False)
    found = today_checkin(store, clock)
    if found is None or not found.plan:
        print("No check-in today yet, so no plan to list." if found is None
              else "Today's plan is empty.")
        return OK
    for position, item in enumerate(found.plan, start=1):
        print(item_label(position, item))
    return OK
