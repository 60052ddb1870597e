"""The links a site's template repeats in the content of nearly every page: a bar of shortcuts not
marked as a header, navigation or footer («<div class="quickbar">Transparencia · Atención a la
ciudadanía · Contacto · Mapa del sitio</div>», `zq-iebetania`). They are the template's, not the
sections of the page they sit on: the Transparencia page does not list them as its own entries
(docs/checklist-scope.md, criterion B, «fuera del menú de Transparencia»; class 2173)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from .packed import link_keys
from .pages import Page

# The share of the site's pages whose content must link an address, and the fewest pages, for the link
# to be the template's: a side menu of the Transparencia pages is on those pages, not on nearly all
TEMPLATE_SHARE = 0.8
TEMPLATE_MIN_PAGES = 5


def template_keys(home: Page | None, pages: Sequence[Page]) -> frozenset[str]:
    """The addresses the home page's content links that the content of nearly every page
    (``TEMPLATE_SHARE`` of them, at least ``TEMPLATE_MIN_PAGES``) links too."""
    if home is None or len(pages) < TEMPLATE_MIN_PAGES:
        return frozenset()
    own = {k for b in home.blocks if not b.region for k in link_keys(b.links)}
    if not own:
        return frozenset()
    counts: Counter[str] = Counter()
    for p in pages:
        counts.update({k for b in p.blocks if not b.region for k in link_keys(b.links)} & own)
    least = max(TEMPLATE_MIN_PAGES, TEMPLATE_SHARE * len(pages))
    return frozenset(k for k, n in counts.items() if n >= least)
