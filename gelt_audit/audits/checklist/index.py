"""The site index: every crawled page parsed once and indexed (labels, link texts, URL words,
link targets, depth, the transparency menu, chrome placements, footers) for all items of all
profiles."""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from sys import intern
from types import MappingProxyType
from typing import Any
from urllib.parse import unquote

from gelt_audit.linkstate import LINK_STATES
from gelt_audit.markup import strip_fragment

from .buttons import document_button, generic_text
from .carry import Carry, decode, encode
from .chrome import TRANSPARENCY, is_public_information
from .contents import DEAD_ENTRIES, SCRIPTED, SHOWN_EMPTY
from .model import PageDoc, Rule
from .packed import LabelLists, OccurrenceLists, Occurrences, Picked, TargetOccurrences, index_rows, link_keys
from .pages import Block, Link, Page, Status, interned_label, title_labels
from .parse import Builder, ParseCache, TextProbe, probe, probe_match
from .phrases import PhraseIndex
from .template_links import template_keys
from .text import count_words, fold, label_match, text_norm
from .urls import is_doc_key, is_news_key, path_norm, path_norms, url_key


@dataclass
class SiteIndex:
    """Every crawled page parsed once, indexed for all checklist items (reuse across profiles)."""

    home_url: str
    site_host: str
    pages: list[Page]
    status: dict[str, Status]
    blocks: list[Block]
    labels: PhraseIndex
    link_texts: PhraseIndex
    urls: PhraseIndex
    targets: TargetOccurrences  # target key -> its (block, link) occurrences, made when read
    link_states: dict[str, str]
    home: Page | None
    depth: dict[str, int]
    menu_keys: set[str]
    menu_prefixes: tuple[str, ...]
    placements: dict[str, set[str]]
    footers: dict[str, array[int]]
    probes: tuple[TextProbe, ...] | None = None  # the text rules answered per page (None: pages keep their text)
    # text rule -> the pages that meet it (those of ``probes``, and the others once asked)
    text_hits: dict[TextProbe, list[Page]] = field(default_factory=dict)
    # what the evidence finder derives from the index alone, kept for every profile judged on it
    memo: dict[str, dict[Any, Any]] = field(default_factory=dict)
    # the mapping ``link_states`` was made from (evaluate merges no second copy of the same one)
    link_source: Mapping[str, str] | None = None
    # the URLs of the pages that are the home page under another address (:func:`home_aliases`)
    home_aliases: frozenset[str] = frozenset()

    def is_home(self, page: Page | None) -> bool:
        """Whether ``page`` is the start page a person lands on: the home page, or the home page
        under another address (``home_aliases``: ``/index.html`` serving what ``/`` serves)."""
        return page is not None and (page is self.home or page.url in self.home_aliases)

    def text_pages(self, rule: Rule) -> list[Page]:
        """The pages whose own labels (``on_title``) and main text meet a text rule."""
        question = probe(rule)
        pages = self.text_hits.get(question)
        if pages is None:
            if self.probes is not None:
                raise ValueError(f"regla de texto no indexada (falta en text_rules de index_site): {rule}")
            pages = [p for p in self.pages if probe_match(question, p.labels + p.sections, p.main_fold)]
            self.text_hits[question] = pages
        return pages


