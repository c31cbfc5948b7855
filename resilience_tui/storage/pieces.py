"""A journal file parsed a table at a time, each table a few hundred rows at a time, read
from its descriptor a stretch at a time: the whole file is never in memory.

Why: orjson parsing 23 MB of history at once peaked at ~150 MB (the parsed dicts are ~3x
the file, plus the parser's own copy), and then the records were built beside the dicts.
In pieces, each piece's rows become records (``PieceReader.take``) before the next piece
is parsed. The file's bytes were once read whole into a bytearray and let go from its
front as they were parsed, but CPython shrinks a bytearray only once what is left is under
half of it: the whole file (23 MB at thirty years) stayed beside the records being built,
the peak, and the shrinking left freed holes in the heap that RSS kept. Read with
``os.pread`` at the file's own offsets, only a piece (~64 KB) and a stretch scanned for a
table's end (256 KB) are held at a time, each let go before the next is read.

``mmap`` would avoid the reads, but a file cut short by another program while mapped
kills the process (``SIGBUS``); a read only sees a short file, which fails to parse and
is then read again whole (by :func:`read_database`), and named as damaged if it is.
"""

from __future__ import annotations

import os
import re
from typing import Any

import orjson

from . import migrations
from .files import Range
from .splice import Piece, in_order, numbered


class PieceReader:
    """Told of each piece of a table's rows as :func:`read_database` parses the file.

    ``take`` may put objects in place of rows (the store builds and holds records there,
    so the whole file never lives as dicts at once); ``start_over`` drops whatever it
    kept when the file has to be parsed again in one go after all."""

    layout: dict[str, Range] | None = None  # where each table's rows were in the file
    # Where each run of rows parsed as one piece was, with its first and last document
    # numbers and how many rows it had (None: a table whose rows are not in document
    # order); a save copies the pieces it does not change (see :mod:`splice`).
    pieces: dict[str, list[Piece] | None] | None = None

    def take(self, data: dict[str, Any], table: str, rows: dict[str, Any]) -> None:
        """``rows`` (doc id -> row) of ``table`` are parsed; ``data`` holds the tables
        before it, whole."""

    def start_over(self) -> None:
        """Forget every piece taken so far."""


# The layout orjson writes: {"meta":{"1":{...}},"checkins":{"1":{...},"2":{...}},...}.
_TABLE_KEY = re.compile(rb'"([a-z_]{1,40})":\{')
_KEY_LONGEST = 44  # bytes _TABLE_KEY can match
_NEXT_ROW = re.compile(rb'\},"\d{1,20}":\{')  # a row's end, then the next row of its table
_ROW_LONGEST = 26  # bytes _NEXT_ROW can match
_PIECE = 1 << 16  # bytes of rows parsed at once: ~100 rows, a few hundred KB as dicts
_ROOM = 1 << 14  # read past a piece, where the row it ends with most likely ends
_SCAN = 1 << 18  # bytes read at a time looking for a table's end
_TRIES = 8  # places that looked like a row's end and weren't, before giving up on pieces


class _File:
    """The file's first ``size`` bytes (its size when opened), read at its own offsets."""

    def __init__(self, fd: int, size: int) -> None:
        self.fd, self.size = fd, size

    def read(self, at: int, n: int) -> bytes:
        """Up to ``n`` bytes from ``at``: fewer at the end, or if the file has shrunk."""
        n = min(n, self.size - at)
        got = os.pread(self.fd, n, at) if n > 0 else b""
        while 0 < len(got) < n:  # a short read: the file's end, or a signal
            more = os.pread(self.fd, n - len(got), at + len(got))
            if not more:
                break
            got += more
        return got


def parse_in_pieces(fd: int, size: int, reader: PieceReader) -> dict[str, Any] | None:
    """The file (open as ``fd``, ``size`` bytes when opened) parsed a table at a time, each
    table ~64 KB of rows at a time, every piece handed to ``reader`` before the next is
    read; None when the file is not in the compact layout this app writes. Sets
    ``reader.layout``: where each table's braces and all between are in the file.

    Nothing is taken on trust: the object and table keys are matched exactly, and each
    piece is parsed by orjson as an object of its own (``{`` + rows + ``}``). A place
    that only looked like the end of a row (inside a nested object) can't give a piece
    that parses, so the piece grows to the next such place; a piece that parses is
    exactly those rows. A table named twice, a row twice, or anything unexpected: None.
    """
    file = _File(fd, size)
    if size < 2 or file.read(0, 1) != b"{" or file.read(size - 1, 1) != b"}":
        return None
    data: dict[str, Any] = {}
    layout: dict[str, Range] = {}
    pieces: dict[str, list[Piece] | None] = {}
    at = 1
    while at < size - 1:  # what is left ends with the file's closing brace
        head = file.read(at, _KEY_LONGEST + 1)  # the table's key, and the byte after it
        key = _TABLE_KEY.match(head)
        if key is None or (name := key.group(1).decode()) in data:
            return None
        rows: dict[str, Any] = {}
        start = at + key.end() - 1  # the table's opening brace
        found: list[Piece | None] = []
        if head[key.end():key.end() + 1] == b"}":  # an empty table
            end: int | None = start + 2
        else:
            end = _table_rows(file, start + 1, name, data, rows, reader, found)
        if end is None:
            return None
        data[name] = rows
        layout[name] = (start, end - start)  # its braces and all between
        ordered = [piece for piece in found if piece is not None]
        pieces[name] = ordered if len(ordered) == len(found) and in_order(ordered) else None
        at = end
        after = file.read(at, 2)
        if after == b"}":  # the file's end
            reader.layout, reader.pieces = layout, pieces
            return data
        if after != b',"':
            return None
        at += 1
    return None


