"""Every link of a crawl, judged: internal ones from the store, external ones from the crawl's checks."""

from __future__ import annotations

import json
import re
import unicodedata
from array import array
from collections import defaultdict
from collections.abc import Container, Iterable
from collections.abc import Set as AbstractSet
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from lxml import etree

from gelt_audit import clock
from gelt_audit.audits.accname import walked
from gelt_audit.audits.context import AuditContext
from gelt_audit.audits.findings import Findings
from gelt_audit.audits.linkindex import link_index
from gelt_audit.audits.linktable import LinkTable, links_where
from gelt_audit.audits.pages import BodyJudge, dependencia_name
from gelt_audit.audits.rowtable import RowTable
from gelt_audit.config import Config
from gelt_audit.linkstate import (
    BLOCKED,
    BROKEN,
    DISABLED_REASON,
    MAX_REDIRECTS,
    OK,
    PERMANENT,
    REDIRECT,
    SKIPPED,
    UNVERIFIED,
    classify,
    http_reason,
    scheme_not_allowed,
    skip_reason,
    unreached,
)
from gelt_audit.markup import PLACEHOLDER, RESOURCE_TAGS, strip_fragment
from gelt_audit.store import Crawl, Store

# Hosts of public entities in Colombia: the plan's "entidades aliadas".
PUBLIC_SUFFIXES = (".gov.co", ".edu.co", ".mil.co")
NOT_CHECKED = "enlace externo no verificado en este rastreo"


def _page_urls(store: Store, crawl: Crawl) -> dict[int, str]:
    """page id -> URL of the crawl's snapshots."""
    return dict(store.db.execute(
        "select s.page_id, p.url from snapshots s join pages p on p.id = s.page_id where s.crawl_id = ?", [crawl.id]
    ))  # fmt: skip


def _http_occurrences(store: Store, crawl: Crawl, rank: dict[int, int]) -> dict[str, list[tuple[int, str]]]:
    """(page rank, tag) of every occurrence of an http:// target on an https:// page, sorted, by
    target: all that mixed content and insecure links read (none at all on an http:// site)."""
    rows = store.db.execute(
        """select u.url, s.page_id, r.tag
           from snapshots s join pages p on p.id = s.page_id
           join link_sets ls on ls.page_id = s.page_id and ls.body_hash = s.body_hash
           join link_rows r on r.set_id = ls.id join link_urls u on u.id = r.url_id
           where s.crawl_id = ? and s.kind = 'page' and r.tag != ?
           and substr(p.url, 1, 8) = 'https://' and substr(u.url, 1, 7) = 'http://'""",
        [crawl.id, PLACEHOLDER],
    )
    out: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for url, page_id, tag in rows:
        out[url].append((rank[page_id], tag))
    for occs in out.values():
        occs.sort()
    return out


def _netloc(url: str) -> str:
    """``urlsplit(url).netloc``, without building a SplitResult for a plain http(s) URL."""
    for prefix in ("http://", "https://"):
        if url.startswith(prefix) and not _UNPLAIN.search(url):
            netloc = _NETLOC_END.split(url[len(prefix) :], 1)[0]
            if netloc.isascii():
                return netloc
    return urlsplit(url).netloc


# What makes urlsplit read a URL otherwise than by its characters: tabs and newlines it drops,
# brackets (IPv6) it checks.
_UNPLAIN = re.compile(r"[\t\r\n\[\]]")
_NETLOC_END = re.compile(r"[/?#]")


