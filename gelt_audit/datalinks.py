"""Links written in a data attribute: ``<button data-url="/docs/x.pdf">Descargar</button>``,
``<div class="card" data-href="/tramites">…</div>``.

A site's script sends whoever clicks such an element to the address (``window.location =
el.dataset.url``): to a person it is a link like any ``<a href>``. The same two attributes also
carry addresses that are no page to visit: a social widget's page to share (``<div class="fb-like"
data-href=…>``, ``twitter-share-button``), an image of a parallax layer (``data-type="media"``), a
table's JSON data (``<table data-toggle="table" data-url=…>``), a modal filled by AJAX
(``data-toggle="modal"``), an action a script posts (``data-action``, ``data-confirm``,
``data-method``). Only an element a person clicks for the address is read as a link: one that
shows text, holds no link or form of its own, and carries none of those marks.

A leaf: the crawler (``markup.links_of``) and the checklist (``anchor_data_links``) read the
same elements.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from lxml import etree

DATA_LINK_ATTRS = ("data-href", "data-url")
_FIND = etree.XPath("//*[@data-href or @data-url]")
# the elements a site's template makes clickable this way (a button, a card, a list entry, a row)
_CLICKED_TAGS = frozenset(("button", "div", "li", "tr", "td", "article", "section", "span", "p"))
# marks of an address that is no page a click opens: a widget's, a script's action's, a table's data
_NOT_NAVIGATION = (
    "data-toggle",
    "data-bs-toggle",
    "data-target",
    "data-bs-target",
    "data-action",
    "data-confirm",
    "data-method",
    "data-type",
    "data-remote",
    "data-ajax",
)
_WIDGET_CLASS = re.compile(r"(?:^|\s)(?:fb-|twitter-|addthis|sharethis|calendly|share|social)", re.I)
_HOLDS_WAY = etree.XPath("boolean(.//a[@href] | .//area[@href] | .//form)")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.I)
# HTML attribute names are case-blind (the parser reads «DATA-URL» as data-url): the source is searched so.
# A pattern that starts with the literal «-» lets re skip to each hyphen (as fast as a plain «in» on the
# bench's pages, where a case-blind «data-(?:url|href)» costs ~20×); the four characters before it are
# compared after.
_ATTR_TAIL = re.compile(r"-(?:[uU][rR][lL]|[hH][rR][eE][fF])")


def _address(el: Any) -> tuple[str, str] | None:
    """The attribute and the address of an element that is a link a person clicks, else None."""
    if not isinstance(el.tag, str) or el.tag not in _CLICKED_TAGS:
        return None
    if any(el.get(k) is not None for k in _NOT_NAVIGATION) or _WIDGET_CLASS.search(el.get("class") or ""):
        return None
    for attr in DATA_LINK_ATTRS:
        raw = (el.get(attr) or "").strip()
        if raw:
            break
    else:
        return None
    if raw[0] == "#" or "{" in raw or "<" in raw:  # a fragment, or a template never filled in
        return None
    scheme = _SCHEME.match(raw)
    if scheme and scheme.group(1).lower() not in ("http", "https"):
        return None  # «javascript:…», «data:…», «mailto:…»: nothing to visit
    if el.tag == "button" and (el.get("type") or "").lower() == "submit":
        return None  # it submits its form
    if not "".join(el.itertext()).strip() or _HOLDS_WAY(el):
        return None  # an empty widget box, or a card whose own link is the way
    return attr, raw


def may_hold_data_links(source: str) -> bool:
    """Whether a page's source names a ``data-url`` / ``data-href`` attribute, in any case: False
    means :func:`data_links` finds nothing there, so the parsed tree need not be searched."""
    return any(source[m.start() - 4 : m.start()].lower() == "data" for m in _ATTR_TAIL.finditer(source))


def data_links(root: Any) -> Iterator[tuple[Any, str, str]]:
    """Each element of a parsed page that is a link by a data attribute, in document order:
    the element, the attribute and the address as written (unresolved)."""
    for el in _FIND(root):
        found = _address(el)
        if found is not None:
            yield el, found[0], found[1]


def anchor_data_links(root: Any) -> int:
    """Rewrite a parsed page so that each data-attribute link reads as the ``<a href>`` a person
    meets: a button becomes the link; a card, entry or row keeps its box and holds a link around
    its content (so its title and text are the link's). Returns how many were rewritten."""
    found = list(data_links(root))
    for el, _attr, raw in found:
        if el.tag in ("button", "span"):
            el.tag = "a"
            el.set("href", raw)
            continue
        box = el
        if el.tag == "tr":  # the link goes in the row's first cell with text
            box = next((c for c in el if isinstance(c.tag, str) and "".join(c.itertext()).strip()), None)
            if box is None:
                continue
        anchor = etree.SubElement(box, "a")
        anchor.set("href", raw)
        anchor.text, box.text = box.text, None
        for child in list(box):
            if child is not anchor:
                anchor.append(child)  # moves it (and its tail) inside the link
    return len(found)
