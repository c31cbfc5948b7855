"""The shape of the house: the domain stays pure; TinyDB stays inside storage/."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import resilience_tui

PACKAGE = Path(resilience_tui.__file__).parent


def _imports(source: Path) -> set[str]:
    tree = ast.parse(source.read_text(), filename=str(source))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


def test_importing_the_domain_pulls_in_neither_textual_nor_tinydb() -> None:
    modules = sorted(f"resilience_tui.domain.{p.stem}" for p in (PACKAGE / "domain").glob("*.py"))
    code = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(m.split('.')[0] for m in sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=60)
    loaded = set(json.loads(done.stdout))
    assert "resilience_tui" in loaded and len(modules) > 5
    assert "textual" not in loaded
    assert "tinydb" not in loaded


def test_only_the_storage_package_imports_tinydb() -> None:
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if "tinydb" in _imports(path) and path.parent.name != "storage"
    ]
    assert offenders == []


def test_the_domain_never_imports_textual_or_storage() -> None:
    for path in (PACKAGE / "domain").glob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level > 0:
                assert not (node.module or "").startswith(("storage", "screens", "widgets")), path
        assert not {"textual", "tinydb", "rich"} & _imports(path), path


def test_status_never_loads_textual() -> None:
    """``resilience status`` runs in shell prompts: it must stay light."""
    code = (
        "import sys\n"
        "from resilience_tui import cli\n"
        "cli.main(['--db', sys.argv[1], 'status'])\n"
        "print('textual' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code, "/nonexistent-folder/db.json"],
                          capture_output=True, text=True, timeout=60)
    assert done.stdout.strip().splitlines()[-1] == "False"


# --- layers: widgets below screens; screens and widgets reach storage only via the Store API ---

# Files that may use storage modules at run time, and which ones. None of these touch
# TinyDB: export/import are the file formats themselves, and the feedback request is
# written to its own small private text file.
STORAGE_ALLOWED = {
    "screens/transfer.py": {"storage.formats", "storage.transfer"},
    "screens/cooldown_feedback.py": {"storage.files"},
}


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _package_imports(source: Path) -> list[tuple[str, bool]]:
    """Each ``resilience_tui`` module ``source`` imports (as "storage.store"), and whether
    the import sits under ``if TYPE_CHECKING:`` (for type hints only)."""
    parts = source.relative_to(PACKAGE).parent.parts
    found: list[tuple[str, bool]] = []

    def visit(node: ast.AST, typing_only: bool) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.body:
                visit(child, True)
            for child in node.orelse:
                visit(child, typing_only)
            return
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(parts[: len(parts) - (node.level - 1)])
                name = ".".join([*base, *(node.module or "").split(".")]).strip(".")
                found.append((name, typing_only))
            elif (node.module or "").startswith("resilience_tui."):
                found.append((node.module.removeprefix("resilience_tui."), typing_only))
        for child in ast.iter_child_nodes(node):
            visit(child, typing_only)

    visit(ast.parse(source.read_text(), filename=str(source)), False)
    return found


def test_widgets_never_import_screens() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in (PACKAGE / "widgets").glob("*.py")
        for name, _ in _package_imports(path)
        if name == "screens" or name.startswith("screens.")
    ]
    assert offenders == []


def test_screens_and_widgets_use_storage_only_for_type_hints() -> None:
    offenders = []
    for folder in ("screens", "widgets"):
        for path in (PACKAGE / folder).glob("*.py"):
            rel = str(path.relative_to(PACKAGE))
            allowed = STORAGE_ALLOWED.get(rel, set())
            offenders += [
                f"{rel} imports {name}" for name, typing_only in _package_imports(path)
                if (name == "storage" or name.startswith("storage."))
                and not typing_only and name not in allowed
            ]
    assert offenders == []


def test_importing_the_widgets_loads_no_screen_and_no_store() -> None:
    modules = sorted(f"resilience_tui.widgets.{p.stem}"
                     for p in (PACKAGE / "widgets").glob("*.py") if p.stem != "__init__")
    code = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=60)
    loaded = set(json.loads(done.stdout))
    assert "resilience_tui.widgets.panel" in loaded
    assert not {m for m in loaded if m.startswith(("resilience_tui.screens",
                                                   "resilience_tui.storage"))}
