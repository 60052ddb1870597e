"""The engine against criteria O and E of docs/checklist-scope.md (issue 15, H211, twentieth session).
Two small sites on 127.0.0.1, each crawled once through the real CLI, offline (external links are not
opened): one shows each fault, the other the same layout with what a person reads as content.

Class 2110 (criterion O, the twentieth session's ruling): «Transparencia y acceso a la información»
without «pública», on the home page's entry and as the title of the page it leads to, is the mandated
name cut short: ``ley1712.menu`` is ``parcial``, «falta: el nombre exigido «Transparencia y acceso a la
información pública»». Case, accents and articles still differ freely («TRANSPARENCIA Y ACCESO A
INFORMACIÓN PÚBLICA» is the name: ``cumple``).
``test_class_2110_the_menu_named_without_publica_lacks_the_mandated_name`` fails without the change of
the name part in ``ley1712-res1519.toml`` (checked: ``cumple``, the shorter phrase read as the name).

Class 2111 (criterion E, no bound of words): a page whose own text is its title and «<título> de la
entidad.», framed by a side menu drawn before the content long enough to take the page past sixty words
(a-govimentum's Drupal layout), publishes nothing: the entry to it is ``parcial``, «solo repite su título
con el nombre de la entidad». ``test_class_2111_a_title_block_framed_by_a_long_side_menu_is_empty``
fails without the ``framed`` reading of ``emptiness.names_entity_only`` past sixty words (checked:
``info.mision_vision`` ``cumple``), and with it but without the fix of ``emptiness._shows_after``, which
counted a link's own words as the page's (``text is el.text`` is never true of lxml's strings; checked:
``cumple``).

Class 2112 (criterion E, its last sentence, and rule M): a section of the Transparencia hub («4.
NORMATIVIDAD») whose only entry («Normatividad: (Link aquí)») opens a page the crawl saw empty (inder's
hub) is named and empty, not content of its own: the section item ``ley1712.2`` is ``parcial`` by it,
its detail naming the empty page, and ``info.normatividad`` and ``ley1712.2.1`` are no longer ``cumple``
by the section (``parcial``).
``test_class_2112_a_hub_section_whose_only_entry_opens_an_empty_page_is_named_and_empty`` fails without
``guards._leads_only_to_empty`` (checked: the three ``cumple`` by the hub section).

The guards (the other site) pass with and without the three changes.
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource
from tests.helpers import checklist_records

OFFLINE = "[links]\ncheck_external = false\n"
ENTITY = "Instituto Departamental de Deportes"
LEY = "ley1712-res1519"
GELT = "gelt-2008"

# a Drupal site's side menu, drawn before the content (a-govimentum's layout): links only, long; its
# entries name no checklist item, so that only the page's own title names the item
SIDE = (
    "<div id='sidebar-first' class='column sidebar'><div class='block block-menu'><h2>Menú de la entidad</h2>"
    "<div class='content'><ul class='menu'>"
    + "".join(
        f"<li><a href='/transparencia#{n}'>{name}</a></li>"
        for n, name in enumerate(
            (
                "Juegos departamentales de la juventud en los municipios",
                "Escuelas de formación deportiva para niños y jóvenes",
                "Ciclovía recreativa de los domingos en la capital",
                "Olimpiadas del adulto mayor en las provincias del departamento",
                "Carreras atléticas y travesías de montaña de la temporada",
                "Festival escolar de natación y deportes acuáticos",
                "Liga de fútbol de salón de los barrios populares",
                "Campamentos juveniles de verano en la Villa Olímpica",
                "Gimnasios al aire libre de los parques municipales",
                "Torneo de ajedrez de las instituciones educativas",
            )
        )
    )
    + "</ul></div></div></div>"
)


def _page(title: str, main: str, nav: str, side: str = "") -> Resource:
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title} | {ENTITY}</title></head>"
        f"<body><div id='page'><div id='header'><nav>{nav}</nav></div>"
        f"<div class='breadcrumb'><a href='/'>Inicio</a> » {title}</div>"
        f"<div id='main'>{side}<div id='content' class='column'>{main}</div></div>"
        "<div id='footer'><p>Calle 14 con Carrera 30, Villa Olímpica. Teléfono 607 635 2772.</p></div></div>"
        "</body></html>"
    )


def _hub(name: str) -> str:
    """inder's hub: numbered sections as bold paragraphs, each entry a «(Link aquí)»."""

    def entry(label: str, href: str) -> str:
        return (
            f"<p class='parrafo'><strong>- {label}:</strong> (<a href='{href}' class='gris'><em>Link aquí</em></a>)</p>"
        )

    return (
        f"<table><tr><td class='titulosN'>{name}</td></tr><tr><td><div>"
        "<p class='parrafo'>En cumplimiento de la Ley 1712 de 2014 el instituto pone a disposición de la"
        " ciudadanía la siguiente información.</p>"
        "<p class='parrafo'><strong>1. MECANISMOS DE CONTACTO</strong></p>"
        "<p class='parrafo'>El instituto está en la Calle 14 con Carrera 30. Horario: 7:30 am a 12:30 pm.</p>"
        "<p class='parrafo'>&nbsp;</p><p class='parrafo'><strong>4. NORMATIVIDAD</strong></p>"
        + entry("Normatividad", "/normatividad")
        + "<p class='parrafo'>&nbsp;</p><p class='parrafo'><strong>8. PLAN ANTICORRUPCIÓN</strong></p>"
        + entry("Plan Anticorrupción y Atención al Ciudadano 2026", "/archivos/plan-anticorrupcion-2026.pdf")
        + "</div></td></tr></table>"
    )


