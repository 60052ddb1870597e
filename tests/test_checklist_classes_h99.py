"""Vocabulary under another name (issue 15, H99, cause C of the eighth session's table): the plans
of an entity published in a transparency section named only «Planeación», the name Res. 3564 de
2015 gave them (its numeral 6), read as the plan de acción of Res. 1519 (4.3). One shared crawl of
a small site.

The blind labels of three tuning sites of different origins (h-anserma, idcbis, a-govimentum) and
two more already right (g-imder, m-buga) point at the «Planeación» page for 4.3: ``parcial`` when
no plan of the current year is there. Class 990 reads a title or a link named exactly «Planeación»
(no slack: «Secretaría de Planeación» is another entity) as the item.
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import crawl, page, report_json, write_config

OFFLINE = "[links]\ncheck_external = false\n"

HUB = """
<p>Información pública de la entidad según la Ley 1712 de 2014 y la Resolución 1519 de 2020.</p>
<ul>
<li><a href="/transparencia/estructura">1. Estructura orgánica</a></li>
<li><a href="/transparencia/planeacion">6. Planeación</a></li>
</ul>
"""

PLANEACION = """
<p>Documentos de planeación institucional del instituto.</p>
<ul>
<li><a href="/documentos/politica-ambiental.pdf">Política ambiental</a></li>
<li><a href="/documentos/plan-anticorrupcion.pdf">Plan anticorrupción y de atención al ciudadano</a></li>
</ul>
"""

PDF = {"Content-Type": "application/pdf"}

ROUTES: dict[str, Resource] = {
    "/": page(
        "Inicio",
        "<p>Bienvenidos al portal del Instituto de Prueba: servicios, noticias e información pública de la"
        " entidad, con los horarios de atención y los canales de contacto.</p>",
        ("/transparencia",),
    ),
    "/transparencia": page("Transparencia y acceso a la información pública", HUB),
    "/transparencia/estructura": page(
        "Estructura orgánica",
        "<p>El instituto se organiza en una dirección general y dos subdirecciones: técnica y administrativa.</p>",
    ),
    "/transparencia/planeacion": page("Planeación", PLANEACION),
    "/documentos/politica-ambiental.pdf": Resource(body=b"%PDF-1.4 politica", headers=PDF),
    "/documentos/plan-anticorrupcion.pdf": Resource(body=b"%PDF-1.4 plan", headers=PDF),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The site crawled once by the real CLI: the checklist records by (profile, item)."""
    server = SiteServer(ROUTES).start()
    try:
        config = write_config(tmp_path_factory.mktemp("h99"), server.url, OFFLINE)
        crawl(config)
        origin = server.url.rstrip("/")
        records = {}
        for rec in report_json(config)["checklist"]:
            rec["paths"] = [u[len(origin) :] if u.startswith(origin) else u for u in rec["evidence"]]
            records[(rec["profile"], rec["item"])] = rec
        yield records
    finally:
        server.stop()


def test_class_990_a_section_named_planeacion_is_where_the_plan_de_accion_is(site):
    rec = site[("ley1712-res1519", "ley1712.4.3")]
    # found, but no plan of the current year: parcial, as the labels read it
    assert rec["status"] == "parcial", rec
    assert "no se identificó el periodo publicado" in rec["detail"], rec
    # what a person points to: the «Planeación» page that lists the plans
    assert rec["paths"][0] == "/transparencia/planeacion", rec["paths"]
