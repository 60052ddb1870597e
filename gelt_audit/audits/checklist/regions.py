"""What a section title on a page stands for, as a person reads it: the content after a heading,
an accordion button, a ``summary``, a ``dt``, a ``caption``/``legend``, a numbered bold paragraph,
a paragraph styled as a title or a list entry with its sub-list."""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from .accordion_items import alone_in_item
from .numerals import label_numeral
from .reading_order import before_mark
from .text import element_text

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# Buttons that open a section (accordions, tabs, Bootstrap «pills»), as opposed to submit or search
# buttons.
_SECTION_BUTTON = re.compile(r"accordion|collapse|acordeon|desplegable|toggle|tab\b|pill")
# A panel a plain button opens when it follows it: Bootstrap's «collapse» (react-bootstrap's Accordion).
_PANEL = re.compile(r"(?:^|\s)collapse(?:\s|$)")
_BY_ID = etree.XPath("//*[@id=$i]")
# A box the page marks as a section's title («section-title», «titulo-seccion»): alone in its band, it
# titles the band after it (a banner that merely holds a heading, «Visita nuestra guía…», does not).
_TITLE_BOX = re.compile(r"titl|titul|heading|encabezado", re.IGNORECASE)
_ID = re.compile(r"^[\w:.-]{1,100}$")


_MEDIA = ("img", "table", "iframe", "video", "embed", "object", "form")


# Descendants looked for with lxml's iterators (C) rather than XPath: an XPath call sets up a
# context and walks the subtree once per branch of a union; these ask the same of the elements.
def has_descendant(el: Any, *tags: str) -> bool:
    """Whether an element has a descendant (not itself) with one of the tags: ``boolean(.//t1 | .//t2)``."""
    return next(el.iterdescendants(*tags), None) is not None


def has_link(el: Any) -> bool:
    """Whether an element has a link inside: ``boolean(.//a)``."""
    return next(el.iterdescendants("a"), None) is not None


def _control(el: Any) -> bool:
    """Whether an element beside a heading shows nothing: no text, no media, and links (if any)
    only to a part of the page (a carousel's arrows, a decorative rule)."""
    if not isinstance(el.tag, str):
        return True
    if has_descendant(el, *_MEDIA):
        return False
    hrefs = [h for a in el.iterdescendants("a") if (h := a.get("href")) is not None]  # .//a/@href
    if not all(x.strip().startswith("#") for x in hrefs):
        return False
    text = element_text(el).replace(" ", "")
    # any text is the text of those links («‹», «Anterior»), none of its own
    return not text or (
        bool(hrefs) and len(text) <= len("".join(element_text(a) for a in el.iter("a")).replace(" ", ""))
    )


def _titled_items(block: Any, level: int) -> bool:
    """Whether the headings of a block at ``level`` or higher are the titles of a run of items (cards
    of a grid): two or more, all of one tag, each in its own box inside the block, rather than the
    next sections of a text (which share their column) or a band with a title of its own (a heading
    that is the block's child)."""
    headings = [x for x in block.iterdescendants(*_HEADING_TAGS) if int(x.tag[1]) <= level]
    parents = [x.getparent() for x in headings]  # lxml keeps one proxy per element while it is held
    return (
        len(headings) >= 2
        and len({x.tag for x in headings}) == 1
        and len(set(parents)) == len(headings)
        and all(p is not block for p in parents)
    )


def heading_region(h: Any) -> list[Any]:
    """The elements after a heading up to the next heading of its level (or higher). A heading
    alone in its title wrapper (or beside only controls that show nothing) stands for what
    follows the wrapper, or, when the wrapper is a title box alone in its band, for what follows the band. A
    block right after the heading that is a grid of items titled at the heading's level (or
    higher) is its content: the items' titles are theirs, not the next sections (class 1361)."""
    level = int(h.tag[1])
    sibs = list(h.itersiblings())[:40]
    band = None
    if h.getparent() is not None and all(_control(s) for s in sibs):
        sibs = list(h.getparent().itersiblings())[:40]
        if not sibs and _TITLE_BOX.search(h.getparent().get("class") or "") and h.getparent().getparent() is not None:
            band = _band_after(h.getparent().getparent())
    out = []
    for s in sibs:
        if not isinstance(s.tag, str):
            continue
        if s.tag in HEADINGS and int(s.tag[1]) <= level:
            break
        if any(int(x.tag[1]) <= level for x in s.iterdescendants(*_HEADING_TAGS)):
            if not out and _titled_items(s, level):
                out.append(s)
            break
        out.append(s)
    if band and isinstance(band[0].tag, str) and band[0].tag not in HEADINGS and _entries_of(band[0], level):
        # a title band («<section><div class="section-title"><h3>NOTICIAS</h3></div></section>»)
        # heads the band after it only when that band is such a grid of titled items
        out.append(band[0])
    return out


