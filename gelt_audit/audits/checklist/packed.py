"""The site index's links kept as numbers. A page's own links are packed: the site index keeps hundreds of thousands of content
links (a 10,000-page site ~280,000), and a :class:`~.pages.Link` object each weighed ~120 bytes
where four numbers weigh 16. Each distinct target, text and heading is kept once in the site's
:class:`LinkStrings`; a block's :class:`PackedLinks` reads as a sequence of ``Link`` objects
made when asked for (equal, field by field, to the ones packed). Every link occurrence, by target
and by link text, is a number too (:class:`Occurrences`), made a ``(block, link)`` pair when read."""

from __future__ import annotations

import sys
from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import compress, count, repeat
from operator import is_
from typing import Any, overload

from .pages import Block, Link, Page
from .text import text_norm
from .urls import url_key

_WIDTH = 3  # numbers a link: target, text, heading << 8 | flags
# flags (the low 8 bits of the third number): the region's number in the low bits, then these
_REGION_BITS = 0xF
_TMENU, _IS_DOC, _EMBED, _FRAGMENT = 1 << 4, 1 << 5, 1 << 6, 1 << 7  # (bools shifted so when packed)
_FLAGS, _CTX = 0xFF, 8  # the flags' bits; the heading's number shifted by _CTX
_MAX_CTX = 1 << 24  # headings an index can number (32 bits less the flags')


