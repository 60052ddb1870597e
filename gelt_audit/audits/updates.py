"""Each dependencia's update frequency in a calendar month (America/Bogota) against the plan.

What counts is «días con publicación»: distinct days on which something of the dependencia was
published. A change the crawler saw is attributed to the date the page declares for itself (its
newest declared date on or before the day it was seen) when it declares one, and to the day it
was seen otherwise: a page published on 23 November and first seen on 4 December counts on 23
November, not as a December publication.

A sitemap's ``lastmod`` is no date the page declares: a content manager moves it when it saves a page
again, text unchanged. It dates a change only when the crawl saw the page's main text change (added,
or modified since a previous crawl made on or before that date); otherwise it is reported apart
(``last_sitemap_date``) and counts as no day with publication (the GEL-T plan's «actualizada» is a
change of content). A meta date naming the page's last modification (``article:modified_time``,
``og:updated_time``, ``dateModified``…: dates.MODIFIED_META) is the same: the content manager moves it on
every save, so it only dates a change the crawl saw, as the lastmod does (H293). See docs/REPORTS.md,
«Cómo se cuentan los días con publicación».
"""

from __future__ import annotations

import calendar
import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from typing import Any

from gelt_audit.audits.changes import compare
from gelt_audit.audits.context import AuditContext
from gelt_audit.audits.findings import Findings
from gelt_audit.audits.kept import kept, kept_result
from gelt_audit.audits.pages import dependencia_name
from gelt_audit.clock import local_date
from gelt_audit.config import Dependencia, NoiseRule
from gelt_audit.dates import split_stored
from gelt_audit.store import Crawl, Store

SIGNAL_CRAWL = "rastreo"  # a change the tool saw between two crawls
SIGNAL_DECLARED = "fecha publicada"  # a date the page declares (meta tags, text): not the sitemap's lastmod
FIRST_WEEK = 7  # in a month's first days the report also shows last month's result
# Versions of what a finished crawl's update figures keep in the store (see audits.kept)
# 3: a modification meta date (article:modified_time…) dates a change as the sitemap lastmod does (H293);
# 2: a sitemap lastmod dates a modified page only from the previous crawl's day on (H291)
DETECTIONS_VERSION = 3
# 3: a modification meta date is no date the page declares (H293);
# 2: rows [dependencia, date, pages declaring it, pages whose sitemap alone gives it] (H291)
DECLARED_VERSION = 3


def month_crawls(store: Store, crawl: Crawl, start: date | None = None) -> list[tuple[Crawl, Crawl]]:
    """(previous, current) pairs of finished crawls up to ``crawl`` whose current falls on or after
    ``start`` (by default the first day of ``crawl``'s month)."""
    start = start or local_date(crawl.started_at).replace(day=1)
    crawls = sorted((c for c in store.finished_crawls(crawl.site_url) if c.id <= crawl.id), key=lambda c: c.id)
    return [(prev, cur) for prev, cur in zip(crawls, crawls[1:], strict=False) if local_date(cur.started_at) >= start]


