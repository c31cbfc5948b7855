"""The figures behind ``resilience status``: one line, or the JSON object of PRODUCT.md §5."""

from __future__ import annotations

from datetime import date
from typing import Any

from .domain import cooldown, streaks
from .storage.store import Store


def _days(values: list[str]) -> list[date]:
    return [date.fromisoformat(v) for v in values]


def status_data(store: Store) -> dict[str, Any]:
    """Everything ``status --json`` prints, computed from stored days."""
    today = store.clock.today()
    settings = store.settings
    checkins = store.checkins.all()
    checkin_days = _days([c.day for c in checkins])
    rest_days = _days([r.day for r in store.rest_days.all()])
    selfcare = store.selfcare.all()
    rejections = store.rejections.all()
    rest = settings.rest_weekdays
    ci = streaks.checkin_streak(checkin_days, today, rest, rest_days)
    sc = streaks.selfcare_streak(_days([s.day for s in selfcare]), today)
    week = streaks.week_figures(checkins, selfcare, rejections, streaks.week_start(today))
    open_cooldowns = []
    for r in rejections:
        if cooldown.is_done(r):
            continue
        st = cooldown.status(r, today, settings.cooldown_days)
        open_cooldowns.append({
            "company": st.company, "role": st.role, "step": st.step, "day": st.day,
            "days": st.days, "step_opens_on": st.step_opens_on.isoformat(),
        })
    return {
        "today": today.isoformat(),
        "checked_in_today": today in set(checkin_days),
        "streaks": {
            "checkin": {"current": ci.current, "longest": ci.longest},
            "selfcare": {"current": sc.current, "longest": sc.longest},
        },
        "strength": round(streaks.routine_strength(checkin_days, today, rest, rest_days), 6),
        "cooldowns": open_cooldowns,
        "week": {
            "applications": week.applications,
            "outreach": week.outreach,
            "practice": week.practice,
            "selfcare_days": week.selfcare_days,
            "rejections_logged": week.rejections_logged,
            "cooldowns_completed": week.cooldowns_completed,
        },
    }


def status_line(data: dict[str, Any]) -> str:
    """One short line for a shell prompt or a login message."""
    streak = data["streaks"]["checkin"]["current"]
    parts = ["checked in" if data["checked_in_today"] else "not checked in yet"]
    parts.append(f"streak {streak} day{'s' if streak != 1 else ''}")
    parts.append(f"strength {round(data['strength'] * 100)}%")
    open_now = [c for c in data["cooldowns"] if c["step_opens_on"] <= data["today"]]
    count = len(data["cooldowns"])
    if count:
        parts.append(f"{count} cool-down{'s' if count != 1 else ''}"
                     + (f" ({len(open_now)} ready)" if open_now else ""))
    return "resilience: " + " · ".join(parts)
