"""When each page last changed is carried from crawl to crawl (the previous crawl's history, kept in
the store, updated with the pages whose body changed): over four real crawls it must say what
reading every crawl's pages says, through failures, removals, returns and template-only edits."""

from __future__ import annotations

import json

from gelt_audit.audits.pages import last_changed
from gelt_audit.config import load_config
from gelt_audit.demo.server import Resource
from gelt_audit.store import Store
from tests.helpers import crawl, page
from tests.test_checklist_incremental import from_scratch, json_bytes

LINKS = ("/", "/a", "/b", "/c", "/d", "/e", "/f", "/g")


def _site(version: int) -> dict[str, Resource]:
    """Version by version: /a changes (2), stays (3), goes back to its first text (4); /b fails (2)
    and returns unchanged (3); /c is gone (2) and returns changed (3); /d appears (3); /e only
    changes its template (every version); /f fails (2) and returns changed (3); /g answers 404
    with the very body it answers 200 with next (3, then 4)."""
    menu = LINKS + (("/extra",) if version % 2 == 0 else ())  # the template of every page changes
    texts = {
        "/": "<p>Inicio del sitio de prueba.</p>",
        "/a": "<p>Primera versión del aviso.</p>" if version in (1, 4) else "<p>Segunda versión del aviso.</p>",
        "/b": "<p>Horario de atención de la alcaldía.</p>",
        "/c": "<p>Convocatoria abierta.</p>" if version == 1 else "<p>Convocatoria cerrada.</p>",
        "/d": "<p>Página nueva de participación.</p>",
        "/e": "<p>Directorio de funcionarios.</p>",
        "/f": "<p>Plan de desarrollo 2024.</p>" if version == 1 else "<p>Plan de desarrollo 2024-2027.</p>",
        "/g": "<p>Contratos del primer semestre.</p>" if version < 3 else "<p>Contratos del año.</p>",
        "/extra": "<p>Enlace del menú nuevo.</p>",
    }
    routes = {path: page(f"Página {path}", text, links=menu) for path, text in texts.items()}
    if version == 2:
        routes["/b"] = Resource.html("<h1>Error</h1>", status=500)
        routes["/f"] = Resource.html("<h1>Error</h1>", status=503)
        del routes["/c"]
    if version == 3:
        body = _site(4)["/g"].body  # the same bytes as the next crawl's answer
        # no validators: the next crawl asks for the page afresh instead of revalidating the 404
        routes["/g"] = Resource(body=body, status=404, headers=routes["/g"].headers, etag=False, last_modified=None)
    if version < 3:
        del routes["/d"]
    return routes


def _fetched(store: Store, crawl_id: int, path: str, base: str) -> str:
    row = store.db.execute(
        "select s.fetched_at from snapshots s join pages p on p.id = s.page_id where s.crawl_id = ? and p.url = ?",
        [crawl_id, base.rstrip("/") + path],
    ).fetchone()
    return row[0]


def test_last_changed_carried_from_crawl_to_crawl_reads_as_every_crawl_says(serve, config_for):
    server = serve(_site(1))
    config = config_for(server.url)
    cfg = load_config(config)
    reports = []
    for version in (1, 2, 3, 4):
        server.routes = _site(version)
        crawl(config)
        report = json_bytes(config)
        reports.append(report)
        # the history is carried: this crawl's is kept, the one before it is not kept any longer
        with Store(cfg.store_path) as store:
            rows = store.db.execute("select body_hash from body_audits where audit = 'pages-history'").fetchall()
        kept = sorted(r[0] for r in rows)
        assert kept == [f"crawl:{version}"]
        if version > 1:
            assert report == from_scratch(config, tag=str(version))
    base = server.url.rstrip("/")
    pages = {p["url"].removeprefix(base): p for p in json.loads(reports[-1])["pages"]}
    with Store(cfg.store_path) as store:
        expected = {
            "/": None,
            "/a": _fetched(store, 4, "/a", server.url),  # back to its first text: a change all the same
            "/b": None,  # failed once, came back as it was
            "/c": _fetched(store, 3, "/c", server.url),
            "/d": _fetched(store, 3, "/d", server.url),
            "/e": None,  # only its template changed
            "/f": _fetched(store, 3, "/f", server.url),
            "/g": _fetched(store, 4, "/g", server.url),  # the 404 of crawl 3 held its next body
            "/extra": _fetched(store, 2, "/extra", server.url),  # in crawls 2 and 4 only, the same text
        }
    assert {path: pages[path]["last_changed"] for path in expected} == expected
    # an older crawl's history (the checklist reads the crawl before the latest) is not kept
    with Store(cfg.store_path) as store:
        third = store.crawl(3)
        assert third is not None
        assert last_changed(store, third)["/".join((base, "c"))] == _fetched(store, 3, "/c", server.url)
        rows = store.db.execute("select body_hash from body_audits where audit = 'pages-history'").fetchall()
    assert [r[0] for r in rows] == ["crawl:4"]
    assert all(pages[path]["status"] == 200 for path in expected)