def index_site(
    pages: Iterable[PageDoc],
    *,
    home_url: str,
    link_states: Mapping[str, str] | None = None,
    text_rules: Iterable[Rule] | None = None,
    cache: ParseCache | None = None,
    carry: Carry | None = None,
) -> SiteIndex:
    """Parse every page once and build the indexes :func:`evaluate` needs.

    Pass the result to :func:`evaluate` instead of the pages to judge several profiles without
    parsing twice. With ``text_rules`` (see :func:`text_rules`) each page is judged against them
    while parsed and its text is not kept (most of a big site's memory); only those text rules
    can then be evaluated. ``cache`` (with ``text_rules``; pages with a ``body_hash``) keeps each
    page's parse: a page seen before with the same body and URL is not parsed again. With the
    cache, ``carry`` gives the pages the previous crawl's index kept whose body and URL are
    unchanged, without reading their cached parses, and keeps this crawl's (see :mod:`.carry`).
    """
    probes = tuple(dict.fromkeys(probe(r) for r in text_rules)) if text_rules is not None else None
    builder = Builder(home_url, probes, cache)
    carried = decode(carry, builder.version) if builder.cache is not None else None
    builder.carried = carried
    if carried is not None:  # its pages' links are numbers into its strings: this index's begin so
        builder.strings = carried.strings
    parsed, status = _read_pages(pages, builder)
    forget_parse_caches()
    builder.carried = None
    if carried is not None:
        carried.release()
    ok_pages = [p for p in parsed if status.get(p.key) is not None and status[p.key].page is p]
    blocks = _live_blocks(parsed, {p.idx for p in ok_pages})
    known = carried.norms if carried is not None else {}
    labels, link_texts, urls, targets, tmenu, norms = _phrase_indexes(ok_pages, blocks, status, known)
    forget_parse_caches()  # the URL words of every key (path_norm) and the labels' texts, again
    if carry is not None and carry.save is not None and builder.cache is not None:
        listing = encode(
            parsed, builder.origins, builder.version, carry.name, carried, norms, builder.strings, carry.put
        )
        carry.save(*listing)
    del carried, known, norms
    builder.strings.done()
    home = _home(home_url, status, ok_pages)
    placements = _placements(blocks, home)
    for p in ok_pages:  # only the home page's first links are read (its top bar: placements)
        if p is not home:
            p.first_keys = ()
    depth = _bfs(home, {p.idx: p for p in ok_pages}, status)
    for p in ok_pages:
        if p.key not in depth and p.depth_hint is not None:
            depth[p.key] = p.depth_hint
    aliases = home_aliases(home, ok_pages)
    template = template_keys(home, ok_pages)
    menu_keys, prefixes = _transparency_menu(home, labels, status, tmenu, frozenset(map(url_key, aliases)), template)
    text_hits: dict[TextProbe, list[Page]] = {question: [] for question in probes or ()}
    for p in ok_pages:
        for i in p.text_hits:
            text_hits[probes[i]].append(p)  # type: ignore[index]
    return SiteIndex(
        home_url=home_url,
        site_host=builder.site_host,
        pages=ok_pages,
        status=status,
        blocks=blocks,
        labels=labels,
        link_texts=link_texts,
        urls=urls,
        targets=targets,
        link_states=_link_states(link_states),
        home=home,
        depth=depth,
        menu_keys=menu_keys,
        menu_prefixes=prefixes,
        placements=placements,
        footers=_footers(blocks),
        probes=probes,
        text_hits=text_hits,
        link_source=link_states,
        home_aliases=aliases,
    )


# What parsing a site fills, one entry per distinct URL, link text or URL key, up to 200,000 each:
# a 10,000-page site's filled them with ~8 MB of entries (more at 50,000), held to the process's
# end. The parse reuses them page after page; what is built after it reads few of them again.
_PARSE_CACHES = (url_key, path_norm, is_doc_key, is_news_key, text_norm, generic_text, document_button)


def forget_parse_caches() -> None:
    """Empty the caches the pages' parse filled (they are of pure functions: nothing but time
    changes when one is made again)."""
    for f in _PARSE_CACHES:
        f.cache_clear()