def _details(
    store: Store, crawl: Crawl, wanted: Iterable[tuple[str, Iterable[int]]]
) -> dict[str, list[dict[str, Any]]]:
    """Page, text, tag and line of every occurrence of some targets: what someone must fix.

    ``wanted``: (target URL, the ids of the pages that link to it, as the crawl's link index
    says). Only those pages' links are read: a weekly audit's few broken targets cost their own
    pages, not a pass over every link row of the crawl (half a million at 10,000 pages, with no
    index by target). The index holds every page whose links name the target but for placeholder
    links ("", "#", "javascript:…", kept as written), which are never an http(s) target.
    """
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    pairs = sorted({(url, page_id) for url, pages in wanted for page_id in pages})
    if not pairs:
        return out
    store.fill_temp_table("gelt_wanted_occurrences", "url text, page_id integer", pairs)
    # CROSS JOIN keeps SQLite to this order: the few (target, page) pairs, then each page's links
    rows = store.db.execute(
        """select w.url, p.url, t.text, r.tag, r.line
           from gelt_wanted_occurrences w cross join link_urls u on u.url = w.url
           cross join snapshots s on s.crawl_id = ? and s.page_id = w.page_id
           cross join link_sets ls on ls.page_id = s.page_id and ls.body_hash = s.body_hash
           cross join link_rows r on r.set_id = ls.id
           join pages p on p.id = s.page_id left join link_texts t on t.id = r.text_id
           where s.kind = 'page' and r.url_id = u.id
           order by p.url, r.line, r.seq""",
        [crawl.id],
    )
    for url, page, text, tag, line in rows:
        out[url].append({"page": page, "text": text, "tag": tag, "line": line})
    return out


# What resolving an on-site target reads of its snapshot, as a tuple: a whole snapshot per URL
# would be the largest object of the links audit (about 90 MB at 50,000 pages), a dict of these
# five keys ~20 MB.
TARGET_KEYS = ("kind", "status", "location", "body_hash", "error")
_KIND, _STATUS, _LOCATION, _BODY, _ERROR = range(len(TARGET_KEYS))


def _snapshots(store: Store, crawl: Crawl) -> dict[str, tuple[Any, ...]]:
    return {s["url"]: tuple(s[key] for key in TARGET_KEYS) for s in store.snapshots(crawl.id)}


# Plain strings: lxml's "smart" strings keep a reference to their element, so a set of them kept
# by the resolver below held every judged page's whole document in memory (~1 GB at 10k pages).
_ANCHOR_XPATH = etree.XPath("//@id | //a/@name", smart_strings=False)


def _anchors(root: Any, url: str) -> list[str]:
    """The fragment targets of a page: ids and named anchors."""
    if root is None:
        return []
    page = walked(root)  # the walk the other judges of this parse made: what _ANCHOR_XPATH finds
    if page is None or root.getparent() is not None:  # (the XPath reads the root's whole document)
        return sorted({v for v in _ANCHOR_XPATH(root) if v})
    values = {el.get("id") for el in page.selected("id")} | {el.get("name") for el in page.selected("a-name")}
    return sorted(v for v in values if v)


ANCHORS = BodyJudge("anchors", 1, _anchors)


_NO_ANCHORS: frozenset[str] = frozenset()


