"""A page the site's menu names for an item is titled so for the item's text rules (class 3000, H300).

A ``text`` rule with ``on_title`` reads a page's text only when the page is about the item: its own
title, ``h1`` or a section heading names it («Contáctenos», «Mecanismos de contacto»). A person also
reads the name of the menu entry that opened the page: on a small site whose every page carries the
template's title («Mi Proyecto», the entity's name), the header's «Contactos» opens the contact page,
whatever its ``<title>`` says. Issue 15 lists menu labels among the titles a person reads.

Only an entry of the site's chrome (its header, navigation bar or footer, the menus a visitor uses to
find a place) names a page so, and only with a short name (an entry, not a sentence): a link in a
page's content («Convocatoria Jefe de Oficina de Control Interno», a news item) names one piece of
content, not a place of the site. An entry to the home page names nothing (criterion «Entradas sin nada
detrás»: it leads back to where the visitor was), nor does a page's link to itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .model import Rule
from .parse import untitled
from .text import label_match

if TYPE_CHECKING:
    from .evidence import Finder

# the regions whose links are the site's menus (pages.Link.region)
ENTRY_REGIONS = frozenset({"header", "nav", "footer"})
# an entry's name is short (as platform_forms.ENTRY_WORDS): a sentence names no place
ENTRY_WORDS = 6
# as parse._on_title: a title may carry six more words than the phrase it is about
TITLE_SLACK = 6


def entry_titled(finder: Finder, rule: Rule, met: set[int]) -> list[int]:
    """The pages (their numbers, not in ``met``) whose text answers ``rule`` and that an entry of the
    site's menus names for one of its ``on_title`` phrases."""
    bare = untitled(rule)
    if bare is None:
        return []
    idx = finder.idx
    pages = idx.text_pages(bare)
    keys = pages.store.keys
    home_key = idx.home.key if idx.home is not None else None
    out = []
    for i in pages.ids:
        key = keys[i]
        if i in met or key == home_key or pages.store.urls[i] in idx.home_aliases:
            continue
        for block, link in idx.targets.get(key, ()):
            if block.region not in ENTRY_REGIONS or link.embed or not 0 < link.nwords <= ENTRY_WORDS:
                continue
            if i in block.pages and len(block.pages) == 1:
                continue  # the page's own link to itself
            if any(label_match(p, link.norm, link.nwords, TITLE_SLACK) for p in rule.on_title):
                out.append(i)
                break
    return out
