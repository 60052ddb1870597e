"""Guards of the rule kinds: what makes a label, a link or a page that matches an item's phrase
not its evidence as a person reads it (an entry that links to «#», a link or page named for
something else), and the hub entry numbered as the item that is its evidence whatever its name."""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Callable, Sequence

from .contents import (
    BARE_ENTRY,
    BLANK_SECTION,
    CATEGORY_NOTE,
    DEAD_ENTRIES,
    DENIAL_ONLY,
    EMPTY_SECTION,
    REPEATED_BODY,
    SCRIPTED,
    STAND_IN,
)
from .emptiness import dead_documents, unseen_note
from .evidence import SHELL_NOTE, Finder, Hit
from .model import Item, Part, Rule
from .numerals import is_section_item, item_numeral, label_numeral
from .packed import PackedLinks, Run
from .pages import Link, Page, empty_there
from .quoting import says_nothing, shorten
from .text import count_words, in_norm, label_match, text_norm

BOX_NOTE = (
    "sin verificar: la sección no muestra nada en la página guardada y un script de la página podría llenarla;"
    " el rastreo no ejecuta scripts: ábrala en un navegador"
)
NAMED_LINK_WORDS = 3  # a link text of this many words (stop words aside) names what it leads to


def names_other(link: Link, phrases: Sequence[tuple[str, ...]]) -> bool:
    """Whether a link's own text names something other than the phrases (and the heading it sits
    under names none of them either): then its URL slug or file name, which sites reuse and
    abbreviate, does not make it the item's evidence."""
    if link.nwords < NAMED_LINK_WORDS or any(in_norm(p, link.norm) for p in phrases):
        return False
    heading = text_norm(link.ctx)[0] if link.ctx else ""
    return not any(in_norm(p, heading) for p in phrases)


def qualifies_one_word(link: Link, phrases: Sequence[tuple[str, ...]]) -> bool:
    """Whether a link's own text has a one-word phrase only with other words that say which one
    it is: «Certificado de accesibilidad» (a certificate the entity holds) is not «certificados»
    (the service), «Pagos a proveedores» not «pagos». Its URL or file name, which repeats those
    words, then decides nothing; a longer phrase of the item in the text, or the text alone, still
    does."""
    one = [p for p in phrases if len(p) == 1]
    if link.nwords < 2 or not any(in_norm(p, link.norm) for p in one):
        return False
    return not any(len(p) > 1 and in_norm(p, link.norm) for p in phrases)


TextGuard = Callable[[str, int, str, Sequence[Link], int], bool]


def url_text_guard(finder: Finder, phrases: Sequence[tuple[str, ...]]) -> TextGuard:
    """``ok(norm, nwords, ctx, links, j)``: whether link ``links[j]``, whose normal text, words
    and heading are given, may be evidence by its URL (neither :func:`qualifies_one_word` nor
    :func:`names_other`). The answers are kept per what each reads (text; text and heading) for
    every rule with these phrases (a 10,000-page site asks them of ~100,000 occurrences with a
    few thousand distinct texts); the link itself is read only for an answer not kept yet."""
    qualified = finder.memo_of("qualifies_one_word", phrases)
    other = finder.memo_of("names_other", phrases)

    def ok(norm: str, nwords: int, ctx: str, links: Sequence[Link], j: int) -> bool:
        text = (norm, nwords)
        q = qualified.get(text)
        if q is None:
            q = qualified[text] = qualifies_one_word(links[j], phrases)
        if q:
            return False
        named = (norm, nwords, ctx)
        o = other.get(named)
        if o is None:
            o = other[named] = names_other(links[j], phrases)
        return not o

    return ok


def excluded_text_guard(finder: Finder, rule: Rule, slug_ok: TextGuard) -> TextGuard:
    """``slug_ok`` (see :func:`url_text_guard`) narrowed by the rule's ``exclude``: a slug only supports
    what the link says, so a link whose own text has a phrase of ``exclude`` is not evidence by its
    address («Ejecuciones Presupuestales…» → ``/presupuesto.php`` under «6. Presupuesto», H117), nor is
    one whose own text names none of the slugs (a bare «Descargar documento») under a heading that has
    one: the heading says what it is («Términos y Condiciones Generales» of the contracts with
    suppliers → ``terminos-condiciones.pdf`` is no terms of use; class 2582). Kept per text, and per
    text and heading, as the guards' answers."""
    said_ok = finder.memo_of("label_ok", rule.exclude)
    under_ok = finder.memo_of("heading_excluded", (rule.exclude, rule.slugs))

    def ok(norm: str, nwords: int, ctx: str, links: Sequence[Link], j: int) -> bool:
        good = said_ok.get(norm)
        if good is None:
            good = said_ok[norm] = finder.label_ok(rule, norm)
        if good and ctx:
            named = (norm, ctx)
            good = under_ok.get(named)
            if good is None:
                bare = not any(in_norm(p, norm) for p in rule.slugs)
                good = under_ok[named] = not bare or finder.label_ok(rule, text_norm(ctx)[0])
        return good and slug_ok(norm, nwords, ctx, links, j)

    return ok