class InternalResolver:
    """States of on-site targets, read from the crawl's own snapshots."""

    def __init__(self, store: Store, snapshots: dict[str, tuple[Any, ...]], crawl: Crawl | None = None):
        self.store = store
        self.snapshots = snapshots
        self.crawl = crawl
        self._anchors: dict[str, AbstractSet[str]] | None = None

    def anchors(self, body_hash: str) -> AbstractSet[str]:
        if self._anchors is None:
            self._anchors = self._kept_anchors()
        if body_hash not in self._anchors:
            self._anchors[body_hash] = set(ANCHORS.cached(self.store, body_hash, ""))
        return self._anchors[body_hash]

    def _kept_anchors(self) -> dict[str, AbstractSet[str]]:
        """The anchors kept for the crawl's bodies, read at once (one query, not one per body)."""
        if self.crawl is None:
            return {}
        self.store.flush_audits()
        rows = self.store.db.execute(
            """select b.body_hash, b.result from body_audits b
               where b.audit = ? and b.version = ? and b.body_hash in (
                   select body_hash from snapshots where crawl_id = ? and body_hash is not null)""",
            [ANCHORS.audit, ANCHORS.version, self.crawl.id],
        )
        # most bodies have no anchor: one empty set for all of them (a set each weighed ~10 MB at
        # 50,000 pages)
        return {body_hash: set(found) if (found := json.loads(result)) else _NO_ANCHORS for body_hash, result in rows}

    def resolve(self, url: str) -> dict[str, Any]:
        """state, status, error, chain for an internal URL (fragment checked against the target)."""
        target, _, fragment = url.partition("#")
        chain: list[list[Any]] = []
        current = target
        while True:
            snap = self.snapshots.get(current)
            if snap is None:
                if chain:
                    return {
                        "state": SKIPPED,
                        "status": None,
                        "error": "destino de la redirección no rastreado",
                        "chain": chain,
                    }
                return {
                    "state": SKIPPED,
                    "status": None,
                    "error": "no rastreado (robots.txt, exclusiones o límites)",
                    "chain": [],
                }
            status, location = snap[_STATUS], snap[_LOCATION]
            if snap[_KIND] == "redirect" and location:
                chain.append([current, status])
                if not_web := scheme_not_allowed(location):
                    # the crawler never requests it: file:, data:, ftp:… are not the web's
                    return {"state": BROKEN, "status": status, "error": not_web, "chain": chain}
                if location in {hop[0] for hop in chain} or len(chain) > MAX_REDIRECTS:
                    return {"state": BROKEN, "status": status, "error": "bucle de redirecciones", "chain": chain}
                current = location.split("#", 1)[0]
                continue
            if status == 0:
                if unreached(status, snap[_ERROR]):
                    # the site's name did not resolve from here (the guard's lookup or the download's,
                    # retried): the page was not seen, which says nothing of the link
                    return {
                        "state": UNVERIFIED,
                        "status": None,
                        "error": f"sin verificar: {snap[_ERROR]}",
                        "chain": chain,
                    }
                return {"state": BROKEN, "status": None, "error": snap[_ERROR], "chain": chain}
            state, reason = classify(status, None, chain)
            final = {"final_url": current}
            if state == BROKEN and chain:
                reason = f"redirige a una página rota ({http_reason(status)})"
            if state in (OK, REDIRECT) and fragment and snap[_BODY] and fragment not in self.anchors(snap[_BODY]):
                return {
                    "state": BROKEN,
                    "status": status,
                    "error": f"no existe el ancla #{fragment} en la página",
                    "chain": chain,
                    **final,
                }
            return {"state": state, "status": status, "error": reason, "chain": chain, **final}


def broken_since(store: Store, url: str, crawl: Crawl, internal: bool) -> str | None:
    """When this run of failures started: the first of the consecutive crawls where it was broken."""
    if internal:
        rows = store.db.execute(
            """select c.started_at, s.status, s.error from snapshots s join pages p on p.id = s.page_id
               join crawls c on c.id = s.crawl_id
               where p.url = ? and c.status = 'finished' and c.id <= ? order by c.id desc""",
            [strip_fragment(url), crawl.id],
        ).fetchall()
        # a crawl that could not look the name up saw nothing: it neither starts nor ends a run
        failing = [(at, status == 0 or status >= 400) for at, status, error in rows if not unreached(status, error)]
    else:
        rows = store.db.execute(
            """select c.started_at, l.state from link_checks l join crawls c on c.id = l.crawl_id
               where l.url = ? and c.status in ('finished', 'running') and c.id <= ? order by c.id desc""",
            [strip_fragment(url), crawl.id],
        ).fetchall()
        # an unverified check (offline, rate-limited) says nothing: it neither starts nor ends a run
        failing = [(at, state == BROKEN) for at, state in rows if state != UNVERIFIED]
    since = None
    for at, bad in failing:
        if not bad:
            break
        since = at
    return since


def _ack_for(acks: list[dict[str, Any]], url: str, pages: list[str], today: str) -> dict[str, Any] | None:
    for ack in acks:
        if ack["url"] != url or (ack["until"] and ack["until"] < today):
            continue
        if ack["page"] and ack["page"] not in pages:
            continue
        return {"reason": ack["reason"], "until": ack["until"], "by": ack["by"], "page": ack["page"]}
    return None


