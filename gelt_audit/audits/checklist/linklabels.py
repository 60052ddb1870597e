"""The name of a link as a person reads it: its own text, or, when that names no document («Link
aquí», «Ver», «Descargar»), the bold label or the table row before it, or the title of its card."""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from .buttons import generic_text
from .regions import has_link
from .text import element_text

_LABEL_TRIM = " -–—:•·()*"


def _label_before(a: Any) -> str:
    """The bold label (``strong``/``b``) before a link in its own element, or the name the link's
    table row gives it (:func:`_row_label`); "" when there is none."""
    for sib in a.itersiblings(preceding=True):
        if isinstance(sib.tag, str) and sib.tag in ("strong", "b"):
            return element_text(sib).strip(_LABEL_TRIM)
        if isinstance(sib.tag, str) and sib.tag in ("a", "br", "p", "div", "li"):
            break
    cell = next((x for x in a.iterancestors() if x.tag in ("td", "th", "p", "li")), None)
    if cell is not None and cell.tag in ("td", "th"):
        return _row_label(cell)
    return _card_label(a)


_CARD_TITLES = ("h4", "h5", "h6", "strong", "b")  # a card's own title: a minor heading or bold
_SECTION_TITLES = ("h1", "h2", "h3")  # the page's or a section's title: past the card
_CARD_STOP = ("body", "main", "html", "ul", "ol", "table", "nav", "header", "footer", "form")


def _card_label(a: Any) -> str:
    """The title of the card a link closes: a document card draws its name (``h4`` or bold) with its
    pages, weight and date, and then a «Descargar» button; a person reads the button as that
    document. The title is the last minor heading or bold text before the link in the link's own box
    or in the boxes around it (three levels up), never past another link (that title names another
    entry) nor past a section's heading (``h1``–``h3`` name a section, not one document)."""
    node = a
    for _ in range(3):
        for sib in node.itersiblings(preceding=True):
            if not isinstance(sib.tag, str):
                continue
            if sib.tag == "a" or has_link(sib):
                return ""
            if sib.tag in _SECTION_TITLES or next(sib.iter(*_SECTION_TITLES), None) is not None:
                return ""
            titles = [sib] if sib.tag in _CARD_TITLES else list(sib.iter(*_CARD_TITLES))
            if titles:
                return element_text(titles[-1]).strip(_LABEL_TRIM)
        node = node.getparent()
        if node is None or node.tag in _CARD_STOP:
            return ""
    return ""


_WORD = re.compile(r"[^\W\d_]{2}")


def _row_label(cell: Any) -> str:
    """The name a table row gives the link in one of its cells: the text of the cells before it
    that have words, in order, each once (a date or a number alone is the row's date, not its
    name: «Plan de Mejoramiento Externo | 2021-12-31 | Ver» is the plan, not «2021-12-31»)."""
    texts: list[str] = []
    for prev in cell.itersiblings(preceding=True):
        if has_link(prev):
            break
        text = element_text(prev).strip(_LABEL_TRIM)
        if _WORD.search(text) and text not in texts:
            texts.insert(0, text)
    label = " ".join(texts)
    return label if len(label) <= 200 or not texts else texts[-1]


_OWN_HEADINGS = ("h3", "h4", "h5", "h6")  # a card's title; h1/h2 name the page or a section


_SHOWS = ("img", "iframe", "video", "a")


def _blank(s: str | None) -> bool:
    return not (s or "").strip()


def _opening_heading(box: Any) -> Any:
    """The heading a box opens with (itself, or its first words inside a heading), or None."""
    if box.tag in _OWN_HEADINGS:
        return box
    if not _blank(box.text):
        return None
    for el in box.iterdescendants():
        if el.tag in _OWN_HEADINGS:
            return el
        # words (or a picture, a frame, a link) before the heading: the box does not open with it
        if not _blank(el.tail) or (isinstance(el.tag, str) and (not _blank(el.text) or el.tag in _SHOWS)):
            return None
    return None


def _card_heading(a: Any) -> str:
    """The title of the card a link without any name of its own opens (class 2530): an icon or an
    image without alt whose name a person reads in the card's heading right after it (a survey card:
    the icon, then «Encuesta de Satisfacción» in its ``h4``), or right before it. The heading must be
    the card's own: the next (or previous) element in the link's parent box, with nothing but blanks
    between, and that box must hold no other link (a row of icons names no single one)."""
    box = a.getparent()
    if box is None or box.tag in _CARD_STOP or box.tag in ("li", "p", "td", "th"):
        return ""
    if any(x is not a for x in box.iterdescendants("a")):
        return ""
    # the elements beside the link, comments skipped
    after = next(a.itersiblings(etree.Element), None)
    heading = None
    if after is not None and _blank(a.tail) and not has_link(after):
        heading = _opening_heading(after)
    if heading is None:
        before = next(a.itersiblings(etree.Element, preceding=True), None)
        if before is not None and before.tag in _OWN_HEADINGS and _blank(before.tail) and not has_link(before):
            heading = before
    return element_text(heading).strip(_LABEL_TRIM) if heading is not None else ""


def link_label(a: Any) -> str:
    """The name a person reads for a link: its text (or title, aria-label, image alt), or, when the
    text names no document («Ver», «Descargar»), the bold label or table row before it; with no name
    at all, the heading of its card right after or before it (:func:`_card_heading`)."""
    text = element_text(a)
    if not text:
        bits = [a.get("title") or "", a.get("aria-label") or "", (a.get("alt") or "") if a.tag == "area" else ""]
        bits += [img.get("alt") or "" for img in a.iter("img")]
        text = " ".join(" ".join(bits).split())
    if not text and a.tag == "a":
        label = _card_heading(a)
        if label and len(label) <= 200:
            return label
    if text and generic_text(text):
        label = _label_before(a)
        if label and len(label) <= 200:
            text = label
    return text[:300]
