"""Links in data attributes written in capitals (issue 21, H106): HTML attribute names are case-blind,
so ``<BUTTON DATA-URL="/tramites/licencias">`` is the same link as ``data-url`` — the parser and the
checklist read it so (``datalinks``). The crawler looked for the attributes in the page's source with a
case-sensitive substring before searching the tree, and never followed such a link (checked:
``test_data_links_in_capitals_are_followed`` fails with the lowercase-only prefilter of H100; the
other test guards that the wider search follows nothing hostile). One shared crawl of a small site
served on 127.0.0.1; the home page names no data attribute in lowercase and no ``<a href>`` leads to
the two pages.
"""

from __future__ import annotations

import sqlite3

import pytest

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import crawl, page, write_config

OFFLINE = "[links]\ncheck_external = false\n"


def _home() -> Resource:
    return page(
        "Alcaldía de Prueba",
        "<p>Bienvenidos al sitio oficial de la Alcaldía de Prueba.</p>"
        '<BUTTON CLASS="btn" DATA-URL="/tramites/licencias">Licencias de construcción</BUTTON>'
        '<div class="card" Data-Href="/atencion/horarios"><h3>Horarios de atención</h3>'
        "<p>Lunes a viernes.</p></div>"
        # hostile or not a link, also in capitals: never requested
        "<BUTTON DATA-URL=\"JAVASCRIPT:location.href='/trampa-js'\">Ir al trámite</BUTTON>"
        '<TABLE DATA-TOGGLE="table" DATA-URL="/datos.json"><TR><TD>Indicadores del plan</TD></TR></TABLE>',
        links=("/quienes-somos",),
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The site crawled once by the real CLI: the paths the server was asked for, the stored URLs."""
    server = SiteServer({}).start()
    server.routes = {
        "/": _home(),
        "/quienes-somos": page("Quiénes somos", "<p>La alcaldía gobierna el municipio.</p>"),
        "/tramites/licencias": page("Licencias de construcción", "<p>Requisitos y formularios.</p>"),
        "/atencion/horarios": page("Horarios de atención", "<p>De 8 a 12 y de 2 a 5.</p>"),
        "/trampa-js": page("Trampa"),
        "/datos.json": Resource(b"[]", headers={"Content-Type": "application/json"}),
    }
    try:
        directory = tmp_path_factory.mktemp("h106")
        config = write_config(directory, server.url, OFFLINE)
        crawl(config)
        origin = server.url.rstrip("/")
        with sqlite3.connect(directory / "gelt.db") as db:
            stored = {row[0][len(origin) :] for row in db.execute("select url from pages")}
        yield {"paths": [path for _method, path, _headers in server.requests], "stored": stored}
    finally:
        server.stop()


def test_data_links_in_capitals_are_followed(site):
    for path in ("/tramites/licencias", "/atencion/horarios"):
        assert path in site["paths"], (path, site["paths"])
        assert path in site["stored"], (path, site["stored"])


def test_hostile_data_addresses_in_capitals_are_never_followed(site):
    for path in ("/trampa-js", "/datos.json"):
        assert path not in site["paths"], (path, site["paths"])
    assert "/quienes-somos" in site["paths"], site["paths"]  # the crawl did go past the home page
