"""What a section title on a page stands for, as a person reads it: the content after a heading,
an accordion button, a ``summary``, a ``dt``, a ``caption``/``legend``, a numbered bold paragraph,
a paragraph styled as a title or a list entry with its sub-list."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from lxml import etree

from .numerals import label_numeral
from .text import element_text, fold

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
            band = list(h.getparent().getparent().itersiblings())[:1]
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
    if band and isinstance(band[0].tag, str) and band[0].tag not in HEADINGS and _titled_items(band[0], level):
        # a title band («<section><div class="section-title"><h3>NOTICIAS</h3></div></section>»)
        # heads the band after it only when that band is such a grid of titled items
        out.append(band[0])
    return out


def listed_h1(h: Any) -> bool:
    """Whether an ``h1`` is one of several numbered ones on its page («1. Mecanismos de contacto», «2.
    Información de interés» …): the titles of a list's categories, each over its own entries, not the
    page's title (class 1341)."""
    if not label_numeral(element_text(h)):
        return False
    return sum(1 for x in h.getroottree().iter("h1") if label_numeral(element_text(x))) >= 2


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


def _bold_region(el: Any) -> list[Any]:
    """The elements after a bold section title's paragraph, up to the next bold section title."""
    out = []
    for s in list(el.getparent().itersiblings())[:60]:
        if not isinstance(s.tag, str):
            continue
        if any(_bold_title(b) for b in s.iter("strong", "b")) or has_descendant(s, "h1", "h2", "h3"):
            break
        out.append(s)
    return out


# A section title written as a paragraph styled to look like one: «<p class="title-acor">4. Entes
# que vigilan la E.S.E. …</p>» followed by its entries (hubs whose titles are CSS, not headings).
_TITLE_CLASS = re.compile(r"titl|titu|heading|encabezado")
_BLOCKS = ("p", "div", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "a")


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
    nxt = el.getnext()
    if nxt is None or not isinstance(nxt.tag, str) or not _PANEL_CLASS.search((nxt.get("class") or "").lower()):
        return None
    if has_descendant(el, *_NOT_IN_HEADER) or not 0 < len(element_text(el).split()) <= HEADER_MAX_WORDS:
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
        return _bold_region(el) if _bold_title(el) else None
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


_SECTION_MEDIA = ("img", "table", "iframe", "video", "embed", "object")  # boolean(.//img | .//table | ...)
# an entry's number in a menu's list («1.1», «4.10», «9.»): it orders the entries, it says nothing
_LIST_NUMBER = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2}){1,3}\.?|\d{1,2}\.)$")


def _content_words(text: str) -> int:
    """Words of a text, the list numbers before its entries not counted (class 190)."""
    return sum(1 for t in text.split() if not _LIST_NUMBER.match(t))


def section_words_links(els: list[Any], lead: str = "") -> tuple[int, list[str], bool, str]:
    """Words not in links (list numbers not counted), the links' hrefs, media, and the text of a
    section's content elements. An ``<a href="">`` is a link, to the page it is on (class 190):
    «<strong>1.1</strong> <a href="">Misión, visión…</a>» is an entry that leads nowhere, not text."""
    words = _content_words(lead)
    hrefs: list[str] = []
    media = False
    texts = [lead]
    for s in els:
        if not isinstance(s.tag, str):
            continue
        if s.tag in ("img", "table", "iframe", "video") or has_descendant(s, *_SECTION_MEDIA):
            media = True
        text = element_text(s)
        texts.append(text)
        anchors = [a for a in s.iter("a") if a.get("href") is not None]  # iter includes s itself
        hrefs += [a.get("href") for a in anchors]
        words += (
            _content_words(text) - sum(_content_words(element_text(a)) for a in anchors) + _content_words(s.tail or "")
        )
    return words, hrefs, media, " ".join(texts)


def empty_pane(title: str, words: int, body: str, media: bool) -> bool:
    """Whether a section's content is its own title repeated and a few words more: a tab button
    whose pane opens with the button's label as a heading («6.3-Programas y proyectos de ejecución»)
    then «Aun no hay documentos en este item» has no content of its own, however long the title."""
    own = fold(title).strip()
    return not media and bool(own) and own in fold(body) and words - len(own.split()) < 12


