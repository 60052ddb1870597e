"""Entries named for an item that lead to another item's page (criterion K of docs/checklist-scope.md,
class 1740): «Calendario de actividades» in the menu opens the news list, which shows no event. The
entry is seen to publish nothing of the item, as one that leads to the home page (docs/checklist-states.md,
«Entradas sin nada detrás» (b)): ``Hit.dead`` says so, and alone it leaves the item ``no_cumple``.

A reading rule, not a site's wording. The target must be a live page of the site titled (its title or
``h1``) for another item of the same checklist, and not for this one, and must show nothing of the item:
none of the item's phrases in its titles, sections, headings or own links, and no other evidence of the
item on it. Not such an entry: one to a page titled
for nothing the checklist names (the item's content under another title: «Orientación a la ciudadanía»
and its questions and answers), one to a page that lists the item (a hub, «Agenda: …» among the news),
one numbered in the annex's structure or to a page the Transparencia menu links (``Hit.in_menu``: «1.3.
Mapas y cartas descriptivas de los procesos», «Servicio al público, normas, formularios y protocolos de
atención» to the procedures: the entity keeps the numeral where it points, as
``guards.numbered_entries`` reads it), one of a menu the item asks
for in a place (a rule scoped to the home page or the template: the entry is the item), and any entry of
an item that is a list of names (``Item.names``, the oversight bodies: a directory of entities under
another title names them, and the engine does not read names as the item's content). Class 1741.
"""

from __future__ import annotations

from collections.abc import Sequence

from .evidence import Finder, Hit
from .model import Item, Part
from .numerals import label_numeral
from .pages import Label, Page
from .text import in_norm, label_match, leads_with, text_norm
from .urls import url_key

_NAMING = ("title", "link_text", "text")  # the rules whose phrases name the item on a page
_PLACED = ("home", "header", "footer", "chrome")  # rule scopes that ask for the entry where it is


def mark_elsewhere(finder: Finder, item: Item, part_hits: Sequence[tuple[Part, list[Hit]]]) -> None:
    """Set ``Hit.dead`` on each entry of ``part_hits`` named for ``item`` that leads to another item's
    page showing nothing of it (see the module's docstring); the others are left as they are."""
    if item.names:
        return  # a list of names (the oversight bodies): a directory under another title shows them
    # the pages some evidence of the item is on (a page hit's ``url`` is its ``found_on``)
    shown = {h.found_on for _p, hs in part_hits for h in hs}
    phrases = _phrases(item)
    for part, hits in part_hits:
        if any(r.scope in _PLACED for r in part.rules):
            continue  # a menu the item asks for on the home page or the template: the entry is the item
        for h in hits:
            if h.in_menu or label_numeral(h.label):
                # «1.3. Mapas…», or a page the Transparencia menu links («Servicio al público, normas,
                # formularios…» to the procedures): the entity's map of the annex keeps a numeral where it
                # points (guards.numbered_entries); a neighbour's page often holds it unread by name
                continue
            target = _entry_target(finder, h)
            if target is None or target.url in shown:
                continue
            # the title first: asked once per page and profile (memo), it rules out most targets
            said = _titled_for_other(finder, target, item)
            if said and not _shows(target, phrases):
                h.dead = (
                    f"la entrada «{h.label}» de {h.found_on} lleva a {target.url}, la página de «{said}»,"
                    f" sin nada de «{item.name}»"
                )


def _entry_target(finder: Finder, hit: Hit) -> Page | None:
    """The live page of the site a problem-free entry named for the item (``link_text``: tier 0, its
    label kept) opens, when it is not the page the entry is on, the home page, nor a part of a page."""
    if hit.dead or hit.problems or hit.scripted or hit.broken or hit.tier != 0 or not hit.label:
        return None
    if hit.url == hit.found_on or "#" in hit.url:
        return None
    st = finder.idx.status.get(url_key(hit.url))
    page = st.page if st is not None and st.status < 400 else None
    if page is None or page.empty or page.loading or page.shell or finder.idx.is_home(page):
        return None
    return page


def _phrases(item: Item) -> list[tuple[str, ...]]:
    """Every phrase the item's naming rules look for, in any part."""
    return [k for part in item.parts for r in part.rules if r.kind in _NAMING for k in r.keywords]


def _shows(page: Page, phrases: list[tuple[str, ...]]) -> bool:
    """Whether a page shows one of the phrases in its titles, sections, headings or own (content)
    links: a hub that lists the item, dated events titled «Agenda» among the news."""
    norms = [n for n, _w, _r in (*page.labels, *page.sections)]
    norms += [text_norm(h)[0] for h in page.headings]
    norms += [ln.norm for b in page.blocks if not b.region for ln in b.links]
    return any(in_norm(p, n) for n in norms if n for p in phrases)


def _titled_for_other(finder: Finder, page: Page, item: Item) -> str:
    """The page's title segment or ``h1`` by which it is the page of another item of the checklist
    (its ``title`` rules meet it), as the page shows it; "" when none is, or when this item's rules
    meet one too (the page is titled for it as well)."""
    checklist = finder.checklist
    memo = finder.memo_of("titled_for", checklist.profile)
    titled = memo.get(page.key)
    if titled is None:
        site = _site_labels(finder)
        labels = sorted((lab for lab in page.labels if lab[0] not in site), key=lambda lab: lab[1])
        titled = memo[page.key] = {it.id: raw for it in checklist.items if (raw := _titled(labels, it))}
    if item.id in titled:
        return ""
    return next(iter(titled.values()), "")


def _site_labels(finder: Finder) -> frozenset[str]:
    """The home page's title segments and ``h1``: the site's name, which every page's title repeats."""
    home = finder.idx.home
    return frozenset(n for n, _w, _r in home.labels) if home is not None else frozenset()


def _titled(labels: list[Label], item: Item) -> str:
    """The first of a page's labels (title segments, ``h1``; shortest first) that meets one of the
    item's ``title`` rules (its phrase with at most the rule's slack of other words, or a long phrase
    opening it); "" when none does."""
    for part in item.parts:
        for r in part.rules:
            if r.kind != "title":
                continue
            for p in r.keywords:
                for norm, nwords, raw in labels:
                    if (label_match(p, norm, nwords, r.slack) or leads_with(p, norm)) and not any(
                        in_norm(x, norm) for x in r.exclude
                    ):
                        return raw
    return ""
