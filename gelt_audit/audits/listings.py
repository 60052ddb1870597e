"""Paginated listing pages (news lists with ``?page=N``): what changed is which items they list.

A word diff of a listing says little («noticias – página 2» changes every time a news item is
published, because every item moves down one place). For a listing, a change is summarised by
its items: the ones it lists now that no page of the same listing listed before are new; a page
whose only new items were already listed on another page of the listing merely shifted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from gelt_audit.markup import links_of, main_root, parse
from gelt_audit.store import Store

PAGINATION = re.compile(r"(?:^|&)(?:page|pagina|p|pag|start|offset)=\d+", re.I)
NOUNS = (
    ("noticia", "noticia", "noticias"),
    ("evento", "evento", "eventos"),
    ("convocatoria", "convocatoria", "convocatorias"),
)


def base_path(url: str) -> str:
    """The listing a URL belongs to: its path, without a trailing ``page/N``."""
    path = urlsplit(url).path or "/"
    return re.sub(r"(?:page|pagina)/\d+/?$", "", path)


def paginated(url: str) -> bool:
    parts = urlsplit(url)
    return bool(PAGINATION.search(parts.query)) or base_path(url) != (parts.path or "/")


def items(store: Store, body_hash: str | None, url: str) -> dict[str, str]:
    """The pages a page lists in its main content (url -> link text), under its own path."""
    if not body_hash:
        return {}
    body = store.body(body_hash)
    if not body or not body["content"]:
        return {}
    root = parse(body["content"].decode(body["encoding"] or "utf-8", "replace"))
    if root is None:
        return {}
    base = base_path(url)
    out: dict[str, str] = {}
    for link in links_of(main_root(root), url):
        parts = urlsplit(link.url)
        if link.tag != "a" or parts.query or not parts.path.startswith(base) or len(parts.path) <= len(base):
            continue
        out.setdefault(link.url.split("#", 1)[0], " ".join((link.text or "").split()))
    return out


def noun(url: str) -> tuple[str, str]:
    """(singular, plural) of what a listing lists, from its path: «noticia», «noticias»."""
    path = urlsplit(url).path.lower()
    return next(((one, many) for key, one, many in NOUNS if key in path), ("entrada", "entradas"))


def _urls(store: Store, crawl_id: int, where: str, args: list[Any]) -> list[tuple[str, str | None]]:
    """(url, body hash) of a crawl's snapshots whose URL passes ``where`` (a prefilter in SQLite)."""
    return store.db.execute(
        f"""select p.url, s.body_hash from snapshots s join pages p on p.id = s.page_id
            where s.crawl_id = ? and ({where})""",
        [crawl_id, *args],
    ).fetchall()


# Every URL ``paginated`` accepts has a query («?») or a path ending in «page/N» or «pagina/N».
_MAYBE_PAGINATED = "instr(p.url, '?') > 0 or instr(p.url, 'page/') > 0 or instr(p.url, 'pagina/') > 0"


def summarise(
    store: Store, changes: Iterable[dict[str, Any]], before: int, now: int, bodies: dict[str, str | None]
) -> None:
    """Add ``listing`` to each added or modified listing page's change: ``new`` (url, text) items
    no page of its listing listed before (in crawl ``before``), ``noun`` and ``shift`` (only items
    moving between pages). ``bodies``: the body hash in crawl ``now`` of each changed page."""
    added = [c for c in changes if c["kind"] in ("added", "modified")]
    if not added:
        return
    # Only the pages of a paginated listing: another page keeps its word diff (its text may be what changed).
    maybe = {u for crawl_id in (before, now) for u, _ in _urls(store, crawl_id, _MAYBE_PAGINATED, [])}
    paged = {(urlsplit(u).netloc, base_path(u)) for u in maybe if paginated(u)}
    candidates = [c for c in added if (urlsplit(c["url"]).netloc, base_path(c["url"])) in paged]
    old_by_base: dict[str, dict[str, str]] = {}
    for change in candidates:
        url = change["url"]
        listed = items(store, bodies.get(url), url)
        base = base_path(url)
        if base not in old_by_base:
            old_by_base[base] = {}
            for other, body_hash in _urls(store, before, "instr(p.url, ?) > 0", [base]):
                if base_path(other) == base and urlsplit(other).netloc == urlsplit(url).netloc:
                    old_by_base[base].update(items(store, body_hash, other))
        previous = old_by_base[base]
        new = [(u, t) for u, t in listed.items() if u not in previous]
        one, many = noun(url)
        change["listing"] = {
            "new": [{"url": u, "text": t} for u, t in new],
            "items": len(listed),
            "noun": [one, many],
            "shift": not new and paginated(url),
        }