def _table_rows(file: _File, at: int, name: str, data: dict[str, Any], rows: dict[str, Any],
                reader: PieceReader, found: list[Piece | None]) -> int | None:
    """Parse one table's rows (from ``at``, just inside its brace) into ``rows``, piece by
    piece, noting each in ``found`` (None for one whose rows are not in document order);
    where the table ends (past its closing brace), or None when they don't parse so.
    """
    # The table's end: its last row's brace and its own, then the next table (one this
    # file has not had yet), or the end of the file.
    later = [n.encode() for n in migrations.TABLES if n not in data and n != name]
    following = _scan(file, at, later) if later else None
    end = following + 1 if following is not None else file.size - 2  # the table's brace
    if end <= at:
        return None
    while True:
        stretch = file.read(at, min(_PIECE + _ROOM, end + 1 - at))  # the file from ``at``
        cut, stretch = _row_end(file, at, stretch, at + _PIECE, end)
        for _ in range(_TRIES):  # a piece of rows that ends at a row's end, if it parses
            if cut is None:
                break
            piece = _parsed(memoryview(stretch)[:cut + 1 - at])
            if piece is not None:
                break
            cut, stretch = _row_end(file, at, stretch, cut + 1, end)
        else:  # damage, or rows full of objects keyed by numbers: parsed whole instead
            return None
        if cut is None:  # the rest of the table is one piece
            if at + len(stretch) <= end:  # a row longer than any stretch read so far
                stretch += file.read(at + len(stretch), end + 1 - at - len(stretch))
            piece = _parsed(memoryview(stretch)[:end - at])
            if stretch[end - at:end - at + 1] != b"}":
                return None
        # Rows keyed by document numbers, each once: anything else (an empty piece, say
        # ``{ }``) is parsed whole, and named by the shape check if it is damage.
        if (not piece or not all(map(str.isdecimal, piece))
                or not rows.keys().isdisjoint(piece)):
            return None
        del stretch
        shape = numbered(piece)
        found.append(None if shape is None
                     else (at, (end if cut is None else cut + 1) - at, *shape))
        reader.take(data, name, piece)
        rows.update(piece)
        if cut is None:
            return end + 1
        at = cut + 2  # past the row's brace and the comma after it


def _row_end(file: _File, at: int, stretch: bytes, start: int, end: int,
             ) -> tuple[int | None, bytes]:
    """Where the first row's end (``},"12":{``) wholly within the file's bytes from
    ``start`` to ``end`` is (the offset of its brace), or None; with ``stretch`` (the file
    from ``at``) read on as far as finding it took, doubling: a row longer than any
    stretch is still found."""
    while start < end:
        reach = min(at + len(stretch), end)
        found = _NEXT_ROW.search(stretch, start - at, reach - at)
        # One found this close to the stretch's end may not be the first: one may start
        # before it and end past the stretch.
        if found is not None and (reach == end or at + found.start() <= reach - _ROW_LONGEST):
            return at + found.start(), stretch
        if reach == end:
            break
        more = file.read(at + len(stretch), min(max(len(stretch), _ROOM),
                                                end + 1 - at - len(stretch)))
        if not more:  # the file shrank since it was opened
            break
        stretch += more
    return None, stretch


def _scan(file: _File, at: int, names: list[bytes]) -> int | None:
    """Where the first ``}},"<one of names>":{`` from ``at`` on is, reading ``_SCAN`` bytes
    at a time, each stretch after the first starting just before the last one ended (so
    that one across the two is found); None if there is none."""
    pattern = re.compile(rb'\}\},"(?:' + b"|".join(map(re.escape, names)) + rb')":\{')
    longest = 7 + max(map(len, names))
    wanted = max(_SCAN, 2 * longest)
    while True:
        stretch = file.read(at, wanted)
        found = pattern.search(stretch)
        last = len(stretch) < wanted or at + len(stretch) >= file.size
        if found is not None and (last or found.start() <= len(stretch) - longest):
            return at + found.start()
        if last:
            return None
        at += len(stretch) - longest + 1


def _parsed(rows: bytes | memoryview) -> dict[str, Any] | None:
    """``rows`` ("1":{...},"2":{...}) as a dict of rows, or None if they don't parse so."""
    try:
        piece = orjson.loads(b"".join((b"{", rows, b"}")))
    except orjson.JSONDecodeError:
        return None
    return piece if isinstance(piece, dict) else None
