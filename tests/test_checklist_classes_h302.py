"""Recall of both profiles (issue 15, H302): a list of sections a person reads that the engine did not.
One crawl on 127.0.0.1 through the real CLI, offline: a national agency's site whose transparency page
lists its sections as an accordion of headers with nothing under them (the shape of `zzy-policianacional`).

Class 3020: an accordion item that holds its header and no panel at all («<div class="accordion-item"><div
class="accordion-header"><span>2</span> Normatividad <span>▾</span></div></div>») names its section, and
nothing is under it: the list names the entry with nothing published (docs/checklist-states.md, «Nombrado y
vacío», «La lista»: «un título de sección sin nada debajo»), so the item it names is ``parcial`` with that
page as its evidence, in both profiles («Vale para cada ítem que ese nombre nombra»). Until then such a
header was no section: a header ``div`` opened a section only when a panel followed it, and these items
were «no se encontró».

Controls: the same header followed by its panel with a published document is read by what the panel
holds (``cumple``), and a header ``div`` outside any accordion item (a page's banner box) opens nothing.

The class tests fail without the rule (checked, H302, on the tree of ``integ22`` with this file: see
docs/checklist-accuracy.md); the controls pass with and without it.
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource
from tests.helpers import checklist_records

OFFLINE = "[links]\ncheck_external = false\n"
ENTITY = "Agencia Nacional de Ejemplo"
NAV = (
    "<nav><ul>"
    '<li><a href="/">Inicio</a></li>'
    '<li><a href="/transparencia.html">Transparencia y acceso a la información pública</a></li>'
    '<li><a href="/finanzas.html">Finanzas</a></li>'
    "</ul></nav>"
)


def _page(title: str, main: str) -> Resource:
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title} | {ENTITY}</title></head>"
        f"<body><header><p>{ENTITY}</p>{NAV}</header><main>{main}</main>"
        "<footer><p>Avenida 26 # 51-20, Bogotá. Teléfono 601 555 0100.</p></footer></body></html>"
    )


def _lone_header(number: str, name: str) -> str:
    return (
        '<div class="accordion-item"><div class="accordion-header">'
        f'<span class="circle">{number}</span> {name} <span class="arrow">▾</span></div></div>'
    )


ROUTES: dict[str, Resource] = {
    "/": _page("Inicio", "<h1>Bienvenidos</h1><p>La agencia vela por el servicio en todo el país.</p>"),
    "/transparencia.html": _page(
        "Transparencia",
        "<h2>Transparencia y acceso a la información pública</h2>"
        '<div class="accordion">'
        + _lone_header("2", "Normatividad")
        + _lone_header("3", "Contratación")
        + _lone_header("7", "Datos abiertos")
        + "</div>",
    ),
    "/finanzas.html": _page(
        "Finanzas",
        "<h1>Finanzas de la agencia</h1>"
        '<div class="accordion"><div class="accordion-item">'
        '<div class="accordion-header">Presupuesto</div>'
        '<div class="accordion-panel"><ul><li><a href="/docs/presupuesto-2026.pdf">Presupuesto general de la'
        " agencia, vigencia 2026</a></li></ul></div></div></div>"
        '<div class="banner-toggle">Información institucional</div>',
    ),
    "/docs/presupuesto-2026.pdf": Resource(b"%PDF-1.4\n", headers={"Content-Type": "application/pdf"}),
}


@pytest.fixture(scope="module")
def agency(tmp_path_factory):
    """The agency's site."""
    return checklist_records(tmp_path_factory.mktemp("h302-agency"), ROUTES, OFFLINE)


@pytest.mark.parametrize(
    ("profile", "item"),
    [
        ("ley1712-res1519", "ley1712.2"),
        ("ley1712-res1519", "ley1712.3"),
        ("ley1712-res1519", "ley1712.7"),
        ("gelt-2008", "info.normatividad"),
        ("gelt-2008", "info.contratacion"),
        ("gelt-2008", "info.datos_abiertos"),
    ],
)
def test_class_3020_an_accordion_item_of_only_its_header_is_named_and_empty(agency, profile, item):
    rec = agency[(profile, item)]
    assert rec["status"] == "parcial", rec
    assert rec["paths"][:1] == ["/transparencia.html"], rec


def test_class_3020_control_a_header_over_its_panel_is_read_by_the_panel(agency):
    rec = agency[("gelt-2008", "info.presupuesto")]
    assert rec["status"] == "cumple", rec
    assert rec["paths"][:1] == ["/finanzas.html"], rec


def test_class_3020_control_a_header_box_outside_an_accordion_item_opens_nothing(agency):
    # «Información institucional» in a banner box, no accordion item around it: no section 1
    rec = agency[("ley1712-res1519", "ley1712.1")]
    assert rec["status"] == "no_cumple", rec
