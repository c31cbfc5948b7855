"""The journal core's rejection log, without any app."""

from __future__ import annotations

import pytest
from journal_helpers import nothing_saved

from resilience_tui.clock import FixedClock
from resilience_tui.domain import cooldown
from resilience_tui.domain.validate import ValidationError
from resilience_tui.journal.rejections import log_rejection
from resilience_tui.storage.store import Store


def test_a_rejection_from_yesterday_starts_its_cool_down(store: Store, clock: FixedClock) -> None:
    r = log_rejection(store, clock, company="Acme", role="QA Lead", received="yesterday",
                      stage="interview")
    saved = store.rejections.get(r.id)
    assert saved is not None
    assert (saved.received_on, saved.logged_on) == ("2026-03-10", "2026-03-11")
    assert cooldown.next_step(saved) == "acknowledge"


def test_a_day_in_the_future_is_refused(store: Store, clock: FixedClock) -> None:
    with nothing_saved(store), pytest.raises(ValidationError):
        log_rejection(store, clock, company="Acme", role="QA", received="2026-04-01")
