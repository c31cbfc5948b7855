"""Patterns that read: themes from imported notes and feedback, and the morning after.

Four rejections come in through the real import; their notes and feedback say
SQL four different ways. Patterns shows one SQL theme with the four companies and
the user's own words; a word only one rejection used is no theme; the next
morning's plan suggestions name SQL.
"""

from __future__ import annotations

from fixed_time import ago
from helpers import open_patterns
from textual.widgets import Static
from theme_samples import import_sql_history

from resilience_tui.domain.models import Action, Feedback, Rejection
from resilience_tui.domain.suggestions import SuggestionContext, suggest
from resilience_tui.screens.patterns import THEMES_SHOWN, PatternsScreen


def recurring_texts(screen: PatternsScreen) -> list[str]:
    return [str(s.content) for s in screen.query(".recurring").results(Static)]


async def test_imported_notes_that_say_sql_show_one_theme_with_its_rejections(
        make_app, store, clock) -> None:
    import_sql_history(store, clock)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_patterns(pilot)
        themes = recurring_texts(screen)
        sql = themes[0].splitlines()
        assert sql[0] == "↻ SQL · recurring in 4 rejections (your notes and feedback)"
        assert sql[1] == "    With Acme, Globex, Initech and Hooli."
        assert "    “An internal candidate had more SQL depth.” (Hooli, feedback)" in sql
        heads = [t.splitlines()[0] for t in themes]
        assert heads == ["↻ SQL · recurring in 4 rejections (your notes and feedback)",
                         "↻ skill gap · recurring in 2 rejections (your reasons)"]
        # in one rejection only: not a theme, however striking
        assert not any(word in head for head in heads
                       for word in ("take-home", "dashboards", "stakeholder"))


async def test_the_theme_lists_only_the_steps_that_concern_it(make_app, store, clock) -> None:
    import_sql_history(store, clock)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        sql = recurring_texts(await open_patterns(pilot))[0]
        assert "→ Finish the joins chapter" in sql  # a skill step where SQL was the skill gap
        assert "remote" not in sql  # a wider search answers the internal candidate, not SQL


def test_the_next_morning_suggests_time_on_sql(store, clock) -> None:
    import_sql_history(store, clock)
    clock.advance(days=1)
    ctx = SuggestionContext(clock.today(), store.checkins.all(), store.rejections.all(),
                            store.actions.all(), store.contacts.all(), store.settings)
    offered = [(s.kind, s.text) for s in suggest(ctx)]
    assert ("learn", "Spend 30 minutes on SQL") in offered


async def test_a_long_history_shows_the_strongest_themes_and_counts_the_rest(
        make_app, store, clock) -> None:
    words = ["python", "tableau", "excel", "statistics", "storytelling", "portfolio",
             "dashboards", "forecasting", "stakeholders", "presentation"]
    for n, company in enumerate(("Acme", "Globex")):
        store.rejections.put(Rejection(
            company=company, role="Analyst", received_on=ago(9 - n), logged_on=ago(9 - n),
            feedback=Feedback(status="received", text=", ".join(words))))
    store.actions.put_many(
        Action(kind="a skill to learn", text=f"Python lesson {i}", created_on=ago(8 - i))
        for i in range(6))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_patterns(pilot)
        themes = recurring_texts(screen)
        assert len(themes) == THEMES_SHOWN
        more = str(screen.query_one("#more-themes", Static).content)
        assert more.startswith(f"{len(words) - THEMES_SHOWN} more came up")
        python = next(t for t in themes if t.startswith("↻ python")).splitlines()
        assert "    Planned, the latest 4 of 6:" in python
        assert python[-4:] == [f"    → Python lesson {i}" for i in range(2, 6)]
