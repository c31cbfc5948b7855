"""What the fuzz tests share: a small honest journal, hostile values, and mutations of it.

Used by ``tests/unit/test_fuzz_import.py`` (mutated exports), ``test_fuzz_database.py``
(mutated database files) and ``tests/ui/test_damaged_journal_screens.py`` (a handful of
accepted ones opened in the app). Everything is seeded, so a failure reproduces.
"""

from __future__ import annotations

import contextlib
import copy
import io
import random
from dataclasses import dataclass
from typing import Any

from resilience_tui.domain.models import Cooldown, Feeling, Rejection

# Values that broke something once, or could: wrong types, far days, controls, huge text.
HOSTILE: tuple[Any, ...] = (
    None, [], {}, "", " ", 0, -1, 2**70, 1.5, True, "none", [1, 2], {"x": 1},
    "9999-12-31", "0001-01-01", "1969-12-31", "2026-02-30", "2027-12-31", "soon",
    "\u001b]0;PWNED\u0007\u001b[2J", "a\u202eb", "x" * 5000, "id with space", "\x00",
    {"step": "acknowledge", "fields": "x"}, {"step": "reflect", "fields": {"reasons": 3}},
    {"step": "move_on", "fields": {"after": {"sad": [1]}}}, {"step": "nope"},
    {"step": "acknowledge", "fields": {"journal": "\u001b[2Jhi", "minutes": 20}},
    {"step": "reflect", "fields": {"traps": {"ticked": ["labelling"], "notes": {"a": "b"}}}},
)
DEEP = [[[[[[[[[[[[[[[[[[[[["deep"]]]]]]]]]]]]]]]]]]]]]


def nested(depth: int) -> object:
    value: object = "bottom"
    for _ in range(depth):
        value = {"step": "acknowledge", "fields": value}
    return value


def open_rejection() -> dict[str, Any]:
    """An open cool-down (acknowledged, reflect waiting) with a half-typed draft."""
    r = Rejection(
        company="Fuzz & Co", role="Analyst", stage="interview", received_on="2026-03-10",
        logged_on="2026-03-10", mattered=4, contact_name="Ana",
        cooldown=Cooldown(acknowledged_on="2026-03-10", process_with="a walk",
                          feelings=[Feeling(name="sad", before=70)],
                          draft={"step": "reflect", "fields": {"minutes": "25"},
                                 "feedback": {}}),
        at="2026-03-10T09:00:00+00:00", updated_at="2026-03-10T09:00:00+00:00",
        id="openrejection01").validate()
    return r.to_dict()


def base_export() -> dict[str, Any]:
    """A small valid export (schema 1) of a few days, with an open cool-down."""
    from unit.transfer_samples import journal  # tests/ is on the path in every folder

    records = journal(days=6, seed=3)
    out: dict[str, Any] = {"app": "resilience-tui", "schema": 1,
                           "exported_at": "2026-03-11T09:00:00+00:00",
                           "settings": {"name": "Sam", "day_start_hour": 4, "cooldown_days": 2,
                                        "rest_weekdays": [6], "nudge_days": 14,
                                        "theme": "textual-dark"}}
    for name, items in records.items():
        if name == "rest_days":
            out[name] = [r.day for r in items]
        else:
            out[name] = [r.to_dict() for r in items]
    out["rejections"].append(open_rejection())
    return out


def paths(value: object, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON value: keys of objects and indexes of lists."""
    found = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            found += paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            found += paths(v, (*prefix, i))
    return found


def mutate(doc: object, rnd: random.Random, count: int = 1, *, skip: int = 0) -> object:
    """``doc`` with ``count`` random changes: a value replaced by a hostile one, a key
    removed, or a list item doubled. ``skip`` keeps the first levels (e.g. a database's
    tables) from being replaced wholesale, so most changes land inside records."""
    doc = copy.deepcopy(doc)
    for _ in range(count):
        where = [p for p in paths(doc) if len(p) > skip]
        if not where:
            break
        path = rnd.choice(where)
        parent = doc
        for key in path[:-1]:
            parent = parent[key]  # type: ignore[index]
        key = path[-1]
        roll = rnd.random()
        if roll < 0.12 and isinstance(parent, dict):
            del parent[key]
        elif roll < 0.2 and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[key]))
        elif roll < 0.25:
            bomb = rnd.choice((DEEP, nested(rnd.randint(15, 300))))
            parent[key] = copy.deepcopy(bomb)  # type: ignore[index]
        else:
            parent[key] = copy.deepcopy(rnd.choice(HOSTILE))  # type: ignore[index]
    return doc


@dataclass
class Ran:
    code: int
    out: str
    err: str


def run(*argv: str) -> Ran:
    """``resilience ARGV`` in this process (the fuzz loops run hundreds: no new Python).
    The environment (RESILIENCE_NOW, TZ) is the caller's to set."""
    from resilience_tui.cli import main

    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")  # export writes bytes
    err = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    out.flush()
    return Ran(code, out.buffer.getvalue().decode(), err.getvalue())  # type: ignore[attr-defined]


def plain(text: str) -> bool:
    """No escape sequence and no other control character except newlines reached the
    terminal, and no traceback or catch-all error."""
    return (not any(ord(c) < 32 and c not in "\n\t" or 0x7f <= ord(c) <= 0x9f for c in text)
            and "Traceback" not in text and "something went wrong" not in text)
