"""The command line's words: every subcommand, its options, its help and examples.

Kept free of the journal's own modules, so ``--help``, ``--version`` and shell
completion cost nothing at start-up.
"""

from __future__ import annotations

import argparse
import textwrap

from .. import __version__

# The CSV tables `export --table` knows (storage.formats.CSV_TABLES; a test keeps them equal).
CSV_TABLE_NAMES = ("checkins", "plan_items", "rejections", "feelings", "reasons", "selfcare",
                   "contacts", "actions", "rest_days", "settings")

MAIN_EPILOG = """\
without a subcommand, the full-screen app opens (it needs a terminal).

environment:
  RESILIENCE_DB    the journal file (the same as --db)
  RESILIENCE_NOW   act as if it were this moment, e.g. 2026-03-11T09:00 (for testing)
  TZ               your time zone, e.g. Europe/Berlin (the system's by default)
  TEXTUAL_THEME    the app's colours, unless you picked a theme in the app's settings

exit codes:
  0 ok · 1 error · 2 usage · 3 the journal is open in another window
  4 the journal file is unreadable or invalid ('resilience doctor' explains)

examples:
  resilience                          open the app
  resilience status                   one line for a prompt or a login message
  resilience export --format md -o journal.md
  resilience completions bash > ~/.local/share/bash-completion/completions/resilience
"""


COMPLETION_EXAMPLES = """\
examples (then open a new terminal):
  resilience completions bash > ~/.local/share/bash-completion/completions/resilience
  resilience completions zsh > ~/.zfunc/_resilience      (with fpath+=~/.zfunc)
  resilience completions fish > ~/.config/fish/completions/resilience.fish
"""


class UsageError(Exception):
    """Wrong words on the command line."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


def _command(sub: argparse._SubParsersAction[Parser], common: Parser, name: str, summary: str,
             examples: str) -> Parser:
    """A subcommand whose --help has a description and examples."""
    return sub.add_parser(
        name, parents=[common], help=summary, description=summary[0].upper() + summary[1:] + ".",
        epilog="examples:\n" + textwrap.indent(textwrap.dedent(examples).strip("\n"), "  "),
        formatter_class=argparse.RawDescriptionHelpFormatter)


def build_parser() -> Parser:
    # ``--db`` is accepted before or after the subcommand. The subcommands' copy has no
    # default, so ``resilience --db FILE status`` keeps FILE instead of resetting it to None.
    common = Parser(add_help=False)
    common.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                        help="the journal file (or set RESILIENCE_DB)")
    parser = Parser(prog="resilience",
                    description="A calm daily resilience routine for job seekers.",
                    epilog=MAIN_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", metavar="PATH", help="the journal file (or set RESILIENCE_DB)")
    parser.add_argument("--version", action="version", version=f"resilience {__version__}")
    parser.add_argument("--theme", metavar="NAME",
                        help="the app's colours for this run (e.g. textual-light, nord)")
    sub = parser.add_subparsers(dest="command", parser_class=Parser, metavar="COMMAND")

    st = _command(sub, common, "status", "one line for a shell prompt or a login message", """
        resilience status
        resilience status --json | jq .streaks""")
    st.add_argument("--json", action="store_true", help="print the figures as one JSON object")

    ex = _command(sub, common, "export", "copy the whole journal out, as JSON, CSV or Markdown",
                  """
        resilience export --output journal.json       everything, to import elsewhere
        resilience export --format md -o journal.md   a journal to read or share
        resilience export --format csv --table selfcare
        resilience export --format csv --output tables/   every table, one file each""")
    ex.add_argument("--format", choices=("json", "csv", "md"), default="json",
                    help="json (default), csv or md")
    ex.add_argument("--output", "-o", metavar="PATH",
                    help="a file (a folder for every CSV table); standard output by default")
    ex.add_argument("--table", default="checkins", choices=CSV_TABLE_NAMES, metavar="TABLE",
                    help="with --format csv to standard output: which table, one of "
                         f"{', '.join(CSV_TABLE_NAMES)} (default checkins)")

    im = _command(sub, common, "import", "merge a JSON export into this journal (all or nothing)",
                  """
        resilience import journal.json --dry-run   see what would change
        resilience import journal.json             merge it (safe to repeat)""")
    im.add_argument("path", metavar="PATH", help="a JSON file made by 'resilience export'")
    im.add_argument("--dry-run", action="store_true", help="say what would change, change nothing")

    _command(sub, common, "doctor", "check the journal file and its backups", """
        resilience doctor     exit 0 when all is well, 1 when something needs a look""")

    rs = _command(sub, common, "restore",
                  "bring back the newest good backup, keeping the current file aside", """
        resilience restore
        resilience restore --from backups/resilience-2026-03-10.json""")
    rs.add_argument("--from", dest="source", metavar="BACKUP", help="a particular backup file")

    rm = _command(sub, common, "remind",
                  "print one kind line when a nudge is due, and nothing otherwise", """
        resilience remind              for a login message or a prompt
        resilience remind --notify     also as a desktop notification (cron, timers)""")
    rm.add_argument("--notify", action="store_true",
                    help="also show it as a desktop notification (notify-send, osascript)")

    sy = _command(sub, common, "sync",
                  "merge with this journal's copies on your other machines, via a shared folder",
                  """
        resilience sync ~/Sync/resilience --remember   first time: remember the folder
        resilience sync                                 later: the remembered folder
        resilience sync ~/Dropbox/resilience --as laptop""")
    sy.add_argument("folder", metavar="FOLDER", nargs="?",
                    help="a folder kept in step across machines (Syncthing, Dropbox, git…)")
    sy.add_argument("--as", dest="name", metavar="NAME",
                    help="this machine's file name there (its host name by default)")
    sy.add_argument("--remember", action="store_true",
                    help="use this folder from now on, also each time the app starts")

    co = sub.add_parser("completions", help="print shell completion for bash, zsh or fish",
                        description="Print a completion script for your shell.",
                        epilog=COMPLETION_EXAMPLES,
                        formatter_class=argparse.RawDescriptionHelpFormatter)
    co.add_argument("shell", choices=("bash", "zsh", "fish"), help="bash, zsh or fish")
    return parser
