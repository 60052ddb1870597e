"""The findings of one audited crawl: the single source of the JSON report's contract.

``Findings`` is what ``audits.run.audit`` returns and what every report reads. Its keys come in
three groups, in the order the JSON report writes them:

- ``ContractFindings``: the top-level keys DESIGN.md («JSON report») promises. Keys may be
  added, never renamed or removed.
- ``ReportedFindings``: what the JSON report carries beyond the contract, because it explains the
  contract's figures (template changes, the allied entities, the checklist's scores…).
- ``Findings``: plus what the audits pass to the reports without writing it to the JSON.

Each row type lists the contract's keys first (required) and the keys the audits add today
(``NotRequired``). ``reports/json_report.py`` derives its key lists and defaults from these
classes: to add a key to the JSON report, add it here.

No ``from __future__ import annotations`` here: the annotations are read at run time.
"""

import typing
from typing import Any, Literal, NotRequired, TypedDict


class SiteInfo(TypedDict):
    name: str
    url: str


class CrawlInfo(TypedDict):
    """A finished crawl (``crawl``, ``previous_crawl``)."""

    id: int
    started_at: str
    finished_at: str | None
    pages: int
    errors: int


class AttemptInfo(CrawlInfo):
    """A crawl after the one reported that failed or was interrupted: the site may be down."""

    status: str
    error: str | None


class Page(TypedDict):
    url: str
    status: int | None
    title: str | None
    dependencia: str | None  # None where no [[dependencias]] rule claims the URL
    last_changed: str | None
    kind: NotRequired[str]  # page | document | redirect | error (snapshots.kind)
    content_type: NotRequired[str | None]
    encoding: NotRequired[str | None]
    excerpt: NotRequired[str | None]
    fetched_at: NotRequired[str]
    not_modified: NotRequired[bool]
    elapsed_ms: NotRequired[float | None]
    depth: NotRequired[int | None]
    location: NotRequired[str | None]
    error: NotRequired[str | None]
    links_cut: NotRequired[int]  # links of the page not kept (past site.max_links_per_page)


class Change(TypedDict):
    url: str
    dependencia: str | None
    kind: Literal["added", "modified", "removed"]
    crawl_id: int
    detected_at: NotRequired[str]
    diff: NotRequired[list[tuple[str, str]]]  # word diff of a modified page (not in the JSON: see changes.py)
    listing: NotRequired[dict[str, Any]]  # a listing page: new (url, text) items, items, noun, shift


class DependenciaFigures(TypedDict):
    name: str
    responsable: str
    pages: int
    updates_this_month: int
    target: int
    last_update: str | None
    meets_target: bool
    email: NotRequired[str]
    days_since_update: NotRequired[int | None]
    can_still_meet: NotRequired[bool]
    month: NotRequired[str]  # AAAA-MM
    update_days: NotRequired[list[dict[str, Any]]]
    updates_by_signal: NotRequired[dict[str, int]]
    last_published: NotRequired[str | None]  # newest date its pages declare (AAAA-MM-DD)
    last_detected: NotRequired[str | None]  # day a crawl last saw one of its pages change
    # a sitemap lastmod newer than last_update that no page shows and no change seen supports: not counted (H291)
    last_sitemap_date: NotRequired[str | None]
    pace: NotRequired[int]  # days with publication the plan expects by the crawl's day
    last_month: NotRequired[dict[str, Any]]  # first week of a month: {"month", "days", "target", "met"}


LinkStateName = Literal["ok", "broken", "blocked", "redirect", "skipped", "unverified"]


class Link(TypedDict):
    url: str
    state: LinkStateName
    status: int | None
    error: str | None
    found_on: list[str]  # page URLs
    dependencia: str | None
    final_status: NotRequired[int | None]
    internal: NotRequired[bool]
    chain: NotRequired[list[Any]]
    permanent_redirect: NotRequired[bool]
    occurrences: NotRequired[list[dict[str, Any]]]  # page, text, tag, line, dependencia
    broken_since: NotRequired[str | None]
    acknowledged: NotRequired[dict[str, Any] | None]  # a false alarm someone marked (reason, until, by)


ItemStatus = Literal["cumple", "parcial", "no_cumple", "manual", "no_aplica", "sin_verificar"]


class ChecklistItem(TypedDict):
    profile: str
    item: str  # id from the checklist file
    phase: str
    status: ItemStatus
    evidence: list[str]  # URLs
    legal_basis: NotRequired[str]  # norm, article or annex numeral, from the profile
    requires: NotRequired[str]  # what the item asks for, from the profile
    # stored copies of the evidence pages: url, fetched_at, content_changed_at, content_hash,
    # crawl_id, copy ("evidencia/<name>.html", relative to the committee report)
    evidence_copies: NotRequired[list[dict[str, Any]]]
    name: NotRequired[str]
    detail: NotRequired[str]
    snapshot_date: NotRequired[str | None]
    source: NotRequired[str]  # auto | manual
    weight: NotRequired[float]


