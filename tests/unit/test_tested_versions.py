"""The environment is the one the suite was tested with: every installed package, direct or
transitive, at the version recorded in pyproject's ``[tool.uv] constraint-dependencies``.

A fresh clone's ``uv sync`` resolves exactly those (the lock file stays out of git), so a new
release upstream (python-dateutil 4.0.0 arrived this way) never slips in untested. Upgrading is
a deliberate one-line change there.
"""

from __future__ import annotations

import re
import tomllib
from importlib.metadata import distributions
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"
PROJECT = "resilience-tui"
# Recorded because the universal resolution includes them, installed only elsewhere.
OTHER_PLATFORMS_ONLY = {"colorama"}  # pytest and click use it on Windows


def canonical(name: str) -> str:
    """A distribution name as the registry compares them (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def recorded_versions(pyproject: Path = PYPROJECT) -> dict[str, str]:
    """``{name: version}`` from the ``name==version`` lines of constraint-dependencies."""
    lines = tomllib.loads(pyproject.read_text())["tool"]["uv"]["constraint-dependencies"]
    versions = {}
    for line in lines:
        name, sep, version = line.partition("==")
        assert sep and version.strip(), f"not a pinned name==version: {line!r}"
        versions[canonical(name.strip())] = version.strip()
    return versions


def installed_versions() -> dict[str, str]:
    return {canonical(d.metadata["Name"]): d.version for d in distributions()
            if canonical(d.metadata["Name"]) != PROJECT}


def differences(installed: dict[str, str], recorded: dict[str, str]) -> list[str]:
    """One plain line per package that is not as recorded; empty when all agree."""
    found = []
    for name, version in sorted(installed.items()):
        if name not in recorded:
            found.append(f"{name} {version} is installed but not recorded")
        elif recorded[name] != version:
            found.append(f"{name} is {version}, recorded {recorded[name]}")
    for name in sorted(recorded.keys() - installed.keys() - OTHER_PLATFORMS_ONLY):
        found.append(f"{name} {recorded[name]} is recorded but not installed")
    return found


def test_every_installed_package_is_at_its_recorded_version() -> None:
    found = differences(installed_versions(), recorded_versions())
    assert not found, "the environment is not the tested one:\n" + "\n".join(found)


def test_the_project_is_not_recorded_and_textual_stays_exact_in_dependencies() -> None:
    project = tomllib.loads(PYPROJECT.read_text())["project"]
    assert PROJECT not in recorded_versions()
    assert "textual==8.2.8" in project["dependencies"]
    assert recorded_versions()["textual"] == "8.2.8"


def test_a_drifted_version_or_an_unrecorded_package_is_named() -> None:
    recorded = {"textual": "8.2.8", "python-dateutil": "2.9.0.post0", "colorama": "0.4.6"}
    installed = {"textual": "8.2.8", "python-dateutil": "4.0.0", "six": "1.17.0"}
    assert differences(installed, recorded) == [
        "python-dateutil is 4.0.0, recorded 2.9.0.post0",
        "six 1.17.0 is installed but not recorded",
    ]
    assert differences({"textual": "8.2.8"}, {"textual": "8.2.8", "tinydb": "4.9.0"}) == [
        "tinydb 4.9.0 is recorded but not installed"]


def test_names_are_compared_as_the_registry_compares_them(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[tool.uv]\nconstraint-dependencies = ["Typing_Extensions==4.16.0"]\n')
    assert recorded_versions(pyproject) == {"typing-extensions": "4.16.0"}
    assert differences({"typing-extensions": "4.16.0"}, recorded_versions(pyproject)) == []
