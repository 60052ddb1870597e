"""The checklist's site index keeps every page's own links end to end in one array of its link
strings (issue 21, H248: ``LinkStrings.rows``, ``LinkStrings.keep``), not an array a page born while
the page is parsed, and a page's own block names its one page as a tuple, not a list. A site of 40
pages crawled twice through the CLI on 127.0.0.1, its report made cold (the latest crawl's pages
parsed, the previous crawl's carried from them) and again (every page rebuilt from its cached
parse): each page's own block reads, link by link and column by
column, what its numbers say; the rows hold those numbers and nothing else; and the JSON report is
the one the old representation (each page's links in their own array) makes, byte for byte.

Fails without the kept rows (checked: with ``gelt_audit`` of ``67a9e56``, ``LinkStrings`` has no
``rows``; with ``PackedLinks._columns`` reading from the start of the rows instead of the block's
place, the column reads differ from the link reads and the JSON report differs from the old one)."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest

import gelt_audit.audits.checklist.audit as checklist_audit
import gelt_audit.audits.checklist.parse as parse
import gelt_audit.audits.run as run
from gelt_audit.audits.checklist.packed import LinkStrings, PackedLinks
from gelt_audit.config import load_config
from gelt_audit.demo.server import SiteServer
from gelt_audit.reports import json_report
from gelt_audit.store import Store
from tests.helpers import crawl, page, store_copies, write_config

PAGES = 40
MENU = ("/", "/transparencia", "/normatividad", "/contacto", "/tramites")


def _routes() -> dict[str, Any]:
    items = "".join(f"<li><a href='/tramite/{n}'>Trámite {n}</a></li>" for n in range(PAGES))
    routes = {
        "/": page("Inicio | Alcaldía de Prueba", "<p>Bienvenidos.</p><iframe src='/mapa'></iframe>", MENU),
        "/transparencia": page("Transparencia", "<h3>Normatividad</h3><a href='/normatividad'>Leyes</a>", MENU),
        "/normatividad": page("Normatividad", "<p>Decreto 12 de 2026.</p><a href='/doc/12.pdf'>Decreto</a>", MENU),
        "/contacto": page("Contacto", "<p>Correo: contacto@prueba.gov.co</p>", MENU),
        "/tramites": page("Trámites", f"<ul>{items}</ul>", MENU),
        "/mapa": page("Mapa", "<p>Mapa.</p>"),
    }
    for n in range(PAGES):  # pages with more or fewer own links: runs of different lengths in the rows
        own = "".join(f"<li><a href='/tramite/{(n + k) % PAGES}#req'>Paso {k}</a></li>" for k in range(n % 7))
        body = f"<h3>Requisitos</h3><p>Requisito {n}.</p><ul>{own}</ul><h3>Costo</h3><p>Gratuito.</p>"
        routes[f"/tramite/{n}"] = page(f"Trámite {n} | Alcaldía de Prueba", body, MENU)
    return routes


def _json(text: str) -> str:
    return re.sub(r'"generated_at": ?"[^"]*"', "", text).strip()


def _report(directory: Path, monkeypatch: Any, old: bool = False) -> tuple[str, list[Any], dict[str, int]]:
    """The JSON report of the store in ``directory`` made in this process, the site indexes built
    (``old``: each page's links kept in their own array, as before H248) and how many pages were
    parsed, carried and rebuilt from their cached parse."""
    indexes: list[Any] = []
    built = checklist_audit.index_site
    ways = {"_parse": 0, "_carried": 0, "_load": 0}

    def counted(name: str) -> Any:
        method = getattr(parse.Builder, name)

        def call(*args: Any, **kwargs: Any) -> Any:
            ways[name] += 1
            return method(*args, **kwargs)

        return call

    def index_site(*args: Any, **kwargs: Any) -> Any:
        indexes.append(built(*args, **kwargs))
        return indexes[-1]

    with monkeypatch.context() as patch:
        patch.setattr(checklist_audit, "index_site", index_site)
        for name in ways:
            patch.setattr(parse.Builder, name, counted(name))
        if old:
            patch.setattr(LinkStrings, "keep", lambda self, links: links)
        cfg = load_config(directory / "gelt.toml")
        with Store(cfg.store_path) as store:
            text = json_report.dumps(run.audit(store, cfg))  # as the CLI's report (browser "off")
    return _json(text), indexes, ways


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    """The site crawled once through the CLI; copies of its store and the CLI's cold JSON report."""
    base = tmp_path_factory.mktemp("kept")
    server = SiteServer(_routes()).start()
    try:
        config = write_config(base, server.url)
        crawl(config)
        crawl(config)  # the same site again: a cold report judges the previous crawl too
    finally:
        server.stop()
    copies, stdout = store_copies(config, ("cli", "kept", "old"))
    return copies, _json(stdout)


def _own_blocks(index: Any) -> list[Any]:
    """Each page's own block (its last, the content's), from the index's page rows."""
    store = index.pages.store
    return [store.block(store.block_numbers(i)[-1]) for i in range(len(store)) if len(store.block_numbers(i))]


def _check_kept(index: Any) -> int:
    """Each page's own block reads from its strings' rows what its numbers say; returns the links."""
    own = _own_blocks(index)
    assert own, "no page with its own block"
    strings = own[0].links.strings
    assert all(isinstance(b.links, PackedLinks) and b.links.strings is strings for b in own)
    assert all(b.links._all is strings.rows for b in own)  # no array a page
    assert all(type(b.pages) is tuple and len(b.pages) <= 1 for b in own)  # no list a page
    assert sum(len(b.links) for b in own) * 3 == len(strings.rows)  # the rows hold those, nothing else
    n = 0
    for b in own:
        alone = PackedLinks(strings, b.links.cols)  # the same numbers in their own array (the old way)
        links = list(b.links)
        assert links == list(alone) == [b.links[j] for j in range(len(b.links))]
        assert (
            list(b.links.fields())
            == list(alone.fields())
            == [
                (x.target, x.key, x.text, x.norm, x.nwords, x.region, x.tmenu, x.ctx, x.is_doc, x.embed, x.fragment)
                for x in links
            ]
        )
        rows = [(n, w, k, bool(e), bool(t)) for n, w, k, e, t in b.links.index_rows()]  # flags: true or 0
        assert rows == [(x.norm, x.nwords, x.key, x.embed, x.tmenu) for x in links]
        assert b.links.link_keys() == [x.key for x in links if not x.embed]
        assert [b.links.named(j) for j in range(len(links))] == [(x.key, x.target, x.text, x.fragment) for x in links]
        assert b.links == alone and b.links.cols == alone.cols
        n += len(links)
    return n


def test_own_links_kept_in_rows_read_as_packed(crawled, monkeypatch):
    copies, cli_json = crawled
    # the latest crawl's pages parsed, then the previous crawl's carried from the latest's index
    cold, indexes, ways = _report(copies[1], monkeypatch)
    assert len(indexes) == 2 and cold == cli_json
    assert ways["_parse"] >= PAGES and ways["_carried"] >= PAGES and ways["_load"] == 0, ways
    links = _check_kept(indexes[0])
    assert links >= sum(k % 7 for k in range(PAGES))  # the pages' own links are there
    assert any(x.fragment for b in _own_blocks(indexes[0]) for x in b.links)
    assert _check_kept(indexes[1]) == links
    # every audit's results and the carry forgotten, the pages' parses kept: rebuilt from them
    with sqlite3.connect(copies[1] / "gelt.db") as conn:
        conn.execute("delete from body_audits where audit not in ('checklist-page', 'checklist-chrome')")
        conn.execute("delete from crawl_summaries")
        conn.execute("delete from portfolio_summaries")
    again, indexes, ways = _report(copies[1], monkeypatch)
    assert len(indexes) == 2 and again == cli_json
    assert ways["_load"] >= PAGES and ways["_parse"] == 0, ways
    assert [_check_kept(x) for x in indexes] == [links, links]


def test_the_same_report_as_each_page_in_its_own_array(crawled, monkeypatch):
    copies, cli_json = crawled
    old, indexes, _ways = _report(copies[2], monkeypatch, old=True)
    own = _own_blocks(indexes[0])
    assert own and all(b.links._all is not b.links.strings.rows for b in own)  # the old representation
    assert old == cli_json  # byte for byte
