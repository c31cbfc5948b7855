"""Long writing in your own editor: ``$VISUAL`` or ``$EDITOR`` on a private temporary file.

The text goes to a file in the journal's own folder (0600, removed afterwards, so
nothing private lands in a shared temp folder), the editor runs in the terminal
while the app is suspended, and the text comes back only when the editor ends
well. A missing editor or a non-zero exit leaves the field exactly as it was.
No Textual here: the app suspends itself around :func:`edit_text`.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

FALLBACKS = ("sensible-editor", "editor", "nano", "vim", "vi")


@dataclass(frozen=True)
class Edited:
    """What came back: the new text, or why the field stays as it was."""

    text: str | None
    problem: str = ""


def editor_command(env: Mapping[str, str] | None = None) -> list[str] | None:
    """``$VISUAL``, then ``$EDITOR`` (either may carry arguments, e.g. ``code -w``), then
    the first usual editor on the PATH."""
    env = os.environ if env is None else env
    for name in ("VISUAL", "EDITOR"):
        value = env.get(name, "").strip()
        if value:
            try:
                words = shlex.split(value)
            except ValueError:
                continue
            if words:
                return words
    for name in FALLBACKS:
        found = shutil.which(name)
        if found:
            return [found]
    return None


def edit_text(text: str, folder: Path, env: Mapping[str, str] | None = None) -> Edited:
    """Run the editor on ``text`` in a private file in ``folder``; the edited text, or why not."""
    command = editor_command(env)
    if command is None:
        return Edited(None, "No editor found: set VISUAL or EDITOR (for example to nano).")
    fd, name = tempfile.mkstemp(prefix=".resilience-edit-", suffix=".txt", dir=folder)
    path = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        try:
            done = subprocess.run([*command, str(path)], check=False)
        except OSError as exc:
            return Edited(None, f"Couldn't start {command[0]} ({exc.strerror or exc}); "
                                "the text is as it was.")
        if done.returncode != 0:
            return Edited(None, f"The editor ended with an error ({done.returncode}), so the "
                                "text is as it was.")
        edited = path.read_text(encoding="utf-8", errors="replace")
        return Edited(edited[:-1] if edited.endswith("\n") and not text.endswith("\n")
                      else edited)
    finally:
        path.unlink(missing_ok=True)
