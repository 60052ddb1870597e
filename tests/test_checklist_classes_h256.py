"""Recall of the gelt-2008 profile (issue 15, H256): what a person reads as the item and the engine did not.
Two crawls on 127.0.0.1 through the real CLI, offline: a school's site and a town hall's.

Class 2560: a menu of the site's header named only «Proyectos» (an opener linking to «#») whose entries open
the entity's projects is where a person finds its programmes and projects: ``info.plan_desarrollo``
``parcial`` with the first project's page (docs/checklist-scope.md «Planes y programas»: without the plan,
the programmes and projects in execution are ``parcial``). A link «Proyectos» inside a page's content
(not the header's menu) is no such menu: the town hall's stays ``no_cumple``.

Class 2561: a sentence naming the opening hours of an office or a service with their days and times («El
horario de atención de la Biblioteca es de lunes a viernes de 7:00 a.m. a 6:00 p. m.»), on a page whose
title says nothing of contact: ``info.horario`` ``cumple`` with that page (docs/checklist-scope.md
«Horario de atención»: the hours of each service count).

Class 2562: an office's split working day written as two time ranges («8:00 a 12:00 m - 2:00 a 6:00 p.m»)
on the page of the town hall's offices: ``info.horario`` ``parcial`` (the hours, the days unsaid).

Class 2563: a page titled «Gobierno escolar» (Ley 115 de 1994, art. 142; Decreto 1860 de 1994: the
school's bodies through which its community takes part) is the school's spaces of participation:
``democracia.participacion`` ``parcial``; the town hall, with no such page, stays ``no_cumple``.

Each test that reads a class fails without its rule (checked, H256: with the four rules taken out of the
profile, the four class tests fail at their status and the two controls pass).
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource
from tests.helpers import checklist_records

OFFLINE = "[links]\ncheck_external = false\n"


def _page(entity: str, nav: str, title: str, main: str) -> Resource:
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title} | {entity}</title></head>"
        f"<body><header><p>{entity}</p>{nav}</header><main>{main}</main>"
        "<footer><p>Calle 5 # 4-20. Teléfono 602 555 0199.</p></footer></body></html>"
    )


SCHOOL = "Institución Educativa San Rafael"
SCHOOL_NAV = (
    "<nav><ul>"
    '<li><a href="/">Inicio</a></li>'
    '<li><a href="/biblioteca.html">Biblioteca</a></li>'
    '<li><a href="/gobierno-escolar.html">Gobierno Escolar</a></li>'
    '<li class="dropdown"><a href="#" class="dropdown-toggle">Proyectos</a><ul class="dropdown-menu">'
    '<li><a href="/letras.html">Letras Viajeras</a></li>'
    '<li><a href="/ejecucion-letras.html">Ejecución Letras Viajeras</a></li></ul></li>'
    "</ul></nav>"
)
SCHOOL_ROUTES: dict[str, Resource] = {
    "/": _page(SCHOOL, SCHOOL_NAV, "Inicio", "<h1>Bienvenidos</h1><p>La institución educativa del municipio.</p>"),
    "/letras.html": _page(
        SCHOOL,
        SCHOOL_NAV,
        "Letras Viajeras",
        "<h1>Proyecto Letras Viajeras</h1><p>Llevar la lectura y la escritura a las veredas del municipio con"
        " una biblioteca móvil, talleres de escritura creativa y una colección renovada para niños y jóvenes;"
        " dos promotores de lectura visitan cada vereda una vez al mes durante el año.</p>",
    ),
    "/ejecucion-letras.html": _page(
        SCHOOL,
        SCHOOL_NAV,
        "Ejecución Letras Viajeras",
        "<h1>Ejecución del proyecto</h1><p>Talleres realizados en doce veredas, con 340 asistentes, y la"
        " colección de la biblioteca móvil renovada con 200 títulos nuevos.</p>",
    ),
    "/biblioteca.html": _page(
        SCHOOL,
        SCHOOL_NAV,
        "Biblioteca",
        "<h1>Biblioteca escolar</h1><ul><li>Para acceder a los servicios de la Biblioteca es indispensable"
        " presentar el carné de la institución.</li><li>El horario de atención de la Biblioteca es de lunes a"
        " viernes de 7:00 a.m. a 6:00 p. m.</li><li>La Biblioteca pertenece a la red departamental.</li></ul>",
    ),
    "/gobierno-escolar.html": _page(
        SCHOOL,
        SCHOOL_NAV,
        "Gobierno Escolar",
        "<h1>Gobierno Escolar</h1><p>La institución conforma su gobierno escolar según el artículo 142 de la"
        " Ley 115 y el Decreto 1860, para dar participación democrática a todos los miembros de la comunidad"
        " educativa: el Consejo Directivo, el Consejo Académico, el Consejo de Padres y el Consejo Estudiantil."
        "</p><h2>Elección del personero</h2><p>Los estudiantes de grado once se inscriben en la coordinación"
        " y la elección se hace en los primeros treinta días del calendario escolar.</p>",
    ),
}

TOWN = "Alcaldía de San Bernardo"
TOWN_NAV = (
    "<nav><ul>"
    '<li><a href="/">Inicio</a></li>'
    '<li><a href="/dependencias.html">Dependencias</a></li>'
    '<li><a href="/concejo.html">Concejo</a></li>'
    "</ul></nav>"
)
OFFICES = (
    "<h1>Dependencias</h1>"
    "<div class='card'><h3>Secretaría de Gobierno</h3><p>Calle 5 # 4-20, piso 2</p>"
    "<p>8:00 a 12:00 m - 2:00 a 6:00 p.m</p><p>gobierno@sanbernardo.example.org</p></div>"
    "<div class='card'><h3>Secretaría de Hacienda</h3><p>Calle 5 # 4-20, piso 1</p>"
    "<p>8:00 a 12:00 m - 2:00 a 6:00 p.m</p><p>hacienda@sanbernardo.example.org</p></div>"
)
TOWN_ROUTES: dict[str, Resource] = {
    "/": _page(TOWN, TOWN_NAV, "Inicio", "<h1>Bienvenidos</h1><p>Alcaldía municipal de San Bernardo.</p>"),
    "/dependencias.html": _page(TOWN, TOWN_NAV, "Dependencias", OFFICES),
    "/concejo.html": _page(
        TOWN,
        TOWN_NAV,
        "Concejo",
        "<h1>Concejo municipal</h1><p>Las sesiones ordinarias del concejo y sus comisiones.</p>"
        '<p><a href="/proyectos-acuerdo.html">Proyectos</a></p>',
    ),
    "/proyectos-acuerdo.html": _page(
        TOWN,
        TOWN_NAV,
        "Proyectos de acuerdo",
        "<h1>Proyectos de acuerdo radicados</h1><p>Proyecto de acuerdo 004 de 2026, por el cual se adopta el"
        " estatuto de rentas del municipio, radicado el 3 de febrero.</p>",
    ),
}


@pytest.fixture(scope="module")
def school(tmp_path_factory):
    """The school's site."""
    return checklist_records(tmp_path_factory.mktemp("h256-school"), SCHOOL_ROUTES, OFFLINE)