def where_text_ok(run: Run, ok: TextGuard) -> Run:
    """The occurrences of ``run`` that ``ok`` (see :func:`url_text_guard`) accepts, their text,
    words and heading read from the packed numbers: no ``Link`` made for each (this run itself
    when it keeps them all, as :meth:`Run.where`)."""
    occ = run.occ
    blocks, starts = occ.blocks, occ.starts
    kept = array("I")
    for n in run.ids:
        b = bisect_right(starts, n) - 1
        links, j = blocks[b].links, n - starts[b]
        if isinstance(links, PackedLinks):
            norm, nwords, ctx = links.worded(j)
        else:
            link = links[j]
            norm, nwords, ctx = link.norm, link.nwords, link.ctx
        if ok(norm, nwords, ctx, links, j):
            kept.append(n)
    return run if len(kept) == len(run.ids) else Run(occ, kept)


def page_names_other(page: Page, phrases: Sequence[tuple[str, ...]], finder: Finder) -> bool:
    """Whether a page's own title or ``h1`` (three words or more, on at most two pages: not the
    site's name) names something other than the phrases, none of its titles naming one:
    «Informes mensuales sobre … quejas y reclamos» at ``/web/informacion_pqrs`` is no PQRS form."""
    if any(in_norm(p, norm) for norm, _n, _raw in page.labels for p in phrases):
        return False
    labels = finder.idx.labels
    return any(n >= NAMED_LINK_WORDS and labels.count(norm) <= 2 for norm, n, _raw in page.labels)


def numbered_entries(finder: Finder, hits: list[Hit], pages: dict[str, Page], item: Item) -> list[Hit]:
    """In a section found for an entry item (``ley1712.9.1``), the section's own link numbered as
    the item («9.1 Gestión de información estadística»): the mandated structure names it, whatever
    the entity called it."""
    numeral = item_numeral(item.id)
    if not numeral or is_section_item(numeral):
        return []
    occ = []
    for h in hits:
        page = pages.get(h.url)
        if page is None or h.tier != 1:
            continue
        for block in page.blocks:
            if block.region:
                continue
            occ += [(block, ln) for ln in block.links if ln.ctx == h.label and label_numeral(ln.text) == numeral]
    found = finder.link_hits(occ, item)
    for f in found:
        # the hit's own link text when its address is the target as resolved (the start page «/»
        # reached as the site's home page): a StopIteration there crashed the report (H186)
        f.label, f.tier, f.keyword = next((ln.text for _b, ln in occ if ln.target == f.url), f.label), 0, 0
        f.match = max((h.match for h in hits), default=0.0)
    return found


def dead_entry(page: Page, rule: Rule) -> float:
    """How much an entry of the page that links to «#» (or a script) is about one of the rule's
    phrases (the share of its words the phrase covers; 0 when none is): a hub section «3.
    Estructura orgánica» whose entry «4. Organigrama» goes nowhere does not publish the
    organigram, while a section «4. Normatividad» with a dead entry «Normatividad interna» still
    is the section."""
    best = 0.0
    for text in page.dead:
        norm, n = text_norm(text)
        if finder_label_excluded(rule, norm):
            continue
        for p in rule.keywords:
            if label_match(p, norm, n, rule.slack):
                best = max(best, round(count_words(p) / max(n, 1), 1))
    return best


