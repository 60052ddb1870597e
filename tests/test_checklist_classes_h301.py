"""Links written with backslashes (issue 15, H301): a crawl on 127.0.0.1 through the real CLI, offline, of a
municipal cadastral office's site whose home page writes its links as a Windows path
(«secciones\\preguntas-frecuentes.html»), as `zzw-catastrochiquinquira` does.

Class 3010: a browser reads each backslash of a web address's path as a slash (the URL standard, for http
and https), and the crawler requests it so (w3lib): the page the link opens is
``/secciones/preguntas-frecuentes.html``. The checklist's index resolved the same link without that
reading, to an address nobody requested (``/secciones\\preguntas-frecuentes.html``): that address was the
evidence a person was given, and the page behind it was not the page the link opens (a document linked so
was not seen either). Now the link names the page the crawl fetched (``urls.slashed_path``); a backslash of
the query is sent percent-encoded, as the crawler sends it.

Class 3011: a menu entry that opens a drop-down of links and whose address is only a place on the page
(«<a href="#Datos Abiertos">Datos Abiertos</a>» over «Datos geográficos», «Documentos») is the menu of that
name, as its «#» opener already was (``pages._opener_link``): a person reads «Datos Abiertos ▾» as the
open-data section its entries open, not as a link back to the page it is on. Without the rule the entry is
a link to the page itself (the home page) and the section is not found: ``info.datos_abiertos``
``no_cumple``.

The class tests fail without their rule (checked, H301, with ``gelt_audit/audits/checklist/urls.py`` and
``pages.py`` of
``integ22``): the evidence paths carry the backslashes. The control (a link with a backslash in its path
and in its query: the crawled page, titled for the item, is its evidence anyway) passes with and without it.
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource
from tests.helpers import checklist_records

OFFLINE = "[links]\ncheck_external = false\n"
OFFICE = "Gestor Catastral Municipal de San Miguel"


def _page(title: str, body: str, nav: str = "<a href='/'>Inicio</a>") -> Resource:
    html = (
        f"<!DOCTYPE html><html lang='es'><head><meta charset='utf-8'><title>{title} | {OFFICE}</title></head>"
        f"<body><header>{nav}</header><main>{body}</main>"
        "<footer><p>Palacio municipal, Calle 5 # 4-20, San Miguel</p></footer></body></html>"
    )
    return Resource(body=html.encode("utf-8"), headers={"Content-Type": "text/html; charset=utf-8"})


FAQ = (
    "<h1>Preguntas frecuentes</h1>"
    "<details><summary>¿Qué es el avalúo catastral?</summary><p>Es el valor del predio que fija el gestor"
    " catastral con base en sus características físicas y económicas.</p></details>"
    "<details><summary>¿Cómo pido un certificado catastral?</summary><p>Con la solicitud del propietario y el"
    " recibo de pago, en la oficina del gestor catastral.</p></details>"
)
PROCEDURES = (
    "<h1>Trámites y servicios</h1>"
    "<details><summary>Cambio de propietario</summary><p>Solicitud del propietario, copia del documento de"
    " identidad y certificado de tradición y libertad.</p></details>"
    "<details><summary>Revisión de avalúo</summary><p>Solicitud motivada del propietario con las pruebas que"
    " la sustentan.</p></details>"
)
ROUTES: dict[str, Resource] = {
    "/": _page(
        "Inicio",
        "<h1>Catastro de San Miguel</h1><p>El municipio presta el servicio público catastral.</p>"
        "<ul>"
        '<li><a href="secciones\\preguntas-frecuentes.html">Preguntas frecuentes</a></li>'
        '<li><a href="secciones\\tramites.html?vista=todo\\lista">Trámites y servicios</a></li>'
        "</ul>",
    ),
    "/secciones/preguntas-frecuentes.html": _page("Preguntas frecuentes", FAQ),
    # the crawler sends the query's backslash percent-encoded (w3lib)
    "/secciones/tramites.html?vista=todo%5Clista": _page("Trámites y servicios", PROCEDURES),
}


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    """The cadastral office's site."""
    return checklist_records(tmp_path_factory.mktemp("h301-office"), ROUTES, OFFLINE)


def test_class_3010_a_link_written_with_backslashes_names_the_page_it_opens(office):
    rec = office[("gelt-2008", "info.preguntas_frecuentes")]
    assert rec["status"] == "cumple", rec
    assert rec["paths"][:1] == ["/secciones/preguntas-frecuentes.html"], rec
    assert not any("\\" in p for p in rec["paths"]), rec


def test_class_3010_control_the_page_with_a_backslash_in_its_query_is_the_evidence(office):
    rec = office[("gelt-2008", "info.tramites_servicios")]
    assert rec["status"] == "parcial", rec  # no SUIT / GOV.CO link
    assert rec["paths"][:1] == ["/secciones/tramites.html?vista=todo%5Clista"], rec


DATA_NAV = (
    "<nav><ul>"
    '<li><a href="/">Inicio</a></li>'
    '<li><a href="#Datos Abiertos" id="datos">Datos Abiertos</a><ul class="submenu">'
    '<li><a href="/datos/geograficos.html">Datos geográficos</a></li>'
    '<li><a href="/datos/documentos.html">Documentos</a></li>'
    "</ul></li>"
    "</ul></nav>"
)


def _data_page(title: str, body: str) -> Resource:
    return _page(title, body, DATA_NAV)


DATA_ROUTES: dict[str, Resource] = {
    "/": _data_page("Inicio", "<h1>Catastro de San Miguel</h1><p>El municipio presta el servicio catastral.</p>"),
    "/datos/geograficos.html": _data_page(
        "Datos geográficos",
        "<h1>Datos geográficos</h1><p>Capas del municipio para descargar.</p><ul>"
        '<li><a href="/descargas/limite-municipal.zip">Límite municipal</a></li>'
        '<li><a href="/descargas/veredas.zip">Veredas</a></li></ul>',
    ),
    "/datos/documentos.html": _data_page(
        "Documentos",
        "<h1>Documentos</h1><ul>"
        '<li><a href="/descargas/diccionario-de-datos.pdf">Diccionario de datos del código predial</a></li></ul>',
    ),
    "/descargas/limite-municipal.zip": Resource(body=b"PK", headers={"Content-Type": "application/zip"}),
    "/descargas/veredas.zip": Resource(body=b"PK", headers={"Content-Type": "application/zip"}),
    "/descargas/diccionario-de-datos.pdf": Resource(body=b"%PDF-1.4", headers={"Content-Type": "application/pdf"}),
}


@pytest.fixture(scope="module")
def data_office(tmp_path_factory):
    """The cadastral office's site with the «Datos Abiertos» drop-down."""
    return checklist_records(tmp_path_factory.mktemp("h301-data"), DATA_ROUTES, OFFLINE)


def test_class_3011_a_drop_down_opened_by_a_place_on_the_page_is_its_menu(data_office):
    rec = data_office[("gelt-2008", "info.datos_abiertos")]
    assert rec["status"] == "cumple", rec
    assert rec["paths"][:1] == ["/datos/geograficos.html"], rec
