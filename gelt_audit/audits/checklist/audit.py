"""The checklist audit over a crawl: the store's pages fed to the checklist engine, with the
other audits' results as signals, the committee's declarations, regressions and indicators."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import hashlib
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from gelt_audit import clock, compression
from gelt_audit.audits.copies import add_evidence_copies
from gelt_audit.audits.kept import crawl_key
from gelt_audit.audits.linktable import link_values
from gelt_audit.audits.source_hash import code_version
from gelt_audit.audits.updates import local_date
from gelt_audit.config import Config, ConfigError
from gelt_audit.markup import strip_fragment
from gelt_audit.store import Crawl, Store

from .carry import Carry
from .index import forget_parse_caches, index_site
from .judge import HOME_SHELL_NOTE, evaluate
from .load import extra_items, load_checklist, load_manual
from .model import Checklist, ItemResult, PageDoc
from .pages import Page
from .parse import text_rules
from .scoring import as_dict, indicators, regressions, scores, settle_indicators, unseen_value
from .systems import NATIONAL_SYSTEMS
from .unseen import AUDIT as UNSEEN
from .unseen import overlay, settle

VERSION = 129  # 129: a reference written with backslashes is read as a browser reads it before it is resolved («..\..\x.php» climbs, «\a\x.php» starts at the root: markup.web_slashes), as the crawler now fetches it (the lead); 128: a drop-down opener whose address is only a place on the page names its menu, as a «#» opener does: «Datos Abiertos ▾» over its entries is the open-data section (class 3011, H301); 127: a link written with backslashes in its path names the page the crawl fetched, not an address nobody requested: evidence and the pages behind entries follow it (class 3010, H301); 126: a verdict that fell since the previous crawl while a page of the site that evidenced it then went unseen this crawl (its name did not resolve, robots.txt or exclusions keep it unasked while still linked, the page cap, or unconsulted pages on the way) is sin_verificar with that evidence and the reason, no regression (checklist.unseen, H303); 125: a page an entry of the site's menus (header, navigation bar or footer, a short name, not to the home page) names for a text rule's on_title is titled so for that rule: the header's «Contactos» opening a page titled «Mi Proyecto» is the contact page (class 3000, H300); 124: an accordion item holding only its header, no panel at all, is its section named over nothing, «parcial» (class 3020, H302); 123: class 2970 reverted (measured on the right tree: it lowered held-out evidence in groups 25-19; H299, the lead); 122: a title (page, h1 or section heading) citing one act by its type and number («Decreto 1074 de 2015») is one norm, not the norms section: a norms item found only so is «parcial» (class 2970, H297); 121: plan.frecuencia_actualizacion's detail names its target as what it counts, distinct days with publication (not «actualizaciones»), and it counts a modification meta date (article:modified_time, og:updated_time, dateModified…) as no date the page declares: it dates a change the crawl saw, as the sitemap lastmod does (H293); 120: a file OneDrive shows in its viewer, editor or download page (onedrive.live.com/view.aspx?…) is a file kept elsewhere again, as its short links are (the lead, H283's leftover of class 2831); 119: a verdict resting on a page of the site the crawl could not fetch (its name did not resolve from here) says so, not «el enlace externo» (the lead, H288's and H290's leftover); 118: plan.frecuencia_actualizacion counts a sitemap lastmod as a day with publication only when a page shows that date or a crawl saw the page's text change then (H291); 117: a section found for the item on a page of its own that a working link named for the item opens ranks as a page titled for it (class 2830, H283); 116: a file host's address is a file kept elsewhere for the evidence order (class 2471) only when it is a file in its viewer, as for a document rule (class 2701): a shared folder named for the item leads its evidence, as another site's page does (class 2831, H283); 115: a page or section of the site named for PQRSD that links to a form on a form platform (Google Forms…) is ley1712.pqrsd_form «parcial», its fields unseen (the page named by its title, the heading over the link or the entry that leads to it), and the site's own form, meeting more parts, still leads the evidence (class 2820, H282); 114: a page of the site the crawl could not fetch because its name did not resolve (DNS) is an unverified link, no broken one: its entry is not «roto» (H288); 113: a name the header, footer or menu shows as an <a> with no href (no link, no script, no drop-down) is a link_text rule's entry named and empty, «parcial» (class 2731, H273); 112: a list's last entry with no link, alone or beside entries that open their content, followed by a paragraph saying it does not apply («no están obligadas…», «No les aplica…») is proposed no_aplica from that note, which is then not its section's statement (class 2730, H273); 111: an entry a list writes inside a heading, with no link while the others so written link, is named and empty, «parcial» (class 2712, H271; its class 2710 is H270's 2700, merged once); 110: a bold title whose entries sit in a list left open around the next title shows those entries (class 2700), and a file a file host shows (a Drive viewer) is a document to a «document» rule (class 2701) (H270); 109: «Planeación y presupuesto participativo» names the Participa phase (numeral 6), no evidence of section 4 «Planeación, presupuesto e informes» (class 2721, H272); 108: the last of a run of titles alone in their wrappers, each over nothing, is named and empty too (class 2660); «-eses» plurals stem to their singular («intereses» → «interés», class 2661); a page or section named only «Gobierno escolar» is ley1712.6.1 «parcial» (class 2662) (H266); 107: «Contáctenos en nuestras redes sociales» names the networks, no PQRSD page (class 2652); a message form with an «Eliminar» button edits records, no PQRSD form unless its words say PQRSD (class 2653); a link to a document or a legal text's page (normativa, decreto, resolución) is no entry of a directory of entities (class 2654) (H265); 106: a header menu named only «Proyectos» is info.plan_desarrollo «parcial» (class 2560); a sentence naming an office's or a service's opening hours with days and times is info.horario on any page (class 2561); a split working day in two time ranges is info.horario «parcial» (class 2562); a school's «Gobierno escolar» is democracia.participacion «parcial» (class 2563) (H256); 105: class 2583 reverted (it made the numbered entries class 1741 keeps as the entity's map dead: tests/test_checklist_classes_h174.py, H258); 104: an entry numbered or of the Transparencia menu named for the item that opens a page whose titles or section headings are another item's, none this one's, showing nothing of it, is dead (class 2583, H258); 103: class 2580 reverted (measured: it lowered held-out recall, H258); 102: the general terms and conditions of the contracts with suppliers are no terms of use of info.condiciones_uso, and a URL rule's exclude is read in the heading of a link whose own text names none of its slugs (a bare «Descargar documento»; class 2582, H258); 101: a link to another site whose own text names something else is no evidence by its address either («Centro de servicios digital…» → …/VisionWeb is no vision; class 2580, H258); «Información específica para …» (Res. 1519 numeral 7) names no directory of entities (class 2581, H258); 100: a lesser naming hit (a category's name) is no evidence when its heading is a paragraph's label, a colon at its end over running text with no link («PLANEACIÓN:», class 2540, H254); a text rule's page titled for the item only by sections whose every entry leads to «#» or a broken address is no evidence (class 2541, H254); 99: an icon-only link is read by its card's title (a survey card's «Encuesta de Satisfacción», a «Solicitud PQRSF» icon), so items that read link texts see it (class 2530, H253); 98: an ID-number lookup is a query, not the site search (class 2510); an inscription's receipt is no payment (class 2511); a web-search box is not the site's (class 2512); a heading naming a commemoration day («Día del niño», «Día de la mujer») is not content for that group (class 2513); a card's title under its video is a section showing the video (class 2514); the hours of a school or working day on the seats or contact page are info.horario «parcial» (class 2515) (H251); 97: a link the item asks for itself (the entity's social networks, the GOV.CO portal and bar; rule option presence, criterion I's exception) is evidence by being there, also when no external server answers: said unverified, never sin_verificar for it (the lead); 96: a section shown by its entries is evidenced first by the page that shows two or more of them (class 2470); a file kept on another host (a Drive viewer, another site's PDF) linked from a page of the site is evidenced first by that page, then by the file (class 2471) (H247); 95: a formless filter bar whose only button clears sends nothing, no query (class 2461); the contracting manual and a utility's contract of uniform conditions are no contracting page of info.contratacion (class 2462) (H246); 94: class 2364 reverted: a page or entry named only «Directorio» is no evidence of the staff directory (zzf-toxicologiains' directory of the country's toxicologists; the lead, at H236's integration); 93: a form whose send button says it sends a survey is no query (class 2421); a form's privacy notice is part of the privacy policy (parcial, class 2422); a table of offices with their people and phones or e-mails is a staff directory (class 2423); a home page's «Noticias» title band over a row of undated entries is the news section (class 2424) (H242); 92: a script's empty-list notice («Sin resultados») over an element the page's own script fills is unseen, a section that only opens such a page is unseen (class 2400, H240); 91: the Res. 3564 name of request tracking is transaccion.seguimiento (class 2360), a footer's «PQRS <e-mail>» is the 1.10 channel without a mechanism (class 2361), a page or entry named only «Directorio» is the staff directory named (class 2364) (H236); 90: «Participa», «Participación ciudadana» and «Participación en la formulación de políticas» are 6.1 only by what they publish: shown empty they are no 6.1 (rules with content_only, criterion F, class 2370, H237), and a status query of requests is no evidence of interaccion.pqrsd (class 2371, H237); 89: a site map's own links are no evidence (it lists every page), a section whose every link leads to a page saying the item does not apply carries that statement, «a la E.S.E. Hospital … no le aplica» is «no aplica» (H241); 88: an allied entity is one an <a>/<area> links to, not a host the page loads an image, a script or a stylesheet from (the lead, from H233's zzf-toxicologiains); 87: a bare heading with no notice of its own is not the page's own section for the item shown empty (a banner title over the heading that carries the content; the lead, at H223's integration); 86: class 2290 only for a page under the Transparencia menu's own path, not the hub page itself nor a page the menu only links (H229); 85: class 2292 read only where the next h1 or the end of the page follows the title (H229); 84: a heading whose card says its documents will be loaded later is named and empty (class 2291, H229); 83: a plain h1 among several on a page with nothing under it is named and empty, not the page's title (class 2292, H229); 82: a document named for the item that a page of the Transparencia menu lists is evidenced first by that page, then by the file (class 2290, H229); 81: a section that only repeats its title with the entity's name («Misión» over «Misión de la entidad.») is named and empty; a link to a part of a page whose sections it names are all so is named and empty; a page's title is no better evidence than its own empty section named for the item (H223); 80: a form that asks for a request number and a code typed masked is a status query unless what it shows (not its boxes' ids) names a login (class 2284, H228); 79: a one-line box whose label, name or prompt is only «Mensaje»/«Comentarios» is a form's message box, as a textarea is (class 2283, H228); 78: a table whose header row names each person's name, post and phone or e-mail, with one in its rows, is the staff directory (class 2282, H228); 77: the last «footer» of a page whose layout wraps everything in «main», closing the page, is the page's footer (class 2281, H228); 76: a date written with the month abbreviated or without «de» («26 may 2023», «10 mar. 2023») is a date (class 2280, H228); 75: a footer marked only by a compound class or id at the end of the page is read as the footer (H217); and the links the home page and nearly every page carry in their content (a bar of shortcuts) are the template's, not the Transparencia page's entries: what they reach is not «dentro del menú» (criterion B, H217); and the GOV.CO logo among the first images of the page's header is the top bar whatever precedes the header (class 2174, H217); 74: a section or a list entry whose only content is a notice that it is not published yet («Contenido por completar», «Pendiente de publicación», «En actualización») is named and empty; a staff login page is never evidence; a legal text named with a few more words is a legal text; negative vocabulary for the staff directory (a governing board) and the budget (category 4's name) (H216); 73: an entry a numbered list names with no link and nothing under it (and the section over only such entries) is named and empty, and a footer written after «</body>» is the page's footer (criterion E, «La lista»; H215); 72: «Transparencia y acceso a la información» without «pública» is the name cut short (criterion O, the twentieth session's ruling), such a framed page is empty, and a hub section whose every entry opens a page seen empty is named and empty (criterion E, H211); 71: an entry named for the PQRSD channel that writes its e-mail address is the channel whatever its link opens (criterion E), and the words «contrataciones en curso…» of a list of the minimum information name 3.2 (criterion F) (H208); 70: a page whose title block is only «<title> de la entidad.» (the entity in any words) is empty, criterion E, and a link to a portal's home page does not make a page non-empty, criterion G (H206); 69: a message form whose words say it is for another purpose (a payment proof, a sign photo, a registration) is evidence for no PQRSD item (criterion Q, c; H205); 68: a section or entry that publishes nothing no longer leads the evidence when another hit of its part publishes the item and names it at least as fully (ruling M, criterion P, H201); 67: a card whose numbered title is a link to the home page or to a missing page is a dead entry, not one the list names with nothing published (H187); 66: a menu linked from the home page whose entry leads to another site or to a page that publishes nothing is evidenced first by the page that shows the entry (criterion P, H188); 65: the detail of a category counted or named empty quotes its counter or notice, and of an entry to a page whose same-named section says it has nothing quotes that notice, through quoting.py (H194); 64: the annex's own name of entry 1.4 («Directorio institucional incluyendo sedes, oficinas, sucursales o regionales, y dependencias»), longer than a title's slack, is that entry (H190, class 1900); 63: a section page whose entries all lead home, or a list of entries under a page's own title that all lead home or to empty pages, is named and empty (H186); 62: a section that says it has nothing yet quotes its notice in the detail, as an empty page does (H184); 61: a section (or the Transparencia menu) whose own page names its entries and publishes nothing under any is named and empty, and the citizens' services menu under a close name lacks its name (H181); 60: an entry named for the judicial-notifications address to a page that publishes nothing is named and empty (H182, class 1822); 59: an empty page's detail says what was seen (the notice quoted, only a definition, only its title…), not «vacía o en construcción»; «ninguno / sin … publicado a la fecha» is an empty notice (H183); 58: a page or section whose only content is «none published for now» is named and empty (H178); 57: an entry named for the item that leads to another item's page, with nothing of it, is dead (H174, criterion K); 56: a page that only defines its title is named and empty (H176, criterion D); 55: «no aplica» in other words (H175, criterion M); bump when the engine's results change meaning: cached evaluations are redone


CARRY = "checklist-carry"  # the latest crawl's parsed pages, for the next crawl's index (body_audits)


def _path(config: Config, value: str) -> Path:
    return config.path.parent / value


def checklists(config: Config) -> list[Checklist]:
    """The configured profiles, with the municipality's own file and items added without code."""
    try:
        loaded = [load_checklist(name) for name in config.checklist["profiles"]]
        if config.checklist["file"]:
            own = load_checklist(_path(config, config.checklist["file"]))
            same = [i for i, c in enumerate(loaded) if c.profile == own.profile]
            if same:
                loaded[same[0]] = own  # the file extends a bundled profile
            else:
                loaded.append(own)
        if config.checklist["items"] and loaded:
            loaded[0] = loaded[0].with_items(extra_items(config.checklist["items"]))
        if config.checklist["hosts"]:
            loaded = [_with_hosts(c, config.checklist["hosts"]) for c in loaded]
    except (ValueError, OSError) as exc:
        raise ConfigError(f"Lista de chequeo inválida: {exc}") from None
    return loaded


