"""Recall classes from the tuning misses «no se encontró en el sitio rastreado» (issue 15, H236). One
shared crawl of a small fire brigade's site on 127.0.0.1, through the real CLI, offline.

Class 2360: the Transparencia hubs built on Res. 3564 name the tracking of requests «Medios de
seguimiento para la consulta del estado de las solicitudes de información pública» (section
«Transparencia pasiva»; g-imder, zn-bomberossoledad): the entry by that name is
``transaccion.seguimiento``, found (a ``link_text`` rule: the hub's own tab by that name would go before a
query form). ``test_class_2360_the_res_3564_name_of_request_tracking_is_the_item`` fails without the two
phrases in ``gelt-2008.toml`` (checked: ``no_cumple``, «no se encontró en el sitio rastreado»).

Class 2361: a footer that writes the e-mail for requests after their name («PQRS
atencion.usuario@…», v-epccajica) gives the channel, not a mechanism: ``ley1712.1.10`` ``parcial``,
saying so. ``test_class_2361_a_pqrs_email_in_the_footer_is_the_channel_without_a_mechanism`` fails
without the ``footer`` rule in ``ley1712-res1519.toml`` (checked: ``no_cumple``, «no se encontró en el
sitio rastreado»).

Class 2364 (a page or entry named only «Directorio» read as the staff directory, ``parcial``) was
reverted at integration: on zzf-toxicologiains, a tuning site H236's base did not have, «Directorio» is
the country's toxicologists, not the entity's servants (two false positives).
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource
from tests.helpers import checklist_records

OFFLINE = "[links]\ncheck_external = false\n"
ENTITY = "Cuerpo de Bomberos Voluntarios de Villa Esperanza"
NAV = (
    "<nav><ul><li><a href='/'>Inicio</a></li><li><a href='/nosotros'>Nosotros</a></li>"
    "<li><a href='/transparencia'>Transparencia</a></li>"
    "<li><a href='/contactenos'>Contáctenos</a></li></ul></nav>"
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
        # class 2360: the Res. 3564 name of the tracking of requests
        "<h2>11. Transparencia pasiva</h2><ul><li><a href='/medios-seguimiento'>11.1. Medios de seguimiento para la"
        " consulta del estado de las solicitudes de información pública</a></li></ul>",
    ),
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
