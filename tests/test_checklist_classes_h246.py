"""Precision classes from the tuning part's false positives (issue 15, H246: «the tool never reports
what it did not see»). One shared crawl of a small institute's site on 127.0.0.1, through the real
CLI, offline (external links are not opened).

Class 2460: a shortcut card of the home page that is one link (``<a href="/normatividad"
class="access-card"><div class="access-card-title">Normatividad</div><p>Decretos, resoluciones…</p>
</a>``) is the link's face, not a section of the home page with the item's content: the page it opens
decides. Here that page only shows a script's empty-list notice (class 2400): ``info.normatividad``
and ``ley1712.2.1`` are ``sin_verificar`` with ``/normatividad`` as evidence, not ``cumple`` with the
home page. Written (``contents.card_link``: the card's title skipped as a section, its link decides),
seen to pass with it and fail without it (``cumple``, «sección «Normatividad»» of ``/``), measured, and
**not applied**: it lowered held-out figures (docs/checklist-accuracy.md, «H246»). The test stays as a
strict ``xfail``: the engine still reads the card as a section. ``test_class_2460_a_card_to_a_page_that_
publishes_is_evidenced_by_that_page`` guards the other side: a card to a page that publishes the item is
found, by that page.

Class 2461 (criterion Q; docs/checklist-scope.md, «Consultas en línea»): fields with no ``<form>``
around them whose only button clears them («Buscar en el directorio · Filtrar por universidad ·
Limpiar», over the directory's table) send nothing: they filter the page's list, they are no query
of a database. ``test_class_2461_a_filter_bar_over_a_table_is_no_query`` fails without
``forms._clears`` in ``forms.formless_forms`` (checked: ``interaccion.consulta_bd`` ``cumple``,
«formulario de consulta» in ``/directorio``).

Class 2462 (issue 15, «negative vocabulary per item»; criterion F): the contracting manual («Manual de
Contratación — Ver», how the entity contracts) and a utility's contract of uniform conditions with its
users (Ley 142 de 1994, art. 128: a norm) are not the contracting page of ``info.contratacion``.
``test_class_2462_a_contracting_manual_or_a_uniform_conditions_contract_is_no_contracting_page`` fails
without the ``exclude`` of the part's rules in ``gelt-2008.toml`` (checked: ``parcial``, «falta: enlace
al SECOP»).
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource
from tests.helpers import checklist_records

OFFLINE = "[links]\ncheck_external = false\n"
ENTITY = "Instituto Regional de Toxicología de Prueba"
NAV = (
    "<nav><ul><li><a href='/'>Inicio</a></li><li><a href='/directorio'>Directorio</a></li>"
    "<li><a href='/acerca'>Quiénes somos</a></li><li><a href='/documentos'>Documentos</a></li></ul></nav>"
)
FOOTER = "<footer><p>Carrera 7 # 12-40, Tunja. Teléfono 608 555 0100.</p></footer>"
# the page's own script draws the rows into the empty element it names
FILL = (
    "<script>const ROWS = [{t: 'Resolución 1 de 2025', y: 2025}];"
    " const box = document.getElementById('rows'); box.innerHTML = ROWS.map(r => `<p>${r.t}</p>`).join('');"
    " document.getElementById('empty-state').style.display = ROWS.length ? 'none' : 'block';</script>"
)


def _html(title: str, main: str, scripts: str = "") -> Resource:
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title} | {ENTITY}</title></head>"
        f"<body><header><p>{ENTITY}</p>{NAV}</header><main>{main}</main>{FOOTER}{scripts}</body></html>"
    )


def _card(href: str, title: str, blurb: str) -> str:
    return (
        f"<a href='{href}' class='access-card'><div class='access-card-icon'></div>"
        f"<div class='access-card-title'>{title}</div><p class='access-card-desc'>{blurb}</p>"
        "<span class='access-card-link'>Ingresar</span></a>"
    )


ROUTES: dict[str, Resource] = {
    "/": _html(
        "Inicio",
        "<h1>Bienvenidos</h1><p>Sitio del instituto regional de toxicología, con sus servicios y sus documentos"
        " para los profesionales de la salud y la ciudadanía.</p>"
        "<section><h2>Accesos rápidos</h2><div class='cards'>"
        + _card(
            "/normatividad",
            "Normatividad",
            "Decretos, resoluciones y lineamientos técnicos nacionales e internacionales en materia toxicológica.",
        )
        + _card(
            "/acerca",
            "Quiénes somos",
            "Conozca la misión, la visión y la historia del instituto regional de toxicología y sus laboratorios.",
        )
        + "</div></section>",
    ),
    "/normatividad": _html(
        "Normatividad",
        "<h1>Normatividad</h1><div class='list-header'><div>Nombre</div><div>Año</div></div><div id='rows'></div>"
        "<div class='empty-state' id='empty-state'><div class='empty-title'>Sin resultados</div>"
        "<p>No se encontraron documentos con los filtros aplicados.</p></div>",
        FILL,
    ),
    "/acerca": _html(
        "Quiénes somos",
        "<h1>Quiénes somos</h1><h2>Misión</h2><p>Somos el instituto regional que vigila, estudia y previene las"
        " intoxicaciones en la región, con laboratorios de referencia y un centro de información toxicológica"
        " para toda la red de salud.</p><h2>Visión</h2><p>En 2030 seremos el centro de referencia toxicológica"
        " del oriente del país, reconocido por la calidad de sus análisis y la oportunidad de sus alertas.</p>",
    ),
    # class 2462: the contracting manual and the contract of uniform conditions, no contracting page
    "/documentos": _html(
        "Documentos institucionales",
        "<h1>Documentos institucionales</h1><h3>Reglamento interno, manual de contratación y manual de funciones</h3>"
        "<ul><li>Reglamento interno <a href='/docs/reglamento_interno.pdf'>Ver</a></li>"
        "<li>Manual de Contratación <a href='/docs/manual_de_contratacion.pdf'>Ver</a></li>"
        "<li>Manual de Funciones <a href='/docs/manual_de_funciones.pdf'>Ver</a></li></ul>"
        "<h3>Normativa</h3><ul><li><a href='/docs/ley_142_de_1994.pdf'>Ley 142 de 1994</a></li>"
        "<li><a href='/docs/contrato_condiciones_uniformes.pdf'>Contrato de condiciones uniformes</a></li></ul>",
    ),
    "/docs/reglamento_interno.pdf": Resource(b"%PDF-1.4 reglamento", headers={"Content-Type": "application/pdf"}),
    "/docs/manual_de_contratacion.pdf": Resource(b"%PDF-1.4 manual", headers={"Content-Type": "application/pdf"}),
    "/docs/manual_de_funciones.pdf": Resource(b"%PDF-1.4 funciones", headers={"Content-Type": "application/pdf"}),
    "/docs/ley_142_de_1994.pdf": Resource(b"%PDF-1.4 ley", headers={"Content-Type": "application/pdf"}),
    "/docs/contrato_condiciones_uniformes.pdf": Resource(b"%PDF-1.4 ccu", headers={"Content-Type": "application/pdf"}),
    # class 2461: a filter bar over a table its script draws, its one button «Limpiar»; no form
    "/directorio": _html(
        "Directorio de expertos",
        "<h1>Directorio de expertos</h1><div class='filter-bar' role='search'><div class='filter-inner'>"
        "<input id='search-input' type='search' placeholder='Buscar nombre, institución…'"
        " aria-label='Buscar en el directorio'>"
        "<select id='univ' aria-label='Filtrar por universidad'><option value=''>Todas las universidades</option>"
        "<option>U. Nacional</option><option>U. de Antioquia</option></select>"
        "<button id='clear-filters' aria-label='Limpiar filtros'>Limpiar</button></div></div>"
        "<table id='directory-table'><thead><tr><th>Nombre / Institución</th><th>Ciudad</th><th>Contacto</th></tr>"
        "</thead><tbody id='table-body'></tbody></table>",
        "<script>const DATA = [{n: 'Ana Pérez', c: 'Tunja'}]; document.getElementById('table-body').innerHTML ="
        " DATA.map(d => `<tr><td>${d.n}</td><td>${d.c}</td><td></td></tr>`).join('');</script>",
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The institute's site (shortcut cards on the home page)."""
    return checklist_records(tmp_path_factory.mktemp("h246"), ROUTES, OFFLINE)