def page_declared_dates(
    store: Store, crawl: Crawl, urls: list[str] | None = None
) -> dict[str, tuple[set[date], set[date]]]:
    """Per page URL of ``crawl`` (of ``urls`` only, when given): the dates the page declares about
    itself, and the dates that only say when it was last saved (its sitemap ``lastmod`` and its
    modification meta dates), each up to the crawl's day."""
    today = local_date(crawl.started_at)
    only = "" if urls is None else "and p.url in (select value from json_each(?))"
    rows = store.db.execute(
        f"""select p.url, b.dates, s.sitemap_lastmod
           from snapshots s join pages p on p.id = s.page_id left join bodies b on b.hash = s.body_hash
           where s.crawl_id = ? and s.kind = 'page' and s.status between 200 and 299 {only}""",
        [crawl.id] if urls is None else [crawl.id, json.dumps(urls)],
    )
    found: dict[str, tuple[set[date], set[date]]] = {}
    for url, dates, lastmod in rows:
        declared, modified = split_stored(json.loads(dates) if dates else [])
        own = {day for day in map(_day, declared) if day and day <= today}
        saved = {day for day in map(_day, [*modified, lastmod[:10] if lastmod else ""]) if day and day <= today}
        found[url] = (own, saved)
    return found


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _fingerprint(dependencias: list[Dependencia]) -> str:
    """What a crawl's cached update figures depend on in the config: each dependencia's prefixes."""
    blob = json.dumps([[d.name, list(d.match)] for d in dependencias], ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


def detections(
    store: Store,
    crawl: Crawl,
    dependencias: list[Dependencia],
    start: date | None = None,
    noise: Sequence[NoiseRule] = (),
) -> list[tuple[str | None, date, date]]:
    """(dependencia, day seen, day attributed) of every page added or modified by a crawl from
    ``start`` on: attributed to the page's newest declared date on or before the day it was seen
    (``noise``: the site's noise rules, see :func:`compare`)."""
    out = []
    fp = _fingerprint(dependencias)
    if noise:
        fp += ":" + hashlib.sha1(repr(list(noise)).encode()).hexdigest()[:12]
    for prev, cur in month_crawls(store, crawl, start):
        # Two finished crawls never change: their detections are kept in the store, keyed by both.
        version = f"{DETECTIONS_VERSION}:{fp}:{prev.id}:{prev.started_at}:{cur.started_at}"
        rows = kept(
            store, cur, "updates-detections", version, lambda p=prev, c=cur: _detected(store, p, c, dependencias, noise)
        )
        out += [(dep, date.fromisoformat(seen), date.fromisoformat(attributed)) for dep, seen, attributed in rows]
    return out


def _detected(
    store: Store, prev: Crawl, cur: Crawl, dependencias: list[Dependencia], noise: Sequence[NoiseRule] = ()
) -> list[list[str | None]]:
    """[dependencia, day seen, day attributed] of each page added or modified between two crawls.
    The page's sitemap lastmod, or a modification meta date, dates the change only when it falls where
    the change can have been made: on or before the day seen, and for a modified page on or after the
    previous crawl's day (an older one dates an earlier version, not this change)."""
    seen = local_date(cur.started_at)
    since = local_date(prev.started_at)
    found = compare(store, cur, prev, dependencias, diffs=False, noise=noise).changes
    found = [c for c in found if c["kind"] in ("added", "modified")]
    declared = page_declared_dates(store, cur, [c["url"] for c in found]) if found else {}
    out = []
    for change in found:
        own, saved = declared.get(change["url"], (set(), set()))
        dates = own | {day for day in saved if change["kind"] == "added" or day >= since}
        out.append([change["dependencia"], seen.isoformat(), (max(dates) if dates else seen).isoformat()])
    return out


def declared_dates(store: Store, crawl: Crawl, dependencias: list[Dependencia]) -> dict[str | None, set[date]]:
    """Per dependencia, every date its pages declare about themselves (up to the crawl's day)."""
    return _dates_by_dependencia(store, crawl, dependencias, 2)


def sitemap_dates(store: Store, crawl: Crawl, dependencias: list[Dependencia]) -> dict[str | None, set[date]]:
    """Per dependencia, the sitemap lastmod dates (up to the crawl's day) of pages that do not declare
    that date themselves: what the sitemap alone says, no day with publication."""
    return _dates_by_dependencia(store, crawl, dependencias, 3)


def _dates_by_dependencia(
    store: Store, crawl: Crawl, dependencias: list[Dependencia], column: int
) -> dict[str | None, set[date]]:
    today = local_date(crawl.started_at)
    found: dict[str | None, set[date]] = defaultdict(set)
    for row in declared_counts(store, crawl, dependencias):
        when = date.fromisoformat(row[1])
        if row[column] > 0 and when <= today:
            found[row[0]].add(when)
    return found


def declared_counts(store: Store, crawl: Crawl, dependencias: list[Dependencia]) -> list[list[Any]]:
    """[dependencia, date, pages declaring it, pages whose sitemap lastmod alone gives it] of a
    finished crawl, whatever the date: the previous crawl's counts (kept in the store) updated with
    the pages whose snapshot differs, or, without them, counted from every page."""
    fp = _fingerprint(dependencias)

    def version(of: Crawl) -> str:
        return f"{DECLARED_VERSION}:{fp}:{of.started_at}"

    previous = store.previous_crawl(crawl)

    def compute() -> list[list[Any]]:
        before = kept_result(store, previous, "updates-declared", version(previous)) if previous else None
        counts: Counter[tuple[str | None, str, int]] = Counter()
        if before is None:
            rows = _page_rows(store, crawl.id)
        else:
            for dep, day, pages, sitemap in before:
                counts.update({(dep, day, 0): pages, (dep, day, 1): sitemap})
            rows = _changed_page_rows(store, previous.id, crawl.id)  # type: ignore[union-attr]
        for url, old, new in rows:
            dep = dependencia_name(url, dependencias)
            counts.subtract((dep, day, source) for day, source in _own_dates(*old))
            counts.update((dep, day, source) for day, source in _own_dates(*new))
        table: dict[tuple[str | None, str], list[int]] = defaultdict(lambda: [0, 0])
        for (dep, day, source), pages in counts.items():
            table[dep, day][source] += pages
        return [[dep, day, *pages] for (dep, day), pages in sorted(table.items(), key=_count_key) if any(pages)]

    return kept(store, crawl, "updates-declared", version(crawl), compute, replaces=previous)


def _count_key(item: tuple[tuple[str | None, str], Any]) -> tuple[str, str]:
    (dep, day), _ = item
    return (dep or "", day)


_NONE: tuple[Any, ...] = (None, None, None, None)


def _own_dates(kind: str | None, status: int | None, dates: str | None, lastmod: str | None) -> set[tuple[str, int]]:
    """The valid dates (ISO) a page's snapshot gives, when it is a page fetched fine, each with its
    source: 0 the page declares it, 1 only its sitemap lastmod does."""
    if kind != "page" or status is None or not 200 <= status <= 299:
        return set()
    declared, _ = split_stored(json.loads(dates) if dates else [])  # a modification date declares nothing
    own = {day.isoformat() for day in map(_day, declared) if day}
    sitemap = _day(lastmod[:10]) if lastmod else None
    out = {(day, 0) for day in own}
    if sitemap and sitemap.isoformat() not in own:
        out.add((sitemap.isoformat(), 1))
    return out


_PAGE = "{s}.kind, {s}.status, {b}.dates, {s}.sitemap_lastmod"


def _page_rows(store: Store, crawl_id: int) -> Iterator[tuple[str, tuple[Any, ...], tuple[Any, ...]]]:
    rows = store.db.execute(
        f"""select p.url, {_PAGE.format(s="s", b="b")} from snapshots s join pages p on p.id = s.page_id
            left join bodies b on b.hash = s.body_hash where s.crawl_id = ?""",
        [crawl_id],
    )
    return ((row[0], _NONE, tuple(row[1:])) for row in rows)


def _changed_page_rows(store: Store, before: int, now: int) -> Iterator[tuple[str, tuple[Any, ...], tuple[Any, ...]]]:
    """(url, old, new) of the pages whose kind, status, body or sitemap date differ between two
    crawls (a missing side is all None)."""
    old, new = _PAGE.format(s="o", b="ob"), _PAGE.format(s="n", b="nb")
    rows = store.db.execute(
        f"""select p.url, {old}, {new} from snapshots n join pages p on p.id = n.page_id
              left join snapshots o on o.crawl_id = ? and o.page_id = n.page_id
              left join bodies ob on ob.hash = o.body_hash left join bodies nb on nb.hash = n.body_hash
            where n.crawl_id = ? and (o.id is null or o.kind is not n.kind or o.status is not n.status
                  or o.body_hash is not n.body_hash or o.sitemap_lastmod is not n.sitemap_lastmod)
            union all
            select p.url, {old}, null, null, null, null from snapshots o join pages p on p.id = o.page_id
              left join bodies ob on ob.hash = o.body_hash
            where o.crawl_id = ? and not exists
              (select 1 from snapshots n where n.crawl_id = ? and n.page_id = o.page_id)""",
        [before, now, before, now],
    )
    return ((row[0], tuple(row[1:5]), tuple(row[5:])) for row in rows)


def _last_month(
    store: Store,
    crawl: Crawl,
    dependencias: list[Dependencia],
    declared: dict[str | None, set[date]],
    target: int,
    noise: Sequence[NoiseRule] = (),
) -> dict[str, dict[str, Any]]:
    """Each dependencia's result for the previous month (the number the plan is judged on)."""
    first = local_date(crawl.started_at).replace(day=1)
    start = (first - timedelta(days=1)).replace(day=1)
    days: dict[str | None, set[date]] = defaultdict(set)
    for dep, _, attributed in detections(store, crawl, dependencias, start, noise):
        days[dep].add(attributed)
    out = {}
    for dep in dependencias:
        count = len({d for d in days.get(dep.name, set()) | declared.get(dep.name, set()) if start <= d < first})
        out[dep.name] = {"month": start.strftime("%Y-%m"), "days": count, "target": target, "met": count >= target}
    return out


def pace(target: int, today: date) -> int:
    """Days with publication the plan expects by ``today``: ceil(target × day / days in month)."""
    days = calendar.monthrange(today.year, today.month)[1]
    return -(-target * today.day // days)


def frequency(
    store: Store,
    crawl: Crawl,
    dependencias: list[Dependencia],
    pages: list[dict[str, Any]],
    target: int,
    noise: Sequence[NoiseRule] = (),
) -> list[dict[str, Any]]:
    """The plan's indicator per dependencia: distinct days with publication this month vs the target."""
    today = local_date(crawl.started_at)
    month_start = today.replace(day=1)
    days_left = calendar.monthrange(today.year, today.month)[1] - today.day
    found = detections(store, crawl, dependencias, noise=noise)
    declared = declared_dates(store, crawl, dependencias)
    sitemap_only = sitemap_dates(store, crawl, dependencias)
    last_month = _last_month(store, crawl, dependencias, declared, target, noise) if today.day <= FIRST_WEEK else {}
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
        mine = [(seen, attributed) for name, seen, attributed in found if name == dep.name]
        by_signal = {
            SIGNAL_CRAWL: {seen for seen, _ in mine if seen >= month_start},
            SIGNAL_DECLARED: {d for d in declared.get(dep.name, set()) if d >= month_start},
        }
        attributed = {a for _, a in mine if a >= month_start}
        days = sorted(attributed | by_signal[SIGNAL_DECLARED])
        detected = local_date(last_changed[dep.name]) if dep.name in last_changed else None
        published = max(declared[dep.name]) if declared.get(dep.name) else None
        candidates = [d for d in (detected, published) if d]
        last = max(candidates) if candidates else None
        updates = len(days)
        # A lastmod only the sitemap gives, newer than anything counted or seen: no page shows it and no
        # crawl saw a page of the dependencia change since (a reader would take it for a publication).
        uncounted = {
            d
            for d in sitemap_only.get(dep.name, set()) - {a for _, a in mine} - declared.get(dep.name, set())
            if last is None or d > last
        }
        record = {
            "name": dep.name,
            "responsable": dep.responsable,
            "email": dep.email,
            "pages": page_count.get(dep.name, 0),
            "updates_this_month": updates,
            "target": target,
            "last_update": last.isoformat() if last else None,
            "last_published": published.isoformat() if published else None,
            "last_detected": detected.isoformat() if detected else None,
            "last_sitemap_date": max(uncounted).isoformat() if uncounted else None,
            "days_since_update": (today - last).days if last else None,
            "meets_target": updates >= target,
            "can_still_meet": updates >= target or updates + days_left + 1 >= target,
            "month": month_start.strftime("%Y-%m"),
            "pace": pace(target, today),
            "update_days": [{"date": d.isoformat(), "signals": _signals(d, by_signal, attributed)} for d in days],
            "updates_by_signal": {s: len(v) for s, v in by_signal.items()},
        }
        if dep.name in last_month:
            record["last_month"] = last_month[dep.name]
        out.append(record)
    return out


def _signals(d: date, by_signal: dict[str, set[date]], attributed: set[date]) -> list[str]:
    crawl = d in by_signal[SIGNAL_CRAWL] or d in attributed
    return [s for s, hit in ((SIGNAL_CRAWL, crawl), (SIGNAL_DECLARED, d in by_signal[SIGNAL_DECLARED])) if hit]


def find(ctx: AuditContext) -> Findings:
    """dependencias: each one's days with publication this month against the plan's target (reads ``pages``)."""
    pages = ctx.findings["pages"]
    target = ctx.config.targets["updates_per_month"]
    return {"dependencias": frequency(ctx.store, ctx.crawl, ctx.config.dependencias, pages, target, ctx.config.noise)}
