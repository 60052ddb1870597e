"""The committee report: checklist by phase or section, indicators, trend, annexes, documents."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from gelt_audit.audits.checklist import INDICATOR_ITEMS, JUDGED, load_checklist
from gelt_audit.audits.pages import count_pages_ok, documents_among, unreached_pages
from gelt_audit.formats import FAMILY
from gelt_audit.reports import dossier, ita
from gelt_audit.reports.browser import browser_view
from gelt_audit.reports.charts import line_chart
from gelt_audit.reports.fmt import local_date
from gelt_audit.reports.labels import unreached_said
from gelt_audit.reports.summary import broken_urls, overall_score
from gelt_audit.reports.view import (
    FALLBACK_GROUP_NAMES,
    ITEM_STATUS_LABELS,
    PROFILE_NAMES,
    accessibility_view,
    checklist_changes,
    cut,
    filled,
    findings_regressions,
    header,
    page_titles,
    score_rows,
)

# How much of each list the HTML shows; the CSV files always have everything.
DOCUMENT_ROWS = 300
EVIDENCE_LINKS = 3
EXEC_ROWS = 12  # items that fall short listed on the executive page (the rest in the checklist section)
# Plan indicators that a GEL-T checklist item judges too.
TREND_MIN_POINTS = 4  # a line through fewer crawls suggests a trend that is not there
ITEM_KEYS = ("profile", "item", "phase", "name", "status", "detail", "snapshot_date", "source")
INDICATOR_KEYS = ("id", "name", "target", "value", "source", "met", "note", "date")
DOCUMENT_KEYS = ("url", "title", "format", "year", "years", "page", "page_title", "dependencia", "state")


def committee(
    config: Any,
    findings: dict[str, Any],
    now: datetime,
    since: date | None,
    since_source: str,
    baseline: dict[str, Any] | None,
    baseline_crawl: dict[str, Any] | None,
    trend: list[dict[str, Any]],
    history: list[tuple[int, date, dict[str, str]]] | None = None,
    titles: dict[str, str | None] | None = None,
) -> dict[str, Any]:
    """The committee report: checklist by phase/section, indicators, trend, documents.

    ``baseline`` is the summary of the crawl compared with (the last committee report's, by
    default); ``trend`` the summaries from there to now, oldest first (the current one last);
    ``history`` the stored checklist statuses of past crawls (:func:`dossier.history_items`),
    for «cumple desde».
    """
    site_url = (findings.get("site") or {}).get("url") or config.site_url
    checklist = findings.get("checklist") if isinstance(findings.get("checklist"), list) else None
    scores = findings.get("checklist_scores") if isinstance(findings.get("checklist_scores"), dict) else {}
    documents = findings.get("documents")
    docs = sorted(
        (filled(d, DOCUMENT_KEYS) for d in documents or [] if isinstance(d, dict)),
        key=lambda d: (d.get("dependencia") or "\uffff", -(d.get("year") or 0), d.get("title") or ""),
    )
    docs_shown, docs_more = cut(docs, DOCUMENT_ROWS)
    changes = checklist_changes(checklist, (baseline or {}).get("items"))
    if changes is None and baseline is None:
        changes = findings_regressions(findings)
    crawl_pages = (findings.get("crawl") or {}).get("pages")
    unreached_rows = unreached_pages(findings)
    unreached = len(unreached_rows)
    return {
        **header(config, findings, now, baseline_crawl),
        "kind": "committee",
        "site_url": site_url,
        "since": since,
        "since_source": since_source,
        "scores": score_rows(findings, baseline),
        "cards": dossier.score_cards(checklist, scores, baseline),
        "gains": dossier.gains(checklist, scores),
        "profiles": profiles(checklist, scores, _history(history, findings)) if checklist else None,
        "indicators": indicator_rows(findings.get("indicators"), checklist),
        "failing": dossier.failing(checklist, findings.get("pages") or []),
        "EXEC_ROWS": EXEC_ROWS,
        "declarations": dossier.declarations(config, checklist),
        "running_header": dossier.css_string(
            f"{(findings.get('site') or {}).get('name') or getattr(config, 'site_name', '')} · Informe para el comité GEL-T · "
        ),
        "changes": changes,
        "changes_available": changes is not None,
        "trend": trend_view(trend, findings, checklist, scores),
        "documents": docs_shown,
        "documents_more": docs_more,
        "documents_total": len(docs),
        # the pages the crawl fetched, as the weekly counts them: crawl.pages counts every response
        # (documents, redirects, errors), not pages (H284)
        # pages as the weekly counts them (2xx pages: no redirects nor error responses)
        "pages_total": count_pages_ok(findings.get("pages")),
        # the crawl's responses without the pages whose name did not resolve (no answer: said apart)
        "answers": (crawl_pages if isinstance(crawl_pages, int) else 0) - unreached,
        "unreached_said": unreached_said(unreached, documents_among(unreached_rows)) if unreached else None,
        "documents_available": documents is not None,
        "documents_by_format": _count_by(docs, lambda d: FAMILY.get(d.get("format") or "", d.get("format"))),
        "broken_total": len(broken_urls(findings)),
        "annexes": annexes_view(findings, trend),
        "browser": browser_view(findings, titles if titles is not None else page_titles(findings.get("pages") or [])),
    }


def _group_names(profile: str) -> tuple[list[str], dict[str, str], str | None]:
    """Group order and names of a checklist profile, from its file when it can be read."""
    try:
        checklist = load_checklist(profile)
    except (ValueError, OSError):  # unknown profile, bad file: fall back to ids
        return [], {}, None
    return [g.id for g in checklist.groups], {g.id: g.name for g in checklist.groups}, checklist.name


def _history(history: list | None, findings: dict[str, Any]) -> list[tuple[int, date, dict[str, str]]]:
    """Stored statuses of past crawls with the current crawl's last (it may not be stored yet)."""
    out = [h for h in history or [] if isinstance(h, tuple | list) and len(h) == 3]
    crawl = findings.get("crawl") or {}
    rows = findings.get("checklist") if isinstance(findings.get("checklist"), list) else []
    day = local_date(crawl.get("started_at"))
    if rows and day is not None:
        out = [h for h in out if h[0] != crawl.get("id")]
        out.append((crawl.get("id"), day, {f"{r.get('profile')}|{r.get('item')}": r.get("status") for r in rows}))
    return out


