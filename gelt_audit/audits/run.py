"""Run every audit over a finished crawl and gather the findings the reports render."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from gelt_audit.audits import accessibility, links, security
from gelt_audit.audits.accessibility import audit_accessibility
from gelt_audit.audits.changes import compare, last_changed
from gelt_audit.audits.checklist import audit_checklist
from gelt_audit.audits.documents import inventory
from gelt_audit.audits.links import audit_links
from gelt_audit.audits.pages import judge_bodies, page_inventory
from gelt_audit.audits.security import audit_security
from gelt_audit.audits.updates import frequency
from gelt_audit.config import Config
from gelt_audit.store import Crawl, Store, utcnow


def settings_fingerprint(config: Config, version: int) -> str:
    """A short hash of every setting that changes what the audits find (for cached summaries)."""
    settings = {
        "v": version,
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
BODY_JUDGES = (accessibility.JUDGE, security.FORMS, links.ANCHORS)


class NoCrawlError(Exception):
    """There is no finished crawl to audit yet."""


def audit(store: Store, config: Config, crawl: Crawl | None = None) -> dict[str, Any]:
    """Findings for ``crawl`` (default: the last finished one), compared with the one before."""
    crawl = crawl or store.latest_crawl(config.site_url)
    if crawl is None:
        raise NoCrawlError(
            f"Todavía no hay un rastreo terminado de {config.site_url} en {store.path}. "
            "Ejecute primero: gelt-audit crawl"
        )
    previous = store.previous_crawl(crawl)
    attempt = store.last_attempt(config.site_url)
    judge_bodies(store, crawl, BODY_JUDGES)
    base = signal_findings(store, crawl, config)
    pages, links = base["pages"], base["link_audit"]
    changes = compare(store, crawl, previous, config.dependencias)
    accessibility = audit_accessibility(store, crawl, config.dependencias)
    compliance = audit_checklist(store, crawl, previous, config, base, lambda: signal_findings(store, previous, config))
    return {
        "site": {"name": config.site_name, "url": config.site_url},
        "crawl": crawl.as_dict(),
        "previous_crawl": previous.as_dict() if previous else None,
        # A failed or interrupted crawl after the one reported: the report must say the site was down.
        "last_attempt": (
            {**attempt.as_dict(), "status": attempt.status, "error": attempt.error}
            if attempt and attempt.id > crawl.id
            else None
        ),
        "pages": pages,
        "changes": changes.changes,
        "template_changes": changes.template,
        "page_errors": changes.errors,
        "ignored_changes": changes.ignored,
        "dependencias": base["dependencias"],
        "unassigned": [p["url"] for p in pages if p["dependencia"] is None and p["kind"] == "page"],
        "links": links["links"],
        "allied": links["allied"],
        "insecure": links["insecure"],
        "documents": inventory(store, crawl, config.dependencias),
        "accessibility": accessibility["findings"],
        "accessibility_summary": accessibility["summary"],
        "security": audit_security(store, crawl, links["insecure"]),
        **compliance,
        "generated_at": utcnow(),
    }


def signal_findings(store: Store, crawl: Crawl, config: Config) -> dict[str, Any]:
    """The findings other audits build on: pages, update frequency, links and allied entities."""
    pages = page_inventory(store, crawl, config.dependencias)
    changed_at = last_changed(store, crawl)
    for page in pages:
        page["last_changed"] = changed_at.get(page["url"])
    links = audit_links(store, crawl, config)
    return {
        "pages": pages,
        "dependencias": frequency(store, crawl, config.dependencias, pages, config.targets["updates_per_month"]),
        "links": links["links"],
        "allied": links["allied"],
        "link_audit": links,
    }
