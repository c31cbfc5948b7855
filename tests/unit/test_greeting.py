"""Today's hello follows the day as the app counts it, not the wall clock's midnight.

At 03:59 with the day starting at 04:00 it is still yesterday (Today shows
yesterday's date), so the hello speaks to the late hour; at 04:00 the new day
is morning.
"""

from __future__ import annotations

import pytest

from resilience_tui.domain.prompts import greeting


@pytest.mark.parametrize(("hour", "start", "said"), [
    (3, 4, "Still up? Go gently."),       # 03:59, day starts 04:00: yesterday's night
    (4, 4, "Good morning."),              # 04:00: the new day
    (0, 4, "Still up? Go gently."),
    (5, 6, "Still up? Go gently."),       # a later start keeps the night longer
    (6, 6, "Good morning."),
    (1, 0, "Good morning."),              # a day starting at midnight: 01:00 is morning
    (11, 4, "Good morning."),
    (12, 4, "Good afternoon."),
    (17, 4, "Good afternoon."),
    (18, 4, "Good evening."),
    (23, 4, "Good evening."),
])
def test_the_hello_follows_the_day_start(hour: int, start: int, said: str) -> None:
    assert greeting(hour, start) == said


def test_the_hello_names_the_user() -> None:
    assert greeting(3, 4, "Sam") == "Still up, Sam? Go gently."
    assert greeting(9, 4, "Sam") == "Good morning, Sam."


@pytest.mark.parametrize(("name", "said"), [
    ("Alex Rivera", "Good morning, Alex."),   # the full name is for email drafts
    ("  Alex   Rivera ", "Good morning, Alex."),
    ("Alex", "Good morning, Alex."),
    ("   ", "Good morning."),
])
def test_the_hello_uses_the_first_name(name: str, said: str) -> None:
    assert greeting(9, 4, name) == said
