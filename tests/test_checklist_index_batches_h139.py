"""The checklist's site index parses a batch of pages before it keeps any of them (issue 21, H139):
each page's parse is made and cached by a scratch builder, then the index's pages are rebuilt
from their cached parses, so the parse's short-lived objects do not leave holes between the
objects the index keeps. Memory only: the pages rebuilt are the pages a parse keeps."""

from __future__ import annotations

import json
from typing import Any

import pytest

from gelt_audit.audits.checklist import checklists, index_site, page_docs, text_rules
from gelt_audit.audits.checklist import index as index_mod
from gelt_audit.audits.checklist.parse import Builder
from gelt_audit.config import load_config
from gelt_audit.demo.server import Resource, SiteServer
from gelt_audit.store import Store
from tests.helpers import crawl, page, report_json, write_config

PATHS = ("/", "/tramites", "/noticias/feria", "/transparencia", "/contacto")


def _routes() -> dict[str, Resource]:
    """Five linked pages with sections and a form, a broken link and a PDF (not parsed)."""
    nav = (*PATHS, "/falta", "/docs/informe.pdf")
    routes = {
        p: page(
            f"Página {p} | Alcaldía de Prueba",
            f"<h3>Sección de {p}</h3><p>Contenido de {p}, con su fecha: 3 de marzo de 2025.</p>"
            "<form action='/buscar'><label>Buscar <input name='q'></label></form>",
            links=nav,
        )
        for p in PATHS
    }
    routes["/docs/informe.pdf"] = Resource(b"%PDF-1.4\n%%EOF\n", headers={"Content-Type": "application/pdf"})
    return routes


def _page_view(p: Any) -> tuple[Any, ...]:
    """What a page says, its blocks' links by value (not by object)."""
    blocks = tuple(
        (b.region, tuple(index_mod._link_fields(x) for x in b.links), b.forms, b.footer, tuple(b.pages))
        for b in p.blocks
    )
    fields = tuple(getattr(p, f) for f in type(p).__slots__ if f != "blocks")
    return (*fields, blocks)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    server = SiteServer(_routes()).start()
    try:
        config = write_config(tmp_path_factory.mktemp("h139"), server.url)
        assert crawl(config).returncode == 0
        yield config, report_json(config)
    finally:
        server.stop()


def _index(config: Any, cache: Any) -> Any:
    cfg = load_config(config)
    with Store(cfg.store_path) as store:
        latest = store.latest_crawl(cfg.site_url)
        assert latest is not None
        rules = text_rules(checklists(cfg))
        return index_site(page_docs(store, latest), home_url=cfg.site_url, text_rules=rules, cache=cache)


def test_index_pages_are_rebuilt_from_their_cached_parses(site, monkeypatch):
    config, report = site
    assert report["checklist"]
    kept: dict[tuple[str, str], str] = {}

    def cache(key: str, audit: str, version: str, compute: Any) -> Any:  # as Store.cached_audit, as JSON
        if (key, audit) not in kept:
            kept[key, audit] = json.dumps(compute())
        return json.loads(kept[key, audit])

    calls: dict[str, list[int]] = {"parse": [], "load": []}
    real_parse, real_load = Builder._parse, Builder._load
    monkeypatch.setattr(
        Builder, "_parse", lambda self, doc, idx: calls["parse"].append(id(self)) or real_parse(self, doc, idx)
    )
    monkeypatch.setattr(
        Builder, "_load", lambda self, rec, doc, idx: calls["load"].append(id(self)) or real_load(self, rec, doc, idx)
    )
    monkeypatch.setattr(index_mod, "PARSE_BATCH", 2, raising=False)  # three batches of the crawl's pages
    index = _index(config, cache)
    monkeypatch.setattr(Builder, "_parse", real_parse)
    monkeypatch.setattr(Builder, "_load", real_load)
    assert len(index.pages) == len(PATHS)
    # each page parsed once, never by the builder whose pages the index keeps: all of them rebuilt
    assert len(calls["parse"]) == len(PATHS)
    assert len(calls["load"]) == len(PATHS) and len(set(calls["load"])) == 1
    assert set(calls["load"]).isdisjoint(calls["parse"])
    # the pages rebuilt are the pages a parse keeps (a cache that keeps nothing: every page parsed)
    parsed = _index(config, lambda k, a, v, c: c())
    assert [_page_view(p) for p in index.pages] == [_page_view(p) for p in parsed.pages]
    assert {k: (s.url, s.status) for k, s in index.status.items()} == {
        k: (s.url, s.status) for k, s in parsed.status.items()
    }
    assert any(s.status == 404 for s in index.status.values())  # the broken link's answer
    assert index.depth == parsed.depth and index.menu_keys == parsed.menu_keys
