"""Figures a finished crawl's audit keeps for the next crawl's (``body_audits``, key ``crawl:ID``).

A finished crawl never changes: what an audit counted over all its pages (each document's first
link, the dates each dependencia's pages declare) is kept, and the next crawl's is that one
updated with the pages that changed, instead of counted again from every page. Once the next
crawl's figures are kept, the previous crawl's are dropped (``replaces``): a site keeps one
crawl's worth; auditing an older crawl again counts it from every page.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Callable, Iterable
from typing import Any

from gelt_audit.audits.source_hash import code_version
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


JUDGEMENTS = "crawl-judgements"  # body_audits.audit prefix of a crawl's per-body judgements, kept whole
JUDGEMENTS_VERSION = 1


def crawl_judgements(
    store: Store, crawl_id: int, names: Iterable[str], version: int | str
) -> dict[tuple[str, str], str]:
    """``store.crawl_results(crawl_id, names, version)``, following the change.

    The map of a finished crawl's judgements is kept (the latest crawl's only, ``keep_for_latest``);
    the next crawl's is that one without the bodies gone, plus the judgements of the bodies the
    previous crawl did not have, read from the store: a weekly crawl asks for its few changed
    and new bodies, not for the ~10,000 judgements of every body. A body's judgement at a version
    never changes, so carried entries are the ones the store holds; a judgement kept after the
    previous crawl's map was made (a body judged later) is missing from the map, and whoever reads
    the map computes (reads) a missing one as before (``BodyJudge.of_crawl``).
    """
    names = list(dict.fromkeys(names))
    crawl = store.crawl(crawl_id)
    if crawl.status != "finished":
        return store.crawl_results(crawl_id, names, version)
    audit = f"{JUDGEMENTS}:{','.join(names)}"
    # the code's hash too: a kept map never outlives the code that made it
    stamp = f"{JUDGEMENTS_VERSION}:{version}:{code_version()}"
    own = _kept_judgements(store, crawl.id, audit, stamp)
    if own is not None:
        return own
    previous = store.previous_crawl(crawl)
    before = _kept_judgements(store, previous.id, audit, stamp) if previous is not None else None
    if previous is None or before is None:
        found = store.crawl_results(crawl_id, names, version)
    else:
        now = store.crawl_bodies(crawl.id)
        found = {key: result for key, result in before.items() if key[0] in now}
        found.update(store.body_results(now - store.crawl_bodies(previous.id), names, version))
    rows = [[body, name, result] for (body, name), result in found.items()]
    keep_for_latest(store, crawl, audit, zlib.compress(json.dumps({"stamp": stamp, "rows": rows}).encode(), 1))
    return found


def _kept_judgements(store: Store, crawl_id: int, audit: str, stamp: str) -> dict[tuple[str, str], str] | None:
    data = store.kept_blob(crawl_key(crawl_id), audit)
    if data is None:
        return None
    try:
        kept = json.loads(zlib.decompress(data))
    except (zlib.error, ValueError):
        return None  # a map that cannot be read is read from the store again, never trusted
    if not isinstance(kept, dict) or kept.get("stamp") != stamp:
        return None
    shared: dict[str, str] = {}  # one object per short result, as store.crawl_results gives
    return {
        (body, name): shared.setdefault(result, result) if isinstance(result, str) and len(result) <= 16 else result
        for body, name, result in kept["rows"]
    }


def _forget(store: Store, crawl_id: int, audit: str) -> None:
    try:
        with store.db.conn:
            store.db.execute("delete from body_audits where body_hash = ? and audit = ?", [crawl_key(crawl_id), audit])
    except sqlite3.OperationalError:
        pass  # a read-only store still audits; it just does not keep the cache
