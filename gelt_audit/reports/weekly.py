"""The weekly report for the responsable visible: a to-do list per responsable, the week's
changes and broken links per dependencia, the checklist's moves and the crawl's health."""

from __future__ import annotations

import calendar
from collections import defaultdict
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

from gelt_audit.audits.linktable import links_where
from gelt_audit.audits.pages import (
    count_pages_ok,
    documents_among,
    is_page_error,
    is_unreached,
    site_answers,
    unreached_pages,
)
from gelt_audit.audits.updates import pace
from gelt_audit.linkstate import UNVERIFIED
from gelt_audit.reports.broken import broken_rows
from gelt_audit.reports.browser import browser_view
from gelt_audit.reports.charts import bar_chart
from gelt_audit.reports.fmt import local_date, plural, to_datetime
from gelt_audit.reports.labels import (
    UNREACHED_APART,
    pages_and_documents,
    security_label,
    security_plain,
    severity_label,
    unreached_said,
)
from gelt_audit.reports.placeholders import PLACEHOLDER_ROWS, placeholder_rows
from gelt_audit.reports.summary import broken_urls
from gelt_audit.reports.todo import links_task, severe_security, todo, urgent
from gelt_audit.reports.view import (
    KIND_LABELS,
    accessibility_view,
    checklist_changes,
    cut,
    diff_view,
    filled,
    findings_regressions,
    header,
    page_titles,
    score_rows,
)

# How much of each list the HTML shows; the CSV files always have everything.
TODO_EXAMPLES = 2
DEP_CHANGES = 8
DEP_BROKEN = 10
LINK_ROWS = 200
UNASSIGNED_ROWS = 25
ERROR_ROWS = 30
SLOWEST_ROWS = 10
UNASSIGNED_CHANGES = 10
SITE = "__sitio__"  # the to-do group of the responsable visible (pages no dependencia claims)


def month_end(d: date) -> date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def errors_split(errors: Any, page_errors: int, documents: list[dict[str, Any]]) -> list[tuple[int, str, str]]:
    """The crawl's failed responses as what they were: pages (the «Páginas con error» list),
    documents (the inventory's failing PDFs, DOCs…) and, when these do not add up, other responses;
    each (count, singular, plural). Empty when there is nothing to split (no errors, or only pages)."""
    if not isinstance(errors, int) or errors <= page_errors:
        return []
    docs = sum(1 for d in documents if isinstance(d, dict) and is_page_error(d))
    docs = min(docs, errors - page_errors)
    other = errors - page_errors - docs
    parts = [
        (page_errors, "página", "páginas"),
        (docs, "documento", "documentos"),
        (other, "otra respuesta", "otras respuestas"),
    ]
    return [part for part in parts if part[0]]


def _owner_key(dep: dict[str, Any]) -> str:
    # One card per person: a responsable with two dependencias gets one to-do list.
    return (dep.get("responsable") or "").strip() or f"dep:{dep['name']}"


def good_titles(findings: dict[str, Any]) -> dict[str, str | None]:
    """Page titles for people: a page that fails now or is gone keeps the title it last had
    when it worked, not «Error 500»."""
    last_good = findings.get("last_good_titles") or {}
    pages = [
        {**p, "title": last_good[p["url"]]} if p["url"] in last_good and (is_page_error(p) or is_unreached(p)) else p
        for p in findings.get("pages") or []
    ]
    known = {p["url"] for p in pages}
    pages += [{"url": url, "title": title} for url, title in last_good.items() if url not in known]
    return page_titles(pages)


def site_person(config: Any) -> dict[str, str]:
    """The responsable visible named in ``[site] responsable`` and ``email`` (may be empty)."""
    site = getattr(config, "site", None)
    return {"name": getattr(site, "responsable", "") or "", "email": getattr(site, "email", "") or ""}


