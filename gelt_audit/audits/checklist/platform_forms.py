"""The ``platform_form`` rule kind: a page of the site named for an item (its title, or the heading
over the link) that links to a form on a form platform on another host (Google Forms, Microsoft
Forms…): the site shows that the item's form exists, but its fields were not seen (class 2820, H282).

A person who opens the site's «PQRSD» page (its title, its heading, or the entry that leads there names it) and finds «¡Haz clic aquí para poner tu PQRSD!» pointing
to Google Forms sees the entity's PQRSD form offered; what that form asks (the anonymous option, the
consent to data treatment, the request type) is on the other host and unseen. Criterion I of
docs/checklist-scope.md: «si el sitio mismo muestra algo del ítem (una página con su nombre…), decide
lo que se vio»; criterion Q: a link to a form tool counts as a form for what it is for, read in its
own words and in the page's. The evidence is the site's page, never the platform's address.
"""

from __future__ import annotations

from .evidence import Finder, Hit
from .kinds import EvidenceKind
from .model import Item, Rule
from .pages import Page
from .text import in_norm, text_norm


class PlatformForm(EvidenceKind):
    """A page whose title (or ``h1``), the heading right over the link, or an entry of the site that
    leads to the page (a menu's «PQRSD») has one of ``keywords``, and that links to a target matching
    ``hosts`` (a form platform, ``@formularios``). A link's own text alone («Clic aquí para poner tu PQRSD» on a news page) is not the site naming a place for
    the item (criterion I: such an entry alone is unverified, not seen). ``exclude``: phrases of that
    title or heading, or of the link's own text, that say the form is for something else (a survey).
    """

    kind = "platform_form"
    params = ("hosts", "keywords")
    criteria = ("hosts",)

    @classmethod
    def hits(cls, finder: Finder, rule: Rule, item: Item) -> list[Hit]:
        found: list[tuple[Page, str]] = []
        for key in finder.linked_to(rule.hosts):
            for block, link in finder.idx.targets[key]:
                if link.embed or not finder.scope_ok(rule, block, None) or not finder.label_ok(rule, link.norm):
                    continue  # a survey's link on the PQRSD page is the survey («Encuesta de satisfacción»)
                page = finder.best_page(block)
                if page is None:
                    continue
                names = [n for n, _w, _raw in page.labels]
                if block.region == "":  # a content link: the heading over it names its place too
                    names.append(text_norm(link.ctx)[0])
                names += _entries_to(finder, page)
                named = [n for n in names if n and any(in_norm(p, n) for p in rule.keywords)]
                if not named or not all(finder.label_ok(rule, n) for n in named):
                    continue
                host = key.split("/", 1)[0].removeprefix("www.")
                found.append((page, f"formulario en {host} enlazado desde {page.url}"))
        return finder.page_hits(found, item)


def _entries_to(finder: Finder, page: Page) -> list[str]:
    """The names the site's entries give a page: the short texts of the links that lead to it (a
    menu's «PQRSD» opening a page whose own title is only the entity's welcome)."""
    return [link.norm for _block, link in finder.idx.targets.get(page.key, ()) if 0 < link.nwords <= ENTRY_WORDS]


# an entry's name is short: a sentence that mentions PQRSD on its way to the page names nothing
ENTRY_WORDS = 6