_CLIPS = ("iframe", "video", "embed", "object")


def clip_before(h: Any) -> Any | None:
    """The video or other embed a card draws right above its title (class 2514, H251): the element
    just before a minor heading (``h4``–``h6``; past what shows nothing) that is an embed or a box
    holding one and nothing else (no text, link or heading), as Bootstrap's «<div
    class="embed-responsive"><iframe …></div><h4>Rendición de cuentas …</h4>». A person reads the
    heading as the title of the video above it; ``None`` otherwise."""
    if h.tag not in ("h4", "h5", "h6"):
        return None
    prev = h.getprevious()
    while prev is not None and (not isinstance(prev.tag, str) or _blank(prev)):
        prev = prev.getprevious()
    if prev is None or prev.tag in HEADINGS:
        return None
    if prev.tag in _CLIPS:
        return prev
    shows = "".join(prev.itertext()).strip() or has_descendant(prev, "a", "img", "form", "table", *_HEADING_TAGS)
    return prev if not shows and has_descendant(prev, *_CLIPS) else None


def _band_after(box: Any) -> list[Any]:
    """The band after a title box's column: the next element after the box, or, while the box is the
    only element of its row and column (``<div class="row"><div class="col-12"><div
    class="section-heading"><h3>``), after that row (two levels at most; class 2424)."""
    for _ in range(3):
        nxt = list(box.itersiblings())[:1]
        parent = box.getparent()
        if nxt or parent is None or parent.tag in ("body", "main") or sum(isinstance(c.tag, str) for c in parent) != 1:
            return nxt
        box = parent
    return []


def _entries_of(block: Any, level: int) -> bool:
    """Whether a band is a grid of items a title band heads: titled at the title's level or higher
    (class 1361), or titled only below it (class 2424: «Noticias» in h3 over entries in h5), with no
    title of its own level or higher that would be the next section."""
    if _titled_items(block, level):
        return True
    return not any(int(x.tag[1]) <= level for x in block.iterdescendants(*_HEADING_TAGS)) and _titled_items(block, 6)


def _blank(el: Any) -> bool:
    """Whether an element shows nothing: no text, no media, no link, no heading."""
    return (
        el.tag not in HEADINGS
        and not "".join(el.itertext()).strip()
        and not has_descendant(el, *_MEDIA, "a", *_HEADING_TAGS)
        and el.tag not in _MEDIA
    )


def title_follows(h: Any) -> bool:
    """Whether the next element after a heading is a title of its level or higher, past what shows
    nothing; or, when the heading is alone in its wrapper, whether the next wrapper opens with one
    (nothing shown before it): the section is titled and has nothing under it («el siguiente título viene
    enseguida», docs/checklist-states.md, «Nombrado y vacío»)."""
    level = int(h.tag[1])
    node = h
    parent = h.getparent()
    if parent is not None and sum(1 for c in parent if isinstance(c.tag, str)) == 1:
        # alone in its wrapper («<section><h2>Eventos</h2></section>»); beside a spacer or a picture
        # it is not: its content may be the next block (class 35), or the picture (a card)
        node = parent
    nxt = node.getnext()
    # past what shows nothing (a comment, an empty paragraph, a line break, a rule)
    while nxt is not None and (not isinstance(nxt.tag, str) or _blank(nxt)):
        nxt = nxt.getnext()
    if nxt is None:
        return node is not h and _closes_titles(node, h)
    if node is h and nxt.tag not in HEADINGS:
        return False  # a box after the title, even one that opens with a title, is read as its content (class 1361)
    first = nxt if nxt.tag in HEADINGS else next(nxt.iterdescendants(*_HEADING_TAGS), None)
    if first is None or int(first.tag[1]) > level:
        return False
    for x in nxt.iter():  # a box that opens with the title: no picture or text of its own before it
        if x is first:
            return True
        if x.tag in _MEDIA or (isinstance(x.tag, str) and (x.text or "").strip()):
            return False
    return False


