"""The command line's words: every subcommand, its options and its help."""

from __future__ import annotations

import argparse

from .. import __version__


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
