"""Patterns across rejections: counts, recurring themes, bounce-back."""

from __future__ import annotations

from datetime import date

import pytest

from resilience_tui.domain.models import Action, Feeling, Reason, Rejection
from resilience_tui.domain.patterns import bounce_back, patterns


def rejection(rid: str, logged: str, stage: str = "interview", tags: tuple[str, ...] = (),
              themes: tuple[str, ...] = ()) -> Rejection:
    r = Rejection(id=rid, company=f"Co {rid}", role="Analyst", stage=stage,
                  received_on=logged, logged_on=logged)
    r.cooldown.reasons = [Reason(tag=t) for t in tags]
    r.feedback.themes = list(themes)
    return r


def action(text: str, rid: str | None, status: str = "open", created: str = "2026-03-05",
           kind: str = "a skill to learn") -> Action:
    return Action(kind=kind, text=text, rejection_id=rid, status=status, created_on=created)


def finished(rid: str, logged: str, moved: str, feelings: list[Feeling]) -> Rejection:
    r = rejection(rid, logged)
    r.cooldown.acknowledged_on = r.cooldown.reflected_on = logged
    r.cooldown.moved_on_on = moved
    r.cooldown.feelings = feelings
    return r


def test_empty_history() -> None:
    p = patterns([], [])
    assert (p.total, p.by_stage, p.by_reason, p.by_theme, p.recurring, p.bounce_back) == (
        0, [], [], [], [], [])


def test_counts_by_stage_reason_and_theme_most_first_then_name() -> None:
    rs = [
        rejection("a", "2026-01-01", "screen", ("skill gap", "timing or budget"), ("sql",)),
        rejection("b", "2026-01-02", "interview", ("skill gap",), ("sql", "Presentation")),
        rejection("c", "2026-01-03", "applied", ("experience level",)),
        rejection("d", "2026-01-04", "interview", ()),
    ]
    p = patterns(rs, [])
    assert p.total == 4
    assert p.by_stage == [("interview", 2), ("applied", 1), ("screen", 1)]
    assert p.by_reason == [("skill gap", 2), ("experience level", 1), ("timing or budget", 1)]
    assert p.by_theme == [("sql", 2), ("Presentation", 1)]  # counted in any case, shown as typed


def test_a_tag_named_twice_in_one_rejection_counts_once() -> None:
    p = patterns([rejection("a", "2026-01-01", tags=("skill gap", "skill gap"))], [])
    assert p.by_reason == [("skill gap", 1)]
    assert p.recurring == []


def test_recurring_themes_come_with_what_was_planned() -> None:
    rs = [
        rejection("a", "2026-01-01", tags=("skill gap",)),
        rejection("b", "2026-02-01", tags=("skill gap",)),
        rejection("c", "2026-03-01", tags=("timing or budget",)),
    ]
    actions = [
        action("Take a SQL course", "b", created="2026-02-05"),
        action("Practise joins", "a", created="2026-01-05"),
        action("Dropped idea", "a", status="dropped"),
        action("Look for two more roles like this", "a", kind="similar roles"),
        action("Not about this", "c"),
        action("Unlinked", None),
    ]
    p = patterns(rs, actions)
    assert [t.name for t in p.recurring] == ["skill gap"]
    theme = p.recurring[0]
    assert (theme.count, theme.sources, theme.rejection_ids) == (2, ("reason",), ("a", "b"))
    # a skill to learn answers a skill gap; more roles like it, dropped or elsewhere don't
    assert theme.actions == ("Practise joins", "Take a SQL course")


def test_planned_lists_steps_that_name_the_theme_or_answer_its_reason() -> None:
    rs = [
        rejection("a", "2026-01-01", tags=("skill gap", "competition or internal candidate")),
        rejection("b", "2026-01-02"),
        rejection("c", "2026-01-03"),
    ]
    rs[0].cooldown.reasons[0].note = "They said SQL mattered most."
    rs[1].feedback.text = "More SQL practice would help."
    actions = [
        action("Spend 30 minutes on SQL", "c", created="2026-01-04"),  # names it
        action("Practise joins", "a", created="2026-01-02"),  # answers the skill gap it was in
        action("Ask Sam for a referral", "a", kind="reach out"),  # answers the other reason
        action("Learn Tableau", "b"),  # from b, where SQL was feedback, not a reason
    ]
    (sql,) = [t for t in patterns(rs, actions).recurring if t.key == "sql"]
    assert sql.actions == ("Practise joins", "Spend 30 minutes on SQL")