def _closes_titles(box: Any, h: Any) -> bool:
    """Whether a heading alone in its wrapper, the last thing of its list, closes a run of such wrappers
    whose one before is itself a title over nothing (an accordion's last title, «Obligación de reporte
    de información», after eight titles with nothing under any): the list ends, nothing is under it
    either, as a person reads the last title like the others (class 2660)."""
    prev = box.getprevious()
    while prev is not None and (not isinstance(prev.tag, str) or _blank(prev)):
        prev = prev.getprevious()
    if prev is None or prev.tag != box.tag or prev.get("class") != box.get("class"):
        return False
    first = next((x for x in prev if isinstance(x.tag, str)), None)
    return first is not None and first.tag == h.tag and title_follows(first)


def listed_h1(h: Any) -> bool:
    """Whether an ``h1`` is one of several numbered ones on its page («1. Mecanismos de contacto», «2.
    Información de interés» …): the titles of a list's categories, each over its own entries, not the
    page's title (class 1341)."""
    if not label_numeral(element_text(h)):
        return False
    return sum(1 for x in h.getroottree().iter("h1") if label_numeral(element_text(x))) >= 2


def h1_over_nothing(h: Any) -> bool:
    """Whether an ``h1`` is one of several plain ones on its page (the titles of its parts, «Misión»,
    «Visión», «Objetivos»: none is the page's title) with nothing under it: what follows it in its
    wrapper shows nothing (an empty quote), and what follows the wrapper (past what shows nothing)
    opens with the next ``h1`` or is the end of the page (contraloriands: «<h1>Misión</h1>
    <blockquote><p></p></blockquote>» then the column «<h1>Visión</h1>…»). A title whose wrapper is
    followed by content (a row of services under «Trámites y Servicios») heads that content.
    «Nombrado y vacío» (docs/checklist-states.md) for a title over no content (class 2292, H229)."""
    if label_numeral(element_text(h)) or sum(1 for x in h.getroottree().iter("h1") if element_text(x)) < 2:
        return False
    if not all(_blank(s) for s in h.itersiblings() if isinstance(s.tag, str)):
        return False
    node = h.getparent()
    while node is not None and node.tag not in ("body", "html"):
        nxt = next((s for s in node.itersiblings() if isinstance(s.tag, str) and not _blank(s)), None)
        if nxt is not None:
            return _opens_with_h1(nxt)
        node = node.getparent()
    return True


def _opens_with_h1(box: Any) -> bool:
    """Whether a box's first text, picture or title is an ``h1``."""
    for x in box.iter():
        if x.tag == "h1":
            return True
        if x.tag in _MEDIA or (isinstance(x.tag, str) and (x.text or "").strip()):
            return False
    return False


# A numbered section title written as a paragraph that is only bold text: «<p><strong>3.
# ESTRUCTURA ORGANIZACIONAL</strong></p>» (Res. 3564 hubs made in a word processor).
_NUMBERED = re.compile(r"^\d{1,2}(?:\.\d{1,2})*[.)]?\s+\w")


def _bold_title(el: Any) -> bool:
    """Whether a ``strong``/``b`` is a numbered section title: the whole text of its paragraph."""
    parent = el.getparent()
    if parent is None or parent.tag not in ("p", "div", "td") or has_link(el):
        return False
    text = element_text(el)
    return bool(_NUMBERED.match(text)) and element_text(parent) == text


# An unnumbered section title written the same way, «<p><b>Manual de Contratación…</b></p>» over a
# list of documents or a paragraph (pages made without headings): a paragraph of its own, short, all
# bold, that ends in no colon (a field's label, «Dirección:», is read with its value)
PLAIN_TITLE_MAX_WORDS = 15


