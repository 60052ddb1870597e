"""What the reports show, computed from the audits' findings before any template runs.

Templates only lay out what these functions return: every count, grouping, cut ("y N más")
and chart coordinate is decided here, so rendering a 10,000-page site stays fast and the
numbers can be tested without parsing HTML. Nothing here formats for people (that is
``fmt``) or touches the store (that is ``write``).
"""

from __future__ import annotations

import calendar
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any
from urllib.parse import unquote, urlsplit

from gelt_audit import clock
from gelt_audit.reports.fmt import local_date
from gelt_audit.reports.summary import STATUS_RANK, broken_urls, overall_score

# How much of each list the HTML shows; the CSV files always have everything.
TODO_EXAMPLES = 2
DEP_CHANGES = 8
DEP_BROKEN = 10
LINK_ROWS = 200
UNASSIGNED_ROWS = 25
ERROR_ROWS = 30
SLOWEST_ROWS = 10
DOCUMENT_ROWS = 300
EVIDENCE_LINKS = 3
DIFF_WORDS = 90
UNASSIGNED_CHANGES = 10
# A broken link on this share of the site's pages sits in the site template: one task for the
# responsable visible instead of one per dependencia.
TEMPLATE_SHARE = 0.5
TEMPLATE_MIN_PAGES = 5
SITE = "__sitio__"
SEVERE = (
    "alta",
    "high",
    "crítica",
    "critica",
)  # the to-do group of the responsable visible (pages no dependencia claims)

KIND_LABELS = {"added": "nueva", "modified": "modificada", "removed": "eliminada"}
STATUS_LABELS = {
    "cumple": "Cumple",
    "parcial": "Parcial",
    "no_cumple": "No cumple",
    "manual": "Por declarar",
    "no_aplica": "No aplica",
}
DOC_FORMATS = {
    "pdf": "PDF", "doc": "DOC", "docx": "DOC", "odt": "DOC", "rtf": "DOC",
    "xls": "XLS", "xlsx": "XLS", "ods": "XLS", "csv": "CSV",
    "ppt": "PPT", "pptx": "PPT", "odp": "PPT", "zip": "ZIP", "rar": "ZIP",
}  # fmt: skip
# Phase names when the checklist module cannot tell them (it is optional for the reports).
FALLBACK_GROUP_NAMES = {
    "info": "Fase de información",
    "interaccion": "Fase de interacción",
    "transaccion": "Fase de transacción",
    "transformacion": "Fase de transformación",
    "democracia": "Fase de democracia",
    "plan": "Plan de acción del municipio",
}
PROFILE_SHORT = {"gelt-2008": "GEL-T 2008 (cinco fases)", "ley1712-res1519": "Ley 1712 / Res. 1519"}
PROFILE_NAMES = {
    "gelt-2008": "Gobierno en Línea Territorial (GEL-T 2008), fase por fase",
    "ley1712-res1519": "Ley 1712 de 2014 y Resolución 1519 de 2020, sección por sección",
}


# -- small helpers -------------------------------------------------------------------------------
ITEM_KEYS = ("profile", "item", "phase", "name", "status", "detail", "snapshot_date", "source")
CHANGE_KEYS = ("profile", "item", "phase", "name", "detail", "before", "after")
INDICATOR_KEYS = ("id", "name", "target", "value", "source", "met", "note", "date")
DOCUMENT_KEYS = ("url", "title", "format", "year", "page", "page_title", "dependencia", "state")


def filled(entry: dict[str, Any], keys: Iterable[str]) -> dict[str, Any]:
    """``entry`` with every key of ``keys`` present (None when missing): findings from audits
    still being written may lack some, and a template must not fail on that."""
    return {**dict.fromkeys(keys), **entry}


def cut(items: list[Any], limit: int) -> tuple[list[Any], int]:
    """The first ``limit`` items and how many were left out."""
    return items[:limit], max(0, len(items) - limit)


def diff_view(diff: Iterable[Any] | None, limit: int = DIFF_WORDS) -> tuple[list[tuple[str, str]], bool]:
    """A word diff cut to about ``limit`` words: (op, text) pairs and whether it was cut."""
    out: list[tuple[str, str]] = []
    words = 0
    for entry in diff or []:
        op, text = entry[0], entry[1]
        parts = text.split()
        if words + len(parts) > limit:
            room = max(0, limit - words)
            if room:
                out.append((op, " ".join(parts[:room]) + " …"))
            return out, True
        out.append((op, text))
        words += len(parts)
    return out, False


TITLE_SEPARATORS = (" | ", " – ", " — ", " - ", " :: ")


