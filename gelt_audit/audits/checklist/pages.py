"""One page's HTML read for the checklist: its chrome (header, navigation, footer), links,
headings, forms and main text, and the structures the site index keeps of them."""

from __future__ import annotations

import hashlib
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree

from gelt_audit.sections import close_sections

from .applies import PAGE_TEXT, leading_no_aplica, no_aplica_sentence, note_denial, numbered_no_aplica, page_denial
from .chrome import TRANSPARENCY, is_public_information, region_of
from .contents import (
    BLANK_SECTION,
    CATEGORY_NOTE,
    DEAD_ENTRIES,
    DEAD_HREF,
    EMPTY_NOTICE,
    EMPTY_SECTION,
    REPEATED_BODY,
    SCRIPTED,
    STAND_IN,
    bare_mark,
    consent_box,
    counted_category,
    empty_box,
    empty_category_notice,
    empty_pane,
    may_hold,
    note_listed_row,
    repeated_bodies,
    section_words_links,
    stand_in_body,
)
from .forms import Form, form_info, lone_search_boxes
from .linklabels import link_label
from .numerals import is_section_item, label_numeral
from .regions import (
    HEADINGS,
    SCRIPTED_MAX_WORDS,
    has_descendant,
    has_link,
    heading_region,
    li_label,
    listed_h1,
    opener_region,
    scripted_anchor,
    scripted_entry,
    styled_title,
)
from .text import element_text, fold, label_match, text_norm, without_entity
from .urls import Resolver, is_doc_key, url_key

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
    pages: list[int] = field(default_factory=list)


@dataclass(slots=True)
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


@dataclass(slots=True)
class Status:
    """The answer a URL got in the crawl, and its page when it has one worth judging."""

    url: str
    status: int
    fetched_at: str
    page: Page | None


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


def extract_chrome(el: Any, region: str, ctx: Ctx) -> tuple[tuple[Link, ...], tuple[Form, ...], str]:
    """The links, forms and (footers) folded text of a chrome element; links inside a "Transparencia"
    drop-down are marked."""
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
        link = make_link(a, a.get("href"), ctx, region, a in in_dropdown, "")
        if link is None and _DEAD_ENTRY.match(a.get("href") or ""):
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
    return tuple(links), forms, footer


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
_DEAD_ENTRY = re.compile(r"^\s*(?:#\s*$|javascript:|$)", re.I)  # «#footer» goes somewhere: not dead


def _is_opener(a: Any) -> bool:
    """Whether a link opens a menu or an accordion (its href «#» is how it works, not a dead entry)."""
    if a.get("role") == "button" or any(a.get(k) is not None for k in ("aria-expanded", "aria-controls")):
        return True
    return any(a.get(k) for k in ("data-bs-toggle", "data-toggle", "data-bs-target", "data-target"))


def _is_teaser(h: Any) -> bool:
    """Whether a heading is wholly a link to another page (a card «<h5><a href=…>Participa</a></h5>»
    and its blurb): what it titles is that page, not a section of this one."""
    anchors = [a for a in h.iter("a") if not DEAD_HREF.match(a.get("href") or "#") and not _is_opener(a)]
    return len(anchors) == 1 and element_text(anchors[0]) == element_text(h)


# -- the parse cache: what a page's parse yields, as JSON, keyed by its body and URL -------------


def read_document(html: str) -> Any | None:
    """The parsed HTML document (read as a browser reads it: :func:`close_sections`), or None."""
    try:
        return lxml.html.document_fromstring(close_sections(html.encode("utf-8", "replace")), parser=_HTML_PARSER)
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


_SECTION_TAGS = (
    *("h1", "h2", "h3", "h4", "h5", "h6", "button", "summary", "dt", "caption", "legend", "a", "area"),
    *("strong", "b", "li", "p", "div", "td"),
)


def _category(counted: tuple[str, str, int], sections: list[Label], only_links: dict[str, list[str]]) -> None:
    """A counted category button (see :func:`counted_category`): its name and its description are
    what it shows; with «0 documento(s)» both are shown and publish nothing (as «Aun no hay
    documentos»)."""
    for text in counted[:2]:
        n, w = text_norm(without_entity(text))
        if (n, w, text) not in sections:
            sections.append((n, w, text))
            if not counted[2]:
                only_links.setdefault(text, [EMPTY_SECTION])


def empty_there(target: Page, norm: str) -> str:
    """The section of ``target`` named ``norm`` (a link's text) that says it has nothing, else ""."""
    for n, _w, raw in target.sections:
        if n == norm and target.only_links.get(raw) == [EMPTY_SECTION]:
            return raw
    return ""