class LinkStrings:
    """The strings of one site index's packed links, each distinct one once, by number: targets
    (with their URL key), texts (with their normalised form and its words), headings, regions."""

    __slots__ = (
        "_contexts", "_flags", "_regions", "_targets", "_texts", "contexts", "keys", "norms", "nwords", "regions", "rows",
        "targets", "texts",
    )  # fmt: skip

    def __init__(self) -> None:
        self.targets: list[str] = []
        self.keys: list[str] = []
        self.texts: list[str] = []
        self.norms: list[str] = []
        self.nwords: list[int] = []
        self.contexts: list[str] = []
        self.regions: list[str] = []
        self._targets: dict[str, int] = {}
        self._texts: dict[str, int] = {}
        self._contexts: dict[str, int] = {}
        self._regions: dict[str, int] = {}
        self._flags: dict[tuple[Any, ...], int] = {}  # (region, tmenu, is_doc, embed, fragment) -> flags
        # the kept blocks' links (:meth:`keep`), end to end: one growing array, not one a page
        self.rows = array("I")

    def pack(self, links: Iterable[Link]) -> PackedLinks:
        """These links packed (in order): :meth:`pack_fields` of their fields."""
        cols = array("I")
        add = cols.extend
        targets, texts, contexts, regions = self._targets.get, self._texts.get, self._contexts.get, self._regions.get
        for link in links:
            t = targets(link.target)
            if t is None:
                t = self._target(link.target, link.key)
            s = texts(link.text)
            if s is None:
                s = self._text(link.text, link.norm, link.nwords)
            c = contexts(link.ctx)
            if c is None:
                c = self._context(link.ctx)
            r = regions(link.region)
            if r is None:
                r = self._region(link.region)
            add((t, s, c << _CTX | r | link.tmenu << 4 | link.is_doc << 5 | link.embed << 6 | link.fragment << 7))
        return PackedLinks(self, cols)

    def pack_fields(self, rows: Iterable[Sequence[Any]]) -> PackedLinks:
        """Links given as their fields in ``Link``'s order, packed (in order). A target is kept
        with the key it first came with, a text with its first normal form: every link of an
        index has ``url_key(target)`` and ``text_norm(text)`` (see ``pages.make_link``). Column
        by column (the carry's pages: most of a weekly index), each looked up in C."""
        rows = rows if isinstance(rows, (list, tuple)) else list(rows)
        if not rows:
            return PackedLinks(self, array("I"))
        target, key, text, norm, nwords, region, tmenu, ctx, is_doc, embed, fragment = zip(*rows, strict=True)
        t = _ids(self._targets, target, lambda i: self._target(target[i], key[i]))
        x = _ids(self._texts, text, lambda i: self._text(text[i], norm[i], nwords[i]))
        c = _ids(self._contexts, ctx, lambda i: self._context(ctx[i]))
        named = list(zip(region, tmenu, is_doc, embed, fragment, strict=True))
        f = _ids(self._flags, named, lambda i: self._flag(region[i], tmenu[i], is_doc[i], embed[i], fragment[i]))
        cols = array("I", bytes(4 * _WIDTH * len(rows)))
        cols[0::_WIDTH], cols[1::_WIDTH] = array("I", t), array("I", x)
        cols[2::_WIDTH] = array("I", map(int.__or__, map(_CTX.__rlshift__, c), f))
        return PackedLinks(self, cols)

    def pack_rows(self, rows: Iterable[Sequence[Any]]) -> PackedLinks:
        """Links given as the parse cache keeps them (``[target, text, region, tmenu, heading,
        is_doc, embed, fragment]``), packed: key and normal text made once per distinct one."""
        cols = array("I")
        add = cols.extend
        targets, texts, contexts, regions = self._targets.get, self._texts.get, self._contexts.get, self._regions.get
        for target, text, region, tmenu, ctx, is_doc, embed, fragment in rows:
            t = targets(target)
            if t is None:
                t = self._target(sys.intern(target), url_key(target))
            x = texts(text)
            if x is None:
                x = self._text(sys.intern(text), *text_norm(text))
            c = contexts(ctx)
            if c is None:
                c = self._context(ctx)
            r = regions(region)
            if r is None:
                r = self._region(region)
            add((t, x, c << _CTX | r | tmenu << 4 | is_doc << 5 | embed << 6 | fragment << 7))
        return PackedLinks(self, cols)

    def _target(self, target: str, key: str) -> int:  # strings interned, as the carry writes them
        t = self._targets[target] = len(self.targets)
        self.targets.append(sys.intern(target))
        self.keys.append(sys.intern(key))
        return t

    def _text(self, text: str, norm: str, nwords: int) -> int:
        x = self._texts[text] = len(self.texts)
        self.texts.append(sys.intern(text))
        self.norms.append(sys.intern(norm))
        self.nwords.append(nwords)
        return x

    def _context(self, ctx: str) -> int:
        c = self._contexts[ctx] = len(self.contexts)
        if c >= _MAX_CTX:
            raise ValueError("demasiados encabezados de enlaces en el índice")
        self.contexts.append(sys.intern(ctx))
        return c

    def _flag(self, region: str, tmenu: bool, is_doc: bool, embed: bool, fragment: bool) -> int:
        r = self._regions.get(region)
        if r is None:
            r = self._region(region)
        f = self._flags[region, tmenu, is_doc, embed, fragment] = (
            r | tmenu << 4 | is_doc << 5 | embed << 6 | fragment << 7
        )
        return f

    def _region(self, region: str) -> int:
        r = self._regions[region] = len(self.regions)
        if r > _REGION_BITS:
            raise ValueError(f"demasiadas regiones de enlaces: {region!r}")
        self.regions.append(sys.intern(region))
        return r

    def table(self) -> tuple[list[Any], ...]:
        """What :meth:`of_table` makes these strings again from, numbers and all (the carry)."""
        return (self.targets, self.keys, self.texts, self.norms, self.nwords, self.contexts, self.regions)

    @classmethod
    def of_table(cls, table: Sequence[Sequence[Any]]) -> LinkStrings:
        """The strings :meth:`table` gave, each with its number: links packed there read here
        (the previous crawl's carried pages), and new ones are packed after them."""
        s = cls()
        s.targets, s.keys, s.texts, s.norms, s.nwords, s.contexts, s.regions = (list(x) for x in table)
        s._targets, s._texts = dict(zip(s.targets, count())), dict(zip(s.texts, count()))
        s._contexts, s._regions = dict(zip(s.contexts, count())), dict(zip(s.regions, count()))
        sizes = (
            {len(s.targets), len(s.keys), len(s._targets)},
            {len(s.texts), len(s.norms), len(s.nwords), len(s._texts)},
        )
        if (
            len(sizes[0]) != 1
            or len(sizes[1]) != 1
            or len(s._contexts) != len(s.contexts)
            or len(s._regions) != len(s.regions)
        ):
            raise ValueError("tabla de textos de enlaces inconsistente")
        return s

    def packed(self, data: bytes) -> PackedLinks:
        """Links packed here, given as the bytes of their numbers (``PackedLinks.cols``)."""
        cols = array("I")
        cols.frombytes(data)
        return PackedLinks(self, cols)

    def keep(self, links: PackedLinks) -> PackedLinks:
        """``links`` (packed here) kept for the index's lifetime: their numbers copied to the end
        of :attr:`rows`, read there (H248). An array a page, born while the page is parsed, kept
        its small blocks alive among the parse's garbage in the allocator's pools."""
        if links.strings is not self:
            raise ValueError("enlaces empaquetados en otra tabla de textos")
        at = len(self.rows)
        self.rows.extend(links.cols)
        return PackedLinks(self, self.rows, at, len(links))

    def done(self) -> None:
        """Forget the lookups that keep each string once (the index is built): links packed after
        this read alike, only their strings are kept again."""
        self._targets, self._texts, self._contexts, self._regions, self._flags = {}, {}, {}, {}, {}

    def link(self, cols: array[int], i: int) -> Link:
        """The link whose numbers start at ``cols[i]``."""
        t, x, f = cols[i], cols[i + 1], cols[i + 2]
        return Link(
            self.targets[t], self.keys[t], self.texts[x], self.norms[x], self.nwords[x], self.regions[f & _REGION_BITS],
            bool(f & _TMENU), self.contexts[f >> _CTX], bool(f & _IS_DOC), bool(f & _EMBED), bool(f & _FRAGMENT),
        )  # fmt: skip