def page_titles(pages: list[dict[str, Any]]) -> dict[str, str | None]:
    """Page titles without the site name most of them end with ("… | Alcaldía de X"): in a
    report that repeats on every line and hides the part that tells pages apart."""
    raw = {p["url"]: (p.get("title") or "").strip() or None for p in pages}
    counts: Counter[str] = Counter()
    for title in raw.values():
        for sep in TITLE_SEPARATORS:
            if title and sep in title:
                counts[sep + title.rsplit(sep, 1)[1]] += 1
                break
    if not counts:
        return raw
    suffix, n = counts.most_common(1)[0]
    if n < max(3, 0.3 * len(raw)):
        return raw
    return {
        url: t[: -len(suffix)].strip() if t and t.endswith(suffix) and len(t) > len(suffix) else t
        for url, t in raw.items()
    }


def month_end(d: date) -> date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def is_page_ok(page: dict[str, Any]) -> bool:
    return page.get("kind") == "page" and 200 <= (page.get("status") or 0) < 300


def is_page_error(page: dict[str, Any]) -> bool:
    return (page.get("status") or 0) >= 400 or page.get("status") == 0


def _owner_key(dep: dict[str, Any]) -> str:
    # One card per person: a responsable with two dependencias gets one to-do list.
    return (dep.get("responsable") or "").strip() or f"dep:{dep['name']}"


# -- shared pieces ---------------------------------------------------------------------------------
def header(config: Any, findings: dict[str, Any], now: datetime, baseline: dict[str, Any] | None) -> dict[str, Any]:
    """What both reports put at the top: site, crawl, the crawl compared with."""
    crawl = findings.get("crawl") or {}
    attempt = findings.get("last_attempt")
    return {
        "site": findings.get("site") or {"name": config.site_name, "url": config.site_url},
        "crawl": crawl,
        # A crawl that failed after the one reported: the reader must know the site may be down.
        "last_attempt": filled(attempt, ("id", "started_at", "status", "error")) if isinstance(attempt, dict) else None,
        "baseline": baseline,
        "generated_at": now,
        "today": local_date(now),
    }


def broken_rows(findings: dict[str, Any], previous_broken: set[str] | None) -> dict[str, Any]:
    """Every broken link occurrence as a row (page, link, reason, since), split by who fixes it.

    Returns ``{"rows": [...], "acknowledged": [...], "template": [...], "pages_ok": n}``; each row
    has ``owner_dep`` (dependencia name, or None for pages no dependencia claims).
    """
    pages = findings.get("pages") or []
    titles = page_titles(pages)
    pages_ok = sum(1 for p in pages if is_page_ok(p))
    template_min = max(TEMPLATE_MIN_PAGES, TEMPLATE_SHARE * pages_ok)
    rows: list[dict[str, Any]] = []
    acknowledged: list[dict[str, Any]] = []
    template: list[dict[str, Any]] = []
    for link in findings.get("links") or []:
        if link.get("state") != "broken":
            continue
        occurrences = link.get("occurrences") or [
            {"page": page, "text": "", "dependencia": link.get("dependencia")} for page in link.get("found_on") or []
        ]
        reason = link.get("error") or (f"HTTP {link['status']}" if link.get("status") else "no responde")
        base = {
            "url": link["url"],
            "reason": reason,
            "short_reason": _short_reason(reason, link.get("status")),
            "status": link.get("status"),
            "since": link.get("broken_since"),
            "internal": link.get("internal"),
            "new": previous_broken is not None and link["url"] not in previous_broken,
        }
        if link.get("acknowledged"):
            ack = link["acknowledged"]
            acknowledged.append(
                {
                    **base,
                    "text": _first_text(occurrences),
                    "pages": len(link.get("found_on") or []),
                    "ack_reason": ack.get("reason"),
                    "ack_until": ack.get("until"),
                    "ack_by": ack.get("by"),
                }
            )
            continue
        distinct_pages = list(dict.fromkeys(o["page"] for o in occurrences))
        if len(distinct_pages) >= template_min:
            template.append(
                {
                    **base,
                    "text": _first_text(occurrences),
                    "pages": len(distinct_pages),
                    "example": distinct_pages[0],
                    "owner_dep": None,
                    "template": True,
                    "page": distinct_pages[0],
                    "page_title": "plantilla del sitio",
                }
            )
            continue
        seen: set[str] = set()
        for occ in occurrences:
            if occ["page"] in seen:
                continue  # the same link twice on one page is one edit
            seen.add(occ["page"])
            rows.append(
                {
                    **base,
                    "text": (occ.get("text") or "").strip(),
                    "page": occ["page"],
                    "page_title": titles.get(occ["page"]),
                    "owner_dep": occ.get("dependencia"),
                    "template": False,
                }
            )
    rows.sort(key=lambda r: (r["owner_dep"] or "\uffff", r["page"], r["url"]))
    return {"rows": rows, "acknowledged": acknowledged, "template": template, "pages_ok": pages_ok}