def audit_links(store: Store, crawl: Crawl, config: Config, today: date | None = None) -> dict[str, Any]:
    """Links (the JSON contract's ``links``, as a :class:`LinkTable`), allied entities and insecure
    links of a crawl, and the pages whose links hold placeholders (``placeholder_pages``, ids)."""
    today_iso = (today or clock.today()).isoformat()
    hosts = set(config.hosts)
    exclude = [re.compile(p) for p in config.links["exclude"]]
    ordered = sorted(_page_urls(store, crawl).items(), key=lambda item: item[1])
    rank = {page_id: i for i, (page_id, _) in enumerate(ordered)}
    links = LinkTable([url for _, url in ordered])
    page_of = links.pages
    # the index first (built and kept: its peak), then the resolver's map of every snapshot; the
    # loop below lets each target of the index go as the table packs it
    index = link_index(store, crawl, [page_id for page_id, _ in ordered])
    del ordered
    http_occs = _http_occurrences(store, crawl, rank)
    del rank
    internal = InternalResolver(store, _snapshots(store, crawl), crawl)
    checks = store.link_checks(crawl.id)
    acks = store.acks()
    deps: dict[str, str | None] = {}  # page URL -> its dependencia (asked once a page)

    def dependencia(url: str) -> str | None:
        if url not in deps:
            deps[url] = dependencia_name(url, config.dependencias)
        return deps[url]

    insecure: list[dict[str, Any]] = []
    to_fix: list[tuple[int, str, array]] = []  # (index, url, its pages' ranks): where exactly matters (text, line)
    followed: set[str] = set()  # the external targets some <a>/<area> links to (allied entities)
    for url, found_on, forms, anchored in index.drain():
        is_internal = _netloc(url).lower() in hosts
        if anchored and not is_internal:
            followed.add(url)
        result = _judge(url, forms, is_internal, internal, checks, exclude)
        if result["state"] == SKIPPED and not is_internal and not config.links["check_external"]:
            # never requested by choice: no verdict on the link, which still counts as present
            if not skip_reason(url) and result["error"] == NOT_CHECKED:
                result = {**result, "state": UNVERIFIED, "error": DISABLED_REASON}
        chain = result["chain"]
        entry = {
            "url": url,
            "state": result["state"],
            # for a redirect, the answer the link itself gets (301, 302…); the end of the chain apart
            "status": chain[0][1] if result["state"] == REDIRECT and chain else result["status"],
            "final_status": result["status"],
            "error": result["error"],
            "found_on": found_on,  # as page indices (the table keeps them so)
            "dependencia": dependencia(page_of[found_on[0]]),
            "internal": is_internal,
            "chain": chain,
            "permanent_redirect": bool(chain) and chain[0][1] in PERMANENT,
            # where exactly (text, line) matters for what someone must fix (filled below); for the
            # rest the pages do
            "occurrences": [],
            "broken_since": None,
            "acknowledged": None,
        }
        if url in http_occs:
            occs = [{"page": page_of[r], "tag": t} for r, t in http_occs[url]]
            insecure.extend(insecure_occurrences(url, occs, result.get("final_url")))
        if entry["state"] == BROKEN:
            entry["broken_since"] = broken_since(store, url, crawl, is_internal)
            entry["acknowledged"] = _ack_for(acks, url, [page_of[r] for r in found_on], today_iso)
        if entry["state"] in (BROKEN, BLOCKED, REDIRECT):
            to_fix.append((len(links), url, found_on))
        links.append(entry, found_on)
    page_ids = index.pages  # page ids in rank order (what drain() leaves of the index)
    details = _details(store, crawl, ((url, map(page_ids.__getitem__, ranks)) for _, url, ranks in to_fix))
    for at, url, _ in to_fix:
        occurrences = [{**occ, "dependencia": dependencia(occ["page"])} for occ in details[url]]
        links.update(at, "occurrences", occurrences)
    return {
        "links": links,
        "allied": allied_entities(links_where(links, "internal", False), config.links["entidades"], followed),
        "insecure": insecure,
        "placeholder_pages": index.placeholders,
    }


def _judge(
    url: str,
    forms: bool,
    is_internal: bool,
    internal: InternalResolver,
    checks: dict[str, dict[str, Any]],
    exclude: list[re.Pattern],
) -> dict[str, Any]:
    none: dict[str, Any] = {"status": None, "chain": []}
    if reason := skip_reason(url):
        return {**none, "state": SKIPPED, "error": reason}
    if forms:  # found only as forms' actions
        return {**none, "state": SKIPPED, "error": "destino de un formulario: no se verifica"}
    if any(p.search(url) for p in exclude):
        return {**none, "state": SKIPPED, "error": "excluido por la configuración (links.exclude)"}
    if is_internal:
        return internal.resolve(url)
    check = checks.get(strip_fragment(url))
    if check is None:
        return {**none, "state": SKIPPED, "error": NOT_CHECKED}
    return {
        "state": check["state"],
        "status": check["status"],
        "error": check["error"],
        "chain": json.loads(check["chain"] or "[]"),
        "final_url": check["final_url"],
    }


