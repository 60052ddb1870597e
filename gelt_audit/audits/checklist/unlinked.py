"""Names the site's header, footer or menu shows as entries with no link at all (class 2731): an
``<a>`` without an ``href`` («<a class="btn-low">Términos y condiciones</a>» beside the footer's
other entries). A person reads the name and finds nothing to open: the entry is named and empty
(docs/checklist-states.md, «Nombrado y vacío»: «una entrada que la lista nombra sin ningún
enlace … es `parcial`»), not absent, and not a dead link («#» or a 404: «Entradas sin nada
detrás»). A plain line of text in the footer is no entry (``pages.unlinked_names`` reads anchors only).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .evidence import Finder, Hit
from .text import label_match, text_norm

if TYPE_CHECKING:
    from .model import Item, Rule
    from .pages import Block, Page

_MEMO = "unlinked_names"  # the index's memo: every chrome block's unlinked names, normalised once


def _names(finder: Finder) -> list[tuple[Block, str, str, int]]:
    """Every chrome block's unlinked names (block, name, its normalised text, its words), once per index."""
    memo = finder.idx.memo.setdefault(_MEMO, {})
    got = memo.get(None)
    if got is None:
        got = memo[None] = [(b, n, *text_norm(n)) for b in finder.idx.blocks if b.region and b.names for n in b.names]
    return got


def chrome_hit(finder: Finder, page: Page, describe: str, region: str) -> Hit:
    """A hit on a page for what its header, footer or menu (``region``) shows, not its content."""
    return Hit(
        url=page.url,
        found_on=page.url,
        snapshot=page.fetched_at,
        describe=describe,
        depth=finder.depth(page.key, page.depth_hint),
        in_menu=False,
        placements=frozenset({region}),
    )


def unlinked_hits(finder: Finder, rule: Rule, item: Item) -> list[Hit]:
    """Hits of a ``link_text`` rule on the chrome's unlinked names (at most one per name): each shown
    on the page the block is best seen on, placed where the block is, and named with nothing behind it."""
    names = _names(finder)
    if not names:
        return []
    hits: list[Hit] = []
    seen: set[str] = set()
    for block, name, norm, nwords in names:
        if name in seen or not finder.label_ok(rule, norm):
            continue
        if not any(label_match(phrase, norm, nwords, rule.slack) for phrase in rule.keywords):
            continue
        page = finder.best_page(block)
        if page is None:
            continue
        seen.add(name)
        where = "del pie de página" if block.region == "footer" else "del encabezado o del menú"
        hit = chrome_hit(finder, page, f"entrada «{name}» {where} de {page.url}, sin enlace", block.region)
        hit.problems.append(f"la entrada «{name}» {where} de {page.url} no tiene enlace: nombrada, sin nada publicado")
        hit.content_problem = True
        hits.append(hit)
    return hits
