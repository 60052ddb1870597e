"""Pure functions that turn a fetched HTML page into what the store keeps.

Title, outgoing links (with line numbers) and the page's main content as normalised text,
with volatile bits (counters, today's date, tokens) removed; the bytes are decoded before
(:mod:`gelt_audit.decoding`).
One lxml parse per page: this runs on the crawl's hot path.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, unquote, urlencode, urljoin, urlsplit, urlunsplit

import lxml.html
from lxml import etree
from lxml.cssselect import CSSSelector
from w3lib.url import safe_url_string

from gelt_audit.config import NoiseRule
from gelt_audit.datalinks import data_links, may_hold_data_links
from gelt_audit.dates import page_meta_dates, stored_dates, text_dates
from gelt_audit.linkstate import SKIP_SCHEMES
from gelt_audit.sections import close_sections
from gelt_audit.volatile import (
    DEFAULT_COMPILED,
    PREFILTER_BYTES,
    may_hold_hex_id,
    may_match,
    prefilter_fold,
)

# Elements whose text is never part of a page's main content.
BOILERPLATE = (
    "script, style, noscript, template, svg, iframe, nav, header, footer, aside, "
    "[role=navigation], [role=banner], [role=contentinfo], [role=search], [hidden], "
    "[aria-hidden=true]"
)
# Where a page's own content lives, most specific first.
MAIN_CANDIDATES = ("main", "[role=main]", "#content", "#contenido", "#main", ".content", "article")

LINK_ATTRS = (
    ("a", "href"),
    ("area", "href"),
    ("link", "href"),
    ("img", "src"),
    ("script", "src"),
    ("iframe", "src"),
    ("frame", "src"),
    ("source", "src"),
    ("embed", "src"),
    ("form", "action"),
)
_LINK_XPATH = etree.XPath(" | ".join(f"//{tag}[@{attr}]" for tag, attr in LINK_ATTRS))
_SKIP_PREFIXES = tuple(f"{scheme}:" for scheme in SKIP_SCHEMES)
# On-site references that are not pages: checked with HEAD so broken images and files show up.
RESOURCE_TAGS = ("img", "script", "link", "source", "embed")
PAGE_TAGS = ("a", "area", "iframe", "frame")  # links to pages the crawler visits
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_MAX_LINK_TEXT = 300
# A link that goes nowhere ("#", "", "javascript:void(0)"): stored with this tag, never requested.
PLACEHOLDER = "placeholder"
_NOWHERE_SCRIPTS = {"", "void(0)", "void0", "void(null)", "undefined", "false"}
# Attributes of a scripted control (a menu toggle, a tab, a modal opener): it does something
# the crawler cannot see, so an empty href on it is no finding.
_SCRIPTED = ("onclick", "data-toggle", "data-bs-toggle", "aria-haspopup", "aria-expanded", "aria-controls")


@dataclass
class Link:
    url: str
    text: str
    tag: str
    attr: str
    rel: str
    line: int | None

    @property
    def followable(self) -> bool:
        """Whether the crawler should visit it: page links, not images or scripts."""
        return self.tag in PAGE_TAGS and self.url.startswith(("http://", "https://"))


@dataclass
class PageInfo:
    title: str
    links: list[Link]
    main_text: str
    noise: dict[str, int] = field(default_factory=dict)
    dates: list[str] = field(default_factory=list)  # dates.stored_dates: declared, then modification ones marked


_PLAIN = etree.HTMLParser()  # lxml.html's parser options, without its element classes


def parse(text: str, *, plain: bool = False) -> etree._Element | None:
    """Parse HTML leniently; None when there is nothing to parse.

    ``plain``: the same tree with plain lxml.etree elements; lxml.html's element classes make
    lxml look up a Python class for every element touched, a cost for code using none of their
    methods. Read as a browser reads it: a ``div`` left open in a header, menu or footer ends
    there (:func:`~gelt_audit.sections.close_sections`)."""
    text = close_sections(_XML_DECL.sub("", text, count=1))
    if not text or text.isspace():  # as `not text.strip()`, without copying the page
        return None
    try:
        return etree.fromstring(text, _PLAIN) if plain else lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return None


def collapse(text: str) -> str:
    """Unicode-normalised text with runs of white space folded to one space."""
    # str.split() splits on exactly what \s matches in a str pattern, 3-4x faster than re.sub;
    # ASCII is its own NFC
    return " ".join((text if text.isascii() else unicodedata.normalize("NFC", text)).split())


def title_of(root: etree._Element) -> str:
    found = root.find(".//title")
    if found is None:
        found = root.find(".//h1")
    return collapse(found.text_content())[:500] if found is not None else ""


# A breadcrumb (the trail «Inicio › Transparencia › …»), one definition for every reader of a page: an
# element whose class has «breadcrumb» (any case: Bootstrap's ``breadcrumb``, GOV.CO's ``breadcrumb-govco``,
# ASP.NET's ``BreadCrumb``) or a word starting «miga» (``miga-de-pan``, ``migas``, ``migaPan``; not
# ``amigable``), or whose aria-label says so (Bootstrap's «breadcrumb», GOV.CO's «Ruta de navegación» and
# «Miga de pan predeterminada de tres niveles»). The patterns, as Python and EXSLT regular expressions, are
# matched in any case.
CRUMB_CLASS = r"breadcrumb|(?<![a-z])miga"
CRUMB_LABEL = r"breadcrumb|\bmiga|ruta de navegaci(?:o\u0301?|\u00f3)n"
_CRUMB_CLASS = re.compile(CRUMB_CLASS, re.IGNORECASE).search
_CRUMB_LABEL = re.compile(CRUMB_LABEL, re.IGNORECASE).search
CRUMB_KEPT = 160  # values up to this long are remembered (a template repeats its classes on every page)


@functools.lru_cache(maxsize=2048)
def kept_crumb_class(value: str) -> bool:
    """``crumb_class`` of a short value (at most ``CRUMB_KEPT`` long), remembered."""
    return _CRUMB_CLASS(value) is not None


def crumb_class(value: str) -> bool:
    """Whether a class attribute's value names a breadcrumb (``CRUMB_CLASS``)."""
    return kept_crumb_class(value) if len(value) <= CRUMB_KEPT else _CRUMB_CLASS(value) is not None