def _ids(lookup: dict[Any, int], values: Sequence[Any], add: Callable[[int], int]) -> list[int]:
    """The number of each value in ``lookup`` (looked up in C), ``add(i)`` for a value not there."""
    ids = list(map(lookup.get, values))
    if None in ids:  # the values not there added once each (their places found in C), then read again
        for i in compress(count(), map(is_, ids, repeat(None))):
            if values[i] not in lookup:
                add(i)
        ids = list(map(lookup.__getitem__, values))
    return ids  # type: ignore[return-value]


class PackedLinks(Sequence[Link]):
    """A block's links as numbers into its :class:`LinkStrings`; reading one makes its ``Link``.
    The numbers are ``cols`` (its own array) or, kept (:meth:`LinkStrings.keep`), a run of the
    strings' ``rows``."""

    __slots__ = ("strings", "_all", "_at", "_len")

    def __init__(self, strings: LinkStrings, cols: array[int], at: int = 0, n: int | None = None) -> None:
        self.strings = strings
        self._all = cols  # the numbers are _all[_at : _at + _len * _WIDTH]
        self._at = at
        self._len = len(cols) // _WIDTH if n is None else n

    @property
    def cols(self) -> array[int]:
        """The links' numbers, ``_WIDTH`` a link (a copy when kept in the strings' rows)."""
        a, at, n = self._all, self._at, self._len * _WIDTH
        return a if at == 0 and len(a) == n else a[at : at + n]

    def __len__(self) -> int:
        return self._len

    @overload
    def __getitem__(self, j: int) -> Link: ...

    @overload
    def __getitem__(self, j: slice) -> list[Link]: ...

    def __getitem__(self, j: int | slice) -> Link | list[Link]:
        if type(j) is int and 0 <= j < self._len:
            s, cols, i = self.strings, self._all, self._at + j * _WIDTH
            t, x, f = cols[i], cols[i + 1], cols[i + 2]
            return Link(
                s.targets[t], s.keys[t], s.texts[x], s.norms[x], s.nwords[x], s.regions[f & _REGION_BITS],
                bool(f & _TMENU), s.contexts[f >> _CTX], bool(f & _IS_DOC), bool(f & _EMBED), bool(f & _FRAGMENT),
            )  # fmt: skip
        if isinstance(j, slice):
            return [self[i] for i in range(*j.indices(len(self)))]
        if not -len(self) <= j < 0:
            raise IndexError("link index out of range")
        return self[j + len(self)]

    def placed(self, j: int) -> tuple[str, bool]:
        """Link ``j``'s URL key and whether it is inside the «Transparencia» drop-down, none made."""
        i = self._at + j * _WIDTH
        return self.strings.keys[self._all[i]], bool(self._all[i + 2] & _TMENU)

    def named(self, j: int) -> tuple[str, str, str, bool]:
        """Link ``j``'s URL key, target, text and whether it names a part of the page, none made."""
        s, cols, i = self.strings, self._all, self._at + j * _WIDTH
        t = cols[i]
        return s.keys[t], s.targets[t], s.texts[cols[i + 1]], bool(cols[i + 2] & _FRAGMENT)

    def worded(self, j: int) -> tuple[str, int, str]:
        """Link ``j``'s normal text, its number of words and the heading it sits under, none made."""
        s, cols, i = self.strings, self._all, self._at + j * _WIDTH
        x = cols[i + 1]
        return s.norms[x], s.nwords[x], s.contexts[cols[i + 2] >> _CTX]

    def __iter__(self) -> Iterator[Link]:
        link, cols, at = self.strings.link, self._all, self._at
        for i in range(at, at + self._len * _WIDTH, _WIDTH):
            yield link(cols, i)

    def _columns(self) -> tuple[array[int], ...]:
        """The targets', texts' and flags' columns (new arrays, sliced in C)."""
        a, at, end = self._all, self._at, self._at + self._len * _WIDTH
        return tuple(a[at + k : end : _WIDTH] for k in range(_WIDTH))

    def link_keys(self) -> list[str]:
        """The URL keys of the links that are not embeds, in order, none made."""
        keys = self.strings.keys
        targets, _texts, flags = self._columns()
        if any(map(_EMBED.__and__, flags)):
            return [keys[t] for t, f in zip(targets, flags, strict=True) if not f & _EMBED]
        return list(map(keys.__getitem__, targets))

    def fields(self) -> Iterator[tuple[Any, ...]]:
        """Each link's fields in ``Link``'s order (its strings interned), none made: read column
        by column in C (the carry writes a crawl's links so)."""
        s = self.strings
        targets, texts, flags = self._columns()
        contexts = map(_CTX.__rrshift__, flags)  # flag bits are masked below
        bits = [map(bool, map(b.__and__, flags)) for b in (_TMENU, _IS_DOC, _EMBED, _FRAGMENT)]
        return zip(
            map(s.targets.__getitem__, targets), map(s.keys.__getitem__, targets), map(s.texts.__getitem__, texts),
            map(s.norms.__getitem__, texts), map(s.nwords.__getitem__, texts),
            map(s.regions.__getitem__, map(_REGION_BITS.__and__, flags)), bits[0],
            map(s.contexts.__getitem__, contexts), bits[1], bits[2], bits[3], strict=True,
        )  # fmt: skip

    def index_rows(self) -> Iterator[tuple[str, int, str, int, int]]:
        """Each link's normal text, its words, its URL key, whether it is an embed and whether it
        is inside the «Transparencia» drop-down (those two as flags, true or 0), none made (the
        site index's build), read column by column in C."""
        s = self.strings
        targets, texts, flags = self._columns()
        return zip(
            map(s.norms.__getitem__, texts), map(s.nwords.__getitem__, texts), map(s.keys.__getitem__, targets),
            map(_EMBED.__and__, flags), map(_TMENU.__and__, flags), strict=True,
        )  # fmt: skip

    def __eq__(self, other: object) -> bool:
        """Equal to the same links, packed or not (a block's content compares as its links)."""
        if isinstance(other, PackedLinks) and other.strings is self.strings:
            return self.cols == other.cols
        if isinstance(other, (PackedLinks, tuple, list)):
            return list(self) == list(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"PackedLinks({list(self)!r})"


def link_keys(links: Sequence[Link]) -> list[str]:
    """The URL keys of the links that are not embeds, in order (packed or not)."""
    if isinstance(links, PackedLinks):
        return links.link_keys()
    return [x.key for x in links if not x.embed]


def index_rows(links: Sequence[Link]) -> Iterable[tuple[str, int, str, int, int]]:
    """:meth:`PackedLinks.index_rows` of any links."""
    if isinstance(links, PackedLinks):
        return links.index_rows()
    return [(x.norm, x.nwords, x.key, x.embed, x.tmenu) for x in links]


Occurrence = tuple[Block, Link]


class Occurrences:
    """Every link occurrence of the index's blocks, numbered in block order: an occurrence is
    kept as its number in int arrays, and made a ``(block, link)`` pair (the block's own objects)
    only when asked for. A pair per occurrence held in lists (one by target, one by link text)
    weighed most of a big site's index."""

    __slots__ = ("blocks", "starts")

    def __init__(self, blocks: Sequence[Block]) -> None:
        self.blocks = blocks
        # block -> the number of its first occurrence; an occurrence's block is found there (the
        # last block starting at or before it: a block without links starts where the next does)
        self.starts = array("I")
        n = 0
        for b in blocks:
            self.starts.append(n)
            n += len(b.links)

    def block_of(self, n: int) -> int:
        """The place in ``blocks`` of occurrence ``n``'s block."""
        return bisect_right(self.starts, n) - 1

    def pairs(self, ids: Iterable[int]) -> list[Occurrence]:
        """The ``(block, link)`` pairs of these occurrences, in order."""
        return list(self.iter(ids))

    def iter(self, ids: Iterable[int]) -> Iterator[Occurrence]:
        """:meth:`pairs`, one at a time."""
        blocks, starts = self.blocks, self.starts
        for n in ids:
            i = bisect_right(starts, n) - 1
            b = blocks[i]
            yield b, b.links[n - starts[i]]

    def placed(self, n: int) -> tuple[Block, str, bool]:
        """Occurrence ``n``'s block, URL key and whether it is inside the «Transparencia» drop-down."""
        i = bisect_right(self.starts, n) - 1
        b = self.blocks[i]
        links, j = b.links, n - self.starts[i]
        if isinstance(links, PackedLinks):
            return (b, *links.placed(j))
        link = links[j]
        return b, link.key, link.tmenu

    def named(self, n: int) -> tuple[str, str, str, bool]:
        """Occurrence ``n``'s URL key, target, text and whether it names a part of the page."""
        i = bisect_right(self.starts, n) - 1
        links, j = self.blocks[i].links, n - self.starts[i]
        if isinstance(links, PackedLinks):
            return links.named(j)
        link = links[j]
        return link.key, link.target, link.text, link.fragment

    def link(self, n: int) -> Link:
        """The link of occurrence ``n``."""
        i = bisect_right(self.starts, n) - 1
        return self.blocks[i].links[n - self.starts[i]]


class Run:
    """Some occurrences (see :class:`Occurrences`) kept as numbers, read as ``(block, link)``
    pairs made while iterating: what the evidence finder keeps per target for the index's
    lifetime (one more pair per occurrence held would weigh as much as the pairs it saves)."""

    __slots__ = ("occ", "ids")

    def __init__(self, occ: Occurrences, ids: array[int]) -> None:
        self.occ = occ
        self.ids = ids

    def __len__(self) -> int:
        return len(self.ids)

    def __iter__(self) -> Iterator[Occurrence]:
        return self.occ.iter(self.ids)

    def where(self, keep: Callable[[Link], bool]) -> Run:
        """The occurrences whose link ``keep`` accepts (this run itself when it keeps them all)."""
        occ = self.occ
        blocks, starts = occ.blocks, occ.starts
        kept = array("I")
        for n in self.ids:
            b = bisect_right(starts, n) - 1
            if keep(blocks[b].links[n - starts[b]]):
                kept.append(n)
        return self if len(kept) == len(self.ids) else Run(occ, kept)


class Flat(Sequence["array[int]"]):
    """Lists of ints kept end to end in one array, with where each starts: list ``i`` read as
    a new ``array('I')``. A list of arrays weighed ~70 bytes an array besides its numbers (a
    10,000-page site's link texts: ~14,000 of them)."""

    __slots__ = ("data", "starts")

    def __init__(self, lists: Iterable[Sequence[int]]) -> None:
        self.data = data = array("I")
        self.starts = starts = array("I", (0,))
        for ids in lists:
            data.extend(ids)
            starts.append(len(data))

    def __len__(self) -> int:
        return len(self.starts) - 1

    def __getitem__(self, i: int) -> array[int]:  # type: ignore[override]
        if not 0 <= i < len(self.starts) - 1:
            raise IndexError("list index out of range")
        return self.data[self.starts[i] : self.starts[i + 1]]

    def size(self, i: int) -> int:
        """How many numbers list ``i`` has."""
        return self.starts[i + 1] - self.starts[i]


class OccurrenceLists(Sequence[list[Occurrence]]):
    """Lists of occurrences (see :class:`Occurrences`) kept as int arrays, each made a list of
    ``(block, link)`` pairs when read (a new list each time)."""

    __slots__ = ("occ", "ids")

    def __init__(self, occ: Occurrences, ids: Iterable[Sequence[int]]) -> None:
        self.occ = occ
        self.ids = Flat(ids)

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, i: int) -> list[Occurrence]:  # type: ignore[override]
        return self.occ.pairs(self.ids[i])

    def size(self, i: int) -> int:
        """How many occurrences list ``i`` has (none made)."""
        return self.ids.size(i)


