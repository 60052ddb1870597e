"""The site index's pages kept packed: columns of numbers and shared values, a :class:`Page` made
when one is asked for by its number (issue 21, H212).

A 50,000-page site's index held a ``Page`` object a page, with its lists, tuples and mappings,
alive from its parse to the end of the judging: ~600 bytes of objects a page beyond its links,
and the pages' objects interleaved with the parse's short-lived ones in the allocator's arenas.
The judges read all pages' numbers and URLs only; everything else they read of a few candidate
pages. Here each page, as soon as it is parsed, becomes a row: its URL, key, fetch time and title
in lists (strings shared with the links'), its depth and flags in arrays, and every other field
as a reference to a shared value in one list (a page's labels, headings, sections and records are
the same objects for the pages that repeat them: see ``compact``); its blocks as numbers into the
blocks.

A page asked for again while a caller still holds it is the same object (a weak cache: ``is``
keeps its meaning), and the last few asked are kept (a small ring), so a judge that reads the
same candidate twice does not make it twice. Nothing writes to a page once it is read.

In a site of at most ``HOLD`` pages, every page asked for stays made until the store goes
(H261): the judges and the index's walks read the same pages again and again (the weekly audit
of a 10,000-page site made 143,000 pages from their rows, ~14 a page, ~0.5 s of its CPU: a ring
of 64 keeps nothing between two passes over the site). A made page is a small object (its
values are the store's, shared): +4 MB at the peak of that weekly audit. A larger site's pages
are made again as before, so the memory of a 50,000-page audit does not grow.
"""

from __future__ import annotations

import weakref
from array import array
from bisect import insort
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, overload

from .pages import Block, Page

RECENT = 64  # pages kept made besides those a caller holds
# the most pages a store keeps made once asked for (all of them, or none past it)
HOLD = 16_384
# a page's fields kept as references to shared values, in this order
_SHARED = (
    "labels", "sections", "headings", "empty", "text_hits", "no_aplica", "only_links", "dead", "section_keys",
    "loading", "top_images", "notices",
)  # fmt: skip
_WIDTH = len(_SHARED)
_NEWS, _SOFT404, _SCRIPTS, _SHELL = 1, 2, 4, 8
_NO_DEPTH = -1


