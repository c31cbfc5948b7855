"""The words of ``resilience status``: one short line for a prompt, from the figures.

Kept apart from the figures (:mod:`momentum`) so that the summary beside the journal
can hold the very line ``status`` prints, and so that reading it back imports nothing
heavy: this module needs no domain rules at all.
"""

from __future__ import annotations

from typing import Any

from ..domain.plurals import plural

STATUS_SCHEMA = 1  # of ``status --json``: raised when a key changes meaning or goes


def status_line(data: dict[str, Any], rest_today: bool = False) -> str:
    """One short line for a shell prompt or a login message."""
    checkin = data["streaks"]["checkin"]
    cooldowns = data["cooldowns"]
    if not data["checked_in_today"] and not checkin["longest"]:
        if not cooldowns:
            return "resilience: no check-ins yet · run 'resilience' when you're ready for a first"
        parts = ["no check-ins yet"]
    elif data["checked_in_today"]:
        parts = ["checked in today"]
    else:
        parts = ["rest day today" if rest_today else "no check-in yet today"]
    current = checkin["current"]
    if current:
        waiting = not data["checked_in_today"] and not rest_today
        parts.append(f"{current}-day streak" + (", alive until tonight" if waiting else ""))
    if checkin["longest"]:
        parts.append(f"strength {round(data['strength'] * 100)}%")
    if cooldowns:
        ready = sum(1 for c in cooldowns if c["step_opens_on"] <= data["today"])
        text = plural(len(cooldowns), "cool-down")
        if ready:
            text += " ready" if ready == len(cooldowns) == 1 else f", {ready} ready"
        parts.append(text)
    return "resilience: " + " · ".join(parts)