DEAD_ENTRIES = "#"  # only_links value of a section whose every entry links to «#» or a script
EMPTY_SECTION = "-"  # only_links value of a section that says it has nothing yet («Aun no hay documentos»)
BARE_ENTRY = "0"  # only_links value of an entry a heading lists with nothing under it
BLANK_SECTION = "_"  # only_links value of a titled section whose content is an empty element
SCRIPTED = "~"  # only_links value of an entry (or a section of entries) that opens by script: not seen
REPEATED_BODY = "="  # only_links value of a section whose content is, word for word, other sections'
DEAD_HREF = re.compile(r"^\s*(?:#|javascript:|$)", re.I)  # a link that leads nowhere: «#», a script, the page itself
STAND_IN = "*"  # only_links value of a section whose content is a template's stand-in text (class 191)
# only_links value of a category of the menu's list (its title opens with the category's number, «9.»)
# whose content is a short note and nothing else (class 192)
CATEGORY_NOTE = "^"
# sections a page shows with nothing published under them (all «#», «Aun no hay documentos», an
# empty box, a listed entry with nothing after it, the template's filler, a category's short note)
SHOWN_EMPTY = (
    [EMPTY_SECTION],
    [DEAD_ENTRIES],
    [BLANK_SECTION],
    [BARE_ENTRY],
    [REPEATED_BODY],
    [STAND_IN],
    [CATEGORY_NOTE],
)
# A template's stand-in text, never replaced (folded): Bootstrap's documentation paragraph the
# accordion example ships with («Placeholder content for this accordion, which is intended to
# demonstrate the .accordion-flush class»), the theme's «lorem ipsum». It fills a box; it publishes
# nothing. (emptiness.py reads a whole page of «lorem ipsum» the same way.)
_STAND_IN_TEXT = re.compile(r"\b(?:placeholder content for this|lorem ipsum)\b")


def stand_in_body(body: str, hrefs: Sequence[str], media: bool) -> bool:
    """Whether a section's content is a template's stand-in text and nothing else a person can use:
    no media, no link that leads anywhere."""
    return not media and all(DEAD_HREF.match(h) for h in hrefs) and bool(_STAND_IN_TEXT.search(fold(body)))


REPEATS = 3  # titles over one same content: a template's stand-in, nothing of any of them
REPEATED_MIN_WORDS = 12


def repeated_bodies(bodies: Sequence[tuple[str, str]]) -> set[str]:
    """The titles of the sections whose text content (REPEATED_MIN_WORDS words or more) is, word for
    word, that of sections of REPEATS titles or more on the page: «3.4. Organigrama», «7.4. Entes de
    control»… each opening the entity's same contact block show nothing of their own."""
    by_body: dict[str, set[str]] = {}
    for title, body in bodies:
        key = " ".join(fold(body).split())
        if key.count(" ") + 1 >= REPEATED_MIN_WORDS:
            by_body.setdefault(key, set()).add(title)
    shared = [key for key, titles in by_body.items() if len(titles) >= REPEATS]
    out = {t for key in shared for t in by_body[key]}
    if not out:
        return out
    # a section holding only such sections («4. Normatividad» over «4.1. Normatividad» and its
    # copy of the block) has nothing of its own either
    parts = sorted([*shared, *(" ".join(fold(t).split()) for t in out)], key=len, reverse=True)
    for title, body in bodies:
        rest = " ".join(fold(body).split())
        if title in out or not any(key in rest for key in shared):
            continue
        for part in parts:
            rest = rest.replace(part, " ")
        if len(rest.split()) <= 2:
            out.add(title)
    return out


_COUNT = re.compile(r"^\(?\s*(\d+)\s+(?:documentos?|archivos?|elementos?|publicaciones?|registros?)\b")
_LETTERS = re.compile(r"[^\W\d_]{2,}")


def counted_category(el: Any) -> tuple[str, str, int] | None:
    """A filter button that names a category, describes it and counts what it holds («💰
    Presupuesto · Presupuesto general, ejecución presupuestal… · 0 documento(s)»), as its parts
    (``span``s) show them: (name, description, count). A person reads the name with its description;
    the count says whether the page has anything under it. None for any other button."""
    parts = [element_text(c) for c in el if isinstance(c.tag, str)]
    parts = [t for t in parts if t and (_LETTERS.search(t) or _COUNT.match(fold(t)))]
    if len(parts) != 3 or not (m := _COUNT.match(fold(parts[2]))):
        return None
    name, description = parts[0], parts[1]
    if not 0 < len(name.split()) <= 8 or not 3 <= len(description.split()) <= 25:
        return None
    return name, description, int(m.group(1))


