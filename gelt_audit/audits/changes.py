"""Changed pages between two crawls, on main content only, and site-wide template changes."""

from __future__ import annotations

import functools
import json
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from gelt_audit import linkstate
from gelt_audit.audits import listings
from gelt_audit.audits.context import AuditContext
from gelt_audit.audits.diffs import cached_word_diff, diff_signature, word_diff
from gelt_audit.audits.findings import Findings
from gelt_audit.audits.pages import dependencia_name, is_page_error, is_unreached
from gelt_audit.audits.rereads import reread
from gelt_audit.config import Dependencia, NoiseRule
from gelt_audit.markup import collapse, main_root, parse
from gelt_audit.store import Crawl, Store
from gelt_audit.volatile import DEFAULT_PATTERNS

REMOVED_STATUSES = (404, 410)
# What this share of the site's pages shares (an edit, a broken link) is the template, not each page.
TEMPLATE_SHARE = 0.5
TEMPLATE_MIN_PAGES = 5


@dataclass
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
    # pages of the previous crawl this one did not fetch although its pages still link to them
    # (robots.txt, exclusions, limits): not seen gone, so not «removed» (H284)
    not_crawled: list[dict[str, Any]] = field(default_factory=list)


_STATE = "p.url, {s}.status, {s}.kind, {b}.main_hash, {s}.body_hash, {s}.fetched_at"


def page_state(store: Store, crawl_id: int, url: str) -> PageState | None:
    """One page of a crawl, or None when the crawl did not fetch it."""
    row = store.db.execute(
        f"""select {_STATE.format(s="s", b="b")}
           from snapshots s join pages p on p.id = s.page_id left join bodies b on b.hash = s.body_hash
           where s.crawl_id = ? and p.url = ?""",
        [crawl_id, url],
    ).fetchone()
    return PageState(*row) if row else None


def changed_states(
    store: Store, before: int, now: int, same_main: bool = True
) -> list[tuple[str, PageState | None, PageState | None]]:
    """(url, state in ``before``, state in ``now``) of the pages whose status, kind or body differ
    between two crawls, or that only one of them has, sorted by URL.

    A page with the same status, kind and body in both crawls cannot be added, modified, removed,
    failing or ignored (its main hash is its body's): the set difference runs in SQLite, and only
    what changed reaches Python. ``same_main=False`` leaves out too the pages whose body changed
    but not their status, kind and main hash: they can only be ignored changes.
    """
    old, new = _STATE.format(s="o", b="ob"), _STATE.format(s="n", b="nb")
    same = (
        ""
        if same_main
        else (
            "and not (o.id is not null and o.status is n.status and o.kind is n.kind and ob.main_hash is nb.main_hash)"
        )
    )
    rows = store.db.execute(
        f"""select o.id is not null, {old}, {new} from snapshots n join pages p on p.id = n.page_id
              left join snapshots o on o.crawl_id = ? and o.page_id = n.page_id
              left join bodies ob on ob.hash = o.body_hash left join bodies nb on nb.hash = n.body_hash
            where n.crawl_id = ? and (o.id is null or o.status is not n.status or o.kind is not n.kind
                                      or o.body_hash is not n.body_hash) {same}
            union all
            select 1, {old}, null, null, null, null, null, null from snapshots o join pages p on p.id = o.page_id
              left join bodies ob on ob.hash = o.body_hash
            where o.crawl_id = ? and not exists
              (select 1 from snapshots n where n.crawl_id = ? and n.page_id = o.page_id)""",
        [before, now, before, now],
    )
    out = []
    for row in rows:
        was = PageState(*row[1:7]) if row[0] else None
        out.append((row[1], was, PageState(*row[7:]) if row[7] is not None else None))
    out.sort(key=lambda t: t[0])
    return out


def ok_pages(store: Store, crawl_id: int) -> int:
    """How many pages of a crawl are fine (PageState.ok), counted in SQLite."""
    row = store.db.execute(
        """select count(*) from snapshots s join bodies b on b.hash = s.body_hash
           where s.crawl_id = ? and s.kind = 'page' and s.status >= 200 and s.status < 300
             and b.main_hash is not null""",
        [crawl_id],
    ).fetchone()
    return row[0]