def _read_pages(pages: Iterable[PageDoc], builder: Builder) -> tuple[list[Page], dict[str, Status]]:
    """Every HTML page parsed, and the status of every URL (a page wins over a bare answer, a
    working answer over a broken one; a "soft 404" page counts as a 404)."""
    parsed: list[Page] = []
    status: dict[str, Status] = {}
    moved: dict[str, str] = {}  # redirected URL key -> the key it sends to
    compact = _Compact()
    for doc in pages:
        url = intern(doc.url)  # one string with the page's and the links' (``_Compact``)
        key = url_key(strip_fragment(url))
        page = None
        if doc.has_html and doc.status < 400 and "html" in (doc.content_type or "text/html").lower():
            page = builder.parse(doc, len(parsed))
            if page is not None:
                compact(page)
            if page is not None and page.soft404:
                parsed.append(page)  # keeps block indexes consistent; never evidence
                status[key] = Status(url, 404, doc.fetched_at, None)
                continue
            if page is not None:
                parsed.append(page)
        prev = status.get(key)
        if prev is None or (prev.page is None and page is not None) or (prev.status >= 400 and doc.status < 400):
            status[key] = Status(url, doc.status, doc.fetched_at, page)
            if doc.location and 300 <= doc.status < 400 and page is None:
                moved[key] = url_key(strip_fragment(doc.location))
    _follow_redirects(status, moved)
    return parsed, status


_NOTHING: Mapping[str, Any] = MappingProxyType({})
_link_fields = attrgetter(*Link.__slots__)  # a link's fields, in order (``Link`` has no other state)


class _Compact:
    """A parsed page's records made to weigh less, their values unchanged: one object for equal
    labels, headings (each heading's text too), first links, text rules met, top images and
    section records (a section's links, the page's mapping of them: pages of a kind repeat their
    headings and sections), one ``Link`` for equal links of chrome blocks (a footer that differs
    on every page, by a visit counter, repeats its links), tuples instead of lists where nothing
    compares them to a list, and one shared empty mapping for the page's empty ones (most pages'
    «no aplica», section and dead-entry records are empty). Nothing writes to a page or a link
    once read."""

    __slots__ = ("_seen", "_lists", "_maps", "_links", "_blocks")

    def __init__(self) -> None:
        self._seen: dict[Any, Any] = {}  # tuples and strings: the first equal one met
        self._lists: dict[tuple[str, ...], list[str]] = {}  # a section's links (read as lists)
        self._maps: dict[tuple[Any, ...], dict[str, Any]] = {}  # a page's section records, by shape
        self._links: dict[tuple[Any, ...], Link] = {}  # a chrome link's fields -> the first such link
        # the chrome blocks already made to share their links (a block is shared by the pages that
        # show it; every parsed page, and so its blocks, is kept while the pages are read)
        self._blocks: set[int] = set()

    def __call__(self, page: Page) -> None:
        seen = self._seen
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


REDIRECT_HOPS = 5


def _follow_redirects(status: dict[str, Status], moved: Mapping[str, str]) -> None:
    """A redirected URL answers what its last hop answers (a browser shows the page it lands on): a
    menu entry to «consultaEntrada.php?id=7», which redirects to the home page, opens the home page."""
    for key, to in moved.items():
        seen = {key}
        while to in moved and to not in seen and len(seen) <= REDIRECT_HOPS:
            seen.add(to)
            to = moved[to]
        last = status.get(to)
        if last is not None and to not in moved:
            st = status[key]
            status[key] = Status(st.url, last.status, st.fetched_at, last.page)


def _live_blocks(parsed: list[Page], ok_ids: set[int]) -> list[Block]:
    """The distinct blocks of the pages that count, each listing only those pages."""
    blocks: list[Block] = []
    seen_blocks: set[int] = set()
    for p in parsed:
        if p.idx not in ok_ids:
            continue
        for b in p.blocks:
            if id(b) not in seen_blocks:
                seen_blocks.add(id(b))
                b.pages = array("I", [i for i in b.pages if i in ok_ids])  # type: ignore[assignment]
                blocks.append(b)
    return blocks


