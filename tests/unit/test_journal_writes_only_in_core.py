"""Every write goes through the journal core: no screen, widget, palette command or CLI
handler changes the store itself.

Only ``journal/`` (the use cases) and ``storage/`` (the store) may call a table's
``put``/``put_many``/``delete``, the store's ``batch()``, ``save_settings`` or
``write``. A screen that writes directly would skip the rules the core keeps
(a tick counting as a hello, a step saving its self-care), and the coming features
(editing past entries, entries from the shell) rely on one place holding them.
"""

from __future__ import annotations

import ast
from pathlib import Path

import resilience_tui

PACKAGE = Path(resilience_tui.__file__).parent
ALLOWED = {"journal", "storage"}  # the floors that may write
TABLE_WRITES = {"put", "put_many", "delete"}
STORE_WRITES = {"batch", "save_settings", "write"}
TABLES = {"checkins", "rejections", "selfcare", "contacts", "actions", "rest_days", "repos"}


def _mentions_store(node: ast.expr) -> bool:
    """True when an expression reaches the store or one of its tables: ``self.store``,
    ``host.store.contacts``, ``store.repos[name]``, ``self.store.checkins``…"""
    for part in ast.walk(node):
        name = part.attr if isinstance(part, ast.Attribute) else (
            part.id if isinstance(part, ast.Name) else "")
        if name in TABLES or "store" in name.lower():
            return True
    return False


def direct_writes(source: str, filename: str = "<source>") -> list[str]:
    """Each call in ``source`` that writes to the store directly, as ``line: code``."""
    found = []
    for node in ast.walk(ast.parse(source, filename=filename)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        method, receiver = node.func.attr, node.func.value
        if method in TABLE_WRITES | STORE_WRITES and _mentions_store(receiver):
            found.append(f"{node.lineno}: {ast.unparse(node.func)}")
    return found


def test_the_check_catches_a_screen_that_writes_itself() -> None:
    screen = (
        "def save(self):\n"
        "    with self.store.batch():\n"
        "        self.store.checkins.put(checkin)\n"
        "    self.host.store.contacts.delete(contact_id)\n"
        "    store.repos[name].put_many(records, stamp=False)\n"
        "    self.store.save_settings(settings)\n"
    )
    assert len(direct_writes(screen)) == 5
    # Reading is fine, and so is calling the core.
    assert direct_writes("self.store.checkins.all()\ncheck_in(self.store, self.clock, None)\n"
                         "save_settings(self.store, self.clock, s)\nrows.delete(key)\n") == []


def test_only_the_journal_core_and_storage_write_to_the_store() -> None:
    offenders = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] in ALLOWED:
            continue
        found = direct_writes(path.read_text(), str(path))
        if found:
            offenders[str(relative)] = found
    assert offenders == {}, "write through resilience_tui.journal instead"


def test_the_core_module_for_each_use_case_is_there() -> None:
    """The floor the check above protects holds the use cases, UI-free (import-linter
    forbids Textual there; this keeps the gate from passing on an empty journal/)."""
    journal = {p.stem for p in (PACKAGE / "journal").glob("*.py")}
    assert {"checkins", "selfcare", "rejections", "cooldowns", "feedback", "rest", "contacts",
            "settings", "transfer"} <= journal