def crumb_label(value: str) -> bool:
    """Whether an aria-label names a breadcrumb (``CRUMB_LABEL``)."""
    return _CRUMB_LABEL(value) is not None


def is_breadcrumb(el: etree._Element) -> bool:
    """Whether an element is a breadcrumb (its class or its aria-label says so: ``CRUMB_CLASS``,
    ``CRUMB_LABEL``)."""
    cls, label = el.get("class"), el.get("aria-label")
    return bool(cls and crumb_class(cls)) or bool(label and crumb_label(label))


def _base_url(root: etree._Element, url: str) -> str:
    base = root.find(".//base[@href]")
    if base is None:
        return url
    try:
        return urljoin(url, base.get("href").strip())
    except ValueError:  # an unparsable <base href> ("http://[z"): browsers ignore it
        return url


def normalise_url(url: str) -> str:
    """The URL the crawler requests for an absolute link: spaces and letters outside ASCII
    percent-encoded as UTF-8, escapes already there kept (w3lib's ``safe_url_string``, what a
    Scrapy Request does to its URL), so the stored link, the stored page and the report agree.

    The fragment is never requested: it is kept percent-decoded, as a browser compares it with
    the target page's ids. A URL w3lib cannot read is returned as it is.
    """
    target, sep, fragment = url.partition("#")
    try:
        target = safe_url_string(target)
    except ValueError:
        return url
    return target + sep + unquote(fragment) if sep else target