def entity_of(url: str, extra: list[str]) -> str | None:
    """The public entity a URL belongs to, or None.

    Hosts under .gov.co, .edu.co, .mil.co are entities by themselves; the config adds hosts
    ("concejo-municipio.org.co") or host/path prefixes ("portal.example.org/entidad").
    """
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    netloc = parts.netloc.lower().removeprefix("www.")  # with its port: another port is another site
    for entry in extra:
        entry = entry.lower().removeprefix("www.")
        if "/" in entry:
            if f"{netloc}{parts.path}".startswith(entry):
                return entry
        elif entry in (netloc, host.removeprefix("www.")) or host.endswith("." + entry):
            return entry
    if host.endswith(PUBLIC_SUFFIXES):
        return host.removeprefix("www.")
    return None


def allied_entities(links: Iterable[dict[str, Any]], extra: list[str], followed: Container[str]) -> dict[str, Any]:
    """External links to public entities, grouped by entity: how many, and whether they work.

    ``followed``: the URLs some ``<a>``/``<area>`` of the site links to. An image, a script or a
    stylesheet served from an entity's host (the GOV.CO bar's files from cdn.www.gov.co, a logo
    hot-linked from the entity's own site) is no link to that entity: a visitor cannot follow it.
    """
    groups: dict[str, dict[str, Any]] = {}
    for link in links:
        # judged from the links present: one not requested (excluded, switched off) still counts
        if link["internal"] or skip_reason(link["url"]) or link["url"] not in followed:
            continue
        entity = entity_of(link["url"], extra)
        if entity is None:
            continue
        group = groups.setdefault(
            entity,
            {
                "entity": entity,
                "links": 0,
                "working": 0,
                "broken": 0,
                "blocked": 0,
                UNVERIFIED: 0,
                SKIPPED: 0,
                "pages": set(),
            },  # fmt: skip
        )
        group["links"] += 1
        group["working" if link["state"] in (OK, REDIRECT) else link["state"]] += 1
        group["pages"].update(link["found_on"])
    entities = [{**g, "pages": sorted(g["pages"])} for g in sorted(groups.values(), key=lambda g: g["entity"])]
    return {
        "entities": entities,
        "count": len(entities),
        "working": sum(1 for e in entities if e["working"] and not e["broken"]),
    }


def insecure_occurrences(url: str, occs: list[dict[str, Any]], final_url: str | None) -> list[dict[str, Any]]:
    """Mixed content (http resources on https pages) and http links to sites that answer on https."""
    if not url.startswith("http://"):
        return []
    out = []
    for occ in occs:
        if not occ["page"].startswith("https://"):
            continue
        if occ["tag"] in RESOURCE_TAGS or occ["tag"] in ("iframe", "frame"):
            out.append(
                {
                    "page": occ["page"],
                    "url": url,
                    "kind": "contenido mixto",
                    "detail": "recurso cargado por http:// en una página https://",
                }
            )
        elif (final_url or "").startswith("https://"):
            out.append(
                {
                    "page": occ["page"],
                    "url": url,
                    "kind": "enlace inseguro",
                    "detail": "el sitio enlazado responde por https://: actualice el enlace",
                }
            )
    return out


# What a bare "#" says when it is a jump inside the page (back to top, skip to content), not a
# link that lost its destination. Compared casefolded, without accents, arrows and punctuation.
JUMP_TEXTS = frozenset(
    {
        "arriba", "ir arriba", "volver arriba", "subir", "ir al inicio", "volver al inicio", "inicio de pagina",
        "ir al inicio de la pagina", "volver al inicio de la pagina", "subir al inicio", "regresar arriba",
        "ir al contenido", "ir al contenido principal", "saltar al contenido", "saltar al contenido principal",
        "saltar navegacion", "top", "back to top", "skip to content", "skip to main content",
    }
)  # fmt: skip


