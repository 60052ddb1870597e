"""Checklist class 1070 (tenth session, H107), found on the corpus site `s-piedecuesta`: on a real crawl
of one small site served on 127.0.0.1, crawled and reported once by the real CLI."""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import crawl, report_json, write_config

OFFLINE = "[links]\ncheck_external = false\n"

# a personería's footer: e-mail, address, and the phone in the format MinTIC's 2015 guide asked for,
# the country and area codes as «(57+7)» before the local number, then the same number unspaced
FOOTER = (
    '<div class="container-fluid footer"><div class="text-white">'
    "<h5>Correo electrónico: contacto@personeriaprueba.gov.co</h5>"
    "<h5>Dirección: Cra 6 No. 9-98 Edificio del Concejo Municipal -2do piso</h5>"
    "<h5>Teléfono: (57+7)6 55 02 71 - 6550271</h5>"
    "<h1><strong>Atención al ciudadano</strong></h1>"
    "<h5>Lunes a Jueves:</h5><h5>De 7:00 a.m. a 12:00 a.m.</h5><h5>De 2:00 p.m. a 6:00 p.m.</h5>"
    "</div></div>"
)


def _page(title: str, body: str) -> Resource:
    return Resource.html(
        "<!doctype html><html lang='es'><head><meta charset='utf-8'>"
        "<title>Personería Municipal de Prueba</title></head>"
        f"<body><nav class='navbar'><a href='/'>Inicio</a></nav><main><h1>{title}</h1>{body}</main>"
        f"{FOOTER}</body></html>"
    )


ROUTES = {
    "/": _page("Personería Informa", "<p>La personería vigila la conducta de los servidores públicos.</p>"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The site above, crawled and reported once: {(profile, item): record}."""
    server = SiteServer(ROUTES).start()
    try:
        config = write_config(tmp_path_factory.mktemp("h107"), server.url, OFFLINE)
        crawl(config)
        yield {(c["profile"], c["item"]): c for c in report_json(config)["checklist"]}
    finally:
        server.stop()


def test_class_1070_a_phone_written_with_the_country_and_area_code_in_parentheses(site):
    # «Teléfono: (57+7)6 55 02 71»: the «+» between the country code and the area code (the format
    # «(57+Número del área respectiva)») is part of the number, not its end
    rec = site[("gelt-2008", "info.contacto")]
    assert rec["status"] == "cumple", rec
    assert "teléfono" not in rec["detail"], rec