def _plain_bold_title(el: Any) -> bool:
    """Whether a ``strong``/``b`` is an unnumbered section title: the whole text of a ``p`` outside a
    list or table, at most ``PLAIN_TITLE_MAX_WORDS`` words, no colon at its end, no link."""
    parent = el.getparent()
    if parent is None or parent.tag != "p" or has_link(el) or has_descendant(parent, *_BLOCKS):
        return False
    text = element_text(el)
    if not 0 < len(text.split()) <= PLAIN_TITLE_MAX_WORDS or text.rstrip().endswith(":"):
        return False
    if element_text(parent) != text or any(a.tag in ("li", "td", "th", "a", *HEADINGS) for a in parent.iterancestors()):
        return False
    return True


def _bold_region(el: Any, plain: bool = False) -> list[Any]:
    """The elements after a bold section title's paragraph, up to the next bold section title (of
    either form when ``plain``: an unnumbered title's section ends at the next title of its page)."""
    out = []
    for s in list(el.getparent().itersiblings())[:60]:
        if not isinstance(s.tag, str):
            continue
        marks = s.iter("strong", "b", "h1", "h2", "h3")
        stop = next((x for x in marks if x.tag[0] == "h" or _bold_title(x) or (plain and _plain_bold_title(x))), None)
        if stop is not None and stop.tag[0] != "h":
            # class 2700: a list left open holds the next title: what comes before it is this one's
            return out + before_mark(s, stop)
        if stop is not None:
            break
        out.append(s)
    return out


# A section title written as a paragraph styled to look like one: «<p class="title-acor">4. Entes
# que vigilan la E.S.E. …</p>» followed by its entries (hubs whose titles are CSS, not headings).
_TITLE_CLASS = re.compile(r"titl|titu|heading|encabezado")
_BLOCKS = ("p", "div", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "a")


# A component's own title element, by its name: Angular Material's «<mat-card-title>», Ionic's
# «<ion-card-title>», any custom element named «…-title» or «…-heading» (a «…-subtitle» describes, it
# does not title).
_CUSTOM_TITLE = re.compile(r"-(?:title|heading)$")
_CUSTOM_TITLES = etree.XPath("//*[contains(local-name(), '-title') or contains(local-name(), '-heading')]")
# The parser keeps a tag's name as the source writes it (ASCII letters lower-cased): a page whose
# source lacks «-title» and «-heading» in any case has no such element, and its tree need not be
# searched (a scan that skips to each «-», ~4× cheaper than the search on the bench's pages).
_CUSTOM_TITLE_SOURCE = re.compile(r"-(?:title|heading)", re.I)


def may_hold_custom_titles(source: str) -> bool:
    """Whether a page's source may have an element :func:`custom_titles_as_styled` rewrites: False
    means it has none."""
    return _CUSTOM_TITLE_SOURCE.search(source) is not None


def custom_titles_as_styled(root: Any) -> None:
    """Write a component's title element (a custom element named as a title, see ``_CUSTOM_TITLE``) as
    the ``div`` a browser lays it out as, its class naming it a title: a person reads the card's
    title over what follows it as a heading (:func:`styled_title`; class 1530)."""
    for el in _CUSTOM_TITLES(root):
        tag = el.tag
        if not isinstance(tag, str) or not _CUSTOM_TITLE.search(tag):
            continue
        el.tag = "div"
        cls = el.get("class") or ""
        if not _TITLE_CLASS.search(cls.lower()):
            el.set("class", f"{cls} {tag}".strip())


def styled_title(el: Any) -> bool:
    """Whether a ``p``/``div``/``td`` is a title by its class: short text, no link, no block inside."""
    cls = el.get("class")
    if not cls or not _TITLE_CLASS.search(cls.lower()):
        return False
    if has_descendant(el, *_BLOCKS):
        return False
    return 0 < len(element_text(el).split()) <= 20


def _styled_region(el: Any) -> list[Any]:
    """The elements after a styled title, up to the next title like it (same tag and class) or a
    heading."""
    out = []
    for s in list(el.itersiblings())[:60]:
        if not isinstance(s.tag, str):
            continue
        if (s.tag == el.tag and s.get("class") == el.get("class")) or s.tag in HEADINGS:
            break
        out.append(s)
    return out


