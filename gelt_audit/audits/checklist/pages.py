"""One page's HTML read for the checklist: the document, its chrome (header, navigation, footer) and
links, and the structures the site index keeps of them (its content's sections: ``page_content``)."""

from __future__ import annotations

import hashlib
import itertools
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree

from gelt_audit.sections import body_runs_on, close_sections

from .chrome import TRANSPARENCY, is_public_information, region_of
from .contents import (
    EMPTY_SECTION,
    SHOWN_EMPTY,
)
from .forms import Form, form_info, lone_search_boxes
from .linklabels import link_label
from .quoting import says_nothing, shorten
from .regions import (
    HEADINGS,
    has_descendant,
    has_link,
)
from .text import element_text, fold, label_match, text_norm, without_entity
from .urls import Resolver, is_doc_key, is_login_url, url_key

Label = tuple[str, int, str]  # (norm, nwords, raw) of a title segment, h1 or section heading
ChromeRef = tuple[str, str, bool]  # (signature hash, region, has relative links)

# lxml.html's parser (its options and element classes) with every element an HtmlElement: lxml.html's
# own lookup calls Python for every element touched to pick a form or input class, and nothing here
# uses their methods (a default lookup picks the class in C).
_HTML_PARSER = etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
_HTML_PARSER.set_element_class_lookup(
    etree.ElementDefaultClassLookup(
        element=lxml.html.HtmlElement,
        comment=lxml.html.HtmlComment,
        pi=lxml.html.HtmlProcessingInstruction,
        entity=lxml.html.HtmlEntity,
    )
)
# What the XPath expressions in the comments select, asked of lxml's iterators (C, one walk, in
# document order) rather than XPath (a context set up per call, a walk per branch of a union).


def link_elements(el: Any) -> list[Any]:
    """``.//a[@href] | .//area[@href]``."""
    return [x for x in el.iterdescendants("a", "area") if x.get("href") is not None]


def _feeds(root: Any) -> list[Any]:
    """``//link[@rel='alternate' and @href]`` (``root``: the document's root element)."""
    return [x for x in root.iter("link") if x.get("rel") == "alternate" and x.get("href") is not None]


def _embeds(root: Any) -> list[str]:
    """``//script/@src | //iframe/@src | //embed/@src | //object/@data``."""
    found = []
    for x in root.iter("script", "iframe", "embed", "object"):
        value = x.get("data" if x.tag == "object" else "src")
        if value is not None:
            found.append(value)
    return found


_TITLE_SPLIT = re.compile(r"\s+[|\-–—:»/]+\s+|\s*\|\s*")


@dataclass(slots=True)
class Link:
    """One link (or embed) of a page region, with what the rules read of it."""

    target: str
    key: str
    text: str
    norm: str
    nwords: int
    region: str  # "header" | "footer" | "nav" | "" (content)
    tmenu: bool  # inside the "Transparencia" drop-down of a menu
    ctx: str  # text of the heading before the link (content links)
    is_doc: bool
    embed: bool = False
    fragment: bool = False  # the href names a part of the target page (``index.php#preguntas``)


@dataclass(slots=True)
class Block:
    """Links and forms of one page region; chrome blocks are shared by every page that has them."""

    region: str
    links: Sequence[Link]  # a tuple, or packed (a page's own links: see packed)
    forms: tuple[Form, ...]
    footer: str = ""  # folded footer text (footer blocks)
    # the pages that have it: a list filled as they come (shared blocks), a page's own block its one
    # page as a tuple (no list a page: H248), then an int array of those that count (index._live_blocks)
    pages: list[int] = field(default_factory=list)
    # names a chrome block shows as entries with no link at all (``<a>Mapa del sitio</a>``: unlinked.py)
    names: tuple[str, ...] = ()