class Content:
    """What a page's content yields: links (each with the heading before it), headings, the
    ``h1`` labels, the sections that have content (``h2``-``h6``, accordion buttons,
    ``summary``, ``dt``, ``caption``, ``legend``) in document order, the sections that say «no
    aplica para la entidad» (label -> the sentence), and the sections that are only links
    (label -> their URL keys: such a section is worth what its links are)."""

    __slots__ = ("dead", "h1_labels", "headings", "links", "na", "only_links", "section_keys", "sections")

    def __init__(self) -> None:
        self.links: list[Link] = []
        self.headings: list[str] = []
        self.h1_labels: list[Label] = []
        self.sections: list[Label] = []
        self.na: dict[str, str] = {}
        self.only_links: dict[str, list[str]] = {}
        self.dead: list[str] = []  # entries that link to «#» or a script: shown, publishing nothing
        self.section_keys: dict[str, list[str]] = {}  # sections with text and a few links -> their keys


def read_content(root: Any, ctx: Ctx, folded: str) -> Content:
    """The content of a page, read as a person reads it (see :class:`Content`); ``folded``: its
    folded main text (``contents.main_fold``)."""
    out = Content()
    may_say_empty, may_not_apply = may_hold(root, folded)
    heading = ""
    links, headings, h1_labels, sections, na = out.links, out.headings, out.h1_labels, out.sections, out.na
    bodies: list[tuple[str, str]] = []  # the sections with content: their titles and text
    opener_els: set[Any] = set()  # entries opened by a script; ``shown``: titles drawn with content
    shown: set[str] = set()
    for el in root.iter(*_SECTION_TAGS):
        tag = el.tag
        if tag in ("a", "area") and ((href := el.get("href")) is not None or opener_region(el) is None):
            # an image map's <area href> is a link as a person clicks it
            link = make_link(el, href, ctx, "", False, heading) if href else None
            if link is not None:
                links.append(link)
            elif href is not None and _DEAD_ENTRY.match(href) and not _is_opener(el):
                text = element_text(el)
                if text and scripted_anchor(el, href) and len(text.split()) <= SCRIPTED_MAX_WORDS:
                    # «<a href="javascript:abrir(7)">»: opens by a script, its content not seen
                    n, w = text_norm(without_entity(text))
                    if (n, w, text) not in sections:
                        sections.append((n, w, text))
                        out.only_links.setdefault(text, [SCRIPTED])
                elif text and len(text) <= 200 and len(out.dead) < 200:
                    out.dead.append(text)
            continue
        if tag in ("li", "p", "div"):
            name = scripted_entry(el)
            if name and not styled_title(el):
                opener_els.add(el)
                # an entry that opens its content with a script: shown, its content not seen
                n, w = text_norm(without_entity(name))
                if (n, w, name) not in sections:
                    sections.append((n, w, name))
                    out.only_links.setdefault(name, [SCRIPTED])
                continue
            if tag == "p" and may_say_empty and (named := empty_category_notice(el)):
                # «No hay documentos disponibles en la categoría "Normatividad"»: shown, nothing in it
                _category((named, named, 0), sections, out.only_links)
                continue
            if may_not_apply and (said := numbered_no_aplica(el)):  # «4.1. Presupuesto…, NO APLICA: …»
                n, w = text_norm(without_entity(said[0]))
                if (n, w, said[0]) not in sections:
                    sections.append((n, w, said[0]))
                na.setdefault(said[0], said[1])
                continue
        if tag in HEADINGS:
            region = None if tag == "h1" and not listed_h1(el) else ([] if _is_teaser(el) else heading_region(el))
            if region and consent_box(region):
                continue  # «Términos y condiciones» over a form's «Acepto…» box (class 153)
            lead = el.tail or ""
        elif tag == "td":
            if not styled_title(el):
                note_listed_row(el, sections, out.only_links)
                continue
            region, lead = None, ""  # a table cell styled as a title (old table layouts): the page's h1
        else:
            region = opener_region(el)
            if region is None:
                if tag == "button" and (counted := counted_category(el)) and el.getparent() is not None:
                    _category(counted, sections, out.only_links)
                continue
            lead = ""
        text = li_label(el) if tag == "li" else element_text(el)
        if not text or len(text) > 300:
            continue
        heading = text
        headings.append(text)
        n, w = text_norm(without_entity(text))
        if region is None:
            h1_labels.append((n, w, text))
            continue
        words, hrefs, media, body = section_words_links(region, lead)
        if tag not in ("caption", "legend") and stand_in_body(body, hrefs, media):
            # «6. Participa» over «Placeholder content for this accordion…»: shown, nothing in it
            if (n, w, text) not in sections:
                sections.append((n, w, text))
            out.only_links.setdefault(text, [STAND_IN])
            continue
        if media or words >= 12 or hrefs or tag in ("caption", "legend"):
            sections.append((n, w, text))
            targets = [ctx.target(h.strip()) for h in hrefs if not DEAD_HREF.match(h)]
            keys = [url_key(t) for t in targets if t and t.startswith(("http://", "https://"))]
            link_only = not media and words < 12 and hrefs and tag not in ("caption", "legend")
            bodies += [] if link_only or media else [(text, body)]
            if not link_only and opener_els.isdisjoint(el.iterancestors()):
                shown.add(text)  # not a card's own title inside the card (class 1350)
            if keys and not link_only and len(set(keys)) <= SECTION_WAYS_IN:
                out.section_keys.setdefault(text, keys)  # a described service and its way in
            if link_only:
                if keys:
                    out.only_links.setdefault(text, keys[:20])
                elif all(DEAD_HREF.match(h) for h in hrefs):
                    # every entry links to «#»: shown, publishes nothing; entries opened by a script: not seen
                    scripted = any(scripted_anchor(a, a.get("href") or "") for s in region for a in s.iter("a"))
                    out.only_links.setdefault(text, [SCRIPTED if scripted else DEAD_ENTRIES])
        elif any(scripted_entry(x) for s in region for x in s.iter("li", "p", "div")):
            # «Normatividad» whose one entry «Normativa» opens by script: its content is not seen
            sections.append((n, w, text))
            out.only_links.setdefault(text, [SCRIPTED])
        elif not words and el.tag in HEADINGS and any(empty_box(s) for s in region):
            # «<h2>Noticias</h2><section class="noticias"></section>»: the section is shown, and shows nothing
            sections.append((n, w, text))
            out.only_links.setdefault(text, [BLANK_SECTION])
        sentence = no_aplica_sentence(body) or leading_no_aplica(body)
        if sentence:
            na.setdefault(text, sentence)
            if (n, w, text) not in sections:
                sections.append((n, w, text))
        elif (
            ((n, w, text) not in sections or empty_pane(text, words, body, media))
            and words < 30
            and not hrefs
            and EMPTY_NOTICE.search(fold(body))
        ):
            # «6.6-Informes de empalme» then «Aun no hay documentos en este item»: shown, publishes nothing
            if (n, w, text) not in sections:
                sections.append((n, w, text))
            out.only_links.setdefault(text, [EMPTY_SECTION])
        elif (n, w, text) not in sections and (mark := bare_mark(el, text, words, bool(hrefs), media, bool(region))):
            # «<h3>…<li>Defensa judicial</li></h3>», «<h3>Defensa judicial</h3><h3>Plan de acción</h3>»:
            # an entry the list names, a title over nothing (classes 1692, 1695, 1696)
            sections.append((n, w, text))
            out.only_links.setdefault(text, [mark])
        elif (
            (n, w, text) not in sections
            and not hrefs
            and not media
            and 0 < words < 12
            and is_section_item(label_numeral(text))
        ):
            # an accordion's «9. Obligación de reporte…» over «Revisar por parte de la entidad»: the
            # category is listed, a short note and nothing published in it (class 192)
            sections.append((n, w, text))
            out.only_links.setdefault(text, [CATEGORY_NOTE])
        if not sentence:  # «La entidad no expide normas de carácter general» (criterion M)
            note_denial((n, w, text), body, bool(hrefs or media), words, na, sections, out.only_links)
    if h1_labels and (said := next((s for t, s in na.items() if fold(t).strip(" .:") == "no aplica"), "")):
        for label in h1_labels:  # an entry titled only «No aplica» says it of the page's subject (class 152)
            sections += [] if label in sections else [label]
            na.setdefault(label[2], said)
    if denied := page_denial(root, folded, [b for _t, b in bodies] + list(na.values()), [x.is_doc for x in links]):
        na.setdefault(PAGE_TEXT, denied)  # the page's own text, outside its sections (criterion M)
    for text in shown.intersection(t for t, keys in out.only_links.items() if keys == [SCRIPTED]):
        del out.only_links[text]  # class 1610: the tab «Misión» over its drawn card «Misión»: it is here
    for text in repeated_bodies(bodies):  # the same content under many titles: nothing of their own
        out.only_links.setdefault(text, [REPEATED_BODY])
    return out
