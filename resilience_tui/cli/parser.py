"""The command line's words: every subcommand, its options, its help and examples.

Kept free of the journal's own modules, so ``--help``, ``--version`` and shell
completion cost nothing at start-up.
"""

from __future__ import annotations

import argparse
import textwrap

from .. import __version__
from ..domain.choices import PLAN_KINDS, SELFCARE_ACTIVITIES, STAGES

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
  4 the journal file is unreadable or invalid ('resilience doctor' explains),
    or an entry's value was refused (the line says which, and nothing is saved)

examples:
  resilience                          open the app
  resilience status                   one line for a prompt or a login message
  resilience checkin --mood 3 --energy 4 --plan "apply: Acme, backend role"
  resilience selfcare walk 30 --after 4
  resilience export --format md -o journal.md
  resilience completions bash > ~/.local/share/bash-completion/completions/resilience
"""


COMPLETION_EXAMPLES = """\
examples (then open a new terminal):
  resilience completions bash > ~/.local/share/bash-completion/completions/resilience
  resilience completions zsh > ~/.zfunc/_resilience      (with fpath+=~/.zfunc)
  resilience completions fish > ~/.config/fish/completions/resilience.fish
"""


# Said under every command that writes an entry (see cli/entries.py).
ENTRY_NOTES = """
One line says what was saved. A value the journal can't take is refused with the reason,
and nothing is saved (exit 4). While the app has the journal open, the command waits a few
seconds for it, then stops without saving (exit 3): close the app first.
"""


class Offered(tuple[str, ...]):
    """Values offered in --help and by shell completion, not enforced by argparse: the
    journal's own rules check what was typed, so a wrong value is refused with its reason
    (exit 4), as in the app, rather than as a usage error."""

    def __contains__(self, value: object) -> bool:
        return True


class UsageError(Exception):
    """Wrong words on the command line."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


