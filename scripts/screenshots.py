"""Make the README's pictures: SVG screenshots of the real app on a little made-up data.

    uv run python scripts/screenshots.py            # every picture, into docs/screenshots/
    uv run python scripts/screenshots.py today      # just one

Each picture is one line in ``SHOTS``: a name, the keys pressed on Today to get there, and
a phrase that must be on the screen (so a picture never quietly shows the wrong thing).
The data lives in a temporary folder with a fixed clock, so the pictures only change when
the app does.
"""

from __future__ import annotations

import argparse
import asyncio
import html
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from dateutil import tz

from resilience_tui.app import ResilienceApp
from resilience_tui.clock import FixedClock
from resilience_tui.domain.models import (
    CheckIn,
    Contact,
    Cooldown,
    Feeling,
    PlanItem,
    Rejection,
    SelfCare,
)
from resilience_tui.journal import open_journal
from resilience_tui.storage.store import Store

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
NOW = "2026-03-11T09:00:00"  # a Wednesday morning
ZONE = "Europe/London"
SIZE = (100, 30)


@dataclass(frozen=True)
class Shot:
    """One picture: ``keys`` are pressed on Today, then the screen is saved as ``name.svg``."""

    name: str
    expect: str
    keys: tuple[str, ...] = ()
    size: tuple[int, int] = SIZE


SHOTS = [
    Shot("today", expect="This morning"),
    # c opens the seeded rejection's reflect step (day 2); tick a reason and note it.
    Shot("cooldown", expect="What may have played a part",
         keys=("c", "space", "tab", *"SQL window functions, live")),
]


def seed(store: Store, clock: FixedClock) -> None:
    """A believable first week: check-ins, a plan under way, a walk, one rejection."""
    today = clock.today()

    def day(back: int) -> str:
        return (today - timedelta(days=back)).isoformat()

    def stamp(back: int, hour: int = 9) -> str:
        moment = clock.now().replace(hour=hour, minute=0) - timedelta(days=back)
        return moment.isoformat(timespec="seconds")

    moods = [(3, 2), (2, 2), (3, 3), (4, 3), (3, 4), (2, 3)]  # six days before today
    checkins = [CheckIn(day=day(6 - i), mood=m, energy=e, at=stamp(6 - i),
                        intention="Keep going, one step at a time.").validate()
                for i, (m, e) in enumerate(moods)]
    checkins.append(CheckIn(
        day=day(0), mood=3, energy=4, at=stamp(0),
        intention="One careful application, then a proper lunch break.",
        feelings=["hopeful", "a bit tired"],
        selfcare_intention="a walk at lunch",
        plan=[
            PlanItem("apply", "Tailor my CV for the Lumen Analytics role", done=True),
            PlanItem("outreach", "Message Priya about the data team"),
            PlanItem("practice", "Twenty minutes of SQL window functions"),
        ],
    ).validate())
    selfcare = [
        SelfCare(day=day(2), activity="gym", minutes=45, energy_before=2, energy_after=3,
                 at=stamp(2, 18)),
        SelfCare(day=day(1), activity="friends", minutes=40, energy_before=2, energy_after=3,
                 note="Coffee with Sam after the news.", at=stamp(1, 19)),
        SelfCare(day=day(0), activity="walk", minutes=30, energy_before=3, energy_after=4,
                 optimism=3, note="Round the park before the rain.", at=stamp(0, 8)),
    ]
    rejection = Rejection(
        company="Harbour & Finch", role="Junior data analyst", stage="interview",
        received_on=day(1), logged_on=day(1), mattered=4, at=stamp(1, 17),
        cooldown=Cooldown(acknowledged_on=day(1),
                          feelings=[Feeling("disappointed", 70), Feeling("tired", 50)]),
    ).validate()
    contact = Contact(name="Priya", kind="mentor", last_contacted=day(30),
                      created_on=day(30)).validate()
    with store.batch():
        store.checkins.put_many(checkins)
        store.selfcare.put_many([s.validate() for s in selfcare])
        store.rejections.put(rejection)
        store.contacts.put(contact)


async def take(shot: Shot) -> str:
    """Run the app on freshly seeded data and return the SVG of the screen ``shot`` shows."""
    with tempfile.TemporaryDirectory(prefix="resilience-shots-") as folder:
        clock = FixedClock(NOW, zone=tz.gettz(ZONE))
        store = open_journal(Path(folder) / "resilience.json", clock)
        try:
            seed(store, clock)
            app = ResilienceApp(store, clock)
            async with app.run_test(size=shot.size) as pilot:
                await pilot.pause()
                for key in shot.keys:
                    await pilot.press(key)
                    await pilot.pause()
                await pilot.wait_for_scheduled_animations()
                return app.export_screenshot(title="resilience")
        finally:
            store.close()


def visible_text(svg: str) -> str:
    """The words in an SVG screenshot (Textual writes spaces as no-break spaces)."""
    return html.unescape(svg).replace("\xa0", " ")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="pictures to make (default: all)")
    parser.add_argument("--out", type=Path, default=OUT, help=f"folder (default {OUT})")
    args = parser.parse_args(argv)
    known = {s.name: s for s in SHOTS}
    unknown = [n for n in args.names if n not in known]
    if unknown:
        parser.error(f"unknown picture {', '.join(unknown)}; known: {', '.join(known)}")
    args.out.mkdir(parents=True, exist_ok=True)
    for shot in [known[n] for n in args.names] or SHOTS:
        svg = asyncio.run(take(shot))
        if shot.expect not in visible_text(svg):
            print(f"{shot.name}: {shot.expect!r} is not on the screen; not saved.",
                  file=sys.stderr)
            return 1
        path = args.out / f"{shot.name}.svg"
        path.write_text(svg, encoding="utf-8")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