def _with_hosts(checklist: Checklist, extra: dict[str, list[str]]) -> Checklist:
    """Add the config's host aliases (e.g. a national system's mirror) to a profile's own."""
    hosts = {**NATIONAL_SYSTEMS, **dict(checklist.hosts)}
    for alias, patterns in extra.items():
        hosts[alias] = tuple(hosts.get(alias, ())) + tuple(p.lower() for p in patterns)
    return dataclasses.replace(checklist, hosts=tuple(sorted(hosts.items())))


def manual_declarations(config: Config) -> dict[str, Any]:
    """The committee's declarations file named in the config (empty without one)."""
    if not config.checklist["manual"]:
        return {}
    try:
        return load_manual(_path(config, config.checklist["manual"]))
    except (ValueError, OSError) as exc:
        raise ConfigError(
            f"'checklist.manual': no se pudo leer el archivo de declaraciones del comité: {exc}"
        ) from None


def page_docs(store: Store, crawl: Crawl) -> Iterator[PageDoc]:
    """Every response of the crawl as the engine reads it, one at a time. A page's HTML is read
    and decoded only if the engine asks (its parse is not cached): a large site's HTML never sits
    in memory all at once."""
    # only what the engine needs (the full rows of a big crawl weigh tens of MB), packed: its
    # tuples were held for the whole index, the weekly audit's peak (issue 21, H180)
    snaps = compression.PackedRows(
        (
            s["url"],
            s["status"],
            s["content_type"],
            s["fetched_at"],
            s["depth"],
            s["body_hash"] if s["kind"] == "page" else None,
            s["location"] if s["kind"] == "redirect" else None,
        )
        for s in store.snapshots(crawl.id)
        if s["kind"] not in ("probe", "resource")
    )
    # the store's packed rows of the crawl (24 MB at 50,000 pages) are not read while the index
    # is built, the weekly audit's peak: the later steps read them again (issue 21, H180)
    store.forget_snapshots()
    for url, status, content_type, fetched_at, depth, body_hash, location in snaps:
        yield PageDoc(
            url=url,
            status=status or 0,
            html=None,
            content_type=content_type or "",
            fetched_at=fetched_at,
            depth=depth,
            body_hash=body_hash or None,
            fetch=functools.partial(store.html, body_hash) if body_hash else None,
            location=location or None,
        )