def header_text(raw: bytes) -> str:
    """A header's value (a Location) as text: UTF-8, as browsers read it in practice, else Latin-1."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def is_placeholder(el: etree._Element, raw: str, tag: str | None = None) -> bool:
    """Whether an <a>/<area> href goes nowhere: "#", "", "javascript:void(0)", "javascript:;"…

    A scripted control (onclick, data-toggle, aria-expanded…, role=button) is not one.
    ``tag``: the element's tag when the caller has read it already.
    """
    if (el.tag if tag is None else tag) not in ("a", "area"):
        return False
    lowered = raw.lower()
    if lowered.startswith("javascript:"):
        script = "".join(lowered.removeprefix("javascript:").split()).rstrip(";")
        if script not in _NOWHERE_SCRIPTS:
            return False
    elif raw not in ("", "#"):
        return False
    return el.get("role") != "button" and not any(el.get(name) is not None for name in _SCRIPTED)


def _link_text(el: etree._Element, tag: str) -> str:
    if tag in ("a", "area"):
        # an element without children holds only its own text: text_content() without the XPath
        text = collapse(el.text_content() if len(el) else el.text or "")
    else:
        text = ""
    if not text and tag in ("a", "area", "img"):
        img = el if tag == "img" else el.find(".//img")
        if img is not None:
            text = collapse(img.get("alt") or "")
        text = text or collapse(el.get("title") or el.get("aria-label") or "")
    return text[:_MAX_LINK_TEXT]


_ATTR_OF = dict(LINK_ATTRS)
_LINK_TAGS = tuple(_ATTR_OF)


def link_elements(root: etree._Element) -> Iterator[etree._Element]:
    """The elements that may carry a link, in document order: what ``_LINK_XPATH`` selects when
    they have their attribute (one walk, not a union of ten searches of the whole tree and a sort:
    2.5x cheaper). Markup written after «</html>» (an include after the page) is parsed as a second
    root beside the first; a browser reads it, so the walk does too."""
    return itertools.chain(root.iter(*_LINK_TAGS), *(top.iter(*_LINK_TAGS) for top in root.itersiblings()))


_SCHEME_PREFIX = re.compile(r"[a-z][a-z0-9+.-]*:", re.IGNORECASE)


def web_slashes(raw: str) -> str:
    """A reference as a browser resolves it from a web page: each backslash before its query or
    fragment is a slash (the URL standard, for http and https), so «..\\x.php» climbs a folder and
    «\\a\\b.php» starts at the site's root; the query keeps its own (sent percent-encoded), and a
    reference with another scheme (mailto:, tel:, javascript:) is left as written. Pages written on
    Windows («archivos\\secciones\\x.php») link so."""
    if "\\" not in raw:
        return raw
    scheme = _SCHEME_PREFIX.match(raw)
    if scheme and scheme.group(0).lower() not in ("http:", "https:"):
        return raw
    cut = min((at for at in (raw.find("?"), raw.find("#")) if at >= 0), default=len(raw))
    return raw[:cut].replace("\\", "/") + raw[cut:]


@functools.lru_cache(maxsize=8192)
def _resolve(base: str, raw: str) -> str | None:
    """normalise_url(urljoin(base, raw)), or None when the reference cannot be resolved.

    Cached: a site's menus and footers repeat the same references on every page, and most are
    absolute paths that resolve alike from every page of a host.
    """
    try:
        return normalise_url(urljoin(base, raw))
    except ValueError:
        return None


_NETLOC_PREFIXES = ("//", "http://", "https://")


def _needs_origin_only(raw: str) -> bool:
    """Whether urljoin(base, raw) reads only the base's scheme and netloc: raw is an absolute
    path ("/a"), or names its own host ("//h/a", "http://h/a"). A reference with an empty host
    and path ("//", "http://?q") takes the base's path, and urlsplit deletes tabs and newlines
    anywhere ("/\t/" reads as "//"): those keep the whole base."""
    if "\t" in raw or "\n" in raw or "\r" in raw:
        return False
    if raw[:1] == "/" and raw[1:2] != "/":
        return True
    lowered = raw[:8].lower()
    for prefix in _NETLOC_PREFIXES:
        if lowered.startswith(prefix):
            return raw[len(prefix) : len(prefix) + 1] not in ("", "/", "?", "#", ";")
    return False


def _origin(base: str) -> str | None:
    """``scheme://host/`` of an http(s) base URL: urljoin(base, raw) == urljoin(origin, raw) for
    a raw reference that starts with "/" or carries its own http(s) scheme and host (urljoin
    takes only the base's scheme and netloc then). None for any other base."""
    try:
        parts = urlsplit(base)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}/"


