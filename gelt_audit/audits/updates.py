"""Each dependencia's update frequency in a calendar month (America/Bogota) against the plan."""

from __future__ import annotations

import calendar
import json
from collections import defaultdict
from datetime import date
from typing import Any

from gelt_audit.audits.changes import compare
from gelt_audit.audits.context import AuditContext
from gelt_audit.audits.findings import Findings
from gelt_audit.audits.pages import dependencia_name
from gelt_audit.clock import local_date
from gelt_audit.config import Dependencia
from gelt_audit.store import Crawl, Store

SIGNAL_CRAWL = "rastreo"  # a change the tool saw between two crawls
SIGNAL_DECLARED = "fecha publicada"  # a date the page declares (meta tags, text, sitemap lastmod)


def month_crawls(store: Store, crawl: Crawl) -> list[tuple[Crawl, Crawl]]:
    """(previous, current) pairs of finished crawls whose current falls in ``crawl``'s month."""
    month = local_date(crawl.started_at).replace(day=1)
    crawls = sorted((c for c in store.finished_crawls(crawl.site_url) if c.id <= crawl.id), key=lambda c: c.id)
    return [(prev, cur) for prev, cur in zip(crawls, crawls[1:], strict=False) if local_date(cur.started_at) >= month]


def crawl_update_days(store: Store, crawl: Crawl, dependencias: list[Dependencia]) -> dict[str | None, set[date]]:
    """Per dependencia, the days this month on which a crawl found a page added or modified."""
    days: dict[str | None, set[date]] = defaultdict(set)
    for prev, cur in month_crawls(store, crawl):
        day = local_date(cur.started_at)
        for change in compare(store, cur, prev, dependencias, diffs=False).changes:
            if change["kind"] in ("added", "modified"):
                days[change["dependencia"]].add(day)
    return days


def declared_dates(store: Store, crawl: Crawl, dependencias: list[Dependencia]) -> dict[str | None, set[date]]:
    """Per dependencia, every date its pages declare about themselves (up to the crawl's day)."""
    today = local_date(crawl.started_at)
    rows = store.db.execute(
        """select p.url, b.dates, s.sitemap_lastmod
           from snapshots s join pages p on p.id = s.page_id left join bodies b on b.hash = s.body_hash
           where s.crawl_id = ? and s.kind = 'page' and s.status between 200 and 299""",
        [crawl.id],
    )
    found: dict[str | None, set[date]] = defaultdict(set)
    for url, dates, lastmod in rows:
        values = json.loads(dates) if dates else []
        if lastmod:
            values.append(lastmod[:10])
        for value in values:
            try:
                day = date.fromisoformat(value)
            except ValueError:
                continue
            if day <= today:
                found[dependencia_name(url, dependencias)].add(day)
    return found


def frequency(
    store: Store,
    crawl: Crawl,
    dependencias: list[Dependencia],
    pages: list[dict[str, Any]],
    target: int,
) -> list[dict[str, Any]]:
    """The plan's indicator per dependencia: distinct update days this month vs the target."""
    today = local_date(crawl.started_at)
    month_start = today.replace(day=1)
    days_left = calendar.monthrange(today.year, today.month)[1] - today.day
    seen = crawl_update_days(store, crawl, dependencias)
    declared = declared_dates(store, crawl, dependencias)
    page_count: dict[str | None, int] = defaultdict(int)
    last_changed: dict[str | None, str] = {}
    for page in pages:
        if page["kind"] == "page" and 200 <= (page["status"] or 0) < 300:
            page_count[page["dependencia"]] += 1
        changed = page.get("last_changed")
        if changed and changed > last_changed.get(page["dependencia"], ""):
            last_changed[page["dependencia"]] = changed
    out = []
    for dep in dependencias:
        by_signal = {
            SIGNAL_CRAWL: {d for d in seen.get(dep.name, set()) if d >= month_start},
            SIGNAL_DECLARED: {d for d in declared.get(dep.name, set()) if d >= month_start},
        }
        days = sorted(by_signal[SIGNAL_CRAWL] | by_signal[SIGNAL_DECLARED])
        candidates = [local_date(last_changed[dep.name])] if dep.name in last_changed else []
        candidates += [max(declared[dep.name])] if declared.get(dep.name) else []
        last = max(candidates) if candidates else None
        updates = len(days)
        out.append(
            {
                "name": dep.name,
                "responsable": dep.responsable,
                "email": dep.email,
                "pages": page_count.get(dep.name, 0),
                "updates_this_month": updates,
                "target": target,
                "last_update": last.isoformat() if last else None,
                "days_since_update": (today - last).days if last else None,
                "meets_target": updates >= target,
                "can_still_meet": updates >= target or updates + days_left + 1 >= target,
                "month": month_start.strftime("%Y-%m"),
                "update_days": [
                    {
                        "date": d.isoformat(),
                        "signals": [s for s in (SIGNAL_CRAWL, SIGNAL_DECLARED) if d in by_signal[s]],
                    }
                    for d in days
                ],
                "updates_by_signal": {s: len(v) for s, v in by_signal.items()},
            }
        )
    return out


def find(ctx: AuditContext) -> Findings:
    """dependencias: each one's update days this month against the plan's target (reads ``pages``)."""
    pages = ctx.findings["pages"]
    target = ctx.config.targets["updates_per_month"]
    return {"dependencias": frequency(ctx.store, ctx.crawl, ctx.config.dependencias, pages, target)}
