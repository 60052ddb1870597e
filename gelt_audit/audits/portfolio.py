"""The portfolio ranking: every site of a gobernación's (or a nation's) portfolio, compared.

For each site: its latest finished crawl, audited with the site's own config (the same audits as
its weekly report), boiled down to three figures people compare across municipalities —

- the GEL-T checklist score (0–100; absent until the checklist audit gives ``checklist_scores``),
- update frequency: distinct days this month the site was updated, against the plan's target,
- broken links: links people are asked to fix (acknowledged false alarms left out),

a composite score from them, the rank, and the change since the site's previous finished crawl.
Sites are also grouped per department. Pure function of (store, config): no network.

Audit results per crawl are cached in the store (``portfolio_summaries``, created by its
migrations), keyed by the settings that change them, so a weekly ranking of hundreds of sites only
audits the new crawls.

Which sites make up the portfolio, and each one's config, is the caller's (the config layer's):
``ranking`` gets ``(site, site config)`` pairs.
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from collections.abc import Sequence
from typing import Any, Protocol

from gelt_audit.audits.linktable import link_values, links_where
from gelt_audit.audits.pages import count_page_errors, count_pages_ok
from gelt_audit.audits.run import audit, settings_fingerprint
from gelt_audit.audits.updates import frequency
from gelt_audit.config import Config, Dependencia, NoiseRule
from gelt_audit.errors import NoPortfolioData
from gelt_audit.linkstate import spoken_error
from gelt_audit.store import Crawl, Store, utcnow

log = logging.getLogger("gelt_audit.audits.portfolio")

CACHE_TABLE = "portfolio_summaries"
SUMMARY_VERSION = 3  # 3: pages_ok, the pages of the site (2xx), the broken links' denominator (H293); 2: page_errors leaves out the pages whose name did not resolve from here (DNS, H292)
# Weights of the composite score; a missing figure (no checklist yet) is left out and the
# others are re-weighted, so sites stay comparable as long as they are all measured alike.
WEIGHTS = {"checklist": 0.5, "updates": 0.3, "links": 0.2}
# Broken links per page at which the links part of the score reaches zero.
BROKEN_PER_PAGE_FLOOR = 0.2
WHOLE_SITE = "(todo el sitio)"


class Site(Protocol):
    """What the ranking reads of a portfolio site (``PortfolioSite`` of the config layer)."""

    url: str
    department: str
    dane: str

    @property
    def label(self) -> str: ...


def _fingerprint(config: Config) -> str:
    return settings_fingerprint(config, SUMMARY_VERSION)


def checklist_score(findings: dict[str, Any]) -> float | None:
    """The mean overall score of the checklist profiles, when the checklist audit gives one."""
    scores = findings.get("checklist_scores")
    if not isinstance(scores, dict) or not scores:
        return None
    values = []
    for entry in scores.values():
        value = entry.get("overall") if isinstance(entry, dict) else entry
        if isinstance(value, int | float) and not isinstance(value, bool):
            values.append(float(value))
    return round(sum(values) / len(values), 1) if values else None


def site_updates(
    store: Store, crawl: Crawl, findings: dict[str, Any], target: int, noise: Sequence[NoiseRule] = ()
) -> dict[str, Any]:
    """Update days this month for the whole site (every page is one pseudo-dependencia)."""
    whole = [Dependencia(WHOLE_SITE, "", "", ("/",))]
    pages = [{**p, "dependencia": WHOLE_SITE} for p in findings.get("pages") or []]
    row = frequency(store, crawl, whole, pages, target, noise)[0]
    return {
        "updates_this_month": row["updates_this_month"],
        "month": row["month"],
        "last_update": row["last_update"],
        "meets_target": row["meets_target"],
    }


def summarize(store: Store, config: Config, crawl: Crawl) -> dict[str, Any]:
    """The figures of one crawl of one site the ranking compares (JSON-serialisable)."""
    findings = audit(store, config, crawl, browser=False)  # the ranking reads none of it: no Chromium per site
    target = config.targets["updates_per_month"]
    broken = sorted(
        {link["url"] for link in links_where(findings.get("links"), "state", "broken") if not link.get("acknowledged")}
    )
    deps = findings.get("dependencias") or []
    pages = [p for p in findings.get("pages") or [] if p.get("kind") == "page"]
    return {
        "v": SUMMARY_VERSION,
        "crawl_id": crawl.id,
        "started_at": crawl.started_at,
        "pages": len(pages),  # every page response, errors included (the key keeps its meaning)
        # the pages of the site as its own reports count them (2xx: audits.pages.count_pages_ok)
        "pages_ok": count_pages_ok(pages),
        "page_errors": count_page_errors(pages),
        "checklist_score": checklist_score(findings),
        "update_target": target,
        **site_updates(store, crawl, findings, target, config.noise),
        "deps_total": len(deps),
        "deps_meeting": sum(1 for d in deps if d.get("meets_target")),
        "broken_links": len(broken),
        "links_total": len(set(link_values(findings.get("links"), "url"))),
    }


def summary(store: Store, config: Config, crawl: Crawl) -> dict[str, Any]:
    """The cached summary of ``crawl``, computing and storing it when missing."""
    fp = _fingerprint(config)
    try:
        row = store.db.execute(
            f"select json from {CACHE_TABLE} where crawl_id = ? and fp = ?", [crawl.id, fp]
        ).fetchone()
    except Exception:  # a read-only store: no cache, same figures
        row = None
    if row:
        data = json.loads(row[0])
        if data.get("v") == SUMMARY_VERSION:
            return data
    data = summarize(store, config, crawl)
    try:
        with store.db.conn:
            store.db[CACHE_TABLE].upsert(
                {"crawl_id": crawl.id, "fp": fp, "json": json.dumps(data, ensure_ascii=False)}, pk=("crawl_id", "fp")
            )
    except Exception as exc:
        log.warning("No se pudo guardar el resumen del rastreo %s: %s", crawl.id, exc)
    return data


def composite(s: dict[str, Any]) -> float:
    """0–100 from the checklist score, the update frequency and the broken links (see WEIGHTS)."""
    parts: dict[str, float] = {}
    if s.get("checklist_score") is not None:
        parts["checklist"] = float(s["checklist_score"])
    target = s.get("update_target") or 0
    parts["updates"] = 100.0 if target <= 0 else min(1.0, (s.get("updates_this_month") or 0) / target) * 100
    # broken links per page of the site (2xx, as its reports count them), not per response
    per_page = (s.get("broken_links") or 0) / max(1, s.get("pages_ok") or 0)
    parts["links"] = max(0.0, 1 - per_page / BROKEN_PER_PAGE_FLOOR) * 100
    weight = sum(WEIGHTS[k] for k in parts)
    return round(sum(WEIGHTS[k] * v for k, v in parts.items()) / weight, 1)


def _last_attempt(store: Store, url: str) -> dict[str, Any] | None:
    attempt = store.last_attempt(url)
    if attempt is None:
        return None
    return {"id": attempt.id, "status": attempt.status, "started_at": attempt.started_at, "error": attempt.error}


def _ranks(entries: list[dict[str, Any]], key: str) -> dict[str, int]:
    """Competition ranking (1, 2, 2, 4) by ``key`` descending; name breaks nothing, ties share."""
    ordered = sorted((e for e in entries if e.get(key) is not None), key=lambda e: -e[key])
    ranks: dict[str, int] = {}
    for i, e in enumerate(ordered):
        if i and e[key] == ordered[i - 1][key]:
            ranks[e["url"]] = ranks[ordered[i - 1]["url"]]
        else:
            ranks[e["url"]] = i + 1
    return ranks


def _change(now: Any, before: Any) -> float | None:
    if now is None or before is None:
        return None
    return round(now - before, 1)


def site_entry(store: Store, site: Site, cfg: Config) -> dict[str, Any]:
    """One row of the ranking: the site's latest summary and the one before (``cfg``: its config)."""
    entry: dict[str, Any] = {
        "name": site.label,
        "department": site.department or "Sin departamento",
        "dane": site.dane or None,
        "url": site.url,
        "status": "sin_rastreo",
        "crawl": None,
        "previous_crawl": None,
        "last_attempt": _last_attempt(store, site.url),
        **_figures({}),
        "previous": None,
        "change": None,
    }
    crawls = store.finished_crawls(site.url)
    if not crawls:
        attempt = entry["last_attempt"]
        if attempt and attempt["status"] != "running":
            entry["status"] = "fallido"
        return entry
    latest, previous = crawls[0], (crawls[1] if len(crawls) > 1 else None)
    now = summary(store, cfg, latest)
    now["score"] = composite(now)
    entry.update(status="ok", crawl={"id": latest.id, "started_at": latest.started_at, "pages": latest.pages,
                                     "errors": latest.errors}, **_figures(now))  # fmt: skip
    if (
        entry["last_attempt"]
        and entry["last_attempt"]["id"] != latest.id
        and entry["last_attempt"]["status"] == "failed"
    ):
        entry["status"] = "ultimo_fallido"  # ranked on its last good crawl, but the latest attempt failed
    if previous is not None:
        before = summary(store, cfg, previous)
        before["score"] = composite(before)
        entry["previous_crawl"] = {"id": previous.id, "started_at": previous.started_at}
        entry["previous"] = _figures(before)
        entry["change"] = {k: _change(entry[k], before.get(k)) for k in
                           ("score", "checklist_score", "updates_this_month", "broken_links", "pages", "pages_ok")}  # fmt: skip
    else:
        entry["previous"] = None
        entry["change"] = None
    return entry


