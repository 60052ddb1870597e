"""Criterion E of docs/checklist-scope.md with the entity named in other words (issue 15, H206; one of
the two gaps H200 found re-reading 75 tuning labels). A small municipal site on 127.0.0.1, crawled once
through the real CLI, offline (external links are not opened).

Class 2061 (criterion E): a page whose title block holds only «<title> de la entidad.» (the entity named
in any words: «de la entidad», «del MUNIBETULIA»), framed by a side menu and its loose words, publishes
nothing: the entry to it is named and empty (``parcial``). ``repeats_title`` only read a proper name
(a capital) and a page with no link or image beside the sentence; and a link to a national portal's
home page (Colombia Compra Eficiente in the side cell) made any page «not empty» (criterion G: it is
not the entity's own link, ``systems.points_into_system``).
``test_class_2061_a_title_block_that_only_names_the_entity_is_empty`` fails without
``emptiness.names_entity_only`` (checked: ``info.glosario`` and ``info.mision_vision`` ``cumple``) and
without ``points_into_system`` in ``emptiness.page_state`` (``is_national_system`` as before; checked:
``info.mision_vision`` ``cumple``).
``test_class_2061_a_short_page_with_content_keeps_its_verdict`` guards the other side: a short sentence
that says something, and the same title block followed by the organigram's image. A page whose pointer
leads to the entity's own search on a portal stays not empty
(``tests/test_checklist_corpus.py::test_a_page_that_points_to_the_national_system_is_not_empty``,
putumayo's /open-data).

Class 2060 (criterion G for the items' link parts: a link to a portal's home page or general search
meets the part only as «parcial») was written, tested and measured, and is not applied: it lowered a
held-out figure (docs/checklist-accuracy.md, «H206»; commit f556196 holds it with its tests).
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import crawl, report_json, write_config

OFFLINE = "[links]\ncheck_external = false\n"
ENTITY = "Alcaldía Municipal de San Juan de Betulia"
SIDE = (
    "<div class='sidebar'><h2>Transparencia</h2><ul>"
    "<li><a href='/glosario'>Glosario</a></li><li><a href='/mision'>Misión y visión</a></li>"
    "<li><a href='/organigrama'>Organigrama</a></li><li><a href='/calendario'>Calendario de actividades</a></li>"
    "</ul></div>"
)
ENTRIES = (
    ("/", "Inicio"),
    ("/mision", "Misión y visión"),
    ("/glosario", "Glosario"),
    ("/organigrama", "Organigrama"),
    ("/calendario", "Calendario de actividades"),
    ("/tramites", "Trámites y servicios"),
    ("/contratacion", "Contratación"),
    ("/datos-abiertos", "Datos abiertos"),
    ("/transparencia", "Transparencia y acceso a la información pública"),
)
NAV = "<nav><ul>" + "".join(f'<li><a href="{h}">{t}</a></li>' for h, t in ENTRIES) + "</ul></nav>"


def _html(title: str, main: str) -> Resource:
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title} | {ENTITY}</title></head>"
        f"<body><header><p>{ENTITY}</p>{NAV}</header><div id='main'>{main}</div>"
        "<footer>Carrera 5 # 4-20, San Juan de Betulia. Teléfono 605 555 0000.</footer></body></html>"
    )


def _routes(secop: str, suit: str, datos: str) -> dict[str, Resource]:
    """A site whose pages of contracting, procedures and open data publish their own content and link
    the portals at these addresses (kept from class 2060, not applied: see above)."""
    return {
        "/": _html(
            "Inicio",
            "<h1>Bienvenidos</h1><p>Sitio oficial del municipio de San Juan de Betulia, en el departamento de"
            " Sucre, con la información de la administración municipal.</p>",
        ),
        "/transparencia": _html(
            "Transparencia y acceso a la información pública",
            "<h1>Transparencia y acceso a la información pública</h1><ul>"
            f"<li><a href='{secop}'>3.2 Publicación de la información contractual</a></li>"
            "<li><a href='/tramites'>5.1 Trámites y servicios</a></li>"
            "<li><a href='/datos-abiertos'>7.2 Sección de datos abiertos</a></li></ul>",
        ),
        "/contratacion": _html(
            "Contratación",
            "<h1>Contratación</h1><table><tr><th>Proceso</th><th>Objeto</th><th>Estado</th></tr>"
            "<tr><td>MC-001-2026</td><td>Mantenimiento del parque principal</td><td>Adjudicado</td></tr>"
            "<tr><td>MC-002-2026</td><td>Suministro de papelería</td><td>Abierto</td></tr></table>"
            f"<p>Consulte los procesos en el <a href='{secop}'>SECOP</a>.</p>",
        ),
        "/tramites": _html(
            "Trámites y servicios",
            "<h1>Trámites y servicios</h1><ul><li>Impuesto predial: se paga en la Tesorería municipal con el"
            " recibo.</li><li>Certificado de residencia: se pide en la Secretaría de Gobierno con la cédula, sin"
            f" costo.</li></ul><p>Nuestros trámites en el <a href='{suit}'>SUIT / GOV.CO</a>.</p>",
        ),
        "/datos-abiertos": _html(
            "Datos abiertos",
            "<h1>Datos abiertos</h1><p>La alcaldía publica el inventario de predios y la ejecución"
            f" presupuestal como datos abiertos.</p><p><a href='{datos}'>Conjuntos de datos en datos.gov.co</a></p>",
        ),
        # class 2061: the title block is the title and the entity in other words, under a side menu
        "/glosario": _html(
            "Glosario",
            f"{SIDE}<div id='content'><h1>Glosario</h1><div class='region'><p>Glosario de la entidad.</p></div></div>",
        ),
        "/mision": _html(
            "Misión y visión",
            "<table><tr><td><h1>Misión y visión</h1><p>Misión y visión del MUNIBETULIA.</p></td>"
            "<td><a href='https://www.flickr.com/photos/betulia/'>Galería</a> Síguenos en Facebook"
            " Síguenos en Twitter <a href='http://www.colombiacompra.gov.co/'>Colombia Compra Eficiente</a>"
            "</td></tr></table>",
        ),
        # the other side: the same title block with the organigram's image after it; a short sentence
        "/organigrama": _html(
            "Organigrama",
            f"{SIDE}<div id='content'><div class='title'><h1>Organigrama</h1><p>Organigrama de la entidad.</p>"
            "</div><div class='body'><img src='/organigrama.png' alt='Organigrama de la alcaldía'></div></div>",
        ),
        "/organigrama.png": Resource(b"\x89PNG\r\n\x1a\n", headers={"Content-Type": "image/png"}),
        "/calendario": _html(
            "Calendario de actividades",
            f"{SIDE}<div id='content'><h1>Calendario de actividades</h1><p>El 15 de diciembre de 2026, audiencia"
            " pública de rendición de cuentas en el Concejo Municipal.</p></div>",
        ),
    }


# site A: the SECOP I general search; the SUIT's search filtered by the entity; the entity's datasets
SITE_A = _routes(
    "https://www.contratos.gov.co/consultas/inicioConsulta.do",
    "http://www.suit.gov.co/web/guest/resultados?site=tramites&q=BETULIA",
    "https://www.datos.gov.co/browse?q=betulia",
)


def _records(tmp_path_factory, routes: dict[str, Resource], name: str) -> dict[tuple[str, str], dict]:
    """The site crawled once by the real CLI: the checklist records by (profile, item)."""
    server = SiteServer(routes).start()
    try:
        config = write_config(tmp_path_factory.mktemp(name), server.url, OFFLINE)
        crawl(config)
        origin = server.url.rstrip("/")
        records = {}
        for rec in report_json(config)["checklist"]:
            rec["paths"] = [u[len(origin) :] if u.startswith(origin) else u for u in rec["evidence"]]
            records[(rec["profile"], rec["item"])] = rec
        return records
    finally:
        server.stop()


@pytest.fixture(scope="module")
def site_a(tmp_path_factory):
    return _records(tmp_path_factory, SITE_A, "h206a")


def test_class_2061_a_title_block_that_only_names_the_entity_is_empty(site_a):
    got = {i: site_a[("gelt-2008", i)]["status"] for i in ("info.glosario", "info.mision_vision")}
    assert got == {"info.glosario": "parcial", "info.mision_vision": "parcial"}, got
    for item, path in (("info.glosario", "/glosario"), ("info.mision_vision", "/mision")):
        rec = site_a[("gelt-2008", item)]
        assert "solo repite su título con el nombre de la entidad («" in rec["detail"], (item, rec)
        assert path in rec["detail"], (item, rec)


def test_class_2061_a_short_page_with_content_keeps_its_verdict(site_a):
    for item in ("info.organigrama", "info.calendario"):
        rec = site_a[("gelt-2008", item)]
        assert rec["status"] == "cumple", (item, rec)
        assert "solo repite su título" not in rec["detail"], (item, rec)
