"""The command line behaves as a good terminal citizen: help that teaches, no app without a
terminal, ``python -m``, and completion scripts for three shells that really complete."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from resilience_tui import cli
from resilience_tui.cli.completions import SCRIPTS
from resilience_tui.cli.parser import CSV_TABLE_NAMES, build_parser
from resilience_tui.domain.choices import PLAN_KINDS, SELFCARE_ACTIVITIES, STAGES
from resilience_tui.storage.formats import CSV_TABLES

SUBCOMMANDS = ("status", "checkin", "selfcare", "rejection", "rest", "done", "export", "import",
               "doctor", "restore", "remind", "sync")


def run(*args: str, db: Path, stdin: int | None = subprocess.DEVNULL,
        timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "RESILIENCE_DB": str(db), "RESILIENCE_NOW": "2026-03-11T09:00"}
    return subprocess.run([sys.executable, "-m", "resilience_tui", *args], env=env,
                          stdin=stdin, capture_output=True, text=True, timeout=timeout)


def help_of(*words: str, capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit):
        build_parser().parse_args([*words, "--help"])
    return capsys.readouterr().out


def test_main_help_names_exit_codes_and_environment(capsys: pytest.CaptureFixture[str]) -> None:
    text = help_of(capsys=capsys)
    for word in ("RESILIENCE_DB", "RESILIENCE_NOW", "TZ", "TEXTUAL_THEME", "exit codes",
                 "4 the journal file is unreadable", *SUBCOMMANDS):
        assert word in text


@pytest.mark.parametrize("name", SUBCOMMANDS)
def test_every_subcommand_help_has_a_description_and_examples(
        name: str, capsys: pytest.CaptureFixture[str]) -> None:
    text = help_of(name, capsys=capsys)
    description = text.split("\n\n")[1]
    assert description.strip().endswith(".") and len(description.split()) >= 4
    assert "examples:" in text and f"resilience {name}" in text.split("examples:")[1]


def test_export_help_lists_every_csv_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert set(CSV_TABLE_NAMES) == set(CSV_TABLES)
    text = " ".join(help_of("export", capsys=capsys).split())
    for name in CSV_TABLE_NAMES:
        assert name in text


@pytest.mark.parametrize(("name", "choices"), [
    ("checkin", PLAN_KINDS), ("selfcare", SELFCARE_ACTIVITIES), ("rejection", STAGES)])
def test_entry_help_lists_the_choices_and_says_what_happens_while_the_app_is_open(
        name: str, choices: tuple[str, ...], capsys: pytest.CaptureFixture[str]) -> None:
    text = " ".join(help_of(name, capsys=capsys).split())
    for choice in choices:
        assert choice in text
    assert "exit 4" in text and "close the app first" in text and "(exit 3)" in text


def test_entry_choices_complete_in_bash(tmp_path: Path) -> None:
    script = tmp_path / "resilience.bash"
    script.write_text(SCRIPTS["bash"]())
    probe = (f"source {script}\n"
             "COMP_WORDS=(resilience rejection Acme QA --stage ''); COMP_CWORD=5; _resilience; "
             "echo \"${COMPREPLY[*]}\"\n"
             "COMP_WORDS=(resilience selfcare w); COMP_CWORD=2; _resilience; "
             "echo \"${COMPREPLY[*]}\"\n")
    done = subprocess.run(["bash", "-c", probe], capture_output=True, text=True, timeout=30,
                          check=True)
    assert done.stdout.splitlines() == [" ".join(STAGES), "walk"]


def test_an_unknown_csv_table_is_a_usage_error(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    code = cli.main(["--db", str(tmp_path / "j.json"), "export", "--format", "csv",
                     "--table", "moods"])
    assert code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_without_a_terminal_the_app_refuses_at_once_and_creates_nothing(tmp_path: Path) -> None:
    db = tmp_path / "data" / "journal.json"
    started = time.monotonic()
    done = run(db=db, timeout=20)
    assert time.monotonic() - started < 5  # well within a second of work; Python start aside
    assert done.returncode == 2
    assert done.stderr.strip() == ("resilience: the app needs a terminal; try 'resilience "
                                   "status' (or 'resilience --help').")
    assert done.stdout == ""
    assert not db.exists() and not db.parent.exists()


def test_python_dash_m_works(tmp_path: Path) -> None:
    done = run("--version", db=tmp_path / "j.json")
    assert done.returncode == 0
    assert done.stdout.startswith("resilience ")


def test_bash_completion_completes_subcommands_and_choices(tmp_path: Path) -> None:
    script = tmp_path / "resilience.bash"
    script.write_text(SCRIPTS["bash"]())
    probe = (f"source {script}\n"
             "COMP_WORDS=(resilience ex); COMP_CWORD=1; _resilience; echo \"${COMPREPLY[*]}\"\n"
             "COMP_WORDS=(resilience export --format ''); COMP_CWORD=3; _resilience; "
             "echo \"${COMPREPLY[*]}\"\n"
             "COMP_WORDS=(resilience completions ''); COMP_CWORD=2; _resilience; "
             "echo \"${COMPREPLY[*]}\"\n")
    done = subprocess.run(["bash", "-c", probe], capture_output=True, text=True, timeout=30,
                          check=True)
    assert done.stdout.splitlines() == ["export", "json csv md", "-h --help bash zsh fish"]


def test_zsh_completion_loads_and_registers(tmp_path: Path) -> None:
    zsh = shutil.which("zsh")
    assert zsh, "zsh is needed for this test (.ci/run installs it)"
    script = tmp_path / "_resilience"
    script.write_text(SCRIPTS["zsh"]())
    done = subprocess.run([zsh, "-f", "-c", f"autoload -U compinit; compinit -u -D; "
                           f"source {script}; print ${{_comps[resilience]}}"],
                          capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "_resilience"


def test_fish_completion_completes_subcommands_and_choices(tmp_path: Path) -> None:
    fish = shutil.which("fish")
    assert fish, "fish is needed for this test (.ci/run installs it)"
    script = tmp_path / "resilience.fish"
    script.write_text(SCRIPTS["fish"]())
    done = subprocess.run([fish, "--no-config", "-c",
                           f"source {script}; complete -C 'resilience exp'; "
                           "complete -C 'resilience export --format '"],
                          capture_output=True, text=True, timeout=30,
                          env={**os.environ, "HOME": str(tmp_path)})
    assert done.returncode == 0, done.stderr
    found = [line.split("\t")[0] for line in done.stdout.splitlines()]
    assert found == ["export", "csv", "json", "md"]


def test_completions_print_without_touching_a_journal(tmp_path: Path) -> None:
    db = tmp_path / "none" / "j.json"
    for shell in ("bash", "zsh", "fish"):
        done = run("completions", shell, db=db)
        assert done.returncode == 0 and "resilience" in done.stdout
    assert not db.parent.exists()
