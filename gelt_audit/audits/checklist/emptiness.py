"""Whether a page publishes anything: its folded main text, empty or «en construcción», or an error
page answered with 200 (a "soft 404"). What a person sees when the menu's entry opens nothing."""

from __future__ import annotations

import copy
import re
from typing import Any

from lxml import etree

from .pages import DEAD_HREF, Link, link_elements
from .systems import is_national_system
from .text import element_text, fold

_SOFT404 = re.compile(
    r"\b(?:error 404|404|pagina no encontrada|no se encontro la pagina|not found|"
    r"la pagina (?:solicitada )?no existe)\b"
)
_UNDER_CONSTRUCTION = re.compile(
    r"\b(?:en construccion|proximamente|pagina en mantenimiento|sin informacion|no hay informacion|"
    r"informacion no disponible|no se encontraron (?:resultados|registros|documentos)|"
    # a template's stand-in text, never replaced: the framework's stock page, the theme's dummy text
    r"use this area to provide additional information|lorem ipsum|"
    # what a script would load: the crawl sees the placeholder, not the content (a template's
    # «Loading...» preloader is on every page, full or not: it says nothing)
    r"cargando(?: noticias| informacion| contenido| datos)?\s*(?:\.\.\.|\u2026))"
)
_PAGE_MEDIA = ("img", "iframe", "embed", "object", "video", "table", "form")  # boolean(//img | ...)


def spaced_words(folded: str) -> int:
    """``len(folded.split())`` of folded :func:`element_text` (words apart by single spaces) without
    splitting a page's text into thousands of strings. Folding adds a space only where a spacing
    accent (``¨``, ``´``) decomposes, or leaves one at an end or doubled where a word was only
    marks: then the words are counted one by one."""
    if folded and folded[0] != " " and folded[-1] != " " and "  " not in folded:
        return folded.count(" ") + 1
    return len(folded.split())


_BREADCRUMB = etree.XPath(
    ".//*[contains(translate(@class, 'BREADCRUMB', 'breadcrumb'), 'breadcrumb')"
    " or contains(translate(@aria-label, 'BREADCRUMB', 'breadcrumb'), 'breadcrumb')]"
)
_HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _only_title(body: Any) -> bool:
    """Whether a short page shows nothing but its title: its first two headings (a banner's
    section name, the page's own name) and its breadcrumb, no other text and at most one link
    beside them — a page the menu names that publishes nothing (a template's page never filled)."""
    rest = copy.deepcopy(body)
    for el in _BREADCRUMB(rest):
        if el.getparent() is not None:
            el.drop_tree()
    for el in list(rest.iter(*_HEADING_TAGS))[:2]:
        el.drop_tree()
    words = spaced_words(fold(element_text(rest)))
    hrefs = [a.get("href") or "" for a in link_elements(rest)]
    return words < 5 and sum(1 for h in hrefs if not DEAD_HREF.match(h.strip())) < 2


def page_state(root: Any, title: str, headings: list[str], links: list[Link]) -> tuple[str, bool, bool]:
    """A page's folded main text, whether it is empty (or under construction), and whether it is
    a "soft 404" (an error page answered with 200)."""
    body = root.find("body")
    main_fold = fold(element_text(body if body is not None else root))
    nwords = spaced_words(main_fold)
    has_media = next(root.iter(*_PAGE_MEDIA), None) is not None
    content_links = sum(1 for x in links if not x.embed)
    # «Consulte los procesos en el SECOP» with the link is how the law has it published
    points_to_system = any(not x.embed and is_national_system(x.key) for x in links)
    empty = not points_to_system and (
        (nwords < 15 and not has_media and content_links < 2)
        or (nwords < 60 and _UNDER_CONSTRUCTION.search(main_fold) is not None)
        or (nwords < 60 and not has_media and body is not None and _only_title(body))
    )
    head = fold(title + " " + " ".join(headings[:2]))
    return main_fold, empty, bool(_SOFT404.search(head)) and nwords < 150
