"""The Referer header the site receives (issue 21, H185): a real crawl through the CLI of a site on
127.0.0.1 whose server records the headers of every request.

The crawler no longer writes the header on each request as the spider yields it (~787 B per
request waiting in the breadth-first queue, H179): LateRefererMiddleware decides the same value
with Scrapy's policy and keeps it in ``meta``; LateRefererHeader writes it before the download.
What the server sees must not change: each page, resource, document, sitemap and redirect target
is asked for with its linking page's (or sitemap's, robots.txt's, redirect's) URL as Referer; the
home page and robots.txt with none.

``test_each_request_carries_the_url_of_what_led_to_it`` fails without LateRefererHeader in
DOWNLOADER_MIDDLEWARES (checked: no request had a Referer). It passes on the code before the
change (c566bca, Scrapy's own RefererMiddleware; checked with that tree first on PYTHONPATH).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import crawl, page, write_config

OFFLINE = "[links]\ncheck_external = false\n"

# path -> the path of the page that links to it (each has one parent: the expected Referer is certain)
TREE = {
    "/a": "/",
    "/b": "/",
    "/a/1": "/a",
    "/a/2": "/a",
    "/b/1": "/b",
    "/b/1/x": "/b/1",
    "/viejo": "/b",  # a redirect: its target is asked for with the redirect's URL
    "/img/escudo.png": "/a/1",  # an image behind an anchor
    "/docs/plan.pdf": "/a/2",  # a document (HEAD)
}


def routes_for(base: str) -> dict[str, Resource]:
    """TREE served: pages, a redirect, an image, a document, robots.txt naming a sitemap."""
    children: dict[str, list[str]] = {}
    for child, parent in TREE.items():
        children.setdefault(parent, []).append(child)
    routes: dict[str, Resource] = {}
    for path in ["/", *TREE]:
        if path == "/viejo":
            routes[path] = Resource(status=301, headers={"Location": "/nuevo", "Content-Type": "text/html"})
        elif path.endswith(".png"):
            routes[path] = Resource(b"\x89PNG\r\n\x1a\n", headers={"Content-Type": "image/png"})
        elif path.endswith(".pdf"):
            routes[path] = Resource(b"%PDF-1.4\n%%EOF\n", headers={"Content-Type": "application/pdf"})
        else:
            routes[path] = page(f"Página {path}", "<p>Contenido de la página.</p>", tuple(children.get(path, ())))
    routes["/nuevo"] = page("Página nueva", "<p>La página que reemplazó a la vieja.</p>")
    routes["/robots.txt"] = Resource(b"User-agent: *\nAllow: /\nSitemap: " + f"{base}mapa.xml".encode() + b"\n")
    routes["/robots.txt"].headers = {"Content-Type": "text/plain"}
    routes["/mapa.xml"] = Resource(
        (
            '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<url><loc>{base}solo-sitemap</loc></url></urlset>"
        ).encode(),
        headers={"Content-Type": "application/xml"},
    )
    routes["/solo-sitemap"] = page("Sólo en el sitemap", "<p>Una página que sólo el sitemap nombra.</p>")
    return routes


def referers_by_request(requests: list) -> dict[tuple[str, str], list[str | None]]:
    """(method, path) -> the Referer of each time the server was asked for it (None: no header)."""
    referers: dict[tuple[str, str], list[str | None]] = {}
    for method, path, headers in requests:
        value = next((v for k, v in headers.items() if k.lower() == "referer"), None)
        referers.setdefault((method, path), []).append(value)
    return referers


def assert_each_led_to(base: str, referers: dict[tuple[str, str], list[str | None]]) -> None:
    """Each request of TREE's site was made with the URL of what led to it as Referer."""
    root = base.rstrip("/")
    expected: dict[tuple[str, str], str | None] = {("GET", "/"): None, ("GET", "/robots.txt"): None}
    for path, parent in TREE.items():
        method = "HEAD" if path.endswith(".pdf") else "GET"
        expected[(method, path)] = root + parent
    expected[("GET", "/nuevo")] = root + "/viejo"
    expected[("GET", "/mapa.xml")] = root + "/robots.txt"
    expected[("GET", "/solo-sitemap")] = root + "/mapa.xml"
    got = {key: values for key, values in referers.items() if key in expected}
    assert set(got) == set(expected), sorted(set(expected) - set(got))
    for key, value in expected.items():
        assert got[key] == [value] * len(got[key]), (key, got[key])
    assert sum(value is not None for value in expected.values()) == len(expected) - 2


@pytest.fixture(scope="module")
def seen(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[tuple[str, str], list[str | None]]]:
    directory: Path = tmp_path_factory.mktemp("referer")
    server = SiteServer().start()
    try:
        server.routes = routes_for(server.url)
        crawl(write_config(directory, server.url, OFFLINE))
        requests = list(server.requests)
    finally:
        server.stop()
    return server.url, referers_by_request(requests)


def test_each_request_carries_the_url_of_what_led_to_it(seen: tuple[str, dict]) -> None:
    assert_each_led_to(*seen)
