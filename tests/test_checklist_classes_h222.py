"""Recall classes of the tuning part's misses (issue 15, H222): what a person finds on a page that the
engine did not read, on two small sites served on 127.0.0.1, each crawled and reported once through the
real CLI, offline.

Class 2220 (docs/checklist-scope.md, «Objetivos y funciones»: «Una frase con el objeto de la entidad
dentro de otra página … es `parcial`»): a «Quiénes somos» page whose «Misión» section says what the
entity is and does («La Personería … protege y promueve los derechos humanos, vigila la conducta oficial…»)
publishes the entity's object inside another page: ``info.funciones`` ``parcial``, not ``no_cumple``
(hsvp, o-indecho, u-tibirita, zi-santuario, k-guachucal, zn-bomberossoledad: «no se encontró»).
``test_class_2220_a_mission_section_is_the_entitys_object_in_part`` fails without the ``text`` rule on
«Misión» in ``gelt-2008.toml`` (checked: FILLED-IN-BELOW).

Class 2221 (criterion B, «Directorio institucional»): a footer with the one seat's address and phone, no
opening hours, is part of the directory (the one office, out of the transparency menu), as the footer
with the address and the hours already was (class 1120): ``ley1712.1.4`` ``parcial`` (contraloriands,
zf-yarumal, zl-aguassince, zs-tangara). ``test_class_2221_a_footer_with_the_seats_address_and_phone_is_part_of_the_directory``
fails without the footer rule «address, phone» (checked: FILLED-IN-BELOW).

Class 2222 (docs/checklist-scope.md, «Servicio al público»: «El horario y los canales de atención, sin
normas, formularios ni protocolos: `parcial`»): a footer that gives the opening hours of attention is the
service to the public in part: ``ley1712.1.8`` ``parcial`` (s-piedecuesta, u-tibirita, w-santamarta,
z-unguia, zr-idpac). ``test_class_2222_the_footers_opening_hours_are_the_service_to_the_public_in_part``
fails without the footer rule «hours» (checked: FILLED-IN-BELOW).
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
SEAT = "<p>Dirección: Carrera 5 # 4-32, Ginebra, Valle del Cauca</p><p>Teléfono: (602) 256 7012</p>"
HOURS = "<p>Horario de atención: lunes a viernes de 8:00 a.m. a 12:00 m. y de 2:00 p.m. a 6:00 p.m.</p>"
MAIL = "<p>Correo: <a href='mailto:contacto@personeria-ginebra.gov.co'>contacto@personeria-ginebra.gov.co</a></p>"
PAGES = {
    "/": (
        "Inicio",
        "<h1>Bienvenidos</h1><p>Portal oficial de la Personería Municipal de Ginebra, Valle del Cauca.</p>"
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


def _routes(footer: str) -> dict[str, Resource]:
    return {
        path: Resource.html(
            f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title} | {ENTITY}</title></head>"
            f"<body><header><p>{ENTITY}</p>{NAV}</header><main>{main}</main><footer>{footer}</footer></body></html>"
        )
        for path, (title, main) in PAGES.items()
    }


@pytest.fixture(scope="module")
def seat_site(tmp_path_factory):
    """The site whose footer gives the seat's address, phone and e-mail, no opening hours."""
    return checklist_records(tmp_path_factory.mktemp("h222-seat"), _routes(SEAT + MAIL), OFFLINE)


@pytest.fixture(scope="module")
def hours_site(tmp_path_factory):
    """The site whose footer gives the opening hours, a phone and an e-mail, no address."""
    return checklist_records(
        tmp_path_factory.mktemp("h222-hours"), _routes("<p>Teléfono: (602) 256 7012</p>" + HOURS + MAIL), OFFLINE
    )


def test_class_2220_a_mission_section_is_the_entitys_object_in_part(seat_site):
    rec = seat_site[("gelt-2008", "info.funciones")]
    assert rec["status"] == "parcial", rec
    assert "/quienes-somos" in rec["paths"], rec
    assert "misión" in rec["detail"], rec


def test_class_2221_a_footer_with_the_seats_address_and_phone_is_part_of_the_directory(seat_site):
    rec = seat_site[("ley1712-res1519", "ley1712.1.4")]
    assert rec["status"] == "parcial", rec
    assert "pie de página" in rec["detail"], rec


def test_class_2222_the_footers_opening_hours_are_the_service_to_the_public_in_part(hours_site):
    rec = hours_site[("ley1712-res1519", "ley1712.1.8")]
    assert rec["status"] == "parcial", rec
    assert "protocolos" in rec["detail"], rec


def test_a_footer_without_opening_hours_is_not_the_service_to_the_public(seat_site):
    rec = seat_site[("ley1712-res1519", "ley1712.1.8")]
    assert rec["status"] == "no_cumple", rec
