"""Compact summaries of past crawls: what "since last week" and the committee's trend compare with.

Running every audit again on an old crawl is deterministic but slow on a large site, so each
crawl's summary (a few kilobytes of JSON) is cached in the store's ``crawl_summaries`` table
(created by the store's migrations). A summary is only reused when it was computed with the same settings (dependencias, targets,
checklist, link and noise rules) and the same summary format: change one and it is recomputed.
"""

from __future__ import annotations

import json
import logging
from datetime import date, timedelta
from typing import Any

from gelt_audit.audits.linktable import links_where
from gelt_audit.audits.pages import count_page_errors, count_pages_ok
from gelt_audit.audits.run import audit, settings_fingerprint
from gelt_audit.config import Config
from gelt_audit.reports.fmt import local_date
from gelt_audit.store import Crawl, Store

log = logging.getLogger("gelt_audit.reports")

TABLE = "crawl_summaries"
SUMMARY_VERSION = (
    3  # bump when summarize() changes what it stores (3: page_errors leaves out the pages whose name did not resolve)
)
MAX_TREND_POINTS = 60


def fingerprint(config: Config) -> str:
    """A short hash of every setting that changes what the audits find."""
    return settings_fingerprint(config, SUMMARY_VERSION)


def broken_urls(findings: dict[str, Any]) -> list[str]:
    """Broken links nobody marked as a false alarm: what people are asked to fix."""
    return sorted(
        {link["url"] for link in links_where(findings.get("links"), "state", "broken") if not link.get("acknowledged")}
    )


def overall_score(entry: Any) -> float | None:
    """The 0–100 score of one profile in ``checklist_scores``, whatever the exact shape."""
    if isinstance(entry, int | float) and not isinstance(entry, bool):
        return float(entry)
    if isinstance(entry, dict):
        value = entry.get("overall")
        return float(value) if isinstance(value, int | float) else None
    return None


def summarize(findings: dict[str, Any], fp: str = "") -> dict[str, Any]:
    """The figures of one crawl the reports compare over time (JSON-serialisable)."""
    crawl = findings.get("crawl") or {}
    pages = findings.get("pages") or []
    deps = findings.get("dependencias") or []
    broken = broken_urls(findings)
    checklist = findings.get("checklist")
    scores = findings.get("checklist_scores")
    return {
        "v": SUMMARY_VERSION,
        "fp": fp,
        "crawl_id": crawl.get("id"),
        "started_at": crawl.get("started_at"),
        "date": (local_date(crawl.get("started_at")) or date.min).isoformat(),
        "pages": len(pages),
        # the pages of the site as the reports count them (2xx pages: no redirects nor errors); additive
        "pages_ok": count_pages_ok(pages),
        "page_errors": count_page_errors(pages),
        "unassigned": len(findings.get("unassigned") or []),
        "changes": len(findings.get("changes") or []),
        "broken": broken,
        "broken_count": len(broken),
        "deps": {
            d["name"]: {
                "updates": d.get("updates_this_month"),
                "target": d.get("target"),
                "month": d.get("month"),
                "meets": bool(d.get("meets_target")),
            }
            for d in deps
        },
        "deps_meeting": sum(1 for d in deps if d.get("meets_target")),
        "deps_total": len(deps),
        "items": (
            {f"{c.get('profile')}|{c.get('item')}": c.get("status") for c in checklist}
            if isinstance(checklist, list) and checklist
            else None
        ),
        "scores": (
            {profile: overall_score(entry) for profile, entry in scores.items()}
            if isinstance(scores, dict) and scores
            else None
        ),
        # Res. 1519 annexes 1 and 3: their counts, for "new this week" and the committee's trend
        "a11y_total": len(findings.get("accessibility") or []),
        "a11y_by_dep": _count(findings.get("accessibility") or [], "dependencia"),
        "security_total": len(findings.get("security") or []),
        "security_by_severity": _count(findings.get("security") or [], "severity"),
    }


