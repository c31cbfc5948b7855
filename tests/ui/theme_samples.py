"""Four rejections from another machine whose notes and feedback keep saying SQL.

A schema-1 export written out as the JSON a file would hold (not built from the
model classes), brought in through the real import: storage's plan, the journal's
write. Used by the Patterns themes tests and their snapshot.
"""

from __future__ import annotations

from typing import Any

from fixed_time import ago

from resilience_tui.clock import Clock
from resilience_tui.journal.transfer import apply_import
from resilience_tui.storage.store import Store
from resilience_tui.storage.transfer import plan_import


def _rejection(rid: str, company: str, logged: int, reasons: list[dict[str, str]],
               feedback: str = "", themes: tuple[str, ...] = ()) -> dict[str, Any]:
    day = ago(logged)
    return {
        "id": rid, "company": company, "role": "Data Analyst", "stage": "interview",
        "received_on": day, "logged_on": day, "at": f"{day}T18:00:00+00:00",
        "updated_at": f"{day}T18:00:00+00:00",
        "cooldown": {"acknowledged_on": day, "reflected_on": ago(logged - 2),
                     "moved_on_on": ago(logged - 2), "reasons": reasons,
                     "feelings": [{"name": "disappointed", "before": 70, "after": 40}]},
        "feedback": {"status": "received" if feedback or themes else "not_requested",
                     "text": feedback, "themes": list(themes)},
    }


def sql_export() -> dict[str, Any]:
    """SQL in four rejections, typed four ways; "take-home" and "dashboards" in one each."""
    return {
        "app": "resilience-tui", "schema": 1, "exported_at": f"{ago(1)}T20:00:00+00:00",
        "rejections": [
            _rejection("imp-acme", "Acme", 40,
                       [{"tag": "skill gap", "note": "They wanted deeper SQL than I showed."}]),
            _rejection("imp-globex", "Globex", 30,
                       [{"tag": "interview performance",
                         "note": "Froze on the take-home. My sql joins were slow."}]),
            _rejection("imp-initech", "Initech", 20, [{"tag": "skill gap", "note": ""}],
                       feedback="Lovely portfolio of dashboards. We need someone stronger "
                                "in Sql and stakeholder management.",
                       themes=("stakeholder management",)),
            _rejection("imp-hooli", "Hooli", 10,
                       [{"tag": "competition or internal candidate", "note": ""}],
                       feedback="An internal candidate had more SQL depth.",
                       themes=("SQL",)),
        ],
        "actions": [
            {"id": "imp-a1", "kind": "a skill to learn", "text": "Finish the joins chapter",
             "rejection_id": "imp-acme", "status": "done", "created_on": ago(38),
             "done_on": ago(30), "updated_at": f"{ago(30)}T18:00:00+00:00"},
            {"id": "imp-a2", "kind": "broaden the search", "text": "Try remote roles too",
             "rejection_id": "imp-hooli", "status": "open", "created_on": ago(8),
             "updated_at": f"{ago(8)}T18:00:00+00:00"},
        ],
    }


def import_sql_history(store: Store, clock: Clock) -> None:
    """Bring :func:`sql_export` in the way the import dialog and ``resilience import`` do."""
    assert apply_import(store, clock, plan_import(store, sql_export()))