def signals(findings: dict[str, Any], store: Store, crawl: Crawl, shell: Page | None = None) -> dict[str, Any]:
    """Statuses of the plan items that other audits measure. ``shell``: the home page when a script
    builds it (``Page.shell``): the crawl saw neither the site's menu nor its links, so what the
    other audits did not find there is not absent but unseen (``sin_verificar``)."""
    out: dict[str, Any] = {}
    deps = findings.get("dependencias") or []
    if deps:
        out["frecuencia_actualizacion"] = _frequency_signal(deps, shell)
    allied = findings.get("allied") or {}
    if allied.get("count"):
        broken = [e["entity"] for e in allied["entities"] if e["broken"]]
        # A link that could not be checked from here (offline, rate-limited) is neither: say so.
        unchecked = [
            e["entity"] for e in allied["entities"] if (e.get("unverified") or e.get("skipped")) and not e["broken"]
        ]
        if broken:
            state = f"; con enlaces rotos: {', '.join(broken[:5])}"
        elif unchecked:
            state = f"; sin verificar desde esta máquina: {', '.join(unchecked[:5])}"
        else:
            state = ", todos los enlaces funcionan"
        out["entidades_aliadas"] = {
            "status": "parcial" if broken else "cumple",
            "detail": f"{allied['count']} entidades enlazadas" + state,
            "evidence": [p for e in allied["entities"][:5] for p in e["pages"][:1]],
        }
    elif findings.get("links") is not None and shell is not None:
        # the links a browser would draw were not seen: no link found is no evidence of none
        out["entidades_aliadas"] = {
            "status": "sin_verificar",
            "detail": f"en lo rastreado no se encontraron enlaces a entidades públicas; {HOME_SHELL_NOTE}",
            "evidence": [shell.url],
        }
    elif findings.get("links") is not None:
        out["entidades_aliadas"] = {"status": "no_cumple", "detail": "no se encontraron enlaces a entidades públicas"}
    # counted up to this crawl only, so a crawl's evaluation never changes afterwards (it is cached)
    recent = [
        c
        for c in store.finished_crawls(crawl.site_url)
        if c.id <= crawl.id and 0 <= (local_date(crawl.started_at) - local_date(c.started_at)).days <= 35
    ]
    out["control_periodico"] = {
        "status": "cumple" if len(recent) >= 2 else "parcial",
        "detail": f"{len(recent)} rastreos terminados en los últimos 35 días, con sus informes",
    }
    return out


