"""What the reports show, computed from the audits' findings before any template runs: the
pieces the weekly and the committee report share.

Templates only lay out what ``weekly``, ``committee`` and these functions return: every count,
grouping, cut ("y N más") and chart coordinate is decided in Python, so rendering a
10,000-page site stays fast and the numbers can be tested without parsing HTML. What a finding
means (a document, a link in the template, a regression) is the audits' judgement, never
decided again here. Nothing here formats for people (that is ``fmt``) or touches the store
(that is ``write``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from gelt_audit.audits import regressions
from gelt_audit.reports.fmt import local_date
from gelt_audit.reports.summary import overall_score

DIFF_WORDS = 90  # words of a word diff the HTML shows

KIND_LABELS = {"added": "nueva", "modified": "modificada", "removed": "eliminada"}
# Checklist item statuses as a reader sees them.
ITEM_STATUS_LABELS = {
    "cumple": "Cumple",
    "parcial": "Parcial",
    "no_cumple": "No cumple",
    "manual": "Por declarar",
    "no_aplica": "No aplica",
    "sin_verificar": "Sin verificar",
}
# Phase names when the checklist file cannot tell them.
FALLBACK_GROUP_NAMES = {
    "info": "Fase de información",
    "interaccion": "Fase de interacción",
    "transaccion": "Fase de transacción",
    "transformacion": "Fase de transformación",
    "democracia": "Fase de democracia",
    "plan": "Plan de acción del municipio",
}
# The GEL-T overall score averages the five phases and the action plan's own group (the committee
# report gives the two apart).
PROFILE_SHORT = {"gelt-2008": "GEL-T 2008 (cinco fases y plan de acción)", "ley1712-res1519": "Ley 1712 / Res. 1519"}
PROFILE_NAMES = {
    "gelt-2008": "Gobierno en Línea Territorial (GEL-T 2008), fase por fase",
    "ley1712-res1519": "Ley 1712 de 2014 y Resolución 1519 de 2020, sección por sección",
}
CHANGE_KEYS = ("profile", "item", "phase", "name", "detail", "before", "after")
# The checklist engine's kinds of change, as the reports group them.
MOVES = {"regression": "lost", "met": "gained", "improved": "moved"}


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
        # one sentence when the external links could not be verified at all (offline, switched off)
        "external_note": (findings.get("external_links") or {}).get("note"),
        # links of the public site to a developer's or an intranet's server (audits.external)
        "dev_host_links": list(findings.get("dev_host_links") or []),
    }


def checklist_changes(
    current: list[dict[str, Any]] | None, before: dict[str, str] | None
) -> dict[str, list[dict[str, Any]]] | None:
    """Items that got worse / now comply / otherwise moved since ``before`` (a summary's
    "profile|item" -> status), as the checklist engine judges it."""
    if not current or before is None:
        return None
    moved = regressions.since(current, before)
    return {group: [filled(row, CHANGE_KEYS) for row in moved[kind]] for kind, group in MOVES.items()}


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
