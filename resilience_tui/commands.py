"""What each subcommand does; ``cli.py`` only parses and maps errors to exit codes."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .clock import Clock
from .storage.errors import DatabaseWriteError, StorageError
from .storage.store import Store

MAX_IMPORT_BYTES = 256 * 1024 * 1024


def run_app(args: argparse.Namespace, path: Path, clock: Clock) -> int:
    """Open the database (lock, check) before the screen takes over, then run the app."""
    store = Store(path, clock)
    try:
        from .app import ResilienceApp

        ResilienceApp(store, clock).run()
    finally:
        store.close()
    if store.unsaved:
        print(f"resilience: some entries could not be saved to {path}.", file=sys.stderr)
        return 1
    return 0


def status(args: argparse.Namespace, path: Path, clock: Clock) -> int:
    from .status import status_data, status_line

    data = status_data(Store(path, clock, writer=False))
    print(json.dumps(data, ensure_ascii=False) if args.json else status_line(data))
    return 0


def export(args: argparse.Namespace, path: Path, clock: Clock) -> int:
    from .storage.transfer import export_data

    store = Store(path, clock, writer=False)
    if args.format != "json":
        from .storage import formats

        return formats.export_other(store, args)
    payload = json.dumps(export_data(store), ensure_ascii=False, indent=2) + "\n"
    if args.output:
        from .storage.files import write_private

        write_private(Path(args.output), payload.encode())
    else:
        sys.stdout.write(payload)
    return 0


def import_(args: argparse.Namespace, path: Path, clock: Clock) -> int:
    from .storage.transfer import ImportProblem, apply_import, plan_import

    source = Path(args.path)
    try:
        size = source.stat().st_size
        if size > MAX_IMPORT_BYTES:
            print(f"resilience: {source} is {size:,} bytes, too large to be an export "
                  f"(limit {MAX_IMPORT_BYTES:,}). Nothing was imported.", file=sys.stderr)
            return 1
        data = json.loads(source.read_bytes())
    except OSError as exc:
        print(f"resilience: can't read {source} ({exc.strerror or exc}).", file=sys.stderr)
        return 1
    except (ValueError, UnicodeDecodeError):
        print(f"resilience: {source} is not valid JSON. Nothing was imported.", file=sys.stderr)
        return 1
    store = Store(path, clock, writer=not args.dry_run)
    try:
        try:
            plan = plan_import(store, data)
        except ImportProblem as exc:
            print(f"resilience: {source}: {exc}. Nothing was imported.", file=sys.stderr)
            return 1
        if args.dry_run:
            print(f"Would import: {plan.summary()}.")
            return 0
        if plan.changes and not apply_import(store, plan):
            raise DatabaseWriteError(path, store.problems[-1] if store.problems else
                                     f"Couldn't write {path}; it was left as it was.")
        print(f"Imported: {plan.summary()}.")
        return 0
    finally:
        store.close()


def doctor(args: argparse.Namespace, path: Path, clock: Clock) -> int:
    from .doctor import diagnose

    findings, problems = diagnose(path, clock)
    for line in findings:
        print(f"  ok  {line}")
    for line in problems:
        print(f"  !!  {line}")
    if problems:
        print("Some things need a look. 'resilience restore' brings back the newest good "
              "backup and keeps the current file aside.")
        return 1
    print("All good.")
    return 0


def restore(args: argparse.Namespace, path: Path, clock: Clock) -> int:
    from .storage.backup import restore as restore_backup
    from .storage.lock import WriterLock

    lock = WriterLock(path)
    if path.parent.exists():
        lock.acquire()
    try:
        used, kept = restore_backup(path, Path(args.source) if args.source else None)
    except StorageError:
        raise
    finally:
        lock.release()
    print(f"Restored {path} from {used}." + (f" The previous file is kept as {kept}."
                                             if kept else ""))
    return 0
