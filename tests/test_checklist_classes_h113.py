"""Checklist class 1131 (eleventh session, H113), found on the corpus site `v-epccajica`: on a real
crawl of one small site served on 127.0.0.1, crawled and reported once by the real CLI."""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import crawl, report_json, write_config

OFFLINE = "[links]\ncheck_external = false\n"

# a public-services company whose theme was installed without its pages: the menu and the footer
# name sections whose addresses answer 404; one live page lists a document whose file is missing
NAV = (
    "<nav class='menu'><a href='/'>Inicio</a>"
    "<a href='/transparencia/'>Transparencia y acceso a la información pública</a>"
    "<a href='/normatividad/'>Normatividad</a>"
    "<a href='/contratacion/'>Contratación</a></nav>"
)
FOOTER = (
    "<footer><h4>Empresa de Servicios Públicos de Prueba S.A. E.S.P.</h4>"
    "<ul><li><a href='/presupuesto/'>Presupuesto</a></li>"
    "<li><a href='/datos-abiertos/'>Datos abiertos</a></li></ul>"
    "<p>Dirección: Calle 3 Sur No. 1-35 · Línea de atención: (+57) 310 565 6959 · "
    "atencion@espprueba.gov.co</p></footer>"
)


def _page(title: str, body: str) -> Resource:
    return Resource.html(
        "<!doctype html><html lang='es'><head><meta charset='utf-8'>"
        f"<title>{title} — Empresa de Servicios Públicos de Prueba</title></head>"
        f"<body><header>{NAV}</header><main><h1>{title}</h1>{body}</main>{FOOTER}</body></html>"
    )


ROUTES = {
    "/": _page("Bienvenidos", "<p>Acueducto, alcantarillado y aseo para el municipio.</p>"),
    "/contratacion/": _page(
        "Contratación",
        "<h2>Plan anual de adquisiciones</h2><ul><li>"
        "<a href='/docs/plan-anual-de-adquisiciones-2026.pdf'>Plan anual de adquisiciones 2026</a>"
        "</li></ul>",
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The site above, crawled and reported once: its home page's address and {(profile, item): record}."""
    server = SiteServer(ROUTES).start()
    try:
        config = write_config(tmp_path_factory.mktemp("h113"), server.url, OFFLINE)
        crawl(config)
        yield server.url.rstrip("/"), {(c["profile"], c["item"]): c for c in report_json(config)["checklist"]}
    finally:
        server.stop()


def test_class_1131_a_link_to_a_missing_page_is_shown_by_the_page_that_carries_it(site):
    url, records = site
    # «Transparencia y acceso a la información pública» and «Normatividad» in the menu lead to pages
    # that answer 404: they publish nothing (H147's criterion: «no_cumple», no evidence), and the
    # detail names the page that shows the entry and the dead address
    home = records[("ley1712-res1519", "ley1712.menu")]
    assert home["status"] == "no_cumple", home
    assert f"de {url}/ lleva a {url}/transparencia/, que no existe (404)" in home["detail"], home
    norm = records[("ley1712-res1519", "ley1712.2")]
    assert norm["status"] == "no_cumple" and "que no existe (404): no publica nada" in norm["detail"], norm
    assert f"de {url}/ lleva a {url}/normatividad/" in norm["detail"], norm


def test_class_1131_a_listed_document_whose_file_is_missing_publishes_nothing(site):
    _url, records = site
    # a file that does not exist publishes nothing (H147's criterion: «no_cumple»); the detail names
    # its dead address
    paa = records[("ley1712-res1519", "ley1712.3.1")]
    assert paa["status"] == "no_cumple" and "que no existe (404)" in paa["detail"], paa
    assert "/docs/plan-anual-de-adquisiciones-2026.pdf" in paa["detail"], paa