def _frequency_signal(deps: list[dict[str, Any]], shell: Page | None) -> dict[str, Any]:
    """``frecuencia_actualizacion`` from the dependencias audit. On a site whose home page a script
    builds, a dependencia short of its target none of whose pages the crawl saw is unseen: the
    status is the one both ways it could go agree on, else ``sin_verificar``."""

    def status(meeting: int) -> str:
        return "cumple" if meeting == len(deps) else "parcial" if meeting else "no_cumple"

    meeting = sum(1 for d in deps if d["meets_target"])
    unseen = [d["name"] for d in deps if shell is not None and not d["meets_target"] and not d.get("pages")]
    target = deps[0]["target"]  # the plan's target is distinct days with publication (audits.updates)
    days = "día distinto" if target == 1 else "días distintos"
    detail = f"{meeting} de {len(deps)} dependencias cumplen la meta de {target} {days} con publicación al mes"
    if not unseen:
        return {"status": status(meeting), "detail": detail}
    detail += f"; sin páginas en lo rastreado: {', '.join(unseen[:5])}"
    if status(meeting) == status(meeting + len(unseen)):
        return {"status": status(meeting), "detail": detail}
    return {
        "status": "sin_verificar",
        "detail": f"{detail}; {HOME_SHELL_NOTE}",
        "evidence": [shell.url] if shell else [],
    }