NOISE_BATCH = 500  # body hashes asked for their noise counts in one query


def _noises(store: Store, body_hashes: list[str | None]) -> dict[str, dict[str, int]]:
    """What the noise rules removed from each body, by body hash (bodies without it left out)."""
    wanted = list(dict.fromkeys(h for h in body_hashes if h is not None))
    out: dict[str, dict[str, int]] = {}
    for start in range(0, len(wanted), NOISE_BATCH):
        part = wanted[start : start + NOISE_BATCH]
        rows = store.db.execute(f"select hash, noise from bodies where hash in ({', '.join('?' * len(part))})", part)
        out.update((key, json.loads(noise)) for key, noise in rows if noise)
    return out


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


def _error(store: Store, crawl_id: int, url: str) -> str | None:
    """The download failure recorded for a page in a crawl (asked only of the few pages newly failing)."""
    row = store.db.execute(
        "select s.error from snapshots s join pages p on p.id = s.page_id where s.crawl_id = ? and p.url = ?",
        [crawl_id, url],
    ).fetchone()
    return row[0] if row else None


def compare(
    store: Store,
    crawl: Crawl,
    previous: Crawl | None,
    dependencias: list[Dependencia],
    diffs: bool = True,
    ignored: bool = True,
    noise: Sequence[NoiseRule] = (),
) -> ChangeSet:
    """Pages added, modified and removed between ``previous`` and ``crawl``.

    Pages that only failed this time (5xx, timeout) are errors, not removals; differences
    the noise rules removed are listed as ignored, with the rules that removed them
    (``ignored=False``: not listed, for a caller that does not read them). ``noise``: the
    site's noise rules, for the bodies whose stored main text may predate :func:`reread`.
    """
    result = ChangeSet()
    if previous is None:
        return result
    states = changed_states(store, previous.id, crawl.id, same_main=ignored)
    pages = functools.cache(lambda: ok_pages(store, crawl.id))  # asked by both template checks

    def change(
        url: str, kind: str, old: PageState | None, new: PageState | None, texts: tuple[str, str] | None = None
    ) -> dict[str, Any]:
        entry: dict[str, Any] = {
            "url": url,
            "dependencia": dependencia_name(url, dependencias),
            "kind": kind,
            "crawl_id": crawl.id,
            "detected_at": (new or old).fetched_at if (new or old) else crawl.started_at,
        }
        if kind == "modified" and old and new and diffs:
            entry["diff"] = word_diff(*texts) if texts else cached_word_diff(store, old.body_hash, new.body_hash)
        return entry

    modified: list[dict[str, Any]] = []
    unlisted: list[tuple[str, str | None, str | None]] = []  # ignored: url, old body, new body
    unfetched = [url for url, old, new in states if new is None and old is not None and old.ok]
    linked = store.linked_in_crawl(crawl.id, unfetched) if unfetched and not crawl.limited else set()
    for url, old, new in states:
        if new is None:
            if url in linked:
                result.not_crawled.append({"url": url, "dependencia": dependencia_name(url, dependencias)})
            elif not crawl.limited and old is not None and old.ok:
                result.changes.append(change(url, "removed", old, None))
        elif new.ok:
            if old is not None and not old.ok and old.failing:
                old = _last_good(store, url, crawl.id)
            if old is None or not old.ok:
                result.changes.append(change(url, "added", None, new))
            elif old.main_hash != new.main_hash:
                texts = reread(store, url, old.body_hash, new.body_hash, noise)
                if texts is not None and texts[0] == texts[1]:
                    unlisted.append((url, old.body_hash, new.body_hash))  # the extraction changed, not the page
                else:
                    modified.append(change(url, "modified", old, new, texts))
            elif old.body_hash != new.body_hash:
                unlisted.append((url, old.body_hash, new.body_hash))
        elif old is not None and old.ok:
            if new.failing and not linkstate.unreached(new.status, _error(store, crawl.id, url)):
                # a page whose name did not resolve from here was not asked: no error of the site's
                result.errors.append(
                    {"url": url, "dependencia": dependencia_name(url, dependencias), "status": new.status}
                )
            elif new.status in REMOVED_STATUSES:
                result.changes.append(change(url, "removed", old, new))
    if ignored:
        _list_ignored(store, result, unlisted, dependencias)

    if diffs:
        shared, modified = _split_template(modified, pages)
        result.template.extend(shared)
        result.template.extend(template_change(store, crawl, previous, pages))
        bodies = {url: new.body_hash for url, _, new in states if new is not None}
        listings.summarise(store, [*result.changes, *modified], previous.id, crawl.id, bodies)
    result.changes.extend(modified)
    result.changes.sort(key=lambda c: (c["kind"], c["url"]))
    return result


