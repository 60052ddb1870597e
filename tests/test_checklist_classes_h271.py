"""Recall of the ley1712-res1519 profile (issue 15, H271): a section a careless page nests in the one
before it. Two crawls on 127.0.0.1 through the real CLI, offline: a hospital's «Planeación» page and a sports
institute's «Estructura orgánica».

Class 2710: a page made without headings titles each part with a bold paragraph over a list of
documents, «<p><b>Informe de empalme</b></p><ul><li>…2020</li><li>…2022</li>», and leaves the list
open (no ``</ul>``): the next title, «Informe sobre defensa pública y prevención del daño antijurídico»,
and everything after it are parsed inside that list. A person reads the title, its two documents and the
next title one after another: the documents before the next title are that section's (Res. 1519, Anexo
2, numerals 4.5 and 4.9): ``ley1712.4.5`` and ``ley1712.4.9`` ``cumple`` on that page. The part closed
as it should be («Proyectos de inversión») is read as before (control).

Class 2712: a second crawl, a sports institute whose React page writes each entry of its list inside a
heading, «<h3><li>Procesos y procedimientos</li></h3>»; the parser ends the heading before the entry. The
entry with no link, among entries so written that link, is named with nothing published: ``ley1712.1.3``
and ``ley1712.1.9`` ``parcial`` on that page (docs/checklist-states.md, «Nombrado y vacío», «La lista»).

The class tests fail without their rule (checked, H271, on the tree of ``integ19`` with this file: the
four ``no_cumple``; 2712's also on the tree with 2710 alone); the controls pass with and without them.
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource
from tests.helpers import checklist_records
from tests.test_checklist_classes_h256 import _page

OFFLINE = "[links]\ncheck_external = false\n"
PDF = {"Content-Type": "application/pdf"}

HOSPITAL = "E.S.E. Hospital San Vicente"
NAV = (
    "<nav><ul>"
    '<li><a href="/">Inicio</a></li>'
    '<li><a href="/transparencia.html">Transparencia</a></li>'
    '<li><a href="/servicios.html">Servicios</a></li>'
    "</ul></nav>"
)


def _doc(href: str, name: str) -> str:
    return f'<li class="d-flex"><a href="{href}" target="_blank"><img src="/icono.png" alt="icono"><span><b>{name}</b></span></a></li>'


# each bold title over its list of documents (files named by a number, as a document manager names them); from «Informe de empalme» on, every list is left open
PLANEACION = (
    '<div id="contenido"><p><b>Planeación</b></p>'
    "<p><b>Proyectos de inversión.</b></p>"
    f'<ul class="list-unstyled">{_doc("/docs/d101.pdf", "Telemedicina.")}</ul><br><br>'
    "<p><b>Informe de empalme</b></p>"
    f'<ul class="list-unstyled">{_doc("/docs/d102.pdf", "2020")}{_doc("/docs/d103.pdf", "2022")}'
    "<br><br><p><b>Informe sobre Defensa Pública y Prevención del Daño Antijurídico.</b></p>"
    f'<ul class="list-unstyled">{_doc("/docs/d104.pdf", "Acta Conciliación Marzo.")}'
    f"{_doc('/docs/d105.pdf', 'Acta Conciliación Mayo.')}"
    "<br><br><p><b>Plan de compras.</b></p>"
    f'<ul class="list-unstyled">{_doc("/docs/d106.pdf", "Plan anual de adquisiciones.")}'
    "</div>"
)

ROUTES: dict[str, Resource] = {
    "/": _page(
        HOSPITAL, NAV, "Inicio", "<h1>Bienvenidos</h1><p>Atención en salud de primer nivel para el municipio.</p>"
    ),
    "/transparencia.html": _page(
        HOSPITAL,
        NAV,
        "Transparencia",
        "<h1>Transparencia y acceso a la información pública</h1><ul>"
        '<li><a href="/planeacion.html">4. Planeación, presupuesto e informes</a></li></ul>',
    ),
    "/planeacion.html": _page(HOSPITAL, NAV, "Planeación", PLANEACION),
    "/servicios.html": _page(
        HOSPITAL, NAV, "Servicios", "<h1>Servicios</h1><p>Consulta externa, urgencias y vacunación.</p>"
    ),
    "/icono.png": Resource(b"\x89PNG\r\n\x1a\n", headers={"Content-Type": "image/png"}),
    **{
        f"/docs/{name}.pdf": Resource(b"%PDF-1.4\n", headers=PDF)
        for name in (
            "d101",
            "d102",
            "d103",
            "d104",
            "d105",
            "d106",
        )
    },
}


@pytest.fixture(scope="module")
def hospital(tmp_path_factory):
    """The hospital's site."""
    return checklist_records(tmp_path_factory.mktemp("h271-hospital"), ROUTES, OFFLINE)


