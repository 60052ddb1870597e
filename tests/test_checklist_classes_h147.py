"""Checklist classes 1470-1474 (fourteenth session, H147): the committee's criterion «Entradas sin
nada detrás» (docs/checklist-states.md). A named entry whose target the auditor saw publish nothing
(«#», the home page, a page that answers 404) makes its item ``no_cumple`` on its own, with a detail
naming the entry and where it leads; a page that answers 500 is not such an entry; live evidence
beside a dead entry still decides. On a real crawl of one small site served on 127.0.0.1, crawled
and reported once by the real CLI."""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import crawl, report_json, write_config

OFFLINE = "[links]\ncheck_external = false\n"

# a municipality whose theme was installed half-way: the menu names sections whose pages do not
# exist, the transparency page lists categories whose entries go to «#» or back to the start page,
# one page answers 500 (a server fault the auditor cannot read), and the procedures have both a
# dead menu entry and a live page
NAV = (
    "<nav class='menu'><a href='/'>Inicio</a>"
    "<a href='/transparencia/'>Transparencia y acceso a la información pública</a>"
    "<a href='/normatividad/'>Normatividad</a>"
    "<a href='/tramites/'>Trámites</a></nav>"
)
FOOTER = (
    "<footer><h4>Alcaldía Municipal de Prueba</h4>"
    "<p>Dirección: Carrera 5 No. 4-20 · Teléfono: (+57) 608 555 0101 · contacto@prueba.gov.co</p></footer>"
)


def _page(title: str, body: str) -> Resource:
    return Resource.html(
        "<!doctype html><html lang='es'><head><meta charset='utf-8'>"
        f"<title>{title} — Alcaldía Municipal de Prueba</title></head>"
        f"<body><header>{NAV}</header><main><h1>{title}</h1>{body}</main>{FOOTER}</body></html>"
    )


ROUTES = {
    "/": _page(
        "Bienvenidos",
        "<p>Portal de la alcaldía: noticias del municipio, la agenda del alcalde, los programas sociales y"
        " las obras en curso en las veredas y el casco urbano, con sus fechas y responsables.</p>"
        "<h2>Noticias</h2><p>Se entregaron las obras del acueducto de la vereda El Carmen a la comunidad.</p>"
        "<p><a href='/tramites-y-servicios/'>Trámites y servicios en línea</a></p>",
    ),
    "/transparencia/": _page(
        "Transparencia y acceso a la información pública",
        "<h2>3. Contratación</h2><ul><li><a href='/contratacion/'>Contratación</a></li></ul>"
        "<h2>4. Planeación, presupuesto e informes</h2><ul>"
        "<li><a href='#'>Presupuesto general</a></li><li><a href='#'>Ejecución presupuestal</a></li>"
        "<li><a href='javascript:void(0)'>Plan de acción</a></li></ul>"
        "<h2>7. Datos abiertos</h2><ul><li><a href='/'>Datos abiertos</a></li></ul>",
    ),
    "/contratacion/": Resource(status=500, body=b"Error interno", headers={"Content-Type": "text/plain"}),
    "/tramites-y-servicios/": _page(
        "Trámites y servicios",
        "<p>Los trámites que la alcaldía ofrece, con sus requisitos, costos y tiempos de respuesta.</p>"
        "<h2>Impuesto predial unificado</h2><p>Pago del impuesto predial: requisitos, costo y tiempo.</p>"
        "<h2>Licencia de construcción</h2><p>Solicitud de licencia: requisitos, costo y tiempo.</p>"
        "<h2>Certificado de residencia</h2><p>Expedición del certificado: requisitos y tiempo.</p>",
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The site above, crawled and reported once: its home page's address and {(profile, item): record}."""
    server = SiteServer(ROUTES).start()
    try:
        config = write_config(tmp_path_factory.mktemp("h147"), server.url, OFFLINE)
        crawl(config)
        yield server.url.rstrip("/"), {(c["profile"], c["item"]): c for c in report_json(config)["checklist"]}
    finally:
        server.stop()


def test_class_1470_a_section_whose_entries_lead_to_hash_publishes_nothing(site):
    _url, records = site
    # «4. Planeación, presupuesto e informes» over entries to «#» and «javascript:void(0)»
    r = records[("ley1712-res1519", "ley1712.4")]
    assert r["status"] == "no_cumple", r
    assert "«4. Planeación, presupuesto e informes»" in r["detail"] and "«#»" in r["detail"], r
    assert "no publica nada" in r["detail"] and "/transparencia/" in r["detail"], r
    assert r["evidence"] == [], r  # as every «no_cumple»: where it is, the detail says


def test_class_1471_an_entry_to_the_home_page_publishes_nothing(site):
    _url, records = site
    # «Datos abiertos» on the transparency page leads back to «/»
    r = records[("ley1712-res1519", "ley1712.7.2")]
    assert r["status"] == "no_cumple", r
    assert "la entrada «Datos abiertos»" in r["detail"] and "lleva a la página de inicio" in r["detail"], r
    assert "/transparencia/ lleva a la página de inicio: no publica nada" in r["detail"], r


def test_class_1472_an_entry_to_a_page_that_does_not_exist_publishes_nothing(site):
    url, records = site
    # the menu's «Normatividad» leads to a page that answers 404
    for item in ("ley1712.2", "ley1712.2.1"):
        r = records[("ley1712-res1519", item)]
        assert r["status"] == "no_cumple", r
        assert f"la entrada «Normatividad» de {url}/ lleva a {url}/normatividad/, que no existe (404)" in r["detail"], r


def test_class_1473_an_entry_to_a_server_error_is_not_dead(site):
    _url, records = site
    # «3. Contratación» → a page that answers 500: the auditor cannot tell it publishes nothing
    r = records[("ley1712-res1519", "ley1712.3")]
    assert r["status"] == "parcial", r
    assert "no publica nada" not in r["detail"] and "rotos" in r["detail"], r


def test_class_1474_live_evidence_beside_a_dead_entry_still_decides(site):
    url, records = site
    # the menu's «Trámites» answers 404, the page «Trámites y servicios» is live: that page decides,
    # and the dead entry is said
    r = records[("ley1712-res1519", "ley1712.5")]
    assert r["status"] == "parcial", r
    assert r["evidence"][0] == f"{url}/tramites-y-servicios/", r
    assert (
        f"la entrada «Trámites» de {url}/ lleva a {url}/tramites/, que no existe (404): no publica nada" in r["detail"]
    ), r