class Indicator(TypedDict):
    id: str
    name: str
    target: Any
    value: Any
    source: Literal["auto", "manual"]
    met: NotRequired[bool | None]
    note: NotRequired[str]
    date: NotRequired[str]


class AccessibilityFinding(TypedDict):
    url: str
    criterion: str  # WCAG number, e.g. 1.1.1
    element: str
    dependencia: str | None
    detail: NotRequired[str]


class SecurityFinding(TypedDict):
    url: str  # a page, or the site
    check: str
    severity: str
    detail: str


class ChecklistMove(TypedDict):
    """An item whose status changed since the previous crawl (``checklist.regressions``)."""

    profile: str
    item: str
    name: str
    phase: str
    kind: Literal["regression", "met", "improved"]
    before: str
    after: str
    detail: str
    evidence_before: list[str]
    evidence_after: list[str]
    snapshot_before: str | None
    snapshot_after: str | None


class ContractFindings(TypedDict, total=False):
    """DESIGN.md's JSON report, key by key, in the order it is written."""

    site: SiteInfo
    crawl: CrawlInfo | None
    previous_crawl: CrawlInfo | None
    pages: list[Page]
    changes: list[Change]
    dependencias: list[DependenciaFigures]
    links: list[Link]
    checklist: list[ChecklistItem]
    indicators: list[Indicator]
    accessibility: list[AccessibilityFinding]
    security: list[SecurityFinding]


class ReportedFindings(ContractFindings, total=False):
    """Written to the JSON report after the contract's keys: what explains its figures."""

    last_attempt: AttemptInfo | None
    template_changes: list[dict[str, Any]]  # scope, pages, diff, example
    # url, dependencia, status: pages that worked in the previous crawl and now answer 5xx or nothing
    # (an error of the site's, not a removal); a page whose name did not resolve is in unreached_pages
    page_errors: list[dict[str, Any]]
    # url, dependencia, status, error: every page failing now as the site's error (status >= 400 or no
    # answer), new or not, as the weekly's «Páginas con error» lists them (additive, H292)
    failing_pages: list[dict[str, Any]]
    # url, dependencia, status (0), error: pages the crawl could not fetch because their host name did
    # not resolve from this machine (DNS): no error of the site's, in no count of errors (additive, H292)
    unreached_pages: list[dict[str, Any]]
    ignored_changes: list[dict[str, Any]]  # url, dependencia, rules: differences the noise rules removed
    not_crawled: list[dict[str, Any]]  # url, dependencia: still linked, not fetched this time (not removed)
    unassigned: list[str]  # page URLs no dependencia claims
    allied: dict[str, Any]  # entities, count, working: links to other public entities
    insecure: list[dict[str, Any]]  # http:// links and resources on https pages
    placeholder_links: list[dict[str, Any]]  # page, text, line, href, dependencia: links that go nowhere
    links_cut: list[dict[str, Any]]  # page, dependencia, found, kept, detail: links past site.max_links_per_page
    # status (verificados | desactivada | sin_conexion), unverified, note: could external links be checked
    external_links: dict[str, Any]
    dev_host_links: list[dict[str, Any]]  # url, host, found_on, dependencia, kind, detail: links to a dev host
    documents: list[dict[str, Any]]  # url, title, format, year, status, size, page, dependencia
    accessibility_summary: dict[str, Any]  # total, pages, by_criterion, by_dependencia
    # axe-core in Chromium: state (ok | sin navegador | desactivado), message, axe_version,
    # pages_checked, pages_total, errors, findings (rule, criterion, impact, selector, html, url,
    # help, template, pages), summary
    accessibility_browser: dict[str, Any]
    checklist_scores: dict[str, Any]  # profile -> overall, phases
    regressions: list[ChecklistMove]
    newly_met: list[ChecklistMove]
    generated_at: str


class Findings(ReportedFindings, total=False):
    """Everything the audits find; the reports may read all of it."""

    checklist_date: str  # the day the checklist was judged (AAAA-MM-DD)
    last_good_titles: dict[str, str]  # url -> title when last fetched fine, for pages failing or removed now


def _keys(cls: type) -> tuple[str, ...]:
    return tuple(cls.__annotations__)


CONTRACT_KEYS: tuple[str, ...] = _keys(ContractFindings)
REPORTED_KEYS: tuple[str, ...] = _keys(ReportedFindings)[len(CONTRACT_KEYS) :]


def empty(key: str) -> Any:
    """What the JSON report writes for a contract key the findings lack: [] for a list, else null."""
    return [] if typing.get_origin(ContractFindings.__annotations__[key]) is list else None
