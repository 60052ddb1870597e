"""Recall classes of the tuning part's misses (issue 15, H222): what a person finds on a page that the
engine did not read, on a small site served on 127.0.0.1, crawled and reported once through the real CLI,
offline.

Class 2220 (docs/checklist-scope.md, «Objetivos y funciones»: «Una frase con el objeto de la entidad
dentro de otra página … es `parcial`»): a «Quiénes somos» page whose «Misión» section says what the
entity is and does («La Personería … protege y promueve los derechos humanos, vigila la conducta oficial…»)
publishes the entity's object inside another page: ``info.funciones`` ``parcial``, not ``no_cumple``
(hsvp, o-indecho, u-tibirita, k-guachucal, zn-bomberossoledad: «no se encontró en el sitio rastreado»).
``test_class_2220_a_mission_section_is_the_entitys_object_in_part`` fails without the ``title`` rule
«mision» of ``info.funciones`` in ``gelt-2008.toml`` (checked on f358de8: ``no_cumple``, «no se encontró
en el sitio rastreado»). The home page's mission blurb sums up the page a person points to (u-tibirita:
«/Mision_vision», not «/»): the rule looks everywhere but the home page (``scope = "inner"``), and the
same test fails with ``scope = "any"`` (checked: the evidence is «/» first).

Classes 2221 (the seat's address and phone in the footer for ``ley1712.1.4``) and 2222 (the opening hours
in the footer for ``ley1712.1.8``, criterion «Servicio al público») were written, tested and measured, and
not applied: each lowered a held-out figure (docs/checklist-accuracy.md, «H222»).
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource
from tests.helpers import checklist_records

OFFLINE = "[links]\ncheck_external = false\n"
ENTITY = "Personería Municipal de Ginebra"
NAV = (
    "<nav><ul><li><a href='/'>Inicio</a></li><li><a href='/quienes-somos'>Quiénes somos</a></li>"
    "<li><a href='/noticias'>Noticias</a></li></ul></nav>"
)
FOOTER = (
    "<p>Dirección: Carrera 5 # 4-32, Ginebra, Valle del Cauca</p><p>Teléfono: (602) 256 7012</p>"
    "<p>Correo: <a href='mailto:contacto@personeria-ginebra.gov.co'>contacto@personeria-ginebra.gov.co</a></p>"
)
PAGES = {
    "/": (
        "Inicio",
        "<h1>Bienvenidos</h1><p>Portal oficial de la Personería Municipal de Ginebra, Valle del Cauca.</p>"
        "<h2>Misión</h2><p>Proteger los derechos humanos de los habitantes de Ginebra y vigilar la conducta"
        " oficial de los servidores públicos del municipio.</p>"
        "<h2>Noticias</h2><p>La jornada de atención a víctimas del conflicto será el sábado en el parque.</p>",
    ),
    "/quienes-somos": (
        "Quiénes somos",
        "<h1>Quiénes somos</h1><h2>Misión</h2><p>La Personería Municipal de Ginebra protege y promueve los"
        " derechos humanos, vigila la conducta oficial de quienes desempeñan funciones públicas, defiende el"
        " interés público y el medio ambiente y aporta a la solución pacífica de los conflictos.</p>"
        "<h2>Visión</h2><p>En 2027 la Personería será reconocida por su cercanía con la comunidad y por la"
        " defensa oportuna de sus derechos.</p>",
    ),
    "/noticias": (
        "Noticias",
        "<h1>Noticias</h1><h2>Jornada de atención a víctimas</h2><p>La Personería atenderá a las víctimas del"
        " conflicto el sábado 12 de diciembre en el parque principal, de 8 de la mañana a 4 de la tarde.</p>",
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The Personería's site: a mission on the home page and on «Quiénes somos»."""
    routes = {
        path: Resource.html(
            f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title} | {ENTITY}</title></head>"
            f"<body><header><p>{ENTITY}</p>{NAV}</header><main>{main}</main><footer>{FOOTER}</footer></body></html>"
        )
        for path, (title, main) in PAGES.items()
    }
    return checklist_records(tmp_path_factory.mktemp("h222"), routes, OFFLINE)


def test_class_2220_a_mission_section_is_the_entitys_object_in_part(site):
    rec = site[("gelt-2008", "info.funciones")]
    assert rec["status"] == "parcial", rec
    assert rec["paths"][0] == "/quienes-somos", rec
    assert "solo la misión de la entidad" in rec["detail"], rec
