"""The ``parcial`` boundary (issue 15, H297): what a person reads as part of an item, not all of it.
Crawls on 127.0.0.1 through the real CLI, offline.

Class 2970: a title (a page's title or h1, a section's heading) that cites one act by its type in the
singular and its number («Decreto 1074 de 2015», «Resolución No. 045 de 2023») shows one norm, not the
section of norms that «Decretos», «Resoluciones» or «Normatividad» names. A norms item
(``info.normatividad``, ``ley1712.2.1``) found only so is one norm published within another page,
without a title of its own: ``parcial`` (docs/checklist-scope.md, criterion B; the labels of a-magangue
and zy-liceozipaquira), the detail saying so. A link with that text is not read so: it opens the act's
document, evidence after the page that lists it (test_checklist_classes.py,
``test_a_document_listed_under_the_items_section_is_not_evidence_before_that_page``). The guard: a page
titled «Normatividad» that lists the same decrees is the norms page, ``cumple``.

The class test fails without the rule (checked, H297: both items ``cumple`` by the section «Decreto
1074 de 2015»); the guard passes with and without it.
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource
from tests.helpers import checklist_records

OFFLINE = "[links]\ncheck_external = false\n"

ENTITY = "Cámara de Comercio de San Jacinto"


def _nav(norms: bool) -> str:
    extra = '<li><a href="/normatividad.html">Normatividad</a></li>' if norms else ""
    return (
        "<nav><ul>"
        '<li><a href="/">Inicio</a></li>'
        '<li><a href="/transparencia.html">Transparencia y acceso a la información pública</a></li>'
        f"{extra}"
        '<li><a href="/servicios.html">Servicios</a></li>'
        "</ul></nav>"
    )


def _page(title: str, main: str, norms: bool = False) -> Resource:
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title} | {ENTITY}</title></head>"
        f"<body><header><p>{ENTITY}</p>{_nav(norms)}</header><main>{main}</main>"
        "<footer><p>Calle 10 # 5-22. Teléfono 605 555 0142.</p></footer></body></html>"
    )


DECREES = (
    "<section class='decretos'>"
    "<div><h3>Decreto 1074 de 2015</h3><p>Por medio del cual se expide el Decreto Único Reglamentario del"
    " Sector Comercio, Industria y Turismo.</p></div>"
    "<div><h3>Decreto 1081 de 2015</h3><p>Por medio del cual se expide el Decreto Reglamentario Único del"
    " Sector Presidencia de la República.</p></div>"
    "<div><h3>Resolución 3564 de 2015</h3><p>Por la cual se reglamentan aspectos de la Ley de Transparencia"
    " y Acceso a la Información Pública.</p></div>"
    "</section>"
)
HUB = (
    "<h1>Ley de transparencia y acceso a la información pública</h1>"
    "<p>En cumplimiento de la Ley 1712 de 2014 la Cámara pone a disposición de la ciudadanía la siguiente"
    " información.</p>"
)
SERVICES_TEXT = (
    "<h1>Servicios</h1><p>Registro mercantil, registro de proponentes y registro de entidades sin ánimo de"
    " lucro, con sus tarifas vigentes.</p>"
)
HOME_TEXT = "<h1>Bienvenidos</h1><p>La Cámara de Comercio de la región y sus servicios.</p>"
PDF = Resource(body=b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", headers={"Content-Type": "application/pdf"})

SITE: dict[str, Resource] = {
    "/": _page("Inicio", HOME_TEXT),
    "/transparencia.html": _page("Transparencia", HUB + DECREES),
    "/servicios.html": _page("Servicios", SERVICES_TEXT),
}

NORMS_PAGE = _page(
    "Normatividad",
    "<h1>Normatividad</h1><p>Normas que rigen a la Cámara de Comercio.</p>"
    + DECREES
    + '<p><a href="/docs/estatutos-2023.pdf">Estatutos de la Cámara (2023)</a></p>',
    norms=True,
)
GUARD: dict[str, Resource] = {
    "/": _page("Inicio", HOME_TEXT, True),
    "/transparencia.html": _page(
        "Transparencia",
        HUB + '<ul><li><a href="/normatividad.html">Normatividad</a></li></ul>',
        norms=True,
    ),
    "/normatividad.html": NORMS_PAGE,
    "/servicios.html": _page("Servicios", SERVICES_TEXT, True),
    "/docs/estatutos-2023.pdf": PDF,
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The chamber whose Transparencia page shows three decrees, each under its own heading."""
    return checklist_records(tmp_path_factory.mktemp("h297-acts"), SITE, OFFLINE)


@pytest.fixture(scope="module")
def guard(tmp_path_factory):
    """The same decrees on a page titled «Normatividad» that the menu links."""
    return checklist_records(tmp_path_factory.mktemp("h297-norms"), GUARD, OFFLINE)


@pytest.mark.parametrize("key", [("gelt-2008", "info.normatividad"), ("ley1712-res1519", "ley1712.2.1")])
@pytest.mark.xfail(
    strict=True,
    reason="class 2970 measured and not applied: it lowered held-out evidence in groups 25-19 (H299 found "
    "H297's measure had imported another tree; the lead's measure on integ21 confirmed it)",
)
def test_class_2970_headings_citing_one_act_each_are_norms_without_their_section(site, key):
    rec = site[key]
    assert rec["status"] == "parcial", rec
    assert rec["paths"][:1] == ["/transparencia.html"], rec
    assert "cita una sola norma" in rec["detail"], rec


@pytest.mark.parametrize("key", [("gelt-2008", "info.normatividad"), ("ley1712-res1519", "ley1712.2.1")])
def test_class_2970_a_page_titled_for_the_norms_listing_the_decrees_is_the_item(guard, key):
    rec = guard[key]
    assert rec["status"] == "cumple", rec
    assert rec["paths"][:1] == ["/normatividad.html"], rec
