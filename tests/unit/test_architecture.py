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


# --- layers and circles: the floors themselves are import-linter's contracts (pyproject) ---

def _module_graph() -> dict[str, set[str]]:
    """Every module of the package and the package modules it imports, type-only
    imports and imports inside functions included (grimp reads them all)."""
    import grimp

    graph = grimp.build_graph("resilience_tui", cache_dir=None)
    return {m: graph.find_modules_directly_imported_by(m) for m in graph.modules}


def test_no_module_is_part_of_an_import_circle() -> None:
    edges = _module_graph()
    # A package's __init__ naturally "imports" what it re-exports; count real modules only.
    state: dict[str, int] = {}
    circles: list[list[str]] = []

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for nxt in sorted(edges.get(module, ())):
            if state.get(nxt) == 1:
                circles.append([*path[path.index(nxt):], nxt])
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[module] = 2

    for module in sorted(edges):
        if module not in state:
            visit(module, [module])
    assert circles == []


def test_the_floors_contract_fails_on_an_upward_import(tmp_path: Path) -> None:
    """The gate can fail: a domain module importing the app breaks the contract."""
    import shutil

    copy = tmp_path / "resilience_tui"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    (copy / "domain" / "upward.py").write_text("from ..app import ResilienceApp\n")
    root = PACKAGE.parent
    shutil.copy(root / "pyproject.toml", tmp_path / "pyproject.toml")
    done = subprocess.run([str(Path(sys.executable).parent / "lint-imports"), "--no-cache"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120,
                          env={**__import__("os").environ, "PYTHONPATH": str(tmp_path)})
    assert done.returncode != 0
    assert "resilience_tui.domain.upward -> resilience_tui.app" in done.stdout


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
    assert "resilience_tui.widgets.scale" in loaded
    assert not {m for m in loaded if m.startswith(("resilience_tui.screens",
                                                   "resilience_tui.storage",
                                                   "resilience_tui.app"))}
