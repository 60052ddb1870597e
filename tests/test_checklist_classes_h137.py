"""Precision (issue 15, thirteenth session, helper H137): a search box whose prompt names the one list
or part of the page it searches («Buscar noticias…», «Buscar en menu», «Search blog…») is that list's
search, not the site's (class 1370). A person reads it as a search drawn, so the GEL «Buscador» is at
most «parcial», and the «buscador interno» of the Res. 1519 general publishing criteria is not met by
it. One small site served on 127.0.0.1, crawled and reported once by the real CLI."""

from __future__ import annotations

import pytest
from lxml import html

from gelt_audit.audits.checklist.forms import form_info
from gelt_audit.demo.server import SiteServer
from tests.helpers import crawl, page, report_json, write_config

OFFLINE = "[links]\ncheck_external = false\n"

# the slide-in menu's box of a hospital template (j-choconta) and the filter of a news list (u-tibirita,
# k-guachucal): neither searches the site
MENU_SEARCH = (
    "<form action='#' class='menu_search_form'>"
    "<input type='text' class='menu_search_input' placeholder='Buscar en menu' required>"
    "<button class='menu_search_button'>Ir</button></form>"
)
NEWS_SEARCH = (
    "<form class='form-inline'><input type='text' class='form-control' placeholder='Buscar noticias...'>"
    "<button class='btn' type='submit'>Buscar</button></form>"
)
NEWS = (
    NEWS_SEARCH
    + "<h3>La alcaldía entrega obras en la vereda El Carmen</h3><p>La comunidad recibió la placa huella.</p>"
    + "<h3>Jornada de vacunación en el parque principal</h3><p>Asista con su carné de vacunas.</p>"
)

ROUTES = {
    "/": page(
        "Inicio",
        MENU_SEARCH + "<p>Bienvenidos al sitio de la Alcaldía Municipal, al servicio de la comunidad.</p>",
        ("/noticias", "/quienes-somos"),
    ),
    "/noticias": page("Noticias", MENU_SEARCH + NEWS, ("/",)),
    "/quienes-somos": page(
        "Quiénes somos", MENU_SEARCH + "<p>Somos la administración municipal elegida por la comunidad.</p>", ("/",)
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The shared site, crawled and reported once."""
    server = SiteServer(ROUTES).start()
    try:
        config = write_config(tmp_path_factory.mktemp("classes-h137"), server.url, OFFLINE)
        crawl(config)
        yield {(c["profile"], c["item"]): c for c in report_json(config)["checklist"]}
    finally:
        server.stop()


def test_class_1370_a_box_that_searches_one_list_is_a_search_drawn_not_the_sites(site):
    rec = site[("gelt-2008", "interaccion.buscador")]
    assert rec["status"] == "parcial", rec
    assert "no del sitio" in rec["detail"], rec


def test_class_1370_it_is_not_the_internal_search_of_the_general_criteria(site):
    # no document, no date, and no site search: nothing of the three criteria is published
    rec = site[("ley1712-res1519", "ley1712.criterios_generales")]
    assert rec["status"] == "no_cumple", rec


@pytest.mark.parametrize(
    ("prompt", "purpose"),
    [
        ("Buscar en el sitio…", "search"),
        ("Buscar en todo el sitio...", "search"),
        ("Buscar...", "search"),
        ("Buscar palabra clave", "search"),
        ("Buscar lugar...", "page_search"),
        ("Search blog...", "page_search"),
    ],
)
def test_class_1370_only_a_prompt_naming_another_list_narrows_the_search(prompt, purpose):
    # the site's own search keeps its name whatever its prompt says of the site or of what it takes
    form = html.fromstring(f"<form><input type='text' placeholder='{prompt}'><button>Buscar</button></form>")
    assert purpose in form_info(form, "").purposes