def _figures(s: dict[str, Any]) -> dict[str, Any]:
    keys = ("score", "checklist_score", "updates_this_month", "update_target", "meets_target", "month", "last_update",
            "deps_total", "deps_meeting", "broken_links", "links_total", "pages", "pages_ok", "page_errors")  # fmt: skip
    return {k: s.get(k) for k in keys}


def _no_data(store: Store, entries: list[dict[str, Any]]) -> str:
    """Why there is no ranking: no crawl yet, or each site's failed attempt. «Ejecute primero:
    gelt-audit crawl» was all it said, also to someone who had just run a crawl that failed."""
    failed = [e for e in entries if e.get("last_attempt")]
    head = f"Ningún sitio de la cartera tiene todavía un rastreo terminado en {store.path}."
    if not failed:
        return f"{head} Ejecute primero: gelt-audit crawl"
    reasons = "; ".join(
        f"{e['name']}: {spoken_error(e['last_attempt'].get('error')) or e['last_attempt'].get('status')}"
        for e in failed
    )
    return f"{head} Los últimos intentos fallaron ({reasons}). Corrija eso y rastree de nuevo (gelt-audit crawl)."


def ranking(store: Store, config: Config, sites: Sequence[tuple[Site, Config]]) -> dict[str, Any]:
    """The portfolio report's data: sites ranked, per department, with the change since last period.

    ``config``: the portfolio's config; ``sites``: each site of the portfolio with its own
    single-site config.
    """
    entries = [site_entry(store, site, cfg) for site, cfg in sites]
    store.flush_audits()
    ranked = [e for e in entries if e.get("score") is not None]
    if not ranked:
        raise NoPortfolioData(_no_data(store, entries))
    ranks = _ranks(ranked, "score")
    before = [{"url": e["url"], "score": e["previous"]["score"]} for e in ranked if e.get("previous")]
    previous_ranks = _ranks(before, "score")
    for e in entries:
        e["rank"] = ranks.get(e["url"])
        e["previous_rank"] = previous_ranks.get(e["url"])
        e["rank_change"] = (e["previous_rank"] - e["rank"]) if e["rank"] and e["previous_rank"] else None
    entries.sort(key=lambda e: (e["rank"] is None, e["rank"] or 0, e["name"]))
    departments = []
    by_dep: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in entries:
        by_dep[e["department"]].append(e)
    for name, members in by_dep.items():
        scored = [m for m in members if m.get("score") is not None]
        dep_ranks = _ranks(scored, "score")
        for m in members:
            m["department_rank"] = dep_ranks.get(m["url"])
        changes = [m["change"]["score"] for m in scored if m.get("change") and m["change"]["score"] is not None]
        departments.append(
            {
                "department": name,
                "sites": len(members),
                "crawled": len(scored),
                "average_score": round(sum(m["score"] for m in scored) / len(scored), 1) if scored else None,
                "average_change": round(sum(changes) / len(changes), 1) if changes else None,
                "broken_links": sum(m.get("broken_links") or 0 for m in scored),
                "meeting_update_target": sum(1 for m in scored if m.get("meets_target")),
                "without_crawl": [m["name"] for m in members if m.get("score") is None],
                "ranking": [m["url"] for m in sorted(scored, key=lambda m: dep_ranks[m["url"]])],
            }
        )
    departments.sort(key=lambda d: (d["average_score"] is None, -(d["average_score"] or 0), d["department"]))
    return {
        "portfolio": {
            "config": str(config.path),
            "sites": len(entries),
            "crawled": len(ranked),
            "without_crawl": len(entries) - len(ranked),
            "update_target": config.targets["updates_per_month"],
            "weights": WEIGHTS,
            "checklist_available": any(e.get("checklist_score") is not None for e in ranked),
            "generated_at": utcnow(),
        },
        "sites": entries,
        "departments": departments,
    }
