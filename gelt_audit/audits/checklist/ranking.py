"""The order of an item's evidence: the mandated menu's section, then the page titled for the item,
then the rest; one hit per place (:func:`dedupe`), a committee reads the first."""

from __future__ import annotations

from collections.abc import Callable

from .evidence import Hit
from .index import SiteIndex
from .numerals import is_section_item, label_numeral
from .systems import NATIONAL_SYSTEMS
from .urls import is_doc_key, is_login_url, is_shared_file, same_site, url_key


def rank(
    hit: Hit,
    numeral: str = "",
    leads: frozenset[str] = frozenset(),
    listed: frozenset[int] = frozenset(),
    opened: frozenset[int] = frozenset(),
) -> tuple:
    """How a person would order the evidence: what opens first (a broken link last), then working;
    for a whole section of the menu
    (item ``ley1712.4``), a section of a menu page (the hub; the shallowest menu page first) before a
    page or a link, and for
    any other item, a section of a page that leads (``leads``) to a page or link named for the
    item after that page or link, and a document found by a phrase less the item's own than a
    page titled (or with a section) for it after the pages (``listed``, see
    :func:`listed_documents`); then the label numbered as the
    item in the mandated menu
    (``4.1`` for item 4.1); never a staff login before a real page; then the label that is most
    about the item (the phrase covering most of it), a page titled or a link named for the
    item before a section of another page (the running text of a page titled for the item, a
    text rule's ``on_title``, reads as that page's section: before the footer), a URL slug or
    running text last (a section on a page of its own that a link named for the item opens,
    ``opened``, reads as a page titled for it: :func:`opened_sections`); then the shallowest."""
    num = label_numeral(hit.label) if numeral else ""
    hub_section = hit.tier == 1 and hit.in_menu
    menu_depth = 0
    if is_section_item(numeral):
        place = 0 if hub_section else 1
        # the menu's own page before a page it leads to that has a section of that name: «Normatividad»
        # on the Transparencia page, then «Normativa» on a page its entries open
        menu_depth = hit.depth if hub_section and hit.depth is not None else 0
    else:
        place = 1 if (hit.tier == 1 and hit.url in leads) or id(hit) in listed else 0
    return (
        hit.broken,  # a link that opens nothing goes after any page that opens, however poor
        len(hit.problems),
        place,
        menu_depth,
        0 if numeral and num == numeral else 1,
        is_login_url(hit.url),
        -round(hit.match, 1),
        # the running text of a page titled for the item (the address on «Contáctenos») is read as
        # that page's section, before the footer or a form found anywhere (tier 2)
        1 if hit.titled else 0 if id(hit) in opened else hit.tier,
        hit.keyword,
        hit.depth if hit.depth is not None else 99,
        hit.url,
    )


def opened_sections(hits: list[Hit]) -> frozenset[int]:
    """Sections (as ``id``) found for the item on a page of their own (not another page's part) that a
    working link named for the item opens: what names the page and what the page says of itself agree,
    so a person points to it as to a page titled for the item (class 2830, H283). i-curaduria1's menu entry
    «Radicación de pqrs» opens ``/pqrs``, headed «Peticiones, quejas, reclamos, sugerencias y denuncias»
    under a ``<title>`` that is only the entity's name: it is the PQRSD page, before the page titled
    «Contáctenos» (the item's other name) that its label, wholly that name, outranked as «a page titled»
    against «a section»."""
    targets = {h.url for h in hits if h.tier == 0 and not h.problems and h.url != h.found_on}
    return frozenset(id(h) for h in hits if h.tier == 1 and not h.problems and h.url == h.found_on and h.url in targets)


def section_leads(hits: list[Hit]) -> frozenset[str]:
    """Pages with a section found for the item that also link, working, to a page or a link named
    for it: there the section is the way to the evidence, not the evidence."""
    sections = {h.url for h in hits if h.tier == 1 and not h.problems}
    return frozenset(
        h.found_on for h in hits if h.tier == 0 and not h.problems and h.found_on in sections and h.url != h.found_on
    )


def listed_documents(hits: list[Hit]) -> frozenset[int]:
    """Documents (as ``id``) found by a phrase less the item's own than the one a working page
    titled, or with a section, for the item was found by: one decree («Decreto 100 de 2026», found
    by «decretos») is an instance, the page «Normativa» that lists the norms is what a person
    points to; «Mapa de procesos».pdf (the item's own name) stays the evidence. Likewise a document
    listed on a page with a working section found for the item, whatever phrase of the item each was
    found by: under «8.2-Publicación de la ejecución de contratos», the row «Publicación Ejecución
    Contratos 2021» is one entry of the section that publishes the item, and under «Ejecución
    presupuestal histórica anual» (a longer phrase of the item than the file's «Ejecución
    presupuestal 2020») so is the year's file. A section and its documents that share a problem (all
    of them «publicado fuera del menú de transparencia») still read so: «Circular» on the page of
    communiqués before its «CIRCULAR 005 2022».pdf."""
    best = min((h.keyword for h in hits if h.tier <= 1 and not h.problems and h.url == h.found_on), default=99)
    # the pages with a section found for the item, with the problems of each: a document listed there
    # is one of its entries unless the section has a problem the document has not (a section that
    # publishes nothing; not one both share, «publicado fuera del menú de transparencia»)
    sections: dict[str, list[frozenset[str]]] = {}
    for h in hits:
        if h.tier == 1 and h.url == h.found_on:
            sections.setdefault(h.url, []).append(frozenset(h.problems))
    return frozenset(
        id(h)
        for h in hits
        if h.url != h.found_on
        and (best < h.keyword or any(p <= set(h.problems) for p in sections.get(h.found_on, ())))
        and is_doc_key(url_key(h.url))
    )