@pytest.mark.parametrize("item", ["ley1712.4.5", "ley1712.4.9"])
def test_class_2710_a_section_left_open_holds_its_entries(hospital, item):
    rec = hospital[("ley1712-res1519", item)]
    assert rec["status"] == "cumple", rec
    assert rec["paths"][:1] == ["/planeacion.html"], rec


def test_class_2710_a_closed_section_is_read_as_before(hospital):
    rec = hospital[("ley1712-res1519", "ley1712.4.4")]
    assert rec["status"] == "cumple", rec
    assert rec["paths"][:1] == ["/planeacion.html"], rec


# Class 2712: a sports institute's React page wrote each entry of its «Estructura orgánica» list as a
# title, «<ol><h3><li><a …>Organigrama</a></li></h3><h3><li>Procesos y procedimientos</li></h3>…»; the
# parser ends each heading before its entry. «Procesos y procedimientos», with no link, is an entry the
# list names with nothing published (Res. 1519, Anexo 2, numerals 1.3 and 1.9): ``parcial``.
INSTITUTE = "Instituto Municipal del Deporte y la Recreación"
INSTITUTE_NAV = (
    '<nav><ul><li><a href="/">Inicio</a></li><li><a href="/transparencia/estructura">Estructura orgánica</a></li>'
    "</ul></nav>"
)


def _titled(entry: str) -> str:
    return f"<h3><li>{entry}</li></h3>"


INSTITUTE_ROUTES: dict[str, Resource] = {
    "/": _page(
        INSTITUTE, INSTITUTE_NAV, "Inicio", "<h1>Bienvenidos</h1><p>Deporte y recreación para el municipio.</p>"
    ),
    "/transparencia/estructura": _page(
        INSTITUTE,
        INSTITUTE_NAV,
        "Estructura orgánica",
        "<h1>Estructura orgánica y de talento humano</h1><ol type='a'>"
        + _titled('<a href="/docs/d201.pdf">Misión y visión</a>')
        + _titled("Procesos y procedimientos")
        + _titled('<a href="/docs/d202.pdf">Organigrama</a>')
        + "</ol>",
    ),
    "/docs/d201.pdf": Resource(b"%PDF-1.4\n", headers=PDF),
    "/docs/d202.pdf": Resource(b"%PDF-1.4\n", headers=PDF),
}


@pytest.fixture(scope="module")
def institute(tmp_path_factory):
    """The sports institute's site."""
    return checklist_records(tmp_path_factory.mktemp("h271-institute"), INSTITUTE_ROUTES, OFFLINE)


@pytest.mark.parametrize("item", ["ley1712.1.3", "ley1712.1.9"])
def test_class_2712_an_entry_written_as_a_title_without_link_is_named_and_empty(institute, item):
    rec = institute[("ley1712-res1519", item)]
    assert rec["status"] == "parcial", rec
    assert rec["paths"][:1] == ["/transparencia/estructura"], rec
    assert "Procesos y procedimientos" in rec["detail"], rec


def test_class_2712_the_linked_entries_are_read_as_before(institute):
    rec = institute[("ley1712-res1519", "ley1712.1.2")]
    assert rec["status"] in ("cumple", "parcial"), rec
    assert "/docs/d202.pdf" in rec["paths"], rec
    assert "sin nada publicado" not in rec["detail"], rec
