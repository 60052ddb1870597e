"""Judging a checklist: every item's verdict from the evidence its rules find.

An item has one or more *parts* (``misión`` and ``visión``; address, phone and e-mail...), each
with rules; the rules of a part find *hits* (see ``rules.py``). A hit is good when its target
works and has content, and it satisfies the item's constraints: ``in_menu`` (under the
"Transparencia" menu), ``max_depth`` (clicks from home) and ``placement`` (linked from the site
header/footer). All parts good -> ``cumple``; some evidence -> ``parcial`` with the reasons;
none -> ``no_cumple``. Items with ``current`` must show the required period (this year, last
year, last completed quarter) or are ``parcial``.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any
from urllib.parse import urlsplit

from gelt_audit.linkstate import UNVERIFIED, is_dev_host

from .applies import LEADS, states_the_whole
from .elsewhere import mark_elsewhere
from .evidence import Finder, Hit
from .forms import SEARCHES_NOWHERE
from .guards import labels_a_paragraph, lists_part_dead, titled_by_dead_sections
from .index import SiteIndex, index_site
from .model import Case, Checklist, Item, ItemResult, PageDoc, Part
from .numerals import item_numeral, names_own_section
from .pages import Page
from .parse import text_rules
from .periods import hit_periods, period_note, period_problem
from .ranking import as_home, dedupe, offsite_file, publisher_first, shown_first
from .rules import KINDS, evidence_kind, verdict_kinds
from .section_pages import mark_empty_section
from .sections_shown import NOT_FOUND, shown_by_entries
from .urls import is_doc_key, url_key

MENU_PROBLEM = "publicado fuera del menú de transparencia"
_PLACES = {"header": "la barra superior", "footer": "el pie de página", "chrome": "el encabezado o el pie de página"}


def evaluate(
    checklist: Checklist,
    pages: Iterable[PageDoc] | SiteIndex,
    *,
    home_url: str,
    link_states: Mapping[str, str] | None = None,
    signals: Mapping[str, Any] | None = None,
    manual: Mapping[str, Any] | None = None,
    today: datetime.date,
) -> list[ItemResult]:
    """Judge every item of ``checklist`` against the crawled ``pages``.

    ``pages`` may also be a :class:`SiteIndex` from :func:`index_site` (parse once, evaluate
    several profiles). ``link_states`` maps URL -> ok|broken|blocked|redirect|skipped (external
    links; internal ones are judged from the page statuses). ``signals`` maps a signal name to a
    status (or to ``{"status", "detail", "evidence"}``) computed by another audit; a missing
    signal leaves the item ``manual``. ``manual`` is :func:`load_manual`'s result (or its
    ``items`` table): it gives the status of manual items, of items whose signal is missing, and
    may declare any item ``no_aplica``.
    """
    if isinstance(pages, SiteIndex):
        idx = pages
        # merged into a copy (the shared index is left as it was), unless the index was made from them
        if link_states and link_states is not idx.link_source:
            extra = index_site((), home_url=home_url, link_states=link_states).link_states
            idx = replace(idx, link_states={**idx.link_states, **extra})
    else:
        idx = index_site(pages, home_url=home_url, link_states=link_states, text_rules=text_rules([checklist]))
    decls: Mapping[str, Any] = {}
    if manual:
        decls = manual["items"] if isinstance(manual.get("items"), Mapping) else manual
    signals = signals or {}
    finder = Finder(checklist, idx)
    last = [it for it in checklist.items if any(KINDS[r.kind].after_others for p in it.parts for r in p.rules)]
    results: dict[str, ItemResult] = {}
    first = [it for it in checklist.items if it not in last]
    for item in first:
        results[item.id] = _evaluate_item(
            Case(item, checklist.profile, signals, decls.get(item.id), results), finder, today
        )
    for item in first:
        # a section nothing names, shown by its entries found (judged after it: numbered after it)
        shown = shown_by_entries(
            Case(item, checklist.profile, signals, decls.get(item.id), results),
            results,
            finder.in_menu_url,
        )
        if shown is not None:
            results[item.id] = shown
    for item in last:
        results[item.id] = _evaluate_item(
            Case(item, checklist.profile, signals, decls.get(item.id), results), finder, today
        )
    return [results[it.id] for it in checklist.items]


def _evaluate_item(case: Case, finder: Finder, today: datetime.date) -> ItemResult:
    """One item's verdict: declared, exempt, manual, decided by a verdict kind, or judged on the
    evidence its parts find."""
    item = case.item
    declared = case.declared()
    if declared is not None and declared.status == "no_aplica":
        return declared
    if item.no_aplica:
        return declared or case.result("no_aplica", (), f"no aplica: {item.no_aplica}", None, "manual")
    if item.manual:
        return case.declared_or_manual("requiere declaración del comité (no se puede verificar en el sitio)")
    rules = [r for part in item.parts for r in part.rules]
    for kind in verdict_kinds():
        own = [r for r in rules if r.kind == kind.kind]
        if own:
            return kind.verdict(own, case)
    return _judge_evidence(case, finder, today)


def _judge_evidence(case: Case, finder: Finder, today: datetime.date) -> ItemResult:
    """The verdict on what each part's rules find: ``cumple``, ``parcial`` with the reasons, or
    ``no_cumple``; a current item must also show the required period."""
    item = case.item
    part_hits: list[tuple[Part, list[Hit]]] = []
    broken: list[Hit] = []
    dead: list[Hit] = []
    # the other sites the item itself asks to link to (the SUIT, SUIN-Juriscol): see ranking.offsite_named
    systems = frozenset(
        key for part in item.parts for r in part.rules if r.kind == "link_to" for key in finder.linked_to(r.hosts)
    )
    found_parts = [(part, _part_hits(part, item, finder)) for part in item.parts]
    if item.service:
        # an online service whose only way in is broken is not offered (see Item.service)
        broken = [h for _p, hs in found_parts for h in hs if h.broken]
        found_parts = [(p, [h for h in hs if not h.broken]) for p, hs in found_parts]
    # an entry named for the item that opens another item's page showing nothing of it (class 1740)
    mark_elsewhere(finder, item, found_parts)
    for part, hits in found_parts:
        # an entry seen to publish nothing (to «#», the home page, a 404) is no evidence of the item:
        # alone it makes it «no_cumple»; beside live evidence, that evidence decides (dead entries)
        dead += [h for h in hits if h.dead]
        hits = [h for h in hits if not h.dead]
        # an entry that opens by a script only stands for the part when nothing the crawl saw does
        hits = [h for h in hits if not h.scripted] or hits
        # a section whose own page names its entries with nothing under any: named and empty (class 1810)
        mark_empty_section(finder, item, hits)
        for h in hits:
            constrain(item, h)
            if h.scripted:
                h.problems.clear()  # its content was not seen: neither a problem nor evidence of one
        as_home(hits, finder.idx)
        part_hits.append((part, dedupe(hits, item_numeral(item.id), systems)))
    # what the crawl saw before entries it could not open (``Hit.scripted``)
    good_parts = [(p, sorted((h for h in hs if not h.problems), key=lambda h: h.scripted)) for p, hs in part_hits]
    all_hits = [h for _p, hs in part_hits for h in hs]
    proposal = _no_aplica_proposal(case, part_hits, good_parts)
    if proposal is not None:
        return proposal
    if any(states_the_whole(h.no_aplica) for h in all_hits):
        # another page publishes the item: a line that only says it does not apply is no evidence of it
        part_hits = [(p, [h for h in hs if not states_the_whole(h.no_aplica)]) for p, hs in part_hits]
        good_parts = [(p, [h for h in hs if not states_the_whole(h.no_aplica)]) for p, hs in good_parts]
        all_hits = [h for _p, hs in part_hits for h in hs]
    inherited = _inherited_no_aplica(case, all_hits)
    if inherited is not None:
        return inherited
    absent = _absent(case, all_hits, broken, finder.idx.home) if all_hits or not dead else _dead(case, dead)
    if absent is not None:
        return absent
    problems: list[str] = []
    chosen: list[Hit] = []
    for (part, hs), (_p, good) in zip(part_hits, good_parts, strict=True):
        if good:
            chosen += good[:2]
        elif hs:
            chosen.append(hs[0])
            prefix = f"{part.name}: " if part.name else ""
            lesser = hs[0].lesser
            if lesser and part.name:
                # a named part found only as something lesser (the section named for the whole item,
                # class 1030): the part itself is missing, and the verdict says so first
                problems += [f"falta: {part.name} ({lesser})"] + [prefix + x for x in hs[0].problems if x != lesser]
            else:
                problems += [prefix + x for x in hs[0].problems]
        else:
            problems.append(f"falta: {part.name}" if part.name else "no se encontró")
    if len(part_hits) > 1 and all(r.kind in FORM_KINDS for p in item.parts for r in p.rules):
        # an item read off a form's fields: the form that meets more of its parts first (the PQRSD
        # form with the request types before a fault-report form that is only a form); a page that
        # links to a form elsewhere (``platform_form``) meets one part: the site's own form goes first
        met: dict[str, int] = {}
        for _p, good in good_parts:
            for u in {h.url for h in good}:
                met[u] = met.get(u, 0) + 1
        chosen.sort(key=lambda h: -met.get(h.url, 0))
    elif len(part_hits) > 1:
        chosen = _whole_page_first(chosen, good_parts)
    status = "cumple" if not problems else "parcial"
    note = ""
    good_hits = [h for _p, good in good_parts for h in good]
    if item.current and not (good_hits and all(h.scripted for h in good_hits)):
        # The period must show in the evidence that counts: the good hits, else any usable one (an
        # entry that opens by a script has no period the crawl could see: it stays sin_verificar).
        problem = period_problem(item, hit_periods(good_hits or all_hits, finder.idx, item), today)
        if problem:
            problems.append(problem)
            status = "parcial"
        else:
            note = period_note(item, today)
    named = [_named_entry(hs, good) for (_p, hs), (_q, good) in zip(part_hits, good_parts, strict=True)]
    evidence = _named_first(named)
    evidence += [u for u in _evidence(item, chosen, finder) if u not in evidence]
    lead = next((h for h in named if h is not None), chosen[0] if chosen else None)
    evidence = _publisher_first(item, lead, part_hits, finder, evidence)
    resting = [all(h.scripted or _unseen_behind(h, finder) for h in good) for _p, good in good_parts if good]
    unseen = _unseen_parts(part_hits, good_parts)
    # a part found only as a search box with no form around it, on a page that runs a script: never
    # «cumple» by it, though the item's other parts were seen (the committee's criterion)
    boxed = next(((p, good[0]) for p, good in good_parts if good and all(h.lone_box for h in good)), None)
    box = boxed[1] if boxed else None
    if status == "cumple" and box is not None and not all(resting):
        status, detail = "sin_verificar", f"{box.describe}; {box.unseen}"
        evidence = [box.url, *(u for u in evidence if u != box.url)]
    elif (status == "cumple" or unseen) and resting and all(resting):
        # the item rests only on external links nobody could open from here, or on entries that open
        # by a script the crawl does not run: no verdict either way (parts not found at all may be in
        # the content the crawl did not see: no «falta» either)
        status = "sin_verificar"
        note = (chosen[0].unseen or SCRIPTED_NOTE) if chosen[0].scripted else _unverified_note(chosen[0])
        detail = f"{chosen[0].describe}; {note}" + (
            f"; en lo rastreado no se encontró: {', '.join(unseen)}" if unseen else ""
        )
    elif status == "parcial" and _only_unverified(part_hits, finder):
        # every part rests only on external links nobody could open from here: what they lead to was
        # not seen, so neither «parcial» nor any other verdict; where they are linked is still said
        status = "sin_verificar"
        detail = "; ".join(dict.fromkeys([f"{chosen[0].describe}; {_unverified_note(chosen[0])}", *problems]))
    elif status == "cumple":
        # a page of the site publishes the item; its external link is present, only not verified
        unseen_links = next(
            (good for _p, good in good_parts if good and all(_unverified(h, finder) for h in good)), None
        )
        unverified = ""
        if unseen_links is not None:
            external = not all(_site_page(h) for h in unseen_links)
            unverified = f"; {UNVERIFIED_LINK_NOTE if external else SITE_UNVERIFIED_LINK_NOTE}"
        detail = chosen[0].describe + (f"; {note}" if note else "") + unverified
    else:
        detail = "; ".join(dict.fromkeys(problems))
        if boxed is not None:  # «parcial» whatever the box does: its part is said unverified, not met
            detail += f"; {boxed[0].name + ': ' if boxed[0].name else ''}{boxed[1].describe}; {boxed[1].unseen}"
    snap = chosen[0].snapshot if chosen else None
    if dead and status != "cumple":
        # said, not counted: the committee sees the entry that leads nowhere and can fix it
        detail = "; ".join(dict.fromkeys([detail, *(_dead_said(h.dead) for h in dead[:2])]))
    return case.result(status, evidence[:6], detail, snap)


def _part_hits(part: Part, item: Item, finder: Finder) -> list[Hit]:
    """What a part's evidence rules find, each rule's ``not_section``, ``partial`` and ``presence``
    applied, without links to a developer's server (a finding of audits.external, never evidence)."""
    hits: list[Hit] = []
    for rule in part.rules:
        kind = evidence_kind(rule)
        if kind is not None:
            found = kind.hits(finder, rule, item)
            if rule.not_section:
                found = [h for h in found if not names_own_section(h.label, item.id)]
            # a page named for the item only by sections whose entries lead nowhere (class 2541)
            found = [h for h in found if not titled_by_dead_sections(finder, h, rule)]
            if rule.content_only:
                # a name that is not the item's (criterion F): the name alone, shown empty, is nothing
                found = [h for h in found if not (h.problems or h.dead)]
            if rule.partial:
                # a lesser way of meeting the item (an e-mail where a PQRSD channel is asked for):
                # evidence that says what it lacks, «parcial» unless another rule finds the item;
                # none where the page lists the part's own entry linked to «#» (class 1030)
                found = [h for h in found if not lists_part_dead(finder, h, rule, part)]
                # nor a paragraph's label («PLANEACIÓN:» over prose): it names no category (class 2540)
                found = [h for h in found if not labels_a_paragraph(finder, h, rule)]
                found = [replace(h, problems=[*h.problems, rule.partial], lesser=rule.partial) for h in found]
            if rule.presence:  # the link itself is the item (criterion I's exception): see _unseen_behind
                found = [replace(h, present=rule.presence) for h in found]
            hits += found
    return [h for h in hits if not is_dev_host(urlsplit(h.url).hostname or "", finder.idx.site_host)]