_PUBLIC_HOSTS = (".gov.co", ".gov", ".mil.co")
_SYSTEM_HOSTS = tuple(p[4:] if p.startswith("www.") else p for ps in NATIONAL_SYSTEMS.values() for p in ps)


def _elsewhere(url: str, found_on: str) -> bool:
    """Whether a link goes to another site that is neither a public one (``*.gov.co``) nor a national
    system or network the profiles name (SECOP, SUIT, SIGEP, social networks...): a design tool's
    page, a private host."""
    key, here = url_key(url), url_key(found_on).split("/", 1)[0]
    host = key.split("/", 1)[0]
    if same_site(host, here) or host == "gov.co" or host.endswith(_PUBLIC_HOSTS):
        return False
    for p in _SYSTEM_HOSTS:
        if (p.startswith("*.") and host.endswith(p[1:])) or ("/" in p and key.startswith(p)) or host == p:
            return False
    return True


def offsite_links(hits: list[Hit]) -> frozenset[int]:
    """Links (as ``id``) to another site, neither public nor a national system (:func:`_elsewhere`),
    on a page with a working section found for the item: EDUP's pane «2.8-Información para niños,
    niñas y adolescentes» embeds and links its Canva portal; the pane is what a person points to,
    the design tool's page (unverifiable offline, and not the entity's) after it."""
    sections = {h.url for h in hits if h.tier == 1 and not h.problems and h.url == h.found_on}
    return frozenset(
        id(h) for h in hits if h.url != h.found_on and h.found_on in sections and _elsewhere(h.url, h.found_on)
    )


def as_home(hits: list[Hit], idx: SiteIndex) -> None:
    """Show a hit on an alias of the home page (``SiteIndex.home_aliases``) as on the home page: it is one
    place, so :func:`dedupe` keeps one hit for it, not a second copy at a click's depth that outranks
    the page the home's own entry leads to (i-curaduria1: the section «Noticias importantes» of
    ``/home`` before the link «Noticias y avisos importantes» of ``/`` to ``/news``)."""
    aliases = idx.home_aliases
    if not aliases or idx.home is None:
        return
    home = idx.home
    for h in hits:
        if h.url in aliases:
            h.url, h.depth = home.url, 0
        if h.found_on in aliases:
            h.found_on = home.url


def _leaves_site(hit: Hit) -> bool:
    """Whether a hit leads to another site than the one it was found on (a subdomain is the same)."""
    return not same_site(url_key(hit.url).split("/", 1)[0], url_key(hit.found_on).split("/", 1)[0])


def offsite_file(hit: Hit) -> bool:
    """Whether a hit is a file kept on another host (a Drive or OneDrive file in its viewer, another
    site's PDF; ``urls.is_shared_file``, class 2701) linked from a page of the site: a person points
    first to the site's page that lists it, then to the file (issue 15, «weakest evidence first»; class
    2471): zzj-santamargarita's «Índice de información clasificada y reservada» on ``/DatosAbiertos.html``
    opens a Drive viewer nobody on the committee can check from the crawl. A form tool's page (Google
    Forms) is a service and a shared folder a place, not a file: not one."""
    if hit.url == hit.found_on or not _leaves_site(hit) or is_doc_key(url_key(hit.found_on)):
        return False
    key = url_key(hit.url)
    return is_doc_key(key) or is_shared_file(key)


def shown_first(hit: Hit, max_depth: int | None) -> bool:
    """Whether a person points first to the page that shows an entry rather than to where it leads
    (criterion P, docs/checklist-scope.md): for a menu the item asks to be linked from the home page
    (``Item.max_depth`` of 1: «Atención y servicios a la ciudadanía», «Participa», «Transparencia»), an
    entry whose target is on another site (w-santamarta's «Atención al Ciudadano» tile to the city
    portal) or publishes nothing (k-guachucal's «Servicios Ciudadanos», an empty category): the menu
    is what the item asks for, and that page is where the committee sees it. An entry to a page of
    the site that publishes stays first (its target is the menu's content; the page that shows the
    entry follows it)."""
    # one click: the menus (gelt-2008's PQRSD channel, ``max_depth = 3``, is a service, not a menu)
    if max_depth != 1 or hit.url == hit.found_on or is_doc_key(url_key(hit.url)):
        return False
    return _leaves_site(hit) or hit.content_problem