def _short_reason(reason: str, status: Any) -> str:
    """``HTTP 404`` rather than the whole sentence: what fits on one line of a to-do card."""
    if isinstance(status, int) and status >= 400 and reason.startswith("HTTP"):
        return reason.split(":", 1)[0]
    if "ancla" in reason:
        return "ancla inexistente"
    return reason if len(reason) <= 32 else reason[:31] + "…"


def _first_text(occurrences: list[dict[str, Any]]) -> str:
    return next((o.get("text").strip() for o in occurrences if (o.get("text") or "").strip()), "")


def checklist_changes(
    current: list[dict[str, Any]] | None, before: dict[str, str] | None
) -> dict[str, list[dict[str, Any]]] | None:
    """Items that got worse / now comply / otherwise moved, comparing statuses by (profile, item)."""
    if not current or before is None:
        return None
    lost, gained, moved = [], [], []
    for item in current:
        old = before.get(f"{item.get('profile')}|{item.get('item')}")
        new = item.get("status")
        if old not in STATUS_RANK or new not in STATUS_RANK or old == new:
            continue
        row = filled({**item, "before": old, "after": new}, CHANGE_KEYS)
        if STATUS_RANK[new] < STATUS_RANK[old]:
            lost.append(row)
        elif new == "cumple":
            gained.append(row)
        else:
            moved.append(row)
    return {"lost": lost, "gained": gained, "moved": moved}


def findings_regressions(findings: dict[str, Any]) -> dict[str, list[dict[str, Any]]] | None:
    """The checklist audit's own regressions/newly met lists (used when no older summary has items)."""
    if "regressions" not in findings and "newly_met" not in findings:
        return None
    regs = [filled(r, CHANGE_KEYS) for r in findings.get("regressions") or [] if isinstance(r, dict)]
    lost = [r for r in regs if (r.get("kind") or "regression") == "regression"]
    gained = [filled(r, CHANGE_KEYS) for r in findings.get("newly_met") or [] if isinstance(r, dict)]
    gained = gained or [r for r in regs if r.get("kind") == "met"]
    moved = [r for r in regs if r.get("kind") == "improved"]
    return {"lost": lost, "gained": gained, "moved": moved}


def score_rows(findings: dict[str, Any], before: dict[str, Any] | None) -> list[dict[str, Any]] | None:
    """Overall checklist score per profile with its change since ``before`` (a summary)."""
    scores = findings.get("checklist_scores")
    if not isinstance(scores, dict) or not scores:
        return None
    old = (before or {}).get("scores") or {}
    out = []
    for profile, entry in scores.items():
        value = overall_score(entry)
        previous = old.get(profile)
        name = entry.get("name") if isinstance(entry, dict) else None
        out.append(
            {
                "profile": profile,
                "name": PROFILE_NAMES.get(profile) or name or profile,
                "short": PROFILE_SHORT.get(profile) or name or profile,
                "score": value,
                "delta": round(value - previous, 1) if value is not None and previous is not None else None,
            }
        )
    return out