def _dead(case: Case, dead: list[Hit]) -> ItemResult:
    """``no_cumple`` for an item whose only evidence is entries seen to publish nothing (the
    committee's criterion, docs/checklist-states.md «Entradas sin nada detrás»): the detail names
    each entry, the page that shows it and where it leads. No evidence, as every ``no_cumple``
    (a service whose way in is broken says where, too, in its detail)."""
    shown = list(dict.fromkeys(h.dead for h in dead))
    result = case.result("no_cumple", (), "; ".join(_dead_said(d) for d in shown[:3]), None)
    return replace(result, dead=tuple(shown))


def _dead_said(dead: str) -> str:
    """A dead entry's sentence (``Hit.dead``); a lone search box's already says what it does not do."""
    return dead if dead.endswith(SEARCHES_NOWHERE) else f"{dead}: no publica nada"


def _unseen_parts(part_hits: list[tuple[Part, list[Hit]]], good_parts: list[tuple[Part, list[Hit]]]) -> list[str]:
    """The parts of an item that found nothing, when every part that found something rests only on
    what the crawl did not see (``Hit.scripted``: an entry that opens by a script, a page loading, a
    box a script fills): those parts may be in that content. Empty otherwise."""
    found = [good for (_p, hs), (_q, good) in zip(part_hits, good_parts, strict=True) if hs]
    if not found or not all(good and all(h.scripted for h in good) for good in found):
        return []
    return [p.name or "el ítem" for p, hs in part_hits if not hs]


