"""Long writing in your own editor: alt+e in the cool-down's journal, in a real terminal.

The editor is a small script (``EDITOR``) that appends a line to the file it is given;
with a flag file present it appends and then fails, and the field must stay as it was.
"""

from __future__ import annotations

import stat
from pathlib import Path

from journal import past_the_welcome
from test_journey_rejection import log_rejection
from tmux import Terminal, run_cli

TYPED = "Typed here first."
ADDED = "Written in my editor."
REFUSED = "This must not come back."


def fake_editor(folder: Path) -> tuple[Path, Path]:
    flag = folder / "fail-next"
    script = folder / "editor.sh"
    script.write_text(
        "#!/bin/sh\n"
        f'if [ -e "{flag}" ]; then echo "{REFUSED}" >> "$1"; exit 1; fi\n'
        f'ls -l "$1" > "{folder}/seen-mode"\n'
        f'echo "{ADDED}" >> "$1"\n')
    script.chmod(0o700)
    return script, flag


def test_alt_e_hands_the_journal_to_the_editor_and_takes_it_back(
        tmp_path: Path, env: dict[str, str], db_path: Path) -> None:
    script, flag = fake_editor(tmp_path)
    terminal = Terminal(tmp_path, {**env, "EDITOR": str(script), "VISUAL": ""})
    try:
        terminal.run_app()
        past_the_welcome(terminal)
        terminal.wait_for("No cool-down running")
        log_rejection(terminal)
        terminal.send_keys("c")
        terminal.wait_for("How it feels")
        terminal.send_keys("Space")  # the first word, "hurt"
        terminal.wait_for("✓hurt")
        terminal.send_keys("Tab", "Tab", "Tab")  # own words, hurt's intensity, the journal
        terminal.type(TYPED)
        terminal.wait_for(TYPED)
        terminal.send_keys("M-e")
        terminal.wait_for(ADDED)
        screen = terminal.capture()
        assert TYPED in screen
        assert (tmp_path / "seen-mode").read_text().startswith("-rw-------")
        flag.touch()
        terminal.send_keys("M-e")
        terminal.wait_for("ended with an error")
        screen = terminal.capture()
        assert REFUSED not in screen and TYPED in screen
        terminal.send_keys("Escape")  # back to Today; the step keeps what was typed as a draft
        terminal.wait_for("press c to continue")
        export = run_cli(["export"], env).stdout
        assert f"{TYPED}{ADDED}" in export.replace("\\n", "")
        assert REFUSED not in export
        leftovers = [p.name for p in db_path.parent.iterdir() if "edit" in p.name]
        assert leftovers == []
        assert stat.S_IMODE(db_path.parent.stat().st_mode) == 0o700
    finally:
        terminal.close()
