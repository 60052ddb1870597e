"""The site index: every crawled page parsed once and indexed (labels, link texts, URL words,
link targets, depth, the transparency menu, chrome placements, footers) for all items of all
profiles."""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from sys import intern
from typing import Any
from urllib.parse import unquote

from gelt_audit.linkstate import LINK_STATES
from gelt_audit.markup import strip_fragment

from .buttons import document_button, generic_text
from .carry import Carry, decode, encode
from .chrome import TRANSPARENCY, is_public_information
from .compact import Compact
from .contents import DEAD_ENTRIES, SCRIPTED, SHOWN_EMPTY
from .model import PageDoc, Rule
from .packed import LabelLists, OccurrenceLists, Occurrences, Picked, TargetOccurrences, index_rows, link_keys
from .paged import PageList, PagesByNumber, PageStore
from .pages import Block, Page, Status, interned_label, title_labels
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
    pages: PageList  # the pages that count, each made from its row when read (see paged)
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
    # text rule -> the numbers of the pages that meet it (those of ``probes``, and the others once asked)
    text_hits: dict[TextProbe, array[int]] = field(default_factory=dict)
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

    def text_pages(self, rule: Rule) -> PageList:
        """The pages whose own labels (``on_title``) and main text meet a text rule (each made
        when read)."""
        question = probe(rule)
        ids = self.text_hits.get(question)
        if ids is None:
            if self.probes is not None:
                raise ValueError(f"regla de texto no indexada (falta en text_rules de index_site): {rule}")
            ids = array("I", [p.idx for p in self.pages if probe_match(question, p.labels + p.sections, p.main_fold)])
            self.text_hits[question] = ids
        return PageList(self.pages.store, ids)

    @property
    def by_idx(self) -> PagesByNumber:
        """The pages that count, by number (each made when read)."""
        return PagesByNumber(self.pages)


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
    store, status = _read_pages(pages, builder)
    forget_parse_caches()
    builder.carried = None
    if carried is not None:
        carried.release()
    parsed = PageList(store, range(len(store)))
    ok_pages = PageList(store, [i for i, k in enumerate(store.keys) if (st := status.get(k)) and st.page_idx == i])
    blocks = _live_blocks(store, ok_pages)
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
    # only the home page's first links are read (its top bar: placements)
    store.keep_first(home.idx if home is not None else None)
    depth = _bfs(home, PagesByNumber(ok_pages), status)
    for i in ok_pages.ids:
        key, hint = store.keys[i], store.depth_hint(i)
        if key not in depth and hint is not None:
            depth[key] = hint
    aliases = home_aliases(home, ok_pages)
    template = template_keys(home, ok_pages)
    menu_keys, prefixes = _transparency_menu(home, labels, status, tmenu, frozenset(map(url_key, aliases)), template)
    text_hits: dict[TextProbe, array[int]] = {question: array("I") for question in probes or ()}
    for p in ok_pages:
        for i in p.text_hits:
            text_hits[probes[i]].append(p.idx)  # type: ignore[index]
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


# What parsing a site fills, one entry per distinct URL, link text or URL key, ``text.PARSE_CACHE`` at
# most each (200,000 before H263: a 10,000-page site's filled them with ~8 MB of entries, a 50,000-page
# site's with several times that, freed only here). The parse reuses them page after page; what is
# built after it reads few of them again.
_PARSE_CACHES = (url_key, path_norm, is_doc_key, is_news_key, text_norm, generic_text, document_button)


def forget_parse_caches() -> None:
    """Empty the caches the pages' parse filled (they are of pure functions: nothing but time
    changes when one is made again)."""
    for f in _PARSE_CACHES:
        f.cache_clear()


def _read_pages(pages: Iterable[PageDoc], builder: Builder) -> tuple[PageStore, dict[str, Status]]:
    """Every HTML page parsed and kept as a row (see :mod:`.paged`: no page object outlives its
    parse), and the status of every URL (a page wins over a bare answer, a working answer over a
    broken one; a "soft 404" page counts as a 404)."""
    parsed = PageStore()
    status: dict[str, Status] = {}
    moved: dict[str, str] = {}  # redirected URL key -> the key it sends to
    compact = Compact(intern, interned_label)
    for doc in pages:
        url = intern(doc.url)  # one string with the page's and the links' (``Compact``)
        key = url_key(strip_fragment(url))
        n = None
        if doc.has_html and doc.status < 400 and "html" in (doc.content_type or "text/html").lower():
            page = builder.parse(doc, len(parsed))
            if page is not None:
                compact(page)
                parsed.add(page)  # a soft 404 too: keeps block indexes consistent; never evidence
                n, soft404 = page.idx, page.soft404
                del page
                if soft404:
                    status[key] = Status(url, 404, doc.fetched_at, None)
                    continue
        prev = status.get(key)
        if prev is None or (prev.page_idx is None and n is not None) or (prev.status >= 400 and doc.status < 400):
            status[key] = Status(url, doc.status, doc.fetched_at, n, parsed)
            if doc.location and 300 <= doc.status < 400 and n is None:
                moved[key] = url_key(strip_fragment(doc.location))
    parsed.close()
    _follow_redirects(status, moved)
    return parsed, status


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
            status[key] = status[key].answering(last)


def _live_blocks(store: PageStore, ok_pages: PageList) -> list[Block]:
    """The distinct blocks of the pages that count, each listing only those pages (no page made)."""
    blocks: list[Block] = []
    seen_blocks: set[int] = set()
    ok_ids = set(ok_pages.ids)
    for i in ok_pages.ids:
        for n in store.block_numbers(i):
            if n not in seen_blocks:
                seen_blocks.add(n)
                b = store.block(n)
                if type(b.pages) is not tuple:  # a shared block's pages (a page's own: its one page)
                    b.pages = array("I", [i for i in b.pages if i in ok_ids])  # type: ignore[assignment]
                elif not all(i in ok_ids for i in b.pages):
                    b.pages = tuple(i for i in b.pages if i in ok_ids)  # type: ignore[assignment]
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


def _home(home_url: str, status: Mapping[str, Status], ok_pages: PageList) -> Page | None:
    """The home page: the configured URL's, else the crawl's depth 0, else the first page."""
    home_key = url_key(strip_fragment(home_url))
    home = status[home_key].page if home_key in status and status[home_key].page else None
    if home is None:
        zero = next((i for i in ok_pages.ids if ok_pages.store.depth_hint(i) == 0), None)
        home = ok_pages.store.page(zero) if zero is not None else (ok_pages[0] if ok_pages else None)
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
    frontier = [home.idx]  # numbers: a level can be most of the site
    expanded: set[int] = set()
    d = 0
    while frontier:
        d += 1
        nxt: list[int] = []
        for i in frontier:
            for b in (home if i == home.idx else by_idx[i]).blocks:
                if id(b) in expanded:
                    continue
                expanded.add(id(b))
                for key in link_keys(b.links):
                    if key in depth:
                        continue
                    depth[key] = d
                    st = status.get(key)
                    if st is not None and (n := st.page_idx) is not None and n in by_idx:
                        nxt.append(n)
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
