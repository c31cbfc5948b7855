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