def aria_toggle(el: Any) -> bool:
    """Whether a ``div``/``span`` is a disclosure button by its ARIA marks: ``role="button"`` and
    ``aria-expanded``, a short label and nothing else inside (rsuite's ``Panel``:
    ``div.rs-panel-header[role=button][aria-expanded] > span.rs-panel-title`` then its body)."""
    if el.get("role") != "button" or el.get("aria-expanded") is None:
        return False
    if has_descendant(el, *_BLOCKS):
        return False
    return 0 < len(element_text(el).split()) <= 20


# An accordion header written as a ``div`` (a template's «<div class="accordion"><div>3.4.
# Organigrama</div></div>» then «<div class="accordion_panel">»): no heading, no button; the
# panel after it is what a click opens.
_PANEL_CLASS = re.compile(r"panel|collapse|content|body|answer|respuesta|contenido")
_NOT_IN_HEADER = ("a", "p", "ul", "ol", "li", "table", "img", "button", "form", "iframe", *_HEADING_TAGS)
HEADER_MAX_WORDS = 20


def _header_region(el: Any) -> list[Any] | None:
    """The panel a ``div`` marked as an accordion header opens: the element right after it, marked
    as a panel; None for any other ``div`` (a whole accordion, a panel, a tab pane)."""
    cls = (el.get("class") or "").lower()
    if not cls or not _SECTION_BUTTON.search(cls) or _PANEL_CLASS.search(cls):
        return None
    if has_descendant(el, *_NOT_IN_HEADER) or not 0 < len(element_text(el).split()) <= HEADER_MAX_WORDS:
        return None
    nxt = el.getnext()
    if nxt is None and alone_in_item(el):
        return []  # an accordion item of only its header: the list names it, nothing under (class 3020)
    if nxt is None or not isinstance(nxt.tag, str) or not _PANEL_CLASS.search((nxt.get("class") or "").lower()):
        return None
    return [nxt]


def opener_region(el: Any) -> list[Any] | None:
    """The content a section opener (accordion button, summary, dt, caption, legend, numbered
    bold paragraph, an ARIA disclosure button) stands for; None when the element is not one (a
    submit button, a button inside a heading, bold text inside a sentence)."""
    tag = el.tag
    if tag == "div" and aria_toggle(el):
        if any(a.tag in HEADINGS for a in el.iterancestors()):
            return None  # the heading around it is the label
        pane = _target_pane(el)
        if pane is not None:
            return [pane]
        nxt = el.getnext()
        return [nxt] if nxt is not None else []
    if tag in ("p", "div"):
        if styled_title(el):
            return _styled_region(el)
        return _header_region(el) if tag == "div" else None
    if tag in ("strong", "b"):
        if _bold_title(el):
            return _bold_region(el)
        return _bold_region(el, plain=True) if _plain_bold_title(el) else None
    if tag == "button":
        if any(a.tag in HEADINGS for a in el.iterancestors()):
            return None  # the heading around it is the label
        marks = " ".join(el.get(k) or "" for k in ("class", "data-bs-toggle", "data-toggle", "aria-controls", "role"))
        nxt = el.getnext()
        if nxt is None and el.getparent() is not None:
            nxt = el.getparent().getnext()
        if el.get("aria-expanded") is None and not _SECTION_BUTTON.search(marks.lower()):
            # react-bootstrap's Accordion.Toggle («div.card-header > button.btn-link» then
            # «div.collapse»): no mark on the button, the panel after it is what it opens
            if nxt is None or not isinstance(nxt.tag, str) or not _PANEL.search(nxt.get("class") or ""):
                return None
        pane = _target_pane(el)
        if pane is not None:
            return [pane]
        return [nxt] if nxt is not None else []
    if tag == "a":
        return _anchor_opener_region(el)
    if tag == "summary":
        parent = el.getparent()
        return [x for x in parent if x is not el] if parent is not None else []
    if tag == "dt":
        out = []
        for s in el.itersiblings():
            if s.tag != "dd":
                break
            out.append(s)
        return out
    if tag in ("caption", "legend"):
        parent = el.getparent()
        return [x for x in parent if x is not el] if parent is not None else []
    if tag == "li":
        # «<li>4.6. Información pública y/o relevante.<ul><li><a>…» : the entry titles its sub-list
        sub = next((c for c in el if c.tag in ("ul", "ol")), None)
        if sub is None and in_titled_list(el):
            # «<li>Reportes de Control Interno</li><ul>…</ul><li>Defensa judicial</li>»: each entry a
            # title, its sub-list written after it (or none: listed, nothing published)
            nxt = el.getnext()
            return [nxt] if nxt is not None and nxt.tag in ("ul", "ol") else []
        return [sub] if sub is not None and li_label(el) else None
    return None


