"""CSV tables for spreadsheets and the Markdown journal a user could share with a mentor."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from fixed_time import make_clock

from resilience_tui import cli
from resilience_tui.domain.models import (
    Action,
    CheckIn,
    Contact,
    Cooldown,
    Feedback,
    Feeling,
    PlanItem,
    Reason,
    Rejection,
    RestDay,
    SelfCare,
)
from resilience_tui.storage.formats import CSV_TABLES
from resilience_tui.storage.store import Store


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A small journal with one of everything, told the way a user would have."""
    monkeypatch.setenv("RESILIENCE_NOW", "2026-03-11T09:00")
    path = tmp_path / "data" / "resilience.json"
    store = Store(path, make_clock())
    store.checkins.put(CheckIn(
        day="2026-03-10", mood=2, energy=4, intention="Finish the *Acme* letter",
        feelings=["tense"], id="c1", plan=[
            PlanItem(kind="apply", text="Send the Acme letter", done=True),
            PlanItem(kind="learn", text="=SUM(A1) window functions", done=False)]))
    store.checkins.put(CheckIn(day="2026-03-09", mood=4, energy=3, intention="# not a heading",
                               id="c0"))
    cool = Cooldown(
        acknowledged_on="2026-03-02", reflected_on="2026-03-03", moved_on_on="2026-03-05",
        feelings=[Feeling(name="disappointed", before=80, after=30)],
        journal="It stung.\nI had hoped.", process_with="walk", process_done=True,
        reasons=[Reason(tag="skill gap", note="More SQL depth")], traps=["mind reading"],
        balanced_thought="One no is one data point.", went_well="Good rapport",
        do_differently="Practise SQL out loud")
    store.rejections.put(Rejection(
        company="Acme", role="Data analyst", stage="interview", received_on="2026-03-02",
        logged_on="2026-03-02", mattered=4, contact_email="hr@acme.example",
        message="We regret to inform you", cooldown=cool, id="r1",
        feedback=Feedback(status="received", requested_on="2026-03-03",
                          answered_on="2026-03-06", text="Strong, but less SQL than we need.",
                          themes=["sql depth"])))
    store.actions.put(Action(kind="a skill to learn", text="An SQL course", rejection_id="r1",
                             created_on="2026-03-05", status="done", done_on="2026-03-08"))
    store.selfcare.put(SelfCare(day="2026-03-10", activity="walk", minutes=30, energy_before=2,
                                energy_after=4, optimism=4))
    store.selfcare.put(SelfCare(day="2026-03-09", activity="walk", minutes=45))
    store.contacts.put(Contact(name="Ana", kind="mentor", reach="ana@mentor.example",
                               created_on="2026-03-01"))
    store.rest_days.put(RestDay(day="2026-03-08"))
    store.close()
    return path


