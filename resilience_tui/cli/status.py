"""What ``resilience status`` prints: one short line for a prompt, or the JSON figures.

The figures themselves come from :mod:`resilience_tui.journal.momentum`, which
the screens share, so the command line and the app always agree.
"""

from __future__ import annotations

import json
from typing import Any

from ..domain.plurals import plural
from ..journal.momentum import momentum, status_data
from ..storage.store import Store


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


def status_output(store: Store, as_json: bool = False) -> str:
    """What ``resilience status`` prints: the line, or the JSON object."""
    m = momentum(store)
    data = status_data(store, m)
    return json.dumps(data, ensure_ascii=False) if as_json else status_line(data, m.rest_today)