def _command(sub: argparse._SubParsersAction[Parser], common: Parser, name: str, summary: str,
             examples: str, notes: str = "") -> Parser:
    """A subcommand whose --help has a description (and ``notes``) and examples."""
    paragraphs = [summary[0].upper() + summary[1:] + ".", *notes.split("\n\n")]
    return sub.add_parser(
        name, parents=[common], help=summary,
        description="\n\n".join(textwrap.fill(" ".join(p.split()), 78)
                                for p in paragraphs if p.strip()),
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
    _entry_commands(sub, common)

    ex = _command(sub, common, "export", "copy the whole journal out, as JSON, CSV or Markdown",
                  """
        resilience export --output journal.json       everything, to import elsewhere
        resilience export --format md -o journal.md   a journal to read or share
        resilience export --format md --include-private   with the private pages too
        resilience export --format csv --table selfcare
        resilience export --format csv --output tables/   every table, one file each""")
    ex.add_argument("--format", choices=("json", "csv", "md"), default="json",
                    help="json (default), csv or md")
    ex.add_argument("--output", "-o", metavar="PATH",
                    help="a file (a folder for every CSV table); standard output by default")
    ex.add_argument("--table", default="checkins", choices=CSV_TABLE_NAMES, metavar="TABLE",
                    help="with --format csv to standard output: which table, one of "
                         f"{', '.join(CSV_TABLE_NAMES)} (default checkins)")
    ex.add_argument("--include-private", action="store_true",
                    help="with --format md: add the private writing the journal leaves out "
                         "(the 'let it out' pages, pasted rejection messages and other "
                         "people's details); json and csv always hold everything")

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


def _entry_commands(sub: argparse._SubParsersAction[Parser], common: Parser) -> None:
    """The entries a shell can write: the same rules as the app's forms."""
    ci = _command(sub, common, "checkin", "check in for today: mood, energy, feelings and a plan",
                  """
        resilience checkin --mood 3 --energy 4 --intention "one good application"
        resilience checkin --mood 2 --energy 2 --feeling tired --feeling hopeful
        resilience checkin --mood 4 --energy 3 --plan "apply: Acme, backend role" \\
            --plan "outreach: coffee with Priya" --plan "practice: two STAR stories"
        resilience checkin --plan "learn: SQL window functions"   add to today's plan""",
                  "A second check-in the same day updates the first: what you give "
                  "replaces, what you leave out stays, and plan items are added (the ticked "
                  "ones kept).\n\n" + ENTRY_NOTES)
    ci.add_argument("--mood", metavar="N", help="how you feel, 1 (low) to 5 (good); "
                                                "needed for the day's first check-in")
    ci.add_argument("--energy", metavar="N", help="your energy, 1 (low) to 5 (high); "
                                                  "needed for the day's first check-in")
    ci.add_argument("--feeling", metavar="WORD", action="append",
                    help="a feeling word, e.g. hopeful, calm, anxious, tired, or your own "
                         "(repeat for more)")
    ci.add_argument("--intention", metavar="TEXT", help="your intention for the day, one line")
    ci.add_argument("--plan", metavar="'KIND: TEXT'", action="append", default=[],
                    help=f"a plan item; KIND is one of {', '.join(PLAN_KINDS)} "
                         "(without one it is other; repeat for more)")

    sc = _command(sub, common, "selfcare", "log some self-care: what you did and for how long",
                  """
        resilience selfcare walk 30 --after 4
        resilience selfcare gym 1h --before 2 --after 4 --optimism 3
        resilience selfcare friends 45 --with Priya --note "lunch by the river"
        """,
                  ENTRY_NOTES)
    sc.add_argument("activity", metavar="ACTIVITY", choices=Offered(SELFCARE_ACTIVITIES),
                    help=f"what you did: {', '.join(SELFCARE_ACTIVITIES)}, or your own word")
    sc.add_argument("minutes", metavar="MINUTES", help="how long: 30, 1h, \"1h 15\"")
    sc.add_argument("--before", metavar="N", help="energy before, 1 to 5")
    sc.add_argument("--after", metavar="N", help="energy after, 1 to 5")
    sc.add_argument("--optimism", metavar="N", help="how hopeful you feel now, 1 to 5")
    sc.add_argument("--with", dest="with_name", metavar="NAME",
                    help="someone from your support network (it counts as a hello)")
    sc.add_argument("--note", metavar="TEXT", default="", help="a few words to remember it by")

    rj = _command(sub, common, "rejection", "log a rejection and start its cool-down", """
        resilience rejection Acme "Backend developer"
        resilience rejection Globex "QA lead" --stage interview --on yesterday""",
                  "The cool-down's steps (how it feels, looking back, moving on) stay in "
                  "the app.\n\n" + ENTRY_NOTES)
    rj.add_argument("company", metavar="COMPANY", help="who said no")
    rj.add_argument("role", metavar="ROLE", help="the role you applied for")
    rj.add_argument("--stage", metavar="STAGE", default="applied", choices=Offered(STAGES),
                    help=f"how far it got: {', '.join(STAGES)} (default applied)")
    rj.add_argument("--on", dest="received", metavar="DAY", default="",
                    help="when the no arrived: 2026-03-09, today (default), yesterday, "
                         "monday, \"3 days ago\"")

    rs = _command(sub, common, "rest", "mark a day as a rest day", """
        resilience rest              today
        resilience rest yesterday
        resilience rest 2026-03-09""",
                  "A rest day keeps your check-in streak going without adding to it; a "
                  "day already marked stays marked (unmark it in the app's Review).\n\n"
                  + ENTRY_NOTES)
    rs.add_argument("day", metavar="DAY", nargs="?", default="",
                    help="today (default), yesterday, monday, 2026-03-09…")

    dn = _command(sub, common, "done", "tick an item of today's plan", """
        resilience done                   list today's plan, numbered
        resilience done 2                 the second item
        resilience done acme              the item with "acme" in it""",
                  "Name the item by its number in the list, or by words from it (any "
                  "case; they must fit one item). Without either, the plan is listed.\n\n"
                  + ENTRY_NOTES)
    dn.add_argument("item", metavar="TEXT-OR-NUMBER", nargs="?",
                    help="the item's number, or words from it")