class Picked(Sequence[list[Any]]):
    """Lists of values kept as the values' places in one list of them, each made a list of the
    values when read (a new list each time): a URL word's keys (``SiteIndex.urls``)."""

    __slots__ = ("values", "places")

    def __init__(self, values: Sequence[Any], places: Iterable[Sequence[int]]) -> None:
        self.values = values
        self.places = Flat(places)

    def __len__(self) -> int:
        return len(self.places)

    def __getitem__(self, i: int) -> list[Any]:  # type: ignore[override]
        return list(map(self.values.__getitem__, self.places[i]))

    def size(self, i: int) -> int:
        """How many values list ``i`` has (none made)."""
        return self.places.size(i)


Label = tuple[Page, str, str]  # (page, "title" or "section", the label as written)


class LabelLists(Sequence[list[Label]]):
    """Each label's places (``SiteIndex.labels``: a page and which of its titles or sections),
    kept as two numbers a place (the page's place in ``pages`` and kind, the label's place in the
    page's ``labels`` or ``sections``), made ``(page, kind, raw)`` triples when read (a new list
    each time). A triple a place and a list a label weighed ~4 MB at 10,000 pages."""

    __slots__ = ("pages", "places")

    def __init__(self, pages: Sequence[Page], places: Iterable[Sequence[int]]) -> None:
        self.pages = pages
        self.places = Flat(places)  # per label: (page place << 1 | is a section, label place) pairs

    def __len__(self) -> int:
        return len(self.places)

    def __getitem__(self, i: int) -> Iterator[tuple[Page, str, str]]:  # type: ignore[override]
        # made one at a time: a label many pages have (a template's «Requisitos») makes each page
        # as it is read, not all of them at once (the pages are made from rows: see paged)
        pages, places = self.pages, self.places[i]
        for n in range(0, len(places), 2):
            where, j = places[n], places[n + 1]
            page = pages[where >> 1]
            if where & 1:
                yield page, "section", page.sections[j][2]
            else:
                yield page, "title", page.labels[j][2]

    def size(self, i: int) -> int:
        """How many places label ``i`` has (none made)."""
        return self.places.size(i) // 2