def auto_indicators(
    findings: dict[str, Any], store: Store, crawl: Crawl, config: Config, unseen: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """The action plan's indicators that other audits measure, by indicator id. ``unseen``: the
    indicators whose item is ``sin_verificar`` (by id, the item's detail): their values say what
    the crawl did not see instead of counting it as absent."""
    unseen = unseen or {}
    deps = findings.get("dependencias") or []
    values: dict[str, Any] = {}
    if deps:
        values["frecuencia_actualizacion"] = _frequency_value(deps, unseen.get("frecuencia_actualizacion"))
        values["responsables_asignados"] = f"{sum(1 for d in deps if d['responsable'])} de {len(deps)} dependencias"
    values["control_disponibilidad"] = 1 if store.finished_crawls(crawl.site_url) else 0
    allied = findings.get("allied") or {}
    # an entity none of whose links could be checked from here is neither working nor broken
    unchecked = sum(
        1
        for e in allied.get("entities", [])
        if (e.get("unverified") or e.get("skipped")) and not e["working"] and not e["broken"]
    )
    state = f"{allied.get('working', 0)} funcionando" + (f", {unchecked} sin verificar" if unchecked else "")
    count = allied.get("count", 0)
    values["entidades_aliadas"] = f"{count} entidad{'' if count == 1 else 'es'} ({state})"
    if "entidades_aliadas" in unseen:  # no link seen on a site a script builds: not «0 entidades»
        values["entidades_aliadas"] = unseen_value(unseen["entidades_aliadas"])
    values["control_periodico"] = 1 if len(store.finished_crawls(crawl.site_url)) >= 2 else 0
    return values


def _frequency_value(deps: list[dict[str, Any]], unseen: str | None) -> str:
    """``frecuencia_actualizacion``'s value; when the item is unseen, the count covers only the
    dependencias the crawl saw (one short of its target with no page seen is not counted)."""
    target = deps[0]["target"]
    if unseen is None:
        meeting = sum(1 for d in deps if d["meets_target"])
        return f"{meeting} de {len(deps)} dependencias con {target} o más actualizaciones este mes"
    seen = [d for d in deps if d["meets_target"] or d.get("pages")]
    missing = ", ".join(d["name"] for d in deps if d not in seen)
    value = f"{unseen_value(unseen)}; sin páginas en lo rastreado: {missing}"
    if seen:
        value += (
            f"; de las vistas, {sum(1 for d in seen if d['meets_target'])} de {len(seen)} con {target} o más"
            " actualizaciones este mes"
        )
    return value


def _evaluate(
    store: Store,
    crawl: Crawl,
    config: Config,
    findings: dict[str, Any],
    lists: list[Checklist],
    manual: dict[str, Any],
) -> list[ItemResult]:
    # only two values of each link: read so from the links table, not as whole entries (their
    # ``found_on`` lists of page URLs were a tenth of a weekly audit's checklist step)
    links = findings.get("links")
    # handed over in a box: the index keys its own copy, and this one is let go once it has
    link_states = [
        {
            strip_fragment(url): state
            for url, state in zip(link_values(links, "url"), link_values(links, "state"), strict=True)
        }
    ]
    # A previous crawl's findings are made for its evaluation alone (``audit_checklist``): only
    # what :func:`signals` reads of them stays alive while its index is built and judged
    del links
    done_with = getattr(findings, "done_with", None)  # the audits' run holds the table (findings_cache)
    findings = _signal_findings(findings)
    if done_with is not None:  # its states read, the table is not held while the index is built (H192)
        done_with("links")
    with _collector_paused():
        return _index_and_judge(store, crawl, config, findings, lists, manual, link_states)


def _signal_findings(findings: dict[str, Any]) -> dict[str, Any]:
    """What :func:`signals` reads of the other audits' findings: the dependencias, the allied
    entities, and whether the links audit ran (not its links: their states are read before)."""
    kept = {key: findings[key] for key in ("dependencias", "allied") if key in findings}
    if findings.get("links") is not None:
        kept["links"] = ()
    return kept


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused while the site index is built and judged: its
    hundreds of thousands of objects all stay alive until the verdicts are made, and the
    collector's passes over them were half the CPU of building it (10,000 pages). Reference
    counting still frees what is dropped; a cycle made meanwhile waits for the end."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _index_and_judge(
    store: Store,
    crawl: Crawl,
    config: Config,
    findings: dict[str, Any],
    lists: list[Checklist],
    manual: dict[str, Any],
    link_states: list[dict[str, str]],
) -> list[ItemResult]:
    """Build the crawl's site index and judge every checklist on it. ``link_states`` is a box
    holding the link checker's states by URL, taken out of it here: once the index has keyed its
    own copy (``SiteIndex.link_states``) the mapping is dropped, not held beside it while the
    index is judged (62,000 URLs at 50,000 pages, ~8 MB: issue 21, H285)."""
    previous = store.previous_crawl(crawl)
    index = index_site(
        page_docs(store, crawl),
        home_url=config.site_url,
        link_states=link_states.pop(),
        text_rules=text_rules(lists),
        cache=store.cached_audit,
        carry=_carry(store, crawl, previous),
    )
    # made from those states: evaluate is given none (nothing to merge), and the index does not
    # keep the mapping it was made from
    index.link_source = None
    store.flush_audits()  # the previous crawl, judged next, mostly has the same pages
    today = local_date(crawl.started_at)
    results = []
    for checklist in lists:
        results.extend(
            evaluate(
                checklist,
                index,
                home_url=config.site_url,
                signals=signals(findings, store, crawl, index.home if index.home and index.home.shell else None),
                manual=manual,
                today=today,
            )
        )
    # what judging filled the text and URL caches with is not this crawl's index: in a cold
    # report the previous crawl's index is built next, and would be built beside it
    forget_parse_caches()
    return results


