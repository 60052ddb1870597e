"""A parsed page's records made to weigh less, their values unchanged (one object for equal
values: see :class:`Compact`), before the page is kept as a row (``paged``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from operator import attrgetter
from types import MappingProxyType
from typing import Any

from .pages import Label, Link, Page

_NOTHING: Mapping[str, Any] = MappingProxyType({})
_link_fields = attrgetter(*Link.__slots__)  # a link's fields, in order (``Link`` has no other state)


class Compact:
    """A parsed page's records made to weigh less, their values unchanged: one object for equal
    labels, headings (each heading's text too), first links, text rules met, top images and
    section records (a section's links, the page's mapping of them: pages of a kind repeat their
    headings and sections), one ``Link`` for equal links of chrome blocks (a footer that differs
    on every page, by a visit counter, repeats its links), tuples instead of lists where nothing
    compares them to a list, and one shared empty mapping for the page's empty ones (most pages'
    «no aplica», section and dead-entry records are empty). Nothing writes to a page or a link
    once read."""

    __slots__ = ("_seen", "_lists", "_maps", "_links", "_blocks", "_intern", "_label")

    def __init__(self, intern: Callable[[str], str], label: Callable[[Label], Label]) -> None:
        # the index's interning of a string and of a label (``sys.intern``, ``pages.interned_label``)
        self._intern, self._label = intern, label
        self._seen: dict[Any, Any] = {}  # tuples and strings: the first equal one met
        self._lists: dict[tuple[str, ...], list[str]] = {}  # a section's links (read as lists)
        self._maps: dict[tuple[Any, ...], dict[str, Any]] = {}  # a page's section records, by shape
        self._links: dict[tuple[Any, ...], Link] = {}  # a chrome link's fields -> the first such link
        # the chrome blocks already made to share their links (a block is shared by the pages that
        # show it; every parsed page, and so its blocks, is kept while the pages are read)
        self._blocks: set[int] = set()

    def __call__(self, page: Page) -> None:
        seen, intern, interned_label = self._seen, self._intern, self._label
        one = seen.setdefault
        # The page's address, title and the texts of its labels and headings are one string each
        # with the equal link targets and texts of the index (``LinkStrings`` interns those): the
        # page's URL is a link's target on the page that links it, a heading is its h1 label's or
        # a section's raw text, the title its first label's.
        page.url, page.title = intern(page.url), intern(page.title)
        page.labels = one(t := tuple([one(x, x) for x in map(interned_label, page.labels)]), t)  # type: ignore[assignment]
        page.sections = one(t := tuple([one(x, x) for x in map(interned_label, page.sections)]), t)  # type: ignore[assignment]
        page.headings = one(t := tuple(map(intern, page.headings)), t)  # type: ignore[assignment]
        page.first_keys = one(page.first_keys, page.first_keys)
        page.text_hits = one(page.text_hits, page.text_hits)
        page.dead = one(t := tuple([one(x, x) for x in page.dead]), t)  # type: ignore[assignment]
        page.top_images = one(t := tuple([one(x, x) for x in page.top_images]), t)
        page.no_aplica = self._mapping(page.no_aplica, lambda v: one(v, v))  # type: ignore[assignment]
        page.only_links = self._mapping(page.only_links, self._list)  # type: ignore[assignment]
        page.section_keys = self._mapping(page.section_keys, self._list)  # type: ignore[assignment]
        page.notices = self._mapping(page.notices, lambda v: one(v, v))  # type: ignore[assignment]
        for block in page.blocks:
            if block.region and type(block.links) is tuple and id(block) not in self._blocks:
                self._blocks.add(id(block))
                block.links = tuple([self._link(x) for x in block.links])

    def _link(self, link: Link) -> Link:
        """One ``Link`` for equal links (all their fields equal, strings interned as the packed
        links' are: one with the equal page URLs, titles and headings)."""
        intern = self._intern
        fields = tuple([intern(v) if type(v) is str else v for v in _link_fields(link)])
        got = self._links.get(fields)
        if got is None:
            got = self._links[fields] = Link(*fields)
        return got

    def _list(self, keys: list[str]) -> list[str]:
        """One list for equal lists of strings (the markers, ``[EMPTY_SECTION]``…, included)."""
        one = self._seen.setdefault
        t = tuple([one(k, k) for k in keys])
        got = self._lists.get(t)
        if got is None:
            got = self._lists[t] = list(t)
        return got

    def _mapping(self, record: dict[str, Any], value: Any) -> Mapping[str, Any]:
        """One mapping for equal records (the shared empty one for an empty record)."""
        if not record:
            return _NOTHING
        one = self._seen.setdefault
        items = tuple([(one(k, k), value(v)) for k, v in record.items()])
        shape = tuple([(k, id(v)) for k, v in items])  # values are the shared ones: by identity
        got = self._maps.get(shape)
        if got is None:
            got = self._maps[shape] = dict(items)
        return got
