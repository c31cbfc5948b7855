"""Shell completion for bash, zsh and fish, generated from the parser itself.

``resilience completions SHELL`` prints the script once; the shell then completes
without running Python, so completion costs nothing at start-up and can't drift
from the real options.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass

from .parser import build_parser

FILE_METAVARS = {"PATH", "BACKUP"}


@dataclass(frozen=True)
class Option:
    flags: tuple[str, ...]
    help: str
    takes_value: bool
    choices: tuple[str, ...]
    is_file: bool


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    options: tuple[Option, ...]
    positional_choices: tuple[str, ...]
    positional_file: bool


def _quotable(text: str | None) -> str:
    """Help text safe inside the scripts' single quotes (a typographic apostrophe instead)."""
    return (text or "").replace("'", "\u2019")


def _options(parser: argparse.ArgumentParser) -> tuple[tuple[Option, ...], tuple[str, ...], bool]:
    options: list[Option] = []
    choices: tuple[str, ...] = ()
    is_file = False
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            continue
        found = tuple(str(c) for c in action.choices or ())
        if not action.option_strings:  # the first positional offering choices is completed
            choices = choices or found
            is_file = is_file or action.metavar in FILE_METAVARS
            continue
        options.append(Option(tuple(action.option_strings), _quotable(action.help),
                              action.nargs != 0, found, action.metavar in FILE_METAVARS))
    return tuple(options), choices, is_file


def commands() -> tuple[tuple[Option, ...], list[Command]]:
    """The top-level options, and each subcommand with its own."""
    parser = build_parser()
    top, _, _ = _options(parser)
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    helps = {a.dest: _quotable(a.help) for a in sub._choices_actions}
    found = []
    for name, child in sub.choices.items():
        opts, choices, is_file = _options(child)
        found.append(Command(name, helps.get(name, ""), opts, choices, is_file))
    return top, found


def bash() -> str:
    top, cmds = commands()
    names = " ".join(c.name for c in cmds)
    value_cases = []
    for o in {o for c in cmds for o in c.options if o.takes_value} | set(top):
        if not o.takes_value:
            continue
        reply = (f'compgen -W "{" ".join(o.choices)}" -- "$cur"' if o.choices
                 else 'compgen -f -- "$cur"')
        value_cases.append(f'        {"|".join(o.flags)}) COMPREPLY=($({reply})); return;;')
    cmd_cases = []
    for c in cmds:
        words = " ".join(f for o in c.options for f in o.flags)
        extra = (f' $(compgen -W "{" ".join(c.positional_choices)}" -- "$cur")'
                 if c.positional_choices else "")
        files = ' $(compgen -f -- "$cur")' if c.positional_file else ""
        cmd_cases.append(f'        {c.name}) COMPREPLY=($(compgen -W "{words}" -- "$cur")'
                         f'{extra}{files});;')
    top_words = " ".join(f for o in top for f in o.flags)
    return "\n".join([
        "# bash completion for resilience (made by 'resilience completions bash')",
        "_resilience() {",
        '    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}" cmd="" w',
        '    for w in "${COMP_WORDS[@]:1:COMP_CWORD-1}"; do',
        f'        case "$w" in {"|".join(c.name for c in cmds)}) cmd="$w";; esac',
        "    done",
        '    case "$prev" in',
        *sorted(set(value_cases)),
        "    esac",
        '    case "$cmd" in',
        f'        "") COMPREPLY=($(compgen -W "{names} {top_words}" -- "$cur"));;',
        *cmd_cases,
        "    esac",
        "}",
        "complete -o default -F _resilience resilience",
        "",
    ])


def _zsh_spec(o: Option) -> str:
    helptext = o.help.replace("[", "(").replace("]", ")").replace(":", " -")
    names = "{" + ",".join(o.flags) + "}" if len(o.flags) > 1 else o.flags[0]
    exclusive = f"({' '.join(o.flags)})" if len(o.flags) > 1 else ""
    if not o.takes_value:
        return f"'{exclusive}{names}[{helptext}]'"
    action = f"({' '.join(o.choices)})" if o.choices else ("_files" if o.is_file else " ")
    return f"'{exclusive}{names}[{helptext}]:value:{action}'"


def zsh() -> str:
    top, cmds = commands()
    described = "\n".join(f"        '{c.name}:{c.help.replace(':', ' -')}'" for c in cmds)
    cases = []
    for c in cmds:
        specs = [_zsh_spec(o) for o in c.options]
        if c.positional_choices:
            specs.append(f"'1:value:({' '.join(c.positional_choices)})'")
        elif c.positional_file:
            specs.append("'1:file:_files'")
        cases.append(f"            {c.name}) _arguments {' '.join(specs)} ;;")
    top_specs = " ".join(_zsh_spec(o) for o in top)
    return "\n".join([
        "#compdef resilience",
        "# zsh completion for resilience (made by 'resilience completions zsh')",
        "_resilience() {",
        "    local state",
        "    local -a subcommands",
        "    subcommands=(",
        described,
        "    )",
        f"    _arguments -C {top_specs} '1:command:->command' '*::argument:->argument'",
        "    case $state in",
        "        command) _describe 'command' subcommands ;;",
        "        argument) case $words[1] in",
        *cases,
        "        esac ;;",
        "    esac",
        "}",
        'if [ "$funcstack[1]" = "_resilience" ]; then _resilience "$@"; '
        "else compdef _resilience resilience; fi",
        "",
    ])


def fish() -> str:
    top, cmds = commands()
    lines = ["# fish completion for resilience (made by 'resilience completions fish')",
             "complete -c resilience -f"]
    for c in cmds:
        lines.append(f"complete -c resilience -n __fish_use_subcommand -a {c.name} "
                     f"-d '{c.help}'")
    for o in top:
        lines.append(_fish_option("__fish_use_subcommand", o))
    for c in cmds:
        cond = f"'__fish_seen_subcommand_from {c.name}'"
        for o in c.options:
            lines.append(_fish_option(cond, o))
        if c.positional_choices:
            lines.append(f"complete -c resilience -n {cond} -xa '{' '.join(c.positional_choices)}'")
        elif c.positional_file:
            lines.append(f"complete -c resilience -n {cond} -F")
    return "\n".join(lines) + "\n"


def _fish_option(condition: str, o: Option) -> str:
    parts = [f"complete -c resilience -n {condition}"]
    for flag in o.flags:
        parts.append(f"-l {flag[2:]}" if flag.startswith("--") else f"-s {flag[1:]}")
    if o.takes_value:
        file_or_text = "-rF" if o.is_file else "-r"
        parts.append(f"-xa '{' '.join(o.choices)}'" if o.choices else file_or_text)
    parts.append(f"-d '{o.help}'")
    return " ".join(parts)


SCRIPTS = {"bash": bash, "zsh": zsh, "fish": fish}