# -- weekly report ---------------------------------------------------------------------------------
def weekly(
    config: Any,
    findings: dict[str, Any],
    now: datetime,
    week: dict[str, Any],
    baseline: dict[str, Any] | None,
    baseline_crawl: dict[str, Any] | None,
) -> dict[str, Any]:
    """The weekly report for the responsable visible.

    ``week`` holds the changes since ``baseline_crawl`` (``changes``, ``template``, ``errors``);
    ``baseline`` is that crawl's summary (None on the first crawl).
    """
    site_url = (findings.get("site") or {}).get("url") or config.site_url
    pages = findings.get("pages") or []
    titles = page_titles(pages)
    deps = findings.get("dependencias") or []
    dep_by_name = {d["name"]: d for d in deps}
    previous_broken = set(baseline["broken"]) if baseline else None
    broken = broken_rows(findings, previous_broken)
    today = local_date((findings.get("crawl") or {}).get("started_at")) or local_date(now)

    # Per dependencia: updates, this week's changes, broken links on its pages.
    changes_by_dep: dict[str | None, list[dict[str, Any]]] = defaultdict(list)
    for change in week.get("changes") or []:
        diff, truncated = diff_view(change.get("diff"))
        changes_by_dep[change.get("dependencia")].append(
            {
                "url": change["url"],
                "title": titles.get(change["url"]),
                "kind": change.get("kind"),
                "kind_label": KIND_LABELS.get(change.get("kind"), change.get("kind")),
                "diff": diff,
                "truncated": truncated,
            }
        )
    broken_by_dep: dict[str | None, list[dict[str, Any]]] = defaultdict(list)
    for row in broken["rows"]:
        broken_by_dep[row["owner_dep"]].append(row)

    dep_views = []
    for n, dep in enumerate(deps, 1):
        dep_changes, changes_more = cut(changes_by_dep.get(dep["name"], []), DEP_CHANGES)
        dep_broken, broken_more = cut(broken_by_dep.get(dep["name"], []), DEP_BROKEN)
        updates = dep.get("updates_this_month") or 0
        target = dep.get("target") or 0
        month = dep.get("month") or (today.strftime("%Y-%m") if today else None)
        dep_views.append(
            {
                **dep,
                "anchor": f"dep-{n}",
                "updates": updates,
                "missing": max(0, target - updates),
                "deadline": month_end(today) if today else None,
                "days": _month_strip(dep, month, today),
                "changes": dep_changes,
                "changes_more": changes_more,
                "changes_total": len(changes_by_dep.get(dep["name"], [])),
                "broken": dep_broken,
                "broken_more": broken_more,
                "broken_total": len(broken_by_dep.get(dep["name"], [])),
            }
        )
    unassigned_changes, unassigned_changes_more = cut(changes_by_dep.get(None, []), UNASSIGNED_CHANGES)

    # The to-do list: one card per responsable, then the responsable visible's own card.
    cards: dict[str, dict[str, Any]] = {}
    for view in dep_views:
        key = _owner_key(view)
        card = cards.setdefault(
            key,
            {
                "responsable": (view.get("responsable") or "").strip(),
                "email": view.get("email") or "",
                "dependencias": [],
                "tasks": [],
                "anchor": view["anchor"],
                "site": False,
            },
        )
        card["dependencias"].append(view["name"])
        if not card["email"] and view.get("email"):
            card["email"] = view["email"]
        rows = broken_by_dep.get(view["name"], [])
        if rows:
            examples, more = cut(rows, TODO_EXAMPLES)
            card["tasks"].append(
                {
                    "kind": "links",
                    "dependencia": view["name"],
                    "count": len(rows),
                    "pages": len({r["page"] for r in rows}),
                    "new": sum(1 for r in rows if r["new"]),
                    "examples": examples,
                    "more": more,
                    "anchor": view["anchor"],
                }
            )
        if not view.get("meets_target") and view["target"]:
            card["tasks"].append(
                {
                    "kind": "updates",
                    "dependencia": view["name"],
                    "have": view["updates"],
                    "target": view["target"],
                    "missing": view["missing"],
                    "deadline": view["deadline"],
                    "can_still_meet": view.get("can_still_meet", True),
                    "anchor": view["anchor"],
                }
            )
        if not card["responsable"]:
            card["tasks"].append({"kind": "assign", "dependencia": view["name"]})

    site_rows = broken_by_dep.get(None, [])
    site_tasks: list[dict[str, Any]] = []
    if broken["template"]:
        site_tasks.append(
            {
                "kind": "template_links",
                "count": len(broken["template"]),
                "examples": broken["template"][:TODO_EXAMPLES],
                "more": max(0, len(broken["template"]) - TODO_EXAMPLES),
            }
        )
    if site_rows:
        examples, more = cut(site_rows, TODO_EXAMPLES)
        site_tasks.append(
            {
                "kind": "links",
                "dependencia": None,
                "count": len(site_rows),
                "pages": len({r["page"] for r in site_rows}),
                "new": sum(1 for r in site_rows if r["new"]),
                "examples": examples,
                "more": more,
                "anchor": "enlaces",
            }
        )
    checklist = checklist_changes(findings.get("checklist"), (baseline or {}).get("items")) or findings_regressions(
        findings
    )
    if checklist and checklist["lost"]:
        site_tasks.append({"kind": "regressions", "count": len(checklist["lost"]), "examples": checklist["lost"][:1]})
    security = [
        filled(x, ("url", "check", "severity", "detail")) for x in findings.get("security") or [] if isinstance(x, dict)
    ]
    severe = [x for x in security if str(x["severity"] or "").lower() in SEVERE]
    if severe:
        site_tasks.append({"kind": "security", "count": len(severe), "examples": severe[:1]})
    error_pages = [p for p in pages if is_page_error(p)]
    # A page that fails because a link points to it is already a "fix the link" task.
    link_targets = {r["url"].split("#", 1)[0] for r in broken["rows"] + broken["template"]}
    unexplained = [p for p in error_pages if p["url"] not in link_targets]
    failing = {e["url"] for e in week.get("errors") or []} | {p["url"] for p in unexplained}
    if failing:
        site_tasks.append({"kind": "errors", "count": len(failing)})
    unassigned = findings.get("unassigned") or []
    if unassigned:
        site_tasks.append({"kind": "unassigned", "count": len(unassigned)})

    ordered = sorted(cards.values(), key=lambda c: not c["tasks"])  # stable: config order within
    todo = [c for c in ordered if c["tasks"]]
    up_to_date = [c for c in ordered if not c["tasks"]]
    todo.append(
        {
            "responsable": "Responsable visible",
            "email": "",
            "dependencias": ["Todo el sitio y páginas sin dependencia"],
            "tasks": site_tasks,
            "anchor": "sitio",
            "site": True,
        }
    )

    # Summary figures, each with its change since the baseline.
    current_broken = set(broken_urls(findings))
    links_new = sorted(current_broken - previous_broken) if previous_broken is not None else None
    links_fixed = sorted(previous_broken - current_broken) if previous_broken is not None else None
    links_still = sorted(current_broken & previous_broken) if previous_broken is not None else None
    week_changes = week.get("changes") or []
    by_kind = {k: sum(1 for c in week_changes if c.get("kind") == k) for k in KIND_LABELS}
    meeting = sum(1 for d in deps if d.get("meets_target"))
    scores = score_rows(findings, baseline)

    def change(key: str, value: int) -> int | None:
        return value - baseline[key] if baseline and isinstance(baseline.get(key), int) else None

    summary = {
        "pages": len(pages),
        "pages_delta": change("pages", len(pages)),
        "changes": len(week_changes),
        "changes_by_kind": by_kind,
        "changes_delta": change("week_changes", len(week_changes)),
        "template_changes": len(week.get("template") or []),
        "deps_total": len(deps),
        "deps_meeting": meeting,
        "deps_below": len(deps) - meeting,
        "deps_delta": change("deps_meeting", meeting),
        "broken": len(current_broken),
        "broken_delta": change("broken_count", len(current_broken)),
        "broken_new": links_new,
        "broken_fixed": links_fixed,
        "broken_still": links_still,
        "broken_occurrences": len(broken["rows"]) + sum(t["pages"] for t in broken["template"]),
        "page_errors": len(error_pages),
        "page_errors_delta": change("page_errors", len(error_pages)),
        "scores": scores,
        "regressions": len(checklist["lost"]) if checklist else None,
        "newly_met": len(checklist["gained"]) if checklist else None,
    }

    # Broken links grouped by responsable, then page (the full list is in the CSV).
    link_groups = _link_groups(broken["rows"], dep_by_name)
    shown = 0
    for group in link_groups:
        for page in group["pages"]:
            room = max(0, LINK_ROWS - shown)
            page["more"] = max(0, len(page["rows"]) - room)
            page["rows"] = page["rows"][:room]
            shown += len(page["rows"])
        group["pages"] = [p for p in group["pages"] if p["rows"] or p["more"]]

    slowest = sorted(
        (p for p in pages if isinstance(p.get("elapsed_ms"), int | float)), key=lambda p: p["elapsed_ms"], reverse=True
    )[:SLOWEST_ROWS]
    slowest = [{**p, "title": titles.get(p["url"])} for p in slowest]
    errors_shown, errors_more = cut([{**p, "title": titles.get(p["url"])} for p in error_pages], ERROR_ROWS)
    unassigned_pages = [{"url": u, "title": titles.get(u)} for u in unassigned]
    unassigned_shown, unassigned_more = cut(unassigned_pages, UNASSIGNED_ROWS)
    crawl = findings.get("crawl") or {}
    return {
        **header(config, findings, now, baseline_crawl),
        "kind": "weekly",
        "site_url": site_url,
        "todo": todo,
        "up_to_date": up_to_date,
        "summary": summary,
        "dependencias": dep_views,
        "unassigned_changes": unassigned_changes,
        "unassigned_changes_more": unassigned_changes_more,
        "template_changes": [{**t, "diff": diff_view(t.get("diff"))[0]} for t in week.get("template") or []],
        "link_groups": link_groups,
        "links_total": len(broken["rows"]),
        "links_template": broken["template"],
        "links_acknowledged": broken["acknowledged"],
        "links_redirects": sum(1 for link in findings.get("links") or [] if link.get("permanent_redirect")),
        "links_fixed": links_fixed,
        "checklist": checklist,
        "checklist_available": bool(findings.get("checklist")) or checklist is not None,
        "health": {
            "crawl": crawl,
            "duration_s": _seconds(crawl.get("started_at"), crawl.get("finished_at")),
            "errors": errors_shown,
            "errors_more": errors_more,
            "errors_total": len(error_pages),
            "week_errors": week.get("errors") or [],
            "slowest": slowest,
            "unassigned": unassigned_shown,
            "unassigned_more": unassigned_more,
            "unassigned_total": len(unassigned),
            "ignored": len(findings.get("ignored_changes") or []),
            "security": security[:ERROR_ROWS],
            "security_more": max(0, len(security) - ERROR_ROWS),
            "security_available": "security" in findings,
            "accessibility": accessibility_view(findings, baseline),
        },
    }


