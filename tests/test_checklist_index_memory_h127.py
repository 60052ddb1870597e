"""The checklist's site index shares what pages repeat (issue 21, H127): a footer that differs on
every page (a visit counter) is a chrome block a page, but its links are one ``Link`` object for
all of them, and equal top images one tuple. Memory only: the report is the same (checked here
against the values the links must have)."""

from __future__ import annotations

from gelt_audit.audits.checklist import checklists, index_site, page_docs, text_rules
from gelt_audit.config import load_config
from gelt_audit.demo.server import Resource
from gelt_audit.store import Store
from tests.helpers import crawl, report_json

PAGES = ("/", "/a", "/b", "/c")


def _page(n: int, path: str) -> Resource:
    """A page whose footer counts visits (its markup differs on every page) and links to the
    Transparencia page, with the same logo at the top of every page."""
    links = "".join(f'<li><a href="{p}">Página {p}</a></li>' for p in PAGES)
    return Resource.html(
        "<!doctype html><html lang='es'><head><meta charset='utf-8'>"
        f"<title>Página {path} | Alcaldía de Prueba</title></head><body>"
        "<header><img src='/logo-govco.svg' alt='Logo GOV.CO'><p>Alcaldía de Prueba</p></header>"
        f"<nav><ul>{links}</ul></nav>"
        f"<main><h1>Página {path}</h1><p>Contenido de la página {path}.</p></main>"
        f"<footer><p>Calle 1 # 2-3.</p><p class='contador'>Visitas: {1000 + 13 * n}</p>"
        "<a href='/transparencia'>Transparencia y acceso a la información pública</a></footer>"
        "</body></html>"
    )


def test_per_page_footers_share_their_links(serve, config_for):
    routes = {p: _page(n, p) for n, p in enumerate(PAGES)}
    routes["/transparencia"] = _page(len(PAGES), "/transparencia")
    server = serve(routes)
    config = config_for(server.url)
    assert crawl(config).returncode == 0
    report = report_json(config)
    assert report["checklist"]  # the report (and its checklist) as before: nothing it says changed
    cfg = load_config(config)
    with Store(cfg.store_path) as store:
        latest = store.latest_crawl(cfg.site_url)
        assert latest is not None
        rules = text_rules(checklists(cfg))  # a page's HTML is read from the store as it is parsed
        index = index_site(
            page_docs(store, latest), home_url=cfg.site_url, text_rules=rules, cache=lambda k, a, v, c: c()
        )
    assert len(index.pages) == len(routes)
    footers = [b for p in index.pages for b in p.blocks if b.region == "footer"]
    assert len(footers) == len(routes) and len({id(b) for b in footers}) == len(routes)  # one a page
    assert len(index.footers) == len(routes)  # each page's own footer text
    for b in footers:
        assert [(x.key.rsplit("/", 1)[-1], x.text, x.region) for x in b.links] == [
            ("transparencia", "Transparencia y acceso a la información pública", "footer")
        ]
    assert len({id(x) for b in footers for x in b.links}) == 1  # one Link for the equal ones
    images = [p.top_images for p in index.pages]
    assert all(t for t in images) and len({t for t in images}) == 1
    assert len({id(t) for t in images}) == 1  # one tuple for the equal ones
