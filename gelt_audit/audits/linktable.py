"""The contract's ``links`` held compactly: one tuple per link target, ``found_on`` as indices.

A large site has tens of thousands of link targets and millions of (target, page) occurrences:
as dicts with lists of page URLs they were the largest object graph of an audit (~1.5 kB per
target plus 8 bytes per occurrence, ~180 MB at 50,000 pages). Here each target is a tuple of
its values and its ``found_on`` an ``array`` of 4-byte indices into the crawl's page URLs, kept
once and sorted (so sorted indices are URLs in order); the tuples are packed
(:class:`~gelt_audit.compression.PackedRows`: 112,000 targets at 50,000 pages) and unpacked
1,024 at a time when read. An entry becomes the contract's dict only
when read, one at a time: the JSON writer, the CSV tables and the reports walk the table without
the whole list of dicts ever existing.

A :class:`LinkTable` is a read-only ``Sequence`` of those dicts: code written for a list of
dicts reads it unchanged (a changed dict is not written back). :func:`links_where` reads the
entries with one value of a key (the broken ones) without building the others; it also takes a
plain list, as findings made by hand (tests) have.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, overload

from gelt_audit.compression import PACKED_CHUNK, PackedRows

# The contract's keys of a link, in the order the JSON report writes them.
KEYS = (
    "url",
    "state",
    "status",
    "final_status",
    "error",
    "found_on",
    "dependencia",
    "internal",
    "chain",
    "permanent_redirect",
    "occurrences",
    "broken_since",
    "acknowledged",
)
_INDEX = {key: i for i, key in enumerate(KEYS)}
_FOUND_ON, _CHAIN, _OCCURRENCES = _INDEX["found_on"], _INDEX["chain"], _INDEX["occurrences"]
_EMPTY: tuple[()] = ()
_COLUMNS = ("state", "internal")
_HEAD, _TAIL = KEYS[:_FOUND_ON], KEYS[_FOUND_ON + 1 :]  # the keys before and after found_on


class LinkTable(Sequence[dict[str, Any]]):
    """Link entries of one crawl; ``pages`` is the sorted list of page URLs ``found_on`` points into."""

    def __init__(self, pages: Sequence[str]):
        self._pages = list(pages)
        self._rank: dict[str, int] | None = None
        # packed (compression.PackedRows: ~100 kB for 1,000 rows instead of ~400 kB as tuples);
        # the few rows changed after (the links to fix, their occurrences) are kept beside them
        self._packed = PackedRows()
        self._changed: dict[int, tuple[Any, ...]] = {}
        # the keys the reports filter on, unpacked (8 bytes a link each): where() unpacks only the
        # chunks holding the links asked for
        self._columns: dict[str, list[Any]] = {key: [] for key in _COLUMNS}

    @property
    def pages(self) -> list[str]:
        """The page URLs ``found_on`` points into, sorted (not to be changed)."""
        return self._pages

    # -- building ----------------------------------------------------------------------------------
    def page_index(self, url: str) -> int:
        """The index of a page URL in ``pages`` (``found_on`` holds these)."""
        if self._rank is None:
            self._rank = {page: i for i, page in enumerate(self._pages)}
        return self._rank[url]

    def append(self, entry: dict[str, Any], found_on: Iterable[int] | None = None) -> None:
        """Add an entry (a dict with the contract's keys); ``found_on``: its pages as sorted indices,
        when the caller has them (else read from ``entry["found_on"]``)."""
        if found_on is None:
            found_on = [self.page_index(page) for page in entry["found_on"]]
        row = [entry[key] for key in KEYS]
        # an array of indices is kept as it is (the links audit's index made it and no longer changes it)
        row[_FOUND_ON] = found_on if isinstance(found_on, array) and found_on.typecode == "I" else array("I", found_on)
        row[_CHAIN] = _pack(entry["chain"])
        row[_OCCURRENCES] = _pack(entry["occurrences"])
        self._add(tuple(row))

    def _add(self, row: tuple[Any, ...]) -> None:
        self._packed.append(row)
        for key, column in self._columns.items():
            column.append(row[_INDEX[key]])

    def rows(self) -> Iterator[tuple[Any, ...]]:
        """The entries as kept, in order (for ``audits.findings_cache``)."""
        changed = self._changed
        for i, row in enumerate(self._packed):
            yield changed.get(i, row)

    def add_rows(self, rows: Iterable[tuple[Any, ...]]) -> None:
        """Entries as :meth:`rows` gave them (``audits.findings_cache`` reading them back)."""
        for row in rows:
            self._add(row)

    def state(self) -> tuple[Any, ...]:
        """What :meth:`of_state` makes the same table of: the packed rows as they are (not each
        row unpacked and pickled again), the rows changed since and the filtered columns."""
        chunks, tail = self._packed.state()
        return (self._pages, chunks, tail, dict(self._changed), {k: list(v) for k, v in self._columns.items()})

    @classmethod
    def of_state(cls, state: tuple[Any, ...]) -> LinkTable:
        """The table :meth:`state` gave (``audits.findings_cache`` reading it back: its rows are
        unpacked with plain values only). Raises ValueError when the parts do not agree."""
        pages, chunks, tail, changed, columns = state
        table = cls(pages)
        table._packed = PackedRows.of_state(chunks, tail)
        table._changed = dict(changed)
        if set(columns) != set(_COLUMNS) or any(len(v) != len(table._packed) for v in columns.values()):
            raise ValueError("tabla de enlaces inconsistente")
        table._columns = {key: list(columns[key]) for key in _COLUMNS}
        return table

    def _row(self, index: int) -> tuple[Any, ...]:
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("enlace fuera de la tabla")
        return self._changed[index] if index in self._changed else self._packed.row(index)

    def update(self, index: int, key: str, value: Any) -> None:
        """Set one value of one entry (``found_on`` excepted)."""
        row = list(self._row(index))
        row[_INDEX[key]] = _pack(value) if key in ("chain", "occurrences") else value
        self._changed[index % len(self)] = tuple(row)
        if key in self._columns:
            self._columns[key][index] = value

    # -- reading -----------------------------------------------------------------------------------
    def _entry(self, row: tuple[Any, ...]) -> dict[str, Any]:
        entry = dict(zip(KEYS, row, strict=True))
        entry["found_on"] = list(map(self._pages.__getitem__, row[_FOUND_ON]))
        entry["chain"] = [list(hop) for hop in row[_CHAIN]]
        entry["occurrences"] = [dict(occ) for occ in row[_OCCURRENCES]]
        return entry

    def __len__(self) -> int:
        return len(self._packed)

    @overload
    def __getitem__(self, index: int) -> dict[str, Any]: ...
    @overload
    def __getitem__(self, index: slice) -> list[dict[str, Any]]: ...
    def __getitem__(self, index: int | slice) -> dict[str, Any] | list[dict[str, Any]]:
        if isinstance(index, slice):
            return [self._entry(row) for row in list(self.rows())[index]]
        return self._entry(self._row(index))

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for row in self.rows():
            yield self._entry(row)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LinkTable | list):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable, like a list

    def __repr__(self) -> str:
        return f"<LinkTable: {len(self)} enlaces, {len(self._pages)} páginas>"

    def where(self, key: str, value: Any) -> Iterator[dict[str, Any]]:
        """The entries whose ``key`` is ``value``, in order; the others are never built (nor, for
        ``state`` and ``internal``, unpacked)."""
        i = _INDEX[key]
        if key not in self._columns:
            for row in self.rows():
                if row[i] == value:
                    yield self._entry(row)
            return
        wanted = [at for at, found in enumerate(self._columns[key]) if found == value]
        chunk_rows: list[tuple[Any, ...]] = []
        number = -1
        for at in wanted:
            if at in self._changed:
                yield self._entry(self._changed[at])
                continue
            if at // PACKED_CHUNK != number:
                number = at // PACKED_CHUNK
                chunk_rows = self._packed.chunk(number)
            yield self._entry(chunk_rows[at % PACKED_CHUNK])

    def count(self, value: Any) -> int:  # Sequence.count: how many entries equal ``value``
        return sum(1 for entry in self if entry == value)

    def count_where(self, key: str, value: Any) -> int:
        if key in self._columns:
            return sum(1 for found in self._columns[key] if found == value)
        i = _INDEX[key]
        return sum(1 for row in self.rows() if row[i] == value)

    def json_items(self, encode: Callable[[Any], str]) -> Iterator[str]:
        """Each entry as ``encode(entry)`` would write it, for a compact JSON ``encode`` (separators
        ``,`` and ``:``): the page URLs of ``found_on`` are encoded once for the whole table and
        joined, instead of each entry's list of URLs being built and encoded again."""
        pages = [encode(page) for page in self._pages]
        for row in self.rows():
            head = encode(dict(zip(_HEAD, row[:_FOUND_ON], strict=True)))
            tail = dict(zip(_TAIL, row[_FOUND_ON + 1 :], strict=True))
            tail["occurrences"] = [dict(occ) for occ in row[_OCCURRENCES]]  # chain: tuples encode as lists
            found = ",".join(map(pages.__getitem__, row[_FOUND_ON]))
            yield f'{head[:-1]},"found_on":[{found}],{encode(tail)[1:]}'

    def values(self, key: str) -> Iterator[Any]:
        """One key of every entry, in order (``found_on`` as its number of pages)."""
        i = _INDEX[key]
        if key in self._columns:
            return iter(list(self._columns[key]))
        if i == _FOUND_ON:
            return (len(row[i]) for row in self.rows())
        return (row[i] for row in self.rows())


def _pack(items: list[Any] | None) -> tuple[Any, ...]:
    """A short list kept as a tuple of tuples / item tuples; most are empty and share one ``()``."""
    if not items:
        return _EMPTY
    return tuple(tuple(item.items()) if isinstance(item, dict) else tuple(item) for item in items)


def links_where(links: Sequence[dict[str, Any]] | None, key: str, value: Any) -> Iterator[dict[str, Any]]:
    """The links whose ``key`` is ``value``, from a :class:`LinkTable` or a plain list."""
    if isinstance(links, LinkTable):
        return links.where(key, value)
    return (link for link in links or [] if link.get(key) == value)


def link_values(links: Sequence[dict[str, Any]] | None, key: str) -> Iterator[Any]:
    """One key of every link (not ``found_on``), from a :class:`LinkTable` or a plain list."""
    if isinstance(links, LinkTable):
        return links.values(key)
    return (link.get(key) for link in links or [])
