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


class RowTable(Sequence[dict[str, Any]]):
    """Rows with the keys ``keys`` in order (a row may lack the last ones: its tuple is shorter)."""

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
        self._packed.append(tuple(row.values()))

    def state(self) -> tuple[Any, ...]:
        """What :meth:`of_state` makes the same table of: keys, the packed rows as they are (not
        each row unpacked and pickled again) and the rows changed since."""
        chunks, tail = self._packed.state()
        return (self._keys, chunks, tail, dict(self._changed))

    @classmethod
    def of_state(cls, state: tuple[Any, ...]) -> RowTable:
        """The table :meth:`state` gave (its rows unpacked with plain values only)."""
        keys, chunks, tail, changed = state
        table = cls(keys)
        table._packed = PackedRows.of_state(chunks, tail)
        table._changed = dict(changed)
        return table

    def set(self, index: int, key: str, value: Any) -> None:
        """Set one value of one row (a key it lacked is added, after those it has)."""
        row = list(self._row(index))
        i = self._index[key]
        if i > len(row):
            raise ValueError(f"la clave {key} iría fuera de orden")
        row[i : i + 1] = [value]
        self._changed[index % len(self)] = tuple(row)

    def _row(self, index: int) -> tuple[Any, ...]:
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("fila fuera de la tabla")
        if index in self._changed:
            return self._changed[index]
        return self._packed.row(index)

    def _dict(self, row: tuple[Any, ...]) -> dict[str, Any]:
        return dict(zip(self._keys, row))  # noqa: B905  # a row may lack the last keys

    def __iter__(self) -> Iterator[dict[str, Any]]:
        keys, changed = self._keys, self._changed
        if not changed:
            for row in self._packed:
                yield dict(zip(keys, row))  # noqa: B905  # a row may lack the last keys
            return
        for i, row in enumerate(self._packed):
            yield dict(zip(keys, changed.get(i, row)))  # noqa: B905

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