def publishes(hit: Hit) -> bool:
    """Whether a hit shows the crawl something of the item on the site: not an entry or section seen
    to publish nothing (``Hit.content_problem``: empty, leading home, broken), not one whose content
    was not seen (a script's, another site's) and not a lesser form of it (``Hit.lesser``)."""
    return not (hit.content_problem or hit.broken or hit.scripted or hit.dead or hit.lesser or _leaves_site(hit))


def publisher_first(lead: Hit | None, hits: list[Hit]) -> Hit | None:
    """The hit a person names before ``lead``, the evidence the engine would name first, or None
    (criterion P, docs/checklist-scope.md, ruling M of H201): when ``lead`` is a section or entry seen
    to publish nothing (``Hit.content_problem``: the hub's empty «Informes de gestión», a category whose
    entries lead home, an entry to an empty page) and another of its part's hits (``hits``, best first)
    publishes the item, a page titled or a link named for it by as much of the item's name
    (``Hit.match``), that hit: a committee member opens it to see the item. The section that publishes
    nothing stays named right after it (it is why the verdict says what it lacks). A section that
    publishes stays first."""
    if lead is None or not lead.content_problem:
        return None
    # a page titled or a link named for the item (tier 0) at least as fully as the empty section: a
    # news headline that mentions a report (m-buga), a section of another page that only describes
    # the topic (m-buga's «5. Rendición de Cuentas» on /participa, its «Conocer más» to a missing page)
    # or a file found by its address (g-hsap) is not shown to publish it (class 1200,
    # ``judge._named_entry``, keeps the named entry first there)
    return next((h for h in hits if h is not lead and h.tier == 0 and publishes(h) and h.match >= lead.match), None)


def offsite_named(
    hits: list[Hit], systems: frozenset[str] = frozenset(), order: Callable[[Hit], tuple] = rank
) -> dict[int, Hit]:
    """Links named for the item that lead to another site (as ``id``; class 1140), each with the page or
    section of the site itself found for the item (not a document), with no more problems, that
    a person points to first: the hub's «9.1 Informes, estudios, investigaciones y otras
    publicaciones» before its entry «estudios o investigaciones» to a district system (movilidad),
    the page «Mecanismos de contacto» with the PQRSD channels before a «Contáctenos» to the entity's
    other domain (idcbis), the hub's «Información sobre servicios y trámites» before the GOV.CO
    bar's «Trámites y servicios» (k-guachucal). Not a link to a system the item itself asks for
    (``systems``: the URL keys its ``link_to`` rules name, the SUIT for the procedures,
    SUIN-Juriscol for the norms; class 1141): there the link is the evidence. ``order``: how the hits rank."""
    own = [h for h in hits if h.tier <= 1 and not _leaves_site(h) and not is_doc_key(url_key(h.url))]
    out: dict[int, Hit] = {}
    for h in hits:
        if h.tier != 0 or not _leaves_site(h) or is_doc_key(url_key(h.url)) or url_key(h.url) in systems:
            continue
        mine = [o for o in own if len(o.problems) <= len(h.problems)]
        if mine:
            out[id(h)] = min(mine, key=order)
    return out


def dedupe(hits: list[Hit], numeral: str = "", systems: frozenset[str] = frozenset()) -> list[Hit]:
    """One hit per (URL, page found on), the one with fewest problems; best first (:func:`rank`),
    a link to another site right after the site's own page or section for the item
    (:func:`offsite_named`; ``systems``: the URL keys of the systems the item asks for)."""
    seen: dict[tuple[str, str], Hit] = {}
    for h in hits:
        k = (h.url, h.found_on)
        if k not in seen or rank(h, numeral) < rank(seen[k], numeral):
            seen[k] = h
    kept = list(seen.values())
    _page_says_nothing(hits, kept)
    listed = listed_documents(kept) | offsite_links(kept)
    leads = section_leads([h for h in kept if id(h) not in listed])
    opened = opened_sections(kept)
    ranks = {id(h): rank(h, numeral, leads, listed, opened) for h in kept}
    after = offsite_named(kept, systems, lambda h: ranks[id(h)])

    def key(h: Hit) -> tuple:
        o = after.get(id(h))
        return (ranks[id(h)], 0) if o is None else (max(ranks[id(h)], ranks[id(o)]), 1)

    return sorted(kept, key=key)


def _page_says_nothing(hits: list[Hit], kept: list[Hit]) -> None:
    """A page found for the item by its address or running text (tier 3) whose own section for the
    item says it shows nothing («No hay documentos disponibles en la categoría "Normatividad"» on
    ``?categoria=normatividad``) has that problem too: what the page says of its content outweighs
    what its address promises."""
    said = {h.url: h for h in hits if h.content_problem and not h.broken and h.tier <= 1 and h.url == h.found_on}
    for h in kept:
        s = said.get(h.url)
        if s is not None and h.tier == 3 and not h.problems:
            h.problems = list(s.problems)
            h.content_problem = True
            h.dead = s.dead  # the page's section for the item leads nowhere: nor does the page
