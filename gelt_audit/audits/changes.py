"""Changed pages between two crawls, on main content only, and site-wide template changes."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from gelt_audit.audits import listings
from gelt_audit.audits.context import AuditContext
from gelt_audit.audits.diffs import cached_word_diff, diff_signature
from gelt_audit.audits.findings import Findings
from gelt_audit.audits.pages import dependencia_name
from gelt_audit.config import Dependencia
from gelt_audit.markup import DEFAULT_PATTERNS, collapse, main_root, parse
from gelt_audit.store import Crawl, Store

REMOVED_STATUSES = (404, 410)
# What this share of the site's pages shares (an edit, a broken link) is the template, not each page.
TEMPLATE_SHARE = 0.5
TEMPLATE_MIN_PAGES = 5


@dataclass(slots=True)  # two per page of the site while comparing crawls: no __dict__ each
class PageState:
    """What change detection needs of one page in one crawl."""

    url: str
    status: int
    kind: str
    main_hash: str | None
    body_hash: str | None
    fetched_at: str

    @property
    def ok(self) -> bool:
        return self.kind == "page" and 200 <= (self.status or 0) < 300 and self.main_hash is not None

    @property
    def failing(self) -> bool:
        """Temporarily failing (server error, timeout): not evidence that the page is gone."""
        return self.status == 0 or (self.status or 0) >= 500


@dataclass
class ChangeSet:
    changes: list[dict[str, Any]] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)
    template: list[dict[str, Any]] = field(default_factory=list)
    ignored: list[dict[str, Any]] = field(default_factory=list)


def page_states(store: Store, crawl_id: int, like: dict[str, PageState] | None = None) -> dict[str, PageState]:
    """Each page of a crawl with its state. With ``like`` (another crawl's), equal URLs and hashes
    are that crawl's string objects: two crawls of a large site share most of them (tens of MB
    at 50,000 pages), and the few fetch times are one string each."""
    rows = store.db.execute(
        """select p.url, s.status, s.kind, b.main_hash, s.body_hash, s.fetched_at
           from snapshots s join pages p on p.id = s.page_id left join bodies b on b.hash = s.body_hash
           where s.crawl_id = ?""",
        [crawl_id],
    )
    like = like or {}
    few: dict[str, str] = {}
    out = {}
    for url, status, kind, main_hash, body_hash, fetched_at in rows:
        old = like.get(url)
        if old is not None:
            url = old.url
            main_hash = old.main_hash if main_hash == old.main_hash else main_hash
            body_hash = old.body_hash if body_hash == old.body_hash else body_hash
        out[url] = PageState(
            url, status, few.setdefault(kind, kind), main_hash, body_hash, few.setdefault(fetched_at, fetched_at)
        )
    return out


def _noise(store: Store, body_hash: str | None) -> dict[str, int]:
    if body_hash is None:
        return {}
    row = store.db.execute("select noise from bodies where hash = ?", [body_hash]).fetchone()
    return json.loads(row[0]) if row and row[0] else {}


def _last_good(store: Store, url: str, before_crawl: int) -> PageState | None:
    row = store.db.execute(
        """select p.url, s.status, s.kind, b.main_hash, s.body_hash, s.fetched_at
           from snapshots s join pages p on p.id = s.page_id join crawls c on c.id = s.crawl_id
           join bodies b on b.hash = s.body_hash
           where p.url = ? and s.crawl_id < ? and c.status = 'finished' and s.kind = 'page'
             and s.status between 200 and 299 and b.main_hash is not null
           order by s.crawl_id desc limit 1""",
        [url, before_crawl],
    ).fetchone()
    return PageState(*row) if row else None


def compare(
    store: Store, crawl: Crawl, previous: Crawl | None, dependencias: list[Dependencia], diffs: bool = True
) -> ChangeSet:
    """Pages added, modified and removed between ``previous`` and ``crawl``.

    Pages that only failed this time (5xx, timeout) are errors, not removals; differences
    the noise rules removed are listed as ignored, with the rules that removed them.
    """
    result = ChangeSet()
    if previous is None:
        return result
    before = page_states(store, previous.id)
    now = page_states(store, crawl.id, before)

    def change(url: str, kind: str, old: PageState | None, new: PageState | None) -> dict[str, Any]:
        entry: dict[str, Any] = {
            "url": url,
            "dependencia": dependencia_name(url, dependencias),
            "kind": kind,
            "crawl_id": crawl.id,
            "detected_at": (new or old).fetched_at if (new or old) else crawl.started_at,
        }
        if kind == "modified" and old and new and diffs:
            entry["diff"] = cached_word_diff(store, old.body_hash, new.body_hash)
        return entry

    modified: list[dict[str, Any]] = []
    for url, new in sorted(now.items()):
        old = before.get(url)
        if new.ok:
            if old is not None and not old.ok and old.failing:
                old = _last_good(store, url, crawl.id)
            if old is None or not old.ok:
                result.changes.append(change(url, "added", None, new))
            elif old.main_hash != new.main_hash:
                modified.append(change(url, "modified", old, new))
            elif old.body_hash != new.body_hash:
                noise = Counter(_noise(store, old.body_hash)) + Counter(_noise(store, new.body_hash))
                result.ignored.append(
                    {"url": url, "dependencia": dependencia_name(url, dependencias), "rules": dict(noise)}
                )
        elif old is not None and old.ok:
            if new.failing:
                result.errors.append(
                    {"url": url, "dependencia": dependencia_name(url, dependencias), "status": new.status}
                )
            elif new.status in REMOVED_STATUSES:
                result.changes.append(change(url, "removed", old, new))
    if not crawl.limited:
        for url, old in sorted(before.items()):
            if url not in now and old.ok:
                result.changes.append(change(url, "removed", old, None))

    if diffs:
        shared, modified = _split_template(modified, sum(1 for s in now.values() if s.ok))
        result.template.extend(shared)
        result.template.extend(template_change(store, crawl, before, now))
        listings.summarise(store, [*result.changes, *modified], before, now)
    result.changes.extend(modified)
    result.changes.sort(key=lambda c: (c["kind"], c["url"]))
    return result


def site_wide(count: int, pages: int) -> bool:
    """Whether something seen on ``count`` of the site's ``pages`` (an edit, a broken link) sits in
    the site template: one task for the responsable visible instead of one per page."""
    return count >= max(TEMPLATE_MIN_PAGES, TEMPLATE_SHARE * pages)


def _split_template(modified: list[dict[str, Any]], pages: int) -> tuple[list[dict], list[dict]]:
    """Collapse an identical edit seen on most pages into one site-wide template change."""
    if not modified:
        return [], []
    signatures = Counter(diff_signature(m["diff"]) for m in modified)
    signature, count = signatures.most_common(1)[0]
    if not site_wide(count, pages) or not signature:
        return [], modified
    kept = [m for m in modified if diff_signature(m["diff"]) != signature]
    example = next(m for m in modified if diff_signature(m["diff"]) == signature)
    return [{"scope": "contenido", "pages": count, "diff": list(signature), "example": example["url"]}], kept


_BLOCKS = "header, nav, footer, aside, [role=banner], [role=navigation], [role=contentinfo]"


def template_text(html: str) -> set[str]:
    """The site template's text blocks (header, menu, footer), as a set: order is not content."""
    root = parse(html)
    if root is None:
        return set()
    main = main_root(root)
    if main.getparent() is not None and main.tag != "body":
        main.drop_tree()
    blocks = set()
    for el in root.cssselect(_BLOCKS):
        for piece in el.itertext():
            text = collapse(piece)
            for _, pattern in DEFAULT_PATTERNS:
                text = collapse(re.sub(pattern, " ", text))
            if text:
                blocks.add(text)
    return blocks