@dataclass(slots=True, weakref_slot=True)  # weakly cached when made from its row (``paged``)
class Page:
    """One parsed page: its labels, headings, state and blocks (chrome shared, content own)."""

    idx: int
    url: str
    key: str
    fetched_at: str
    depth_hint: int | None
    title: str
    labels: list[Label]  # title segments and h1
    sections: list[Label]  # h2-h6, accordion buttons, summary, dt, caption, legend with content
    headings: list[str]  # every heading (raw), for periods
    is_news: bool
    empty: str  # why it publishes nothing (emptiness.page_state), read after «la página URL»; "" if it does
    soft404: bool
    main_fold: str  # kept only when the text rules are not known beforehand (see index_site)
    blocks: list[Block]
    first_keys: tuple[str, ...]  # sorted, distinct (a tuple weighs a fifth of a frozenset)
    text_hits: tuple[int, ...] = ()  # the text rules (SiteIndex.probes) the page meets
    no_aplica: dict[str, str] = field(default_factory=dict)  # section label -> «no aplica» sentence
    only_links: dict[str, list[str]] = field(default_factory=dict)  # section label -> its links' keys
    dead: list[str] = field(default_factory=list)  # texts of content entries that link to «#» or a script
    # section label -> its links' keys, for sections with text and at most SECTION_WAYS_IN links
    section_keys: dict[str, list[str]] = field(default_factory=dict)
    # unseen by the crawl (no JavaScript): the loading placeholder that is the page's content («Cargando…»),
    # whether it runs a script (what could fill a titled empty box), whether it is a script's shell (blank)
    loading: str = ""
    scripts: bool = False
    shell: bool = False
    # the names (alternative text, file name) of the first images at the top of the page (a logo in
    # its top bar): ``chrome.top_images``
    top_images: tuple[str, ...] = ()
    # section label -> the notice it shows that it has nothing yet, as written and shortened (``quoting``)
    notices: dict[str, str] = field(default_factory=dict)


class Status:
    """The answer a URL got in the crawl, and its page when it has one worth judging: the page
    itself, or its number in the pages it is made from when read (``paged.PageStore``)."""

    __slots__ = ("url", "status", "fetched_at", "_page", "_pages")

    def __init__(self, url: str, status: int, fetched_at: str, page: Page | int | None, pages: Any = None) -> None:
        self.url, self.status, self.fetched_at = url, status, fetched_at
        self._page, self._pages = page, pages  # a number when ``pages`` (a ``PageStore``) makes it

    @property
    def page(self) -> Page | None:
        """The page (made from its row when kept as a number)."""
        page = self._page
        return self._pages.page(page) if type(page) is int else page

    @property
    def page_idx(self) -> int | None:
        """The page's number, None without one (no page made)."""
        page = self._page
        return page if type(page) is int or page is None else page.idx

    def answering(self, other: Status) -> Status:
        """This URL, answered as ``other`` answers (a redirect's last hop)."""
        return Status(self.url, other.status, self.fetched_at, other._page, other._pages)


def interned_label(label: Label) -> Label:
    """A label with its texts interned: one string with the equal link texts, headings and titles
    of the site index (``LinkStrings`` interns those)."""
    norm, nwords, raw = label
    return sys.intern(norm), nwords, sys.intern(raw)


def make_link(a: Any, href: str, ctx: Ctx, region: str, tmenu: bool, heading: str) -> Link | None:
    """The link an anchor (or a feed, script or frame: ``a`` None) makes, if it leads to a web page."""
    href = href.strip()
    if not href or href.startswith(("#", "javascript:", "mailto:", "tel:", "data:")):
        return None
    target = ctx.target(href)
    if not target or not target.startswith(("http://", "https://")):
        return None
    key = url_key(target)
    text = link_label(a) if a is not None else ""
    if text:
        text = ctx.texts.setdefault(text, text)  # one string per distinct text
    norm, nwords = text_norm(text)
    fragment = "#" in href and bool(href.split("#", 1)[1].strip())
    return Link(target, key, text, norm, nwords, region, tmenu, heading, is_doc_key(key), False, fragment)


_SCHEME_OR_NETLOC = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.I)