class PageStore:
    """Every parsed page of a site index, by its number (``Page.idx``: its place here)."""

    __slots__ = (
        "urls", "keys", "fetched", "titles", "folds", "first", "_depth", "_flags", "_shared", "_open",
        "_blocks", "_block_ids", "_block_of", "_ends", "_weak", "_recent", "_next", "_held", "made",
    )  # fmt: skip

    def __init__(self) -> None:
        self.urls: list[str] = []
        self.keys: list[str] = []
        self.fetched: list[str] = []
        self.titles: list[str] = []
        self.folds: list[str] = []  # the main text, kept only when the text rules are not known
        self.first: list[tuple[str, ...]] = []  # the first links' keys (only the home page's are kept)
        self._depth = array("i")
        self._flags = bytearray()
        # _WIDTH references a page, end to end in one list: the values themselves, which ``compact``
        # made one object for equal ones. Numbering them here (a dict from each value's identity to
        # its number) made two int objects and a dict entry a value while the pages were read, ~14
        # MB at 50,000 pages among the rows kept, freed after the reading: holes the index kept
        # (issue 21, H298)
        self._shared: list[Any] = []
        self._open = True
        self._blocks: list[Block] = []  # every block a page has, by number
        # id(block) -> its number, for the blocks pages share (a page's own block is met once)
        self._block_ids: dict[int, int] | None = {}
        self._block_of = array("I")  # the pages' block numbers, end to end
        self._ends = array("I")  # where each page's block numbers end in _block_of
        self._weak: weakref.WeakValueDictionary[int, Page] = weakref.WeakValueDictionary()
        self._recent: list[Page | None] = [None] * RECENT
        self._next = 0
        self._held: dict[int, Page] = {}  # the pages asked for, by number (a site of at most HOLD)
        self.made = 0  # pages made from their rows (for the bench and the tests)

    def __len__(self) -> int:
        return len(self.urls)

    def add(self, page: Page) -> None:
        """Keep a parsed page as a row (its number must be the next one); the object is not kept."""
        if not self._open:
            raise RuntimeError("PageStore cerrado: no recibe más páginas")
        if page.idx != len(self.urls):
            raise ValueError(f"página {page.idx} fuera de orden (se esperaba {len(self.urls)})")
        self.urls.append(page.url)
        self.keys.append(page.key)
        self.fetched.append(page.fetched_at)
        self.titles.append(page.title)
        self.folds.append(page.main_fold)
        self.first.append(page.first_keys)
        self._depth.append(_NO_DEPTH if page.depth_hint is None else page.depth_hint)
        self._flags.append(
            (_NEWS if page.is_news else 0)
            | (_SOFT404 if page.soft404 else 0)
            | (_SCRIPTS if page.scripts else 0)
            | (_SHELL if page.shell else 0)
        )
        self._shared.extend([getattr(page, name) for name in _SHARED])
        self._block_of.extend([self._block(b) for b in page.blocks])
        self._ends.append(len(self._block_of))

    def _block(self, block: Block) -> int:
        ids = self._block_ids
        if ids is None:
            raise RuntimeError("PageStore cerrado: no recibe más páginas")
        if type(block.pages) is tuple:  # a page's own block (``Block.pages``): no other page has it
            self._blocks.append(block)
            return len(self._blocks) - 1
        n = ids.get(id(block))
        if n is None:
            n = ids[id(block)] = len(self._blocks)
            self._blocks.append(block)
        return n

    def close(self) -> None:
        """No more pages: drop what finding shared blocks needed."""
        self._block_ids = None
        self._open = False

    def keep_first(self, idx: int | None) -> None:
        """Forget every page's first links but page ``idx``'s (only the home page's are read)."""
        for i in range(len(self.first)):
            if i != idx and self.first[i]:
                self.first[i] = ()
        for page in [*self._weak.values(), *self._held.values()]:  # those already made say the same
            if page.idx != idx:
                page.first_keys = ()

    def depth_hint(self, idx: int) -> int | None:
        """The crawl's depth of page ``idx`` (no page made)."""
        d = self._depth[idx]
        return None if d == _NO_DEPTH else d

    def block_numbers(self, idx: int) -> array[int]:
        """The numbers of page ``idx``'s blocks (see :meth:`block`)."""
        return self._block_of[self._ends[idx - 1] if idx else 0 : self._ends[idx]]

    def block(self, n: int) -> Block:
        """Block number ``n``."""
        return self._blocks[n]

    def page(self, idx: int) -> Page:
        """Page ``idx``, made from its row unless it is held or a caller still holds it."""
        got = self._held.get(idx)
        if got is not None:
            return got
        got = self._weak.get(idx)
        if not self._open and len(self.urls) <= HOLD:  # every page of a small site, once closed
            self._held[idx] = got if got is not None else self._make(idx)
            return self._held[idx]
        if got is None:
            got = self._make(idx)
            self._weak[idx] = got
        self._recent[self._next] = got
        self._next = (self._next + 1) % RECENT
        return got

    def _make(self, idx: int) -> Page:
        self.made += 1
        at = idx * _WIDTH
        labels, sections, headings, empty, hits, no_aplica, only, dead, ways, loading, top, notices = self._shared[
            at : at + _WIDTH
        ]
        flags = self._flags[idx]
        blocks = [self._blocks[n] for n in self.block_numbers(idx)]
        return Page(
            idx, self.urls[idx], self.keys[idx], self.fetched[idx], self.depth_hint(idx), self.titles[idx], labels,
            sections, headings, bool(flags & _NEWS), empty, bool(flags & _SOFT404), self.folds[idx], blocks,
            self.first[idx], hits, no_aplica, only, dead, ways, loading, bool(flags & _SCRIPTS),
            bool(flags & _SHELL), top, notices,
        )  # fmt: skip