def lists_part_dead(finder: Finder, hit: Hit, rule: Rule, part: Part) -> bool:
    """Whether the page a lesser naming hit shows (a ``title`` or ``link_text`` rule with
    ``partial``: the section named for the whole item) lists the part's own entry linked to «#»: the
    entity says it publishes nothing there, and the section is no evidence of it (class 1030: hsvp's
    «10. Instrumentos de gestión…», whose «2. Registro de Activos de información» goes nowhere,
    against g-imder's instruments named as text)."""
    own = [r for r in part.rules if not r.partial and r.kind in ("title", "link_text") and r.keywords]
    if rule.kind not in ("title", "link_text") or not own:
        return False
    page = finder.page_at(hit.url)
    return page is not None and bool(page.dead) and any(dead_entry(page, r) > 0 for r in own)


def labels_a_paragraph(finder: Finder, hit: Hit, rule: Rule) -> bool:
    """Whether a lesser naming hit (a ``title`` rule with ``partial``: a category's name) is a section
    whose heading is a label ending in a colon over running text only, no link in it: the label of a
    paragraph («PLANEACIÓN:» over a project's plan told in prose, zzo-culturasandona), never a category
    where the entity publishes documents (class 2540)."""
    if rule.kind != "title" or hit.tier != 1 or not hit.label.rstrip().endswith(":"):
        return False
    page = finder.page_at(hit.url)
    return page is not None and hit.label not in page.only_links and hit.label not in page.section_keys


def titled_by_dead_sections(finder: Finder, hit: Hit, rule: Rule) -> bool:
    """Whether a ``text`` rule's page meets its ``on_title`` only by sections whose every entry leads
    nowhere (links to «#» or to broken addresses): dated circulars «Comunicados» whose files are 404
    or «#» publish no news, whatever other dates the page shows (zzq-iemariaantoniaruiz; class 2541, as
    a section whose every entry is dead publishes nothing of another item: ``section_publishes_nothing``)."""
    page = finder.page_at(hit.url)
    if rule.kind != "text" or not rule.on_title or page is None:
        return False
    if any(label_match(p, n, w, 6) for p in rule.on_title for n, w, _raw in page.labels):
        return False  # the page is titled so: its own text decides
    named = [raw for n, w, raw in page.sections if any(label_match(p, n, w, 6) for p in rule.on_title)]
    return bool(named) and all(_leads_nowhere(finder, page.only_links.get(raw)) for raw in named)


def _leads_nowhere(finder: Finder, keys: list[str] | None) -> bool:
    """Whether a section's entries (``Page.only_links``) all link to «#» or to broken addresses."""
    return bool(keys) and (keys == [DEAD_ENTRIES] or all(finder.broken(k) for k in keys))


def unseen_section(page: Page, label: str) -> bool:
    """Whether a section of the page holds only what the crawl did not see: entries that open by a
    script, or an empty box under its title on a page that runs a script (what may fill it)."""
    keys = page.only_links.get(label)
    return keys == [SCRIPTED] or (keys == [BLANK_SECTION] and page.scripts)


def own_numeral(label: str, item: Item) -> bool:
    """Whether a section label is numbered as the item (``4.4 Proyectos…`` for item 4.4)."""
    numeral = item_numeral(item.id)
    return bool(numeral) and label_numeral(label) == numeral


# A section marked (``Page.only_links``) as showing the item with nothing under it, and what the
# committee reads about it.
_SHOWN_NOTHING = {
    # a title over an empty box on a page with no script (with one, the box is unseen: above)
    BLANK_SECTION: "la sección «{raw}» de {url} está vacía: no muestra nada bajo su título",
    # the entity shows the item and says it has published nothing yet
    EMPTY_SECTION: "la sección «{raw}» de {url} dice que aún no tiene nada publicado",
    # «3.4. Organigrama» opening the same contact block as forty other entries
    REPEATED_BODY: "la sección «{raw}» de {url} muestra lo mismo que otras secciones de la página",
    # the entity lists the item and publishes nothing under it
    BARE_ENTRY: "la entrada «{raw}» de {url} está en la lista, sin nada publicado",
    # «Proyectos de normas» over «La entidad no tiene empresas industriales…»: about something else
    DENIAL_ONLY: "la sección «{raw}» de {url} solo dice algo que la entidad no hace o no tiene, sin nada publicado",
}


def _shown_nothing(page: Page, raw: str, mark: str, url: str) -> str:
    """What a committee reads of a section marked as showing nothing (``_SHOWN_NOTHING``); a section
    that says it has nothing yet quotes its notice, as an empty page's detail does, and a category
    counted «0 documento(s)» or named in «No hay documentos … en la categoría "…"» quotes that
    counter or notice (``Page.notices``; the general words only for a page parsed without one)."""
    notice = page.notices.get(raw, "") if mark == EMPTY_SECTION else ""
    if notice:
        return f"la sección «{shorten(raw)}» de {url} {says_nothing(notice)}"
    return _SHOWN_NOTHING[mark].format(raw=raw, url=url)