def profiles(
    checklist: list[dict[str, Any]], scores: dict[str, Any], history: list[tuple[int, date, dict[str, str]]]
) -> list[dict[str, Any]]:
    """Checklist items as profile → phase/section → items, with each group's score and formula."""
    by_profile: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for item in checklist:
        by_profile.setdefault(item.get("profile") or "", {}).setdefault(item.get("phase") or "", []).append(item)
    out = []
    for profile, groups in by_profile.items():
        order, names, file_name = _group_names(profile)
        entry = scores.get(profile) if isinstance(scores.get(profile), dict) else {}
        terms = dossier.rescore([i for g in groups.values() for i in g], entry)
        known = dossier.profile_items(profile)
        ranked = sorted(groups, key=lambda g: (order.index(g) if g in order else len(order), list(groups).index(g)))
        group_views = []
        for gid in ranked:
            items = groups[gid]
            raw = (entry.get("groups") or entry.get("phases") or {}).get(gid)
            name = (
                names.get(gid)
                or (raw.get("name") if isinstance(raw, dict) else None)
                or FALLBACK_GROUP_NAMES.get(gid)
                or gid
            )
            counts = {s: sum(1 for i in items if i.get("status") == s) for s in ITEM_STATUS_LABELS}
            views = [_item_view(i, known.get(i.get("item") or ""), history) for i in items]
            group_views.append(
                {
                    "id": gid,
                    "name": name,
                    "score": terms["groups"][gid]["score"],
                    "formula": dossier.group_formula(terms["groups"][gid], terms["parcial_value"]),
                    "counts": counts,
                    "anchor": f"g-{profile}-{gid}".replace(".", "-"),
                    "entries": [v for v in views if v["status"] != "cumple"],
                    "met": [v for v in views if v["status"] == "cumple"],
                }
            )
        out.append(
            {
                "profile": profile,
                "name": PROFILE_NAMES.get(profile) or file_name or (entry.get("name") if entry else None) or profile,
                "score": overall_score(entry) if entry else None,
                "groups": group_views,
                "anchor": f"p-{profile}",
                "counts": {s: sum(g["counts"][s] for g in group_views) for s in ITEM_STATUS_LABELS},
            }
        )
    return out


def _item_view(
    item: dict[str, Any], known: dict[str, str] | None, history: list[tuple[int, date, dict[str, str]]]
) -> dict[str, Any]:
    evidence = [e for e in item.get("evidence") or [] if isinstance(e, str)]
    shown, more = cut(evidence, EVIDENCE_LINKS)
    stored = dossier.copies(item)
    declared = dossier.is_declared(item)
    since, or_before = dossier.complies_since(history, f"{item.get('profile')}|{item.get('item')}")
    return {
        **filled(item, ITEM_KEYS),
        "evidence": [{"url": e, "stored_copy": None, "fetched_at": None, **stored.get(e, {})} for e in shown],
        "evidence_more": more,
        "declared": declared,
        "requires": item.get("requires") or (known or {}).get("requires") or "",
        "basis": item.get("legal_basis") or (known or {}).get("source") or "",
        "since": since if item.get("status") == "cumple" else None,
        "since_or_before": or_before,
        "status_label": ITEM_STATUS_LABELS.get(item.get("status"), item.get("status")),
    }