class Ctx:
    """What a page's links resolve against: its base URL and origin. ``foreign``: the page's
    ``<base href>`` names another host, so a reference written relative to the page (``/mision``)
    lands on that host: it is not a page of the site, and never its evidence. ``texts``: link
    texts already met (shared by the pages of a site: one string per distinct text, not one per
    link; a 10,000-page site has ~300,000 links and ~14,000 distinct texts)."""

    __slots__ = ("base", "origin", "resolve", "foreign", "texts")

    def __init__(
        self, base: str, origin: str, resolve: Resolver, foreign: bool = False, texts: dict[str, str] | None = None
    ) -> None:
        self.base, self.origin, self.resolve, self.foreign = base, origin, resolve, foreign
        self.texts = {} if texts is None else texts

    def target(self, href: str) -> str | None:
        """The absolute URL of a reference; None for a relative one sent off-site by ``<base>``."""
        if self.foreign and not _SCHEME_OR_NETLOC.match(href):
            return None
        return self.resolve(self.base, self.origin, href)


# Searched in lower-cased markup: the same matches as with re.I (bytes: ASCII letters only), 3× faster.
_RELATIVE_HREF = re.compile(rb"""(?:href|src|action)\s*=\s*["']?(?!["']|https?:|/|#|mailto:|tel:|javascript:)""")


def extract_chrome(el: Any, region: str, ctx: Ctx) -> tuple[tuple[Link, ...], tuple[Form, ...], str, tuple[str, ...]]:
    """The links, forms, (footers) folded text and unlinked entries' names (``unlinked_names``) of a
    chrome element; links inside a "Transparencia" drop-down are marked."""
    anchors = link_elements(el)  # an image map's areas are links too
    in_dropdown: set[Any] = set()
    for a in anchors:
        label = text_norm(link_label(a))
        if (
            label_match(TRANSPARENCY[1], label[0], label[1], 3)
            or label_match(TRANSPARENCY[0], label[0], label[1], 3)
            or is_public_information(*label)
        ):
            # The drop-down is the rest of the anchor's own <li> (nested list), or failing that
            # the element right after the anchor; never the whole menu around it.
            in_dropdown.update(_dropdown(a))
    links = []
    for a in anchors:
        href = a.get("href")
        if href is not None and href.strip().startswith("#") and _dropdown(a):
            # a drop-down's opener whose address is only a place on the page («Datos Abiertos ▾» →
            # «#Datos Abiertos»): the menu of that name, as its «#» opener is (class 3011, H301)
            link = _opener_link(a, ctx, region, a in in_dropdown)
        else:
            link = make_link(a, href, ctx, region, a in in_dropdown, "")
        if link is None and DEAD_ENTRY.match(href or ""):
            link = _opener_link(a, ctx, region, a in in_dropdown)
        if link is not None:
            links.append(link)
    links += [x for h in el.iter("h2", "h3", "h4", "h5", "h6") if (x := _column_link(h, ctx, region)) is not None]
    # a search box in the header with no form around it (the committee's criterion) is read here: the
    # template's blocks are taken out before the page's own fields are
    forms = tuple(form_info(f, "") for f in el.iter("form")) + tuple(lone_search_boxes(el))
    footer = ""
    if region == "footer":
        mails = " ".join((a.get("href") or "")[7:] for a in anchors if (a.get("href") or "").startswith("mailto:"))
        footer = fold(element_text(el) + " " + mails)
    return tuple(links), forms, footer, unlinked_names(el)


def unlinked_names(el: Any) -> tuple[str, ...]:
    """The names a chrome element shows as entries with no link at all: an ``<a>`` without an
    ``href`` (a placeholder the site never filled: «<a class="btn-low">Mapa del sitio</a>»), named
    in a few words, that opens no drop-down, no script and no box, one of a row or list of entries
    (:func:`_in_a_row`; not a contact line's label beside its icon) (class 2731)."""
    names = []
    for a in el.iterdescendants("a"):
        if a.get("href") is not None or not _OPENS.isdisjoint(a.keys()) or not _in_a_row(a) or _dropdown(a):
            continue
        text = element_text(a)
        if text and len(text) <= 80 and len(text.split()) <= UNLINKED_MAX_WORDS and text not in names:
            names.append(text)
    return tuple(names[:UNLINKED_MAX])


