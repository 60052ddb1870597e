"""A list entry a careless page writes inside a heading, read as the browser draws it (class 2712, H271).

«<ol><h3><li><a …>Organigrama</a></li></h3><h3><li>Procesos y procedimientos</li></h3>…»: the parser
closes each heading before its entry, leaving an empty heading and the entry after it; the browser draws
the entries as the list's, one under another. (A list left open around the next title is
``reading_order``'s, class 2700.)"""

from __future__ import annotations

from typing import Any

from lxml import etree

from .contents import name_only
from .text import element_text

_ENTRY_HEADS = ("h2", "h3", "h4", "h5", "h6")


def _empty_head_before(el: Any) -> bool:
    """Whether the element right before ``el`` (past comments and whitespace) is a heading with nothing
    in it: what the parser leaves of «<h3><li>…</li></h3>» (the list entry closes the heading)."""
    prev = next(el.itersiblings(etree.Element, preceding=True), None)
    return prev is not None and prev.tag in _ENTRY_HEADS and not "".join(prev.itertext()).strip() and len(prev) == 0


def titled_entry_name(el: Any) -> str:
    """The name of a list entry the page wrote as a title, «<ol><h3><li><a …>Organigrama</a></li></h3>
    <h3><li>Procesos y procedimientos</li></h3>…» (the parser ends each heading before its entry, leaving
    it empty), when that entry has no link and nothing under it and another entry so written in the same
    list links: the list names it and publishes nothing («Nombrado y vacío», docs/checklist-states.md,
    «La lista»; class 2712, H271); "" otherwise."""
    parent = el.getparent()
    if el.tag != "li" or parent is None or not _empty_head_before(el) or not name_only(el):
        return ""
    linked = any(
        c is not el and c.tag == "li" and _empty_head_before(c) and any(a.get("href") for a in c.iter("a"))
        for c in parent
        if isinstance(c.tag, str)
    )
    return element_text(el) if linked else ""
