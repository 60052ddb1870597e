"""Precision (issue 15, thirteenth session, helper H142): the home page under another address is the
home page (class 1420). A web server answers the site root with its index document, so ``/`` and
``/index.html`` are one start page; an entry named for an item that leads to ``index.html`` (a static
template's «Mapa del Sitio») lands a person on the start page, not
on what it names, as an entry to ``/`` does (class 1340's reading: «lleva a la página de inicio»).
zg-alcaldialocal's footer «Mapa del Sitio» → ``index.html`` was read as the site map. Nor is the home
page under another address a page of the Transparencia menu (class 1421), as the home page itself is
not: a hub whose breadcrumb «Inicio» leads to ``index.html`` put the start page, and every section of
it, «inside» the menu (zg-alcaldialocal: the home page's card «Trámites» read as category 5 of the
menu). One small site served on 127.0.0.1, crawled and reported once by the real CLI."""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import SiteServer
from tests.helpers import crawl, page, report_json, write_config

OFFLINE = "[links]\ncheck_external = false\n"

# the start page, served at the root and again at its index document (a static site's «Inicio»)
HOME = page(
    "Alcaldía Municipal",
    "<p>Bienvenidos al portal de la Alcaldía Municipal, al servicio de la comunidad.</p>"
    "<h3>Trámites y servicios</h3><p>Consulte los requisitos del impuesto predial y de la licencia de"
    " construcción, los horarios de atención y los puntos de pago habilitados en el municipio.</p>"
    "<h3>Programas sociales</h3><p>Inscripciones abiertas para el programa de adulto mayor y para los"
    " cursos de formación de la casa de la cultura durante el segundo semestre.</p>",
    ("/index.html", "/servicios.html", "/noticias.html", "/transparencia.html"),
)
FOOTER = "<div class='enlaces'><a href='index.html'>Mapa del Sitio</a></div>"

ROUTES = {
    "/": HOME,
    "/index.html": HOME,
    "/servicios.html": page(
        "Atención al Ciudadano",
        "<p>Horario de atención: lunes a viernes de 8:00 a. m. a 5:00 p. m.</p>" + FOOTER,
        ("/index.html",),
    ),
    # the hub: its breadcrumb's «Inicio» is the static template's index.html
    "/transparencia.html": page(
        "Transparencia y acceso a la información pública",
        "<p><a href='index.html'>Inicio</a> › Transparencia</p>"
        "<p>En cumplimiento de la Ley 1712 de 2014 la entidad publica aquí su información.</p>"
        "<h3>1. Información de la entidad</h3><p>Misión, visión, funciones y deberes de la entidad.</p>",
        ("/index.html",),
    ),
    "/noticias.html": page(
        "Noticias",
        "<h3>Jornada de vacunación en el parque principal</h3><p>Asista con su carné.</p>" + FOOTER,
        ("/index.html",),
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The shared site, crawled and reported once."""
    server = SiteServer(ROUTES).start()
    try:
        config = write_config(tmp_path_factory.mktemp("classes-h142"), server.url, OFFLINE)
        crawl(config)
        yield {(c["profile"], c["item"]): c for c in report_json(config)["checklist"]}
    finally:
        server.stop()


def test_class_1420_a_site_map_entry_to_index_html_leads_to_the_start_page(site):
    rec = site[("gelt-2008", "info.mapa_sitio")]
    assert rec["status"] == "no_cumple", rec  # an entry to the start page publishes nothing (H147)
    assert "lleva a la página de inicio" in rec["detail"], rec


def test_class_1421_the_home_page_under_another_address_is_not_inside_the_transparency_menu(site):
    # the home page's section «Trámites y servicios» is category 5 published outside the menu
    rec = site[("ley1712-res1519", "ley1712.5")]
    assert rec["status"] == "parcial", rec
    assert "publicado fuera del menú de transparencia" in rec["detail"], rec