class PageList(Sequence[Page]):
    """Some pages of a :class:`PageStore` (the index's pages that count, a text rule's pages…),
    in order, each made when read; ``ids`` their numbers."""

    __slots__ = ("store", "ids")

    def __init__(self, store: PageStore, ids: Iterable[int]) -> None:
        self.store = store
        self.ids = ids if isinstance(ids, array) else array("I", ids)

    def __len__(self) -> int:
        return len(self.ids)

    @overload
    def __getitem__(self, i: int) -> Page: ...
    @overload
    def __getitem__(self, i: slice) -> PageList: ...
    def __getitem__(self, i: int | slice) -> Page | PageList:
        if isinstance(i, slice):
            return PageList(self.store, self.ids[i])
        return self.store.page(self.ids[i])

    def __iter__(self) -> Iterator[Page]:
        page = self.store.page
        for i in self.ids:
            yield page(i)

    def urls(self) -> Iterator[str]:
        """These pages' URLs, in order (none made)."""
        urls = self.store.urls
        return (urls[i] for i in self.ids)

    def only(self, keep: Iterable[int]) -> PageList:
        """These pages' numbers that are in ``keep`` (a set), in order."""
        keep = keep if isinstance(keep, (set, frozenset, Mapping)) else set(keep)
        return PageList(self.store, [i for i in self.ids if i in keep])


class PagesByNumber(Mapping[int, Page]):
    """The pages of a :class:`PageList` by their number (``Finder.by_idx``), each made when read."""

    __slots__ = ("store", "_in")

    def __init__(self, pages: PageList) -> None:
        self.store = pages.store
        self._in = bytearray(len(pages.store))
        for i in pages.ids:
            self._in[i] = 1

    def __getitem__(self, idx: int) -> Page:
        if not (0 <= idx < len(self._in) and self._in[idx]):
            raise KeyError(idx)
        return self.store.page(idx)

    def __contains__(self, idx: object) -> bool:
        return type(idx) is int and 0 <= idx < len(self._in) and bool(self._in[idx])

    def __len__(self) -> int:
        return self._in.count(1)

    def __iter__(self) -> Iterator[int]:
        return (i for i, there in enumerate(self._in) if there)


def first_each(found: Iterable[tuple[Page, str]], n: int, keep: Callable[[Page], bool]) -> Iterator[tuple[int, str]]:
    """The number of each page met in ``found`` (pages of a store of ``n``) that ``keep`` accepts,
    with its first description, in the order met; no page held (a set of numbers in a bytearray)."""
    seen = bytearray(n)
    for page, describe in found:
        i = page.idx
        if not seen[i] and keep(page):
            seen[i] = 1
            yield i, describe


def depth_order(store: PageStore, depth: Callable[[str, int | None], int | None]) -> Callable[[int], tuple[int, str]]:
    """The order evidence pages are shown in, by number: shallowest first (``depth(key, hint)``, the
    finder's clicks from the home page; 99 unknown), then by URL (read from the columns: none made)."""
    keys, urls, hint = store.keys, store.urls, store.depth_hint
    return lambda i: (depth(keys[i], hint(i)) or 99, urls[i])


class Shallowest:
    """Which pages, met one by one, are still among the ``n`` first by ``order`` of the distinct
    pages met so far: those :func:`nsmallest` keeps at the end of the same pages. A page left out
    (or pushed out) can never come back, for the ``n``-th page only gets shallower: what a caller
    keeps of each page met it keeps for ``n`` pages, not for every page a rule meets (issue 21,
    H305)."""

    __slots__ = ("n", "order", "_kept", "_in", "_met")

    def __init__(self, n: int, order: Callable[[int], tuple[int, str]]) -> None:
        self.n, self.order = n, order
        # (order, when met, number), sorted: equal orders keep the first met, as ``nsmallest`` does
        self._kept: list[tuple[tuple[int, str], int, int]] = []
        self._in: set[int] = set()
        self._met = 0

    def admit(self, i: int) -> tuple[bool, int]:
        """Whether page ``i`` is among them now, and the number of the page it pushed out (-1)."""
        if i in self._in:
            return True, -1
        self._met += 1
        key = (self.order(i), self._met, i)
        kept = self._kept
        if len(kept) == self.n and key >= kept[-1]:
            return False, -1
        insort(kept, key)
        self._in.add(i)
        if len(kept) <= self.n:
            return True, -1
        out = kept.pop()[2]
        self._in.discard(out)
        return True, out
