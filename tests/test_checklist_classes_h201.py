"""The order of an item's evidence when the mandated menu's section for it publishes nothing (issue 15,
«Weakest evidence first»; criterion P of docs/checklist-scope.md, extended by the lead's ruling M in
H201). One shared crawl of a small municipal site on 127.0.0.1, through the real CLI, offline.

Evidence is what a committee member opens to see the item: a section or entry of the menu that
publishes nothing (empty, leading home, to an empty page: ``Hit.content_problem``) proves nothing.
When the engine would name such a section first and another hit publishes the item, the publishing
hit comes first and the empty section right after it (it stays named: it is why the verdict says
what it lacks). ``ranking.publisher_first``, applied once in ``judge._publisher_first``.

Class 2010: the hub's «4.7 Informes de gestión, evaluación y auditoría» leads to a page «en
construcción»; the management report is published on a page outside the menu (``parcial``:
«publicado fuera del menú de transparencia»). Before H201 the empty entry led the evidence (it ranks
first by its numeral); now the report's page, then the empty entry.
Class 1200's form (``judge._named_entry``: the empty entry named for the item before a problem-free
hit found by less of its name, m-buga's «Informes de gestión, evaluación y auditoría» before a news
headline that mentions a management report) is left as it was: the publisher must be a page titled or
a link named for the item (tier 0), at least as fully as the empty section (``Hit.match``); a section of
another page that only describes the topic (m-buga's «5. Rendición de Cuentas» on /participa, its
«Conocer más» to a missing page) is not read as publishing it. A first version without that bound put
m-buga's headline, another topic's section («Planeación y presupuesto participativo» for section 4)
and g-hsap's files found by their address before the empty entries (six tuning evidences right →
wrong, labels that read those hits as not publishing the item); its test,
``tests/test_checklist_classes_h120.py::test_the_empty_menu_entry_leads_before_a_news_headline``,
passes unchanged with the bound (a guard).
Class 2010 fails without the rule (checked: with ``ranking.publisher_first`` made to return ``None``
it gives ``['/transparencia/informes', '/transparencia']``).

Guard (passes with and without the rule): class 2012, a hub entry whose page publishes («4.3 Plan de
acción» to the plan) stays first before a page outside the menu that publishes the same plan.
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource
from tests.helpers import checklist_records

OFFLINE = "[links]\ncheck_external = false\n"
ENTITY = "Alcaldía Municipal de Sabanalarga"

NAV = (
    "<nav><ul>"
    '<li><a href="/">Inicio</a></li>'
    '<li><a href="/transparencia">Transparencia y acceso a la información pública</a></li>'
    '<li><a href="/informe-de-gestion-2025">Informes de gestión, evaluación y auditoría</a></li>'
    '<li><a href="/plan-de-accion-2026">Plan de acción 2026</a></li>'
    "</ul></nav>"
)


def _html(title: str, main: str) -> Resource:
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title} | {ENTITY}</title></head>"
        f"<body><header><p>{ENTITY}</p>{NAV}</header><main><h1>{title}</h1>{main}</main>"
        "<footer>Carrera 5 # 4-20, Sabanalarga. Teléfono 605 555 0000.</footer></body></html>"
    )


PLAN = (
    "<p>Plan de acción de la vigencia 2026, adoptado por el Decreto 012 del 30 de enero de 2026.</p>"
    "<table><tr><th>Meta</th><th>Responsable</th></tr>"
    "<tr><td>Pavimentar 4 km de vías rurales</td><td>Secretaría de Infraestructura</td></tr>"
    "<tr><td>Atender 500 adultos mayores</td><td>Secretaría de Desarrollo Social</td></tr></table>"
)

ROUTES: dict[str, Resource] = {
    "/": _html("Inicio", "<p>Bienvenidos al sitio oficial de la administración municipal.</p>"),
    "/transparencia": _html(
        "Transparencia y acceso a la información pública",
        "<h2>4. Planeación, presupuesto e informes</h2><ul>"
        # class 2010, 2011: the numbered entry of the item, to a page with nothing on it
        '<li><a href="/transparencia/informes">4.7 Informes de gestión, evaluación y auditoría</a></li>'
        # class 2012: the numbered entry of the plan, to the plan
        '<li><a href="/transparencia/plan-de-accion">4.3 Plan de acción</a></li>'
        "</ul>",
    ),
    "/transparencia/informes": _html("Informes de gestión, evaluación y auditoría", "<p>Página en construcción</p>"),
    "/transparencia/plan-de-accion": _html("Plan de acción", PLAN),
    "/informe-de-gestion-2025": _html(
        "Informes de gestión, evaluación y auditoría",
        "<p>Informe de gestión de la vigencia 2025, presentado al Concejo Municipal el 28 de febrero de 2026.</p>"
        "<table><tr><th>Programa</th><th>Avance</th></tr>"
        "<tr><td>Vías rurales</td><td>82 %</td></tr><tr><td>Adulto mayor</td><td>95 %</td></tr></table>",
    ),
    "/plan-de-accion-2026": _html("Plan de acción 2026", PLAN),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The municipality's site, crawled once."""
    return checklist_records(tmp_path_factory.mktemp("h201"), ROUTES, OFFLINE)


def test_class_2010_a_page_that_publishes_leads_an_empty_menu_entry(site):
    rec = site[("ley1712-res1519", "ley1712.4.7")]
    assert rec["status"] == "parcial", rec
    assert rec["paths"][0] == "/informe-de-gestion-2025", rec
    # the empty entry stays named, right after the page that publishes (or the page that shows it)
    assert "/transparencia/informes" in rec["paths"][1:3], rec


def test_class_2012_a_menu_entry_that_publishes_stays_first(site):
    rec = site[("ley1712-res1519", "ley1712.4.3")]
    assert rec["status"] in ("cumple", "parcial"), rec
    assert rec["paths"][0] == "/transparencia/plan-de-accion", rec
