"""The engine against the item-scope criteria of docs/checklist-scope.md (issue 15, H172). One shared
crawl of a small municipal site on 127.0.0.1, through the real CLI, offline (external links are
not opened).

Class 1720 (criterion E): a page whose only own text beside its title is a sentence repeating that
title with the entity's name («Misión y visión de la Empresa de Servicios Públicos … de San Juan de
Betulia, Sucre.») publishes nothing of the item: it is empty, like the page of class 133, and the
entry to it is «nombrado y vacío» (``parcial``), never ``cumple``. Short ones (under fifteen
words) were already empty; a long entity name made them ``cumple``.
``test_class_1720_a_page_that_only_repeats_its_title_with_the_entity_name_is_empty`` fails without
``emptiness.repeats_title`` (checked: ``info.mision_vision`` ``cumple``).
``test_class_1720_a_sentence_that_says_more_than_the_title_is_content`` guards the other side.

Class 1722 (criterion O): a close name of the «Participa» menu («Participación» alone on the home
page) is the menu without the name the annex mandates: ``ley1712.participa_menu`` ``parcial``, not
``no_cumple`` (only «Participa» and «Participación ciudadana» counted).
``test_class_1722_a_close_name_of_the_participa_menu_is_the_menu_without_its_name`` fails without the
rule in ``ley1712-res1519.toml`` (checked: ``no_cumple``).

Criterion G (a link to a national portal's front door is «parcial» for that part) was written,
measured and not applied: it lowered one held-out exact status per profile (docs/checklist-accuracy.md,
«H172»). This site's links to Colombia Compra Eficiente's and datos.gov.co's home pages stay in it
as the place such a rule would be tested.

Criteria H and I the engine already followed on this base (docs/checklist-accuracy.md, «H172»):
``test_the_govco_bar_is_not_the_procedures_link`` and
``test_a_request_channel_on_another_host_is_unverified`` guard them; they needed no change.
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import crawl, report_json, write_config

OFFLINE = "[links]\ncheck_external = false\n"
ENTITY = "Alcaldía Municipal de San Juan de Betulia"
ESP = "Empresa de Servicios Públicos Domiciliarios de Acueducto, Alcantarillado y Aseo del municipio de San Juan de Betulia, Sucre"

GOVCO_BAR = (
    '<div class="barra-superior-govco"><a href="https://www.gov.co/" aria-label="Portal del Estado Colombiano - GOV.CO">'
    '<img src="/img/govco.png" alt="GOV.CO"></a></div>'
)
ENTRIES = (
    ("/", "Inicio"),
    ("/mision", "Misión y visión"),
    ("/glosario", "Glosario"),
    ("/preguntas-frecuentes", "Preguntas frecuentes"),
    ("/calendario", "Calendario de actividades"),
    ("/tramites", "Trámites y servicios"),
    ("/contratacion", "Contratación"),
    ("/datos-abiertos", "Datos abiertos"),
    ("https://pqrsd.betulia-ventanilla.com/radicar", "PQRSD"),
    ("/transparencia", "Transparencia y acceso a la información pública"),
    ("/participacion", "Participación"),
)
NAV = "<nav><ul>" + "".join(f'<li><a href="{h}">{t}</a></li>' for h, t in ENTRIES) + "</ul></nav>"


def _html(title: str, main: str) -> Resource:
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title} | {ENTITY}</title></head>"
        f"<body>{GOVCO_BAR}<header><p>{ENTITY}</p>{NAV}</header><main>{main}</main>"
        "<footer>Carrera 5 # 4-20, San Juan de Betulia. Teléfono 605 555 0000.</footer></body></html>"
    )


ROUTES: dict[str, Resource] = {
    "/": _html(
        "Inicio",
        "<h1>Bienvenidos</h1><p>Sitio oficial del municipio de San Juan de Betulia, en el departamento de"
        " Sucre, con la información de la administración municipal.</p>",
    ),
    "/img/govco.png": Resource(b"\x89PNG\r\n\x1a\n", headers={"Content-Type": "image/png"}),
    # class 1720: the title, then the title again with the entity's name, and nothing else
    "/mision": _html("Misión y visión", f"<h1>Misión y visión</h1><p>Misión y visión de la {ESP}.</p>"),
    "/glosario": _html(
        "Glosario", f"<h2>Glosario</h2><p>Glosario de la {ENTITY}, departamento de Sucre, República de Colombia.</p>"
    ),
    # the other side: the same opening, then what the item asks (a question and its answer; dates)
    "/preguntas-frecuentes": _html(
        "Preguntas frecuentes",
        f"<h1>Preguntas frecuentes</h1><p>Preguntas frecuentes de la {ENTITY}.</p>"
        "<h2>¿Dónde pago el impuesto predial?</h2><p>En la Tesorería municipal, con el recibo que llega a su casa.</p>",
    ),
    "/calendario": _html(
        "Calendario de actividades",
        f"<h1>Calendario de actividades</h1><p>Calendario de actividades de la {ENTITY}: 15 de diciembre de 2026,"
        " audiencia pública de rendición de cuentas en el Concejo Municipal.</p>",
    ),
    # criterion H: procedures with how to ask for them, and no link to the SUIT but the GOV.CO bar's
    "/tramites": _html(
        "Trámites y servicios",
        "<h1>Trámites y servicios</h1><ul><li>Impuesto predial: se paga en la Tesorería municipal con el recibo.</li>"
        "<li>Certificado de residencia: se pide en la Secretaría de Gobierno con la cédula, sin costo.</li>"
        "<li>Licencia de construcción: se radica en Planeación con los planos.</li></ul>",
    ),
    "/transparencia": _html(
        "Transparencia y acceso a la información pública",
        "<h1>Transparencia y acceso a la información pública</h1><ul>"
        "<li><a href='/contratacion'>3.2 Publicación de la información contractual</a></li>"
        "<li><a href='/datos-abiertos'>7.2 Sección de datos abiertos</a></li></ul>",
    ),
    # class 1722: the menu «Participa» under a close name
    "/participacion": _html(
        "Participación",
        "<h1>Participación</h1><p>La alcaldía ofrece espacios de participación: audiencias públicas de"
        " rendición de cuentas, mesas de trabajo comunitarias y el consejo territorial de planeación.</p>",
    ),
    # criterion G (not applied): Colombia Compra Eficiente's home page, datos.gov.co's home page
    "/contratacion": _html(
        "Contratación",
        "<h1>Contratación</h1><p>Los procesos de contratación de la alcaldía se publican en el Sistema"
        " Electrónico de Contratación Pública.</p><p><a href='https://www.colombiacompra.gov.co/'>Colombia"
        " Compra Eficiente</a></p>",
    ),
    "/datos-abiertos": _html(
        "Datos abiertos",
        "<h1>Datos abiertos</h1><p>Los conjuntos de datos abiertos de la alcaldía se publican en el portal"
        " nacional de datos abiertos.</p><p><a href='https://www.datos.gov.co/'>Portal de datos abiertos</a></p>",
    ),
}


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
def site(tmp_path_factory):
    """The municipality's site (front doors of the portals)."""
    return _records(tmp_path_factory, ROUTES, "h172")