def _whole_page_first(chosen: list[Hit], good_parts: list[tuple[Part, list[Hit]]]) -> list[Hit]:
    """The chosen hits with, when the first one is a page's text or footer (no title or section for
    the item) that does not show every part of it and another page does, that page's hits first: the contact page with the address, phones and
    e-mail before a footer that holds only the address. Only what a page shows itself counts (its
    title, a section, its text or footer), not a link on it (a link to the SUIT stays a link)."""

    def shows(h: Hit) -> str:
        return h.url if h.url == h.found_on else ""

    shown = [{shows(h) for h in good} - {""} for _p, good in good_parts]
    if not chosen or not all(shown):
        return chosen
    whole = set.intersection(*shown)
    if not whole or not shows(chosen[0]) or shows(chosen[0]) in whole or chosen[0].tier < 2:
        # the first is a link a hub leads by, a page titled or a section for the item (see
        # evidence.rank), or it shows it all
        return chosen
    first = next((shows(h) for h in chosen if shows(h) in whole), None) or sorted(whole)[0]
    extra = [h for _p, good in good_parts for h in good if shows(h) == first and h not in chosen]
    return sorted(chosen + extra[: len(good_parts)], key=lambda h: shows(h) != first)


def _named_entry(hits: list[Hit], good: list[Hit]) -> Hit | None:
    """The entry or section of the mandated menu named for the item (its label covered whole by a
    phrase of the item, class 1200) when it has a problem and the best hit without one is found by less
    of the item's name: the empty entry «Informes de gestión, evaluación y auditoría» of the hub before
    a news headline that mentions a management report. A person points first to where the menu says
    the item is, even empty; the verdict still rests on what the problem-free hits show. Not a hit
    that only lacks part of the item (``Hit.lesser``: a section named for the SUIN-Juriscol without
    its link), nor when the problem-free hit is on the entry's own page (the section's own entries
    are its content, class 1201)."""
    if not good:
        return None
    best = good[0]
    return next(
        (
            h
            for h in hits
            if h.problems
            and not h.lesser
            and h.in_menu
            and h.tier <= 1
            and not (h.broken or h.scripted)
            and h.match >= 1.0
            and h.match > best.match
            and best.found_on != h.url
        ),
        None,
    )


