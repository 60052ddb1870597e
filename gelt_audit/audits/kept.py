"""Figures a finished crawl's audit keeps for the next crawl's (``body_audits``, key ``crawl:ID``).

A finished crawl never changes: what an audit counted over all its pages (each document's first
link, the dates each dependencia's pages declare) is kept, and the next crawl's is that one
updated with the pages that changed, instead of counted again from every page. Once the next
crawl's figures are kept, the previous crawl's are dropped (``replaces``): a site keeps one
crawl's worth; auditing an older crawl again counts it from every page.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from gelt_audit.store import Crawl, Store

_MISSING = object()


def crawl_key(crawl_id: int) -> str:
    return f"crawl:{crawl_id}"


def kept_result(store: Store, crawl: Crawl, audit: str, version: str) -> Any:
    """What ``audit`` kept for ``crawl`` at ``version``, or None."""
    return store.cached_result(crawl_key(crawl.id), audit, version)


def kept(
    store: Store, crawl: Crawl, audit: str, version: str, compute: Callable[[], Any], replaces: Crawl | None = None
) -> Any:
    """``compute()``, kept in the store when ``crawl`` is finished; then what ``replaces`` kept for
    ``audit`` is dropped."""
    if crawl.status != "finished":
        return compute()
    found = store.cached_result(crawl_key(crawl.id), audit, version, default=_MISSING)
    if found is _MISSING:
        found = compute()
        store.keep_result(crawl_key(crawl.id), audit, version, found)
        store.flush_audits()  # the same audit may ask again (last month's figures)
        if replaces is not None:
            _forget(store, replaces.id, audit)
    return found


def keep_for_latest(store: Store, crawl: Crawl, audit: str, data: bytes) -> None:
    """Keep ``data`` for ``crawl`` when it is its site's latest finished crawl, dropping what
    ``audit`` kept for the site's other crawls (a site keeps one crawl's worth of it)."""
    latest = store.latest_crawl(crawl.site_url)
    if crawl.status != "finished" or latest is None or latest.id != crawl.id:
        return
    others = [crawl_key(c.id) for c in store.finished_crawls(crawl.site_url) if c.id != crawl.id]
    store.keep_blobs(audit, {crawl_key(crawl.id): data}, drop=others)


def _forget(store: Store, crawl_id: int, audit: str) -> None:
    try:
        with store.db.conn:
            store.db.execute("delete from body_audits where body_hash = ? and audit = ?", [crawl_key(crawl_id), audit])
    except sqlite3.OperationalError:
        pass  # a read-only store still audits; it just does not keep the cache