def site_taglines(pages: Sequence[Page]) -> set[str]:
    """The ``<title>`` labels (whole titles and segments) that most of the site's pages share: the
    site's name or slogan («Portal Oficial | Transparencia y Participación Ciudadana» on every page
    of a single-page application that never changes its title), which says what the site is, not
    what a page is about. Shared by more than half of the pages, and by three at least."""
    if len(pages) < 3:
        return set()
    counts: dict[str, int] = {}
    for p in pages:
        for n in {n for n, _w, _raw in title_labels(p.title)}:
            counts[n] = counts.get(n, 0) + 1
    least = max(3, len(pages) // 2 + 1)
    return {n for n, c in counts.items() if c >= least}


def _phrase_indexes(
    ok_pages: list[Page], blocks: list[Block], status: Mapping[str, Status], known: Mapping[str, Sequence[str]]
) -> tuple[PhraseIndex, PhraseIndex, PhraseIndex, TargetOccurrences, set[str], dict[str, Sequence[str]]]:
    """The searchable labels (titles, h1, sections), link texts and URL words, every link
    occurrence by target, the targets linked from inside a "Transparencia" drop-down, and the
    words of each URL key (``known`` has those of keys met before: carried, not made again).
    Link occurrences are kept as numbers (see :class:`Occurrences`), not pairs."""
    labels, link_texts, urls = PhraseIndex(), PhraseIndex(), PhraseIndex()
    taglines = site_taglines(ok_pages)
    places: list[array[int]] = []  # per label: (page place << 1 | is a section, label place) pairs
    for where, p in enumerate(ok_pages):
        # the site's name or slogan in every page's <title> is no page's subject (unless the page
        # also says it beyond its title)
        shared = taglines - {n for n, _w, _raw in p.labels[len(title_labels(p.title)) :]} if taglines else taglines
        for kind, own in ((0, p.labels), (1, p.sections)):
            for j, (n, w, _raw) in enumerate(own):
                if kind == 0 and n in shared:
                    continue
                i = labels.string_id(n, w)
                if i == len(places):
                    places.append(array("I"))
                places[i].extend((where << 1 | kind, j))
    labels.payloads = LabelLists(ok_pages, places)  # type: ignore[assignment]
    del places
    occ = Occurrences(blocks)
    text_ids: dict[str, array[int]] = {}  # link text -> its occurrences (text_occ, by link_texts' order)
    text_occ: list[array[int]] = []
    target_occ: dict[str, array[int]] = {}
    tmenu: set[str] = set()
    embedded: set[str] = set()
    n = 0
    for b in blocks:
        for norm, nwords, key, embed, in_tmenu in index_rows(b.links):
            if not embed:
                ids = text_ids.get(norm)
                if ids is None:
                    link_texts.string_id(norm, nwords)
                    ids = text_ids[norm] = array("I")
                    text_occ.append(ids)
                ids.append(n)
            else:
                embedded.add(key)
            same = target_occ.get(key)
            if same is None:
                target_occ[key] = array("I", (n,))
            else:
                same.append(n)
            if in_tmenu:
                tmenu.add(key)
            n += 1
    link_texts.payloads = OccurrenceLists(occ, text_occ)  # type: ignore[assignment]
    del text_ids, text_occ  # kept end to end in ``link_texts.payloads``
    targets = TargetOccurrences(occ, target_occ, embedded)
    del target_occ  # kept end to end in ``targets``
    norms: dict[str, Sequence[str]] = {}
    keys = list(set(status) | set(targets))
    url_keys: list[array[int]] = []  # per URL word: its keys' places in ``keys``
    for n, key in enumerate(keys):
        words = known.get(key)
        if words is None:
            words = path_norms(key)
        norms[key] = words
        for w in words:
            if w:
                i = urls.string_id(w, 0)
                if i == len(url_keys):
                    url_keys.append(array("I"))
                url_keys[i].append(n)
    urls.payloads = Picked(keys, url_keys)  # type: ignore[assignment]
    del url_keys
    labels.build()
    link_texts.build()
    urls.build()
    return labels, link_texts, urls, targets, tmenu, norms


def _link_states(link_states: Mapping[str, str] | None) -> dict[str, str]:
    """The link checker's states by URL key (a state it does not know is an error)."""
    states: dict[str, str] = {}
    for u, s in (link_states or {}).items():
        if s not in LINK_STATES:
            raise ValueError(f"link_states: estado {s!r} no válido para {u}; válidos: {', '.join(LINK_STATES)}")
        states[url_key(strip_fragment(u))] = s
    return states


def _home(home_url: str, status: Mapping[str, Status], ok_pages: list[Page]) -> Page | None:
    """The home page: the configured URL's, else the crawl's depth 0, else the first page."""
    home_key = url_key(strip_fragment(home_url))
    home = status[home_key].page if home_key in status and status[home_key].page else None
    if home is None:
        zero = [p for p in ok_pages if p.depth_hint == 0]
        home = zero[0] if zero else (ok_pages[0] if ok_pages else None)
    return home


def _placements(blocks: list[Block], home: Page | None) -> dict[str, set[str]]:
    """Where each target is linked from in the site's chrome (header, footer, nav); the home
    page's first links count as its top bar."""
    placements: dict[str, set[str]] = {}
    for b in blocks:
        if b.region:
            for link in b.links:
                placements.setdefault(link.key, set()).add(b.region)
    if home is not None:
        for k in home.first_keys:
            placements.setdefault(k, set()).add("header")
    return placements


def _footers(blocks: list[Block]) -> dict[str, array[int]]:
    """Each distinct footer text and the pages that show it (an int array: every page shows one)."""
    footers: dict[str, array[int]] = {}
    for b in blocks:
        if b.region == "footer" and b.footer:
            footers.setdefault(b.footer, array("I")).extend(b.pages)
    return footers


def _bfs(home: Page | None, by_idx: Mapping[int, Page], status: Mapping[str, Status]) -> dict[str, int]:
    """Clicks from the home page to every target, following the links of the pages reached."""
    depth: dict[str, int] = {}
    if home is None:
        return depth
    depth[home.key] = 0
    frontier = [home]
    expanded: set[int] = set()
    d = 0
    while frontier:
        d += 1
        nxt: list[Page] = []
        for p in frontier:
            for b in p.blocks:
                if id(b) in expanded:
                    continue
                expanded.add(id(b))
                for key in link_keys(b.links):
                    if key in depth:
                        continue
                    depth[key] = d
                    st = status.get(key)
                    if st is not None and st.page is not None and st.page.idx in by_idx:
                        nxt.append(st.page)
        frontier = nxt
    return depth


def _transparency_prefix(key: str, inside: bool = False) -> str:
    """The path prefix up to the first segment that says «transparencia» (``host/transparencia/``),
    or ""; with ``inside``, only when the key goes deeper than that segment."""
    host, _, path = key.partition("/")
    segs = path.split("?", 1)[0].split("/")
    for i, s in enumerate(segs):
        if "transparencia" in fold(unquote(s)):
            return host + "/" + "/".join(segs[: i + 1]) + "/" if not inside or i + 1 < len(segs) else ""
    return ""


def _transparency_menu(
    home: Page | None,
    labels: PhraseIndex,
    status: Mapping[str, Status],
    tmenu: set[str],
    aliases: frozenset[str] = frozenset(),
    template: frozenset[str] = frozenset(),
) -> tuple[set[str], tuple[str, ...]]:
    """What counts as under the "Transparencia" menu: the keys of the menu pages and of the pages they link
    to (two levels), and the path prefixes of the menu pages (``/transparencia/``). ``aliases``: the keys of
    the home page under other addresses (class 1421); ``template``: what nearly every page links (class 2173)."""
    roots: dict[str, Page] = {}
    headed: set[str] = set()  # the links of a menu headed «Transparencia» on a page
    for phrase, slack in ((TRANSPARENCY[0], 4), (TRANSPARENCY[1], 2)):
        for i in labels.find(phrase):
            if labels.nwords[i] - count_words(phrase) > slack:
                continue
            for p, kind, raw in labels.payloads[i]:
                if kind == "title" and not p.is_news:
                    roots[p.key] = p
                elif kind == "section" and p.only_links.get(raw, [DEAD_ENTRIES]) not in (*SHOWN_EMPTY, [SCRIPTED]):
                    headed.update(p.only_links[raw])
    if home is not None:
        for b in home.blocks:
            for link in b.links:
                if (
                    label_match(TRANSPARENCY[0], link.norm, link.nwords, 4)
                    or label_match(TRANSPARENCY[1], link.norm, link.nwords, 2)
                    or is_public_information(link.norm, link.nwords)
                ):
                    st = status.get(link.key)
                    if st is not None and st.page is not None and not st.page.is_news:
                        roots[st.page.key] = st.page
    home_key = home.key if home else ""
    # The start page is the menu itself only when its own address says so (an audit started at
    # the Transparencia hub, /transparencia.php); a home page titled with the word is not.
    home_is_hub = bool(home_key) and "transparencia" in fold(unquote(home_key.partition("/")[2].split("?", 1)[0]))
    home_keys = {home_key, *aliases} if home_key else set()
    if not home_is_hub:
        for key in home_keys:
            roots.pop(key, None)
    elif home is not None:
        roots[home_key] = home
    menu: set[str] = set(roots)
    prefixes = [pre for key in roots if (pre := _transparency_prefix(key))]
    # A menu headed «Transparencia» (a block of only links, as a CMS draws its «Transparencia»
    # menu beside the content, with no page of that name): its links are the menu's sections, and
    # the path they share that says «transparencia» (/transparencia/…) is the menu's, as a
    # Transparencia page's own path is.
    shared = [pre for key in headed if (pre := _transparency_prefix(key, inside=True))]
    prefixes += sorted({pre for pre in shared if shared.count(pre) >= 2})
    # Level 1: content links of the menu pages and every link inside a "Transparencia" drop-down.
    level1: set[str] = set()
    own = frozenset() if home_is_hub else template  # a hub that is the home page: its links are its own
    for p in roots.values():
        for b in p.blocks:
            if not b.region:
                level1.update(k for k in link_keys(b.links) if k not in own)
    level1 |= tmenu | headed
    if not home_is_hub:
        level1 -= home_keys
    menu |= level1
    # Level 2: content links of the section pages.
    for key in list(level1):
        st = status.get(key)
        if st is None or st.page is None:
            continue
        for b in st.page.blocks:
            if not b.region:
                menu.update(k for k in link_keys(b.links) if k not in own)
    if not home_is_hub:
        menu -= home_keys
    return menu, tuple(dict.fromkeys(prefixes))  # one per path: a thousand menu pages share /transparencia/


def _signature(page: Page) -> tuple:
    """What a person sees of a page, to tell whether two addresses serve the same one."""
    return (
        page.title,
        tuple(page.headings),
        tuple(page.labels),
        tuple(page.sections),
        page.text_hits,
        page.empty,
        tuple(tuple((link.key, link.text) for link in b.links) for b in page.blocks),
    )


def home_aliases(home: Page | None, pages: Iterable[Page]) -> frozenset[str]:
    """The URLs of the pages that are the home page under another address (``/home``, ``/index.php``,
    ``/index.html`` serving the very page ``/`` serves): the same title, headings, sections, text
    rules met and links of every block. Not for a home page a script builds (every page of such a
    site is the same blank shell) nor a page with no heading and no link (nothing to tell apart)."""
    if home is None or home.shell or home.loading:
        return frozenset()
    sig = _signature(home)
    if not (sig[1] or any(sig[-1])):
        return frozenset()
    return frozenset(
        p.url
        for p in pages
        if p is not home
        and p.key != home.key
        and p.title == home.title
        and p.headings == home.headings
        and _signature(p) == sig
    )