def _named_first(named: list[Hit | None]) -> list[str]:
    """The URLs of the parts' named entries (see :func:`_named_entry`), to lead the evidence."""
    return list(dict.fromkeys(h.url for h in named if h is not None))


def _evidence(item: Item, chosen: list[Hit], finder: Finder) -> list[str]:
    """The evidence URLs of the chosen hits, best first: the one page that publishes every part,
    or the series of the item's documents (its quarterly reports), comes before them; not when
    the best evidence is a page it leads to."""
    evidence: list[str] = []
    pages = {h.found_on for h in chosen}
    series = all(h.url != h.found_on and is_doc_key(url_key(h.url)) for h in chosen)
    if (
        (len(item.parts) > 1 or series)
        and len(pages) == 1
        and len(chosen) > 1
        and not _leads_to_page(chosen[0], finder)
    ):
        evidence.append(chosen[0].found_on)
    for h in chosen:
        # links whose presence is the item as the page shows it (a set of the entity's accounts, the
        # template's bar): the page is what a person points to (its stored copy opens offline); the
        # other hosts were never opened
        first = (
            h.present == "page"
            or _unnamed_document(h)
            or _dead_page(h)
            or shown_first(h, item.max_depth)
            or _menu_document(h, finder)
            or offsite_file(h)
        )
        for u in (h.found_on, h.url) if first else (h.url, h.found_on):
            if u not in evidence:
                evidence.append(u)
    return evidence


