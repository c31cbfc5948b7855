"""The command line: the app, status, export, import, doctor and restore.

Exit codes: 0 ok, 1 error, 2 usage, 3 database in use, 4 database unreadable
or invalid. Errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .clock import Clock, clock_from_env
from .paths import resolve_db_path
from .storage.errors import DatabaseInvalid, DatabaseLocked, StorageError

OK, ERROR, USAGE, LOCKED, INVALID = 0, 1, 2, 3, 4


class UsageError(Exception):
    """Wrong words on the command line."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


def build_parser() -> Parser:
    # ``--db`` is accepted before or after the subcommand. The subcommands' copy has no
    # default, so ``resilience --db FILE status`` keeps FILE instead of resetting it to None.
    common = Parser(add_help=False)
    common.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                        help="database file (or set RESILIENCE_DB)")
    parser = Parser(prog="resilience",
                    description="A calm daily resilience routine for job seekers.")
    parser.add_argument("--db", metavar="PATH", help="database file (or set RESILIENCE_DB)")
    parser.add_argument("--version", action="version", version=f"resilience {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=Parser)
    st = sub.add_parser("status", parents=[common], help="one line for a prompt or login")
    st.add_argument("--json", action="store_true", help="print the figures as JSON")
    ex = sub.add_parser("export", parents=[common], help="export everything")
    ex.add_argument("--format", choices=("json", "csv", "md"), default="json")
    ex.add_argument("--output", metavar="PATH", help="file (or folder for csv); default stdout")
    ex.add_argument("--table", default="checkins", help="csv to stdout: which table")
    im = sub.add_parser("import", parents=[common], help="merge a JSON export")
    im.add_argument("path", metavar="PATH")
    im.add_argument("--dry-run", action="store_true", help="say what would change, change nothing")
    sub.add_parser("doctor", parents=[common], help="check the database and its backups")
    rs = sub.add_parser("restore", parents=[common], help="bring back the newest good backup")
    rs.add_argument("--from", dest="source", metavar="BACKUP", help="a particular backup file")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        if getattr(args, "db", None) == "":
            raise UsageError("--db needs a file path")
        clock = clock_from_env()
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


def run(args: argparse.Namespace, path: Path, clock: Clock) -> int:
    from . import commands

    handlers = {
        None: commands.run_app,
        "status": commands.status,
        "export": commands.export,
        "import": commands.import_,
        "doctor": commands.doctor,
        "restore": commands.restore,
    }
    return handlers[args.command](args, path, clock)


if __name__ == "__main__":
    sys.exit(main())
