"""Checklist classes 1590-1591 (fifteenth session, H159), on one small site served on 127.0.0.1,
crawled and reported once by the real CLI.

Class 1590 (H154's cause A): a section of the mandated menu whose only name is an entry that
publishes nothing (its entries lead to «#» or to ``javascript:``: the committee's criterion
«Entradas sin nada detrás», docs/checklist-states.md) while two or more of its entries are
published, live, elsewhere on the site. A person who finds «1. Información de la entidad» leading
nowhere looks for the mission and the organigram and finds them: the section is shown by its
entries, ``parcial`` (as a section nothing names, H91), with their pages as evidence and never the
dead entry, whose line stays in the detail. Class 1591: one entry found alone is an entry, not a
section: the section stays ``no_cumple``.

The rule generalises H91's ``sections_shown.shown_by_entries`` and reads the mark the judge
leaves on a verdict made only of dead entries (``ItemResult.dead``), not the wording of its detail.
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource
from tests.helpers import checklist_records

OFFLINE = "[links]\ncheck_external = false\n"

# a municipality whose transparency page was copied from a template and never filled in: its
# sections' entries all go to «#», while the mission, the organigram and the action plan are
# published on pages of the main menu
NAV = (
    "<nav class='menu'><a href='/'>Inicio</a>"
    "<a href='/transparencia/'>Transparencia y acceso a la información pública</a>"
    "<a href='/nosotros/'>Nosotros</a><a href='/organigrama/'>Organigrama</a>"
    "<a href='/gestion/'>Gestión</a></nav>"
)
FOOTER = "<footer><h4>Alcaldía Municipal de Prueba</h4><p>Carrera 5 No. 4-20, Plaza principal</p></footer>"


def _page(title: str, body: str) -> Resource:
    return Resource.html(
        "<!doctype html><html lang='es'><head><meta charset='utf-8'>"
        f"<title>{title} — Alcaldía Municipal de Prueba</title></head>"
        f"<body><header>{NAV}</header><main><h1>{title}</h1>{body}</main>{FOOTER}</body></html>"
    )


ROUTES = {
    "/": _page(
        "Bienvenidos",
        "<p>Portal de la alcaldía: noticias del municipio, la agenda del alcalde, los programas sociales y"
        " las obras en curso en las veredas y el casco urbano, con sus fechas y responsables.</p>"
        "<h2>Noticias</h2><p>Se entregaron las obras del acueducto de la vereda El Carmen a la comunidad.</p>",
    ),
    "/transparencia/": _page(
        "Transparencia y acceso a la información pública",
        "<h2>1. Información de la entidad</h2><ul>"
        "<li><a href='#'>1.1 Misión, visión, funciones y deberes</a></li>"
        "<li><a href='#'>1.2 Estructura orgánica - Organigrama</a></li>"
        "<li><a href='#'>1.5 Directorio de servidores públicos</a></li></ul>"
        "<h2>4. Planeación, presupuesto e informes</h2><ul>"
        "<li><a href='#'>4.1 Presupuesto general</a></li><li><a href='#'>4.2 Ejecución presupuestal</a></li>"
        "<li><a href='javascript:void(0)'>4.3 Plan de acción</a></li></ul>",
    ),
    "/nosotros/": _page(
        "Misión y visión",
        "<h2>Misión</h2><p>La Alcaldía Municipal de Prueba garantiza los derechos de sus habitantes mediante"
        " la prestación de servicios públicos con eficiencia, transparencia y participación ciudadana.</p>"
        "<h2>Visión</h2><p>En 2030 el municipio será reconocido por su desarrollo sostenible, su gestión"
        " transparente y la calidad de vida de su población rural y urbana.</p>"
        "<h2>Funciones y deberes</h2><p>Administrar los recursos del municipio, ordenar el desarrollo de su"
        " territorio, prestar los servicios a su cargo y promover la participación comunitaria.</p>",
    ),
    "/organigrama/": _page(
        "Estructura orgánica - Organigrama",
        "<p>El despacho del alcalde y sus dependencias: Secretaría de Gobierno, Secretaría de Hacienda,"
        " Secretaría de Planeación e Infraestructura, Secretaría de Desarrollo Social y Control Interno.</p>"
        "<p><img src='/organigrama.png' alt='Organigrama de la Alcaldía Municipal de Prueba'></p>",
    ),
    "/gestion/": _page(
        "Plan de acción 2026",
        "<p>Plan de acción de la vigencia 2026, adoptado el 30 de enero de 2026: las metas de cada"
        " secretaría, sus actividades, responsables, indicadores y recursos.</p>"
        "<table><tr><th>Secretaría</th><th>Meta</th><th>Indicador</th></tr>"
        "<tr><td>Planeación e Infraestructura</td><td>Mantener 40 km de vías terciarias</td><td>km</td></tr>"
        "<tr><td>Desarrollo Social</td><td>Atender 300 adultos mayores</td><td>personas</td></tr></table>",
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The site above crawled once by the real CLI: the checklist records by (profile, item)."""
    return checklist_records(tmp_path_factory.mktemp("h159"), ROUTES, OFFLINE)


def test_class_1590_a_dead_section_whose_entries_are_published_elsewhere_is_shown_by_them(site):
    # the entries are found live, out of the menu: their pages, not the dead entries, are the evidence
    for item in ("ley1712.1.1", "ley1712.1.2"):
        rec = site[("ley1712-res1519", item)]
        assert rec["status"] in ("cumple", "parcial"), rec
    rec = site[("ley1712-res1519", "ley1712.1")]
    assert rec["status"] == "parcial", rec
    assert "/nosotros/" in rec["paths"] and "/organigrama/" in rec["paths"], rec
    assert "/transparencia/" not in rec["paths"], rec  # never the page of the dead section
    # the entry that leads nowhere is still said, so the committee can fix it
    assert "«1. Información de la entidad»" in rec["detail"] and "no publica nada" in rec["detail"], rec
    assert "la muestran sus entradas" in rec["detail"], rec


def test_class_1591_a_dead_section_with_one_entry_published_elsewhere_publishes_nothing(site):
    # «4. Planeación, presupuesto e informes»: its entries lead to «#» or a script; only the action
    # plan is published (on /gestion/)
    rec = site[("ley1712-res1519", "ley1712.4.3")]
    assert rec["status"] in ("cumple", "parcial"), rec
    rec = site[("ley1712-res1519", "ley1712.4")]
    assert rec["status"] == "no_cumple" and not rec["evidence"], rec
    assert "«4. Planeación, presupuesto e informes»" in rec["detail"] and "no publica nada" in rec["detail"], rec
    assert "la muestran sus entradas" not in rec["detail"], rec
