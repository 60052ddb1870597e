"""Checklist classes 1050-1052 (tenth session, H105), found on the corpus site `r-lajagua`: each on a real
crawl of one small site served on 127.0.0.1, crawled and reported once by the real CLI."""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import crawl, report_json, write_config

OFFLINE = "[links]\ncheck_external = false\n"

# the main menu of a water utility's site: drop-downs whose own link is empty (Bootstrap toggles)
NAV = (
    '<nav class="navbar"><a href="/" class="nav-link">Inicio</a>'
    '<div class="nav-item dropdown"><a href="" class="nav-link dropdown-toggle" data-bs-toggle="dropdown">'
    'Nuestra Empresa</a><div class="dropdown-menu"><a href="/historia" class="dropdown-item">Historia</a></div></div>'
    '<div class="nav-item dropdown"><a href="" class="nav-link dropdown-toggle" data-bs-toggle="dropdown">'
    'Atención y Servicios</a><div class="dropdown-menu">'
    '<a href="/canales" class="dropdown-item">Canales de Atención</a>'
    '<a href="/pqrs" class="dropdown-item">PQRS</a></div></div>'
    '<a href="/transparencia" class="nav-link">Transparencia</a></nav>'
)
# the footer: hours, address, and the phone as the text of a WhatsApp link, with no word before it
FOOTER = (
    '<div class="container-fluid footer"><h1>Junta Administradora de Acueducto La Prueba '
    "<span>NIT.800254912-4</span></h1>"
    '<a href="#" class="h3">Horarios de Atención</a><a href="#">Lunes a Viernes</a><a href="#">8:00 am a 12:00 pm</a>'
    '<a href="#" class="h3">Contactos</a>'
    '<a href="https://www.google.com/maps/@2.1,-75.6"><i class="fas fa-map-marker-alt"></i>Calle 4 número 2- Barrio '
    "San José La Prueba Huila</a>"
    '<a href="https://wa.me/+573227324944"><i class="fas fa-phone-alt"></i>3227324944</a>'
    '<a href="mailto:acueducto@prueba.com"><i class="fas fa-envelope"></i>acueducto@prueba.com</a></div>'
)


def _page(title: str, body: str) -> Resource:
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>Acueducto La Prueba</title></head>"
        f"<body>{NAV}<main><h1>{title}</h1>{body}</main>{FOOTER}</body></html>"
    )


ROUTES = {
    "/": _page("Acueducto y Alcantarillado La Prueba", "<h2>Noticias</h2><p>Se realiza mantenimiento al tanque.</p>"),
    "/historia": _page("Historia", "<p>El acueducto pertenecía a la Junta de Acción Comunal hasta 2002.</p>"),
    "/canales": _page(
        "Canales de Atención",
        "<p>En este apartado encuentras los canales de atención que tenemos.</p><h3>Presencial</h3>"
        "<p>Calle 4 número 2- Barrio San José La Prueba Huila</p><h3>Virtual</h3><p>acueducto@prueba.com</p>",
    ),
    "/pqrs": _page(
        "PQRS",
        '<form action="/enviar" method="post"><input name="nombre" placeholder="Nombre">'
        '<input type="email" name="correo" placeholder="Email"><textarea name="peticion"></textarea>'
        '<input type="submit" value="Enviar"></form>',
    ),
    "/transparencia": _page(
        "Transparencia y Acceso a la Información Pública",
        "<p>En cumplimiento de la Ley 142 de 1994 el acueducto pone a disposición la siguiente información.</p>",
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The site above, crawled and reported once: {(profile, item): record}."""
    server = SiteServer(ROUTES).start()
    try:
        config = write_config(tmp_path_factory.mktemp("h105"), server.url, OFFLINE)
        crawl(config)
        yield {(c["profile"], c["item"]): c for c in report_json(config)["checklist"]}
    finally:
        server.stop()


def test_class_1050_a_colombian_ten_digit_number_is_a_phone_with_no_label(site):
    # «3227324944» under «Contactos», the text of a WhatsApp link beside a phone icon: a Colombian
    # mobile number (ten digits, 3xx) needs no «Tel.» before it. The footer's NIT «800254912-4» is not
    # one (nine digits and a check digit)
    rec = site[("gelt-2008", "info.contacto")]
    assert rec["status"] == "cumple", rec
    assert "teléfono" not in rec["detail"], rec


def test_class_1051_the_mandated_menu_name_cut_short_is_the_menu_named_incompletely(site):
    # a drop-down «Atención y Servicios» (its own link empty) over «Canales de Atención» and «PQRS»: the
    # citizens' services menu, recognised, but not under the name the annex mandates
    rec = site[("ley1712-res1519", "ley1712.atencion_ciudadania")]
    assert rec["status"] == "parcial", rec
    assert rec["evidence"] and "atenci" in rec["detail"].lower(), rec


def test_class_1052_the_attention_channels_page_is_the_service_to_the_public_in_part(site):
    # «Canales de Atención» (in person at the address, virtually by e-mail): how the public is attended,
    # Res. 1519's 1.8 in part; no service norms, forms or protocols, and out of the transparency menu
    rec = site[("ley1712-res1519", "ley1712.1.8")]
    assert rec["status"] == "parcial", rec
    assert rec["evidence"] and rec["evidence"][0].endswith("/canales"), rec
