"""Opening a long journal reads its file a stretch at a time (``storage.pieces``): never the
whole file in memory, and exactly what reading it whole gives, with each table's place in
the file (what the first save copies from it) to the byte."""

from __future__ import annotations

import io
import os
import tracemalloc
from pathlib import Path
from typing import Any

import orjson
import pytest
from histories import synthetic_history
from storage_cases import BAD_FILES, good_database, snapshot

from resilience_tui.storage import atomic, pieces
from resilience_tui.storage.atomic import read_database
from resilience_tui.storage.errors import DatabaseInvalid
from resilience_tui.storage.files import Range
from resilience_tui.storage.pieces import PieceReader
from resilience_tui.storage.tables import RECORD_CLASSES


class Pieces(PieceReader):
    """Notes each piece taken; ``drop``: lets go of record tables' rows once taken (what
    the store does, turning them into records), so memory holds only what is being read."""

    def __init__(self, drop: bool = False) -> None:
        self.drop = drop
        self.taken: list[tuple[str, int]] = []  # (table, rows) of each piece
        self.started_over = False

    def start_over(self) -> None:
        self.layout = self.pieces = None
        self.taken = []
        self.started_over = True

    def take(self, data: dict[str, Any], table: str, rows: dict[str, Any]) -> None:
        self.taken.append((table, len(rows)))
        if self.drop and table in RECORD_CLASSES:
            rows.clear()


def tables_at(data: dict[str, Any]) -> dict[str, Range]:
    """Where ``orjson.dumps(data)`` puts each table (its braces and all between): the
    ranges a save copies from the file it replaces (``AtomicCachedStorage.snapshot``)."""
    at, found = 1, {}
    for n, (name, rows) in enumerate(data.items()):
        at += len((b"," if n else b"") + orjson.dumps(name) + b":")
        found[name] = (at, len(orjson.dumps(rows)))
        at += found[name][1]
    return found


def compact(path: Path, **tables: dict[str, Any]) -> dict[str, Any]:
    """Rewrite ``path`` as the app writes it, with ``tables`` added; returns its data."""
    data: dict[str, Any] = {**orjson.loads(path.read_bytes()), **tables}
    path.write_bytes(orjson.dumps(data))
    return data


def read_both_ways(path: Path) -> Pieces:
    """Read in pieces and whole: the same data, and (read in pieces) the tables' places."""
    reader = Pieces()
    data, sig = read_database(path, reader)
    whole, whole_sig = read_database(path)
    assert data == whole and sig == whole_sig
    assert reader.layout == tables_at(orjson.loads(path.read_bytes()))
    raw = path.read_bytes()
    assert data is not None
    for name, (offset, length) in reader.layout.items():
        assert raw[offset:offset + length] == orjson.dumps(data[name])
        assert raw[:offset].endswith(orjson.dumps(name) + b":")
    # Each table's pieces, which a save copies where it changed none of their rows: their
    # bytes, comma-joined, are the table's rows; each holds the rows it says it does.
    assert reader.pieces is not None and reader.pieces.keys() == reader.layout.keys()
    for name, found in reader.pieces.items():
        assert found is not None  # written by the app: rows in document order
        offset, length = reader.layout[name]
        assert b",".join(raw[at:at + n] for at, n, *_ in found) == raw[offset + 1:
                                                                        offset + length - 1]
        for at, n, first, last, count in found:
            rows = list(orjson.loads(b"{" + raw[at:at + n] + b"}"))
            assert (int(rows[0]), int(rows[-1]), len(rows)) == (first, last, count)
    return reader