_ABSOLUTE, _FROM_ORIGIN, _FROM_BASE = 0, 1, 2


@functools.lru_cache(maxsize=8192)
def _reference_kind(raw: str) -> int:
    """How a stripped reference resolves: as written (a scheme never requested: mailto:, tel:…),
    from the site's origin alone (:func:`_needs_origin_only`), or from the page's base URL.
    Cached: a site repeats the same references on every page."""
    if raw.lower().startswith(_SKIP_PREFIXES):
        return _ABSOLUTE
    return _FROM_ORIGIN if _needs_origin_only(raw) else _FROM_BASE


def links_of(root: etree._Element, url: str, data: bool = True) -> list[Link]:
    """Every outgoing reference of the page, resolved to an absolute, normalised URL.

    Placeholder links (:func:`is_placeholder`) are kept as written, tagged :data:`PLACEHOLDER`. ``data``:
    False skips the search for links in data attributes (datalinks: ~7% of extract), for a page without one.
    """
    base = _base_url(root, url)
    origin = _origin(base) or base
    out = []
    append = out.append
    attr_of = _ATTR_OF
    for el in link_elements(root):
        tag = el.tag
        attr = attr_of[tag]
        value = el.get(attr)
        if value is None:
            continue
        raw = value.strip()
        if "\\" in raw:
            raw = web_slashes(raw)
        # is_placeholder is False unless an <a>/<area> href is "", "#" or starts "javascript:"
        # (only ASCII characters lower to those letters, one for one)
        if (
            (tag == "a" or tag == "area")
            and (not raw or raw == "#" or raw[:11].lower() == "javascript:")
            and is_placeholder(el, raw, tag)
        ):
            append(Link(raw, _link_text(el, tag), PLACEHOLDER, attr, el.get("rel") or "", el.sourceline))
            continue
        if not raw or raw[0] == "#" and tag != "a":  # an empty <form action> included
            continue
        kind = _reference_kind(raw)
        if kind == _ABSOLUTE:
            target = raw
        else:
            # urljoin reads only the base's scheme and host for these: one cache entry per site
            target = _resolve(origin if kind == _FROM_ORIGIN else base, raw)
            if target is None:
                continue
        append(Link(target, _link_text(el, tag), tag, attr, el.get("rel") or "", el.sourceline))
    for el, attr, raw in data_links(root) if data else ():  # a button a script sends to its data-url: an «a»
        if (target := _resolve(base, web_slashes(raw))) is not None and target.startswith(("http://", "https://")):
            append(Link(target, collapse(el.text_content())[:_MAX_LINK_TEXT], "a", attr, "", el.sourceline))
    return out


def _rules_for(path: str, rules: Sequence[NoiseRule]) -> list[NoiseRule]:
    return [r for r in rules if path.startswith(r.prefix)]


_MAIN_SELECTORS = [CSSSelector(s) for s in MAIN_CANDIDATES]


def main_root(root: etree._Element) -> etree._Element:
    for selector in _MAIN_SELECTORS:
        found = selector(root)
        if found:
            return found[0]
    body = root.find(".//body")
    return body if body is not None else root


_BOILERPLATE_SELECTOR = CSSSelector(BOILERPLATE)
# The elements _BOILERPLATE_SELECTOR selects, found cheaper (tests/test_extract.py compares them):
# the selector is a union of 16 searches of the tree and a sort; here one walk for the tags (in
# C) and one XPath search for the attributes. Not in document order: the tree left once they
# are all dropped is the same in any order (a drop moves the element's tail text to where it
# stood, and dropping an element inside a dropped one changes nothing outside it).
_BOILERPLATE_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "nav", "header", "footer", "aside")
_BOILERPLATE_ROLES = ("navigation", "banner", "contentinfo", "search")
_WITH_BOILERPLATE_ATTRS = etree.XPath("descendant-or-self::*[@role or @hidden or @aria-hidden]")


