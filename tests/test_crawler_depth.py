"""Click depth of crawled pages: the shortest path from the home page, whatever the order answers arrive in.

The sites hold a short path's answer until the crawler has asked for a page through a longer
path (a threading.Event, not a timer): the crawler meets that page deeper first, every time.
"""

from __future__ import annotations

import threading

from gelt_audit.config import load_config
from gelt_audit.crawler.depths import FOLLOWED_TAGS, crawl_graph, request_url, shortest_depths
from gelt_audit.demo.server import Resource
from gelt_audit.linkstate import MAX_REDIRECTS
from gelt_audit.store import Store
from tests.helpers import crawl, page, report_json


def held_until(routes: dict[str, Resource], held: dict[str, str], timeout: float = 20):
    """A dynamic handler answering each path of ``held`` (path -> the path it waits for) only once
    the server has been asked for the path it waits for."""
    asked = {waited: threading.Event() for waited in held.values()}

    def handler(path: str) -> Resource | None:
        if path in asked:
            asked[path].set()
        if path in held:
            asked[held[path]].wait(timeout)
            return routes[path]
        return None

    return handler


def depths(config) -> dict[str, int]:
    return {p["url"]: p["depth"] for p in report_json(config)["pages"]}


def held_site(serve):
    """A site whose short paths answer after the crawler has met their pages through long ones."""
    routes = {
        "/": page("Inicio", links=("/lento/", "/viejo/", "/roto/", "/rapido/")),
        "/lento/": page("Lento", links=("/destino/",)),  # answered once /destino/ was asked for
        "/viejo/": Resource(b"", status=301, headers={"Location": "/nuevo/"}),  # answered after /nuevo/
        "/roto/": Resource(page("Roto", links=("/profundo/",)).body, status=404),  # its links are not followed
        "/rapido/": page("Rápido", links=("/rapido2/",)),
        "/rapido2/": page("Rápido 2", links=("/destino/", "/nuevo/#arriba", "/profundo/", "/mapa-solo/")),
        "/destino/": page("Destino", links=("/mas-alla/",)),
        "/nuevo/": page("Nuevo"),
        "/profundo/": page("Profundo"),
        "/mas-alla/": page("Más allá"),
        "/mapa-solo/": page("En el sitemap"),
    }
    site = serve(routes, dynamic=held_until(routes, {"/lento/": "/destino/", "/viejo/": "/nuevo/"}))
    site.routes["/sitemap.xml"] = Resource(
        f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{site.url}mapa-solo/</loc></url></urlset>".encode(),
        headers={"Content-Type": "application/xml"},
    )
    return site


def test_depth_is_the_shortest_click_path_not_the_order_the_crawl_met_pages_in(serve, config_for):
    site = held_site(serve)
    config = config_for(site.url)
    crawl(config)
    found = depths(config)
    u = site.url
    assert found[u] == 0 and found[u + "lento/"] == 1 and found[u + "rapido2/"] == 2
    assert found[u + "destino/"] == 2  # met at 3 (through /rapido2/), reachable at 2 (through /lento/)
    assert found[u + "mas-alla/"] == 3
    assert found[u + "viejo/"] == 1 and found[u + "nuevo/"] == 1  # a redirect's target: its source's depth
    assert found[u + "profundo/"] == 3  # the 404 page's link (depth 2) is not one the crawler follows
    assert found[u + "mapa-solo/"] == 1  # in the sitemap: 1, as deep as its links put it or not


def test_max_depth_cuts_by_the_shortest_path_met_whatever_the_order(serve, config_for):
    # /destino/ is met first at 3 (the bound: its links at 4 are cut), then at 2 through /lento/:
    # /mas-alla/, 3 clicks from the home page, is crawled all the same.
    site = held_site(serve)
    config = config_for(site.url, max_depth=3)
    crawl(config)
    found = depths(config)
    assert found[site.url + "destino/"] == 2 and found[site.url + "mas-alla/"] == 3
    assert [path for _, path, _ in site.requests].count("/mas-alla/") == 1
    assert found.keys() == {
        site.url + p
        for p in (
            "",
            "lento/",
            "viejo/",
            "nuevo/",
            "roto/",
            "rapido/",
            "rapido2/",
            "destino/",
            "profundo/",
            "mas-alla/",
            "mapa-solo/",
        )
    }


def test_a_redirect_chain_longer_than_the_spider_follows_gives_no_depth():
    # the spider follows at most MAX_REDIRECTS redirects in a row: the page after a longer chain
    # keeps the depth it was met at elsewhere (here 4), not its chain's 1
    chain = [f"r{i}" for i in range(MAX_REDIRECTS + 1)]
    nodes = {"home": 0, **dict.fromkeys(chain, 1), "end": 4, "short": 4}
    redirects = {a: b for a, b in zip(chain, [*chain[1:], "end"], strict=True)}
    redirects["r1-short"] = "short"
    nodes["r1-short"] = 1
    found = shortest_depths(nodes, {"home": chain[:1] + ["r1-short"]}, redirects)
    assert found["end"] == 4 and found["short"] == 1 and found[chain[-1]] == 1


