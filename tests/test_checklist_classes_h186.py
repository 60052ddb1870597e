"""A section of the mandated menu whose entries all lead back to the start page (issue 15, H186).
Three small sites, each crawled once on 127.0.0.1 through the real CLI, offline.

The committee reads an entry that links to the home page as dead (docs/checklist-states.md,
«Entradas sin nada detrás», b); a page that lists the section's entries and whose every entry is dead
(or, as H181 read, named with nothing under it) shows the section's name and nothing of it: named and
empty (docs/checklist-states.md, «Nombrado y vacío»; docs/checklist-scope.md, criterion E, last
paragraph): ``parcial``, never ``cumple``, with the dead entries named in the detail.

Class 1860 (the form of the tuning site ``zd-cucuta``): a Transparencia page of category headings
(``h1``, as the site's template writes them: «1. Información de la entidad», «2. Normativa», «4. Planeación, presupuesto e informes»), each over
cards whose title is a link to the home page with one line of description. The section item
(``ley1712.1``), found as the category heading on that page, and the Transparencia menu that leads to
it are ``parcial``.
``test_class_1860_a_section_whose_entries_all_lead_home_is_named_and_empty`` and
``test_class_1860_a_transparency_menu_to_a_page_whose_entries_all_lead_home_is_named_and_empty`` fail
without ``section_pages.leads_home`` in ``empty_entries`` and ``_leads_to`` (checked: both
``cumple``).

Class 1861 (the form of the tuning site ``g-imder``): a section page «Normativa» with the site's
side menu in a ``nav`` and, under its title, one list whose entries link to the home page, save one to
a page that shows only its title. ``test_class_1861_a_section_page_whose_list_leads_home_is_named_and_empty``
fails without ``section_pages.dead_list`` (checked: ``cumple``).

Class 1862 (the guards): the same category page with one live entry among the dead ones
(``test_class_1862_one_live_entry_among_dead_ones_is_not_this_form``) and the same section page with
one entry to a live page (``test_class_1862_a_section_list_with_a_live_entry_is_not_this_form``) do not
carry the problem.

The category page of class 1860 also crashed the report («Error inesperado: StopIteration»:
``guards.numbered_entries`` looked for the entry's link by the target as resolved, the start page):
the two tests of the ``dead_hub`` fixture error without the ``next(…, f.label)`` default there
(checked).
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import crawl, report_json, write_config

OFFLINE = "[links]\ncheck_external = false\n"
ENTITY = "Alcaldía Municipal de El Peñón"
MENU = "Transparencia y acceso a la información pública"

CATEGORIES = (
    (
        "1. Información de la entidad",
        (
            "1.1. Misión, visión, funciones y deberes",
            "1.2. Estructura orgánica",
            "1.3. Directorio de servidores",
            "1.4. Directorio de entidades",
        ),
    ),
    (
        "2. Normativa",
        ("2.1. Normativa de la entidad", "2.2. Búsqueda de normas", "2.3. Proyectos de normas", "2.4. Decretos"),
    ),
    (
        "4. Planeación, presupuesto e informes",
        ("4.1. Presupuesto general", "4.2. Ejecución presupuestal", "4.3. Plan de acción", "4.4. Informes"),
    ),
)
DESCRIPTIONS = (
    "Descubre nuestro propósito común y lo que hacemos cada día.",
    "Así organizamos nuestra administración para servir mejor.",
    "Conoce a quienes trabajamos con nuestro municipio.",
    "Estas instituciones apoyan nuestra gestión en el territorio.",
)


def _html(title: str, main: str, side: str = "") -> Resource:
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title} | {ENTITY}</title></head>"
        f"<body><header><p>{ENTITY}</p><nav><a href='/'>Inicio</a> <a href='/transparencia'>{MENU}</a>"
        f" <a href='/noticias'>Noticias</a></nav></header>{side}<main>{main}</main>"
        "<footer>Carrera 3 # 4-12, El Peñón. Teléfono 607 555 0199.</footer></body></html>"
    )


HOME = _html(
    "Inicio",
    "<h1>Bienvenidos</h1><p>Sitio oficial de la alcaldía municipal de El Peñón, Santander, al servicio"
    " de sus habitantes.</p>",
)
NEWS = _html(
    "Noticias",
    "<h1>Noticias</h1><h2>Jornada de vacunación en la vereda La Aguada</h2><p>El 12 de marzo de 2026 la"
    " alcaldía llevó la jornada de vacunación a la vereda La Aguada, con 140 dosis aplicadas.</p>",
)


def _category_page(live: str = "") -> Resource:
    """The Transparencia page of category headings over cards; each card's link is the home page,
    save the first one's when ``live`` names a page."""

    def card(i: int, name: str) -> str:
        href = live if live and i == 0 else "/"
        return (
            f"<div class='List_content_card'><div class='List_article'><a class='List_a' href='{href}'>"
            f"<h3> {name} </h3></a><p> {DESCRIPTIONS[i % 4]} </p></div></div>"
        )

    body = "".join(
        f"<div class='List_content'><h1 class='List_title'>{title} </h1>"
        + "".join(card(i, e) for i, e in enumerate(entries))
        + "</div>"
        for title, entries in CATEGORIES
    )
    return _html(
        "Transparencia", f"<div class='List_content_all'><h1 class='List_title'>Transparencia</h1>{body}</div>"
    )