def _list_ignored(
    store: Store, result: ChangeSet, unlisted: list[tuple[str, str | None, str | None]], dependencias: list[Dependencia]
) -> None:
    """``result.ignored``: each page whose body changed but not its main content (url, old body,
    new body), with what the noise rules removed from the two bodies."""
    noises = _noises(store, [h for _, old_hash, new_hash in unlisted for h in (old_hash, new_hash)])
    for url, old_hash, new_hash in unlisted:
        noise = Counter(noises.get(old_hash or "", {})) + Counter(noises.get(new_hash or "", {}))
        result.ignored.append({"url": url, "dependencia": dependencia_name(url, dependencias), "rules": dict(noise)})


def site_wide(count: int, pages: int) -> bool:
    """Whether something seen on ``count`` of the site's ``pages`` (an edit, a broken link) sits in
    the site template: one task for the responsable visible instead of one per page."""
    return count >= max(TEMPLATE_MIN_PAGES, TEMPLATE_SHARE * pages)


def _split_template(modified: list[dict[str, Any]], pages: Callable[[], int]) -> tuple[list[dict], list[dict]]:
    """Collapse an identical edit seen on most ``pages()`` into one site-wide template change."""
    if not modified:
        return [], []
    signatures = Counter(diff_signature(m["diff"]) for m in modified)
    signature, count = signatures.most_common(1)[0]
    if not signature or not site_wide(count, pages()):
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


def template_change(store: Store, crawl: Crawl, previous: Crawl, pages: Callable[[], int]) -> list[dict[str, Any]]:
    """One finding when the shared template (menu, header, footer) of the home page changed
    (``pages()``: how many pages the crawl fetched fine)."""
    home = crawl.site_url
    old, new = page_state(store, previous.id, home), page_state(store, crawl.id, home)
    if not (old and new and old.body_hash and new.body_hash) or old.body_hash == new.body_hash:
        return []
    old_html, new_html = store.html(old.body_hash), store.html(new.body_hash)
    removed = sorted(template_text(old_html or "") - template_text(new_html or ""))
    added = sorted(template_text(new_html or "") - template_text(old_html or ""))
    if not removed and not added:
        return []
    diff = [("delete", t) for t in removed] + [("insert", t) for t in added]
    return [{"scope": "plantilla", "pages": pages(), "diff": diff, "example": home}]


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
    result = compare(ctx.store, ctx.crawl, ctx.previous, ctx.config.dependencias, noise=ctx.config.noise)
    pages = ctx.findings.get("pages") or []
    unreached = [_failure(p) for p in pages if is_unreached(p)]
    errors = [_failure(p) for p in pages if is_page_error(p)]
    failing = [p["url"] for p in errors + unreached]
    failing += [c["url"] for c in result.changes if c["kind"] == "removed"] + [e["url"] for e in result.errors]
    return {
        "changes": result.changes,
        "template_changes": result.template,
        "page_errors": result.errors,
        "failing_pages": errors,
        "unreached_pages": unreached,
        "ignored_changes": result.ignored,
        "not_crawled": result.not_crawled,
        "last_good_titles": last_good_titles(ctx.store, ctx.crawl, failing),
    }


def _failure(page: dict[str, Any]) -> dict[str, Any]:
    """A failing or unreached page as ``failing_pages`` and ``unreached_pages`` list it."""
    return {k: page.get(k) for k in ("url", "dependencia", "status", "error")}