@pytest.mark.xfail(strict=True, reason="class 2460 measured, not applied: it lowered held-out figures (H246)")
def test_class_2460_a_shortcut_card_is_a_lead_the_page_it_opens_decides(site):
    for profile, item in (("gelt-2008", "info.normatividad"), ("ley1712-res1519", "ley1712.2.1")):
        rec = site[(profile, item)]
        assert rec["status"] == "sin_verificar", rec
        assert rec["paths"][0] == "/normatividad", rec
        assert "«Sin resultados»" in rec["detail"], rec


def test_class_2460_a_card_to_a_page_that_publishes_is_evidenced_by_that_page(site):
    rec = site[("gelt-2008", "info.mision_vision")]
    assert rec["status"] == "cumple", rec
    assert rec["paths"][0] == "/acerca", rec


def test_class_2461_a_filter_bar_over_a_table_is_no_query(site):
    rec = site[("gelt-2008", "interaccion.consulta_bd")]
    assert rec["status"] not in ("cumple", "parcial"), rec
    assert "/directorio" not in rec["paths"], rec


def test_class_2462_a_contracting_manual_or_a_uniform_conditions_contract_is_no_contracting_page(site):
    rec = site[("gelt-2008", "info.contratacion")]
    assert rec["status"] == "no_cumple", rec
    assert not rec["paths"], rec
