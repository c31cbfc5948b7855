"""Themes read from what the user wrote: notes, feedback text and feedback themes together."""

from __future__ import annotations

from resilience_tui.domain.models import Feedback, Reason, Rejection
from resilience_tui.domain.themes import Quote, phrases, themes


def rejection(rid: str, *, notes: dict[str, str] | None = None, feedback: str = "",
              tags: tuple[str, ...] = (), company: str = "", role: str = "Analyst"
              ) -> Rejection:
    r = Rejection(id=rid, company=company or f"Co{rid}", role=role,
                  received_on="2026-01-01", logged_on="2026-01-01")
    r.cooldown.reasons = [Reason(tag=t, note=n) for t, n in (notes or {}).items()]
    r.cooldown.reasons += [Reason(tag=t) for t in tags]
    r.feedback = Feedback(status="received" if feedback else "not_requested", text=feedback)
    return r


def keys(rs: list[Rejection]) -> list[str]:
    return [t.key for t in themes(rs)]


def test_a_word_in_notes_and_feedback_of_several_rejections_is_one_theme_in_any_case() -> None:
    rs = [
        rejection("a", notes={"skill gap": "They wanted deeper SQL."}),
        rejection("b", feedback="Your sql answers were thin."),
        rejection("c", notes={"interview performance": "Froze on the Sql question."}),
        rejection("d", feedback="Strong on dashboards; brush up SQL."),
    ]
    rs[3].feedback.themes = ["SQL"]
    (sql,) = [t for t in themes(rs) if t.key == "sql"]
    assert sql.rejection_ids == ("a", "b", "c", "d")
    assert sql.label == "SQL"  # as typed most often
    assert sql.sources == ("note", "feedback")


def test_a_word_in_only_one_rejection_is_not_a_theme_however_often_it_is_written() -> None:
    rs = [
        rejection("a", notes={"skill gap": "Tableau, Tableau and more Tableau."},
                  feedback="Tableau again."),
        rejection("b", feedback="Nothing in common here."),
    ]
    assert keys(rs) == []


def test_stop_words_and_the_users_companies_and_roles_are_never_themes() -> None:
    rs = [
        rejection("a", company="Acme Analytics", role="Data Analyst",
                  feedback="The team at Acme wanted a data analyst with more experience."),
        rejection("b", company="Globex", role="Data Analyst",
                  feedback="We went with a candidate who had more experience, sorry."),
    ]
    assert keys(rs) == ["experience"]


def test_two_words_side_by_side_are_a_theme_and_hide_the_word_that_adds_nothing() -> None:
    rs = [
        rejection("a", feedback="Window functions were shaky."),
        rejection("b", notes={"skill gap": "Need window functions, and Python."}),
        rejection("c", feedback="Practise Python."),
    ]
    found = {t.key: t.rejection_ids for t in themes(rs)}
    assert found == {"window functions": ("a", "b"), "python": ("b", "c")}
    # "window" and "functions" came from exactly the same rejections: the pair says it all


def test_a_pair_does_not_reach_across_a_stop_word_or_a_comma() -> None:
    assert [k for k, _ in phrases("Need SQL and Python, data modelling. Tableau")] == [
        "sql", "python", "data", "modelling", "data modelling", "tableau"]
    # words every rejection says about skills are glue too
    assert [k for k, _ in phrases("a lack of deeper SQL skills")] == ["sql"]


def test_reason_tags_count_whole_and_unknown_is_no_theme() -> None:
    rs = [rejection("a", tags=("skill gap", "unknown")),
          rejection("b", tags=("skill gap", "unknown"))]
    (gap,) = themes(rs)
    assert (gap.key, gap.is_tag, gap.sources, gap.rejection_ids) == (
        "skill gap", True, ("reason",), ("a", "b"))
    assert gap.reason_tags == (("a", "skill gap"), ("b", "skill gap"))


def test_a_theme_knows_the_reasons_whose_notes_held_it() -> None:
    rs = [rejection("a", notes={"skill gap": "SQL", "experience level": "SQL for years"}),
          rejection("b", feedback="SQL")]
    (sql,) = themes(rs)
    assert sql.reason_tags == (("a", "skill gap"), ("a", "experience level"))


def test_quotes_are_the_sentences_a_theme_came_from_latest_first() -> None:
    rs = [
        rejection("a", notes={"skill gap": "Good chat overall. They wanted deeper SQL."}),
        rejection("b", feedback="Thanks for your time.\nYour SQL test ran out of time."),
    ]
    (sql,) = themes(rs)
    assert sql.quotes == (
        Quote("b", "feedback", "Your SQL test ran out of time."),
        Quote("a", "note", "They wanted deeper SQL.", tag="skill gap"),
    )


def test_a_long_quote_is_cut_around_the_theme_at_whole_words() -> None:
    q = Quote("a", "feedback", "We enjoyed meeting you and the portfolio was lovely, "
                               "but the SQL exercise showed gaps in joins and grouping.")
    cut = q.excerpt("sql", 40)
    assert len(cut) <= 40
    assert cut.startswith("…") and cut.endswith("…") and "SQL exercise" in cut
    assert q.excerpt("sql", 200) == q.text


def test_possessives_and_bare_numbers_are_read_sensibly() -> None:
    rs = [rejection("a", feedback="The panel's view: 3 rounds of Python."),
          rejection("b", feedback="Python's fine but the panel wanted 3 examples.")]
    assert keys(rs) == ["panel", "python"]


def test_most_rejections_first_then_by_name_and_the_same_every_time() -> None:
    rs = [rejection("a", feedback="storytelling, sql"),
          rejection("b", feedback="sql, stakeholders"),
          rejection("c", feedback="stakeholders, sql, storytelling")]
    assert keys(rs) == ["sql", "stakeholders", "storytelling"]
    assert keys(list(reversed(rs))) == keys(rs)


def test_a_theme_is_shown_in_capitals_if_ever_typed_so_else_as_typed_most() -> None:
    rs = [rejection("a", feedback="Storytelling: sql"),
          rejection("b", feedback="more storytelling and sql"),
          rejection("c", feedback="storytelling; SQL")]
    assert [t.label for t in themes(rs)] == ["SQL", "storytelling"]