def indicator_rows(indicators: Any, checklist: list[dict[str, Any]] | None = None) -> list[dict[str, Any]] | None:
    """The action plan's indicators as the audit settled them (``met`` is the audit's, never
    recomputed here). An indicator that a checklist item also judges (``INDICATOR_ITEMS``) shows
    that item's status and evidence, the same the audit read its ``met`` from; ``status`` is
    cumple / parcial / no_cumple / sin_verificar / None."""
    if not isinstance(indicators, list):
        return None
    items = {r.get("item"): r for r in checklist or [] if isinstance(r, dict) and r.get("profile") == "gelt-2008"}
    out = []
    for ind in indicators:
        if not isinstance(ind, dict):
            continue
        met = ind.get("met")
        item = items.get(INDICATOR_ITEMS.get(ind.get("id") or "", ""))
        status = {True: "cumple", False: "no_cumple"}.get(met) if isinstance(met, bool) else None
        if item and item.get("status") in JUDGED:
            status = item["status"]
        out.append(
            {
                **filled(ind, INDICATOR_KEYS),
                "met": met,
                "status": status,
                "item": item.get("item") if item else None,
                "evidence": [e for e in (item or {}).get("evidence") or [] if isinstance(e, str)][:EVIDENCE_LINKS],
                "value_parts": _value_parts(ind.get("value")),
            }
        )
    return out


def _value_parts(value: Any) -> list[tuple[str, Any]] | None:
    """A dict value (scores per phase) as (name, value) pairs for a small list."""
    if isinstance(value, dict):
        return [(FALLBACK_GROUP_NAMES.get(k, k), v) for k, v in value.items()]
    return None


def _count_by(rows: list[dict[str, Any]], key: Callable[[dict[str, Any]], Any]) -> list[tuple[str, int]]:
    counts: dict[str, int] = defaultdict(int)
    for row in rows:
        counts[key(row) or "otro"] += 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def annexes_view(findings: dict[str, Any], trend: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Res. 1519 annex 1 (accessibility) and annex 3 (digital security): counts and their trend."""
    if "accessibility" not in findings and "security" not in findings:
        return None
    security = [x for x in findings.get("security") or [] if isinstance(x, dict)]
    by_check: dict[tuple[str, str], int] = defaultdict(int)
    for x in security:
        by_check[(str(x.get("severity") or ""), str(x.get("check") or ""))] += 1
    order = {"alta": 0, "media": 1, "baja": 2}
    return {
        "accessibility": accessibility_view(findings),
        "questions": ita.accessibility_questions(findings),
        "security": ita.security_rows(findings),
        "security_total": len(security),
        "security_rows": [
            {
                "severity": sev,
                "check": check,
                "count": n,
                "detail": next((x.get("detail") for x in security if x.get("check") == check), ""),
            }
            for (sev, check), n in sorted(by_check.items(), key=lambda kv: (order.get(kv[0][0], 9), kv[0][1]))
        ],
        "trend": [
            {"date": t.get("date"), "a11y": t.get("a11y_total"), "security": t.get("security_total")}
            for t in trend
            if t.get("a11y_total") is not None or t.get("security_total") is not None
        ],
    }


def trend_view(
    trend: list[dict[str, Any]],
    findings: dict[str, Any],
    checklist: list[dict[str, Any]] | None = None,
    scores: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Checklist scores and broken links over time, and updates per dependencia per month.

    Charts only from ``TREND_MIN_POINTS`` crawls: with fewer, ``table`` lists the points."""
    labels = [t["date"] for t in trend]
    series = dossier.trend_scores(trend, checklist, scores or {})
    charted = len(trend) >= TREND_MIN_POINTS
    score_chart = line_chart(series, labels, y_max=100, unit="%") if series and charted else None
    broken_chart = (
        line_chart([{"name": "Enlaces rotos", "values": [t.get("broken_count") for t in trend]}], labels)
        if charted
        else None
    )
    points_table = [
        {"date": t["date"], "scores": [s["values"][i] for s in series], "broken": t.get("broken_count")}
        for i, t in enumerate(trend)
    ]
    # Updates per dependencia per month: the last summary of each month has the month's count.
    months: dict[str, dict[str, Any]] = {}
    for t in trend:
        for name, dep in (t.get("deps") or {}).items():
            if dep.get("month"):
                months.setdefault(dep["month"], {})[name] = dep
    month_keys = sorted(months)[-12:]
    names = [d["name"] for d in findings.get("dependencias") or []]
    for m in month_keys:
        names += [n for n in months[m] if n not in names]
    table = []
    for name in names:
        cells = []
        for m in month_keys:
            dep = months[m].get(name)
            if dep is None:
                cells.append(None)
                continue
            updates, target = dep.get("updates") or 0, dep.get("target") or 0
            cells.append(
                {
                    "updates": updates,
                    "target": target,
                    "meets": bool(dep.get("meets")),
                    "width": round(min(1.0, updates / target) * 100 if target else 100),
                }
            )
        table.append({"name": name, "cells": cells})
    return {
        "points": len(trend),
        "first": trend[0] if trend else None,
        "last": trend[-1] if trend else None,
        "scores": score_chart,
        "broken": broken_chart,
        "series_names": [s["name"] for s in series],
        "points_table": points_table,
        "months": month_keys,
        "updates": table,
    }