def test_class_1720_a_page_that_only_repeats_its_title_with_the_entity_name_is_empty(site):
    for item in ("info.mision_vision", "info.glosario"):
        rec = site[("gelt-2008", item)]
        assert rec["status"] == "parcial", rec
        assert "solo repite su título con el nombre de la entidad («" in rec["detail"], rec
    rec = site[("ley1712-res1519", "ley1712.1.1")]
    assert rec["status"] == "parcial", rec
    assert "/mision solo repite su título" in rec["detail"] or "/mision, que solo repite su título" in rec["detail"], (
        rec
    )


def test_class_1720_a_sentence_that_says_more_than_the_title_is_content(site):
    for item in ("info.preguntas_frecuentes", "info.calendario"):
        rec = site[("gelt-2008", item)]
        assert rec["status"] == "cumple", rec
        assert "vacía" not in rec["detail"], rec


def test_class_1722_a_close_name_of_the_participa_menu_is_the_menu_without_its_name(site):
    rec = site[("ley1712-res1519", "ley1712.participa_menu")]
    assert rec["status"] == "parcial", rec
    assert "falta: el nombre «Participa»" in rec["detail"], rec
    assert rec["paths"][0] in ("/", "/participacion"), rec


def test_the_govco_bar_is_not_the_procedures_link(site):
    # criterion H: the bar's logo links www.gov.co's home, not the entity's procedures on the SUIT
    rec = site[("gelt-2008", "info.tramites_servicios")]
    assert rec["status"] == "parcial", rec
    assert "falta: enlace al SUIT / GOV.CO" in rec["detail"], rec


def test_a_request_channel_on_another_host_is_unverified(site):
    # criterion I: the «PQRSD» entry leads to another host nobody opened: the channel exists, what is
    # behind it was not seen
    rec = site[("gelt-2008", "interaccion.pqrsd")]
    assert rec["status"] == "sin_verificar", rec
    assert rec["paths"][0] == "https://pqrsd.betulia-ventanilla.com/radicar", rec
