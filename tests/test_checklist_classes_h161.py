"""Recall (issue 15, fifteenth session, helper H161): a tab whose panel is shown on the page is not an
unseen entry (class 1610). A strip of tabs written without links (React's
``<li class="cursor-pointer"><span>Misión</span></li>``) opens its panels with a script; the engine
reads each tab as an entry whose content the crawl did not see («sin_verificar»). But the selected
tab's panel is drawn on the page, under a title that repeats the tab's name («<h3>Misión</h3>» and
its text): what the entry opens is there, and a person reads it. zl-aguassince's «Sobre nosotros»
(the tabs «Misión» and «Visión» over the card of the mission) was left unverified for the mission
and vision. One small site served on 127.0.0.1, crawled and reported once by the real CLI."""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import crawl, report_json, write_config

OFFLINE = "[links]\ncheck_external = false\n"

LAYOUT = (
    "<!DOCTYPE html><html lang='es'><head><meta charset='utf-8'><title>Empresa de Servicios Públicos</title>"
    "</head><body><div id='root'><nav><ul><li><a href='/'>Inicio</a></li>"
    "<li><a href='/nosotros'>Sobre nosotros</a></li></ul></nav>"
    "<main>{}</main><footer><p>Calle 6 # 10-28, teléfono 314 7942101</p></footer></div></body></html>"
)

# the tab strip as the browser's DOM holds it: the selected tab's card is drawn, the others' are not
NOSOTROS = LAYOUT.format(
    "<h2>¿Quiénes somos?</h2><p>La empresa de servicios públicos es una entidad oficial, municipal,"
    " descentralizada por servicios, que tiene por objeto la prestación de los servicios de acueducto y"
    " alcantarillado del municipio.</p>"
    "<section><ul><li class='cursor-pointer'><span class='rounded-full text-white'>Misión</span></li>"
    "<li class='cursor-pointer'><span class='rounded-full'>Visión</span></li>"
    "<li class='cursor-pointer'><span class='rounded-full'>Organigrama</span></li></ul>"
    "<div class='mt-8'><div class='card'><div class='card-body'><div class='card-header'><h3>Misión</h3>"
    "</div><p>La empresa presta los servicios de acueducto y alcantarillado del municipio, garantizando"
    " cobertura, calidad y continuidad a los usuarios de dichos servicios, en condiciones económicas"
    " razonables.</p></div></div></div></section>"
)
ROUTES = {
    "/": Resource.html(LAYOUT.format("<h1>Bienvenidos</h1><p>Agua de calidad para cada hogar.</p>")),
    "/nosotros": Resource.html(NOSOTROS),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The shared site, crawled and reported once."""
    server = SiteServer(ROUTES).start()
    try:
        config = write_config(tmp_path_factory.mktemp("classes-h161"), server.url, OFFLINE)
        crawl(config)
        yield server.url.rstrip("/"), {(c["profile"], c["item"]): c for c in report_json(config)["checklist"]}
    finally:
        server.stop()


def test_class_1610_the_selected_tabs_shown_panel_is_read_not_left_unverified(site):
    origin, items = site
    rec = items[("gelt-2008", "info.mision_vision")]
    assert rec["status"] in ("cumple", "parcial"), rec
    assert rec["evidence"][0] == f"{origin}/nosotros", rec
    assert "script" not in rec["detail"], rec
    rec = items[("ley1712-res1519", "ley1712.1.1")]
    assert rec["status"] == "parcial", rec  # the mission, outside a transparency menu
    assert rec["evidence"][0] == f"{origin}/nosotros", rec


def test_class_1610_a_tab_whose_panel_is_not_on_the_page_stays_unverified(site):
    # guard: the rule reads a panel that is drawn, never one that is not («Organigrama» has none here)
    origin, items = site
    rec = items[("gelt-2008", "info.organigrama")]
    assert rec["status"] == "sin_verificar", rec
    assert rec["evidence"][0] == f"{origin}/nosotros", rec