def _count(rows: list[dict[str, Any]], key: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for row in rows:
        name = row.get(key) or "sin asignar"
        counts[name] = counts.get(name, 0) + 1
    return counts


def cached(store: Store, crawl_id: int, fp: str) -> dict[str, Any] | None:
    """The stored summary of a crawl, if it was computed with the same settings."""
    row = store.db.execute(f"select json from {TABLE} where crawl_id = ?", [crawl_id]).fetchone()
    if not row:
        return None
    try:
        data = json.loads(row[0])
    except ValueError:
        return None
    return data if data.get("v") == SUMMARY_VERSION and data.get("fp") == fp else None


def save(store: Store, summary: dict[str, Any]) -> None:
    """Cache a summary; a read-only or busy store only costs the cache, never the report."""
    try:
        with store.db.conn:
            store.db[TABLE].upsert(
                {"crawl_id": summary["crawl_id"], "json": json.dumps(summary, ensure_ascii=False)}, pk="crawl_id"
            )
    except Exception as exc:  # sqlite3.OperationalError (locked, read-only), ...
        log.warning("No se pudo guardar el resumen del rastreo %s: %s", summary.get("crawl_id"), exc)


def summary_for(store: Store, config: Config, crawl: Crawl, fp: str) -> dict[str, Any]:
    """The summary of ``crawl``: from the cache, or by running the audits on it once."""
    found = cached(store, crawl.id, fp)
    if found is not None:
        return found
    log.info("Calculando el resumen del rastreo %s (se guarda para los próximos informes)", crawl.id)
    summary = summarize(audit(store, config, crawl, browser=False), fp)
    save(store, summary)
    return summary


def cached_ids(store: Store, fp: str) -> set[int]:
    """Crawls whose summary is already cached with these settings."""
    out = set()
    for crawl_id, blob in store.db.execute(f"select crawl_id, json from {TABLE}"):
        try:
            data = json.loads(blob)
        except ValueError:
            continue
        if data.get("v") == SUMMARY_VERSION and data.get("fp") == fp:
            out.add(crawl_id)
    return out


# -- which crawls to compare with ------------------------------------------------------------
def crawl_date(crawl: Crawl) -> date:
    return local_date(crawl.started_at) or date.min


def week_baseline(crawls: list[Crawl], latest: Crawl, since: date | None = None) -> Crawl | None:
    """The crawl "last week" means: the newest one at least 7 days (Bogotá) before ``latest``
    (or on/before ``since``); with a shorter history, the oldest earlier crawl."""
    older = [c for c in crawls if c.id < latest.id]
    if not older:
        return None
    limit = since or (crawl_date(latest) - timedelta(days=7))
    candidates = [c for c in older if crawl_date(c) <= limit]
    if candidates:
        return max(candidates, key=lambda c: c.id)
    return min(older, key=lambda c: c.id)


def since_baseline(crawls: list[Crawl], latest: Crawl, since: date | None) -> Crawl | None:
    """The crawl a committee report compares with: the newest on or before ``since``
    (the oldest one when ``since`` predates them all, or is not given)."""
    older = [c for c in crawls if c.id < latest.id]
    if not older:
        return None
    if since is not None:
        candidates = [c for c in older if crawl_date(c) <= since]
        if candidates:
            return max(candidates, key=lambda c: c.id)
    return min(older, key=lambda c: c.id)


def trend_crawls(
    crawls: list[Crawl], start: Crawl | None, latest: Crawl, cached: set[int], max_points: int = MAX_TREND_POINTS
) -> list[Crawl]:
    """One crawl per week (Bogotá) from ``start`` to ``latest``, oldest first.

    Within a week, a crawl whose summary is already cached is preferred, so a committee report
    mostly reuses the summaries the weekly reports left behind instead of re-auditing.
    """
    first_id = start.id if start else latest.id
    span = sorted((c for c in crawls if first_id <= c.id <= latest.id), key=lambda c: c.id)
    weeks: dict[tuple[int, int], list[Crawl]] = {}
    for c in span:
        iso = crawl_date(c).isocalendar()
        weeks.setdefault((iso[0], iso[1]), []).append(c)
    chosen = []
    for members in weeks.values():
        warm = [c for c in members if c.id in cached]
        chosen.append((warm or members)[-1])
    ids = {c.id for c in chosen}
    for must in (start, latest):
        if must is not None and must.id not in ids:
            chosen.append(must)
            ids.add(must.id)
    chosen.sort(key=lambda c: c.id)
    if len(chosen) > max_points:
        # Keep the ends, thin the middle evenly: a chart of 60 points is already dense.
        step = (len(chosen) - 1) / (max_points - 1)
        chosen = [chosen[round(i * step)] for i in range(max_points)]
    return chosen
