"""A list of findings rows (dicts with the same keys) held packed: the page inventory of a crawl.

A large site's page inventory is one dict per page (~1.2 kB with its strings at 50,000 pages:
~60 MB held from the pages audit to the JSON writer). A :class:`RowTable` keeps each row as a
tuple of its values in a fixed key order, packed with
:class:`~gelt_audit.compression.PackedRows` (a few hundred bytes a row), and gives the dicts back
one at a time, with the same keys in the same order: what reads a list of dicts (the reports, the
JSON writer, the CSV tables) reads it unchanged. A dict read from it is a copy: a change to one is
not kept; :meth:`set` changes a row (a few rows: the changed ones are kept beside the packed ones).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, overload

from gelt_audit.compression import PackedRows


class _Absent:
    """A key a row lacks (``NotRequired`` keys: only some pages have ``links_cut``); packed and
    unpacked as this very object."""

    def __reduce__(self) -> str:
        return "ABSENT"

    def __repr__(self) -> str:
        return "ABSENT"


ABSENT = _Absent()


class RowTable(Sequence[dict[str, Any]]):
    """Rows with the keys ``keys`` (some may lack the last ones: :data:`ABSENT`), in order."""

    def __init__(self, keys: Sequence[str], rows: Iterable[dict[str, Any]] = ()) -> None:
        self._keys = tuple(keys)
        self._index = {key: i for i, key in enumerate(self._keys)}
        self._packed = PackedRows()
        self._changed: dict[int, tuple[Any, ...]] = {}
        for row in rows:
            self.append(row)

    @property
    def keys(self) -> tuple[str, ...]:
        return self._keys

    def append(self, row: dict[str, Any]) -> None:
        """Add a row; its keys must be ``keys`` in order, or the first of them."""
        if tuple(row) != self._keys[: len(row)]:
            raise ValueError(f"claves fuera del orden de la tabla: {list(row)}")
        self._packed.append(tuple(row.values()) + (ABSENT,) * (len(self._keys) - len(row)))

    def set(self, index: int, key: str, value: Any) -> None:
        """Set one value of one row (a key it lacked is added, after those it has)."""
        row = list(self._row(index))
        i = self._index[key]
        if row[i] is ABSENT and any(v is not ABSENT for v in row[i + 1 :]):
            raise ValueError(f"la clave {key} iría fuera de orden")
        row[i] = value
        self._changed[index] = tuple(row)

    def _row(self, index: int) -> tuple[Any, ...]:
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("fila fuera de la tabla")
        if index in self._changed:
            return self._changed[index]
        return self._packed.row(index)

    def _dict(self, row: tuple[Any, ...]) -> dict[str, Any]:
        return {key: value for key, value in zip(self._keys, row, strict=True) if value is not ABSENT}

    def __iter__(self) -> Iterator[dict[str, Any]]:
        changed = self._changed
        for i, row in enumerate(self._packed):
            yield self._dict(changed.get(i, row))

    def __len__(self) -> int:
        return len(self._packed)

    @overload
    def __getitem__(self, index: int) -> dict[str, Any]: ...
    @overload
    def __getitem__(self, index: slice) -> list[dict[str, Any]]: ...
    def __getitem__(self, index: int | slice) -> dict[str, Any] | list[dict[str, Any]]:
        if isinstance(index, slice):
            return list(self)[index]
        return self._dict(self._row(index))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, RowTable | list):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable, like a list

    def __repr__(self) -> str:
        return f"<RowTable: {len(self)} filas>"
