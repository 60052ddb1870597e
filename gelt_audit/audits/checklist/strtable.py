"""A column of strings kept as one UTF-8 blob with the end of each: the site index's link
strings (:class:`~.packed.LinkStrings`) without a ``str`` object each. Tens of thousands of small
strings born while pages are parsed, kept for the index's lifetime, held the allocator's pools
that the parse's garbage left half empty (issue 21, H225, H248); a string is made again when read."""

from __future__ import annotations

import sys
from array import array
from collections.abc import Iterable, Iterator
from typing import overload

_ERRORS = "surrogatepass"  # every str round-trips, a lone surrogate too (crawled text is hostile)


class StrColumn:
    """Strings by number, appended in order, read as (interned) ``str``: equal to the ones
    appended, and the same object as any other holder's interned copy."""

    __slots__ = ("_blob", "_ends")

    def __init__(self, strings: Iterable[str] = ()) -> None:
        self._blob = bytearray()
        self._ends = array("Q")
        for s in strings:
            self.append(s)

    def append(self, s: str) -> None:
        """Keep ``s`` as the next number."""
        self._blob += s.encode("utf-8", _ERRORS)
        self._ends.append(len(self._blob))

    def __len__(self) -> int:
        return len(self._ends)

    @overload
    def __getitem__(self, i: int) -> str: ...

    @overload
    def __getitem__(self, i: slice) -> list[str]: ...

    def __getitem__(self, i: int | slice) -> str | list[str]:
        if type(i) is int and i >= 0:
            ends = self._ends
            return sys.intern(self._blob[ends[i - 1] if i else 0 : ends[i]].decode("utf-8", _ERRORS))
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if not -len(self) <= i < 0:
            raise IndexError("string index out of range")
        return self[i + len(self)]

    def __iter__(self) -> Iterator[str]:
        return (self[i] for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (StrColumn, list, tuple)):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"StrColumn({list(self)!r})"