def _in_a_row(a: Any) -> bool:
    """Whether an anchor is one of a row or list of entries, as a person reads a menu or the footer's
    links: beside other anchors in its box, or an entry of a list of two or more."""
    parent = a.getparent()
    if parent is None:
        return False
    if parent.tag == "li":
        entries = parent.getparent()
        return entries is not None and sum(1 for c in entries if c.tag == "li") >= 2
    return sum(1 for c in parent if c.tag == "a") >= 2


# what makes an anchor with no href open something (a script, a drop-down, a box): not an unlinked name
_OPENS = frozenset(
    ("onclick", "ng-click", "data-ng-click", "v-on:click", "@click", "data-href", "data-url", "data-link", "role")
    + ("aria-expanded", "aria-controls", "data-bs-toggle", "data-toggle", "data-bs-target", "data-target")
)
UNLINKED_MAX_WORDS = 8  # a name, not a sentence
UNLINKED_MAX = 20  # a footer's row of names, not a page of them


def _dropdown(a: Any) -> list[Any]:
    """The links of a menu entry's drop-down: the rest of the anchor's own ``<li>`` (nested list),
    or failing that the element right after the anchor; never the whole menu around it; none for an
    anchor in the box of its ``<li>``'s entries («Organigrama» (#) under «Quiénes somos»): an entry."""
    li = next((x for x in itertools.chain([a], itertools.islice(a.iterancestors(), 2)) if x.tag == "li"), None)
    if li is not None:
        box = a if a.getparent() is li else next(x for x in a.iterancestors() if x.getparent() is li)
        if box is not a and any(x is not a and x.get("href") for x in box.iter("a")):
            return []
        return [x for x in li.iter("a") if x is not a and x.get("href")]
    nxt = a.getnext()
    return [x for x in nxt.iter("a") if x.get("href")] if nxt is not None and nxt.tag in ("ul", "ol", "div") else []


def _column_link(h: Any, ctx: Ctx, region: str) -> Link | None:
    """A column's heading with no link over two entries or more up to the next heading («<h4>Participa:</h4>»;
    alone in its box, over the boxes after it: class 1411): a menu's name, read as a link to its first entry."""
    text = element_text(h).strip(" :")
    if not text or len(text) > 40 or has_link(h):
        return None
    alone = h.getparent() is not None and h.getnext() is None and h.getprevious() is None and not (h.tail or "").strip()
    entries = []
    for s in itertools.islice((h.getparent() if alone else h).itersiblings(), 40):
        if not isinstance(s.tag, str) or s.tag in HEADINGS or has_descendant(s, *HEADINGS):
            break
        entries += [x for x in s.iter("a") if x.get("href")]
    if len(entries) < 2:
        return None
    for x in entries:
        entry = make_link(x, x.get("href"), ctx, region, False, "")
        if entry is not None:
            # its ctx is its own text: the heading itself, not an entry under one
            return Link(entry.target, entry.key, text, *text_norm(text), region, False, text, entry.is_doc)
    return None


def _opener_link(a: Any, ctx: Ctx, region: str, tmenu: bool) -> Link | None:
    """A drop-down opener of the site's menu that links to «#» («Atención al Usuario ▾»): a menu
    of that name, read as a link to its first working entry."""
    text = element_text(a)
    if not text or len(text) > 80:
        return None
    for x in _dropdown(a):
        entry = make_link(x, x.get("href"), ctx, region, tmenu, "")
        if entry is not None:
            norm, nwords = text_norm(text)
            return Link(entry.target, entry.key, text, norm, nwords, region, tmenu, "", entry.is_doc)
    return None


SECTION_WAYS_IN = 3  # links a section with text keeps (Page.section_keys): «Más información», «Consultar»
DEAD_ENTRY = re.compile(r"^\s*(?:#\s*$|javascript:|$)", re.I)  # «#footer» goes somewhere: not dead