def weekly(
    config: Any,
    findings: dict[str, Any],
    now: datetime,
    week: dict[str, Any],
    baseline: dict[str, Any] | None,
    baseline_crawl: dict[str, Any] | None,
    broken: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The weekly report for the responsable visible.

    ``week`` holds the changes since ``baseline_crawl`` (``changes``, ``template``, ``errors``);
    ``baseline`` is that crawl's summary (None on the first crawl). ``broken``:
    :func:`broken_rows` of the findings against that summary's broken links, when the caller has
    them (made once for the report and its CSV).
    """
    pages = findings.get("pages") or []
    titles = good_titles(findings)
    deps = findings.get("dependencias") or []
    previous_broken = set(baseline["broken"]) if baseline else None
    broken = broken if broken is not None else broken_rows(findings, previous_broken)
    today = local_date((findings.get("crawl") or {}).get("started_at")) or local_date(now)

    changes_by_dep = _changes_by_dep(week, titles)
    broken_by_dep: dict[str | None, list[dict[str, Any]]] = defaultdict(list)
    for row in broken["rows"]:
        broken_by_dep[row["owner_dep"]].append(row)
    dep_views = [_dependencia_view(n, dep, changes_by_dep, broken_by_dep, today) for n, dep in enumerate(deps, 1)]
    unassigned_changes, unassigned_changes_more = cut(changes_by_dep.get(None, []), UNASSIGNED_CHANGES)
    checklist = checklist_changes(findings.get("checklist"), (baseline or {}).get("items")) or findings_regressions(
        findings
    )
    security = [
        {
            **filled(x, ("url", "check", "severity", "detail")),
            "label": security_label(x.get("check")),
            "plain": security_plain(x.get("check")),
            "severity_label": severity_label(x.get("severity")),
        }
        for x in findings.get("security") or []
        if isinstance(x, dict)
    ]
    error_pages = [p for p in pages if is_page_error(p)]
    site_tasks = _site_tasks(findings, week, broken, broken_by_dep.get(None, []), checklist, security, error_pages)
    person = site_person(config)
    cards, up_to_date = todo(dep_views, broken_by_dep, site_tasks, person, today, month_end(today) if today else None)
    link_groups = _link_groups(broken["rows"], {d["name"]: d for d in deps})
    _cut_link_groups(link_groups)
    placeholders = placeholder_rows(findings)
    return {
        **header(config, findings, now, baseline_crawl),
        "kind": "weekly",
        "site_url": (findings.get("site") or {}).get("url") or config.site_url,
        "todo": cards,
        "up_to_date": up_to_date,
        "urgent": urgent(broken["rows"], broken["template"], checklist, security),
        "responsable_visible": person,
        "summary": _summary(findings, week, baseline, broken, checklist, error_pages),
        "dependencias": [d for d in dep_views if not _quiet(d)],
        "quiet": [d for d in dep_views if _quiet(d)],
        "behind_chart": _behind_chart(dep_views, config),
        "unassigned_changes": unassigned_changes,
        "listing_shifts": sum(1 for c in week.get("changes") or [] if (c.get("listing") or {}).get("shift")),
        "unassigned_changes_more": unassigned_changes_more,
        "template_changes": [{**t, "diff": diff_view(t.get("diff"))[0]} for t in week.get("template") or []],
        "link_groups": link_groups,
        "links_total": len(broken["rows"]),
        "links_template": broken["template"],
        "links_acknowledged": broken["acknowledged"],
        "links_redirects": sum(1 for _ in links_where(findings.get("links"), "permanent_redirect", True)),
        "links_fixed": _broken_moves(findings, previous_broken)[1],
        "placeholders": placeholders[:PLACEHOLDER_ROWS],
        "placeholders_more": max(0, len(placeholders) - PLACEHOLDER_ROWS),
        "placeholders_total": len(placeholders),
        "checklist": checklist,
        "checklist_available": bool(findings.get("checklist")) or checklist is not None,
        "health": _health(findings, titles, error_pages, week, security, baseline, _slow_ms(config)),
        "browser": browser_view(findings, titles),
    }


def _changes_by_dep(week: dict[str, Any], titles: dict[str, str | None]) -> dict[str | None, list[dict[str, Any]]]:
    """The week's changes per dependencia (None: pages no dependencia claims), diffs cut short."""
    out: dict[str | None, list[dict[str, Any]]] = defaultdict(list)
    for change in week.get("changes") or []:
        listing = change.get("listing")
        if listing and listing.get("shift"):
            continue  # a listing page whose items only moved between its pages: not news
        diff, truncated = diff_view(None if listing else change.get("diff"))
        out[change.get("dependencia")].append(
            {
                "url": change["url"],
                "title": titles.get(change["url"]),
                "kind": change.get("kind"),
                "kind_label": KIND_LABELS.get(change.get("kind"), change.get("kind")),
                "diff": diff,
                "truncated": truncated,
                "listing": listing,
            }
        )
    return out


def _dependencia_view(
    n: int,
    dep: dict[str, Any],
    changes_by_dep: dict[str | None, list[dict[str, Any]]],
    broken_by_dep: dict[str | None, list[dict[str, Any]]],
    today: date | None,
) -> dict[str, Any]:
    """One dependencia's section: its updates this month, this week's changes, its broken links."""
    dep_changes, changes_more = cut(changes_by_dep.get(dep["name"], []), DEP_CHANGES)
    dep_broken, broken_more = cut(broken_by_dep.get(dep["name"], []), DEP_BROKEN)
    updates = dep.get("updates_this_month") or 0
    target = dep.get("target") or 0
    month = dep.get("month") or (today.strftime("%Y-%m") if today else None)
    expected = dep.get("pace") if isinstance(dep.get("pace"), int) else (pace(target, today) if today else None)
    return {
        **dep,
        "anchor": f"dep-{n}",
        "updates": updates,
        "pace": expected,
        "last_month": dep.get("last_month"),
        "last_published": dep.get("last_published"),
        "last_detected": dep.get("last_detected"),
        "missing": max(0, target - updates),
        "deadline": month_end(today) if today else None,
        "month": month,
        "changes": dep_changes,
        "changes_more": changes_more,
        "changes_total": len(changes_by_dep.get(dep["name"], [])),
        "broken": dep_broken,
        "broken_more": broken_more,
        "broken_total": len(broken_by_dep.get(dep["name"], [])),
    }


def _site_tasks(
    findings: dict[str, Any],
    week: dict[str, Any],
    broken: dict[str, Any],
    site_rows: list[dict[str, Any]],
    checklist: dict[str, list[dict[str, Any]]] | None,
    security: list[dict[str, Any]],
    error_pages: list[dict[str, Any]],
) -> list[dict[str, Any]]:
    """The responsable visible's tasks: the template, pages no dependencia claims, the checklist,
    security, failing pages."""
    tasks: list[dict[str, Any]] = []
    if broken["template"]:
        tasks.append(
            {
                "kind": "template_links",
                "count": len(broken["template"]),
                "examples": broken["template"][:TODO_EXAMPLES],
                "more": max(0, len(broken["template"]) - TODO_EXAMPLES),
            }
        )
    if site_rows:
        tasks.append(links_task(site_rows, None, "enlaces"))
    if checklist and checklist["lost"]:
        tasks.append({"kind": "regressions", "count": len(checklist["lost"]), "examples": checklist["lost"][:1]})
    severe = severe_security(security)
    if severe:
        tasks.append({"kind": "security", "count": len(severe), "examples": severe[:1]})
    # A page that fails because a link points to it is already a "fix the link" task.
    link_targets = {r["url"].split("#", 1)[0] for r in broken["rows"] + broken["template"]}
    unexplained = [p for p in error_pages if p["url"] not in link_targets]
    failing = {e["url"] for e in week.get("errors") or []} | {p["url"] for p in unexplained}
    if failing:
        tasks.append({"kind": "errors", "count": len(failing)})
    unassigned = findings.get("unassigned") or []
    if unassigned:
        tasks.append({"kind": "unassigned", "count": len(unassigned)})
    return tasks


def _broken_moves(
    findings: dict[str, Any], previous_broken: set[str] | None
) -> tuple[list[str] | None, list[str] | None, list[str] | None]:
    """Broken link URLs new, fixed and still broken since the baseline (None without one).

    A link broken then and unverified now (its page could not be looked up, the external server
    could not be reached from here) is not fixed: this crawl did not see it."""
    if previous_broken is None:
        return None, None, None
    current = set(broken_urls(findings))
    unseen = {link["url"] for link in links_where(findings.get("links"), "state", UNVERIFIED)}
    return (
        sorted(current - previous_broken),
        sorted(previous_broken - current - unseen),
        sorted(current & previous_broken),
    )


def _summary(
    findings: dict[str, Any],
    week: dict[str, Any],
    baseline: dict[str, Any] | None,
    broken: dict[str, Any],
    checklist: dict[str, list[dict[str, Any]]] | None,
    error_pages: list[dict[str, Any]],
) -> dict[str, Any]:
    """Summary figures, each with its change since the baseline."""
    pages = findings.get("pages") or []
    pages_ok = count_pages_ok(pages)
    deps = findings.get("dependencias") or []
    current_broken = broken_urls(findings)
    previous_broken = set(baseline["broken"]) if baseline else None
    links_new, links_fixed, links_still = _broken_moves(findings, previous_broken)
    week_changes = week.get("changes") or []
    meeting = sum(1 for d in deps if d.get("meets_target"))

    def change(key: str, value: int) -> int | None:
        return value - baseline[key] if baseline and isinstance(baseline.get(key), int) else None

    figures = {
        # pages as the rest of the report counts them (2xx pages); the crawl's redirects and error
        # responses of pages are said apart, not counted as pages of the site
        "pages": pages_ok,
        "pages_delta": change("pages_ok", pages_ok),
        "pages_redirects": sum(1 for p in pages if p.get("kind") == "redirect"),
        "pages_failing": sum(1 for p in pages if p.get("kind") != "redirect" and is_page_error(p)),
        # not fetched because their name did not resolve from here: neither the site's pages nor its errors
        "pages_unreached": len(unreached_pages(findings)),
        # of which documents (PDF…): the tile names them as documents, as the reports do (H309)
        "documents_unreached": documents_among(unreached_pages(findings)),
        "changes": len(week_changes),
        "changes_by_kind": {k: sum(1 for c in week_changes if c.get("kind") == k) for k in KIND_LABELS},
        "changes_delta": change("week_changes", len(week_changes)),
        "template_changes": len(week.get("template") or []),
        "deps_total": len(deps),
        "deps_meeting": meeting,
        "deps_below": len(deps) - meeting,
        "deps_on_pace": sum(
            1 for d in deps if isinstance(d.get("pace"), int) and (d.get("updates_this_month") or 0) >= d["pace"]
        ),
        "deps_delta": change("deps_meeting", meeting),
        "broken": len(current_broken),
        "broken_delta": change("broken_count", len(current_broken)),
        "broken_new": links_new,
        "broken_fixed": links_fixed,
        "broken_still": links_still,
        "broken_occurrences": len(broken["rows"]) + sum(t["pages"] for t in broken["template"]),
        "page_errors": len(error_pages),
        "page_errors_delta": change("page_errors", len(error_pages)),
        "scores": score_rows(findings, baseline),
        "regressions": len(checklist["lost"]) if checklist else None,
        "newly_met": len(checklist["gained"]) if checklist else None,
    }
    figures["pages_apart"] = _pages_apart(figures)
    figures["pages_apart_said"] = _pages_apart_said(figures)
    return figures


def _pages_apart(summary: dict[str, Any]) -> list[tuple[int, str, str]]:
    """What the crawl met that the «Páginas del sitio» tile does not count, each (count, singular, plural):
    the pages and the documents whose name did not resolve each on its own (H309)."""
    unreached, documents = summary["pages_unreached"], summary["documents_unreached"]
    parts = [
        (summary["pages_redirects"], "redirección", "redirecciones"),
        (summary["pages_failing"], "página con error", "páginas con error"),
        (unreached - documents, f"página {UNREACHED_APART}", f"páginas {UNREACHED_APART}"),
        (documents, f"documento {UNREACHED_APART}", f"documentos {UNREACHED_APART}"),
    ]
    return [part for part in parts if part[0]]


def _pages_apart_said(summary: dict[str, Any]) -> str:
    """The tile's «aparte: …» in words: «1 redirección, 1 página con error y 2 páginas sin consultar (…)»;
    the pages and documents whose name did not resolve named together as every report names them
    («1 página y 1 documento sin consultar (…)», ``labels.pages_and_documents``)."""
    unreached, documents = summary["pages_unreached"], summary["documents_unreached"]
    parts = [
        plural(n, one, many)
        for n, one, many in _pages_apart({**summary, "pages_unreached": 0, "documents_unreached": 0})
    ]
    if unreached:
        parts.append(pages_and_documents(unreached, documents, UNREACHED_APART))
    if len(parts) < 2:
        return "".join(parts)
    # «1 redirección y 1 página y 1 documento…» would read as one list of three: a comma keeps the last whole
    joint = ", " if 0 < documents < unreached else " y "
    return ", ".join(parts[:-1]) + joint + parts[-1]


def _cut_link_groups(link_groups: list[dict[str, Any]]) -> None:
    """Keep the first LINK_ROWS broken link rows of the groups (the full list is in the CSV)."""
    shown = 0
    for group in link_groups:
        for page in group["pages"]:
            room = max(0, LINK_ROWS - shown)
            page["more"] = max(0, len(page["rows"]) - room)
            page["rows"] = page["rows"][:room]
            shown += len(page["rows"])
        group["pages"] = [p for p in group["pages"] if p["rows"] or p["more"]]


def _health(
    findings: dict[str, Any],
    titles: dict[str, str | None],
    error_pages: list[dict[str, Any]],
    week: dict[str, Any],
    security: list[dict[str, Any]],
    baseline: dict[str, Any] | None,
    slow_ms: float,
) -> dict[str, Any]:
    """The crawl's health: failing and slow pages, unassigned pages, security, accessibility."""
    pages = findings.get("pages") or []
    slowest = sorted(
        (p for p in pages if isinstance(p.get("elapsed_ms"), int | float) and p["elapsed_ms"] > slow_ms),
        key=lambda p: p["elapsed_ms"],
        reverse=True,
    )[:SLOWEST_ROWS]
    # a page that worked in the compared crawl and fails now is marked in the one list, not listed twice
    new = {e["url"] for e in week.get("errors") or []}
    errors_shown, errors_more = cut(
        [{**p, "title": titles.get(p["url"]), "new": p["url"] in new} for p in error_pages], ERROR_ROWS
    )
    unreached = unreached_pages(findings)
    unassigned = findings.get("unassigned") or []
    unassigned_shown, unassigned_more = cut([{"url": u, "title": titles.get(u)} for u in unassigned], UNASSIGNED_ROWS)
    crawl = findings.get("crawl") or {}
    answers, errors = site_answers(crawl, len(unreached))  # the unreached pages said apart
    return {
        "crawl": crawl,
        "answers": answers,
        "crawl_errors": errors,
        "duration_s": _seconds(crawl.get("started_at"), crawl.get("finished_at")),
        "errors": errors_shown,
        "errors_more": errors_more,
        "errors_total": len(error_pages),
        "errors_split": errors_split(errors, len(error_pages), findings.get("documents") or []),
        "unreached": [{**p, "title": titles.get(p["url"])} for p in unreached[:ERROR_ROWS]],
        "unreached_more": max(0, len(unreached) - ERROR_ROWS),
        "unreached_said": unreached_said(len(unreached), documents_among(unreached)) if unreached else None,
        "week_errors": week.get("errors") or [],  # marked «new» in ``errors``; kept for the weekly JSON's readers
        "not_crawled": len(week.get("not_crawled") or []),
        "not_crawled_example": next((c.get("url") for c in week.get("not_crawled") or []), None),
        "slowest": [{**p, "title": titles.get(p["url"])} for p in slowest],
        "unassigned": unassigned_shown,
        "unassigned_more": unassigned_more,
        "unassigned_total": len(unassigned),
        "unassigned_prefixes": unassigned_prefixes(unassigned),
        "slow_ms": slow_ms,
        # pages whose body changed and main text did not: what a [noise] rule removed, or what lies outside
        # the main text (template, markup); the store does not tell which, so the report names both (H284)
        "ignored": len(findings.get("ignored_changes") or []),
        # with no [noise] rule removing anything from those bodies, what changed is outside the main text
        "ignored_by_noise": any(c.get("rules") for c in findings.get("ignored_changes") or []),
        "security": security[:ERROR_ROWS],
        "security_more": max(0, len(security) - ERROR_ROWS),
        "security_available": "security" in findings,
        "accessibility": accessibility_view(findings, baseline),
    }


def _quiet(view: dict[str, Any]) -> bool:
    """A dependencia with no change and no broken link this week: one line, not a box."""
    return not view["changes_total"] and not view["broken_total"]


def _slow_ms(config: Any) -> float:
    seconds = getattr(getattr(config, "reports", None), "slow_page_seconds", 3.0)
    return float(seconds if isinstance(seconds, int | float) else 3.0) * 1000


def _behind_chart(dep_views: list[dict[str, Any]], config: Any) -> dict[str, Any] | None:
    """The «quién va atrasado» bar chart: days with publication per dependencia, the target, today's pace."""
    rows = [
        {"name": d["name"], "value": d["updates"], "pace": d["pace"], "target": d["target"], "anchor": d["anchor"]}
        for d in dep_views
        if d.get("target")
    ]
    if not rows:
        return None
    return bar_chart(rows, max(r["target"] for r in rows))


def unassigned_prefixes(urls: list[str]) -> list[dict[str, Any]]:
    """Pages no dependencia claims, grouped by their first path segment, most pages first, each with
    the ``match`` line that would give them to a dependencia."""
    groups: dict[str, list[str]] = defaultdict(list)
    for url in urls:
        path = urlsplit(url).path or "/"
        segments = [s for s in path.split("/") if s]
        # A folder groups its pages; a page at the top level is its own prefix.
        folder = segments and (len(segments) > 1 or path.endswith("/"))
        groups[f"/{segments[0]}/" if folder else path].append(url)
    rows = [
        {"prefix": prefix, "count": len(members), "example": members[0], "match": f'match = ["{prefix}"]'}
        for prefix, members in groups.items()
    ]
    rows.sort(key=lambda r: (-r["count"], r["prefix"]))
    return rows


def _seconds(start: Any, end: Any) -> float | None:
    a, b = to_datetime(start), to_datetime(end)
    return (b - a).total_seconds() if a and b else None


def _link_groups(rows: list[dict[str, Any]], dep_by_name: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Broken link rows as responsable → page → rows."""
    groups: dict[str, dict[str, Any]] = {}
    for row in rows:
        dep = dep_by_name.get(row["owner_dep"]) if row["owner_dep"] else None
        key = _owner_key(dep) if dep else SITE
        group = groups.setdefault(
            key,
            {
                "responsable": (dep.get("responsable") or "") if dep else "Responsable visible",
                "dependencias": [],
                "pages": {},
                "count": 0,
                "site": dep is None,
            },
        )
        label = dep["name"] if dep else "Páginas sin dependencia asignada"
        if label not in group["dependencias"]:
            group["dependencias"].append(label)
        group["pages"].setdefault(
            row["page"], {"url": row["page"], "title": row["page_title"], "dependencia": row["owner_dep"], "rows": []}
        )["rows"].append(row)
        group["count"] += 1
    out = sorted(groups.values(), key=lambda g: g["site"])
    for group in out:
        group["pages"] = list(group["pages"].values())
    return out
