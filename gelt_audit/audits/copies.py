"""Stored copies of the checklist's evidence: for each evidence URL, the version of the page the
audited crawl stored (when it was fetched, its body hash) and since when that body was unchanged.

The committee report links each verdict to these copies (``evidencia/<name>.html``, written by
``gelt_audit.reports.evidence``), so the report still shows what the tool saw after the site
changes. A copy's name holds the body hash and the crawl: another version is another file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import urljoin, urlsplit

from gelt_audit.markup import strip_fragment
from gelt_audit.store import Crawl, Store, text_hash

COPY_DIR = "evidencia"
MAX_REDIRECTS = 5


def copy_name(url: str, body_hash: str, crawl_id: int) -> str:
    """The file name of a stored copy: the URL's path as a slug, a short hash of the whole URL
    (two URLs with the same slug stay apart), the body hash (12 hex) and the crawl. One crawl's
    copy of one body never changes: a later report writes its own, and an older report's copies
    keep saying what that crawl saw."""
    parts = urlsplit(url)
    slug = re.sub(r"[^a-z0-9]+", "-", f"{parts.path}-{parts.query}".lower()).strip("-")[:60].strip("-")
    safe_hash = re.sub(r"[^0-9a-f]", "", body_hash.lower())[:12]
    return f"{slug or 'inicio'}-{text_hash(url)[:6]}-{safe_hash}-r{int(crawl_id)}.html"


def _changed_at(store: Store, page_id: int, crawl_id: int, body_hash: str, fetched_at: str) -> str:
    """When the page first showed this body, in the run of versions that ends at ``crawl_id``."""
    since = fetched_at
    rows = store.db.execute(
        """select fetched_at, body_hash from snapshots
           where page_id = ? and crawl_id <= ? and body_hash is not null order by crawl_id desc""",
        [page_id, crawl_id],
    )
    for at, other in rows:
        if other != body_hash:
            break
        since = at
    return since


def stored_version(store: Store, crawl_id: int, url: str) -> dict[str, Any] | None:
    """The HTML version of ``url`` stored by crawl ``crawl_id`` (redirects followed within the
    crawl), or None when the crawl stored no readable HTML for it."""
    current = strip_fragment(url)
    for _ in range(MAX_REDIRECTS + 1):
        row = store.snapshot(crawl_id, current)
        if row is None:
            return None
        if row["kind"] == "redirect" and row["location"]:
            current = strip_fragment(urljoin(current, row["location"]))
            continue
        body_hash, fetched_at = row["body_hash"], row["fetched_at"]
        ok = 200 <= (row["status"] or 0) < 300 or bool(row["not_modified"])
        if row["kind"] != "page" or not ok or not body_hash or "html" not in (row["content_type"] or "").lower():
            return None
        return {
            "url": current,
            "fetched_at": fetched_at,
            "content_changed_at": _changed_at(store, row["page_id"], crawl_id, body_hash, fetched_at),
            "content_hash": body_hash,
            "crawl_id": crawl_id,
            "copy": f"{COPY_DIR}/{copy_name(current, body_hash, crawl_id)}",
        }
    return None


def add_evidence_copies(store: Store, crawl: Crawl, records: Iterable[dict[str, Any]]) -> None:
    """Give every checklist record its ``evidence_copies``, in evidence order, one per evidence
    URL whose page the crawl stored (external sites and documents have none)."""
    seen: dict[str, dict[str, Any] | None] = {}
    for record in records:
        copies = []
        for url in record.get("evidence") or ():
            if url not in seen:
                seen[url] = stored_version(store, crawl.id, url)
            version = seen[url]
            if version is not None and all(c["copy"] != version["copy"] for c in copies):
                copies.append(dict(version))
        record["evidence_copies"] = copies
