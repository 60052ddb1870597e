"""Checklist classes 1120-1121 (eleventh session, H112), found on the corpus site `u-tibirita`: on a real
crawl of one small site served on 127.0.0.1, crawled and reported once by the real CLI."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import crawl, report_json, write_config

OFFLINE = "[links]\ncheck_external = false\n"

# an alcaldía's footer: its one seat (address, phone, e-mail) and its opening hours, nothing else
FOOTER = (
    "<footer><div><div><h4>Alcaldía Municipal de Prueba</h4>"
    "<p>Dirección: Carrera 3 No. 3-36, Prueba - Cundinamarca</p>"
    "<p>Teléfono: (601) 8571147</p><p>Email: contactenos@prueba-cundinamarca.gov.co</p></div>"
    "<div><h4>Horario de Atención</h4><p>Lunes a Viernes</p><p>8:00 a.m. - 12:00 p.m.</p>"
    "<p>2:00 p.m. - 5:00 p.m.</p></div></div></footer>"
)

# what Ant Design draws for a closed <Select>: a read-only search box standing for the choice
SELECT = (
    '<div class="ant-select ant-select-single"><div class="ant-select-selector">'
    '<span class="ant-select-selection-search"><input type="search" role="combobox" aria-expanded="false" '
    'readonly="" class="ant-select-selection-search-input" value="" /></span>'
    '<span class="ant-select-selection-placeholder">Selecciona categoría</span></div></div>'
)

# a testimonials page: a name, a category (the select above) and the testimony, sent by script
TESTIMONIOS = (
    '<div class="formulario"><h2>Envía tu testimonio</h2><div class="campos">'
    '<input placeholder="Tu nombre" type="text" class="ant-input" value="" />'
    f"{SELECT}"
    '<textarea rows="4" placeholder="Escribe tu testimonio" class="ant-input"></textarea></div>'
    '<button type="button" class="ant-btn ant-btn-primary"><span>Enviar</span></button></div>'
)


def _page(title: str, body: str, footer: str = "") -> Resource:
    return Resource.html(
        "<!doctype html><html lang='es'><head><meta charset='utf-8'>"
        "<title>Alcaldía de Prueba</title></head>"
        f"<body><div id='root'><main><h1>{title}</h1>{body}</main>{footer}</div></body></html>"
    )


ROUTES = {
    "/": _page(
        "Conoce Prueba",
        "<p>Un municipio de cultura y tradición.</p><a href='/testimonios'>Testimonios</a>",
        FOOTER,
    ),
    "/testimonios": _page("Testimonios y Participación Ciudadana", TESTIMONIOS),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The site above, crawled and reported once: {(profile, item): record}."""
    server = SiteServer(ROUTES).start()
    try:
        config = write_config(tmp_path_factory.mktemp("h112"), server.url, OFFLINE)
        crawl(config)
        yield {(c["profile"], c["item"]): c for c in report_json(config)["checklist"]}
    finally:
        server.stop()


def test_class_1120_the_one_seat_and_its_hours_in_the_footer_are_a_partial_institutional_directory(site):
    # the footer gives the one seat a person goes to (address, phone) and when it opens: part of the
    # directory of seats and offices, outside the transparency menu and with no dependency
    rec = site[("ley1712-res1519", "ley1712.1.4")]
    assert rec["status"] == "parcial", rec
    assert urlsplit(rec["evidence"][0]).path in ("", "/"), rec


def test_class_1121_a_select_widgets_read_only_box_is_a_choice_not_a_text_field(site):
    # a name, a category chosen in the select Ant Design draws (a read-only search box), and a
    # testimony: one field typed, one chosen, one message box, no e-mail; not a PQRSD form
    rec = site[("ley1712-res1519", "ley1712.pqrsd_form")]
    assert rec["status"] == "no_cumple", rec
    pqrsd = site[("gelt-2008", "interaccion.pqrsd")]
    assert not any(urlsplit(u).path == "/testimonios" for u in pqrsd["evidence"]), pqrsd