# A section that shows only that its item is listed: evidence with a problem for its own item (the
# section item, or an entry numbered as the item), no evidence for any other.
_LISTED_ONLY = {
    # the template's filler text under the title, never replaced (class 191)
    STAND_IN: "la sección «{raw}» de {url} solo muestra el texto de relleno de la plantilla",
    # a category of the list over a short note («Revisar por parte de la entidad») (class 192)
    CATEGORY_NOTE: "la sección «{raw}» de {url} solo tiene una nota breve, sin nada publicado",
}


# Names of the way back to the start page (text_norm): a breadcrumb's «Inicio», a «Volver al inicio».
START_PAGE_NAMES = frozenset({"inicio", "home", "volver", "regresar", "volver inicio", "ir inicio", "pagina principal"})


def leads_home(page: Page, keys: list[str] | None, home: str) -> bool:
    """Whether a section's links (``keys``) all lead back to the start page (``home``, its key; a page
    other than ``page``): a dead entry, as «#» (docs/checklist-states.md, «Entradas sin nada detrás», b)."""
    return bool(keys) and bool(home) and home != page.key and all(k == home for k in keys or ())


def _only_home(finder: Finder, page: Page, raw: str, keys: list[str] | None) -> bool:
    """Whether every entry of a section on another page than the home page links to the home page
    (class 1340, :func:`leads_home`): a person who clicks any of them lands on the start page, never
    on what it names. The entries must name something: a section whose one link home is a
    breadcrumb's «Inicio» is a way back, not an entry."""
    home = finder.idx.home
    if home is None or not leads_home(page, keys, home.key):
        return False
    return any(
        link.key == home.key and link.ctx == raw and link.norm and link.norm not in START_PAGE_NAMES
        for block in page.blocks
        if not block.region
        for link in block.links
    )


