"""Snapshots of the self-care check-in and the support network at 80×24."""

from __future__ import annotations

import pytest

from resilience_tui.domain.models import Contact, SelfCare


@pytest.fixture
def network(store):
    """A small network: one overdue, one recent, one never contacted but new."""
    store.contacts.put(Contact(name="Ana Silva", kind="mentor", reach="ana@example.org",
                               created_on="2026-01-05", last_contacted="2026-02-10",
                               notes="Ex-manager. Happy to look over a CV."))
    store.contacts.put(Contact(name="Job club", kind="community", reach="Thursdays, library",
                               created_on="2026-01-05", last_contacted="2026-03-05"))
    store.contacts.put(Contact(name="Sam", kind="peer job seeker", reach="Discord",
                               created_on="2026-03-09"))
    return store


def test_selfcare_fast_path_80x24(snap_compare, make_app, network) -> None:
    network.selfcare.put(SelfCare(day="2026-03-11", activity="stretching", minutes=10,
                                  at="2026-03-11T07:30:00+00:00"))
    assert snap_compare(make_app(), press=["s", *"walk", "tab", *"30"], terminal_size=(80, 24))


def test_network_80x24(snap_compare, make_app, network) -> None:
    assert snap_compare(make_app(), press=["n"], terminal_size=(80, 24))
