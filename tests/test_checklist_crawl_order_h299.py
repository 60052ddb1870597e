"""The same site gives the same checklist whatever order the crawl's answers arrive in (H299, class 2990).

A URL a page shows as a resource (a ``<link rel="prefetch">``, an ``<img>``, an ``<embed>``) is asked
with a HEAD and never read; the checklist leaves resources out. When another page links the same URL as
a page (an ``<a>``), it is a page: before class 2990 what it became depended on which of the two pages
the crawl parsed first, so two crawls of one site could give two verdicts (the held-out measure came in
two states from run to run, with the same code). Two crawls through the real CLI of one site served on
127.0.0.1, offline: in the first the page with the prefetch answers before the page with the link, in
the second after it, each under another ``PYTHONHASHSEED``; their checklists must be the same, and the
transparency page read in both. Without the rule the first crawl never reads that page (seen failing,
H299: docs/checklist-accuracy.md).
"""

from __future__ import annotations

import json
from pathlib import Path

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import run_cli, write_config
from tests.test_checklist_classes_h256 import _page

OFFLINE = "[links]\ncheck_external = false\n"
ENTITY = "Alcaldía de San Lorenzo"
NAV = (
    '<nav><ul><li><a href="/">Inicio</a></li><li><a href="/noticias.html">Noticias</a></li>'
    '<li><a href="/entidad.html">La entidad</a></li></ul></nav>'
)
TRANSPARENCIA = _page(
    ENTITY,
    NAV,
    "Transparencia",
    "<h1>Transparencia y acceso a la información pública</h1><ul>"
    "<li><h2>1. Información de la entidad</h2><p>Misión, visión, funciones y deberes de la alcaldía.</p></li>"
    "<li><h2>2. Normativa</h2><p>Decretos y resoluciones del municipio.</p></li>"
    "<li><h2>4. Planeación, presupuesto e informes</h2><p>Presupuesto general aprobado.</p></li>"
    "</ul>",
)


def _routes(prefetch_first: bool) -> dict[str, Resource]:
    # the news page tells the browser to prefetch the transparency page; only «La entidad» links it
    news = _page(ENTITY, NAV, "Noticias", "<h1>Noticias</h1><p>La alcaldía entregó obras en la vereda El Carmen.</p>")
    news.body = news.body.replace(b"</head>", b'<link rel="prefetch" href="/transparencia.html"></head>')
    news.delay = 0.0 if prefetch_first else 1.5
    entity = _page(
        ENTITY,
        NAV,
        "La entidad",
        '<h1>La entidad</h1><p>Conozca la <a href="/transparencia.html">Transparencia y acceso a la información '
        "pública</a> de la alcaldía.</p>",
    )
    entity.delay = 1.5 if prefetch_first else 0.0
    return {
        "/": _page(ENTITY, NAV, "Inicio", "<h1>Bienvenidos</h1><p>Portal oficial del municipio.</p>"),
        "/noticias.html": news,
        "/entidad.html": entity,
        "/transparencia.html": TRANSPARENCIA,
    }


def _checklist(directory: Path, prefetch_first: bool, seed: str) -> list[dict]:
    directory.mkdir()
    server = SiteServer(_routes(prefetch_first)).start()
    try:
        config = write_config(directory, server.url, OFFLINE)
        env = {"PYTHONHASHSEED": seed}
        crawled = run_cli("crawl", "--config", str(config), env=env)
        assert crawled.returncode == 0, crawled.stderr
        result = run_cli("report", "--format", "json", "--config", str(config), env=env)
        assert result.returncode == 0, result.stderr
        origin = server.url.rstrip("/")
        return [
            {
                k: json.dumps(rec.get(k), ensure_ascii=False).replace(origin, "")
                for k in ("profile", "item", "status", "evidence", "detail")
            }
            for rec in json.loads(result.stdout)["checklist"]
        ]
    finally:
        server.stop()


def test_a_page_shown_as_a_resource_and_linked_elsewhere_gives_one_checklist_whatever_the_order(tmp_path: Path) -> None:
    first = _checklist(tmp_path / "prefetch-first", True, "0")
    second = _checklist(tmp_path / "link-first", False, "1")
    # the transparency page is read in both crawls: it is evidence of the profile's menu item
    assert any("/transparencia.html" in r["evidence"] for r in first), "la página de Transparencia no se leyó"
    assert first == second
