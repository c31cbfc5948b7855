"""Patterns that read: themes from imported notes and feedback, and the morning after.

Four rejections come in through the real import; their notes and feedback say
SQL four different ways. Patterns shows one SQL theme with the four companies and
the user's own words; a word only one rejection used is no theme; the next
morning's plan suggestions name SQL.
"""

from __future__ import annotations

from helpers import open_patterns
from textual.widgets import Static
from theme_samples import import_sql_history

from resilience_tui.domain.suggestions import SuggestionContext, suggest
from resilience_tui.screens.patterns import PatternsScreen


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