def export(db: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    capsys.readouterr()
    assert cli.main(["--db", str(db), "export", *args]) == 0
    return capsys.readouterr().out


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_to_stdout_is_the_check_ins_with_a_header(db: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    got = rows(export(db, capsys, "--format", "csv"))
    assert [r["day"] for r in got] == ["2026-03-09", "2026-03-10"]
    assert got[1]["mood"] == "2" and got[1]["feelings"] == "tense"
    assert got[1]["plan"].startswith("[x] apply: Send the Acme letter | [ ] learn:")
    assert (got[1]["plan_done"], got[1]["plan_total"]) == ("1", "2")


def test_plan_items_have_a_table_of_their_own(db: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    got = rows(export(db, capsys, "--format", "csv", "--table", "plan_items"))
    assert [(r["checkin_id"], r["position"], r["kind"], r["done"]) for r in got] == [
        ("c1", "1", "apply", "true"), ("c1", "2", "learn", "false")]


def test_a_cell_a_spreadsheet_would_run_is_defused(db: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    got = rows(export(db, capsys, "--format", "csv", "--table", "plan_items"))
    assert got[1]["text"] == "'=SUM(A1) window functions"


def test_a_rejection_row_carries_the_whole_cool_down(db: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    [r] = rows(export(db, capsys, "--format", "csv", "--table", "rejections"))
    assert (r["company"], r["stage"], r["moved_on_on"]) == ("Acme", "interview", "2026-03-05")
    assert r["feelings"] == "disappointed 80→30"
    assert r["reasons"] == "skill gap: More SQL depth"
    assert r["journal"] == "It stung.\nI had hoped."
    assert (r["feedback_status"], r["feedback_themes"]) == ("received", "sql depth")
    [f] = rows(export(db, capsys, "--format", "csv", "--table", "feelings"))
    assert (f["rejection_id"], f["name"], f["before"], f["after"]) == ("r1", "disappointed",
                                                                      "80", "30")


def test_an_empty_table_has_the_same_header_as_a_full_one(db: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]
                                                          ) -> None:
    empty = tmp_path / "empty.json"
    Store(empty, make_clock()).close()
    for table in CSV_TABLES:
        full = export(db, capsys, "--format", "csv", "--table", table)
        bare = export(empty, capsys, "--format", "csv", "--table", table)
        if table != "settings":
            assert bare.count("\n") == 1, table
        assert bare.splitlines()[0] == full.splitlines()[0], table


def test_csv_to_a_folder_writes_every_table_privately(db: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "csv"
    export(db, capsys, "--format", "csv", "--output", str(out))
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{t}.csv" for t in CSV_TABLES)
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in out.iterdir())
    assert [r["day"] for r in rows((out / "rest_days.csv").read_text())] == ["2026-03-08"]
    assert rows((out / "contacts.csv").read_text())[0]["name"] == "Ana"


def test_csv_to_a_file_name_writes_one_table(db: Path, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "care.csv"
    export(db, capsys, "--format", "csv", "--table", "selfcare", "--output", str(out))
    assert [r["minutes"] for r in rows(out.read_text())] == ["45", "30"]


def test_an_unknown_table_is_a_usage_error(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--db", str(db), "export", "--format", "csv", "--table", "moods"]) == 2
    assert "plan_items" in capsys.readouterr().err


@pytest.fixture
def journal(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    out = tmp_path / "journal.md"
    export(db, capsys, "--format", "md", "--output", str(out))
    assert out.stat().st_mode & 0o777 == 0o600
    return out.read_text()


def test_the_journal_has_mornings_by_day_with_ticks(journal: str) -> None:
    assert journal.startswith("# My resilience journal\n")
    assert "### March 2026" in journal
    assert journal.index("**Mon 9 Mar**") < journal.index("**Tue 10 Mar**")
    assert "**Tue 10 Mar** · mood 2/5 · energy 4/5 · feeling tense" in journal
    assert "- [x] Apply: Send the Acme letter" in journal
    assert "- [ ] Learn: =SUM(A1) window functions" in journal
    assert "Rest days: Sun 8 Mar." in journal


def test_the_journal_tells_each_cool_down_story(journal: str) -> None:
    story = journal[journal.index("### Acme: Data analyst"):]
    for words in ("Got as far as an interview", "| disappointed | 80 | 30 |",
                  "To process it: walk (done).",
                  "- Skill gap: More SQL depth", "Thinking traps I noticed: mind reading.",
                  "> One no is one data point.", "> Good rapport", "> Practise SQL out loud",
                  "**Feedback**: received (asked on Tuesday 3 March 2026; answered on Friday "
                  "6 March 2026).", "> Strong, but less SQL than we need.",
                  "Themes: sql depth.", "**Moving on** (Thursday 5 March 2026, 3 days after",
                  "- [x] A skill to learn: An SQL course"):
        assert words in story, words


def test_the_journal_sums_up_self_care(journal: str) -> None:
    care = journal[journal.index("## Looking after myself"):]
    assert "2 moments on 2 days, 1 hour 15 minutes in all." in care
    assert "| walk | 2 | 75 |" in care
    assert "Energy before → after, on average: 2.0 → 4.0 of 5" in care


def test_the_journal_keeps_private_writing_out_and_says_so(journal: str) -> None:
    """The "let it out" page is promised to be read by no one else: it stays out, with
    pasted messages and other people's details, and the top of the file says so."""
    for private in ("stung", "I had hoped", "hr@acme.example", "We regret to inform you",
                    "ana@mentor.example", "## My people"):
        assert private not in journal, private
    top = journal[:journal.index("## Mornings")]
    assert "Kept private and left out: the “let it out” pages, pasted rejection messages " \
           "and other people's details." in top


def test_include_private_adds_the_private_writing(db: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    text = export(db, capsys, "--format", "md", "--include-private")
    story = text[text.index("### Acme: Data analyst"):]
    for words in ("Let it out:", "> It stung.", "> I had hoped.", "From: hr@acme.example",
                  "Their message:", "> We regret to inform you"):
        assert words in story, words
    people = text[text.index("## My people"):]
    assert "- **Ana** · mentor · ana@mentor.example" in people
    top = text[:text.index("## Mornings")]
    assert "This copy includes private writing" in top and "left out" not in top


def test_the_flag_is_in_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["export", "--help"])
    assert "--include-private" in capsys.readouterr().out


def test_user_text_shows_as_typed_not_as_formatting(journal: str) -> None:
    assert "Intention: \\# not a heading" in journal
    assert "Finish the \\*Acme\\* letter" in journal


def test_an_empty_journal_reads_kindly(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RESILIENCE_NOW", "2026-03-11T09:00")
    Store(tmp_path / "db.json", make_clock()).close()
    text = export(tmp_path / "db.json", capsys, "--format", "md")
    assert "No morning check-ins yet." in text and "No self-care logged yet." in text


@pytest.mark.parametrize("underline", ["===", "---", "  ===  ", "- - -"])
def test_a_line_followed_by_an_underline_is_not_a_heading(underline: str) -> None:
    """Markdown structure comes only from us: user text with a setext underline, a list
    mark, a fence or deep indentation renders as the text, never as a heading or code."""
    from markdown_it import MarkdownIt

    from resilience_tui.storage.markdown import quote

    typed = f"Not a title\n{underline}\n    not code\n~~~\n1) not a list"
    text = "\n".join(quote(typed))
    kinds = {token.type for token in MarkdownIt("commonmark").parse(text)}
    assert "heading_open" not in kinds and "hr" not in kinds
    assert not kinds & {"code_block", "fence", "ordered_list_open", "bullet_list_open"}