def _carry(store: Store, crawl: Crawl, previous: Crawl | None) -> Carry:
    """The parsed pages the previous crawl's index kept, and where this crawl keeps its own for
    the next crawl's (see ``carry``): only the latest finished crawl keeps them, and then what the
    site's other crawls kept is dropped (one crawl's worth a site, but the chunks it still lists).
    An older crawl whose previous crawl kept nothing takes the pages the latest crawl kept.
    """
    key = crawl_key(crawl.id)
    latest = store.latest_crawl(crawl.site_url)
    save = put = None
    if crawl.status == "finished" and latest is not None and latest.id == crawl.id:
        others = [crawl_key(c.id) for c in store.finished_crawls(crawl.site_url) if c.id != crawl.id]

        def save(listing: bytes, chunks: dict[str, bytes], listed: set[str]) -> None:
            store.keep_blobs(CARRY, {key: listing, **chunks}, drop=others, keep=listed)

        def put(chunks: dict[str, bytes]) -> None:  # the chunks as made; the list last (save)
            store.keep_blobs(CARRY, chunks)

    # A page is carried by its body hash and URL, whichever crawl kept it. The previous crawl's
    # pages are gone once a later crawl kept its own (``save`` drops them): an older crawl judged
    # after the latest (a cold report's previous crawl, for ``regressions``) takes the latest's
    # instead of rebuilding its pages from their cached parses, when most of its bodies are the
    # latest's: its index begins with the latest's link strings, which otherwise are mostly not
    # its own (a template change: +8 MB of the report's peak at 10,000 pages, one measure).
    kept = store.kept_blob(crawl_key(previous.id), CARRY) if previous else None
    if kept is None and latest is not None and latest.id != crawl.id:
        same, bodies = store.bodies_kept(crawl.id, latest.id)
        if same * 2 > bodies:
            kept = store.kept_blob(crawl_key(latest.id), CARRY)
    return Carry(
        key,
        kept,
        lambda name: store.kept_blob(name, CARRY),
        save,
        put,
    )


