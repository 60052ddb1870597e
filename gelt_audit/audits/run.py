"""Run every audit over a finished crawl and gather the findings the reports render.

Every audit has one shape, ``(AuditContext) -> Findings`` (see ``audits.context``): ``AUDITS``
lists them in the order they run, each one reading what the ones before it found.
"""

from __future__ import annotations

import hashlib
import json

from gelt_audit.allocator import map_large_blocks
from gelt_audit.audits import (
    accessibility,
    browser_audit,
    browser_pass,
    changes,
    documents,
    external,
    links,
    pages,
    security,
    updates,
)
from gelt_audit.audits.checklist import audit as checklist_engine
from gelt_audit.audits.checklist import audit_checklist, parse
from gelt_audit.audits.context import Audit, AuditContext, run_audits
from gelt_audit.audits.findings import Findings
from gelt_audit.audits.findings_cache import run_kept
from gelt_audit.audits.source_hash import code_version
from gelt_audit.collector import settle_imports
from gelt_audit.config import Config
from gelt_audit.errors import NoCrawlError
from gelt_audit.store import Crawl, Store, utcnow


def settings_fingerprint(config: Config, version: int) -> str:
    """A short hash of every setting that changes what the audits find (for cached summaries)."""
    settings = {
        "v": version,
        # a summary of an older crawl made by another checklist engine would read as items won or
        # lost after an upgrade: the engine's own versions are part of what the figures depend on
        "engine": [checklist_engine.VERSION, parse.PARSE_VERSION, code_version()],
        "deps": [[d.name, list(d.match)] for d in config.dependencias],
        "targets": config.targets,
        "checklist": config.checklist,
        "links": config.links,
        "noise": [[r.prefix, list(r.selectors), list(r.patterns)] for r in config.noise],
        "hosts": list(config.hosts),
    }
    blob = json.dumps(settings, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


# Per-body judgements made in one pass over the crawl's bodies (one parse each)
BODY_JUDGES = (accessibility.JUDGE, security.FORMS, links.ANCHORS, pages.NAMES)


def crawls(ctx: AuditContext) -> Findings:
    """site, crawl, previous_crawl, and last_attempt: a failed or interrupted crawl after the one
    reported (the report must say the site was down)."""
    attempt = ctx.store.last_attempt(ctx.config.site_url)
    return {
        "site": {"name": ctx.config.site_name, "url": ctx.config.site_url},
        "crawl": ctx.crawl.as_dict(),
        "previous_crawl": ctx.previous.as_dict() if ctx.previous else None,
        "last_attempt": (
            {**attempt.as_dict(), "status": attempt.status, "error": attempt.error}
            if attempt and attempt.id > ctx.crawl.id
            else None
        ),
    }


def judge_bodies(ctx: AuditContext) -> Findings:
    """Nothing found: fills the per-body caches the page-content audits read, in one parse per body
    (with the browser pass on, also what its page selection reads of each body)."""
    browser = (browser_pass.TEMPLATE,) if ctx.config.accessibility.browser != "off" else ()
    pages.judge_bodies(ctx.store, ctx.crawl, BODY_JUDGES + browser)
    return {}


# What the checklist reads of another crawl: pages, their dependencias' updates, links.
SIGNALS: tuple[Audit, ...] = (pages.find, links.find, external.find, updates.find)


def forget_audit_caches() -> None:
    """Drop what the audits before the checklist remember across pages (the dependencia of each
    URL, the plain form of each link name): it would be held while the checklist's site index is
    built, the report's peak, and nothing there reads it. Pure caches: later steps fill them again."""
    pages.forget_names()
    accessibility.forget_plain()


def checklist(ctx: AuditContext) -> Findings:
    """checklist, checklist_scores, regressions, newly_met, indicators (the checklist engine's)."""
    previous = ctx.previous

    def previous_signals() -> Findings:
        assert previous is not None  # called only to evaluate the previous crawl
        found = run_audits(ctx.for_crawl(previous), SIGNALS)
        forget_audit_caches()  # the previous crawl's URLs, beside its index next
        return found

    forget_audit_caches()
    return audit_checklist(ctx.store, ctx.crawl, previous, ctx.config, ctx.findings, previous_signals)


# What ``checklist`` reads of the earlier steps' findings (``audit_checklist``: the links' states,
# the dependencias and allied entities for its signals and indicators; ``security.find``'s
# ``insecure`` is read after it). The rest is held packed while its site index is built.
CHECKLIST_READS = frozenset({"links", "dependencias", "allied"})


def stamp(ctx: AuditContext) -> Findings:
    """generated_at: when these findings were made."""
    return {"generated_at": utcnow()}


AUDITS: tuple[Audit, ...] = (
    crawls,
    judge_bodies,
    *SIGNALS,
    changes.find,
    accessibility.find,
    browser_audit.find,
    checklist,
    documents.find,
    security.find,
    stamp,
)


# Steps whose findings can change after the crawl (a later attempt, the browser pass, the time of
# the report): run every time, while the others' findings are kept per crawl (audits.findings_cache).
VOLATILE: tuple[Audit, ...] = (crawls, browser_audit.find, stamp)

# Everything but the browser pass (it starts Chromium): for the summaries of past crawls, whose
# figures do not read it.
WITHOUT_BROWSER: tuple[Audit, ...] = tuple(a for a in AUDITS if a is not browser_audit.find)


def audit(store: Store, config: Config, crawl: Crawl | None = None, *, browser: bool = True) -> Findings:
    """Findings for ``crawl`` (default: the last finished one), compared with the one before.

    ``browser=False`` leaves out the browser accessibility pass (no ``accessibility_browser``).
    """
    crawl = crawl or store.latest_crawl(config.site_url)
    if crawl is None:
        raise NoCrawlError(
            f"Todavía no hay un rastreo terminado de {config.site_url} en {store.path}. "
            "Ejecute primero: gelt-audit crawl"
        )
    settle_imports()
    map_large_blocks()  # the large blocks the checklist's indexes free are given back (H276)
    steps = AUDITS if browser else WITHOUT_BROWSER
    # switched off, the browser step starts nothing and its answer depends on the crawl only: kept
    volatile = VOLATILE if config.accessibility.browser != "off" else (crawls, stamp)
    ctx = AuditContext(store, config, crawl, store.previous_crawl(crawl))
    return run_kept(ctx, steps, volatile, {checklist: CHECKLIST_READS})
