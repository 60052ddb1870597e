"""The phrase index: normal strings (labels, link texts, URL words) found by the words of a phrase."""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Sequence
from typing import Any

from .packed import Flat, LabelLists, OccurrenceLists, Picked
from .text import in_norm


class PhraseIndex:
    """Distinct normalised strings, searchable for a token phrase in one pass."""

    def __init__(self) -> None:
        self._ids: dict[str, int] | None = {}  # string -> its place (None once built: see _places)
        self.entries: list[str] = []
        self.nwords: list[int] = []
        self._lists: list[list[Any]] = []
        # each string's payloads: lists (see add), or for link texts their link occurrences kept as
        # numbers (an OccurrenceLists, set once built: see _phrase_indexes)
        self.payloads: Sequence[list[Any]] = self._lists
        self._blob: str | None = None  # every string spaced, for scan (made at the first one)
        self._offsets: Sequence[int] = ()
        self._words: dict[str, int] | None = None  # word -> its strings' list in _word_ids
        self._word_ids = Flat(())

    def add(self, norm: str, nwords: int, payload: Any) -> None:
        """Add a string (once) and one more payload for it."""
        self.slot(norm, nwords).append(payload)

    def slot(self, norm: str, nwords: int) -> list[Any]:
        """The payload list of a string (added once): :meth:`add` for callers adding many."""
        i = self.string_id(norm, nwords)
        if i == len(self._lists):
            self._lists.append([])
        return self._lists[i]

    def _places(self) -> dict[str, int]:
        """Each string's place in ``entries``: dropped once built (most indexes never look a
        string up again: a dict entry a string weighed as much as the strings' list), made
        again at the first lookup after."""
        if self._ids is None:
            self._ids = dict(zip(self.entries, range(len(self.entries)), strict=True))
        return self._ids

    def string_id(self, norm: str, nwords: int) -> int:
        """The place of a string in ``entries`` (added once), with no payload list made."""
        ids = self._places()
        i = ids.get(norm)
        if i is None:
            i = len(self.entries)
            ids[norm] = i
            self.entries.append(norm)
            self.nwords.append(nwords)
        return i

    def count(self, norm: str) -> int:
        """How many payloads a string has (0 when it was never added)."""
        i = self._places().get(norm)
        if i is None:
            return 0
        payloads = self.payloads
        return payloads.size(i) if isinstance(payloads, (OccurrenceLists, LabelLists, Picked)) else len(payloads[i])

    def build(self) -> None:
        """Make the strings searchable (after the last :meth:`add`)."""
        self._blob = None
        self._words = None
        self._ids = None

    def _spaced(self) -> str:
        """Every string spaced, one a line, and where each starts (kept: made at the first scan)."""
        if self._blob is None:
            offsets, parts, pos = array("I"), [], 0  # 4 bytes an offset, not a list's 8 and an int
            for e in self.entries:
                offsets.append(pos)
                s = f" {e} \n"
                parts.append(s)
                pos += len(s)
            self._blob, self._offsets = "".join(parts), offsets
        return self._blob

    def find(self, tokens: tuple[str, ...]) -> list[int]:
        """The indexes of the strings that have the phrase as whole words: a string has it only if
        it has its rarest word, so only those strings are tested (as :func:`in_norm` does); the
        strings' words are listed at the first search (judging asks thousands of phrases)."""
        if not tokens or any(not t or " " in t or "\n" in t for t in tokens):
            return self.scan(tokens)  # not words of a string: the plain scan decides
        words = self._words if self._words is not None else self._list_words()
        lists, rarest, fewest = self._word_ids, 0, -1
        for t in tokens:  # the first of the rarest words
            j = words.get(t)
            if j is None:
                return []  # a word no string has
            if fewest < 0 or lists.size(j) < fewest:
                rarest, fewest = j, lists.size(j)
        ids = lists[rarest]
        entries = self.entries
        return [i for i in ids if in_norm(tokens, entries[i])]

    def _list_words(self) -> dict[str, int]:
        words: dict[str, array[int]] = {}  # 4 bytes a string's word, not a list's 8 and an int
        for i, entry in enumerate(self.entries):
            for w in set(entry.split(" ")):
                ids = words.get(w)
                if ids is None:
                    words[w] = array("I", (i,))
                else:
                    ids.append(i)
        # kept end to end in one array (an array a word weighed ~70 bytes besides its numbers)
        self._word_ids = Flat(words.values())
        self._words = {w: j for j, w in enumerate(words)}
        return self._words

    def scan(self, tokens: tuple[str, ...]) -> list[int]:
        """:meth:`find` by a scan of every string (the definition it keeps)."""
        needle = f" {' '.join(tokens)} "
        blob = self._spaced()
        offsets, out, start = self._offsets, [], 0
        while (j := blob.find(needle, start)) != -1:
            i = bisect_right(offsets, j) - 1
            out.append(i)
            start = offsets[i + 1] if i + 1 < len(offsets) else len(blob)
        return out