def accessibility_view(findings: dict[str, Any], baseline: dict[str, Any] | None = None) -> dict[str, Any] | None:
    """Accessibility findings counted by WCAG criterion and by dependencia (with the change since
    ``baseline``, the summary of the crawl compared with)."""
    if "accessibility" not in findings and "accessibility_summary" not in findings:
        return None
    items = [a for a in findings.get("accessibility") or [] if isinstance(a, dict)]
    summary = findings.get("accessibility_summary")
    if isinstance(summary, dict) and isinstance(summary.get("by_criterion"), list):
        rows = [filled(r, ("criterion", "name", "count")) for r in summary["by_criterion"] if isinstance(r, dict)]
        total, pages = summary.get("total") or 0, summary.get("pages")
    else:
        counts: dict[str, int] = defaultdict(int)
        for a in items:
            counts[a.get("criterion") or "?"] += 1
        rows = [{"criterion": c, "name": None, "count": n} for c, n in sorted(counts.items(), key=lambda kv: -kv[1])]
        total, pages = len(items), len({a.get("url") for a in items})
    before = (baseline or {}).get("a11y_by_dep")
    per_dep: dict[str, int] = defaultdict(int)
    for a in items:
        per_dep[a.get("dependencia") or "sin asignar"] += 1
    by_dep = [
        {"dependencia": d, "count": n, "new": None if before is None else n - before.get(d, 0)}
        for d, n in sorted(per_dep.items(), key=lambda kv: -kv[1])
    ]
    return {"total": total, "pages": pages, "by_criterion": rows[:8], "by_dependencia": by_dep}


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


