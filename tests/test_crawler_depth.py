"""Click depth of crawled pages: the shortest path from the home page, whatever the order answers arrive in.

The sites hold a short path's answer until the crawler has asked for a page through a longer
path (a threading.Event, not a timer): the crawler meets that page deeper first, every time.
"""

from __future__ import annotations

import threading

from gelt_audit.crawler.depths import shortest_depths
from gelt_audit.demo.server import Resource
from gelt_audit.linkstate import MAX_REDIRECTS
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
