"""A table as the new file holds it: the pieces of the old file it did not change, copied,
and only the rows it changed or added, serialised.

Why: a save once serialised every table it changed, whole. A plan ticked at thirty years
serialised the 10,950 check-ins (11 ms, 46 ms the first time, holding the interpreter
on the writer thread while the app paints); an edited self-care entry the 21,900 others.
Here a table is kept as pieces: runs of rows in document order, each with where it is in
the file, and its first and last document numbers. A save copies each piece none of whose
rows changed, serialises again only the pieces with a changed or removed row, and the new
rows after them, a few hundred rows at a time.

Byte for byte what ``orjson.dumps`` of the whole table writes: orjson writes a dict as
``{`` + ``"key":value`` joined by commas + ``}``, so the rows of a piece, serialised as a
dict of their own without its braces, are exactly their part of the whole. That holds
while the rows in memory are in document order (TinyDB adds each new row at the end with
the next number); a table whose rows are not, or whose rows don't add up to what the
pieces account for, is serialised whole instead, which is always right.
"""

from __future__ import annotations

import os
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from typing import Any

import orjson

from ..domain.past_plan import as_json
from .files import Range

Piece = tuple[int, int, int, int, int]  # offset, length, first and last doc number, rows
Part = bytes | Range
CHUNK = 256  # rows serialised at once, and so the most rows a new piece holds
LIGHT = 4 * CHUNK  # rows a write may serialise and still start before the app has painted
_WIDEST = 1 << 16  # doc numbers a piece's first and last may span, to be looked up one by one


def table_parts(rows: dict[str, Any], pieces: list[Piece] | None, edited: set[int] | None,
                source: int | None) -> tuple[list[Part], list[Piece] | None]:
    """The table's bytes, from its opening brace to its closing one, as parts (bytes, and
    ranges of ``source``, the file that ``pieces`` describe); and its pieces in those
    bytes, their offsets counted from the opening brace (None: its rows are not in
    document order, and it will be serialised whole again).

    ``edited``: the document numbers changed or removed since ``pieces`` were written
    (None: any may have been). Without pieces or the old file, every row is serialised."""
    if pieces is not None and edited is not None and source is not None:
        kept = _spliced(rows, pieces, sorted(edited), source)
        if kept is not None:
            return kept
    return _joined([(_dumped(rows, chunk), chunk) for chunk in _chunks(list(rows))])


def to_serialise(rows: dict[str, Any], pieces: list[Piece] | None, edited: set[int] | None,
                 ) -> int:
    """About how many rows :func:`table_parts` would serialise: all of them without pieces;
    else the rows of each piece with a row changed, and those added after the last piece."""
    if pieces is None or edited is None:
        return len(rows)
    firsts = [piece[2] for piece in pieces]
    hit: set[int] = set()
    for n in edited:
        at = bisect_right(firsts, n) - 1  # the last piece starting at or before it
        if at >= 0 and n <= pieces[at][3]:
            hit.add(at)
    return (sum(pieces[at][4] for at in hit)
            + max(0, len(rows) - sum(piece[4] for piece in pieces)))


def numbered(keys: Iterable[str]) -> tuple[int, int, int] | None:
    """Rows' first and last document numbers and how many there are; None when their
    numbers don't rise row by row (no piece can hold such rows: see the module's doc)."""
    numbers = list(map(int, keys))
    if not numbers or not all(map(int.__lt__, numbers, numbers[1:])):
        return None
    return numbers[0], numbers[-1], len(numbers)


def in_order(pieces: list[Piece]) -> bool:
    """Each piece's rows after the one before's."""
    return all(a[3] < b[2] for a, b in zip(pieces, pieces[1:], strict=False))


def shifted(pieces: list[Piece], by: int) -> list[Piece]:
    """The same pieces, ``by`` bytes further on in the file."""
    return [(offset + by, length, first, last, count)
            for offset, length, first, last, count in pieces]


def _spliced(rows: dict[str, Any], pieces: list[Piece], edited: list[int], source: int,
             ) -> tuple[list[Part], list[Piece] | None] | None:
    made: list[tuple[Part, list[str] | Piece]] = []
    accounted = 0
    for piece in pieces:
        offset, length, first, last, count = piece
        at = bisect_left(edited, first)
        if at == len(edited) or edited[at] > last:  # none of its rows changed: copied
            if not _placed(source, piece):
                return None
            made.append(((offset, length), piece))
            accounted += count
            continue
        if last - first > _WIDEST:
            return None
        keys = [key for key in map(str, range(first, last + 1)) if key in rows]
        if keys:
            made.append((_dumped(rows, keys), keys))
            accounted += len(keys)
    top = pieces[-1][3] if pieces else 0
    new: list[str] = []
    for key in reversed(rows):  # the rows added since, at the end of the table
        if int(key) <= top:
            break
        new.append(key)
    new.reverse()
    if accounted + len(new) != len(rows):  # a row out of document order: not pieces after all
        return None
    made += [(_dumped(rows, chunk), chunk) for chunk in _chunks(new)]
    return _joined(made)


def _joined(made: Iterable[tuple[Part, list[str] | Piece]],
            ) -> tuple[list[Part], list[Piece] | None]:
    """Pieces' parts between the table's braces, a comma between each two; neighbours
    copied from neighbouring places in the old file are copied as one range."""
    parts: list[Part] = [b"{"]
    pieces: list[Piece] = []
    at, ordered = 1, True
    for part, rows in made:
        if pieces:
            at += 1
            previous = parts[-1]
            if (isinstance(part, tuple) and isinstance(previous, tuple)
                    and previous[0] + previous[1] + 1 == part[0]):
                parts[-1] = (previous[0], previous[1] + 1 + part[1])
            else:
                parts += [b",", part]
        else:
            parts.append(part)
        length = part[1] if isinstance(part, tuple) else len(part)
        shape = (rows[2], rows[3], rows[4]) if isinstance(rows, tuple) else numbered(rows)
        ordered = ordered and shape is not None
        first, last, count = shape or (0, 0, 0)
        pieces.append((at, length, first, last, count))
        at += length
    parts.append(b"}")
    # Rows out of document order (a hand-made file, say) can't be found by their numbers:
    # such a table is serialised whole each time.
    return parts, (pieces if ordered and in_order(pieces) else None)


def _chunks(keys: list[str]) -> list[list[str]]:
    return [keys[start:start + CHUNK] for start in range(0, len(keys), CHUNK)]


def _dumped(rows: dict[str, Any], keys: list[str]) -> bytes:
    """These rows as their part of the table: ``"12":{…},"13":{…}``."""
    return orjson.dumps({key: rows[key] for key in keys}, default=as_json)[1:-1]


def _placed(source: int, piece: Piece) -> bool:
    """The piece is where it is said to be in ``source``: it starts with its first row's
    key and ends with a brace (a last check, a few bytes read, before it is copied)."""
    offset, length, first = piece[0], piece[1], piece[2]
    head = b'"%d":{' % first
    try:
        return (length > len(head) and os.pread(source, len(head), offset) == head
                and os.pread(source, 1, offset + length - 1) == b"}")
    except OSError:
        return False
