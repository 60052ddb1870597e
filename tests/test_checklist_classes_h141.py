"""Reading rules found on the corpus's zf-yarumal (issue 15, H141). One shared crawl of a small site:
a WordPress theme without its database, whose entries («Misión», «Visión»…) lead to addresses of
posts the base does not hold (``/?p=137``), which WordPress answers with the home template: the same
page as ``/``.

Class 1410: an entry whose address serves the home page itself (another address, the very page ``/``
serves) leads to the start page, not to what it names, like an entry linked to ``/``: «Misión» →
``/?p=137`` is «parcial» with «lleva a la página de inicio, no a lo que nombra», no longer «cumple».
An entry to a page of its own (``/organigrama``) is read as before.
``test_an_entry_to_an_address_serving_the_home_page_leads_home`` fails without it (checked: «cumple»).

Class 1411: a heading with no link alone in its box of a footer or menu (``<div><h4>Enlaces de
interés</h4></div>``, Bootstrap's heading row) names the boxes after it, up to the next heading, as a
column heading names the entries under it: the footer's «Enlaces de interés» over logo links to other
entities is the directory of entities (``pages._column_link``). It was not read at all (its box holds
no link), and the logos carry no text. ``test_a_heading_alone_in_its_box_names_the_links_after_it``
fails without it (checked: «no_cumple»).
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import crawl, report_json, write_config

OFFLINE = "[links]\ncheck_external = false\n"

HOME = Resource.html(
    "<!doctype html><html lang='es'><head><meta charset='utf-8'><title>Tránsito de Prueba</title></head>"
    "<body><header><a href='/'><img src='/logo.png' alt='logotipo'></a></header>"
    "<main><section><h2>Nuestros Servicios</h2><h3>Trámites y licencias</h3>"
    "<p>Información acerca de trámites de vehículos y licencias de conducción.</p>"
    "<a href='/?page_id=121'>Consultar</a></section>"
    "<section><h2>Nuestra Entidad</h2><ul>"
    "<li><a href='/?p=137'>Misión</a></li>"
    "<li><a href='/?p=139'>Visión</a></li>"
    "<li><a href='/organigrama'>Organigrama</a></li>"
    "</ul></section></main>"
    # a footer heading alone in its box, over a box of logo links to other entities (no alternative text)
    "<footer><div class='pie'><div class='col-12'><h4>Enlaces de interés</h4></div><div class='col-10'>"
    "<div><a href='https://www.mintransporte.gov.co/'><img src='/m.png' alt=''></a></div>"
    "<div><a href='http://www.runt.com.co/'><img src='/r.png' alt=''></a></div>"
    "<div><a href='https://www.simit.org.co/'><img src='/s.png' alt=''></a></div></div>"
    "<div class='col-12'><p>Estamos ubicados en carrera 22 # 20-16. Tel 853 63 36</p></div></div></footer>"
    "</body></html>"
)

ROUTES = {
    "/": HOME,
    # a post and a page the database does not hold: WordPress answers with its home template
    "/?p=137": HOME,
    "/?p=139": HOME,
    "/?page_id=121": HOME,
    "/organigrama": Resource.html(
        "<!doctype html><html lang='es'><head><meta charset='utf-8'><title>Organigrama</title></head>"
        "<body><header><a href='/'>Inicio</a></header><main><h1>Organigrama</h1>"
        "<p>Estructura orgánica de la Secretaría: despacho del secretario, área de trámites, área de "
        "contravenciones y área de seguridad vial.</p><img src='/organigrama.png' alt='Organigrama de la Secretaría'>"
        "</main></body></html>"
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The site crawled once by the real CLI: the checklist records by (profile, item)."""
    server = SiteServer(ROUTES).start()
    try:
        config = write_config(tmp_path_factory.mktemp("h141"), server.url, OFFLINE)
        crawl(config)
        origin = server.url.rstrip("/")
        records = {}
        for rec in report_json(config)["checklist"]:
            rec["paths"] = [u[len(origin) :] if u.startswith(origin) else u for u in rec["evidence"]]
            records[(rec["profile"], rec["item"])] = rec
        return records
    finally:
        server.stop()


def test_an_entry_to_an_address_serving_the_home_page_leads_home(site):
    rec = site[("gelt-2008", "info.mision_vision")]
    assert rec["status"] == "no_cumple", rec  # an entry to the start page publishes nothing (H147)
    assert "la entrada «Misión» de" in rec["detail"] and "lleva a la página de inicio" in rec["detail"], rec


def test_an_entry_to_a_page_of_its_own_is_read_as_before(site):
    rec = site[("gelt-2008", "info.organigrama")]
    assert rec["status"] == "cumple", rec
    assert "lleva a la página de inicio" not in rec["detail"], rec


def test_a_heading_alone_in_its_box_names_the_links_after_it(site):
    rec = site[("gelt-2008", "info.directorio_entidades")]
    assert rec["status"] in ("cumple", "parcial"), rec
    assert "«Enlaces de interés»" in rec["detail"], rec
    assert rec["paths"][0] == "/", rec
