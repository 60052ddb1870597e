"""Recall of the ley1712-res1519 profile (issue 15, H266): titles a person reads that the engine did not.
Three crawls on 127.0.0.1 through the real CLI, offline: a water utility's site, the school of
tests/test_checklist_classes_h256.py and a second school's.

Class 2660: the last title of an accordion whose titles, each alone in its wrapper, have nothing under
them («Obligación de reporte de información» closing the list) is named and empty like the others: the
list ends, nothing is under it either (docs/checklist-states.md, «Nombrado y vacío», its «Alcance»):
``ley1712.9`` ``parcial``.

Class 2661: the plural of a word in «-és» stems as its singular («grupos de intereses» is «grupos de
interés»): the accordion's «Información especifica para grupos de intereses» is ``ley1712.8`` named and
empty, ``parcial``.

Class 2662: a school's page «Gobierno escolar» (Ley 115 de 1994, art. 142; Decreto 1860 de 1994, art.
19) describes the school's spaces of participation: ``ley1712.6.1`` ``parcial`` (as class 2563 for
``democracia.participacion``); only the name alone (slack 0): «Gobierno escolar y organización» over the
bodies is the school's structure. The utility, with no such page, stays ``no_cumple``.

Each class test fails without its rule (checked, H266, on the tree of ``integ18`` with this file: see
docs/checklist-accuracy.md); the controls pass with and without the rules, and the organisation's fails
with class 2662 at the rule's default slack.
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource
from tests.helpers import checklist_records
from tests.test_checklist_classes_h256 import SCHOOL_ROUTES, _page  # the school with its «Gobierno Escolar» page

OFFLINE = "[links]\ncheck_external = false\n"


def _accordion(titles: list[str]) -> str:
    items = "".join(
        f'<div class="accordion-item"><h2><button type="button" aria-expanded="false">{t}</button></h2></div>'
        for t in titles
    )
    return f'<section><div class="accordion">{items}</div></section>'


UTILITY = "Aguas del Valle S.A. E.S.P."
UTILITY_NAV = (
    "<nav><ul>"
    '<li><a href="/">Inicio</a></li>'
    '<li><a href="/transparencia.html">Transparencia</a></li>'
    '<li><a href="/gerencia.html">Gerencia</a></li>'
    "</ul></nav>"
)
UTILITY_ROUTES: dict[str, Resource] = {
    "/": _page(UTILITY, UTILITY_NAV, "Inicio", "<h1>Bienvenidos</h1><p>Acueducto y alcantarillado del municipio.</p>"),
    "/transparencia.html": _page(
        UTILITY,
        UTILITY_NAV,
        "Transparencia",
        "<h1>Transparencia y acceso a la información pública</h1>"
        + _accordion(
            [
                "Información de la entidad",
                "Normativa",
                "Trámites",
                "Datos abiertos",
                "Información especifica para grupos de intereses",
                "Obligación de reporte de información",
            ]
        ),
    ),
    "/gerencia.html": _page(
        UTILITY,
        UTILITY_NAV,
        "Gerencia",
        "<h1>Gerencia</h1><p>La gerencia dirige la empresa y rinde cuentas a la junta directiva cada año.</p>",
    ),
}

SCHOOL2 = "Institución Educativa Rural La Esperanza"
SCHOOL2_NAV = (
    '<nav><ul><li><a href="/">Inicio</a></li><li><a href="/quienes-somos.html">Quiénes somos</a></li></ul></nav>'
)
SCHOOL2_ROUTES: dict[str, Resource] = {
    "/": _page(SCHOOL2, SCHOOL2_NAV, "Inicio", "<h1>Bienvenidos</h1><p>La institución educativa rural.</p>"),
    "/quienes-somos.html": _page(
        SCHOOL2,
        SCHOOL2_NAV,
        "Quiénes somos",
        "<h1>Quiénes somos</h1><p>Institución educativa rural con preescolar, básica y media.</p>"
        "<section><h2>Gobierno escolar y organización</h2><div class='grid'>"
        "<article><h3>Consejo Directivo</h3><p>Su integración, sus funciones y el calendario de sus reuniones"
        " durante el año escolar.</p></article>"
        "<article><h3>Consejo Académico</h3><p>Su estructura y sus funciones en la orientación pedagógica de"
        " la institución.</p></article></div></section>",
    ),
}


@pytest.fixture(scope="module")
def utility(tmp_path_factory):
    """The water utility's site."""
    return checklist_records(tmp_path_factory.mktemp("h266-utility"), UTILITY_ROUTES, OFFLINE)


@pytest.fixture(scope="module")
def school(tmp_path_factory):
    """The school's site."""
    return checklist_records(tmp_path_factory.mktemp("h266-school"), SCHOOL_ROUTES, OFFLINE)


def test_class_2660_the_last_empty_accordion_title_is_named_and_empty(utility):
    rec = utility[("ley1712-res1519", "ley1712.9")]
    assert rec["status"] == "parcial", rec
    assert rec["paths"][:1] == ["/transparencia.html"], rec
    assert "Obligación de reporte de información" in rec["detail"], rec


def test_class_2661_grupos_de_intereses_is_grupos_de_interes(utility):
    rec = utility[("ley1712-res1519", "ley1712.8")]
    assert rec["status"] == "parcial", rec
    assert rec["paths"][:1] == ["/transparencia.html"], rec


def test_class_2662_the_school_government_is_its_participation(school):
    rec = school[("ley1712-res1519", "ley1712.6.1")]
    assert rec["status"] == "parcial", rec
    assert rec["paths"][:1] == ["/gobierno-escolar.html"], rec
    assert "gobierno escolar" in rec["detail"], rec


@pytest.fixture(scope="module")
def school2(tmp_path_factory):
    """A second school's site, whose «Gobierno escolar y organización» section is its structure."""
    return checklist_records(tmp_path_factory.mktemp("h266-school2"), SCHOOL2_ROUTES, OFFLINE)


def test_class_2662_school_government_and_organisation_is_its_structure(school2):
    rec = school2[("ley1712-res1519", "ley1712.6.1")]
    assert rec["status"] == "no_cumple", rec


def test_class_2662_no_school_government_no_participation(utility):
    rec = utility[("ley1712-res1519", "ley1712.6.1")]
    assert rec["status"] == "no_cumple", rec
