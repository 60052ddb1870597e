"""Recall classes from the tuning misses «no se encontró en el sitio rastreado» (issue 15, H236). One
shared crawl of a small fire brigade's site on 127.0.0.1, through the real CLI, offline.

Class 2360: the Transparencia hubs built on Res. 3564 name the tracking of requests «Medios de
seguimiento para la consulta del estado de las solicitudes de información pública» (section
«Transparencia pasiva»; g-imder, zn-bomberossoledad): the entry by that name is
``transaccion.seguimiento``, found. ``test_class_2360_the_res_3564_name_of_request_tracking_is_the_item``
fails without the two phrases in ``gelt-2008.toml`` (checked: ``no_cumple``, «no se encontró en el
sitio rastreado»).

Class 2361: a footer that writes the e-mail for requests after their name («PQRS
atencion.usuario@…», v-epccajica) gives the channel, not a mechanism: ``ley1712.1.10`` ``parcial``,
saying so. ``test_class_2361_a_pqrs_email_in_the_footer_is_the_channel_without_a_mechanism`` fails
without the ``footer`` rule in ``ley1712-res1519.toml`` (checked: ``no_cumple``, «no se encontró en el
sitio rastreado»).

Class 2362: a section named only «Contratación» (unnumbered; the numbered «3. Contratación» is the
whole section, ``not_section``) names the contracting information without saying which of it
(criterion F; h-anserma, zl-aguassince as H173 adjudicated): ``ley1712.3.2`` ``parcial``.
``test_class_2362_a_section_named_contratacion_is_the_contracting_information_named`` fails without
the two ``contratacion`` rules in ``ley1712-res1519.toml`` (checked: ``no_cumple``, «no se encontró en
el sitio rastreado»).
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource
from tests.helpers import checklist_records

OFFLINE = "[links]\ncheck_external = false\n"
ENTITY = "Cuerpo de Bomberos Voluntarios de Villa Esperanza"
NAV = (
    "<nav><ul><li><a href='/'>Inicio</a></li><li><a href='/nosotros'>Nosotros</a></li>"
    "<li><a href='/transparencia'>Transparencia</a></li><li><a href='/contactenos'>Contáctenos</a></li></ul></nav>"
)
# class 2361: the e-mail for requests written after their name, and no PQRS page anywhere
FOOTER = (
    "<footer><ul><li>Dirección: Calle 10 # 5-20, Villa Esperanza</li><li>Línea de emergencias: 119</li>"
    "<li>PQRS<br>atencion.usuario@bomberosvillaesperanza.org</li></ul></footer>"
)


def _html(title: str, main: str) -> Resource:
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title} | {ENTITY}</title></head>"
        f"<body><header><p>{ENTITY}</p>{NAV}</header><main>{main}</main>{FOOTER}</body></html>"
    )


ROUTES: dict[str, Resource] = {
    "/": _html(
        "Inicio",
        "<h1>Bienvenidos</h1><p>El cuerpo de bomberos atiende incendios, rescates y emergencias del municipio"
        " de Villa Esperanza y capacita a la comunidad en la prevención de riesgos.</p>",
    ),
    "/nosotros": _html(
        "Nosotros",
        "<h1>Nosotros</h1><p>Somos una institución sin ánimo de lucro fundada en 1985 que presta el servicio"
        " público esencial de gestión integral del riesgo contra incendio en el municipio.</p>",
    ),
    "/transparencia": _html(
        "Transparencia",
        "<h1>Transparencia</h1>"
        # class 2362: an unnumbered section named only «Contratación», over one document
        "<h2>Contratación</h2><p>Documentos de la contratación del cuerpo de bomberos.</p>"
        "<ul><li><a href='/docs/contrato-001-2026.pdf'>Contrato de suministro de uniformes 001 de 2026</a></li></ul>"
        # class 2360: the Res. 3564 name of the tracking of requests
        "<h2>11. Transparencia pasiva</h2><ul><li><a href='/medios-seguimiento'>11.1. Medios de seguimiento para la"
        " consulta del estado de las solicitudes de información pública</a></li></ul>",
    ),
    "/docs/contrato-001-2026.pdf": Resource(b"%PDF-1.4\n%%EOF\n", headers={"Content-Type": "application/pdf"}),
    "/medios-seguimiento": _html(
        "Medios de consulta",
        "<h1>Medios de consulta</h1><p>Para conocer el estado de su petición, queja o reclamo, llame a la línea"
        " 605 555 0119 con el número que recibió al radicarla; la secretaría le informa el trámite dado.</p>",
    ),
    "/contactenos": _html(
        "Contáctenos",
        "<h1>Contáctenos</h1><p>Estación central: Calle 10 # 5-20, Villa Esperanza. Teléfono 605 555 0119.</p>",
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The fire brigade's site, crawled once."""
    return checklist_records(tmp_path_factory.mktemp("h236"), ROUTES, OFFLINE)


def test_class_2360_the_res_3564_name_of_request_tracking_is_the_item(site):
    rec = site[("gelt-2008", "transaccion.seguimiento")]
    assert rec["status"] in ("cumple", "parcial"), rec
    assert "Medios de seguimiento para la consulta del estado de las solicitudes" in rec["detail"], rec


def test_class_2361_a_pqrs_email_in_the_footer_is_the_channel_without_a_mechanism(site):
    rec = site[("ley1712-res1519", "ley1712.1.10")]
    assert rec["status"] == "parcial", rec
    assert "solo un correo para PQRSD escrito en el pie de página" in rec["detail"], rec


def test_class_2362_a_section_named_contratacion_is_the_contracting_information_named(site):
    rec = site[("ley1712-res1519", "ley1712.3.2")]
    assert rec["status"] == "parcial", rec
    assert "solo una sección «Contratación»" in rec["detail"], rec
    assert rec["paths"][0] == "/transparencia", rec