def _publisher_first(
    item: Item, lead: Hit | None, part_hits: list[tuple[Part, list[Hit]]], finder: Finder, evidence: list[str]
) -> list[str]:
    """The evidence URLs with the hit that publishes the item before ``lead`` (the hit they start with)
    when ``lead`` publishes nothing (:func:`ranking.publisher_first`); the rest keep their order."""
    hits = next((hs for _p, hs in part_hits if any(h is lead for h in hs)), [])
    pub = publisher_first(lead, hits)
    if pub is None:
        return evidence
    first = _evidence(item, [pub], finder)
    return first + [u for u in evidence if u not in first]


def _dead_page(hit: Hit) -> bool:
    """Whether a hit is an entry of the site's header, footer or menu bar (``Hit.placements``) whose
    page does not exist (not a document): a person points to the page that shows the entry, then to
    the dead address (class 1131). An entry of the item's own section (a numbered line of the
    transparency page) and a listed document whose file is missing stay the evidence themselves:
    they are what the site publishes for the item."""
    return hit.broken and bool(hit.placements) and hit.url != hit.found_on and not is_doc_key(url_key(hit.url))


def _menu_document(hit: Hit, finder: Finder) -> bool:
    """Whether a hit is a document linked, named for the item, from a section page of the Transparencia
    menu, a page under the menu's own path (``/transparencia/estructura``, its «3. Estructura orgánica y
    talento humano», where «Organigrama» opens a PDF): a person points first to the menu's section that
    lists it, then to the file (issue 15, «weakest evidence first»: the mandated menu's section, then
    the page titled for the item, then the rest). A file the hub page itself lists, or a page the menu
    only links (another path), keeps the file first: it is the item's own evidence there (class 2290)."""
    if hit.tier != 0 or hit.url == hit.found_on or not is_doc_key(url_key(hit.url)):
        return False
    key = url_key(hit.found_on)
    return any(key.startswith(pre) and key != pre.rstrip("/") for pre in finder.idx.menu_prefixes)