@pytest.fixture(scope="module")
def six_years(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Six years of heavy daily use: 4.6 MB."""
    path = synthetic_history(tmp_path_factory.mktemp("six") / "resilience.json", 6)
    assert path.stat().st_size > 4_000_000
    return path


@pytest.mark.parametrize("piece, room, scan", [
    (pieces._PIECE, pieces._ROOM, pieces._SCAN),
    (3000, 100, 700),  # small stretches: row ends and table ends fall across them
    (40, 10, 64)])
def test_a_long_journal_read_in_stretches_is_the_journal_read_whole(
        six_years: Path, piece: int, room: int, scan: int,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pieces, "_PIECE", piece)
    monkeypatch.setattr(pieces, "_ROOM", room)
    monkeypatch.setattr(pieces, "_SCAN", scan)
    reader = read_both_ways(six_years)
    assert not reader.started_over
    assert sum(table == "checkins" for table, _ in reader.taken) > 10  # in many pieces


def test_empty_tables_anywhere_keep_their_places(tmp_path: Path) -> None:
    rows = {str(n): {"id": f"c{n}", "day": "2026-02-01", "mood": 3, "energy": 3}
            for n in range(1, 400)}
    data = {"meta": {"1": {"schema": 1}}, "settings": {}, "checkins": {}, "rejections": rows,
            "selfcare": {}, "contacts": rows, "deleted": {}}
    path = tmp_path / "resilience.json"
    path.write_bytes(orjson.dumps(data))
    read_both_ways(path)


class CountedFile(io.BufferedReader):
    """The journal's file object, noting how many bytes each read of it asks for."""

    asked: list[float]

    def read(self, size: int | None = -1) -> bytes:
        self.asked.append(float("inf") if size is None or size < 0 else size)
        return super().read(size)

    def readinto(self, buffer: Any) -> int:
        self.asked.append(len(memoryview(buffer)))
        return super().readinto(buffer)


def test_no_read_of_a_long_journal_asks_for_more_than_a_stretch(
        six_years: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The point of reading in stretches: at thirty years the file (23 MB) held whole beside
    the records being built was the process's peak."""
    asked: list[float] = []
    real_pread = os.pread

    def pread(fd: int, n: int, offset: int) -> bytes:
        asked.append(n)
        return real_pread(fd, n, offset)

    def counted_open(file: str, mode: str, opener: Any) -> CountedFile:
        fh = CountedFile(io.FileIO(file, mode, opener=opener))
        fh.asked = asked
        return fh

    monkeypatch.setattr(os, "pread", pread)
    monkeypatch.setattr(atomic, "open", counted_open, raising=False)
    reader = Pieces()
    read_database(six_years, reader)
    assert reader.layout is not None and not reader.started_over  # read in pieces
    assert sum(asked) >= six_years.stat().st_size
    assert max(asked) <= 1 << 20  # a quarter of the file at most; 256 KB as it is


def test_the_file_is_never_held_whole_while_it_is_parsed(six_years: Path) -> None:
    reader = Pieces(drop=True)
    tracemalloc.start()
    try:
        read_database(six_years, reader)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert reader.layout is not None
    # ~1.2 MB: orjson's working memory for one ~64 KB piece and what it parses to
    assert peak < six_years.stat().st_size / 2, peak


@pytest.mark.parametrize("scan", [pieces._SCAN, 64])
def test_a_row_longer_than_any_stretch_still_parses_in_pieces(
        tmp_path: Path, scan: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pieces, "_SCAN", scan)
    path = tmp_path / "resilience.json"
    good_database(path, checkins=300, text="long words " * 100)
    data = orjson.loads(path.read_bytes())
    data["checkins"]["150"]["feelings"] = ["x" * 39] * 25_000  # a 1 MB row
    data["checkins"]["300"]["feelings"] = ["y" * 39] * 25_000  # and the last one
    path.write_bytes(orjson.dumps(data))
    assert path.stat().st_size > 2_000_000
    reader = read_both_ways(path)
    assert not reader.started_over


def test_a_table_end_inside_a_row_is_no_table_end(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``}},"selfcare":{`` inside a check-in (a nested object keyed so) looks like where the
    check-ins end: the file still reads as it is, whichever way it is read."""
    monkeypatch.setattr(pieces, "_PIECE", 500)
    path = tmp_path / "resilience.json"
    good_database(path, checkins=100)
    data = orjson.loads(path.read_bytes())
    data["checkins"]["40"]["draft"] = {"x": {"a": {}}, "selfcare": {"1": {"n": 1}}}
    data["selfcare"] = {"1": {"id": "s1", "day": "2026-02-01", "activity": "walk"}}
    raw = orjson.dumps(data)
    assert raw.count(b'}},"selfcare":{') == 2
    path.write_bytes(raw)
    whole, _ = read_database(path)
    reader = Pieces()
    assert read_database(path, reader)[0] == whole == data
    assert reader.started_over  # the check-ins' first end is inside row 40: read whole


def test_a_table_end_across_two_stretches_is_found(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The check-ins' end falls at every place in and across the stretches scanned for it,
    and a row's end at every place in and across the stretch a piece is cut from."""
    monkeypatch.setattr(pieces, "_SCAN", 64)
    monkeypatch.setattr(pieces, "_PIECE", 100)
    monkeypatch.setattr(pieces, "_ROOM", 64)
    path = tmp_path / "resilience.json"
    for shift in range(80):
        good_database(path, checkins=3, text="a" * shift)
        compact(path, selfcare={"1": {"id": "s1", "day": "2026-02-01", "activity": "walk"}})
        reader = read_both_ways(path)
        assert not reader.started_over


@pytest.mark.parametrize("keep", [1 / 3, 1 / 2, 0.999])
def test_a_truncated_long_journal_is_refused_as_not_json_and_left_as_it_was(
        six_years: Path, tmp_path: Path, keep: float) -> None:
    raw = six_years.read_bytes()
    path = tmp_path / "resilience.json"
    path.write_bytes(raw[:int(len(raw) * keep)])
    before = snapshot(path)
    with pytest.raises(DatabaseInvalid) as refused:
        read_database(path, Pieces())
    assert "is not valid JSON (it may be truncated or damaged)" in refused.value.message
    assert snapshot(path) == before


class Changing(Pieces):
    """Changes the file (in place, as another program might) after the first piece."""

    def __init__(self, path: Path, change: Any) -> None:
        super().__init__()
        self.path, self.change = path, change

    def take(self, data: dict[str, Any], table: str, rows: dict[str, Any]) -> None:
        super().take(data, table, rows)
        if self.change is not None and table == "checkins":
            self.change(self.path)
            self.change = None


def test_a_journal_cut_short_while_it_is_read_is_read_again_and_refused(
        six_years: Path, tmp_path: Path) -> None:
    path = tmp_path / "resilience.json"
    path.write_bytes(six_years.read_bytes())
    reader = Changing(path, lambda p: os.truncate(p, p.stat().st_size // 2))
    with pytest.raises(DatabaseInvalid) as refused:
        read_database(path, reader)
    assert "not valid JSON" in refused.value.message
    assert reader.started_over


def test_a_journal_grown_while_it_is_read_is_read_again_whole(
        six_years: Path, tmp_path: Path) -> None:
    path = tmp_path / "resilience.json"
    first = six_years.read_bytes()
    path.write_bytes(first)
    data = orjson.loads(first)
    data["rest_days"]["99999"] = {"day": "2026-03-01", "id": "2026-03-01"}
    data["deleted"]["1"] = {"table": "checkins", "id": "x", "deleted_at": "2026-03-01"}
    grown = orjson.dumps(data)
    assert len(grown) > len(first) and grown[:1000] == first[:1000]

    def grow(p: Path) -> None:
        with open(p, "r+b") as fh:
            fh.write(grown)

    reader = Changing(path, grow)
    read, _ = read_database(path, reader)
    assert reader.started_over and read == data


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_files_are_named_alike_either_way(tmp_path: Path, name: str) -> None:
    path = tmp_path / "resilience.json"
    BAD_FILES[name](path)
    messages = []
    for reader in (None, Pieces()):
        with pytest.raises(DatabaseInvalid) as refused:
            read_database(path, reader)
        messages.append(refused.value.message)
    assert messages[0] == messages[1]


@pytest.mark.parametrize("raw", [b"", b" \n\t ", b"{", b"}", b"{}", b"{ }"])
def test_short_and_blank_files_are_named_alike_either_way(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "resilience.json"
    path.write_bytes(raw)
    outcomes = []
    for reader in (None, Pieces()):
        try:
            outcomes.append(read_database(path, reader)[0])
        except DatabaseInvalid as exc:
            outcomes.append(exc.message)
    assert outcomes[0] == outcomes[1]


def test_rows_out_of_document_order_are_read_but_not_taken_for_pieces(tmp_path: Path) -> None:
    """A hand-made file may list rows in any order: read as ever, but a save can't find
    those rows by their numbers in its pieces (it serialises that table whole)."""
    path = tmp_path / "resilience.json"
    good_database(path, checkins=300)
    data = orjson.loads(path.read_bytes())
    rows = data["checkins"]
    keys = list(rows)
    keys[100], keys[200] = keys[200], keys[100]
    data["checkins"] = {key: rows[key] for key in keys}
    path.write_bytes(orjson.dumps(data))
    reader = Pieces()
    read, _ = read_database(path, reader)
    assert read == data and reader.pieces is not None
    assert reader.pieces["checkins"] is None
    assert reader.pieces["meta"] is not None


@pytest.mark.parametrize("table", ["meta", "checkins", "deleted"])
def test_a_row_not_keyed_by_a_number_is_named_damaged_and_left_as_it_is(
        tmp_path: Path, table: str) -> None:
    """A hand edit keyed a row by a word: the journal is refused as damaged (what ``doctor``
    and ``restore`` answer), as when it is read whole, never a crash; nothing is written."""
    from resilience_tui.clock import FixedClock
    from resilience_tui.storage.store import Store

    path = tmp_path / "resilience.json"
    good_database(path, checkins=5)
    data = orjson.loads(path.read_bytes())
    data.setdefault(table, {})["x"] = {"a": 1}
    path.write_bytes(orjson.dumps(data))
    before = snapshot(path)
    for preload in (True, False):
        with pytest.raises(DatabaseInvalid, match=f"'{table}' table is damaged"):
            Store(path, FixedClock("2026-03-01T09:00:00"), preload=preload)
    assert snapshot(path) == before


def test_a_table_written_with_a_space_inside_its_braces_opens(tmp_path: Path) -> None:
    """``{ }``: an empty table as another JSON writer may put it, read as empty."""
    from resilience_tui.clock import FixedClock
    from resilience_tui.storage.store import Store

    path = tmp_path / "resilience.json"
    good_database(path, checkins=5)
    raw = orjson.dumps(orjson.loads(path.read_bytes()))  # the app's compact layout
    path.write_bytes(raw[:-1] + b',"deleted":{ }}')
    store = Store(path, FixedClock("2026-03-01T09:00:00"), preload=True)
    try:
        assert len(store.checkins.all()) == 5 and store.deleted.all() == []
    finally:
        store.close()