def _boilerplate(container: etree._Element) -> list[etree._Element]:
    found = list(container.iter(*_BOILERPLATE_TAGS))
    for el in _WITH_BOILERPLATE_ATTRS(container):
        if el.get("role") in _BOILERPLATE_ROLES or el.get("hidden") is not None or el.get("aria-hidden") == "true":
            found.append(el)
    return list(dict.fromkeys(found))


_UNLINKED_TEXT = etree.XPath(".//text()[not(ancestor::a)]")


def _drop_boilerplate(container: etree._Element, path: str, rules: Sequence[NoiseRule]) -> dict[str, int]:
    """Drop the template (menus, header, footer) and the config's selectors; count the latter."""
    noise: dict[str, int] = {}
    selectors = [(s, f"selector {s}") for rule in _rules_for(path, rules) for s in rule.selectors]
    for selector, label in [(None, "plantilla (menú, encabezado, pie)"), *selectors]:
        dropped = 0
        for el in _boilerplate(container) if selector is None else CSSSelector(selector)(container):
            if el is not container and el.getparent() is not None:
                el.drop_tree()
                dropped += 1
        if dropped and selector is not None:
            noise[label] = dropped
    return noise


def _denoise(
    text: str,
    path: str,
    rules: Sequence[NoiseRule],
    noise: dict[str, int] | None,
    skip: dict[str, bool] | None = None,
) -> str:
    """The text without volatile bits (counters, today's date, tokens); counts go to ``noise``.

    ``skip``: default patterns already known unable to match in ``text`` (from
    :func:`may_match` of a text whose tokens include all of this one's): not tested again.
    """
    folded: str | bytes | None = None
    patterns = list(DEFAULT_COMPILED) + [
        (f"patrón {p}", re.compile(p), None) for rule in _rules_for(path, rules) for p in rule.patterns
    ]
    changed = False
    for name, pattern, words in patterns:
        if skip is not None and skip.get(name):
            continue
        # a default pattern runs only when a word it cannot match without is on the page
        if words is not None:
            if folded is None:
                folded = prefilter_fold(text)
            found = PREFILTER_BYTES[name] if isinstance(folded, bytes) else words
            if not any(w in folded for w in found):
                continue
        if name == "identificador aleatorio" and not may_hold_hex_id(text):
            continue
        text, count = pattern.subn(" ", text)
        if count:
            changed = True
            if noise is not None:
                noise[name] = noise.get(name, 0) + count
    return collapse(text) if changed else text


# Two C1 controls: not white space for str.split, accepted by lxml in text, and inside Latin-1, so
# a Latin-1 page's text stays a one-byte str (str.split and join on a two-byte str cost ~2x). A
# page whose text holds them itself is read the plain way (_split_linked counts them).
_LINK_START, _LINK_END = "\x80", "\x81"
_LINKED_SPAN = re.compile("\x80[^\x80\x81]*\x81 ?")


# (anchor, its text, its last child, that child's tail): what _mark_links changed, to put back
_Mark = tuple[etree._Element, str | None, etree._Element | None, str | None]


def _mark_links(anchors: list[etree._Element]) -> list[_Mark]:
    """Write _LINK_START and a space before each anchor's text, and a space and _LINK_END at the
    end of its content (its text, or its last child's tail), so one itertext() walk tells the
    text inside links from the rest; :func:`_unmark_links` puts the text back."""
    marks = []
    for a in anchors:
        text = a.text
        if len(a):
            last = a[-1]
            tail = last.tail
            a.text = _LINK_START + " " + (text or "")
            last.tail = (tail or "") + " " + _LINK_END
            marks.append((a, text, last, tail))
        else:
            a.text = _LINK_START + " " + (text or "") + " " + _LINK_END
            marks.append((a, text, None, None))
    return marks


def _unmark_links(marks: list[_Mark]) -> None:
    for a, text, last, tail in marks:
        a.text = text
        if last is not None:
            last.tail = tail