def _unnamed_document(hit: Hit) -> bool:
    """Whether a hit is a document of another page found as a document of some kind or by its
    address (tiers 2 and 3: the ``document`` rule, its file name or a word of its text; a URL slug),
    not as a page titled or a link named for the item: ``manual_de_contratacion.pdf`` behind a «Ver»
    button, «Descargar formulario de registro» on the suppliers' page. A person points to the page
    that publishes it, then to the file."""
    return hit.tier >= 2 and hit.url != hit.found_on and is_doc_key(url_key(hit.url))


def _absent(case: Case, hits: list[Hit], broken: list[Hit], home: Page | None) -> ItemResult | None:
    """``no_cumple`` when nothing was found, when a service's only ways in are broken, or when a
    part of the template (the footer's policies) is found only outside its place. Nothing found on
    a site whose home page a script builds (``Page.shell``) is ``sin_verificar``: the crawl saw
    neither its menu nor its links."""
    item = case.item
    if not hits and broken:
        why = f"no se ofrece: {broken[0].problems[0]}" if broken[0].problems else "no se ofrece: su enlace está roto"
        return case.result("no_cumple", (), f"{why} (en {broken[0].found_on})", None)
    if not hits and home is not None and home.shell:
        return case.result(
            "sin_verificar", (home.url,), f"en lo rastreado no se encontró; {HOME_SHELL_NOTE}", home.fetched_at
        )
    if not hits:
        return case.result("no_cumple", (), NOT_FOUND, None)
    if item.template and item.placement and not any(placed(item, h) for h in hits):
        where = _PLACES[item.placement]
        return case.result("no_cumple", (), f"nada de esto está en {where} del sitio (solo fuera de él)", None)
    return None


UNVERIFIED_NOTE = "sin verificar: el enlace externo no se pudo consultar desde esta máquina"
# A page of the site itself can be unverified too: the crawl could not fetch it for a reason that says
# nothing of the page (its name did not resolve from here, H288): «externo» would not be so
SITE_UNVERIFIED_NOTE = "sin verificar: la página del sitio no se pudo consultar desde esta máquina"
SCRIPTED_NOTE = (
    "sin verificar: la entrada no tiene dirección y se abre con un script que el rastreo no ejecuta; "
    "ábrala en un navegador"
)
HOME_SHELL_NOTE = (
    "sin verificar: la página de inicio no muestra nada sin sus scripts (la construye un script que el rastreo"
    " no ejecuta), así que el rastreo no vio su menú ni sus enlaces: ábrala en un navegador"
)
# the kinds an item read off forms is found by (class 2820: the platform's form is one of them)
FORM_KINDS = ("form", "platform_form")
UNVERIFIED_LINK_NOTE = "su enlace externo está presente pero no se pudo consultar desde esta máquina (sin verificar)"
SITE_UNVERIFIED_LINK_NOTE = "su enlace a una página del sitio está presente pero esa página no se pudo consultar desde esta máquina (sin verificar)"


def _unverified_note(hit: Hit) -> str:
    """What a verdict that rests on an unverified link says of it: an external link, or a page of the
    site the crawl could not fetch (its name did not resolve from here)."""
    return SITE_UNVERIFIED_NOTE if _site_page(hit) else UNVERIFIED_NOTE