def _cache_version(config: Config, manual: dict[str, Any]) -> str:
    """Results depend on the crawl, the engine, what the config says about checklists and what it
    says to the audits whose findings become verdicts (:func:`signals`)."""
    # code_version: a changed profile or engine module re-evaluates even if nobody bumped VERSION
    parts = [str(VERSION), code_version(), repr(sorted(config.checklist.items())), repr(manual)]
    # the dependencias and their targets make «frecuencia de actualización» (the updates audit);
    # the site's hosts and [links] (check_external, entidades) make the allied entities
    parts += [repr(config.site), repr(config.dependencias), repr(config.targets), repr(config.noise)]
    parts.append(repr(config.links))
    for name in ("file", "manual"):
        if config.checklist[name]:
            path = _path(config, config.checklist[name])
            parts.append(path.read_text(encoding="utf-8") if path.exists() else "")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def audit_checklist(
    store: Store,
    crawl: Crawl,
    previous: Crawl | None,
    config: Config,
    findings: dict[str, Any],
    previous_findings: Callable[[], dict[str, Any]],
) -> dict[str, Any]:
    """checklist, checklist_scores, regressions, newly_met and indicators for a crawl.

    ``previous_findings`` computes the other audits' findings for ``previous``; it runs only when
    the previous crawl's evaluation is not cached yet.
    """
    lists = checklists(config)
    manual = manual_declarations(config)
    version = _cache_version(config, manual)

    def evaluation(of: Crawl, of_findings: Callable[[], dict[str, Any]]) -> list[ItemResult]:
        # A finished crawl's evaluation never changes: kept in the store, the next audit reuses it.
        rows = store.cached_audit(
            f"crawl:{of.id}",
            "checklist",
            version,
            lambda: [as_dict(r) for r in _evaluate(store, of, config, of_findings(), lists, manual)],
        )
        return [_result(row) for row in rows]

    current = evaluation(crawl, lambda: findings)
    changes: list[dict[str, Any]] = []
    if previous is not None:
        # what this crawl could not see changes no verdict (unseen.py): kept per crawl, as the verdicts
        was_kept = store.cached_result(f"crawl:{previous.id}", UNSEEN, version, default={})
        before = overlay(evaluation(previous, previous_findings), was_kept)
        kept = store.cached_audit(
            f"crawl:{crawl.id}",
            UNSEEN,
            version,
            lambda: settle(store, crawl, config.site_url, current, before, was_kept),
        )
        current = overlay(current, kept)
        changes = regressions(current, before)
    store.flush_audits()
    unseen = _unseen_signals(current, lists)
    rows = records(current, lists)
    add_evidence_copies(store, crawl, rows)
    return {
        "checklist": rows,
        "checklist_scores": scores(current, lists),
        "regressions": [c for c in changes if c["kind"] == "regression"],
        "newly_met": [c for c in changes if c["kind"] in ("met", "improved")],
        "indicators": settle_indicators(
            indicators(current, manual, auto_indicators(findings, store, crawl, config, unseen)), current, unseen
        ),
        "checklist_date": clock.today().isoformat(),
    }


