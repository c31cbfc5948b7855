"""Snapshot of Patterns reading themes from what the user wrote, at 80×24.

Four imported rejections whose notes and feedback say SQL (theme_samples): the
top of the screen shows the SQL theme with its companies, the user's own words
and the one step that concerns it. Fixed clock (Wed 11 March 2026).
"""

from __future__ import annotations

from theme_samples import import_sql_history


def test_patterns_themes_from_notes_80x24(snap_compare, make_app, store, clock) -> None:
    import_sql_history(store, clock)
    assert snap_compare(make_app(), press=["p"], terminal_size=(80, 24))