class KeyedFlat(Mapping[str, "array[int]"]):
    """Lists of ints by key, kept end to end in one :class:`Flat` with a dict key -> list number:
    the value of a key read as a new ``array('I')`` (an array a key weighed ~70 bytes besides its
    numbers: a site's every link target)."""

    __slots__ = ("places", "flat")

    def __init__(self, lists: Mapping[str, Sequence[int]]) -> None:
        self.places = dict(zip(lists, range(len(lists)), strict=True))
        self.flat = Flat(lists.values())

    def __getitem__(self, key: str) -> array[int]:
        return self.flat[self.places[key]]

    def __contains__(self, key: object) -> bool:
        return key in self.places

    def __iter__(self) -> Iterator[str]:
        return iter(self.places)

    def __len__(self) -> int:
        return len(self.places)


class TargetOccurrences(Mapping[str, list[Occurrence]]):
    """Every link occurrence by target key, in index order (see :class:`Occurrences`): a read
    mapping whose values are made when read (a new list each time)."""

    __slots__ = ("occ", "ids", "embedded")

    def __init__(self, occ: Occurrences, ids: Mapping[str, Sequence[int]], embedded: set[str]) -> None:
        self.occ = occ
        self.ids = ids if isinstance(ids, KeyedFlat) else KeyedFlat(ids)  # target key -> its occurrences
        self.embedded = embedded  # the keys some occurrence of which is an embed

    def __getitem__(self, key: str) -> list[Occurrence]:
        return self.occ.pairs(self.ids[key])

    def __contains__(self, key: object) -> bool:
        return key in self.ids

    def __iter__(self) -> Iterator[str]:
        return iter(self.ids)

    def __len__(self) -> int:
        return len(self.ids)
