"""The page inventory of a crawl (each page with status, title, dependencia and when it last
changed), and the per-body judging the audits of page contents share (``BodyJudge``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from gelt_audit.audits.context import AuditContext
from gelt_audit.audits.findings import Findings
from gelt_audit.config import Dependencia, dependencia_for
from gelt_audit.markup import parse
from gelt_audit.store import Crawl, Store

PAGE_KINDS = ("page", "redirect", "error")


def dependencia_name(url: str, dependencias: list[Dependencia]) -> str | None:
    """Name of the dependencia a URL belongs to, or None ("sin asignar")."""
    return _dependencia_name(url, tuple(dependencias))


@lru_cache(maxsize=100_000)
def _dependencia_name(url: str, dependencias: tuple[Dependencia, ...]) -> str | None:
    # Audits ask this for every link occurrence: hundreds of thousands of times on a large site.
    dep = dependencia_for(urlsplit(url).path or "/", list(dependencias))
    return dep.name if dep else None


def page_inventory(store: Store, crawl: Crawl, dependencias: list[Dependencia]) -> list[dict[str, Any]]:
    """Every page of the crawl (documents and other resources left out), sorted by URL."""
    out = []
    for snap in store.snapshots(crawl.id):
        if snap["kind"] not in PAGE_KINDS:
            continue
        out.append(
            {
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
            }
        )
    return out


def last_changed(store: Store, crawl: Crawl) -> dict[str, str]:
    """Per URL, when its main content last changed or it appeared, up to ``crawl``.

    Pages unchanged since the first crawl have no entry: the tool never saw them change.
    """
    rows = store.db.execute(
        """select p.url, b.main_hash, s.fetched_at, s.crawl_id
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
    out: dict[str, str] = {}
    last_url, last_hash = None, None
    for url, main_hash, fetched_at, crawl_id in rows:
        if url != last_url:
            if crawl_id != first:
                out[url] = fetched_at  # appeared after the first crawl
            last_url, last_hash = url, main_hash
        elif main_hash != last_hash:
            out[url] = fetched_at
            last_hash = main_hash
    return out


def find(ctx: AuditContext) -> Findings:
    """pages (with when each last changed) and the pages no dependencia claims (unassigned)."""
    pages = page_inventory(ctx.store, ctx.crawl, ctx.config.dependencias)
    changed_at = last_changed(ctx.store, ctx.crawl)
    for page in pages:
        page["last_changed"] = changed_at.get(page["url"])
    return {
        "pages": pages,
        "unassigned": [p["url"] for p in pages if p["dependencia"] is None and p["kind"] == "page"],
    }


@dataclass(frozen=True)
class BodyJudge:
    """One audit's judgement of a page body, cached per body (bodies never change)."""

    audit: str
    version: int
    judge: Callable[[Any, str], Any]  # (parsed root or None, page URL) -> JSON-able result
    per_scheme: bool = False  # the result depends on the page's scheme (e.g. forms over http)

    def name(self, url: str) -> str:
        return f"{self.audit}-{urlsplit(url).scheme}" if self.per_scheme else self.audit

    def cached(self, store: Store, body_hash: str, url: str, root: Callable[[], Any] | None = None) -> Any:
        """The judgement of a body, computed only when not cached yet (``root``: its parse, if at hand)."""
        root = root or (lambda: parse(store.html(body_hash) or ""))
        return store.cached_audit(body_hash, self.name(url), self.version, lambda: self.judge(root(), url))


def is_html_page(snap: dict[str, Any]) -> bool:
    """A page that answered 2xx with an HTML body: what the per-body audits judge."""
    return (
        snap["kind"] == "page" and bool(snap["body_hash"]) and 200 <= (snap["status"] or 0) < 300
        and "html" in (snap["content_type"] or "html")
    )  # fmt: skip


def judge_bodies(store: Store, crawl: Crawl, judges: Sequence[BodyJudge]) -> None:
    """Fill the per-body caches of several audits with one decode and one parse of each body.

    Each audit then reads its cache; a body judged by an earlier crawl costs nothing.
    """
    done = {judge.audit: store.cached_keys(judge.audit, judge.version, judge.per_scheme) for judge in judges}
    for snap in store.snapshots(crawl.id):
        if not is_html_page(snap):
            continue
        body_hash, url = snap["body_hash"], snap["url"]
        missing = [j for j in judges if (body_hash, j.name(url)) not in done[j.audit]]
        if not missing:
            continue
        root = parse(store.html(body_hash) or "")
        for judge in missing:
            judge.cached(store, body_hash, url, lambda r=root: r)
            done[judge.audit].add((body_hash, judge.name(url)))
    store.flush_audits()
