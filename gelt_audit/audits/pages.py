"""The page inventory of a crawl (each page with status, title, dependencia and when it last
changed), and the per-body judging the audits of page contents share (``BodyJudge``)."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from lxml import etree

from gelt_audit.audits.accname import walked
from gelt_audit.audits.context import AuditContext
from gelt_audit.audits.findings import Findings
from gelt_audit.audits.kept import crawl_key, kept, kept_result
from gelt_audit.audits.rereads import reread
from gelt_audit.audits.rowtable import RowTable
from gelt_audit.audits.tree import parse_body, text_content
from gelt_audit.config import Dependencia, NoiseRule, dependencia_lookup
from gelt_audit.formats import document_suffix
from gelt_audit.linkstate import unreached
from gelt_audit.markup import CRUMB_CLASS, CRUMB_LABEL, collapse, is_breadcrumb
from gelt_audit.store import Crawl, Store

PAGE_KINDS = ("page", "redirect", "error")


def is_page_ok(page: dict[str, Any]) -> bool:
    """A page of the site as the reports count it: a page (not a redirect, document or network
    failure) that answered 2xx."""
    return page.get("kind") == "page" and 200 <= (page.get("status") or 0) < 300


def count_pages_ok(pages: Iterable[dict[str, Any]] | None) -> int:
    """How many of ``pages`` (the pages audit's rows) are pages of the site as the reports count them
    (:func:`is_page_ok`)."""
    return sum(1 for p in pages or () if is_page_ok(p))


def is_unreached(page: dict[str, Any]) -> bool:
    """A page of the site the crawl could not fetch because its host name did not resolve from this
    machine (DNS): the site was not asked, so it is no error of the site's (reported apart)."""
    return unreached(page.get("status"), page.get("error"))


def unreached_pages(findings: dict[str, Any]) -> list[dict[str, Any]]:
    """The pages of the site the crawl could not fetch (:func:`is_unreached`): the findings' own list
    (``unreached_pages``, changes.find) when they have it, else found among their pages (findings kept
    before that key, H292)."""
    listed = findings.get("unreached_pages")
    if isinstance(listed, list):
        return listed
    return [p for p in findings.get("pages") or () if is_unreached(p)]


def documents_among(pages: Iterable[dict[str, Any]]) -> int:
    """How many of ``pages`` (their ``url``) name a document (PDF, DOC…), as the crawler tells them."""
    return sum(1 for p in pages if document_suffix(str(p.get("url") or "")))


def is_page_error(page: dict[str, Any]) -> bool:
    """A page (or document) that failed as the site's own error: it answered 400 or more, or gave no
    answer (refused, cut, timed out), but not :func:`is_unreached`: the reports' «páginas con error»."""
    status = page.get("status")
    return ((status or 0) >= 400 or status == 0) and not is_unreached(page)


def count_page_errors(pages: Iterable[dict[str, Any]] | None) -> int:
    """How many of ``pages`` are errors of the site (:func:`is_page_error`), as every report counts them."""
    return sum(1 for p in pages or () if is_page_error(p))


def site_answers(crawl: dict[str, Any], unreached: int) -> tuple[Any, Any]:
    """The crawl's (responses, errors) as the site's: its figures count every try, and a page whose name
    did not resolve (:func:`is_unreached`, ``unreached`` of them) got no answer and is no error of the site's.
    Either figure unknown (not an int): both as recorded."""
    answers, errors = crawl.get("pages"), crawl.get("errors")
    if isinstance(answers, int) and isinstance(errors, int):
        return answers - unreached, errors - unreached
    return answers, errors


def dependencia_name(url: str, dependencias: list[Dependencia]) -> str | None:
    """Name of the dependencia a URL belongs to, or None ("sin asignar")."""
    # Audits ask this for every link occurrence: hundreds of thousands of times on a large site.
    key = tuple(dependencias)
    last = _LAST_RESOLVER
    if last and last[0] == key:  # the usual case: the same config's dependencias, element by element
        return last[1].name(url)
    resolver = _resolver(key)
    _LAST_RESOLVER[:] = [key, resolver]
    return resolver.name(url)


_LAST_RESOLVER: list[Any] = []
NAMES_KEPT = 100_000  # URLs whose dependencia a resolver remembers (then it starts over)


class _Resolver:
    """:func:`dependencia_for` of many URLs, each URL's path looked up once."""

    def __init__(self, dependencias: tuple[Dependencia, ...]) -> None:
        self.lookup = dependencia_lookup(dependencias)
        self.names: dict[str, str | None] = {}

    def name(self, url: str) -> str | None:
        try:
            return self.names[url]
        except KeyError:
            pass
        if len(self.names) >= NAMES_KEPT:
            self.names.clear()
        dep = self.lookup(urlsplit(url).path or "/")
        found = self.names[url] = dep.name if dep else None
        return found


@lru_cache(maxsize=64)
def _resolver(dependencias: tuple[Dependencia, ...]) -> _Resolver:
    return _Resolver(dependencias)


def forget_names() -> None:
    """Drop the URLs the resolvers remember (each URL's dependencia is looked up again when asked).
    Those of a 50,000-page site, ~7 MB of strings and their table, were held while the checklist
    built its site index, the report's peak (issue 21, H285)."""
    _resolver.cache_clear()
    _LAST_RESOLVER.clear()


# A title this many pages share names none of them: the reports name them by their heading.
SHARED_TITLE_PAGES = 3
_HEADING = "(//main//h1 | //*[@role='main']//h1 | //h1)[1]"
# the reference definition _breadcrumb_step follows (markup.is_breadcrumb written as XPath, EXSLT's re:test)
_BREADCRUMB = etree.XPath(
    f"(//*[re:test(@class, '{CRUMB_CLASS}', 'i') or re:test(@aria-label, '{CRUMB_LABEL}', 'i')]//li)[last()]",
    namespaces={"re": "http://exslt.org/regular-expressions"},
)


def _names(root: Any, url: str) -> dict[str, str]:
    """The page's first h1 and the last step of its breadcrumb, collapsed (either may be empty)."""
    if root is None:
        return {"h1": "", "breadcrumb": ""}
    found = {}
    # _HEADING's union holds every h1 (//h1): the first h1 of the document
    heading = next(root.getroottree().iter("h1"), None)
    for key, node in (("h1", heading), ("breadcrumb", _breadcrumb_step(root))):
        found[key] = collapse(text_content(node))[:300] if node is not None else ""
    return found


def _breadcrumb_step(root: Any) -> Any:
    """What ``_BREADCRUMB(root)`` finds: the last ``li`` of the document (in its order) inside a
    breadcrumb (``markup.is_breadcrumb``); read from the walk the other judges of this parse made (``accname.walked``), if they did."""
    tree = root.getroottree()
    page = walked(root)
    if page is not None and root.getparent() is None:
        crumbs = page.selected("crumb")
    else:  # judged alone, or not a document's root: every element of its document
        crumbs = [el for el in tree.iter(etree.Element) if is_breadcrumb(el)]
    steps = set()
    for el in crumbs:
        steps.update(li for li in el.iter("li") if li is not el)
    last = None
    if steps:
        for li in tree.iter("li"):
            if li in steps:
                last = li
    return last


def heading_names(store: Store, crawl_id: int, titled: Iterable[tuple[str, str, str]]) -> dict[str, str]:
    """The new titles of pages whose title many pages share: URL -> the name their h1 (or
    breadcrumb) gives them; ``titled``: (URL, title, body hash) of the crawl's pages with both.

    Some CMS templates put the entity's name in every ``<title>``: «Alcaldía de X» names no page
    in a list of changes. Only a heading no other such page carries names a page (the logo in
    an h1 does not): then the breadcrumb's last step is tried, and else the title stays.
    """
    titled = list(titled)
    shared = {t for t, n in Counter(title for _, title, _ in titled).items() if n >= SHARED_TITLE_PAGES}
    candidates = [row for row in titled if row[1] in shared]
    del titled
    if not candidates:
        return {}
    named = NAMES.of_crawl(store, crawl_id)
    names = [named(body_hash, url) for url, _, body_hash in candidates]
    titles = [title for _, title, _ in candidates]
    for key in ("h1", "breadcrumb"):
        counts = Counter(found[key] for found in names)
        for i, found in enumerate(names):
            name = found[key]
            if titles[i] in shared and name and counts[name] == 1:
                titles[i] = name
    return {url: title for (url, before, _), title in zip(candidates, titles, strict=True) if title != before}


# The keys of a page of the inventory, in the order the JSON report writes them (``links_cut``
# only on pages whose links were cut: audits.links.links_cut).
PAGE_KEYS = (
    "url", "status", "title", "dependencia", "last_changed", "kind", "content_type", "encoding", "excerpt",
    "fetched_at", "not_modified", "elapsed_ms", "depth", "location", "error", "links_cut",
)  # fmt: skip


def page_inventory(store: Store, crawl: Crawl, dependencias: list[Dependencia]) -> Iterator[dict[str, Any]]:
    """Every page of the crawl (documents and other resources left out), sorted by URL, one at a
    time (a new dict each)."""
    for snap in store.snapshots(crawl.id):
        if snap["kind"] not in PAGE_KINDS:
            continue
        yield {
            "url": snap["url"],
            "status": snap["status"],
            "title": snap["title"],
            "dependencia": dependencia_name(snap["url"], dependencias),
            "last_changed": None,
            "kind": snap["kind"],
            "content_type": snap["content_type"],
            "encoding": snap["encoding"],
            "excerpt": snap["excerpt"],  # the start of the main text, decoded
            "fetched_at": snap["fetched_at"],
            "not_modified": bool(snap["not_modified"]),
            "elapsed_ms": snap["elapsed_ms"],
            "depth": snap["depth"],
            "location": snap["location"],
            "error": snap["error"],
            "body_hash": snap["body_hash"],  # for naming only; find() drops it
        }


HISTORY_AUDIT = "pages-history"  # kept per crawl (audits.kept): each URL's main hash and last change
HISTORY_VERSION = 2  # 2: each entry holds the body last fetched fine (rereads.reread)
HASH_BATCH = 500  # bodies asked for their main hash in one query


def last_changed(store: Store, crawl: Crawl, noise: Sequence[NoiseRule] = ()) -> dict[str, str]:
    """Per URL, when its main content last changed or it appeared, up to ``crawl``.

    Pages unchanged since the first crawl have no entry: the tool never saw them change.
    """
    return {url: entry[1] for url, entry in page_history(store, crawl, noise).items() if entry[1]}


def page_history(store: Store, crawl: Crawl, noise: Sequence[NoiseRule] = ()) -> dict[str, list[Any]]:
    """Per URL fetched fine (2xx page with a main text) by a finished crawl of the site up to
    ``crawl``: [main hash the last such crawl saw, when it last changed or appeared (None: the
    same since the first crawl), that crawl's body]. The previous crawl's, kept in the store,
    updated with the pages whose body changed since it; without it, read from every crawl's
    pages. ``noise``: the site's noise rules, for :func:`reread`."""
    previous = store.previous_crawl(crawl)
    rules = hashlib.sha1(repr(list(noise)).encode()).hexdigest()[:12] if noise else ""

    def version(of: Crawl) -> str:
        return f"{HISTORY_VERSION}:{of.started_at}:{rules}"

    def compute() -> dict[str, list[Any]]:
        before = kept_result(store, previous, HISTORY_AUDIT, version(previous)) if previous else None
        if before is None or crawl.status != "finished":
            return _history(store, crawl, noise)
        return _history_since(store, crawl, previous, before, noise)  # type: ignore[arg-type]

    latest = store.latest_crawl(crawl.site_url)
    if latest is None or latest.id != crawl.id:
        return compute()  # only the latest crawl's is kept (the checklist also reads the one before)
    return kept(store, crawl, HISTORY_AUDIT, version(crawl), compute, replaces=previous)


def _advance(
    store: Store, url: str, seen: list[Any], main_hash: str, body: str, fetched_at: str, noise: Sequence[NoiseRule]
) -> None:
    """A page's history entry after a later crawl fetched it fine with ``body``: changed when its
    main text did, as this code reads both bodies (a store may hold texts read the old way)."""
    if main_hash != seen[0]:
        texts = reread(store, url, seen[2], body, noise)
        if texts is None or texts[0] != texts[1]:
            seen[1] = fetched_at
        seen[0] = main_hash
    seen[2] = body


def _history(store: Store, crawl: Crawl, noise: Sequence[NoiseRule]) -> dict[str, list[Any]]:
    """:func:`page_history` read from every finished crawl of the site up to ``crawl``."""
    rows = store.db.execute(
        """select p.url, b.main_hash, s.fetched_at, s.crawl_id, s.body_hash
           from snapshots s join pages p on p.id = s.page_id join crawls c on c.id = s.crawl_id
           join bodies b on b.hash = s.body_hash
           where c.status = 'finished' and c.site_url = ? and s.crawl_id <= ? and s.kind = 'page'
             and s.status between 200 and 299 and b.main_hash is not null
           order by p.url, s.crawl_id""",
        [crawl.site_url, crawl.id],
    )
    first = store.db.execute(
        "select min(id) from crawls where status = 'finished' and site_url = ?", [crawl.site_url]
    ).fetchone()[0]
    out: dict[str, list[Any]] = {}
    for url, main_hash, fetched_at, crawl_id, body in rows:
        seen = out.get(url)
        if seen is None:
            out[url] = [main_hash, fetched_at if crawl_id != first else None, body]  # appeared after the first crawl
        else:
            _advance(store, url, seen, main_hash, body, fetched_at, noise)
    return out


def _history_since(
    store: Store, crawl: Crawl, previous: Crawl, before: dict[str, list[Any]], noise: Sequence[NoiseRule]
) -> dict[str, list[Any]]:
    """``before`` (the previous crawl's history) updated with ``crawl``'s pages fetched fine. A
    page the previous crawl fetched fine with the same body keeps its entry: its main hash is
    the one ``before`` holds. The others' main hashes are read, in batches."""
    rows = store.db.execute(
        """select p.url, n.body_hash, n.fetched_at from snapshots n join pages p on p.id = n.page_id
             left join snapshots o on o.crawl_id = ? and o.page_id = n.page_id
           where n.crawl_id = ? and n.kind = 'page' and n.status between 200 and 299 and n.body_hash is not null
             and not (o.body_hash is n.body_hash and o.kind = 'page' and o.status between 200 and 299)""",
        [previous.id, crawl.id],
    ).fetchall()
    wanted = list(dict.fromkeys(body for _, body, _ in rows))
    mains: dict[str, str] = {}
    for start in range(0, len(wanted), HASH_BATCH):
        part = wanted[start : start + HASH_BATCH]
        found = store.db.execute(
            f"select hash, main_hash from bodies where hash in ({', '.join('?' * len(part))}) and main_hash is not null",
            part,
        )
        mains.update(found)
    out = before
    for url, body, fetched_at in rows:
        main_hash = mains.get(body)
        if main_hash is None:
            continue  # no main text: not a page fetched fine
        seen = out.get(url)
        if seen is None:
            out[url] = [main_hash, fetched_at, body]
        else:
            _advance(store, url, seen, main_hash, body, fetched_at, noise)
    return out


def find(ctx: AuditContext) -> Findings:
    """pages (with when each last changed) and the pages no dependencia claims (unassigned).

    The inventory is walked twice, one page at a time: for the titles many pages share, then to
    pack each page (a list of every page as a dict weighed ~60 MB at 50,000 pages)."""
    snaps = ctx.store.snapshots(ctx.crawl.id)
    titled = (
        (s["url"], s["title"], s["body_hash"]) for s in snaps if s["kind"] == "page" and s["title"] and s["body_hash"]
    )
    renamed = heading_names(ctx.store, ctx.crawl.id, titled)
    changed_at = last_changed(ctx.store, ctx.crawl, ctx.config.noise)
    table = RowTable(PAGE_KEYS)  # packed: held until the reports are written
    unassigned = []
    for page in page_inventory(ctx.store, ctx.crawl, ctx.config.dependencias):
        page["last_changed"] = changed_at.get(page["url"])
        page["title"] = renamed.get(page["url"], page["title"])
        del page["body_hash"]
        table.append(page)
        # a page that answers an error (404, 410, 500…) is no page anyone must keep: it needs no dependencia
        if page["dependencia"] is None and is_page_ok(page):
            unassigned.append(page["url"])
    return {"pages": table, "unassigned": unassigned}


@dataclass(frozen=True)
class BodyJudge:
    """One audit's judgement of a page body, cached per body (bodies never change)."""

    audit: str
    version: int
    judge: Callable[[Any, str], Any]  # (parsed root or None, page URL) -> JSON-able result
    per_scheme: bool = False  # the result depends on the page's scheme (e.g. forms over http)

    def name(self, url: str) -> str:
        if not self.per_scheme:
            return self.audit
        scheme = "https" if url.startswith("https:") else "http" if url.startswith("http:") else urlsplit(url).scheme
        return f"{self.audit}-{scheme}"

    def cached(self, store: Store, body_hash: str, url: str, root: Callable[[], Any] | None = None) -> Any:
        """The judgement of a body, computed only when not cached yet (``root``: its parse, if at hand)."""
        root = root or (lambda: parse_body(store.html(body_hash) or ""))
        return store.cached_audit(body_hash, self.name(url), self.version, lambda: self.judge(root(), url))

    def of_crawl(self, store: Store, crawl_id: int) -> Callable[[str, str], Any]:
        """``cached`` for the bodies of one crawl's pages, ``(body hash, page URL) -> judgement``:
        the kept judgements are read in one query, any other is computed (and kept) when asked."""
        names = [f"{self.audit}-{scheme}" for scheme in ("http", "https")] if self.per_scheme else [self.audit]
        kept = store.crawl_results(crawl_id, names, self.version)

        def judged(body_hash: str, url: str) -> Any:
            found = kept.get((body_hash, self.name(url)))
            return json.loads(found) if found is not None else self.cached(store, body_hash, url)

        return judged


def is_html_page(snap: dict[str, Any]) -> bool:
    """A page that answered 2xx with an HTML body: what the per-body audits judge."""
    return (
        snap["kind"] == "page" and bool(snap["body_hash"]) and 200 <= (snap["status"] or 0) < 300
        and "html" in (snap["content_type"] or "html")
    )  # fmt: skip


# A finished crawl all of whose 2xx HTML pages' bodies judge_bodies judged (body_audits, key
# crawl:ID, version: the judges'): the next crawl looks up only its changed and new pages' bodies.
JUDGED = "bodies-judged"


def _judges_version(judges: Sequence[BodyJudge]) -> str:
    return ";".join(f"{j.audit}.{j.version}.{int(j.per_scheme)}" for j in judges)


def judge_bodies(store: Store, crawl: Crawl, judges: Sequence[BodyJudge]) -> None:
    """Fill the per-body caches of several audits with one decode and one parse of each body.

    Each audit then reads its cache; a body judged by an earlier crawl costs nothing. When the
    previous crawl's bodies were all judged by the same judges (it is marked so), a page with
    the body it had then is not looked up: only the changed and new pages' bodies are. Filling
    is all this does: an audit computes (and keeps) any judgement it does not find, so a mark
    that claims too much costs a parse, never a different result.
    """
    version = _judges_version(judges)
    previous = store.previous_crawl(crawl)
    since = previous.id if previous is not None and kept_result(store, previous, JUDGED, version) else None
    bodies: dict[str, str] = {}  # every body some audit lacks (one string each, shared by the sets)
    todo = {j.audit: store.unjudged(crawl.id, j.audit, j.version, j.per_scheme, bodies, since) for j in judges}
    if bodies:
        _judge_missing(store, crawl, judges, bodies, todo)
    if crawl.status == "finished":
        store.keep_result(crawl_key(crawl.id), JUDGED, version, True)
    store.flush_audits()


def _judge_missing(
    store: Store,
    crawl: Crawl,
    judges: Sequence[BodyJudge],
    bodies: dict[str, str],
    todo: dict[str, dict[str, set[str]]],
) -> None:
    for snap in store.snapshots(crawl.id):
        if snap["body_hash"] not in bodies or not is_html_page(snap):
            continue
        body_hash, url = snap["body_hash"], snap["url"]
        missing = [j for j in judges if body_hash in todo[j.audit].get(j.name(url), ())]
        if not missing:
            continue
        root = parse_body(store.html(body_hash) or "")
        for judge in missing:  # known missing: kept without asking the store for it again
            store.keep_result(body_hash, judge.name(url), judge.version, judge.judge(root, url))
            todo[judge.audit][judge.name(url)].discard(body_hash)
    store.flush_audits()


NAMES = BodyJudge("page-names", 2, _names)  # 2: the parse closes sections as a browser does