def test_the_graph_settled_is_the_followed_links_the_store_holds(serve, config_for):
    # crawl_graph reads each link URL once by id: the graph must be the stored links of the pages
    # the spider followed, as request URLs (no fragment, no session id), to URLs with a snapshot
    routes = {
        "/": page("Inicio", links=("/a/", "/a/?PHPSESSID=x1", "/b/#pie", "/r/", "/x/", "mailto:a@b.co", "/doc.pdf")),
        "/a/": page("A", links=("/b/", "/c/", "http://otro.invalid/", "/a/#arriba")),
        "/b/": page("B", links=("/c/?jsessionid=y", "/")),
        "/c/": page("C"),
        "/r/": Resource(b"", status=301, headers={"Location": "/c/#fin"}),
        "/x/": Resource(page("Roto", links=("/solo-roto/",)).body, status=404),
        "/solo-roto/": page("Sólo desde el roto"),
        "/doc.pdf": Resource(b"%PDF-1.4", headers={"Content-Type": "application/pdf"}),
    }
    site = serve(routes)
    config = config_for(site.url)
    crawl(config)
    store = Store(config.parent / "gelt.db")
    (crawl_id,) = store.db.conn.execute("select max(id) from crawls").fetchone()
    params = list(load_config(config).site.session_params)
    nodes, links, redirects, ids = crawl_graph(store, crawl_id, params)
    expected: dict[str, list[str]] = {}
    for url, page_id, body_hash in store.db.conn.execute(
        "select p.url, s.page_id, s.body_hash from snapshots s join pages p on p.id = s.page_id "
        "where s.crawl_id = ? and s.kind = 'page' and s.status < 400",
        [crawl_id],
    ).fetchall():
        for (target,) in store.db.conn.execute(
            f"select url from links where page_id = ? and body_hash = ? and tag in ({', '.join('?' * len(FOLLOWED_TAGS))})",
            [page_id, body_hash, *FOLLOWED_TAGS],
        ):
            target = request_url(target, params)
            if target in nodes:
                expected.setdefault(url, []).append(target)
    u = site.url
    assert sorted(expected[u]) == sorted([u + "a/", u + "a/", u + "b/", u + "r/", u + "x/", u + "doc.pdf"])
    assert {k: sorted(v) for k, v in links.items()} == {k: sorted(v) for k, v in expected.items()}
    assert redirects == {u + "r/": u + "c/"} and set(ids) == set(nodes)
    assert shortest_depths(nodes, links, redirects)[u + "c/"] == 1


def test_a_gain_reaches_a_link_met_before_as_near_as_the_page_then_put_it(serve, config_for):
    # /destino/ is met at 2 and links at 3 to /hijo/, already met at 3 through /r2/ (/destino/
    # answers once /hijo/ was asked for); the sitemap,
    # answered once /destino/ was parsed (it asks for /marca/), puts /destino/ at 1: /hijo/ gains
    # (3 -> 2) through it, and /nieto/, cut as too deep below /hijo/ at 3 (or met at 4), is
    # within max_depth. The spider keeps /hijo/ among what /destino/ passes a gain on to (it was
    # met farther than 1). The stored depths start from what the spider met too: /destino/ is at
    # 1 though the sitemap's 1 came after it was parsed and written at 2.
    routes = {
        "/": page("Inicio", links=("/r1/",)),
        "/r1/": page("R1", links=("/destino/", "/r2/")),
        "/r2/": page("R2", links=("/hijo/",)),
        "/destino/": page("Destino", links=("/hijo/", "/marca/")),
        "/hijo/": page("Hijo", links=("/nieto/",)),
        "/marca/": page("Marca"),
        "/nieto/": page("Nieto"),
    }
    site = serve(routes, dynamic=held_until(routes, {"/destino/": "/hijo/", "/sitemap.xml": "/marca/"}))
    routes["/sitemap.xml"] = Resource(
        f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{site.url}destino/</loc></url></urlset>".encode(),
        headers={"Content-Type": "application/xml"},
    )
    config = config_for(site.url, max_depth=3)
    crawl(config)
    found = depths(config)
    u = site.url
    assert u + "nieto/" in found, found  # cut without the gain through /destino/
    assert found[u + "nieto/"] <= 3 and found[u + "hijo/"] <= 3, found
    assert found[u + "destino/"] == 1 and found[u + "hijo/"] == 2 and found[u + "nieto/"] == 3, found
