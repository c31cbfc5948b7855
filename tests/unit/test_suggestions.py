"""Plan suggestions for the morning check-in."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from resilience_tui.domain import suggestions as sg
from resilience_tui.domain.models import (
    Action,
    CheckIn,
    Contact,
    PlanItem,
    Reason,
    Rejection,
    Settings,
)
from resilience_tui.domain.suggestions import Suggestion, SuggestionContext, suggest

TODAY = date(2026, 3, 10)


def ctx(checkins: Sequence[CheckIn] = (), rejections: Sequence[Rejection] = (),
        actions: Sequence[Action] = (), contacts: Sequence[Contact] = (),
        nudge_days: int = 14) -> SuggestionContext:
    return SuggestionContext(today=TODAY, checkins=checkins, rejections=rejections,
                             actions=actions, contacts=contacts,
                             settings=Settings(nudge_days=nudge_days))


def checkin(day: str, *items: PlanItem) -> CheckIn:
    return CheckIn(day=day, mood=3, energy=3, plan=list(items))


def requested(company: str, on: str) -> Rejection:
    r = Rejection(company=company, role="Analyst", received_on=on, logged_on=on)
    r.feedback.status, r.feedback.requested_on = "requested", on
    return r


def test_providers_are_registered() -> None:
    assert sg.PROVIDERS == [sg.from_yesterday, sg.from_redirects, sg.from_feedback,
                            sg.from_themes, sg.from_contacts]


def test_suggestion_becomes_a_plan_item() -> None:
    item = Suggestion("outreach", "Say hello to Ana", "contact", None, "c1").to_plan_item()
    assert isinstance(item, PlanItem)
    assert (item.kind, item.text, item.done, item.source, item.source_id, item.contact_id) == (
        "outreach", "Say hello to Ana", False, "contact", None, "c1")


# --- themes -----------------------------------------------------------------------


def noted(company: str, on: str, tag: str = "skill gap", note: str = "", feedback: str = ""
          ) -> Rejection:
    r = Rejection(company=company, role="Analyst", received_on=on, logged_on=on)
    r.cooldown.reasons = [Reason(tag=tag, note=note)] if note else [Reason(tag=tag)]
    r.feedback.text = feedback
    return r


def test_a_skill_that_keeps_coming_up_is_suggested_by_name() -> None:
    rs = [noted("Acme", "2026-02-01", note="Needed deeper SQL."),
          noted("Beta", "2026-02-10", feedback="Brush up your sql, and stakeholder stories."),
          noted("Cobalt", "2026-03-01", note="sql again; stakeholder stories were fine")]
    (s,) = suggest(ctx(rejections=rs))
    assert (s.kind, s.text, s.source) == ("learn", "Spend 30 minutes on SQL", "theme")


def test_no_theme_suggestion_from_a_tag_or_a_word_that_is_not_a_skill() -> None:
    rs = [noted("Acme", "2026-02-01", tag="timing or budget", note="Hiring freeze."),
          noted("Beta", "2026-02-10", tag="timing or budget", note="A freeze again.")]
    assert suggest(ctx(rejections=rs)) == []  # "freeze" is nothing to practise


def test_a_theme_an_open_step_already_names_is_left_to_that_step() -> None:
    rs = [noted("Acme", "2026-02-01", note="SQL"), noted("Beta", "2026-02-10", note="SQL")]
    step = Action(kind="a skill to learn", text="Finish the SQL course", created_on="2026-02-11")
    assert [s.text for s in suggest(ctx(rejections=rs, actions=[step]))] == [
        "Finish the SQL course"]


def test_only_the_latest_rejections_decide_the_theme() -> None:
    old = [noted(f"Old{i}", f"2020-01-{i + 1:02d}", note="Excel") for i in range(30)]
    new = [noted(f"New{i}", f"2026-02-{i + 1:02d}", note="Python" if i < 2 else "")
           for i in range(sg.THEME_WINDOW)]
    assert [s.text for s in suggest(ctx(rejections=new + old))] == [
        "Spend 30 minutes on Python"]


# --- yesterday ------------------------------------------------------------------


def test_unfinished_items_of_the_latest_earlier_checkin_carry_over() -> None:
    older = checkin("2026-03-08", PlanItem(kind="apply", text="Old"))
    latest = checkin("2026-03-09",
                     PlanItem(kind="apply", text="Apply to Beta", done=True),
                     PlanItem(kind="outreach", text="Call Ana", source="contact",
                              source_id="x1", contact_id="c1"))
    out = sg.from_yesterday(ctx([latest, older]))
    assert list(out) == [Suggestion("outreach", "Call Ana", "yesterday", "x1", "c1")]


def test_yesterday_looks_back_three_days_at_most() -> None:
    item = PlanItem(kind="learn", text="Read a chapter")
    assert list(sg.from_yesterday(ctx([checkin("2026-03-07", item)])))
    assert not list(sg.from_yesterday(ctx([checkin("2026-03-06", item)])))


def test_todays_own_checkin_is_not_yesterday() -> None:
    today = checkin("2026-03-10", PlanItem(kind="apply", text="Today's"))
    assert not list(sg.from_yesterday(ctx([today])))


# --- redirects ------------------------------------------------------------------


def test_open_redirect_actions_become_suggestions_by_kind() -> None:
    actions = [
        Action(kind="reach out", text="Ask Sam about teams", created_on="2026-03-02", id="a1"),
        Action(kind="a skill to learn", text="Learn SQL", created_on="2026-03-01", id="a2"),
        Action(kind="broaden the search", text="Try remote roles", created_on="2026-03-03",
               id="a3"),
        Action(kind="similar roles", text="Done already", status="done", created_on="2026-03-01"),
        Action(kind="similar roles", text="Planned", status="planned", created_on="2026-03-01"),
    ]
    out = list(sg.from_redirects(ctx(actions=actions)))
    assert out == [
        Suggestion("learn", "Learn SQL", "redirect", "a2"),
        Suggestion("outreach", "Ask Sam about teams", "redirect", "a1"),
        Suggestion("apply", "Try remote roles", "redirect", "a3"),
    ]


# --- feedback follow-ups --------------------------------------------------------


def test_due_feedback_follow_ups_are_suggested() -> None:
    due = requested("Acme", "2026-03-03")
    not_yet = requested("Beta", "2026-03-04")
    out = list(sg.from_feedback(ctx(rejections=[due, not_yet])))
    assert out == [Suggestion("follow-up", "Follow up with Acme about feedback", "feedback",
                              due.id)]


# --- contacts -------------------------------------------------------------------


def test_overdue_contacts_oldest_first() -> None:
    contacts = [
        Contact(name="Recent", last_contacted="2026-03-01", created_on="2025-01-01"),
        Contact(name="Boundary", last_contacted="2026-02-24"),  # exactly 14 days
        Contact(name="Long ago", last_contacted="2025-12-01"),
        Contact(name="New, never", created_on="2026-03-05"),
        Contact(name="Old, never", created_on="2026-01-01"),
        Contact(name="No dates"),
    ]
    out = sg.overdue_contacts(contacts, TODAY, 14)
    assert [c.name for c in out] == ["No dates", "Long ago", "Old, never", "Boundary"]


def test_last_contacted_wins_over_created_on() -> None:
    c = Contact(name="Ana", last_contacted="2026-03-09", created_on="2020-01-01")
    assert not sg.is_overdue(c, TODAY, 14)
    assert sg.is_overdue(Contact(name="Ana", last_contacted="2026-03-09"), TODAY, 1)


def test_overdue_contacts_become_hellos_with_their_id() -> None:
    ana = Contact(name="Ana", last_contacted="2026-01-01", id="c1")
    out = list(sg.from_contacts(ctx(contacts=[ana], nudge_days=30)))
    assert out == [Suggestion("outreach", "Say hello to Ana", "contact", None, "c1")]


# --- all together ---------------------------------------------------------------


def test_suggest_runs_every_provider_in_order() -> None:
    c = ctx(
        checkins=[checkin("2026-03-09", PlanItem(kind="practice", text="Mock interview"))],
        actions=[Action(kind="similar roles", text="Apply to Gamma", created_on="2026-03-01")],
        rejections=[requested("Acme", "2026-03-01")],
        contacts=[Contact(name="Ana", id="c1")],
    )
    assert [s.source for s in suggest(c)] == ["yesterday", "redirect", "feedback", "contact"]


def test_suggest_drops_duplicates_by_kind_and_text() -> None:
    action = Action(kind="similar roles", text="Apply to Gamma", created_on="2026-03-01",
                    id="a1")
    c = ctx(checkins=[checkin("2026-03-09", PlanItem(kind="apply", text="apply to  gamma"))],
            actions=[action])
    out = suggest(c)
    assert [(s.text, s.source) for s in out] == [("apply to  gamma", "yesterday")]


def test_suggest_leaves_out_what_is_already_in_todays_plan() -> None:
    action = Action(kind="a skill to learn", text="Learn SQL", created_on="2026-03-01", id="a1")
    ana = Contact(name="Ana", id="c1")
    bo = Contact(name="Bo", id="c2")
    today = checkin("2026-03-10",
                    PlanItem(kind="learn", text="Learn SQL basics", source="redirect",
                             source_id="a1"),
                    PlanItem(kind="outreach", text="Coffee with Ana", contact_id="c1"),
                    PlanItem(kind="outreach", text="Say hello to Bo"))
    carried = checkin("2026-03-09", PlanItem(kind="outreach", text="Say hello to Bo"))
    out = suggest(ctx(checkins=[today, carried], actions=[action], contacts=[ana, bo]))
    assert out == []


def test_suggest_leaves_out_what_was_dropped_this_morning_only() -> None:
    ana = Contact(name="Ana", kind="mentor", last_contacted="2026-01-01", id="ana")
    hello = Suggestion("outreach", "Say  hello to ANA", "contact")
    today = CheckIn(day="2026-03-10", mood=3, energy=3, dropped=[hello.dropped_key])
    assert hello.dropped_key == "outreach: say hello to ana"
    assert suggest(ctx(checkins=[today], contacts=[ana])) == []
    earlier = CheckIn(day="2026-03-09", mood=3, energy=3, dropped=[hello.dropped_key])
    [again] = suggest(ctx(checkins=[earlier], contacts=[ana]))
    assert again.text == "Say hello to Ana"


def test_dropped_keys_are_tidied_when_saved() -> None:
    c = CheckIn(day="2026-03-10", mood=3, energy=3,
                dropped=["apply: x", " ", "apply: x", "learn: sql"]).validate()
    assert c.dropped == ["apply: x", "learn: sql"]
    assert CheckIn.from_dict({"day": "2026-03-10", "mood": 3, "energy": 3}).dropped == []


def test_suggest_with_nothing_to_offer() -> None:
    assert suggest(ctx()) == []


def test_a_new_provider_plugs_in() -> None:
    def practice(_: SuggestionContext) -> list[Suggestion]:
        return [Suggestion("practice", "Answer one STAR question", "practice")]

    out = suggest(ctx(), providers=[*sg.PROVIDERS, practice])
    assert [s.text for s in out] == ["Answer one STAR question"]


def test_suggest_scales_linearly_over_years_of_history() -> None:
    checkins = [checkin(f"{2016 + i // 365}-01-01") for i in range(3650)]
    contacts = [Contact(name=f"P{i}", last_contacted="2026-03-09", id=f"c{i}")
                for i in range(2000)]
    rejections = [requested(f"Co{i}", "2026-03-09") for i in range(2000)]
    assert suggest(ctx(checkins=checkins, contacts=contacts, rejections=rejections)) == []