def records(results: list[ItemResult], lists: list[Checklist]) -> list[dict[str, Any]]:
    """The JSON report's checklist rows: each verdict with its item's legal basis and requirement
    (read from the profile now, not cached with the verdict: a corrected norm shows at once)."""
    items = {(c.profile, it.id): it for c in lists for it in c.items}
    rows = []
    for r in results:
        item = items.get((r.profile, r.item))
        row = as_dict(r)
        row["legal_basis"] = (item.legal_basis if item else "") or _aggregate_basis(lists, r.profile, r.item)
        row["requires"] = item.requires if item else ""
        rows.append(row)
    return rows


def _aggregate_basis(lists: list[Checklist], profile: str, item_id: str) -> str:
    """The legal basis of the item that aggregates ``item_id`` (the trámites inventory the
    configuration adds as ``tramite.*`` is judged under the profile's SUIT / GOV.CO item)."""
    for checklist in lists:
        if checklist.profile != profile:
            continue
        for item in checklist.items:
            rules = (rule for part in item.parts for rule in part.rules)
            if any(rule.kind == "aggregate" and rule.prefix and item_id.startswith(rule.prefix) for rule in rules):
                return item.legal_basis
    return ""


def _result(row: dict[str, Any]) -> ItemResult:
    return ItemResult(
        profile=row["profile"],
        item=row["item"],
        phase=row["phase"],
        name=row["name"],
        status=row["status"],
        evidence=tuple(row["evidence"]),
        detail=row["detail"],
        snapshot_date=row["snapshot_date"],
        source=row["source"],
        weight=row["weight"],
    )


def _unseen_signals(results: list[ItemResult], lists: list[Checklist]) -> dict[str, str]:
    """The automatic indicators whose item (the one judged on the same signal) is
    ``sin_verificar``, by indicator id, with that item's detail."""
    by_item = {(r.profile, r.item): r for r in results}
    unseen: dict[str, str] = {}
    for checklist in lists:
        for item in checklist.items:
            res = by_item.get((checklist.profile, item.id))
            if res is None or res.status != "sin_verificar":
                continue
            for rule in (r for part in item.parts for r in part.rules):
                if rule.kind == "signal" and rule.name:
                    unseen.setdefault(rule.name, res.detail)
    return unseen
