"""What each subcommand does; ``cli.py`` only parses and maps errors to exit codes."""

from __future__ import annotations

import argparse
import gc
import re
import sys
import traceback
from pathlib import Path

from ..clock import Clock
from ..journal.opening import open_journal, open_later
from ..journal.summary import first_frame, keep_summary
from ..storage.errors import DatabaseWriteError
from ..storage.store import Store

ERROR = 1


def run_app(args: argparse.Namespace, path: Path, clock: Clock) -> int:
    """Open the database (lock, check) before the screen takes over, then run the app.

    With a trustworthy summary beside the journal, Today's first frame is painted from
    it and the history is read in the background (``Store(later=...)``); otherwise the
    whole journal is read first, as it always was.

    On the way to that first frame the garbage collector is paused. Starting Textual and
    laying out Today make a great many objects that all live on (modules, classes,
    widgets, styles); the collector's passes over them, one of them over everything,
    took about 30 ms of the first frame (10 ms for a bare Textual app) and freed next to
    nothing. It runs again once the frame is out, before the history is read; at once
    when there is no summary and the journal is read first (the store pauses it where
    that helps)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _run_app(args, path, clock, collecting)
    finally:
        if collecting:
            gc.enable()


def _run_app(args: argparse.Namespace, path: Path, clock: Clock, collecting: bool) -> int:
    first = first_frame(path, clock)
    if first is None and collecting:
        gc.enable()
    store = (open_journal(path, clock, preload=True) if first is None  # built as read
             else open_later(path, clock, first[1]))
    crash: str | None = None
    try:
        if first is None:
            store.preload()  # any table not built as the file was read
            gc.freeze()  # the history lives as long as the app: later collections can skip it
        from ..app import ResilienceApp
        from ..journal.settings import welcome_due

        notice = sync_at_start(store) if first is None else None
        app = ResilienceApp(store, clock, theme=getattr(args, "theme", None), notice=notice,
                            welcome=first is None and welcome_due(store),
                            first=first[0] if first else None,
                            after_first_frame=gc.enable if collecting and first else None)
        try:
            app.run()
        except Exception:  # noqa: BLE001 - reported like any crash of the app
            crash = traceback.format_exc()
        if store.load_error is not None:  # the file changed since its summary was made
            raise store.load_error
        crash = crash or app.crash
        if crash is None and app.return_code:
            crash = f"The app stopped with code {app.return_code} and no error to show.\n"
        if crash is None:
            keep_summary(store, ahead=True)  # for a quit soon after a change, and tomorrow
    finally:
        store.close()
    if crash is not None:
        return _report_crash(path, clock, crash, store)
    if store.unsaved:
        aside = store.rescue()
        kept = f"; a copy with them is in {aside}" if aside else ""
        print(f"resilience: some entries could not be saved to {path}{kept}.", file=sys.stderr)
        return 1
    return 0


def _report_crash(path: Path, clock: Clock, details: str, store: Store) -> int:
    """One line on stderr; the traceback in a private file beside the journal."""
    from .crash import crash_line, write_crash_log

    log: Path | None = None
    log_error: str | None = None
    try:
        log = write_crash_log(path, clock.now(), details)
    except OSError as exc:
        log_error = exc.strerror or str(exc)
    saved = not store.unsaved
    aside = None if saved else store.rescue()
    print(crash_line(path, log, log_error, saved, aside), file=sys.stderr)
    return ERROR


def sync_at_start(store: Store) -> str | None:
    """With a remembered sync folder, merge the other machines' entries before Today opens;
    what came in (or what went wrong) is one notice in the app, never a stop."""
    folder = store.settings.sync_folder
    if not folder:
        return None
    from ..journal.sync import sync

    try:
        report = sync(store, store.clock, Path(folder).expanduser())
    except OSError as exc:
        return f"Couldn't sync with {folder} ({exc.strerror or exc}); your journal is as it was."
    if report.merged:
        return "Synced: " + "; ".join(f"{n} brought {w}" for n, w in report.merged.items()) + "."
    return None


def export(args: argparse.Namespace, path: Path, clock: Clock) -> int:
    from ..storage import formats

    store = open_journal(path, clock, writer=False)
    if store.created:
        print(f"resilience: there is no journal at {path} yet, so the export is empty.",
              file=sys.stderr)
    refused = args.output and formats.refuse_protected(path, [Path(args.output).expanduser()])
    if refused:  # e.g. --output onto the journal itself: it would be replaced by the export
        print(f"resilience: {refused}", file=sys.stderr)
        return ERROR
    if args.output and args.format != "csv" and Path(args.output).expanduser().is_dir():
        print(f"resilience: {args.output} is a folder; give a file name to write to.",
              file=sys.stderr)
        return ERROR
    if args.format != "json":
        return formats.export_other(store, args)
    formats.write_out(formats.json_bytes(store), args.output)
    return 0


def import_(args: argparse.Namespace, path: Path, clock: Clock) -> int:
    from ..journal.transfer import apply_import
    from ..storage.transfer import ImportProblem, parse_export, plan_import

    source = Path(args.path).expanduser()
    try:
        # Everything in the file is checked before the database is even opened.
        parsed = parse_export(source, clock.today())
    except ImportProblem as exc:
        print(f"resilience: {source}: {exc}. Nothing was imported.", file=sys.stderr)
        return ERROR
    store = open_journal(path, clock, writer=not args.dry_run)
    try:
        plan = plan_import(store, parsed)
        report = "".join(f"  {line}\n" for line in plan.report())
        if args.dry_run:
            print(f"Importing {source} would change this journal like so:\n{report}"
                  f"Nothing was changed: this was a dry run.")
            return 0
        if store.read_only and plan.changes:
            print(f"resilience: {path} is read-only, so nothing was imported and it was left "
                  f"as it was. To import, first run: chmod 600 {path}", file=sys.stderr)
            return ERROR
        if not plan.changes:
            print(f"Nothing to import: everything in {source} is already here.")
            return 0
        if not apply_import(store, clock, plan):
            reason = re.search(r"\(([^()]*)\)", store.problems[-1] if store.problems else "")
            raise DatabaseWriteError(path, f"Couldn't save the import to {path}"
                                     f"{f' ({reason.group(1)})' if reason else ''}; the file "
                                     f"was left exactly as it was, and nothing was imported.")
        print(f"Imported from {source}:\n{report}".rstrip("\n"))
        return 0
    finally:
        store.close()


def doctor(args: argparse.Namespace, path: Path, clock: Clock) -> int:
    from ..storage.doctor import examine

    found = examine(path, clock)
    for line in found.findings:
        print(f"      {line}" if line.startswith("  ") else f"  ok  {line}")
    for line in found.problems:
        print(f"  !!  {line}")
    print(found.advice(path))
    return ERROR if found.problems else 0


def restore(args: argparse.Namespace, path: Path, clock: Clock) -> int:
    from ..storage.backup import find_backup
    from ..storage.backup import restore as restore_backup
    from ..storage.lock import WriterLock

    source = find_backup(path, args.source) if args.source else None
    lock = WriterLock(path)
    if path.parent.exists():
        lock.acquire()  # raises DatabaseLocked (exit 3) while the app has the file open
    try:
        used, kept = restore_backup(path, source, now=clock.now)
    finally:
        lock.release()
    print(f"Restored {path} from {used}.")
    if kept:
        print(f"The file it replaced is kept as {kept}.")
    return 0