@pytest.fixture(scope="module")
def town(tmp_path_factory):
    """The town hall's site."""
    return checklist_records(tmp_path_factory.mktemp("h256-town"), TOWN_ROUTES, OFFLINE)


def test_class_2560_a_projects_menu_is_the_entitys_projects(school):
    rec = school[("gelt-2008", "info.plan_desarrollo")]
    assert rec["status"] == "parcial", rec
    assert rec["paths"][:1] == ["/letras.html"], rec
    assert "menú «Proyectos»" in rec["detail"], rec


def test_class_2560_a_projects_link_in_a_page_is_no_menu(town):
    rec = town[("gelt-2008", "info.plan_desarrollo")]
    assert rec["status"] == "no_cumple", rec


def test_class_2561_a_services_stated_hours_are_the_hours(school):
    rec = school[("gelt-2008", "info.horario")]
    assert rec["status"] == "cumple", rec
    assert rec["paths"][:1] == ["/biblioteca.html"], rec


def test_class_2562_a_split_working_day_is_the_hours_without_days(town):
    rec = town[("gelt-2008", "info.horario")]
    assert rec["status"] == "parcial", rec
    assert rec["paths"][:1] == ["/dependencias.html"], rec
    assert "jornada partida" in rec["detail"], rec


def test_class_2563_the_school_government_is_its_participation(school):
    rec = school[("gelt-2008", "democracia.participacion")]
    assert rec["status"] == "parcial", rec
    assert rec["paths"][:1] == ["/gobierno-escolar.html"], rec
    assert "gobierno escolar" in rec["detail"], rec


def test_class_2563_no_school_government_no_participation(town):
    rec = town[("gelt-2008", "democracia.participacion")]
    assert rec["status"] == "no_cumple", rec
