"""History's rows and search, read from the records (no screen): newest day first, each
day under its heading, every rejection open or closed, and search over the user's words."""

from __future__ import annotations

from resilience_tui.domain.history import build_rows, row_text, search_rows, texts_by_id
from resilience_tui.domain.models import CheckIn, Feeling, Rejection, RestDay, SelfCare


def _journal() -> tuple[list[CheckIn], list[SelfCare], list[RestDay], list[Rejection]]:
    checkins = [CheckIn(day="2026-03-09", mood=3, energy=3, intention="Tidy the CV"),
                CheckIn(day="2026-03-11", mood=4, energy=2)]
    selfcare = [SelfCare(day="2026-03-09", activity="walk", minutes=20, note="By the river")]
    rest = [RestDay(day="2026-03-08")]
    closed = Rejection(company="Acme", role="Designer", stage="final",
                       received_on="2026-03-02", logged_on="2026-03-02")
    closed.cooldown.acknowledged_on = "2026-03-02"
    closed.cooldown.reflected_on = closed.cooldown.moved_on_on = "2026-03-04"
    closed.cooldown.feelings = [Feeling(name="hurt", before=70, after=30)]
    closed.cooldown.journal = "Felt like a Zeppelin crash."
    still_open = Rejection(company="Globex", role="Analyst", received_on="2026-03-10",
                           logged_on="2026-03-10")
    return checkins, selfcare, rest, [closed, still_open]


def test_days_come_newest_first_each_under_its_heading() -> None:
    rows = build_rows(*_journal())
    assert [row_text(r) for r in rows][:6] == [
        "Wednesday 11 March 2026", "Check-in · mood 4 · energy 2",
        "Tuesday 10 March 2026", "Rejection logged · Globex, Analyst (applied)",
        "Monday 9 March 2026", "Check-in · mood 3 · energy 3 · “Tidy the CV”"]
    assert "Rest day" in [row_text(r) for r in rows]
    assert [row_text(r) for r in rows][-3:] == [
        "Monday 2 March 2026", "Rejection logged · Acme, Designer (final)",
        "Cool-down · Acme: named how it felt"]


def test_the_rejections_list_shows_each_one_with_how_it_went() -> None:
    rows = build_rows(*_journal(), kind="rejections")
    assert [row_text(r) for r in rows] == [
        "2026-03-10  Globex, Analyst · applied · open: naming how it feels next",
        "2026-03-02  Acme, Designer · final · closed · hurt 70 → 30"]


def test_search_reads_what_was_written_whatever_the_case() -> None:
    journal = _journal()
    rows = build_rows(*journal)
    texts = texts_by_id(journal[0], journal[1], journal[3])
    found = search_rows(rows, texts, "ZEPPELIN")
    assert [row_text(r) for r in found] == [
        "Wednesday 4 March 2026", "Cool-down · Acme: reflected", "Cool-down · Acme: moved on",
        "Monday 2 March 2026", "Rejection logged · Acme, Designer (final)",
        "Cool-down · Acme: named how it felt"]
    assert [row_text(r) for r in search_rows(rows, texts, "river")] == [
        "Monday 9 March 2026", "Self-care · walk, 20 min"]
    assert search_rows(rows, texts, "nowhere to be found") == []
