"""Click depth of a crawl's snapshots, settled when the crawl closes.

The depth a crawl meets a page at depends on the order its answers arrive in (a slow page's links
are met after a fast page's deeper ones; a worker of a distributed crawl meets what it meets). At
the close, each snapshot's depth becomes the shortest path from the home page over the links the
crawl stored and followed: the same links SiteSpider.follow requests, through redirects (a
redirect's target sits at its source's depth, for at most REDIRECT_MAX_TIMES hops in a row).
"""

from __future__ import annotations

import heapq
import logging
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from gelt_audit.linkstate import MAX_REDIRECTS
from gelt_audit.markup import PAGE_TAGS, RESOURCE_TAGS, without_session

if TYPE_CHECKING:
    from gelt_audit.store import Store

log = logging.getLogger(__name__)

FOLLOWED_TAGS = (*PAGE_TAGS, *RESOURCE_TAGS)  # SiteSpider.follow: pages, documents and resources


def request_url(url: str, session_params: Sequence[str]) -> str:
    """The URL the spider requests for a link or a Location: no fragment, no session id."""
    return without_session(url.split("#", 1)[0], session_params)


def shortest_depths(
    nodes: Mapping[str, int],
    links: Mapping[str, Iterable[str]],
    redirects: Mapping[str, str],
    max_hops: int = MAX_REDIRECTS,
) -> dict[str, int]:
    """The smallest depth of each URL of ``nodes`` (URL -> a depth at which the crawl met it).

    ``links`` are the URLs each page's followed links lead to (one click each), ``redirects``
    each redirect's target (no click; a chain of more than ``max_hops`` redirects is cut, as the
    spider cuts it). The depths met are the starting points: the home page at 0, sitemap pages at
    1, and every other one an upper bound (the path the crawl walked). Only URLs of ``nodes``
    are reached: a link to a URL the crawl has no snapshot of leads nowhere.
    """
    # A depth met may be a redirect chain's: from it no more redirects are followed (the page at
    # the chain's end was met too, and starts from its own depth).
    best: dict[str, tuple[int, int]] = {url: (depth, max_hops) for url, depth in nodes.items()}
    heap = [(depth, max_hops, url) for url, depth in nodes.items()]
    heapq.heapify(heap)
    while heap:
        depth, hops, url = heapq.heappop(heap)
        if best[url] != (depth, hops):
            continue
        target = redirects.get(url)
        if target is not None:
            nexts: Iterable[tuple[str, int, int]] = [(target, depth, hops + 1)] if hops < max_hops else []
        else:
            nexts = ((t, depth + 1, 0) for t in links.get(url, ()))
        for target, d, h in nexts:
            known = best.get(target)
            if known is not None and (d, h) < known:
                best[target] = (d, h)
                heapq.heappush(heap, (d, h, target))
    return {url: depth for url, (depth, _) in best.items()}


def crawl_graph(
    store: Store, crawl_id: int, session_params: Sequence[str]
) -> tuple[dict[str, int], dict[str, list[str]], dict[str, str], dict[str, int]]:
    """(URL -> depth met, page -> link targets, redirect -> target, URL -> page id) of a crawl.

    A page's links count when the spider followed them: an HTML page answered below 400, or a
    304 (its links are the stored ones of the version it still is); a redirect counts when it
    is a page's (a document's or a resource's redirect is not followed).
    """
    conn = store.db.conn
    nodes: dict[str, int] = {}
    ids: dict[str, int] = {}
    redirects: dict[str, str] = {}
    by_id: dict[int, str] = {}
    rows = conn.execute(
        "select s.page_id, p.url, s.kind, s.location, s.depth from snapshots s "
        "join pages p on p.id = s.page_id where s.crawl_id = ?",
        [crawl_id],
    )
    for page_id, url, kind, location, depth in rows:
        by_id[page_id] = url
        ids[url] = page_id
        if depth is not None:
            nodes[url] = depth
        if kind == "redirect" and location:
            redirects[url] = request_url(location, session_params)
    tags = ", ".join("?" * len(FOLLOWED_TAGS))
    followed = f"""from snapshots s join link_sets ls on ls.page_id = s.page_id and ls.body_hash = s.body_hash
        join link_rows lr on lr.set_id = ls.id
        where s.crawl_id = ? and s.kind = 'page' and (s.status < 400 or s.not_modified = 1) and lr.tag in ({tags})"""
    # One pass over the followed link rows; each distinct URL read once, when first met (a point
    # query by id), not through a second pass over the same join.
    targets: dict[int, str | None] = {}
    url_of = conn.cursor()
    links: dict[str, list[str]] = {}
    for page_id, url_id in conn.execute(f"select ls.page_id, lr.url_id {followed}", [crawl_id, *FOLLOWED_TAGS]):
        try:
            target = targets[url_id]
        except KeyError:
            target = targets[url_id] = _target(url_of, url_id, nodes, session_params)
        if target is not None:
            links.setdefault(by_id[page_id], []).append(target)
    return nodes, links, redirects, ids


def _target(cursor: Any, url_id: int, nodes: Mapping[str, int], session_params: Sequence[str]) -> str | None:
    """The URL the spider requests for link URL ``url_id``, when the crawl has a snapshot of it."""
    (url,) = cursor.execute("select url from link_urls where id = ?", [url_id]).fetchone()
    target = request_url(url, session_params) if url.startswith(("http://", "https://")) else None
    return target if target in nodes else None


def settle_depths(
    store: Store, crawl_id: int, session_params: Sequence[str], met: Mapping[str, int] | None = None
) -> int:
    """Store each snapshot's shortest click depth over the crawl's followed links; how many changed.

    ``met`` adds depths at which URLs were met elsewhere (distributed: the smallest depth any
    worker met each URL at, which may be a sitemap's 1 the fetching worker did not see).
    """
    recorded, links, redirects, ids = crawl_graph(store, crawl_id, session_params)
    nodes = dict(recorded)
    for url, depth in (met or {}).items():
        if url in nodes and depth < nodes[url]:
            nodes[url] = depth
    depths = shortest_depths(nodes, links, redirects)
    rows = [(d, crawl_id, ids[url]) for url, d in depths.items() if d < recorded[url]]
    if rows:
        with store.db.conn:
            store.db.conn.executemany("update snapshots set depth = ? where crawl_id = ? and page_id = ?", rows)
    return len(rows)
