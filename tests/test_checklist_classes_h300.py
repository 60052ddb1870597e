"""Recall of the checklist (issue 15, H300): what a person reads on a page that the engine did not.
Crawls on 127.0.0.1 through the real CLI, offline.

Class 3000: the page a menu entry of the site names is titled so for an item's text rules. A ``text``
rule with ``on_title`` (the contact data «on a contact page») read a page's text only when the page's
own title, ``h1`` or a section heading named it. On a small site whose pages all carry the template's
title («Mi Proyecto»), the header's «Contactos» opens the contact page: a person reads it as the
contact page by the entry that opened it (issue 15: «titles = <title>, h1–h6, …, menu labels»). The
tuning sites zo-yascual (a cabildo whose «Contactos» page is titled «Mi Proyecto») and
zn-bomberossoledad show the form. The controls: a link in a page's content with the same words (a
news item) names one piece of content, not a place of the site; and an entry to the home page names
nothing: neither makes the page it opens a contact page.

The class test fails without the rule (checked, H300: ``no_cumple``, «no se encontró en el sitio
rastreado»); the controls pass with and without it.
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource
from tests.helpers import checklist_records

OFFLINE = "[links]\ncheck_external = false\n"

NAV = (
    "<nav><ul>"
    '<li><a href="/">Inicio</a></li>'
    '<li><a href="/cultura.html">Cultura</a></li>'
    '<li><a href="/contactos.html">Contactos</a></li>'
    "</ul></nav>"
)


def _page(main: str, nav: str = NAV) -> Resource:
    # every page carries the template's title, none names what it holds
    return Resource.html(
        "<!doctype html><html lang='es'><head><meta charset='utf-8'><title>Mi Proyecto</title></head>"
        f"<body><header><p>Cabildo Indígena del Resguardo</p>{nav}</header><main>{main}</main>"
        "<footer><p>Este sitio preserva y difunde la identidad cultural de nuestra comunidad.</p></footer>"
        "</body></html>"
    )


HOME = _page("<h2>Bienvenidos</h2><p>El resguardo y sus tradiciones, sus leyendas y sus costumbres.</p>")
CULTURE = _page("<h2>Nuestra cultura</h2><p>Las fiestas del resguardo y la historia sagrada de la laguna.</p>")
CONTACT_MAIN = (
    "<h2>Dependencias</h2><table><tr><th>Nombre</th><th>Cargo</th><th>Teléfono</th></tr>"
    "<tr><td>Jeisson Chalpartar</td><td>Gobernador</td><td>602 743 4494</td></tr>"
    "<tr><td>Esteban Getial</td><td>Secretario</td><td>602 361 9773</td></tr></table>"
    "<p>Dirección: Carrera 4 # 3-20, barrio Centro, Guachucal.</p>"
    "<p>Correo: cabildo@resguardoyascual.gov.co</p>"
)

SITE: dict[str, Resource] = {"/": HOME, "/cultura.html": CULTURE, "/contactos.html": _page(CONTACT_MAIN)}

# the same page reached only from a news item's content, and a header «Contacto» to the home page
NEWS_NAV = (
    "<nav><ul>"
    '<li><a href="/">Inicio</a></li>'
    '<li><a href="/cultura.html">Cultura</a></li>'
    '<li><a href="/">Contacto</a></li>'
    "</ul></nav>"
)
CONTROL: dict[str, Resource] = {
    "/": _page(
        "<h2>Bienvenidos</h2><p>El resguardo y sus tradiciones.</p>"
        "<p>El gobernador visitó las veredas. <a href='/visita.html'>Contactos con la comunidad</a></p>",
        NEWS_NAV,
    ),
    "/cultura.html": _page("<h2>Nuestra cultura</h2><p>Las fiestas del resguardo.</p>", NEWS_NAV),
    "/visita.html": _page(CONTACT_MAIN, NEWS_NAV),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The cabildo whose header «Contactos» opens a page titled «Mi Proyecto» with its contact data."""
    return checklist_records(tmp_path_factory.mktemp("h300-site"), SITE, OFFLINE)


@pytest.fixture(scope="module")
def control(tmp_path_factory):
    """The same data on a page a news item links, and a header «Contacto» that leads to the home page."""
    return checklist_records(tmp_path_factory.mktemp("h300-control"), CONTROL, OFFLINE)


def test_class_3000_the_page_a_menu_entry_names_contact_is_the_contact_page(site):
    rec = site[("gelt-2008", "info.contacto")]
    assert rec["status"] == "cumple", rec
    assert rec["paths"][:1] == ["/contactos.html"], rec


def test_class_3000_a_content_link_or_an_entry_to_home_names_no_contact_page(control):
    rec = control[("gelt-2008", "info.contacto")]
    assert rec["status"] == "no_cumple", rec