def _split_linked(container: etree._Element, anchors: list[etree._Element]) -> tuple[str, str] | None:
    """(collapse of the container's text, collapse of its text outside links) from one walk and
    one collapse, or None when the markers cannot tell them apart (nested links, a page that
    holds the marker characters itself): the caller then reads each on its own.

    Pieces of text are joined with spaces and collapse() folds white space, so a marker is
    always a token of its own: removing it (with the space before it) leaves the collapse of
    the text without it, and removing a whole marked span (with the space after it) leaves
    the collapse of the text outside links.
    """
    marks = _mark_links(anchors)
    try:
        marked = collapse(" ".join(container.itertext()))
    finally:
        _unmark_links(marks)
    n = len(anchors)
    if marked.count(_LINK_START) != n or marked.count(_LINK_END) != n:
        return None
    unlinked = _LINKED_SPAN.sub("", marked)
    if _LINK_START in unlinked or _LINK_END in unlinked:
        return None
    text = marked.replace(" " + _LINK_START, "").replace(" " + _LINK_END, "")
    if text[:1] in (_LINK_START, _LINK_END):  # the one marker no space comes before
        text = text[1:]
    return text.strip(), unlinked.strip()


def content_of(root: etree._Element, url: str, rules: Sequence[NoiseRule] = ()) -> tuple[str, dict[str, int], str]:
    """The main content's text, the noise removed, and that text without the text of its links.

    The last is where the page's own dates are read: «Resolución 063 del 15 de enero de 2026» is
    the title of a document it links to, not a date the page declares. Mutates ``root``.
    """
    path = urlsplit(url).path or "/"
    container = main_root(root)
    noise = _drop_boilerplate(container, path, rules)
    anchors = list(container.iterdescendants("a"))
    split = None
    if anchors and container.tag != "a" and next(container.iterancestors("a"), None) is None:
        split = _split_linked(container, anchors)
    if split is None:
        collapsed = collapse(" ".join(container.itertext()))
        unlinked_raw = collapse(" ".join(_UNLINKED_TEXT(container))) if anchors else None
    else:
        collapsed, unlinked_raw = split
    may = may_match(collapsed)
    skip = {name: not ok for name, ok in may.items()}
    text = _denoise(collapsed, path, rules, noise, skip)
    if unlinked_raw is None:
        return text, noise, text
    # the text outside links has only tokens of the text: what cannot match there cannot here
    return text, noise, _denoise(unlinked_raw, path, rules, None, skip if split is not None else None)


def main_text(root: etree._Element, url: str, rules: Sequence[NoiseRule] = ()) -> tuple[str, dict[str, int]]:
    """The page's main content as normalised text, and how much each noise rule removed.

    Mutates ``root`` (elements are dropped): call it after the links were read.
    """
    text, noise, _ = content_of(root, url, rules)
    return text, noise


def extract(text: str, url: str, rules: Sequence[NoiseRule] = ()) -> PageInfo:
    """Title, links and main text of a decoded HTML page, and the dates it declares: its meta
    tags and <time> elements, and the dates written in its main text outside links."""
    root = parse(text)
    if root is None:
        return PageInfo("", [], "")
    title = title_of(root)
    links = links_of(root, url, data=may_hold_data_links(text))
    declared, modified = page_meta_dates(root)
    content, noise, unlinked = content_of(root, url, rules)
    return PageInfo(title, links, content, noise, stored_dates(declared | text_dates(unlinked), modified))


_JSESSIONID = re.compile(r";jsessionid=[^?#/]*", re.IGNORECASE)


def without_session(url: str, params: Sequence[str]) -> str:
    """The URL without session-id query parameters (and ;jsessionid=), so one page is one URL."""
    if "?" not in url and ";" not in url:  # nothing to remove: the crawl's common case
        return url
    url = _JSESSIONID.sub("", url)
    parts = urlsplit(url)
    if not parts.query or not params:
        return url
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    kept = [(k, v) for k, v in pairs if k.lower() not in params]
    if len(kept) == len(pairs):
        return url
    return urlunsplit(parts._replace(query=urlencode(kept)))


def strip_fragment(url: str) -> str:
    return url.split("#", 1)[0]


def follow_targets(links: Iterable[Link]) -> list[str]:
    """Distinct page URLs worth visiting, fragments removed, in page order."""
    return list(dict.fromkeys(strip_fragment(link.url) for link in links if link.followable))
