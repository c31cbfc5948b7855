"""A ``TZ`` we can't use is one clear line and exit 2, for every command and the app.

Today's days are stored as written, so a zone silently taken as UTC would file
an evening's check-in under tomorrow; a path like ``../../etc/passwd`` printed
a traceback. A zone rule like ``UTC+3`` is read the way the system reads it.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from storage_cases import cli

from resilience_tui import cli as cli_module
from resilience_tui.clock import Clock, ZoneProblem, local_zone

BAD_ZONES = ["../../etc/passwd", "Nowhere/Bogus", "Bogus", "/etc/passwd", "/dev/zero",
             "   ", "x" * 5000]
COMMANDS = [[], ["status"], ["status", "--json"], ["export"], ["doctor"], ["restore"],
            ["import", "somewhere.json"]]


@pytest.mark.parametrize("zone", BAD_ZONES)
def test_a_bad_tz_is_one_line_naming_tz(zone: str, tmp_path: Path) -> None:
    result = cli("--db", str(tmp_path / "j" / "resilience.json"), "status", env={"TZ": zone})
    assert result.code == 2 and result.out == ""
    assert result.err.count("\n") == 1 and result.err.startswith("resilience: TZ=")
    assert "not a time zone we know" in result.err and "Traceback" not in result.err
    assert len(result.err) < 300  # a 5000-character TZ is shortened, not echoed
    assert not (tmp_path / "j").exists()  # nothing was created on the way out


@pytest.mark.parametrize("args", COMMANDS)
def test_every_command_and_the_app_refuse_a_bad_tz(
        args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("TZ", "Nowhere/Bogus")
    code = cli_module.main(["--db", str(tmp_path / "j" / "resilience.json"), *args])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert err == ("resilience: TZ=Nowhere/Bogus is not a time zone we know; use a name like "
                   "Europe/Paris, or unset TZ to use the system's zone.\n")


def test_a_bad_tz_is_named_even_with_a_fixed_now(monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("TZ", "../../etc/passwd")
    monkeypatch.setenv("RESILIENCE_NOW", "2026-03-11T09:00")
    assert cli_module.main(["status"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("resilience: TZ=../../etc/passwd") and "RESILIENCE_NOW" not in err


@pytest.mark.parametrize("zone", ["Europe/Paris", ":Europe/Paris", "UTC", "GMT", ""])
def test_good_zones_still_work(zone: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", zone)
    local_zone()  # no error


def test_a_zone_file_given_by_its_path_works(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """TZ=/path/to/zonefile, as POSIX allows; the file comes from the pinned tzdata package,
    so the test never depends on the system's zone folder."""
    from importlib.resources import files

    tokyo = tmp_path / "Tokyo"
    tokyo.write_bytes(files("tzdata.zoneinfo").joinpath("Asia", "Tokyo").read_bytes())
    monkeypatch.setenv("TZ", str(tokyo))
    assert local_zone().utcoffset(datetime(2026, 3, 11, 9)) == timedelta(hours=9)


@pytest.mark.parametrize(("zone", "offset"), [
    ("UTC+3", "-03:00"),  # POSIX: three hours west of Greenwich, as `date` says
    ("GMT-2", "+02:00"),
    ("CET-1CEST,M3.5.0,M10.5.0/3", "+02:00"),
    ("EST5EDT,M3.2.0,M11.1.0", "-04:00"),
])
def test_a_zone_rule_reads_as_the_system_reads_it(
        zone: str, offset: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", zone)
    clock = Clock(lambda: datetime(2026, 7, 1, 12, tzinfo=UTC))
    assert clock.now().isoformat().endswith(offset)


def test_the_problem_is_a_value_error_for_callers_that_build_a_clock(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Nowhere/Bogus")
    with pytest.raises(ZoneProblem, match="TZ=Nowhere/Bogus"):
        Clock()
