"""Snapshot tests of Today (plain functions: pytest-textual-snapshot runs the app itself)."""

from __future__ import annotations


def test_today_empty_80x24(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), terminal_size=(80, 24))


def test_help_80x24(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), press=["question_mark"], terminal_size=(80, 24))