def test_a_theme_recurs_across_reasons_and_feedback() -> None:
    rs = [
        rejection("a", "2026-01-01", tags=("skill gap",)),
        rejection("b", "2026-01-02", themes=("skill gap",)),
        rejection("c", "2026-01-03", themes=("Presentation",)),
        rejection("d", "2026-01-04", themes=("presentation",)),
        rejection("e", "2026-01-05", themes=("presentation",)),
    ]
    p = patterns(rs, [])
    assert [(t.name, t.count, t.sources) for t in p.recurring] == [
        ("presentation", 3, ("feedback",)),  # counted in any case, shown as typed most
        ("skill gap", 2, ("reason", "feedback")),
    ]


def test_unknown_is_counted_but_not_a_recurring_theme() -> None:
    rs = [rejection("a", "2026-01-01", tags=("unknown",)),
          rejection("b", "2026-01-02", tags=("unknown",))]
    p = patterns(rs, [])
    assert p.by_reason == [("unknown", 2)]
    assert p.recurring == []


def test_bounce_back_orders_finished_cooldowns_by_logged_day() -> None:
    late = finished("late", "2026-02-10", "2026-02-12",
                    [Feeling(name="sad", before=80, after=20)])
    early = finished("early", "2026-01-01", "2026-01-05",
                     [Feeling(name="sad", before=70, after=40),
                      Feeling(name="angry", before=50, after=30)])
    running = rejection("open", "2026-01-03")
    points = bounce_back([late, running, early])
    assert [p.rejection_id for p in points] == ["early", "late"]
    first = points[0]
    assert (first.logged_on, first.days) == (date(2026, 1, 1), 4)
    assert (first.before, first.after, first.drop) == (60.0, 35.0, 25.0)
    assert (points[1].days, points[1].drop) == (2, 60.0)


def test_bounce_back_compares_only_rerated_feelings() -> None:
    r = finished("a", "2026-01-01", "2026-01-02",
                 [Feeling(name="sad", before=80, after=40), Feeling(name="numb", before=20)])
    (point,) = bounce_back([r])
    assert (point.before, point.after, point.drop) == (80.0, 40.0, 40.0)


def test_bounce_back_without_rerating_has_no_drop() -> None:
    r = finished("a", "2026-01-01", "2026-01-01", [Feeling(name="sad", before=60)])
    (point,) = bounce_back([r])
    assert (point.days, point.before, point.after, point.drop) == (0, 60.0, None, None)
    r.cooldown.feelings = []
    (point,) = bounce_back([r])
    assert point.before is None and point.drop is None


def test_patterns_include_bounce_back() -> None:
    r = finished("a", "2026-01-01", "2026-01-03", [Feeling(name="sad", before=60, after=30)])
    assert patterns([r], []).bounce_back[0].drop == pytest.approx(30.0)


def test_ten_years_of_history_is_handled_in_one_pass() -> None:
    tags = ("skill gap", "experience level", "timing or budget")
    rs = [rejection(str(i), f"20{16 + i // 400:02d}-01-01", tags=(tags[i % 3],))
          for i in range(4000)]
    actions = [action(f"Step {i}", str(i)) for i in range(4000)]  # skill steps
    p = patterns(rs, actions)
    assert p.total == 4000
    assert sum(t.count for t in p.recurring) == 4000
    assert len(p.recurring[0].actions) == 1334


def test_feedback_themes_keep_their_case_and_count_in_any_case() -> None:
    rs = [Rejection(company=c, id=c) for c in "abc"]
    for r, theme in zip(rs, ("SQL", "sql", "Sql"), strict=True):
        r.feedback.themes = [theme]
        r.feedback.validate()
    assert rs[0].feedback.themes == ["SQL"]
    p = patterns(rs, [])
    assert p.by_theme == [("SQL", 3)]
    assert [t.name for t in p.recurring] == ["SQL"]