def section_publishes_nothing(finder: Finder, hit: Hit, page: Page, rule: Rule, item: Item) -> bool:
    """Whether a section found for the item (``hit.label``) publishes nothing of it, else the
    section's problems added to the hit: a section whose every entry links to «#» (or, ``href=""``,
    to the page itself: class 190) is the section item's problem and no other item's evidence, and so
    is one whose content is the template's filler text (class 191), save an item that is a list of
    names (``names``:
    the entries' text names them; "linked" wants links, a problem); likewise one whose every link is broken, except
    for the item it is numbered as; for a service, a section whose links all go to broken pages
    offers nothing."""
    raw = hit.label
    keys = page.only_links.get(raw)
    own = is_section_item(item_numeral(item.id)) or own_numeral(raw, item)
    if keys == [SCRIPTED]:
        # the entry opens its content with a script the crawl does not run: shown, not seen
        hit.scripted = True
        hit.describe = f"entrada «{raw}» de {hit.url}, que se abre con un script"
    elif keys == [BLANK_SECTION] and page.scripts:
        # a title over an empty box on a page that runs a script: what fills it was not seen
        hit.scripted = True
        hit.describe = f"sección «{raw}» de {hit.url}, vacía en lo rastreado"
        hit.unseen = BOX_NOTE
    elif keys and len(keys) == 1 and keys[0] in _SHOWN_NOTHING:
        # shown, nothing under it: a problem of the item's content, as a page «en construcción»
        hit.problems.append(_shown_nothing(page, raw, keys[0], hit.url))
        hit.content_problem = True
    elif keys and len(keys) == 1 and keys[0] in _LISTED_ONLY:
        # the section (or the entry numbered as the item) is listed with nothing in it; it publishes
        # nothing of any other item
        if not own:
            return True
        hit.problems.append(_LISTED_ONLY[keys[0]].format(raw=raw, url=hit.url))
        hit.content_problem = True
    elif keys == [DEAD_ENTRIES] or _only_home(finder, page, raw, keys):
        if item.names == "shown":
            return False  # the entries' text names them: that is the item
        if not is_section_item(item_numeral(item.id)) and item.names != "linked":
            return True  # an entry's content: every entry goes nowhere, nothing is published
        # class 1340: entries that all lead back to the start page go nowhere either («4.1.
        # Normatividad» → «/»: the template's entries were never pointed at their pages)
        where = "a «#» o a la página misma" if keys == [DEAD_ENTRIES] else "a la página de inicio"
        hit.problems.append(
            f"la sección «{raw}» de {hit.url} los nombra, pero sus entradas enlazan {where}"
            if item.names == "linked"
            else f"la sección «{raw}» de {hit.url} solo tiene entradas enlazadas {where}, que no publican nada"
        )
        hit.content_problem = True
        if item.names != "linked":
            # the names are shown, only not linked: something is published (``parcial``)
            hit.dead = f"las entradas de «{raw}» de {hit.url} llevan {where}"
    elif keys and all(finder.broken(k) for k in keys):
        if not own:
            return True  # a broader section whose entries are all broken publishes nothing of the item
        hit.problems.append(f"la sección «{raw}» de {hit.url} solo enlaza a documentos rotos")
        hit.content_problem = hit.broken = True
        if all(finder.gone(k) for k in keys):
            hit.dead = f"las entradas de «{raw}» de {hit.url} llevan a páginas que no existen (404)"
    elif keys and (dead := _opens_dead_documents(finder, keys)):
        # a card «Registro histórico de informes de PQRSDF» whose «Ver más» opens a page whose every
        # «Descargar» is «#»: the section is the way to that page, and publishes what it does
        if not own:
            return True  # the page's own hit (with its problem) stands for the item
        hit.problems.append(f"la sección «{raw}» de {hit.url} lleva a {dead}, que no publica sus documentos")
        hit.content_problem = True
    elif keys and not own and only_excluded_entries(page, raw, rule):
        # «6. Presupuesto» whose one entry is «Ejecuciones Presupuestales y Estados Financieros»:
        # the category heading names the item, its entries are the near miss the rule excludes
        return True
    elif keys and (unseen := _leads_only_to_unseen(finder, page, keys)) is not None:
        # «Publicaciones y alertas recientes» whose one link opens a page showing only a script's
        # placeholder («Sin resultados», «Cargando…»): the way in was seen, what it opens was not
        # (class 2400), as an entry whose page is loading (``Finder`` link hits)
        hit.scripted, hit.unseen = True, unseen_note(unseen.loading) if unseen.loading else SHELL_NOTE
        hit.describe = f"sección «{shorten(raw)}» de {hit.url}, que lleva a {unseen.url}" + (
            f": muestra «{unseen.loading}»" if unseen.loading else ""
        )
    elif keys and (empty := _leads_only_to_empty(finder, page, keys)):
        # a hub's «4. NORMATIVIDAD» whose one entry «Normatividad: (Link aquí)» opens a page that only
        # repeats its title: the section names the item and publishes nothing of it (criterion E, its
        # last sentence; rule M: it proves nothing), for every item it names (H211, class 2112);
        # after the excluded near miss: «6. PRESUPUESTO» over an execution report is no budget at all
        hit.problems.append(f"la sección «{shorten(raw)}» de {hit.url} solo lleva a {empty}")
        hit.content_problem = True
    elif item.service and section_leads_only_to_broken(finder, page, raw):
        hit.problems.append(f"la sección «{raw}» de {hit.url} solo lleva a páginas rotas")
        hit.content_problem = hit.broken = True
    elif keys and (empty := _entries_to_empty_sections(finder, page, raw, rule)):
        # a side menu «Estructura orgánica y talento humano» whose entry «Organigrama» opens
        # «#organigrama», a section that only says «Organigrama de la entidad.»: the entry was
        # opened, nothing of the item is there (criterion E, H223)
        if not own:
            return True  # the entry's own hit (with its problem) stands for the item
        hit.problems.append(f"la entrada «{empty[0]}» de la sección «{shorten(raw)}» de {hit.url} lleva a {empty[1]}")
        hit.content_problem = True
    else:
        named = broken_item_entries(finder, page, raw, rule)
        if named and not own:
            return True
        if named:
            entry = named[0].text
            hit.problems.append(f"la entrada «{entry}» de la sección «{raw}» de {hit.url} apunta a una página rota")
            hit.content_problem = True
            if all(finder.gone(ln.key) for ln in named):  # 404/410, not a server's passing fault
                hit.dead = f"la entrada «{entry}» de la sección «{raw}» de {hit.url} lleva a una página que no existe"
    return False


