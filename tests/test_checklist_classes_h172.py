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

Class 1721 (criterion G): a link to a national portal's home page or general search (Colombia
Compra Eficiente's home, datos.gov.co's home) names the portal and does not lead to the entity's
processes or datasets there: the part «enlace al SECOP» / «enlace a datos.gov.co» is ``parcial``.
``test_class_1721_a_link_to_a_national_portal_front_door_is_partial`` fails without
``systems.portal_front`` (checked: ``info.contratacion`` ``cumple``).
``test_class_1721_a_link_to_the_entity_search_on_the_portal_counts`` guards the other side (a search
for the entity on datos.gov.co, a SECOP process).

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
    # class 1721: Colombia Compra Eficiente's home page, datos.gov.co's home page
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

# the same municipality linking the entity's own things on the portals (a second, smaller crawl)
OWN = dict(ROUTES)
OWN["/contratacion"] = _html(
    "Contratación",
    "<h1>Contratación</h1><p>Los procesos de contratación de la alcaldía se publican en el SECOP II.</p>"
    "<p><a href='https://community.secop.gov.co/Public/Tendering/OpportunityDetail/Index?noticeUID=CO1.NTC.123456'>"
    "Proceso de mínima cuantía MC-001-2026</a></p>",
)
OWN["/datos-abiertos"] = _html(
    "Datos abiertos",
    "<h1>Datos abiertos</h1><p>Los conjuntos de datos abiertos de la alcaldía se publican en el portal"
    " nacional de datos abiertos.</p><p><a href='https://www.datos.gov.co/browse?q=San%20Juan%20de%20Betulia'>"
    "Conjuntos de datos de la alcaldía</a></p>",
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
def site(tmp_path_factory):
    """The municipality's site (front doors of the portals)."""
    return _records(tmp_path_factory, ROUTES, "h172")


@pytest.fixture(scope="module")
def own(tmp_path_factory):
    """The same site linking the entity's own process and datasets."""
    return _records(tmp_path_factory, OWN, "h172-own")


def test_class_1720_a_page_that_only_repeats_its_title_with_the_entity_name_is_empty(site):
    for item in ("info.mision_vision", "info.glosario"):
        rec = site[("gelt-2008", item)]
        assert rec["status"] == "parcial", rec
        assert "vacía o en construcción" in rec["detail"], rec
    rec = site[("ley1712-res1519", "ley1712.1.1")]
    assert rec["status"] == "parcial" and "/mision está vacía" in rec["detail"], rec


def test_class_1720_a_sentence_that_says_more_than_the_title_is_content(site):
    for item in ("info.preguntas_frecuentes", "info.calendario"):
        rec = site[("gelt-2008", item)]
        assert rec["status"] == "cumple", rec
        assert "vacía" not in rec["detail"], rec


def test_class_1721_a_link_to_a_national_portal_front_door_is_partial(site):
    rec = site[("gelt-2008", "info.contratacion")]
    assert rec["status"] == "parcial", rec
    assert "la portada de Colombia Compra Eficiente, no a los procesos de la entidad" in rec["detail"], rec
    assert rec["paths"][0] == "/contratacion", rec
    rec = site[("ley1712-res1519", "ley1712.7.2")]
    assert rec["status"] == "parcial", rec
    assert "la portada de datos.gov.co, no a los conjuntos de datos de la entidad" in rec["detail"], rec
    # gelt-2008 asks for the section «o» the link: the section alone meets it
    assert site[("gelt-2008", "info.datos_abiertos")]["status"] == "cumple"


def test_class_1721_a_link_to_the_entity_search_on_the_portal_counts(own):
    for profile, item in (("gelt-2008", "info.contratacion"), ("ley1712-res1519", "ley1712.7.2")):
        rec = own[(profile, item)]
        # the link is not opened offline: the item is «cumple» or rests on it unverified, never «parcial»
        assert rec["status"] in ("cumple", "sin_verificar"), (rec["status"], rec["detail"])
        assert "portada" not in rec["detail"] and "buscador general" not in rec["detail"], rec


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