def _site_page(hit: Hit) -> bool:
    """Whether a hit leads to a page on the very host of the page it was found on (``www.`` aside): a
    page the crawl asks for as the site's own. A subdomain is another host the crawl does not fetch:
    its link is checked as an external one."""
    return url_key(hit.url).split("/", 1)[0] == url_key(hit.found_on).split("/", 1)[0]


def _leads_to_page(hit: Hit, finder: Finder) -> bool:
    """Whether a hit is a link to another crawled page of the site (not a document, not elsewhere)."""
    if hit.url == hit.found_on:
        return False
    st = finder.idx.status.get(url_key(hit.url))
    return st is not None and st.page is not None and st.status < 400


def _only_unverified(part_hits: list[tuple[Part, list[Hit]]], finder: Finder) -> bool:
    """Whether every part found something and all it found are external links the link checker
    could not verify, whatever their problems (outside the menu, too deep): their content is unseen."""
    return all(hs and all(_unseen_behind(h, finder) for h in hs) for _p, hs in part_hits)


def _unseen_behind(hit: Hit, finder: Finder) -> bool:
    """Whether what a hit stands for is behind an external link nobody could open from here: not
    when the link itself is what the item asks (``presence``), which the crawl saw."""
    return not hit.present and _unverified(hit, finder)


def _unverified(hit: Hit, finder: Finder) -> bool:
    """Whether a hit is an external link the link checker could not verify (offline, switched off)."""
    return finder.idx.link_states.get(url_key(hit.url)) == UNVERIFIED


def _no_aplica_proposal(
    case: Case, part_hits: list[tuple[Part, list[Hit]]], good_parts: list[tuple[Part, list[Hit]]]
) -> ItemResult | None:
    """``no_aplica`` proposed from the page: the item's section says «no aplica para la entidad»
    and nothing else on the site publishes the item. The committee confirms it."""
    said = [h for _p, hs in part_hits for h in hs if h.no_aplica]
    if not said:
        return None
    pages = {h.url for h in said}
    if any(h.url not in pages and h.found_on not in pages for _p, good in good_parts for h in good):
        return None
    h = next((x for x in said if not x.no_aplica.startswith(LEADS)), said[0])  # the page that says it
    # a section whose only entry leads to the page that says it (applies.leads_to_no_aplica)
    where, _, stated = h.no_aplica.removeprefix(LEADS).partition(": ")
    says = f"lleva a {where}, que dice «{stated}»" if h.no_aplica.startswith(LEADS) else f"dice «{h.no_aplica}»"
    detail = f"la página {h.url} {says}: se propone «no aplica», que el comité debe confirmar"
    return case.result("no_aplica", (h.url,), detail, h.snapshot)


def _inherited_no_aplica(case: Case, hits: list[Hit]) -> ItemResult | None:
    """``no_aplica`` proposed for a sub-item (``ley1712.3.1``) that nothing on the site publishes when
    the page says its whole section does not apply (its parent item, ``ley1712.3``, was proposed
    ``no_aplica`` from the page: «3. Contratación» then «NO APLICA» and the reason)."""
    num = item_numeral(case.item.id)
    if hits or "." not in num:
        return None
    parent = case.done.get(case.item.id[: -len(num)] + num.rsplit(".", 1)[0])
    if parent is None or parent.status != "no_aplica" or parent.source != "auto" or not parent.evidence:
        return None
    detail = f"su sección, «{parent.name}», no aplica: {parent.detail}"
    return case.result("no_aplica", parent.evidence[:1], detail, parent.snapshot_date)


def constrain(item: Item, hit: Hit) -> None:
    """Add to a hit's problems the item's constraints it breaks (menu, depth, placement)."""
    if item.in_menu and not hit.in_menu:
        hit.problems.append(MENU_PROBLEM)
    if item.max_depth is not None and hit.depth is not None and hit.depth > item.max_depth:
        clics = "clic" if item.max_depth == 1 else "clics"
        hit.problems.append(f"a {hit.depth} clics de la página de inicio (se exige a lo sumo {item.max_depth} {clics})")
    if item.placement and not placed(item, hit):
        hit.problems.append(f"no está enlazado desde {_PLACES[item.placement]} del sitio")


def placed(item: Item, hit: Hit) -> bool:
    """Whether a hit is linked from where the item's ``placement`` asks (header, footer, either)."""
    return bool(hit.placements) if item.placement == "chrome" else item.placement in hit.placements