# -- the parse cache: what a page's parse yields, as JSON, keyed by its body and URL -------------


def read_document(html: str) -> Any | None:
    """The parsed HTML document (read as a browser reads it: :func:`close_sections`, and what follows
    ``</body>`` in the body, :func:`body_runs_on`), or None."""
    try:
        source = body_runs_on(close_sections(html.encode("utf-8", "replace")))
        return lxml.html.document_fromstring(source, parser=_HTML_PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None


def base_of(root: Any, url: str, origin: str) -> tuple[str, str]:
    """The URL a page's links resolve against (its ``<base href>``, else its own) and its origin."""
    base = url
    base_el = root.find(".//base[@href]")
    if base_el is not None:
        try:
            base = urljoin(url, base_el.get("href"))
            bs = urlsplit(base)
            origin = f"{bs.scheme}://{bs.netloc}"
        except ValueError:  # an unparsable <base href>: browsers ignore it
            base = url
    return base, origin


def is_article(root: Any) -> bool:
    """Whether the page says it is an article (``og:type``), as news pages do."""
    return any(
        (m.get("property") or m.get("name") or "").lower() == "og:type"
        and (m.get("content") or "").lower() == "article"
        for m in root.iter("meta")
    )


def head_links(root: Any, ctx: Ctx) -> list[Link]:
    """The feeds a page announces (as links labelled RSS) and what it embeds (scripts, frames)."""
    links: list[Link] = []
    for ln in _feeds(root):
        t = (ln.get("type") or "").lower()
        if "rss" in t or "atom" in t:
            link = make_link(None, ln.get("href"), ctx, "header", False, "")
            if link is not None:
                link.text, link.norm, link.nwords = "RSS", "rss", 1
                links.append(link)
    for src in _embeds(root):
        link = make_link(None, str(src), ctx, "", False, "")
        if link is not None:
            link.embed = True
            links.append(link)
    return links


def first_keys(root: Any, ctx: Ctx) -> tuple[str, ...]:
    """The targets of a page's first six links: on the home page, its top bar."""
    first = set()
    body = root.find("body")
    for a in itertools.islice((a for a in (body if body is not None else root).iter("a") if a.get("href")), 6):
        t = ctx.target(a.get("href").strip())
        if t:
            first.add(url_key(t))
    return tuple(sorted(first))


def strip_scripts(root: Any) -> None:
    """Remove what is not text a visitor reads (scripts, styles...), keeping the text after them."""
    etree.strip_elements(root, "script", "style", "noscript", "template", with_tail=False)


def chrome_ref(el: Any) -> ChromeRef:
    """A chrome element's signature (its markup's hash), region, and whether it has relative links."""
    sig = etree.tostring(el, with_tail=False)
    return hashlib.sha1(sig).hexdigest(), region_of(el), _RELATIVE_HREF.search(sig.lower()) is not None


def title_labels(title: str) -> list[Label]:
    """The labels of a page title: the whole title and, when it has several, its segments."""
    segments = [s for s in _TITLE_SPLIT.split(title) if s.strip()] if title else []
    return [(*text_norm(s), s) for s in ([title] if title else []) + (segments if len(segments) > 1 else [])]


def labels_of(rows: Iterable[str | Sequence[Any]]) -> list[Label]:
    """Labels (title segments, h1, sections) as parsed, from what a parse cache kept of them
    (:func:`label_rows`): a row is the label's text, normalised whole, or ``[norm, words, text]``
    when its parse normalised it otherwise, so a page rebuilt from its cache equals the parsed one."""
    return [(*text_norm(row), row) if isinstance(row, str) else (row[0], int(row[1]), row[2]) for row in rows]


def label_rows(labels: Iterable[Label]) -> list[str | list[Any]]:
    """What a parse cache keeps of labels (read back by :func:`labels_of`): the text alone when
    normalising it whole gives the label, else the whole label (an h1 or a section normalised
    without the entity's name, ``text.without_entity``)."""
    return [raw if text_norm(raw) == (n, w) else [n, w, raw] for n, w, raw in labels]


def echoed_sections(page: Page) -> list[tuple[str, str]]:
    """The headings of a page (normalised, raw) whose only text repeats them with the entity's name,
    kept apart from its sections (``page_content``, class 2230): marked empty, with no label of
    their own."""
    labelled = {raw for _n, _w, raw in page.sections}
    return [
        (text_norm(without_entity(raw))[0], raw)
        for raw, keys in page.only_links.items()
        if keys == [EMPTY_SECTION] and raw not in labelled and raw in page.notices
    ]


def empty_section_named(page: Page, phrases: Sequence[Sequence[str]]) -> str:
    """What a committee reads of a page's section titled with just one of ``phrases`` with nothing
    published under it («Estructura orgánica y talento humano» over «Organigrama» / «Organigrama de
    la entidad.»): «la sección «…» de URL dice «…»: no tiene nada publicado»; else ""."""
    names, heads = {" ".join(p) for p in phrases}, [(n, raw) for n, _w, raw in page.sections]
    for n, raw in heads + echoed_sections(page):
        # only a section that says it has nothing: a bare heading is often the page's banner title
        # over the heading that carries the content («Peticiones…» over «PQRSD» and its text)
        if n in names and page.only_links.get(raw) in SHOWN_EMPTY and (notice := page.notices.get(raw, "")):
            return f"la sección «{shorten(raw)}» de {page.url} {says_nothing(notice)}"
    return ""


def empty_there(target: Page, norm: str, fragment: bool = False) -> str:
    """What the section of ``target`` named ``norm`` (a link's text) shows when it says (or counts)
    that it has nothing, as a detail words it after the page's URL: its notice quoted («cuya sección
    «Normatividad» dice «No hay documentos…»: no tiene nada publicado»), its title quoted when the
    parse kept no notice; else "". A link to a part of the page (``fragment``) may name more than the
    section it opens («1.2 Estructura orgánica - Organigrama» → «#organigrama»): the sections whose
    whole title is a phrase of the link's text are the ones it names, empty when all are (H223)."""
    # a section that only repeats its title is opened by a link to it (``#mision``), not to the whole page
    heads = [(n, raw) for n, _w, raw in target.sections] + (echoed_sections(target) if fragment else [])
    named = [(n, raw) for n, raw in heads if n == norm]
    if fragment and not named:  # every section the link names, none that publishes
        named = [(n, raw) for n, raw in heads if n and f" {n} " in f" {norm} "]
        named = named if all(target.only_links.get(raw) == [EMPTY_SECTION] for _n, raw in named) else []
    for _n, raw in named:
        if target.only_links.get(raw) == [EMPTY_SECTION]:
            if notice := target.notices.get(raw, ""):
                return f"cuya sección «{shorten(raw)}» {says_nothing(notice)}"
            return f"que dice no tener nada en «{shorten(raw)}»"
    return ""


def is_staff_login(page: Page) -> bool:
    """Whether a page is where staff log in: a login or back-office address (``/login.php``,
    ``/admin/``), or a page whose own content is a login form (a password box) under no titled
    section. What it shows is a door to a private system, never what an item asks to be published:
    the menu entry «Funcionarios» that opens it is not the staff directory (issue 15, H216)."""
    if is_login_url(page.url):
        return True
    own = next((b for b in page.blocks if not b.region), None)
    return own is not None and not page.sections and any("login" in f.purposes for f in own.forms)


# a page titled so is the site's map (normalised as labels are: «Mapa del sitio» -> "mapa sitio")
SITE_MAP_NAMES = frozenset({"mapa sitio", "mapa sitio web", "mapa web", "sitemap", "mapa portal"})


def is_site_map(page: Page) -> bool:
    """Whether a page is the site's map by its title or first content title: it lists every page
    under the menu's groups, an index of the site, never an item's section (issue 15, H241)."""
    return any(n in SITE_MAP_NAMES for n, _w, _raw in page.labels)
