"""The browser accessibility pass as an audit step: axe-core on the crawl's key pages and one page
per template, run once per finished crawl and kept in the store.

A finished crawl never changes, so its browser findings are computed once (``Store.cached_audit``
under ``crawl:<id>``) and a second report on the same crawl does not start Chromium again. Only a
pass that ran is kept: «sin navegador» is asked again next time (Chromium may have been installed
since), and «desactivado» never touches the store.
"""

from __future__ import annotations

from importlib import metadata
from typing import Any

from gelt_audit.audits.browser import STATE_OK
from gelt_audit.audits.browser_pass import audit_browser
from gelt_audit.audits.browser_process import run_isolated
from gelt_audit.audits.context import AuditContext
from gelt_audit.audits.findings import Findings
from gelt_audit.audits.pages import dependencia_name, is_html_page

AUDIT = "browser"
VERSION = 4  # bump when what the pass selects or reports changes: cached results are then recomputed
# 3: axe-core's Spanish locale (the rules' «help» a person reads) applied before axe runs (H289).
# 4: the project's Spanish for the 16 rules axe-core's es.json does not translate (H294).


class _NotKept(Exception):
    """The pass did not run (no browser): its answer is returned but not cached."""

    def __init__(self, result: dict[str, Any]):
        super().__init__(result["message"])
        self.result = result


def axe_package_version() -> str:
    """The installed axe-playwright-python (it ships axe-core): a new one judges anew."""
    try:
        return metadata.version("axe-playwright-python")
    except metadata.PackageNotFoundError:
        return "-"


def cache_version(max_pages: int) -> str:
    """What changes the pass's result for one crawl: this step, ``max_pages``, the axe-core shipped.

    The Chromium path is not in it: a result made with one Chromium stays valid for that crawl.
    """
    return f"{VERSION}:{max_pages}:{axe_package_version()}"


def cache_key(crawl_id: int) -> str:
    return f"crawl:{crawl_id}"


def find(ctx: AuditContext) -> Findings:
    """accessibility_browser: state, message, axe version, rendered pages, findings per template
    (each with the dependencia of its page)."""
    settings = ctx.config.accessibility
    html_pages = sum(1 for snap in ctx.store.snapshots(ctx.crawl.id) if is_html_page(snap))
    if settings.browser == "off":
        result = audit_browser(ctx.store, ctx.crawl, ctx.previous, mode="off")
        return {"accessibility_browser": {**result, "pages_total": html_pages}}

    def compute() -> dict[str, Any]:
        found = run_isolated(
            ctx.store.path,
            ctx.crawl.id,
            ctx.previous.id if ctx.previous else None,
            mode=settings.browser,
            max_pages=settings.max_pages,
            executable=settings.chromium,
        )
        if found["state"] != STATE_OK:
            raise _NotKept(found)
        return found

    try:
        result = ctx.store.cached_audit(cache_key(ctx.crawl.id), AUDIT, cache_version(settings.max_pages), compute)
        ctx.store.flush_audits()
    except _NotKept as exc:
        result = exc.result
    # The dependencia comes from today's configuration, not from the kept result: renaming a
    # dependencia must not need Chromium again.
    findings = [{**f, "dependencia": dependencia_name(f["url"], ctx.config.dependencias)} for f in result["findings"]]
    return {"accessibility_browser": {**result, "findings": findings, "pages_total": html_pages}}