def _bare_words(text: str) -> str:
    """Casefolded words without accents or symbols: «Volver arriba ↑» -> "volver arriba"."""
    plain = "".join(c for c in unicodedata.normalize("NFD", text.casefold()) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]", " ", plain).split())


def is_placeholder_finding(text: str) -> bool:
    """Whether a link that goes nowhere is something to fix: it names a destination.

    Without text, or with the text of a jump inside the page («Ir arriba»), it is not.
    """
    words = _bare_words(text or "")
    return bool(words) and words not in JUMP_TEXTS


def placeholder_links(store: Store, crawl: Crawl, config: Config, pages: Iterable[int]) -> list[dict[str, Any]]:
    """«Enlace sin destino»: links written as "#", "" or "javascript:void(0)" that name a
    destination (a document, a page, «Ejecución de contratos 2025 >>»), each with its page and line.

    Read from the links extraction stored (tag ``placeholder``); such links are never requested.
    ``pages``: the ids of the pages whose links hold placeholders (the crawl's link index keeps
    them, carried from crawl to crawl): only those pages' links are read, not every link row.
    """
    store.fill_temp_table("gelt_placeholder_pages", "page_id integer primary key", ((p,) for p in pages))
    rows = store.db.execute(
        """select p.url, u.url, t.text, r.line from snapshots s join pages p on p.id = s.page_id
           join link_sets ls on ls.page_id = s.page_id and ls.body_hash = s.body_hash
           join link_rows r on r.set_id = ls.id join link_urls u on u.id = r.url_id
           left join link_texts t on t.id = r.text_id
           where s.crawl_id = ? and s.page_id in (select page_id from gelt_placeholder_pages) and s.kind = 'page'
           and s.status between 200 and 299 and r.tag = ? order by p.url, r.line, r.seq""",
        [crawl.id, PLACEHOLDER],
    )
    return [
        {
            "page": page,
            "text": text,
            "line": line,
            "href": href,
            "dependencia": dependencia_name(page, config.dependencias),
        }
        for page, href, text, line in rows
        if is_placeholder_finding(text)
    ]


def links_cut(ctx: AuditContext) -> list[dict[str, Any]]:
    """Pages whose links were cut at site.max_links_per_page: only the first ones were checked.

    Each page of the inventory (``pages``, found before this audit) gets ``links_cut``: how many
    of its links were not kept.
    """
    rows = ctx.store.db.execute(
        """select p.url, c.found, c.kept from snapshots s join pages p on p.id = s.page_id
           join link_cuts c on c.page_id = s.page_id and c.body_hash = s.body_hash
           where s.crawl_id = ? order by p.url""",
        [ctx.crawl.id],
    )
    cuts = {url: (found, kept) for url, found, kept in rows}
    if not cuts:
        return []
    pages = ctx.findings.get("pages") or []
    for i, entry in enumerate(pages):
        if entry["url"] in cuts:
            found, kept = cuts[entry["url"]]
            if isinstance(pages, RowTable):  # a copy of the row: changed in the table
                pages.set(i, "links_cut", found - kept)
            else:
                entry["links_cut"] = found - kept
    return [
        {
            "page": url,
            "dependencia": dependencia_name(url, ctx.config.dependencias),
            "found": found,
            "kept": kept,
            "detail": f"la página tiene {found} enlaces; se revisaron los primeros {kept}",
        }
        for url, (found, kept) in cuts.items()
    ]


def find(ctx: AuditContext) -> Findings:
    """links (the contract's), allied (links to other public entities), insecure (http:// links)
    placeholder_links (links that go nowhere) and links_cut (pages with more links than
    site.max_links_per_page)."""
    found = audit_links(ctx.store, ctx.crawl, ctx.config)
    return {
        "links": found["links"],
        "allied": found["allied"],
        "insecure": found["insecure"],
        "placeholder_links": placeholder_links(ctx.store, ctx.crawl, ctx.config, found["placeholder_pages"]),
        "links_cut": links_cut(ctx),
    }