def _site(menu_name: str, mission: str, norms: str) -> dict[str, Resource]:
    nav = f"<a href='/'>Inicio</a> | <a href='/mision'>Misión y visión</a> | <a href='/transparencia'>{menu_name}</a>"
    return {
        "/": _page("Inicio", f"<h1>{ENTITY}</h1><p>Promovemos el deporte y la recreación en el departamento.</p>", nav),
        "/transparencia": _page(menu_name, _hub(menu_name), nav),
        "/mision": _page(
            "Misión y visión",
            f"<h1 class='title' id='page-title'>Misión y visión</h1><div class='region region-content'><p>{mission}</p></div>",
            nav,
            SIDE,
        ),
        "/normatividad": _page("Normatividad", norms, nav),
        "/archivos/plan-anticorrupcion-2026.pdf": Resource(
            b"%PDF-1.4\n%\xe2\xe3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", headers={"Content-Type": "application/pdf"}
        ),
    }


FAULTS = _site(
    "Transparencia y acceso a la información",
    "Misión y visión de la entidad.",
    "<table><tr><td><h1>Normatividad</h1><p>Normatividad del INDERDEPORTES.</p></td></tr></table>",
)
GUARDS = _site(
    "TRANSPARENCIA Y ACCESO A INFORMACIÓN PÚBLICA",
    "Misión: promover el deporte, la recreación y la actividad física en los 87 municipios del"
    " departamento. Visión: en 2030 seremos el instituto de deportes de referencia del oriente del país.",
    "<h1>Normatividad</h1><ul><li><a href='/archivos/ordenanza-012-2019.pdf'>Ordenanza 012 de 2019, por la cual"
    " se crea el instituto</a></li><li><a href='/archivos/acuerdo-009-2021.pdf'>Acuerdo 009 de 2021 del consejo"
    " directivo</a></li></ul>",
)
for _path in ("/archivos/ordenanza-012-2019.pdf", "/archivos/acuerdo-009-2021.pdf"):
    GUARDS[_path] = FAULTS["/archivos/plan-anticorrupcion-2026.pdf"]


@pytest.fixture(scope="module")
def faults(tmp_path_factory):
    return checklist_records(tmp_path_factory.mktemp("h211-faults"), FAULTS, OFFLINE)


@pytest.fixture(scope="module")
def guards(tmp_path_factory):
    return checklist_records(tmp_path_factory.mktemp("h211-guards"), GUARDS, OFFLINE)


def test_class_2110_the_menu_named_without_publica_lacks_the_mandated_name(faults):
    rec = faults[(LEY, "ley1712.menu")]
    assert rec["status"] == "parcial", rec
    assert "el nombre exigido «Transparencia y acceso a la información pública»" in rec["detail"], rec["detail"]
    assert rec["paths"][:1] == ["/transparencia"], rec["paths"]


def test_class_2110_case_accents_and_articles_still_count_as_the_name(guards):
    rec = guards[(LEY, "ley1712.menu")]
    assert rec["status"] == "cumple", rec
    assert rec["paths"][:1] == ["/transparencia"], rec["paths"]


def test_class_2111_a_title_block_framed_by_a_long_side_menu_is_empty(faults):
    rec = faults[(GELT, "info.mision_vision")]
    assert rec["status"] == "parcial", rec
    assert "solo repite su título con el nombre de la entidad («Misión y visión de la entidad.»)" in rec["detail"], rec


def test_class_2111_a_framed_page_with_content_keeps_its_verdict(guards):
    rec = guards[(GELT, "info.mision_vision")]
    assert rec["status"] == "cumple", rec
    assert rec["paths"][:1] == ["/mision"], rec["paths"]


def test_class_2112_a_hub_section_whose_only_entry_opens_an_empty_page_is_named_and_empty(faults):
    # the section item: the hub's section, named and empty, the page it opens named in the detail
    rec = faults[(LEY, "ley1712.2")]
    assert rec["status"] == "parcial" and rec["paths"][:1] == ["/transparencia"], rec
    assert "la sección «4. NORMATIVIDAD»" in rec["detail"] and "solo lleva a" in rec["detail"], rec["detail"]
    assert "/normatividad, que solo repite su título" in rec["detail"], rec["detail"]
    # the entry's items: no longer «cumple» by the section; the hub or the empty page first (both
    # accepted by inder's labels, H207), the empty page said
    for profile, item in ((GELT, "info.normatividad"), (LEY, "ley1712.2.1")):
        rec = faults[(profile, item)]
        assert rec["status"] == "parcial", (item, rec)
        assert rec["paths"][:1] in (["/transparencia"], ["/normatividad"]), (item, rec["paths"])
        assert "/normatividad" in rec["detail"] and "solo repite su título" in rec["detail"], (item, rec["detail"])


def test_class_2112_a_hub_section_whose_entry_opens_a_page_with_content_is_content(guards):
    for profile, item in ((GELT, "info.normatividad"), (LEY, "ley1712.2.1")):
        rec = guards[(profile, item)]
        assert rec["status"] == "cumple", (item, rec)
