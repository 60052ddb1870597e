"""The links a site's template repeats in the content of nearly every page: a bar of shortcuts not
marked as a header, navigation or footer («<div class="quickbar">Transparencia · Atención a la
ciudadanía · Contacto · Mapa del sitio</div>», `zq-iebetania`). They are the template's, not the
sections of the page they sit on: the Transparencia page does not list them as its own entries
(docs/checklist-scope.md, criterion B, «fuera del menú de Transparencia»; class 2173)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from .packed import link_keys
from .pages import Page

# The share of the site's pages whose content must link an address, and the fewest pages, for the link
# to be the template's: a side menu of the Transparencia pages is on those pages, not on nearly all
TEMPLATE_SHARE = 0.8
TEMPLATE_MIN_PAGES = 5


def template_keys(home: Page | None, pages: Sequence[Page]) -> frozenset[str]:
    """The addresses the home page's content links that the content of nearly every page
    (``TEMPLATE_SHARE`` of them, at least ``TEMPLATE_MIN_PAGES``) links too."""
    own = home_links(home, len(pages))
    if not own:
        return frozenset()
    part = template_part(own)
    counts: dict[str, int] = {}
    for p in pages:
        for k in part(p):
            counts[k] = counts.get(k, 0) + 1
    return template_of(counts, len(pages))


def home_links(home: Page | None, pages: int) -> tuple[str, ...]:
    """The home page's content links (sorted: what the template count is made against); none when
    there is no home page or too few ``pages`` to tell a template."""
    if home is None or pages < TEMPLATE_MIN_PAGES:
        return ()
    return tuple(sorted({k for b in home.blocks if not b.region for k in link_keys(b.links)}))


def template_part(own: Sequence[str]) -> Callable[[Page], tuple[str, ...]]:
    """A page's part of the template count: which of ``own`` its content links (each once)."""
    wanted = frozenset(own)

    def part(p: Page) -> tuple[str, ...]:
        return tuple(sorted({k for b in p.blocks if not b.region for k in link_keys(b.links)} & wanted))

    return part


def template_of(counts: Mapping[str, int], pages: int) -> frozenset[str]:
    """The template's addresses, from how many of ``pages`` link each in their content."""
    least = max(TEMPLATE_MIN_PAGES, TEMPLATE_SHARE * pages)
    return frozenset(k for k, n in counts.items() if n >= least)
