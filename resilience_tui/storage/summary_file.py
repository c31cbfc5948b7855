"""The summary file beside the journal: a small, disposable cache for ``status``,
``remind`` and the app's first frame, so they answer without reading years of history.

It is never a second source of truth. It is trusted only while the journal file is
exactly the one it was made from (same device, inode, size, modification and change
times: a save, a restore, an import, a copy or a ``chmod`` all change one of them),
and deleting it at any time costs one slower ``status``, nothing else. It is never
read as data: it is not a database (restore and sync refuse it), not a backup, and
export reads the journal only. Like the journal it is written atomically and
privately (0600); its temporary files are the journal's kind (".<name>.….tmp")
and are cleaned up with them.

Only the envelope is checked here (size, kind, version, whose journal); what the
fields mean, and whether they are sound, is the journal core's business.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import orjson

from .files import atomic_write, read_regular, real_path

SUFFIX = ".summary"
KIND = "resilience-tui summary"
VERSION = 2  # raised when a field changes meaning: an older summary is then simply ignored
MAX_BYTES = 256 * 1024  # a few KB in practice; anything bigger is not ours

JournalKey = tuple[int, int, int, int, int]  # device, inode, size, mtime_ns, ctime_ns
Signature = tuple[int, int, int]  # inode, size, mtime_ns: what the store checks before a save


def summary_path(journal: Path) -> Path:
    """Beside the journal's real file (a link's target), like the lock."""
    real = real_path(journal)
    return real.with_name(real.name + SUFFIX)


def journal_key(journal: Path) -> JournalKey | None:
    """What identifies the journal file as it is now; None when there is no regular file."""
    try:
        st = os.stat(journal)
    except OSError:
        return None
    if not stat.S_ISREG(st.st_mode):
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def key_if_unchanged(journal: Path, sig: Signature | None) -> JournalKey | None:
    """The journal's key, but only while it is still the file read (or written) as ``sig``:
    figures computed from that content must never be filed under another's."""
    key = journal_key(journal)
    if key is None or sig is None or (key[1], key[2], key[3]) != sig:
        return None
    return key


def read_summary(journal: Path) -> dict[str, Any] | None:
    """The summary's fields when it was made from the journal exactly as it is now.

    None for anything else, and never an error: no summary, a link, a pipe, a huge or
    damaged file, another version's, or one made from another journal or an older
    state of this one.
    """
    key = journal_key(journal)
    if key is None:
        return None
    where = summary_path(journal)
    try:
        st = os.lstat(where)
        if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_BYTES:
            return None
        raw = read_regular(where, follow=False)
        if len(raw) > MAX_BYTES:  # grew since we looked
            return None
        data = orjson.loads(raw)
    except (OSError, orjson.JSONDecodeError):
        return None
    if not isinstance(data, dict) or data.get("kind") != KIND or data.get("version") != VERSION:
        return None
    made_from = data.get("journal")
    if (not isinstance(made_from, list) or len(made_from) != len(key)
            or any(type(v) is not int for v in made_from) or tuple(made_from) != key):
        return None
    fields = data.get("fields")
    return fields if isinstance(fields, dict) else None


def write_summary(journal: Path, key: JournalKey, fields: dict[str, Any]) -> bool:
    """File ``fields`` as the summary of the journal as ``key`` names it; True when written.

    A failure (a read-only folder, a full disk) is not an error: the summary is a cache,
    and the next ``status`` reads the journal instead.
    """
    payload = orjson.dumps({"kind": KIND, "version": VERSION, "journal": list(key),
                            "fields": fields})
    if len(payload) > MAX_BYTES:
        return False
    try:
        atomic_write(summary_path(journal), payload, durable=False)
    except OSError:
        return False
    return True


def remove_summary(journal: Path) -> None:
    """Drop the summary (after a restore, say): one slower ``status``, nothing lost."""
    try:
        summary_path(journal).unlink()
    except OSError:
        pass