def template_change(
    store: Store, crawl: Crawl, before: dict[str, PageState], now: dict[str, PageState]
) -> list[dict[str, Any]]:
    """One finding when the shared template (menu, header, footer) of the home page changed."""
    home = crawl.site_url
    old, new = before.get(home), now.get(home)
    if not (old and new and old.body_hash and new.body_hash) or old.body_hash == new.body_hash:
        return []
    old_html, new_html = store.html(old.body_hash), store.html(new.body_hash)
    removed = sorted(template_text(old_html or "") - template_text(new_html or ""))
    added = sorted(template_text(new_html or "") - template_text(old_html or ""))
    if not removed and not added:
        return []
    diff = [("delete", t) for t in removed] + [("insert", t) for t in added]
    return [{"scope": "plantilla", "pages": sum(1 for s in now.values() if s.ok), "diff": diff, "example": home}]


def last_good_titles(store: Store, crawl: Crawl, urls: list[str]) -> dict[str, str]:
    """The title each page had the last time an earlier crawl fetched it fine: the name to show
    for a page that now answers «Error 500» or is gone."""
    out = {}
    for url in dict.fromkeys(urls):
        row = store.db.execute(
            """select b.title from snapshots s join pages p on p.id = s.page_id join bodies b on b.hash = s.body_hash
               where p.url = ? and s.crawl_id < ? and s.kind = 'page' and s.status between 200 and 299
                 and trim(coalesce(b.title, '')) != ''
               order by s.crawl_id desc limit 1""",
            [url, crawl.id],
        ).fetchone()
        if row:
            out[url] = " ".join(row[0].split())
    return out


def find(ctx: AuditContext) -> Findings:
    """changes, template_changes, page_errors and ignored_changes since the previous crawl, and
    last_good_titles of the pages failing or removed (reads ``pages``)."""
    result = compare(ctx.store, ctx.crawl, ctx.previous, ctx.config.dependencias)
    failing = [
        p["url"] for p in ctx.findings.get("pages") or [] if (p.get("status") or 0) >= 400 or p.get("status") == 0
    ]
    failing += [c["url"] for c in result.changes if c["kind"] == "removed"] + [e["url"] for e in result.errors]
    return {
        "changes": result.changes,
        "template_changes": result.template,
        "page_errors": result.errors,
        "ignored_changes": result.ignored,
        "last_good_titles": last_good_titles(ctx.store, ctx.crawl, failing),
    }
