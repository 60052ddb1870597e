"""The rule kinds: what each kind of evidence rule in a checklist file looks for.

Each kind is a class registered under its ``kind`` name in :data:`KINDS`, as urlwatch registers
its filters; its docstring documents it, and :func:`documentation` renders them all. The judge
dispatches through the registry and the loader validates a rule's keys against it, so a new
kind is one class here. Regenerate the reference page after changing a kind::

    python -m gelt_audit.audits.checklist --write    # docs/checklist-rules.md
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence

from .applies import PAGE_TEXT, carried, leads_to_no_aplica, says_of_item
from .contents import SHOWN_EMPTY
from .evidence import MAX_HITS, Finder, Hit
from .forms import LONE_SEARCH, lone_box_notes
from .guards import (
    dead_entry,
    excluded_text_guard,
    numbered_entries,
    page_names_other,
    section_publishes_nothing,
    unseen_section,
    url_text_guard,
    where_text_ok,
)
from .kinds import KINDS, EvidenceKind, PageTextKind, VerdictKind
from .model import STATUSES, Case, Item, ItemResult, Rule
from .packed import Run
from .paged import Shallowest, depth_order
from .pages import Block, Link, Page, empty_section_named
from .ranking import dedupe
from .text import count_words, in_norm, leads_with, opens_enumeration, text_match, text_norm
from .unlinked import chrome_hit, unlinked_hits
from .urls import doc_key

HUB_SECTIONS = 4  # a page with this many sections is a hub: one of them is not the page


class Title(EvidenceKind):
    """A page whose title (or one of its ``|``/``-`` segments), ``h1``, or a content section
    is about the ``keywords``. A section is what a person reads as one: an ``h2``-``h6``, an
    accordion ``<button>``, a ``<summary>``, a ``<dt>``, a ``<caption>`` or a ``<legend>``,
    followed by content (text, media, or, as in a section-numbered hub, its links; a section
    whose only links are broken is evidence with a problem; a heading that is wholly a link to
    another page, a card and its blurb, titles that page, not a section). A heading followed by a
    grid of cards each titled with a heading of its level or higher («Noticias» ``h2`` over cards
    titled ``h2``) heads that grid, and a heading in a box the page marks as a title
    (``class="section-title"``), alone in its band, heads the band after it when that band is such
    a grid (class 1361). When the section's content says
    it does not apply to the entity («Esta subcategoría no aplica para la entidad»), or, its whole
    content, that the entity does not produce the item's object («La entidad no expide normas de
    carácter general» for the projects of norms; so too the page's own text on a page titled for the
    item: criterion M), and nothing else publishes the item, the item is proposed ``no_aplica`` with
    that sentence, for the committee to confirm. A section whose every entry links to «#» (or to the page itself,
    ``href=""``) is shown but publishes nothing: the section's own item (``ley1712.3``) is
    ``parcial`` for it, any other item finds no evidence there, and so for a section of the
    template's filler text or a numbered category over a short note (classes 190-192); likewise a
    section whose every link is broken is evidence with that
    problem only for its own item (the section item, or an entry numbered as the item), never
    for an item a broader section merely names («5. Presupuesto» for the budget document); so is
    a section whose every entry named for the item is broken («Normatividad aplicable» → a 404
    beside a calendar), and, for a service item (``service = true``), one whose every link goes
    to a broken page. In
    a section found for an entry of the menu (item ``9.1``), the
    section's own link numbered as the entry («9.1 Gestión de información estadística») is
    evidence too. A section of a hub (a page of four sections or more) is not linked
    from the header or footer because the hub is. A section of a page with an entry more about the item than the
    section's title that links to «#» (or ``javascript:void(0)``) is not evidence: the entry is shown,
    nothing is published. A page with several sections for the item is evidence by one that
    publishes, before one it shows empty («Aun no hay documentos») or all «#». An entry that
    opens its content with a script (no address, but marked to be clicked: a click attribute, a
    link role, a class that says link, a ``javascript:`` call) was not seen: when nothing the
    crawl saw publishes the item, the item is ``sin_verificar`` with that entry as evidence,
    never «no se encontró» nor a period (nor «falta» for its other parts). So is a page whose
    content is a loading placeholder («Cargando noticias…») on a page that runs a script, reached
    by its title or by a link, and a heading over an empty box (``<h2>Noticias</h2><section>
    </section>``) on a page that runs a script (what would fill it). On a page with no script
    nothing replaces the placeholder or fills the box: the page is empty, the section shown
    empty, as a page «en construcción».

    ``keywords``: phrases, any of which may match. ``slack``: how many other words the label
    may have (default 4), so that a news headline merely mentioning "presupuesto" is not the
    budget page; a phrase of four words or more that opens the label (after its numbering)
    matches however long the label is (Res. 1519's long names), and so does one of two words or
    more that is the first element of a label that lists («Localización física, sucursales o
    regiones, horarios…»: Res. 3564's names).
    """

    kind = "title"
    params = ("keywords", "slack")
    criteria = ("keywords",)

    @classmethod
    def hits(cls, finder: Finder, rule: Rule, item: Item) -> list[Hit]:
        lab = finder.idx.labels
        not_applicable: dict[str, str] = {}  # page URL -> «no aplica» sentence under the matched section

        def found() -> Iterable[tuple[Page, str]]:
            for k, phrase in enumerate(rule.keywords):
                most = rule.slack + count_words(phrase)  # words a label about the phrase may have
                for i in lab.find(phrase):
                    too_long = lab.nwords[i] > most and not leads_with(phrase, lab.entries[i])
                    if not finder.label_ok(rule, lab.entries[i]):
                        continue
                    cover = round(count_words(phrase) / max(lab.nwords[i], 1), 1)
                    for page, kind, raw in lab.payloads[i]:
                        if too_long and not opens_enumeration(phrase, raw):
                            continue
                        if kind == "section" and page.dead and dead_entry(page, rule) > cover:
                            continue  # the page's own entry for the item links to «#»
                        if finder.scope_ok(rule, None, page):
                            said = page.no_aplica.get(raw if kind == "section" else PAGE_TEXT, "")
                            if said and says_of_item(said, rule.keywords, item.name):
                                not_applicable.setdefault(page.url, said)
                            if (not page.is_news or item.allow_news) and may_show(page):
                                # a section that publishes beats one the page shows empty («7.5-…
                                # Aun no hay documentos» beside «12.1-Formato alternativo…» and its link)
                                shown = kind == "section" and page.only_links.get(raw) in SHOWN_EMPTY
                                # its own section for the item shown empty: a broader label is no better (H223)
                                shown = shown or (cover < 1 and bool(empty_section_named(page, rule.keywords)))
                                how = (not shown, cover, -(kind != "title"), -k, raw)
                                # what the crawl saw before an entry that opens by a script (class 32)
                                seen = kind != "section" or not unseen_section(page, raw)
                                was = best.get(page.url)
                                if was is None or (seen, *how[:4]) > (seen_best[page.url], *was[:4]):
                                    best[page.url], seen_best[page.url] = how, seen
                                first_seen.setdefault(page.url, seen)
                            yield page, f"{'página' if kind == 'title' else 'sección'} «{raw}» ({page.url})"

        best: dict[str, tuple[bool, float, int, int, str]] = {}
        seen_best: dict[str, bool] = {}
        first_seen: dict[str, bool] = {}  # whether the label a page's hit is described by was seen
        # kept only for pages page_hits can still keep (a label on 50,000 pages made the peak: H305)
        shallow = Shallowest(MAX_HITS, depth_order(finder.idx.pages.store, finder.depth))

        def may_show(page: Page) -> bool:
            there, out = shallow.admit(page.idx)
            if out >= 0:
                url = finder.idx.pages.store.urls[out]
                del best[url], seen_best[url], first_seen[url]
            return there

        # one page a URL (the index's pages have distinct URLs; page_hits keeps the first by number)
        hits = finder.page_hits(found(), item)
        pages = {h.url: p for h in hits if (p := finder.page_at(h.url)) is not None}  # the hits' pages
        dead: list[Hit] = []
        for h in hits:
            publishes, cover, tier, k, raw = best.get(h.url, (True, 0.0, -1, -99, ""))
            said = carried(pages.get(h.url), raw, publishes, not_applicable.get(h.url, ""))
            h.no_aplica = said or leads_to_no_aplica(pages.get(h.url), raw, not_applicable)
            h.match, h.tier, h.keyword, h.label = cover, -tier, -k, raw
            if seen_best.get(h.url) and not first_seen.get(h.url, True):
                h.describe = f"{'página' if tier == 0 else 'sección'} «{raw}» ({h.url})"  # not the script entry
            page = pages.get(h.url)
            if page is not None and tier == -1 and len(page.sections) >= HUB_SECTIONS:
                # the hub is linked from the header; its twelfth section is not
                h.placements = frozenset()
            if page is not None and tier == -1 and section_publishes_nothing(finder, h, page, rule, item):
                dead.append(h)
            elif page is not None and tier == 0 and (empty := empty_section_named(page, rule.keywords)):
                h.problems.append(empty)  # the page's own heading for the item shows nothing (H223)
                h.content_problem = True
        kept = [h for h in hits if h not in dead]
        return kept + numbered_entries(finder, kept, pages, item)


class LinkText(EvidenceKind):
    """A link whose text (or, for an image link, its ``alt``, ``title`` or ``aria-label``) is
    about the ``keywords``; the evidence is the link's target.

    ``keywords``: phrases, any of which may match. ``slack``: how many other words the link
    text may have (default 4; a phrase of four words or more that opens the text matches
    however long the text is).

    A link to a part of another page (``index.php#preguntas``) counts only when that page shows
    the item (a title, a section or a heading about the keywords, however short the text under
    it): who follows it otherwise lands on something else.
    """

    kind = "link_text"
    params = ("keywords", "slack")
    criteria = ("keywords",)

    @classmethod
    def hits(cls, finder: Finder, rule: Rule, item: Item) -> list[Hit]:
        lt = finder.idx.link_texts
        # target -> (share of the text the phrase covers, -keyword index, text)
        best: dict[str, tuple[float, int, str]] = {}
        if rule.scope == "any":  # every occurrence counts: whole runs per target, as occ() below
            fast = cls._run_hits(finder, rule, item)
            if fast is not None:
                return fast + unlinked_hits(finder, rule, item)  # a name with no link: named, empty (class 2731)

        def occ() -> Iterable[tuple[Block, Link]]:
            for k, phrase in enumerate(rule.keywords):
                most = rule.slack + count_words(phrase)  # words a link text about the phrase may have
                for i in lt.find(phrase):
                    too_long = lt.nwords[i] > most and not leads_with(phrase, lt.entries[i])
                    if too_long or not finder.label_ok(rule, lt.entries[i]):
                        continue
                    cover = round(count_words(phrase) / max(lt.nwords[i], 1), 1)
                    for block, link in lt.payloads[i]:
                        if finder.scope_ok(rule, block, None) and not finder.fragment_elsewhere(link, rule.keywords):
                            if link.target not in best or (cover, -k) > best[link.target][:2]:
                                best[link.target] = (cover, -k, link.text)
                            yield block, link

        return cls._ranked(finder.link_hits(occ(), item), best) + unlinked_hits(finder, rule, item)

    @classmethod
    def _run_hits(cls, finder: Finder, rule: Rule, item: Item) -> list[Hit] | None:
        """:meth:`hits` over whole runs per target, or None when a matching text has a link to
        a part of a page (``#…``): those are judged link by link."""
        lt = finder.idx.link_texts
        best: dict[str, tuple[float, int, str]] = {}
        runs: list[tuple[str, list[tuple[Block, Link]]]] = []
        for k, phrase in enumerate(rule.keywords):
            most = rule.slack + count_words(phrase)
            for i in lt.find(phrase):
                too_long = lt.nwords[i] > most and not leads_with(phrase, lt.entries[i])
                if too_long or not finder.label_ok(rule, lt.entries[i]):
                    continue
                if finder.text_has_fragments(i):
                    return None
                cover = round(count_words(phrase) / max(lt.nwords[i], 1), 1)
                for target, text in finder.text_targets(i).items():
                    if target not in best or (cover, -k) > best[target][:2]:
                        best[target] = (cover, -k, text)
                runs += finder.text_runs(i).items()
        return cls._ranked(finder.run_hits(runs, item), best)

    @staticmethod
    def _ranked(hits: list[Hit], best: dict[str, tuple[float, int, str]]) -> list[Hit]:
        for h in hits:
            h.match, k, h.label = best.get(h.url, (0.0, -99, ""))
            h.keyword, h.tier = -k, 0
        return hits


class Url(EvidenceKind):
    """A page or link target whose URL has the ``slugs`` among the words of its own path
    segment (the last one, or the last two when the last is generic such as ``index.php``) and
    its query values: ``mision-y-vision``, ``Pagos-en-Linea.aspx``, ``PortaldeNinos``.

    A link to a page or file of the site whose own text names something else (three words or
    more, none of the slugs, nor in the heading it sits under) is not evidence by its URL:
    «Costos de reproducción…» → ``resolucion_pago_de_copias.pdf`` is no online payment; nor is one
    whose text has a one-word slug with words that say which one («Certificado de accesibilidad»
    → ``certificado-de-accesibilidad.pdf`` is no certificate service). An
    external system's own path (``colombiacompra.gov.co/documentos-tipo``) still is. Likewise a
    page whose own title or ``h1`` names something else is not evidence by its address. A slug only
    supports what the link says: a link whose own text has a phrase of the rule's ``exclude`` is
    not evidence by its address, even under a heading that names the item
    («Ejecuciones Presupuestales y Estados Financieros» → ``/presupuesto.php`` under «6. Presupuesto»).

    ``slugs``: phrases, any of which may match.
    """

    kind = "url"
    params = ("slugs",)
    criteria = ("slugs",)

    @classmethod
    def hits(cls, finder: Finder, rule: Rule, item: Item) -> list[Hit]:
        idx = finder.idx
        keys = finder.url_keys(rule, rule.slugs)

        def pages() -> Iterator[tuple[Page, str]]:  # made as page_hits reads them (see paged)
            for key in keys:
                st = idx.status.get(key)
                if st is not None and st.page is not None and finder.scope_ok(rule, None, st.page):
                    if not page_names_other(st.page, rule.slugs, finder):
                        yield st.page, f"página {st.page.url}"

        found = finder.page_hits(pages(), item)

        # The guards' answers, kept per what each reads of a link (a guard reading more fails
        # test_the_url_guards_read_only_what_their_answers_are_kept_by)
        text_ok = url_text_guard(finder, rule.slugs)
        if rule.exclude:  # the near-miss the rule excludes, said by the link or its heading (H117, 2582)
            text_ok = excluded_text_guard(finder, rule, text_ok)

        external = {key for key in keys if finder.is_external(key)}

        def named_ok(key: str, link: Link) -> bool:
            return key in external or text_ok(link.norm, link.nwords, link.ctx, (link,), 0)

        def where(key: str, run: Run) -> Run:
            return run if key in external else where_text_ok(run, text_ok)

        if rule.scope == "any":
            links = finder.target_hits(keys, item, where=where)
        else:
            occ = (
                (b, ln)
                for key in keys
                for b, ln in idx.targets.get(key, ())
                if not ln.embed and finder.scope_ok(rule, b, None) and named_ok(key, ln)
            )
            links = finder.link_hits(occ, item)
        hits = found + links
        for h in hits:
            h.tier = 3  # a slug supports; a person reads titles and link texts first
        return hits


class Text(PageTextKind):
    """A page whose main text (without header, navigation and footer) has the ``keywords``
    and/or matches the patterns.

    ``keywords``: phrases, any of which may match. ``pattern``: named patterns that must all
    match (see below). ``regex``: regular expressions over the folded text (lower case, no
    accents) that must all match. With ``on_title``, only pages whose title, ``h1`` or a
    section heading is about one of those phrases count, or that a short entry of the site's
    menus names so (class 3000, :mod:`.entry_titles`).
    """

    kind = "text"
    params = ("keywords", "pattern", "regex")
    criteria = ("keywords", "patterns", "regex")


class TopLogo(EvidenceKind):
    """A logo at the top of the home page (an image in its header, or before its first heading)
    whose alternative text or file name has the ``keywords`` and that the item's other rules
    did not find linked: the bar is there, its link is not. Always ``parcial``, saying so; it
    never makes an item ``cumple``.
    """

    kind = "top_logo"
    params = ("keywords",)
    criteria = ("keywords",)

    @classmethod
    def hits(cls, finder: Finder, rule: Rule, item: Item) -> list[Hit]:
        home = finder.idx.home
        names = [
            n for n in (home.top_images if home else ()) if any(in_norm(p, text_norm(n)[0]) for p in rule.keywords)
        ]
        if home is None or not names:
            return []
        where = f"logo «{names[0]}» arriba de {home.url}"
        return [
            Hit(home.url, home.url, home.fetched_at, where, 0, False, frozenset({"header"}),
                problems=[f"{where}, pero no enlaza a donde pide el ítem"])
        ]  # fmt: skip


class Footer(EvidenceKind):
    """The site footer's text (with the addresses of its ``mailto:`` links) has the
    ``keywords`` and/or matches the patterns: address, phone, opening hours, e-mails.

    ``keywords``, ``pattern``, ``regex``: as for ``text``.
    """

    kind = "footer"
    params = ("keywords", "pattern", "regex")
    criteria = ("keywords", "patterns", "regex")

    @classmethod
    def hits(cls, finder: Finder, rule: Rule, item: Item) -> list[Hit]:
        hits: list[Hit] = []
        footers = finder.idx.footers
        for text in finder.footer_candidates(rule):
            if not text_match(rule.keywords, rule.patterns, rule.regex, text):
                continue
            page = finder.best_of(footers[text])
            if page is None:
                continue
            if len(hits) == MAX_HITS:
                break
            hits.append(chrome_hit(finder, page, f"pie de página de {page.url}", "footer"))
        return hits


_FORM_NAMES = {
    "search": "búsqueda",
    "page_search": "búsqueda de una sola lista",
    "pqrsd": "PQRSD / contacto",
    "survey": "encuesta",
    "payment": "pago",
    "query": "consulta",
    "subscription": "suscripción",
}


class FormByPurpose(EvidenceKind):
    """A form for a ``purpose``, read off its fields: ``search`` (one or two text fields named
    like a search), ``page_search`` (such a box whose prompt names the one list it searches:
    «Buscar noticias…», «Buscar en menú»), ``pqrsd`` (a message box with an e-mail or several
    fields, unless its words, heading or page title say it is for something else, a payment proof
    or a registration: criterion Q), ``survey`` (radio buttons on a survey), ``payment``, ``query``
    (look up a filing or a bill), ``subscription`` (an e-mail to subscribe to a bulletin). A login
    form is none of these. Fields a script sends, with no ``<form>`` element, are a form too: two
    or more fields around a send button (``forms.formless_forms``).

    ``purpose``: one of the above. ``contains``: phrases, one of which the form's text and
    field names must have (a PQRSD form with "tipo de solicitud"); the terms a button of the
    form opens in a modal («Ver términos y condiciones») are part of its text.
    """

    kind = "form"
    params = ("purpose", "contains")
    criteria = ("purpose",)

    @classmethod
    def hits(cls, finder: Finder, rule: Rule, item: Item) -> list[Hit]:
        hits = []
        for block in finder.idx.blocks:
            for form in block.forms:
                lone = rule.purpose == "search" and LONE_SEARCH in form.purposes
                if rule.purpose not in form.purposes and not lone:
                    continue
                if rule.contains and not any(in_norm(p, form.norm) for p in rule.contains):
                    continue
                if not finder.scope_ok(rule, block, None):
                    continue
                page = finder.best_page(block)
                if page is None:
                    continue
                hit = finder.page_hit(page, f"formulario de {_FORM_NAMES[rule.purpose]} en {page.url}", item)
                if hit is not None:
                    # a page with a form is not empty, and the form was seen (whatever else loads)
                    hit.problems, hit.content_problem, hit.scripted = [], False, False
                    if lone:  # the committee's criterion: a script would send it, or nothing does
                        hit.describe, note, dead = lone_box_notes(form.box, page.url)
                        hit.lone_box, hit.scripted, hit.unseen = True, page.scripts, note if page.scripts else ""
                        hit.dead = "" if page.scripts else dead
                    if block.region:
                        hit.placements = frozenset({block.region})
                    hits.append(hit)
                break
        return dedupe(hits)[:MAX_HITS]


class LinkTo(EvidenceKind):
    """Links (and, unless ``embeds = false``, scripts, frames and objects) to other sites.

    ``hosts``: host patterns: ``datos.gov.co`` (that host, ``www.`` ignored), ``*.secop.gov.co``
    (also its subdomains), ``gov.co/ficha-tramites-y-servicios`` (a URL prefix), or an alias of
    national systems such as ``@suit`` (see below; a profile's ``[hosts]`` table adds aliases).
    ``keywords``: phrases the link text or the linking page's title must have. ``min_count``:
    how many distinct matching targets one page must link to (default 1). ``embeds``: whether
    embedded scripts and frames count (default true). ``presence``: the link is the item (criterion
    I's exception), evidence even offline; ``"page"``: its page leads the evidence, ``"link"``: it does.
    """

    kind = "link_to"
    params = ("hosts", "keywords", "min_count", "embeds", "presence")
    criteria = ("hosts",)

    @classmethod
    def hits(cls, finder: Finder, rule: Rule, item: Item) -> list[Hit]:
        per_page: dict[int, list[tuple[Block, Link]]] = {}
        for key in finder.linked_to(rule.hosts):
            for block, link in finder.idx.targets[key]:
                if (link.embed and not rule.embeds) or not finder.scope_ok(rule, block, None):
                    continue
                if link.region and link.text and link.ctx == link.text:
                    continue  # a column's heading read as a menu's name: its entries are the real links
                page = finder.best_page(block)
                if page is None:
                    continue
                if rule.keywords:
                    page_norm = " ".join(x[0] for x in (page.labels + page.sections))
                    if not any(in_norm(p, link.norm) or in_norm(p, page_norm) for p in rule.keywords):
                        continue
                per_page.setdefault(page.idx, []).append((block, link))
        occ_ok = [o for occ in per_page.values() if len({link.key for _b, link in occ}) >= rule.min_count for o in occ]
        return finder.link_hits(occ_ok, item)


class Document(EvidenceKind):
    """Links to documents (PDF, DOC, XLS...) whose text or file name has the ``keywords``. The
    text must be about the phrase, as for ``link_text`` («Servicio al público, normas,
    formularios y protocolos de atención» is a manual, not a form).

    ``keywords``: phrases, any of which may match. ``slack``: how many other words the link
    text may have (default 4). ``extensions``: the document extensions that count (default:
    every document format, see below).
    """

    kind = "document"
    params = ("keywords", "slack", "extensions")
    criteria = ("keywords",)

    @classmethod
    def hits(cls, finder: Finder, rule: Rule, item: Item) -> list[Hit]:
        # None: the rule names no extensions (every format, and a file host's file: ``urls.doc_key``)
        exts = frozenset(rule.extensions) if rule.extensions else None
        lt = finder.idx.link_texts
        if rule.scope == "any":  # as below, in whole runs per target
            runs: list[tuple[str, list[tuple[Block, Link]]]] = []
            for phrase in rule.keywords:
                most = rule.slack + count_words(phrase)
                for i in lt.find(phrase):
                    if lt.nwords[i] <= most and finder.label_ok(rule, lt.entries[i]):
                        runs += ((key, run) for key, run in finder.text_runs(i).items() if doc_key(key, exts))
            for key in finder.url_keys(rule, rule.keywords):
                if doc_key(key, exts):
                    runs.append((key, finder.target_run(key)))
            return finder.run_hits(runs, item)
        occ: list[tuple[Block, Link]] = []
        for phrase in rule.keywords:
            most = rule.slack + count_words(phrase)
            for i in lt.find(phrase):
                if lt.nwords[i] <= most and finder.label_ok(rule, lt.entries[i]):
                    occ += [(b, ln) for b, ln in lt.payloads[i] if doc_key(ln.key, exts)]
        for key in finder.url_keys(rule, rule.keywords):
            if doc_key(key, exts):
                occ += finder.idx.targets.get(key, [])
        return finder.link_hits([(b, ln) for b, ln in occ if not ln.embed and finder.scope_ok(rule, b, None)], item)


class Signal(VerdictKind):
    """The status another audit computed for the item (the update frequency of the
    dependencies, the allied entities' links, the periodic control): the audit passes it as a
    signal. Without it the item is ``manual`` (or what the committee declared).

    ``name``: the signal's name.
    """

    kind = "signal"
    params = ("name",)
    criteria = ("name",)

    @classmethod
    def verdict(cls, rules: Sequence[Rule], case: Case) -> ItemResult:
        for r in rules:
            value = case.signals.get(r.name)
            if value is None:
                continue
            if isinstance(value, Mapping):
                status, detail = value.get("status"), str(value.get("detail", "") or "")
                ev = tuple(str(u) for u in value.get("evidence", ()) or ())
            else:
                status, detail, ev = value, "", ()
            if status not in STATUSES:
                raise ValueError(f"signals: estado {status!r} no válido para '{r.name}'")
            return case.result(str(status), ev, detail or f"según la auditoría «{r.name}»", None)
        return case.declared_or_manual(f"sin dato de la auditoría «{rules[0].name}»; declárelo el comité")


class Aggregate(VerdictKind):
    """The statuses of the other items whose id starts with ``prefix`` (the inventory of
    procedures, ``tramite.``): ``cumple`` when all comply, ``parcial`` when some comply at
    least in part, else ``no_cumple``. Judged after the other items.

    ``prefix``: the start of the ids.
    """

    kind = "aggregate"
    params = ("prefix",)
    criteria = ("prefix",)
    after_others = True

    @classmethod
    def verdict(cls, rules: Sequence[Rule], case: Case) -> ItemResult:
        item = case.item
        subs = [
            res
            for res in case.done.values()
            if any(res.item.startswith(r.prefix) for r in rules) and res.item != item.id
        ]
        if not subs:
            return case.declared_or_manual(f"no hay items «{rules[0].prefix}*» en la configuración (inventario)")
        ok = [s for s in subs if s.status == "cumple"]
        missing = [s.name for s in subs if s.status != "cumple"]
        status = (
            "cumple"
            if len(ok) == len(subs)
            else ("parcial" if any(s.status in ("cumple", "parcial") for s in subs) else "no_cumple")
        )
        detail = f"{len(ok)} de {len(subs)} cumplen" + (f"; pendientes: {', '.join(missing)}" if missing else "")
        ev = [u for s in subs for u in s.evidence[:1]]
        snaps = [s.snapshot_date for s in ok if s.snapshot_date]
        return case.result(status, ev[:10], detail, max(snaps) if snaps else None)


def evidence_kind(rule: Rule) -> type[EvidenceKind] | None:
    """The rule's kind when it finds evidence on the site (None for a verdict kind)."""
    kind = KINDS[rule.kind]
    return kind if issubclass(kind, EvidenceKind) else None


def verdict_kinds() -> list[type[VerdictKind]]:
    """The verdict kinds, in the order they take precedence."""
    return [k for k in KINDS.values() if issubclass(k, VerdictKind)]


# registered after the kinds above (the order of the reference page and of the refusal message); they
# import nothing from this module
from .channels import EntryChannel  # noqa: E402, F401
from .entities import EntityLinks  # noqa: E402, F401
from .people import PeopleList  # noqa: E402, F401
from .platform_forms import PlatformForm  # noqa: E402, F401