def _month_strip(dep: dict[str, Any], month: str | None, today: date | None) -> list[dict[str, Any]]:
    """One cell per day of the month: updated or not, and whether it is still to come."""
    if not month:
        return []
    year, mon = int(month[:4]), int(month[5:7])
    updated = {}
    for entry in dep.get("update_days") or []:
        d = local_date(entry.get("date"))
        if d and d.year == year and d.month == mon:
            updated[d.day] = entry.get("signals") or []
    days = calendar.monthrange(year, mon)[1]
    future_from = today.day + 1 if today and today.year == year and today.month == mon else days + 1
    return [
        {
            "day": d,
            "date": date(year, mon, d),
            "updated": d in updated,
            "signals": updated.get(d, []),
            "future": d >= future_from,
        }
        for d in range(1, days + 1)
    ]


def _seconds(start: Any, end: Any) -> float | None:
    from gelt_audit.reports.fmt import to_datetime

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


# -- committee report ----------------------------------------------------------------------------
def committee(
    config: Any,
    findings: dict[str, Any],
    now: datetime,
    since: date | None,
    since_source: str,
    baseline: dict[str, Any] | None,
    baseline_crawl: dict[str, Any] | None,
    trend: list[dict[str, Any]],
) -> dict[str, Any]:
    """The committee report: checklist by phase/section, indicators, trend, documents.

    ``baseline`` is the summary of the crawl compared with (the last committee report's, by
    default); ``trend`` the summaries from there to now, oldest first (the current one last).
    """
    site_url = (findings.get("site") or {}).get("url") or config.site_url
    checklist = findings.get("checklist") if isinstance(findings.get("checklist"), list) else None
    scores = findings.get("checklist_scores") if isinstance(findings.get("checklist_scores"), dict) else {}
    documents_src = "auditoría"
    documents = findings.get("documents")
    if documents is None:
        documents, documents_src = documents_from_links(findings), "enlaces del sitio"
    documents = sorted(
        (filled(d, DOCUMENT_KEYS) for d in documents if isinstance(d, dict)),
        key=lambda d: (d.get("dependencia") or "\uffff", -(d.get("year") or 0), d.get("title") or ""),
    )
    docs_shown, docs_more = cut(documents, DOCUMENT_ROWS)
    changes = checklist_changes(checklist, (baseline or {}).get("items"))
    if changes is None and baseline is None:
        changes = findings_regressions(findings)
    return {
        **header(config, findings, now, baseline_crawl),
        "kind": "committee",
        "site_url": site_url,
        "since": since,
        "since_source": since_source,
        "scores": score_rows(findings, baseline),
        "profiles": profiles(checklist, scores) if checklist else None,
        "indicators": indicator_rows(findings.get("indicators")),
        "changes": changes,
        "changes_available": changes is not None,
        "trend": trend_view(trend, findings),
        "documents": docs_shown,
        "documents_more": docs_more,
        "documents_total": len(documents),
        "documents_source": documents_src,
        "documents_by_format": _count_by(documents, "format"),
        "broken_total": len(broken_urls(findings)),
        "annexes": annexes_view(findings, trend),
    }


def _document(doc: dict[str, Any], titles: dict[str, str | None]) -> dict[str, Any]:
    out = filled(doc, DOCUMENT_KEYS)
    if out["page_title"] is None and out["page"]:
        out["page_title"] = titles.get(out["page"])
    if out["state"] is None and isinstance(out.get("status"), int) and (out["status"] >= 400 or out["status"] == 0):
        out["state"] = "broken"
    return out


