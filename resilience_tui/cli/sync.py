"""``resilience sync [FOLDER]``: merge with this journal's copies on your other machines."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..clock import Clock
from ..journal.opening import open_journal
from ..journal.settings import save_settings
from ..journal.sync import sync

USAGE = 2


def sync_command(args: argparse.Namespace, path: Path, clock: Clock) -> int:
    store = open_journal(path, clock)
    try:
        folder_text = args.folder or store.settings.sync_folder
        if not folder_text:
            print("resilience: which folder? Give one (resilience sync ~/Sync/resilience), "
                  "and add --remember to use it from then on.", file=sys.stderr)
            return USAGE
        folder = Path(folder_text).expanduser()
        if folder.resolve() == path.parent.resolve():
            print("resilience: the sync folder must be a folder of its own, not the journal's.",
                  file=sys.stderr)
            return USAGE
        if args.remember and store.settings.sync_folder != str(folder):
            settings = store.settings
            settings.sync_folder = str(folder)
            save_settings(store, clock, settings)
        report = sync(store, clock, folder, args.name)
        for line in report.lines():
            print(line)
        if not report.saved:
            print(f"resilience: the merged entries could not be saved to {path}; "
                  "nothing was written to the sync folder.", file=sys.stderr)
            return 1
        return 0
    finally:
        store.close()
