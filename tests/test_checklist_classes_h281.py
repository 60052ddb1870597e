"""Status of the gelt-2008 profile (issue 15, H281): how a person reads a list of public entities' links.

Class 2810: a list of five or more public entities' sites, each linked by its name, shown under another
heading (a strip in the page header, an untitled block of a page for something else) publishes links to
other public entities, but no page of the directory: «dentro de otra página, sin título propio» is
``parcial`` (docs/checklist-scope.md, criterion B), for ``info.directorio_entidades`` as the engine
already said for ``ley1712.1.6`` (class 1041). A page titled «Directorio de entidades» with the same list
stays ``cumple``, evidenced by that page.

Two crawls on 127.0.0.1 through the real CLI, offline. The class test fails without the rule's
``partial`` in ``gelt-2008.toml`` (seen, H281: ``cumple``, «5 enlaces a sitios de entidades públicas en el
encabezado …»); the control passes with and without it.
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource
from tests.helpers import checklist_records

OFFLINE = "[links]\ncheck_external = false\n"

ENTITIES = (
    ("https://www.mininterior.gov.co/", "Ministerio del Interior"),
    ("https://www.minhacienda.gov.co/", "Ministerio de Hacienda y Crédito Público"),
    ("https://www.mineducacion.gov.co/", "Ministerio de Educación Nacional"),
    ("https://www.procuraduria.gov.co/", "Procuraduría General de la Nación"),
    ("https://www.registraduria.gov.co/", "Registraduría Nacional del Estado Civil"),
)


def _links(tag: str = "li") -> str:
    """The five entities, each linked by its name."""
    return "".join(f'<{tag}><a href="{u}">{n}</a></{tag}>' for u, n in ENTITIES)


def _html(entity: str, title: str, main: str, nav: str, top: str = "") -> Resource:
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title} | {entity}</title></head>"
        f"<body><header>{top}<nav>{nav}</nav></header><main>{main}</main>"
        f"<footer><p>{entity}. Calle 5 # 4-21.</p></footer></body></html>"
    )


# site A: a fire brigade; its header carries a strip of the five entities on every page, and its page
# of courses ends with an untitled block of the same links
BRIGADE = "Cuerpo de Bomberos Voluntarios de Prueba"
NAV_A = '<ul><li><a href="/">Inicio</a></li><li><a href="/cursos.html">Cursos</a></li></ul>'
STRIP = f"<div class='gov-strip'><ul>{_links()}</ul></div>"
SITE_A: dict[str, Resource] = {
    "/": _html(
        BRIGADE,
        "Inicio",
        "<h1>Bienvenidos</h1><p>Atendemos incendios, rescates y emergencias en el municipio las veinticuatro"
        " horas del día, con dos máquinas y una ambulancia.</p>",
        NAV_A,
        STRIP,
    ),
    "/cursos.html": _html(
        BRIGADE,
        "Cursos",
        "<h1>Cursos</h1><p>Cursos de primeros auxilios y de brigadas de emergencia para empresas y colegios,"
        " con certificado, cada mes en la estación.</p>"
        f"<div class='row'>{_links('p')}</div>",
        NAV_A,
        STRIP,
    ),
}

# site B: a hospital whose page «Directorio de entidades» lists the five entities
HOSPITAL = "E.S.E. Hospital Local de Prueba"
NAV_B = '<ul><li><a href="/">Inicio</a></li><li><a href="/entidades.html">Directorio de entidades</a></li></ul>'
SITE_B: dict[str, Resource] = {
    "/": _html(
        HOSPITAL,
        "Inicio",
        "<h1>Bienvenidos</h1><p>Prestamos servicios de salud de primer nivel con urgencias las veinticuatro horas.</p>",
        NAV_B,
    ),
    "/entidades.html": _html(
        HOSPITAL,
        "Directorio de entidades",
        f"<h1>Directorio de entidades</h1><p>Entidades públicas del orden nacional.</p><ul>{_links()}</ul>",
        NAV_B,
    ),
}


@pytest.fixture(scope="module")
def brigade(tmp_path_factory):
    """The fire brigade's site: the entities in the header and in an untitled block."""
    return checklist_records(tmp_path_factory.mktemp("h281-brigade"), SITE_A, OFFLINE)


@pytest.fixture(scope="module")
def hospital(tmp_path_factory):
    """The hospital's site: the entities on their own page."""
    return checklist_records(tmp_path_factory.mktemp("h281-hospital"), SITE_B, OFFLINE)


def test_class_2810_public_entities_under_another_heading_are_no_directory_page(brigade):
    rec = brigade[("gelt-2008", "info.directorio_entidades")]
    assert rec["status"] == "parcial", rec
    assert "bajo otro título" in rec["detail"], rec
    assert rec["paths"], rec
    rec = brigade[("ley1712-res1519", "ley1712.1.6")]
    assert rec["status"] == "parcial", rec


def test_class_2810_a_page_titled_for_the_directory_still_complies(hospital):
    rec = hospital[("gelt-2008", "info.directorio_entidades")]
    assert rec["status"] == "cumple", rec
    assert rec["paths"][:1] == ["/entidades.html"], rec