def _group_names(profile: str) -> tuple[list[str], dict[str, str], str | None]:
    """Group order and names of a checklist profile, from its file when the module can read it."""
    try:
        from gelt_audit.audits.checklist import load_checklist

        checklist = load_checklist(profile)
    except Exception:  # module being written, unknown profile, bad file: fall back to ids
        return [], {}, None
    return [g.id for g in checklist.groups], {g.id: g.name for g in checklist.groups}, checklist.name


def profiles(checklist: list[dict[str, Any]], scores: dict[str, Any]) -> list[dict[str, Any]]:
    """Checklist items as profile → phase/section → items, with each group's score."""
    by_profile: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for item in checklist:
        by_profile.setdefault(item.get("profile") or "", {}).setdefault(item.get("phase") or "", []).append(item)
    out = []
    for profile, groups in by_profile.items():
        order, names, file_name = _group_names(profile)
        entry = scores.get(profile) if isinstance(scores.get(profile), dict) else {}
        group_scores = entry.get("groups") or entry.get("phases") or {}
        ranked = sorted(groups, key=lambda g: (order.index(g) if g in order else len(order), list(groups).index(g)))
        group_views = []
        for gid in ranked:
            items = groups[gid]
            raw = group_scores.get(gid)
            score = raw.get("score") if isinstance(raw, dict) else raw
            name = (
                names.get(gid)
                or (raw.get("name") if isinstance(raw, dict) else None)
                or FALLBACK_GROUP_NAMES.get(gid)
                or gid
            )
            counts = {s: sum(1 for i in items if i.get("status") == s) for s in STATUS_LABELS}
            group_views.append(
                {
                    "id": gid,
                    "name": name,
                    "score": score if isinstance(score, int | float) else None,
                    "counts": counts,
                    "anchor": f"g-{profile}-{gid}".replace(".", "-"),
                    "entries": [_item_view(i) for i in items],
                }
            )
        out.append(
            {
                "profile": profile,
                "name": PROFILE_NAMES.get(profile) or file_name or (entry.get("name") if entry else None) or profile,
                "score": overall_score(entry) if entry else None,
                "groups": group_views,
                "anchor": f"p-{profile}",
                "counts": {s: sum(g["counts"][s] for g in group_views) for s in STATUS_LABELS},
            }
        )
    return out


def _item_view(item: dict[str, Any]) -> dict[str, Any]:
    evidence = [e for e in item.get("evidence") or [] if isinstance(e, str)]
    shown, more = cut(evidence, EVIDENCE_LINKS)
    declared = item.get("source") == "manual"
    return {
        **filled(item, ITEM_KEYS),
        "evidence": shown,
        "evidence_more": more,
        "declared": declared,
        "status_label": STATUS_LABELS.get(item.get("status"), item.get("status")),
    }


def indicator_rows(indicators: Any) -> list[dict[str, Any]] | None:
    """The action plan's indicators with a "met" verdict where one can be read."""
    if not isinstance(indicators, list):
        return None
    out = []
    for ind in indicators:
        if not isinstance(ind, dict):
            continue
        met = ind.get("met")
        if met is None:
            met = _met(ind.get("target"), ind.get("value"))
        out.append({**filled(ind, INDICATOR_KEYS), "met": met, "value_parts": _value_parts(ind.get("value"))})
    return out


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        m = re.fullmatch(r"\s*(\d+(?:[.,]\d+)?)\s*%?\s*", value)
        if m:
            return float(m.group(1).replace(",", "."))
    return None


def _met(target: Any, value: Any) -> bool | None:
    """Met when both read as numbers (``100 %``, ``1``) and the value reaches the target."""
    t, v = _number(target), _number(value)
    if t is None or v is None:
        return None
    return v >= t


def _value_parts(value: Any) -> list[tuple[str, Any]] | None:
    """A dict value (scores per phase) as (name, value) pairs for a small list."""
    if isinstance(value, dict):
        return [(FALLBACK_GROUP_NAMES.get(k, k), v) for k, v in value.items()]
    return None


def documents_from_links(findings: dict[str, Any]) -> list[dict[str, Any]]:
    """The documents the site links to (PDF, DOC, XLS…), when the audits did not list them."""
    titles = page_titles(findings.get("pages") or [])
    out = []
    for link in findings.get("links") or []:
        path = unquote(urlsplit(link["url"]).path)
        ext = path.rsplit(".", 1)[-1].lower() if "." in path.rsplit("/", 1)[-1] else ""
        if ext not in DOC_FORMATS:
            continue
        occurrences = link.get("occurrences") or [{"page": p, "text": ""} for p in link.get("found_on") or []]
        text = _first_text(occurrences)
        filename = path.rsplit("/", 1)[-1]
        page = occurrences[0]["page"] if occurrences else None
        out.append(
            {
                "url": link["url"],
                "title": text or filename,
                "format": DOC_FORMATS[ext],
                "year": _year(f"{text} {filename}"),
                "page": page,
                "page_title": titles.get(page) if page else None,
                "dependencia": (occurrences[0].get("dependencia") if occurrences else None) or link.get("dependencia"),
                "state": link.get("state"),
            }
        )
    return out