def opened_element(el: Any) -> Any | None:
    """The element a button opens by the id it names (a modal, a tab pane), if any."""
    return _target_pane(el)


def _target_pane(el: Any) -> Any | None:
    """The element a tab or collapse button opens, found by the id it names (``data-bs-target``,
    ``data-target``, ``aria-controls``): Bootstrap's vertical tabs put every button in one column and
    the panes elsewhere on the page, so the button's neighbour is another button, not its content.
    None when it names no element of the page, or one that holds the button."""
    for attr in ("data-bs-target", "data-target", "aria-controls"):
        ref = (el.get(attr) or "").strip().lstrip("#")
        if not _ID.match(ref):
            continue
        found = _BY_ID(el, i=ref)
        if found and found[0] is not el and not any(a is found[0] for a in el.iterancestors()):
            return found[0]
    return None


def _anchor_opener_region(el: Any) -> list[Any] | None:
    """The panel an accordion header drawn as a link without an address opens (PrimeNG's
    ``<div class="p-accordion-header"><a role="button">…</a></div>`` then its panel); None for any
    other link. The header's text is the section's title, as a button's is."""
    if el.get("href") is not None or any(a.tag in HEADINGS for a in el.iterancestors()):
        return None
    parent = el.getparent()
    marks = " ".join(x.get("class") or "" for x in (el, parent) if x is not None)
    if el.get("role") != "button" or not _SECTION_BUTTON.search(marks.lower()):
        return None
    nxt = el.getnext()
    if nxt is None and parent is not None and len([c for c in parent if isinstance(c.tag, str)]) == 1:
        nxt = parent.getnext()
    return [nxt] if nxt is not None else []


def in_titled_list(el: Any) -> bool:
    """Whether a list entry with no link of its own is a title of a list of titled sub-lists, each
    sub-list written after its entry rather than inside it («<li>Reportes de Control Interno</li>
    <ul>…</ul><li>Defensa judicial</li>»: a template's JSX, or a heading that wrapped the list)."""
    parent = el.getparent()
    if parent is None or parent.tag not in ("ul", "ol") or has_link(el) or not li_label(el):
        return False
    return any(c.tag == "li" and c.getnext() is not None and c.getnext().tag in ("ul", "ol") for c in parent)


