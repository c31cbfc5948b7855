"""Rows held as their record objects: ten years of history in memory once, not twice.

The storage's cached data is TinyDB's layout, ``{table: {doc_id: row}}``. After the store
builds a table's records, or writes rows through TinyDB, each row that orjson writes byte for
byte as its record (orjson writes a dataclass's attributes in order) is replaced by that very
record, which the Repo also hands out. The file is the same either way; only the memory
differs. A row with anything its record does not keep (an unknown key, say) stays a dict.

TinyDB's own operations change rows in place, so a held row is turned back into a dict
(:func:`release`) just before TinyDB replaces it, and held again afterwards. TinyDB's reads
see held rows as plain documents through :class:`HeldRowsTable`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, MutableMapping, Sequence
from typing import Any

import orjson
from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

from ..domain.past_plan import as_json
from ..domain.record import Record
from .alike import written_alike


def hold(rows: dict[str, Any], built: Mapping[int, Record] | list[Record],
         chunk: int = 256) -> None:
    """Put each record in place of its row where orjson writes them alike.

    ``built`` is either ``{doc_id: record}``, or every row's record in the order of
    ``rows`` (as a table is first built): each record built from its row, or its row
    written from it, as :func:`written_alike` asks. Checked a chunk at a time, then row by
    row in a chunk that is not alike as a whole; the records themselves are never
    serialised (see :mod:`alike`)."""
    if isinstance(built, list):
        if len(built) != len(rows):  # two rows with one id: leave them all as read
            return
        keys, objs = list(rows), built
    else:
        keys, objs = [str(doc_id) for doc_id in built], list(built.values())
    for start in range(0, len(keys), chunk):
        part, some = keys[start:start + chunk], objs[start:start + chunk]
        docs = list(map(rows.get, part))
        if written_alike(some, docs):
            rows.update(zip(part, some, strict=True))
            continue
        for key, obj, doc in zip(part, some, docs, strict=True):
            if key in rows and written_alike([obj], [doc]):
                rows[key] = obj


def documents(records: Sequence[Record]) -> list[dict[str, Any]]:
    """Records as the dicts the file will hold: what orjson writes, read back. Done in
    two C calls, ~10x faster than ``to_dict`` (dataclasses' ``asdict`` deep-copies)."""
    docs: list[dict[str, Any]] = orjson.loads(orjson.dumps(records, default=as_json))
    return docs


def release(rows: dict[str, Any], doc_ids: list[int]) -> None:
    """Turn held rows back into dicts, so TinyDB can change them in place."""
    keys = [str(doc_id) for doc_id in doc_ids if isinstance(rows.get(str(doc_id)), Record)]
    for key, doc in zip(keys, documents([rows[k] for k in keys]), strict=True):
        rows[key] = doc


class _PlainRows(Mapping[str, Any]):
    """A table's rows as TinyDB expects them, dicts all: held rows shown as their dicts."""

    def __init__(self, rows: Mapping[str, Any]) -> None:
        self._rows = rows

    def __getitem__(self, key: str) -> Any:
        row = self._rows[key]
        return row.to_dict() if isinstance(row, Record) else row

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)


class HeldRowsTable(Table):
    """A TinyDB table whose reads (``search``, ``get``, ``Query``, ``all``) see held rows
    as the plain documents they stand for. Writes read the storage directly, as in TinyDB."""

    def __init__(self, storage: Storage, name: str, cache_size: int = 0,
                 persist_empty: bool = False) -> None:
        # No query cache: the store reads through its Repos, so cached results would only
        # keep copies of documents alive (and a write that fails inside TinyDB skips its
        # clearing, leaving them stale).
        super().__init__(storage, name, cache_size, persist_empty)

    def _read_table(self) -> dict[str, Mapping[Any, Any]]:
        return _PlainRows(super()._read_table())  # type: ignore[return-value]

    def _update_table(self, updater: Callable[[dict[int, Mapping[Any, Any]]], None]) -> None:
        """TinyDB's update, made in place: its own copies the whole table into a dict keyed
        by number and back for every change (4-5 ms a save for the 21,900 self-care rows of
        thirty years, on the key's path). Its updaters only get, set, test and remove
        rows by number, so a view that turns the numbers into the file's keys as they come
        gives the same table, rows in the same order, for the rows the change touches."""
        tables = self._storage.read()
        if tables is None:
            tables = {}
        rows = tables.setdefault(self.name, {})
        view = _ByNumber(rows)
        try:
            updater(view)  # type: ignore[arg-type]
        except BaseException:
            # TinyDB changes rows as it goes: those it changed before failing stay in
            # memory, and the next write must serialise this table, never copy its old bytes.
            failed = getattr(self._storage, "changed_in_place", None)
            if failed is not None and view.touched:  # it may have changed something
                failed(self.name)
            raise
        write_table = getattr(self._storage, "write_table", None)
        if write_table is not None:  # the journal's storage: only this table is written anew
            write_table(self.name, tables, view.edited)
        else:
            self._storage.write(tables)
        self.clear_cache()


class _ByNumber(MutableMapping[int, Any]):
    """A table's rows (keyed by text, as the file has them) seen by document number.

    ``edited``: the numbers of the rows the change replaced, removed, or was handed (TinyDB's
    ``update`` changes the row it gets in place); None once it added a row out of document
    order, which no piece of the file can hold (see :mod:`splice`). ``added``: how many rows
    it added at the end."""

    def __init__(self, rows: dict[str, Any]) -> None:
        self._rows = rows
        self.edited: set[int] | None = set()
        self.added = 0

    @property
    def touched(self) -> bool:
        """The change got, set or removed a row (one that fails may have changed it)."""
        return self.edited is None or bool(self.edited) or self.added > 0

    def _edit(self, doc_id: int) -> None:
        if self.edited is not None:
            self.edited.add(doc_id)

    def __getitem__(self, doc_id: int) -> Any:
        self._edit(doc_id)
        return self._rows[str(doc_id)]

    def __setitem__(self, doc_id: int, row: Any) -> None:
        key = str(doc_id)
        if key in self._rows:
            self._edit(doc_id)
        elif self._rows and doc_id <= int(next(reversed(self._rows))):
            self.edited = None
        else:
            self.added += 1
        self._rows[key] = row

    def __delitem__(self, doc_id: int) -> None:
        self._edit(doc_id)
        del self._rows[str(doc_id)]

    def __contains__(self, doc_id: object) -> bool:
        return str(doc_id) in self._rows

    def __iter__(self) -> Iterator[int]:
        return (int(key) for key in list(self._rows))

    def __len__(self) -> int:
        return len(self._rows)


class JournalDB(TinyDB):
    """TinyDB over the journal's storage, with tables that know about held rows."""

    table_class = HeldRowsTable
