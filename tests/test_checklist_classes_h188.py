"""The order of a menu item's evidence (issue 15, «Weakest evidence first»; criterion P of
docs/checklist-scope.md, H188). One shared crawl of a small municipal site on 127.0.0.1, through the
real CLI, offline (external links are not opened).

The three menus the annex asks to be linked from the home page (``max_depth = 1`` in the profile:
«Transparencia y acceso a la información pública», «Atención y servicios a la ciudadanía»,
«Participa») are evidenced, by criterion P, by the page of the site that shows them, the home page
first; the page an entry leads to is also accepted. Until H188 the engine always named the entry's
target first, also when that target is on another site (w-santamarta: the home page's tile to the
city portal) or publishes nothing (k-guachucal: «Servicios Ciudadanos» to an empty category): a
committee opening the first evidence saw another site, or an empty page, not the menu.

Class 1880: an entry to another site (the city portal, on another host nobody opened): the home page
that shows the entry is the first evidence, the portal second.
Class 1881: an entry to a page that publishes nothing (a «Participa» page with only its title): the
home page first, the empty page second.
Both fail without ``ranking.shown_first`` (checked: with ``shown_first`` made to return ``False``,
``ley1712.atencion_ciudadania`` gives ``['https://portal.alcaldia-betulia-demo.gov.co/atencion', '/']``
and ``ley1712.participa_menu`` ``['/participa', '/']``).

Guards (pass with and without the rule): class 1882, an entry to a page of the site that publishes
(the Transparencia page with its categories) keeps that page first; class 1883, evidence weaker than
the page that shows the entry is still named (the portal and the empty page stay in the evidence;
with the rule, after the home page) and the close name is still said in the detail. Checked: without
the rule classes 1880, 1881 fail and 1882, 1883 pass.
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource
from tests.helpers import checklist_records

OFFLINE = "[links]\ncheck_external = false\n"
ENTITY = "Alcaldía Municipal de Betulia"
PORTAL = "https://portal.alcaldia-betulia-demo.gov.co/atencion"

NAV = (
    "<nav><ul>"
    '<li><a href="/">Inicio</a></li>'
    '<li><a href="/transparencia">Transparencia y acceso a la información pública</a></li>'
    # class 1880: the close name of the citizens' menu leads to a page with only its title and, as a
    # home-page tile, to the city portal on another host (w-santamarta's shape)
    '<li><a href="/atencion">Atención al Ciudadano</a></li>'
    # class 1881: «Participa» leads to a page that shows only its title
    '<li><a href="/participa">Participa</a></li>'
    "</ul></nav>"
)
TILES = f'<section><h2>Servicios</h2><a href="{PORTAL}">Atención al Ciudadano y Participación Social</a></section>'


def _html(title: str, main: str) -> Resource:
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title} | {ENTITY}</title></head>"
        f"<body><header><p>{ENTITY}</p>{NAV}</header><main>{main}</main>"
        "<footer>Carrera 5 # 4-20, Betulia. Teléfono 604 555 0000.</footer></body></html>"
    )


CATEGORIES = (
    ("/transparencia/entidad", "1. Información de la entidad", "Misión, visión, funciones y deberes de la alcaldía"),
    ("/transparencia/normativa", "2. Normativa", "Decretos, acuerdos y resoluciones vigentes del municipio"),
    ("/transparencia/contratacion", "3. Contratación", "Procesos de contratación publicados en el año"),
)

ROUTES: dict[str, Resource] = {
    "/": _html(
        "Inicio",
        "<h1>Bienvenidos</h1><p>Sitio oficial del municipio de Betulia, con la información de la"
        f" administración municipal para la ciudadanía.</p>{TILES}",
    ),
    # class 1882: the Transparencia page publishes its categories, each with its page
    "/transparencia": _html(
        "Transparencia y acceso a la información pública",
        "<h1>Transparencia y acceso a la información pública</h1><ul>"
        + "".join(f'<li><a href="{h}">{t}</a></li>' for h, t, _ in CATEGORIES)
        + "</ul>",
    ),
    **{
        h: _html(t, f"<h1>{t}</h1><p>{body}, con sus documentos y fechas de publicación.</p>")
        for h, t, body in CATEGORIES
    },
    # class 1881: the page behind «Participa» shows only its title
    "/participa": _html("Participa", "<h1>Participa</h1>"),
    "/atencion": _html("Atención al Ciudadano", "<h1>Atención al Ciudadano</h1>"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The municipality's site, crawled once."""
    return checklist_records(tmp_path_factory.mktemp("h188"), ROUTES, OFFLINE)


def test_class_1880_a_menu_entry_to_another_site_is_evidenced_by_the_page_that_shows_it(site):
    rec = site[("ley1712-res1519", "ley1712.atencion_ciudadania")]
    assert rec["status"] == "parcial", rec
    assert rec["paths"][0] == "/", rec


def test_class_1881_a_menu_entry_to_an_empty_page_is_evidenced_by_the_page_that_shows_it(site):
    rec = site[("ley1712-res1519", "ley1712.participa_menu")]
    assert rec["status"] == "parcial", rec
    assert rec["paths"][0] == "/", rec


def test_class_1882_a_menu_entry_to_a_page_that_publishes_keeps_that_page_first(site):
    rec = site[("ley1712-res1519", "ley1712.menu")]
    assert rec["status"] == "cumple", rec
    assert rec["paths"][0] == "/transparencia", rec


def test_class_1883_weaker_evidence_is_still_named(site):
    rec = site[("ley1712-res1519", "ley1712.atencion_ciudadania")]
    assert PORTAL in rec["paths"], rec
    assert "falta: el nombre del menú «Atención y servicios a la ciudadanía»" in rec["detail"], rec
    rec = site[("ley1712-res1519", "ley1712.participa_menu")]
    assert "/participa" in rec["paths"], rec
