"""The ``entity_links`` rule kind: a list of links to public entities' sites read as a directory of
entities, whatever heading it sits under (class 1041, helper H104)."""

from __future__ import annotations

import re

from .evidence import Finder, Hit
from .kinds import EvidenceKind
from .model import Item, Rule
from .pages import Block, Link
from .text import fold, text_norm

# a path into an entity's legal texts («…/normativa/decretos/…», «gestornormativo/norma.php?i=1369»,
# «decreto_1066_de_2015….pdf»): the link opens a norm, not the entity's site (class 2654)
_LEGAL_PATH = re.compile(r"normativ|decreto|resoluci")


class EntityLinks(EvidenceKind):
    """A page (or its header or footer) that links, each by its name, to ``min_count`` or more
    distinct sites whose host matches ``hosts`` (``*.gov.co``: public entities): a person reads
    such a list as a directory of entities even under another heading («Link de Interés» in the
    footer, «Plan Anticorrupción»). A logo with no name is not counted (who reads it cannot tell
    which entity it is), nor a link to a document or to a legal text's page (a list of the decrees
    of a subject on the ministries' sites is no directory: class 2654). The evidence is the page that lists them (for a list in the footer, the
    page it is best shown on), never one of the linked sites.

    ``hosts``: host patterns, as for ``link_to``. ``min_count``: how many distinct sites, each
    named, one page must list (at least two). ``exclude``: phrases of the heading over the links,
    or of the listing page's title or ``h1``, that say the list is another item's (the oversight
    bodies).
    """

    kind = "entity_links"
    params = ("hosts", "min_count")
    criteria = ("hosts",)

    @classmethod
    def hits(cls, finder: Finder, rule: Rule, item: Item) -> list[Hit]:
        # per page (or shared block), the distinct hosts it links to by name
        hosts: dict[int, set[str]] = {}
        where: dict[int, tuple[Block, Link]] = {}
        for key in finder.linked_to(rule.hosts):
            for block, link in finder.idx.targets[key]:
                if link.embed or not link.text.strip() or not finder.scope_ok(rule, block, None):
                    continue
                if link.is_doc or _LEGAL_PATH.search(fold(key.partition("/")[2])):
                    continue  # a decree's text on a ministry's site is a norm, not a directory's entry
                page = finder.best_page(block)
                if page is None or not finder.label_ok(rule, text_norm(link.ctx)[0]):
                    continue
                if not all(finder.label_ok(rule, n) for n, _w, _raw in page.labels):
                    continue  # a list on a page titled for another item («Entes que nos vigilan») is that item's
                hosts.setdefault(page.idx, set()).add(key.split("/", 1)[0].removeprefix("www."))
                where.setdefault(page.idx, (block, link))
        found = []
        for idx, named in hosts.items():
            if len(named) < max(2, rule.min_count):
                continue
            page = finder.by_idx[idx]
            block, _link = where[idx]
            region = {"footer": "el pie de página de ", "header": "el encabezado de "}.get(block.region, "")
            found.append((page, f"{len(named)} enlaces a sitios de entidades públicas en {region}{page.url}"))
        return finder.page_hits(found, item)