def broken_item_entries(finder: Finder, page: Page, label: str, rule: Rule) -> list[Link]:
    """A section's entries named for the item when every such entry is broken (else none): in
    «Normatividad», «Normatividad aplicable» → a 404, beside a calendar and policies, the section
    shows the item and publishes none of it."""
    named = _named_entries(page, label, rule)
    return named if named and all(finder.broken(ln.key) for ln in named) else []


def _entries_to_empty_sections(finder: Finder, page: Page, label: str, rule: Rule) -> tuple[str, str] | None:
    """The first of a section's entries named for the item, and what it opens, when every such entry
    opens a crawled page whose section of that name shows nothing (:func:`pages.empty_there`); else
    None."""
    named = _named_entries(page, label, rule)
    found: list[tuple[str, str]] = []
    for ln in named:
        st = finder.idx.status.get(ln.key)
        target = st.page if st is not None else None
        empty = empty_there(target, ln.norm, ln.fragment) if target is not None and target is not page else ""
        if not empty:
            return None
        found.append((ln.text, f"{target.url}, {empty}"))
    return found[0] if found else None


def _named_entries(page: Page, label: str, rule: Rule) -> list[Link]:
    """The content links of a section (heading ``label``) whose text names the item."""
    return [
        ln
        for block in page.blocks
        if not block.region
        for ln in block.links
        if ln.ctx == label
        and not ln.embed
        and not finder_label_excluded(rule, ln.norm)
        and any(label_match(p, ln.norm, ln.nwords, rule.slack) for p in rule.keywords)
    ]


def only_excluded_entries(page: Page, label: str, rule: Rule) -> bool:
    """Whether every entry of a section (its links' texts) has one of the rule's ``exclude``
    phrases: the section shows only what the item is not, whatever its heading says."""
    if not rule.exclude:
        return False
    entries = [
        ln.norm for block in page.blocks if not block.region for ln in block.links if ln.ctx == label and not ln.embed
    ]
    return bool(entries) and all(finder_label_excluded(rule, norm) for norm in entries)


def _leads_only_to_empty(finder: Finder, page: Page, keys: Sequence[str]) -> str:
    """What a committee reads of the pages a section of links opens (after «solo lleva a») when every
    one of its links opens a crawled page of the site, not this one nor the start page, that the crawl
    saw empty (``Page.empty``), else "": «URL, que solo repite su título…» for one page."""
    home = finder.idx.home
    pages = [st.page if (st := finder.idx.status.get(k)) is not None else None for k in dict.fromkeys(keys)]
    if not pages or not all(
        p is not None and p.empty and p is not page and (home is None or p is not home) for p in pages
    ):
        return ""
    if len(pages) == 1:
        return f"{pages[0].url}, que {pages[0].empty}"
    return "páginas que no publican nada (" + ", ".join(p.url for p in pages[:3]) + (", …)" if len(pages) > 3 else ")")


def _leads_only_to_unseen(finder: Finder, page: Page, keys: Sequence[str]) -> Page | None:
    """The first page a section of links opens when every one of its links opens a crawled page of
    the site, not this one, whose content the crawl did not see (a script's placeholder,
    ``Page.loading``, or a script's shell, ``Page.shell``), else None."""
    pages = [st.page if (st := finder.idx.status.get(k)) is not None else None for k in dict.fromkeys(keys)]
    if pages and all(p is not None and p is not page and (p.loading or p.shell) for p in pages):
        return pages[0]
    return None


def _opens_dead_documents(finder: Finder, keys: Sequence[str]) -> str:
    """The URL of the page a section of links opens when every one of its links opens a crawled
    page listing documents whose download links all go to «#» (:func:`dead_documents`), else ""."""
    pages = [st.page if (st := finder.idx.status.get(k)) is not None else None for k in keys]
    if pages and all(p is not None and dead_documents(p) for p in pages):
        return pages[0].url
    return ""


def section_leads_only_to_broken(finder: Finder, page: Page, label: str) -> bool:
    """Whether every link a section's content holds (its «Más información», «Consultar»…; a
    section of text with a few links, see ``Page.section_keys``) goes to a broken page: a service
    described there, with no working way in, is not offered."""
    keys = {k for k in page.section_keys.get(label, ()) if k != page.key}
    return bool(keys) and all(finder.broken(k) for k in keys)


def finder_label_excluded(rule: Rule, norm: str) -> bool:
    """Whether a label has one of the rule's ``exclude`` phrases."""
    return any(in_norm(x, norm) for x in rule.exclude)
