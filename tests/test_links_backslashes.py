"""Links written as Windows paths, resolved as a browser resolves them (issue 15: evidence a person can open;
the crawler never asks for an address no browser would): a crawl on 127.0.0.1 through the real CLI, offline.

A browser reads every backslash before a web address's query as a slash (the URL standard, for http and
https) *before* resolving it against the page: from ``/archivos/secciones/inicio.html``,
«..\\..\\preguntas-frecuentes.html» climbs two folders and «\\archivos\\tramites.html» starts at the site's
root. The crawler resolved first and turned the backslashes into slashes after, so «\\archivos\\tramites.html»
became ``/archivos/secciones//archivos/tramites.html`` (a 404: the procedures page was never fetched); the
checklist's index (class 3010, H301) did the same and named ``/archivos/secciones/../../preguntas-frecuentes.html``,
an address nobody requested, as evidence. Both now read the reference first (``markup.web_slashes``).

Seen failing without the change (the lead, twenty-eighth session): ``info.tramites_servicios`` ``no_cumple``
and the FAQ's evidence path with its «../..».
"""

from __future__ import annotations

import pytest

from gelt_audit.markup import web_slashes
from tests.helpers import checklist_records
from tests.test_checklist_classes_h301 import FAQ, OFFLINE, PROCEDURES, _page

ROUTES = {
    "/": _page(
        "Inicio", "<h1>Catastro de San Miguel</h1><p><a href='/archivos/secciones/inicio.html'>Servicios</a></p>"
    ),
    "/archivos/secciones/inicio.html": _page(
        "Servicios",
        "<h1>Servicios del catastro</h1><ul>"
        '<li><a href="..\\..\\preguntas-frecuentes.html">Preguntas frecuentes</a></li>'
        '<li><a href="\\archivos\\tramites.html">Trámites y servicios</a></li>'
        "</ul>",
    ),
    "/preguntas-frecuentes.html": _page("Preguntas frecuentes", FAQ),
    "/archivos/tramites.html": _page("Trámites y servicios", PROCEDURES),
}


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    return checklist_records(tmp_path_factory.mktemp("backslashes"), ROUTES, OFFLINE)


def test_a_backslashed_reference_from_the_root_is_fetched_where_a_browser_goes(office):
    rec = office[("gelt-2008", "info.tramites_servicios")]
    assert rec["status"] == "parcial", rec  # found (no SUIT / GOV.CO link)
    assert rec["paths"][:1] == ["/archivos/tramites.html"], rec


def test_a_backslashed_climb_is_evidenced_by_the_address_the_crawl_fetched(office):
    rec = office[("gelt-2008", "info.preguntas_frecuentes")]
    assert rec["status"] == "cumple", rec
    assert rec["paths"][:1] == ["/preguntas-frecuentes.html"], rec


def test_only_a_web_references_path_is_read_so():
    assert web_slashes("a\\b.php?x=\\y#\\z") == "a/b.php?x=\\y#\\z"
    assert web_slashes("mailto:a\\b@x.co") == "mailto:a\\b@x.co"
    assert web_slashes("javascript:f('\\n')") == "javascript:f('\\n')"
    assert web_slashes("HTTPS://h\\a\\b") == "HTTPS://h/a/b"
