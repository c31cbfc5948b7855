"""Sync through a shared folder: each machine keeps its own export there and merges the rest.

The folder is one that Syncthing, Dropbox, Nextcloud or a git checkout keeps in step
between machines. ``sync`` first merges every other machine's file (the import rules:
records by id, the later ``updated_at`` wins, settings only where none are saved
here), then writes this journal there as ``NAME.json`` (an export, atomic, 0600).
Run on each machine in turn, two journals that gained entries offline end up the
same, and running it again changes nothing. A file that isn't a good export is left
alone and named in the report; it never stops the rest.
"""

from __future__ import annotations

import re
import socket
from dataclasses import dataclass, field
from pathlib import Path

from ..clock import Clock
from ..storage.files import private_folder, write_private
from ..storage.formats import json_bytes
from ..storage.store import Store
from ..storage.transfer import ImportProblem, parse_export, plan_import
from .transfer import apply_import


@dataclass
class SyncReport:
    """What one sync did: the file written, what came in from whom, what was skipped."""

    written: Path
    merged: dict[str, str] = field(default_factory=dict)  # file name -> what it brought
    skipped: dict[str, str] = field(default_factory=dict)  # file name -> why
    saved: bool = True

    def lines(self) -> list[str]:
        out = [f"From {name}: {what}." for name, what in self.merged.items()]
        out += [f"Left {name} alone: {why}." for name, why in self.skipped.items()]
        out.append(f"This journal is in {self.written}.")
        return out


def machine_name(raw: str | None = None) -> str:
    """A file-safe name for this machine (its host name unless given)."""
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", raw or socket.gethostname()).strip(".-")
    return name[:64] or "this-machine"


def sync(store: Store, clock: Clock, folder: Path, name: str | None = None) -> SyncReport:
    """Merge the other machines' files from ``folder`` into ``store``, then write ours."""
    private_folder(folder)
    ours = folder / f"{machine_name(name)}.json"
    report = SyncReport(written=ours)
    for other in sorted(folder.glob("*.json")):
        if other.name == ours.name:
            continue
        try:
            plan = plan_import(store, parse_export(other))
        except ImportProblem as exc:
            report.skipped[other.name] = str(exc)
            continue
        if plan.changes:
            report.merged[other.name] = plan.summary()
            report.saved = apply_import(store, clock, plan) and report.saved
    if report.saved:
        write_private(ours, json_bytes(store))
    return report
