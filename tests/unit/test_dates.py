"""Reading the day a rejection arrived, as a person would type it."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from resilience_tui.domain.dates import describe_day, parse_day
from resilience_tui.domain.validate import ValidationError

WED = date(2026, 3, 11)  # the conftest clock's day


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", WED),
        ("   ", WED),
        ("today", WED),
        ("Today", WED),
        ("yesterday", date(2026, 3, 10)),
        ("the day before yesterday", date(2026, 3, 9)),
        ("3 days ago", date(2026, 3, 8)),
        ("three days ago", date(2026, 3, 8)),
        ("a week ago", date(2026, 3, 4)),
        ("2 weeks ago", date(2026, 2, 25)),
        ("2026-03-09", date(2026, 3, 9)),
        ("9 March", date(2026, 3, 9)),
        ("March 9, 2026", date(2026, 3, 9)),
        ("9 march 2025", date(2025, 3, 9)),
        ("20 December", date(2025, 12, 20)),  # said in March: last December
        ("3/3/2026", date(2026, 3, 3)),
        ("13/2", date(2026, 2, 13)),
        ("monday", date(2026, 3, 9)),
        ("Mon", date(2026, 3, 9)),
        ("wednesday", WED),  # the weekday named is today
        ("on tuesday", date(2026, 3, 10)),
    ],
)
def test_reads_common_ways_of_saying_a_day(text: str, expected: date) -> None:
    assert parse_day(text, WED) == expected


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 3, 9), date(2026, 3, 6)),    # Monday → the Friday just gone
        (date(2026, 3, 11), date(2026, 3, 6)),   # Wednesday
        (date(2026, 3, 13), date(2026, 3, 6)),   # on a Friday it means a week ago
        (date(2026, 3, 14), date(2026, 3, 13)),  # Saturday → yesterday
        (date(2026, 3, 15), date(2026, 3, 13)),  # Sunday
    ],
)
def test_last_friday_on_each_kind_of_day(today: date, expected: date) -> None:
    assert parse_day("last friday", today) == expected
    assert parse_day("last fri", today) == expected


def test_plain_weekday_means_the_latest_one_including_today() -> None:
    friday = date(2026, 3, 13)
    assert parse_day("friday", friday) == friday
    assert parse_day("thursday", friday) == friday - timedelta(days=1)


@pytest.mark.parametrize("text", ["tomorrow", "2026-03-12", "12 March", "2027-01-01"])
def test_future_days_are_refused_with_a_reason(text: str) -> None:
    with pytest.raises(ValidationError) as err:
        parse_day(text, WED)
    assert err.value.field == "date received"
    assert "still to come" in err.value.message
    assert not err.value.sentence.endswith("?.")


@pytest.mark.parametrize("text", ["soon", "10", "March", "the other day", "99 days hence"])
def test_unreadable_text_is_refused_with_examples(text: str) -> None:
    with pytest.raises(ValidationError) as err:
        parse_day(text, WED)
    assert "yesterday" in err.value.message and "2026-03-09" in err.value.message


def test_impossible_iso_date_says_so() -> None:
    with pytest.raises(ValidationError) as err:
        parse_day("2026-02-30", WED)
    assert "not a real date" in err.value.message


def test_ambiguous_numeric_day_asks_for_a_clear_one() -> None:
    with pytest.raises(ValidationError) as err:
        parse_day("3/4", WED)
    assert "two ways" in err.value.message


def test_field_name_can_be_chosen() -> None:
    with pytest.raises(ValidationError) as err:
        parse_day("tomorrow", WED, field="answered on")
    assert err.value.field == "answered on"


def test_describe_day_uses_words_near_today() -> None:
    assert describe_day(WED, WED) == "today"
    assert describe_day(date(2026, 3, 10), WED) == "yesterday"
    assert describe_day(date(2026, 3, 12), WED) == "tomorrow"
    assert describe_day(date(2026, 3, 6), WED) == "Friday 6 March"
    assert describe_day(date(2025, 12, 20), WED) == "Saturday 20 December 2025"


def test_the_example_day_in_messages_is_never_still_to_come() -> None:
    early = date(2026, 1, 2)  # before any fixed example date
    with pytest.raises(ValidationError) as err:
        parse_day("next week", early, field="last contacted")
    shown = re.findall(r"\d{4}-\d{2}-\d{2}", err.value.message)
    assert shown and all(date.fromisoformat(d) <= early for d in shown)