MISSION = _html(
    "Misión y visión",
    "<h1>Misión, visión, funciones y deberes</h1><h2>Misión</h2><p>La Alcaldía de El Peñón administra"
    " los recursos del municipio para el bienestar de sus habitantes, con transparencia y participación.</p>"
    "<h2>Visión</h2><p>En 2030 El Peñón será un municipio reconocido por su gestión pública abierta.</p>"
    "<h2>Funciones</h2><p>Prestar los servicios públicos que determine la ley, ordenar el desarrollo de su"
    " territorio y promover la participación comunitaria (Ley 136 de 1994, artículo 3).</p>",
)

SECTIONS = (
    ("/transparencia/informacion", "1. Información de la entidad"),
    ("/transparencia/normativa", "2. Normativa"),
    ("/transparencia/contratacion", "3. Contratación"),
)
SIDE = (
    "<nav class='lateral'><ul>"
    + "".join(f"<li><a href='{href}'>{name}</a></li>" for href, name in SECTIONS)
    + "</ul></nav>"
)
NORMS = (
    "Decretos de estructura, salarios y otros",
    "Listado general de normativa de la entidad",
    "Normas en el Sistema Único de Información Normativa",
    "Documentos de interés",
)


def _list_page(title: str, first: tuple[str, str], rest: tuple[str, ...]) -> Resource:
    """A section page: the side menu, the title, one list whose first entry opens ``first`` and whose
    other entries link to the home page."""
    items = f"<li><a href='{first[0]}'>{first[1]}</a></li>" + "".join(f"<li><a href='/'>{e}</a></li>" for e in rest)
    return _html(title, f"<h1>{title}</h1><ol>{items}</ol>", SIDE)


HUB = _html(
    "Transparencia",
    "<h1>Transparencia</h1><ul>" + "".join(f"<li><a href='{h}'>{n}</a></li>" for h, n in SECTIONS) + "</ul>",
)
LISTS: dict[str, Resource] = {
    "/": HOME,
    "/noticias": NEWS,
    "/transparencia": HUB,
    "/transparencia/informacion": MISSION,
    # class 1861: one entry to a page that shows only its title, the others to the home page
    "/transparencia/normativa": _list_page("Normativa", ("/normativa/consulta", "Consulta de la normativa"), NORMS),
    "/normativa/consulta": _html("Normativa", "<h1>Normativa</h1>"),
    # class 1862: one entry to a live page, the others to the home page
    "/transparencia/contratacion": _list_page(
        "Contratación", ("/contratacion/plan-2026", "Plan anual de adquisiciones 2026"), NORMS[2:]
    ),
    "/contratacion/plan-2026": _html(
        "Plan anual de adquisiciones 2026",
        "<h1>Plan anual de adquisiciones 2026</h1><table><tr><th>Objeto</th><th>Valor</th><th>Fecha</th></tr>"
        "<tr><td>Mantenimiento de vías terciarias</td><td>$ 120.000.000</td><td>marzo de 2026</td></tr>"
        "<tr><td>Suministro de papelería</td><td>$ 8.500.000</td><td>febrero de 2026</td></tr></table>",
    ),
}