_CATEGORY_EMPTY = re.compile(
    r"\bno hay (?:documentos|archivos|publicaciones|registros|elementos) (?:disponibles |publicados )?"
    r"en (?:la|el|esta|este) (?:categoria|seccion|tipo|modulo|carpeta) [\"'“«]?([^\"'”».]{2,60})[\"'”»]?"
)


def empty_category_notice(el: Any) -> str:
    """The category a notice says has nothing («No hay documentos disponibles en la categoría
    "Normatividad"», the page a filter opens), as the page writes it; else ""."""
    if "hay" not in "".join(el.itertext()).lower():  # most paragraphs: no notice, no text made
        return ""
    text = element_text(el)
    if not text or len(text) > 200:
        return ""
    m = _CATEGORY_EMPTY.search(fold(text))
    if m is None:
        return ""
    folded = fold(text)
    start, end = m.span(1)
    return text[start:end].strip() if len(folded) == len(text) else m.group(1).strip()


_ENTRY_NUMERAL = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2}){1,3}\.?(?:\s|$)")


def numbered_entry(h: Any, text: str) -> bool:
    """Whether a heading is a numbered entry of a menu's list (``3.3``, ``4.1.``: a numeral with its
    section's number): its text opens with the numeral («4.5 Informes de empalme»), or the element
    just before it is that numeral alone, a badge over the title (``<span>3.3</span><h4>Publicación
    de la ejecución de contratos</h4>``), and the heading links nowhere."""
    if any(a.get("href") for a in h.iter("a")):
        return False
    if _ENTRY_NUMERAL.match(text):
        return True
    prev = h.getprevious()
    while prev is not None and not isinstance(prev.tag, str):  # a comment between them
        prev = prev.getprevious()
    return (
        prev is not None
        and not (prev.tail or "").strip()
        and not len(prev)
        and bool(_ENTRY_NUMERAL.match(prev.text or ""))
        and not (prev.text or "").strip().rstrip(".").count(" ")
    )


def consent_box(region: Sequence[Any]) -> bool:
    """Whether a heading's content is a form's consent: a checkbox to tick («Acepto la política de
    tratamiento de datos personales y autorizo…») with no more than its sentence. «Términos y
    condiciones» over it is what the sender accepts, not the site's terms of use."""
    boxes = [x for s in region if isinstance(s.tag, str) for x in s.iter("input") if x.get("type") == "checkbox"]
    if not boxes or len(boxes) > 2:
        return False
    return sum(len(element_text(s).split()) for s in region if isinstance(s.tag, str)) <= 80


# A pre-filter asked once of a page rather than of every paragraph and line: what
# ``empty_category_notice`` finds has «no hay» in a paragraph's folded text, what
# ``numbered_no_aplica`` finds has «no aplica» (re.I: only ASCII A, P, L match a, p, l) in a line's.
# Each element's text (``element_text``) is a run of the page's words, so its folded text is in the
# page's folded main text (:func:`main_fold`) when the element is in the page's body; for a page
# with such elements outside its body, in the page's whole text (one serialisation, in C) lower-cased
# as ASCII (only ASCII letters lower-case to a, h, l, p, y).


def main_fold(root: Any) -> str:
    """A page's folded main text: its body's (its whole document's when it has no body)."""
    body = root.find("body")
    return fold(element_text(body if body is not None else root))


def may_hold(root: Any, folded: str) -> tuple[bool, bool]:
    """Whether some paragraph of the page may say «no hay…» and some line «… no aplica»;
    ``folded``: the page's :func:`main_fold`."""
    body = root.find("body")
    if body is None or not any(c is not body and next(c.iter("li", "p", "div"), None) is not None for c in root):
        return "hay" in folded, "apl" in folded
    text = etree.tostring(root, method="text", encoding="utf-8").lower()
    return b"hay" in text, b"apl" in text