def _year(text: str) -> int | None:
    """The latest plausible year a title or file name mentions (1990 to next year)."""
    this_year = clock.today().year
    years = [int(y) for y in re.findall(r"(?<!\d)(19[89]\d|20\d\d)(?!\d)", text) if 1990 <= int(y) <= this_year + 1]
    return max(years) if years else None


def _count_by(rows: list[dict[str, Any]], key: str) -> list[tuple[str, int]]:
    counts: dict[str, int] = defaultdict(int)
    for row in rows:
        counts[row.get(key) or "otro"] += 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


# -- charts ------------------------------------------------------------------------------------------
CHART_W, CHART_H = 720, 200
PAD_L, PAD_R, PAD_T, PAD_B = 46, 18, 14, 30
SERIES_STYLES = [("#1d5fa8", ""), ("#b3541e", "6 4"), ("#2f7d4f", "2 3"), ("#6b4ea8", "8 3 2 3")]


def line_chart(
    series: list[dict[str, Any]], labels: list[str], y_max: float | None = None, unit: str = ""
) -> dict[str, Any]:
    """Coordinates of an SVG line chart: each series has ``name`` and ``values`` (None = gap)."""
    values = [v for s in series for v in s["values"] if v is not None]
    top = y_max if y_max is not None else max([*values, 1])
    if y_max is None:
        top = _nice(top)
    n = len(labels)
    inner_w, inner_h = CHART_W - PAD_L - PAD_R, CHART_H - PAD_T - PAD_B

    def x(i: int) -> float:
        return PAD_L + (inner_w * i / (n - 1) if n > 1 else inner_w / 2)

    def y(v: float) -> float:
        return PAD_T + inner_h * (1 - (v / top if top else 0))

    out_series = []
    for k, s in enumerate(series):
        color, dash = SERIES_STYLES[k % len(SERIES_STYLES)]
        points = [(round(x(i), 1), round(y(v), 1), labels[i], v) for i, v in enumerate(s["values"]) if v is not None]
        out_series.append(
            {
                "name": s["name"],
                "color": color,
                "dash": dash,
                "path": " ".join(f"{px},{py}" for px, py, _, _ in points),
                "points": points,
            }
        )
    ticks = [(round(y(top * f), 1), top * f) for f in (0, 0.5, 1)]
    step = max(1, round(n / 6))
    picked = list(range(0, n, step))
    if n > 1 and picked[-1] != n - 1:
        if x(n - 1) - x(picked[-1]) < 90:
            picked.pop()  # keep the last date readable rather than two labels on top of each other
        picked.append(n - 1)
    # The first label starts at its point and the last ends at it, so neither is cut by the edge.
    x_labels = [
        (round(x(i), 1), labels[i], "start" if i == 0 and n > 1 else "end" if i == n - 1 and n > 1 else "middle")
        for i in picked
    ]
    return {
        "width": CHART_W,
        "height": CHART_H,
        "series": out_series,
        "ticks": ticks,
        "x_labels": x_labels,
        "left": PAD_L,
        "right": CHART_W - PAD_R,
        "bottom": CHART_H - PAD_B,
        "unit": unit,
        "points": n,
    }


def _nice(value: float) -> float:
    """A round axis maximum at or above ``value`` (1, 2, 5 × 10^k)."""
    if value <= 1:
        return 1
    magnitude = 10 ** (len(str(int(value))) - 1)
    for m in (1, 2, 5, 10):
        if m * magnitude >= value:
            return float(m * magnitude)
    return float(value)


def trend_view(trend: list[dict[str, Any]], findings: dict[str, Any]) -> dict[str, Any]:
    """Checklist score and broken links over time, and updates per dependencia per month."""
    labels = [t["date"] for t in trend]
    profiles_seen = list(dict.fromkeys(p for t in trend for p in (t.get("scores") or {})))
    score_chart = None
    if profiles_seen:
        score_chart = line_chart(
            [
                {
                    "name": PROFILE_NAMES.get(p, p).split(",")[0],
                    "values": [(t.get("scores") or {}).get(p) for t in trend],
                }
                for p in profiles_seen
            ],
            labels,
            y_max=100,
            unit="%",
        )
    broken_chart = line_chart([{"name": "Enlaces rotos", "values": [t.get("broken_count") for t in trend]}], labels)
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
        "months": month_keys,
        "updates": table,
    }
