"""The command line: the app, status, the entries from the shell, export, import, doctor…

Exit codes: 0 ok, 1 error, 2 usage, 3 database in use, 4 database unreadable
or invalid. Errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib import import_module
from pathlib import Path
from typing import cast

from ..clock import Clock, ZoneProblem, clock_from_env
from ..paths import resolve_db_path
from ..storage.errors import DatabaseInvalid, DatabaseLocked, StorageError
from .parser import UsageError, build_parser

OK, ERROR, USAGE, LOCKED, INVALID = 0, 1, 2, 3, 4


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        if getattr(args, "db", None) == "":
            raise UsageError("--db needs a file path")
        clock = clock_from_env()
    except ZoneProblem as exc:
        print(f"resilience: {exc}.", file=sys.stderr)
        return USAGE
    except (UsageError, ValueError) as exc:
        print(f"resilience: {exc} (see 'resilience --help')", file=sys.stderr)
        return USAGE
    try:
        path = resolve_db_path(args.db)
        return run(args, path, clock)
    except DatabaseLocked as exc:
        print(f"resilience: {exc.message}", file=sys.stderr)
        return LOCKED
    except DatabaseInvalid as exc:
        print(f"resilience: {exc.message}", file=sys.stderr)
        return INVALID
    except StorageError as exc:
        print(f"resilience: {exc.message}", file=sys.stderr)
        return ERROR
    except KeyboardInterrupt:
        return ERROR
    except OSError as exc:  # e.g. a folder we may not create or a lock file we may not open
        where = exc.filename or "the database folder"
        print(f"resilience: can't use {where} ({exc.strerror or exc}).", file=sys.stderr)
        return ERROR
    except Exception as exc:  # noqa: BLE001 - the promise is: never a traceback
        print(f"resilience: something went wrong ({type(exc).__name__}: {exc}). "
              f"Your file was not changed by this error.", file=sys.stderr)
        return ERROR


def has_terminal() -> bool:
    """The full-screen app needs a terminal on both ends (a pipe or /dev/null won't do)."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def run(args: argparse.Namespace, path: Path, clock: Clock) -> int:
    if args.command == "completions":  # needs no journal
        from .completions import SCRIPTS

        print(SCRIPTS[args.shell](), end="")
        return OK
    if args.command is None and args.theme:
        from textual.theme import BUILTIN_THEMES

        if args.theme not in BUILTIN_THEMES:
            print(f"resilience: there is no theme called {args.theme!r}; try one of "
                  f"{', '.join(sorted(BUILTIN_THEMES))}.", file=sys.stderr)
            return USAGE
    if args.command is None and not has_terminal():
        print("resilience: the app needs a terminal; try 'resilience status' "
              "(or 'resilience --help').", file=sys.stderr)
        return USAGE
    module, name = HANDLERS[args.command]
    # Only the one command's module: ``status`` and ``remind`` run many times a day and
    # must not pay for importing every other command (and TinyDB) to print one line.
    handler = getattr(import_module(f".{module}", __package__), name)
    return cast(int, handler(args, path, clock))


HANDLERS: dict[str | None, tuple[str, str]] = {
    None: ("handlers", "run_app"),
    "status": ("status", "status"),
    "checkin": ("entries", "checkin"),
    "selfcare": ("entries", "selfcare"),
    "rejection": ("entries", "rejection"),
    "rest": ("entries", "rest"),
    "done": ("entries", "done"),
    "export": ("handlers", "export"),
    "import": ("handlers", "import_"),
    "doctor": ("handlers", "doctor"),
    "restore": ("handlers", "restore"),
    "remind": ("remind", "remind"),
    "sync": ("sync", "sync_command"),
}