# An entry that opens its content with a script: no address, but marked as something to click (a
# click attribute, a link role, a class that says «link»: Angular's ``<li class="hipervinculo">``
# navigated by a click handler). Who reads the page in a browser clicks it; the crawl cannot.
_CLICK_ATTRS = ("onclick", "ng-click", "data-ng-click", "v-on:click", "@click", "data-href", "data-url", "data-link")
_CLICK_KEYS = frozenset(_CLICK_ATTRS)  # one set test of an element's attribute names, not a get() each
_LINK_CLASS = re.compile(
    r"(?:^|[\s_-])(?:hipervinculo|vinculo|enlace|link|clickable|clicable|cursor-pointer)(?:$|[\s_-])"
)
_HAS_WAY = etree.XPath("boolean(.//a[@href] | .//area[@href] | .//form | .//button | .//input)")
_ENTRY_BLOCKS = ("p", "div", "table", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6")
SCRIPTED_MAX_WORDS = 15  # an entry's name, not a paragraph


# A tab of a tab strip written without a link or a button (React's ``<div class="navTab">``): a person
# clicks it and its panel is drawn; the server sent only the selected tab's panel, so what an unselected
# tab opens was not seen. Not the panels («tab-pane», «tab-content»): only a tab's own class names.
_TAB_CLASS = re.compile(r"(?:nav[-_]?)?tab(?:[-_](?:item|link|button|btn|label|title|header|name))?")
_SELECTED = frozenset(("active", "selected", "current", "is-active", "is-selected"))


def _tab_mark(el: Any, cls: str) -> bool | None:
    """Whether an element is a tab of a strip: True for an unselected tab, False for the selected one
    (its panel is the one on the page), None when it is no tab."""
    tokens = cls.split()
    if el.get("role") != "tab" and not any(_TAB_CLASS.fullmatch(t) for t in tokens):
        return None
    return not (_SELECTED & set(tokens) or (el.get("aria-selected") or "").lower() == "true")


def scripted_entry(el: Any) -> str:
    """The name of an entry (``li``, ``p``, ``div``) that opens its content with a script, else "":
    no address, nothing inside to follow, a short name, and marked as clickable (or an unselected
    tab of a tab strip)."""
    # the attribute tests first: asked of every li, p and div of every page, they reject almost all
    marks = el.get("role") in ("link", "menuitem") or not _CLICK_KEYS.isdisjoint(el.keys())
    cls = (el.get("class") or "").lower()
    if (
        not marks
        and not _LINK_CLASS.search(cls)
        and not (("tab" in cls or el.get("role") == "tab") and _tab_mark(el, cls))
    ):
        return ""
    if el.get("href") is not None or _HAS_WAY(el):
        return ""
    if el.tag != "li" and _beside_link(el):
        return ""  # «<a href="/foros">Foros</a><p class="enlace-descripcion">…</p>»: the link's description
    if el.tag != "li" and any(isinstance(c.tag, str) and c.tag in _ENTRY_BLOCKS for c in el.iterdescendants()):
        return _card_title(el)
    text = li_label(el) if el.tag == "li" else element_text(el)
    return text if 0 < len(text.split()) <= SCRIPTED_MAX_WORDS else ""


_CARD_MAX_WORDS = 40  # a card's title, a one-line blurb and its call to action; not a page's wrapper


def _card_title(el: Any) -> str:
    """The title of a card that opens its page with a script, else "": a clickable block (see
    :func:`scripted_entry`) holding one heading and few words (React's ``<div class="cursor-pointer">``
    around an image, «<h3>Consulta Ciudadana</h3>», a one-line blurb and «Explorar»). Its blurb
    announces what the card opens, which is not on this page: the card is an entry, not a section
    that publishes its title (class 1350)."""
    heads = list(el.iterdescendants(*_HEADING_TAGS))
    if len(heads) != 1 or len(element_text(el).split()) > _CARD_MAX_WORDS:
        return ""
    text = element_text(heads[0])
    return text if 0 < len(text.split()) <= SCRIPTED_MAX_WORDS else ""


def _beside_link(el: Any) -> bool:
    """Whether a block sits beside a link in the same entry (a sibling ``a[href]``): it describes
    that link (its caption, a one-line blurb), whatever its class says; it opens nothing itself."""
    parent = el.getparent()
    return parent is not None and any(c is not el and c.tag == "a" and c.get("href") for c in parent)


_VOID_SCRIPT = re.compile(r"^\s*javascript:\s*(?:void\s*\(\s*0?\s*\)|;|false|undefined)?\s*;?\s*$", re.I)


def scripted_anchor(a: Any, href: str) -> bool:
    """Whether a link to «#» or ``javascript:`` opens its content with a script: a click attribute,
    or a ``javascript:`` call (``javascript:abrir(7)``; ``javascript:void(0)`` alone does nothing)."""
    if any(a.get(k) is not None for k in _CLICK_ATTRS):
        return True
    return href.strip().lower().startswith("javascript:") and not _VOID_SCRIPT.match(href)


def li_label(el: Any) -> str:
    """The text of a list entry before its nested list (its own label)."""
    bits = [el.text or ""]
    for c in el:
        if c.tag in ("ul", "ol"):
            break
        if isinstance(c.tag, str):
            bits.append(element_text(c))
        bits.append(c.tail or "")
    return " ".join(" ".join(bits).split())