def _records(tmp_path_factory, routes: dict[str, Resource], name: str) -> dict[tuple[str, str], dict]:
    """A site crawled once by the real CLI: the checklist records by (profile, item)."""
    server = SiteServer(routes).start()
    try:
        config = write_config(tmp_path_factory.mktemp(name), server.url, OFFLINE)
        crawl(config)
        origin = server.url.rstrip("/")
        records = {}
        for rec in report_json(config)["checklist"]:
            rec["paths"] = [u[len(origin) :] if u.startswith(origin) else u for u in rec["evidence"]]
            records[(rec["profile"], rec["item"])] = rec
        return records
    finally:
        server.stop()


@pytest.fixture(scope="module")
def dead_hub(tmp_path_factory):
    """A Transparencia page of categories whose every entry leads to the home page."""
    return _records(tmp_path_factory, {"/": HOME, "/noticias": NEWS, "/transparencia": _category_page()}, "h186-hub")


@pytest.fixture(scope="module")
def live_hub(tmp_path_factory):
    """The same page with its first entry leading to a page with content."""
    routes = {
        "/": HOME,
        "/noticias": NEWS,
        "/transparencia": _category_page("/mision"),
        "/mision": MISSION,
    }
    return _records(tmp_path_factory, routes, "h186-live")


@pytest.fixture(scope="module")
def lists(tmp_path_factory):
    """Section pages of one list each: all dead save an empty page (1861), one live entry (1862)."""
    return _records(tmp_path_factory, LISTS, "h186-lists")


def test_class_1860_a_section_whose_entries_all_lead_home_is_named_and_empty(dead_hub):
    rec = dead_hub[("ley1712-res1519", "ley1712.1")]
    assert rec["status"] == "parcial", rec
    assert "/transparencia nombra sus entradas (" in rec["detail"], rec
    assert "llevan a la página de inicio" in rec["detail"], rec
    assert "«1. Información de la entidad»" in rec["detail"], rec


def test_class_1860_a_transparency_menu_to_a_page_whose_entries_all_lead_home_is_named_and_empty(dead_hub):
    rec = dead_hub[("ley1712-res1519", "ley1712.menu")]
    assert rec["status"] == "parcial", rec
    assert "/transparencia nombra sus entradas (" in rec["detail"], rec
    assert rec["paths"][0] in ("/", "/transparencia"), rec


def test_class_1861_a_section_page_whose_list_leads_home_is_named_and_empty(lists):
    rec = lists[("ley1712-res1519", "ley1712.2")]
    assert rec["status"] == "parcial", rec
    assert "/transparencia/normativa nombra sus entradas («Consulta de la normativa»" in rec["detail"], rec
    assert "todas llevan a la página de inicio o a una página vacía" in rec["detail"], rec


def test_class_1862_one_live_entry_among_dead_ones_is_not_this_form(live_hub):
    for item in ("ley1712.1", "ley1712.menu"):
        rec = live_hub[("ley1712-res1519", item)]
        assert "nombra sus entradas" not in rec["detail"], rec


def test_class_1862_a_section_list_with_a_live_entry_is_not_this_form(lists):
    rec = lists[("ley1712-res1519", "ley1712.3")]
    assert rec["status"] == "cumple", rec
    assert "nombra sus entradas" not in rec["detail"], rec
