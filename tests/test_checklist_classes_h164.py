"""A search box with no form around it (issue 15, H164): the committee's criterion, docs/checklist-states.md
«Un cuadro de búsqueda sin formulario». Five small sites, each crawled once by the real CLI in one
module-scoped fixture (one verdict per site and item: the same header cannot be scripted and not).

Class 1640: one text field «Buscar en el sitio» and a «Buscar» button in the header, no ``<form>``
around them, on a site whose pages run a script: the search would be the script's, which the crawl
does not run, so ``interaccion.buscador`` (and ``ley1712.criterios_generales``, whose other parts the
crawl saw) is ``sin_verificar``, the page as evidence and a detail naming the box. Before the criterion
a lone field was nothing to the engine (``forms.formless_forms`` asks for two or more): «no se
encontró».

The same box where the item is «parcial» whatever the box does (no date anywhere, for
``ley1712.criterios_generales``): «parcial», its «buscador interno» part said unverified, naming the
box, and not «falta» nor met. ``test_an_item_partial_whatever_the_box_does_says_its_search_part_unverified``
fails without that line of ``judge._judge_evidence`` (checked: the detail was only «falta: fechas
visibles», the part silently met).

Class 1641: the same box on a site with no script: nothing sends the search, so the item is
``no_cumple``, with no evidence and a detail naming the box and its page (as a dead entry's).

Class 1642: the same box on a scripted site that also has a search ``<form>`` on another page: the
form decides, ``cumple`` with that page as evidence. It passes without the fix too (a form decided
before); checked failing when the box is taken as seen evidence rather than through ``Hit.scripted``
(evidence ``/`` first).

Class 1643: a lone text field with no search wording («Escriba su nombre», «Enviar») on a scripted
site changes nothing: ``no_cumple``, «no se encontró». It passes without the fix too (it guards the
criterion's bound: checked failing with the two search tests of ``forms.lone_search_boxes``, its words
and ``form_info``'s reading, taken out: ``sin_verificar``).

``test_a_lone_search_box_on_a_scripted_site_is_unverified`` and
``test_a_lone_search_box_with_no_script_searches_nothing`` fail without the fix (checked, engine files
of the base: ``no_cumple``, «no se encontró en el sitio rastreado»).
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource
from tests.helpers import checklist_records

SCRIPT = '<script src="/app.js"></script>'
SEARCH_BOX = '<div class="buscador"><input type="text" placeholder="Buscar en el sitio"><button>Buscar</button></div>'
NAME_BOX = '<div class="saludo"><input type="text" placeholder="Escriba su nombre"><button>Enviar</button></div>'
NAV = ("/", "/normatividad", "/noticias")


def _page(title: str, body: str, header: str, script: bool) -> Resource:
    """A page of the template: the header holds ``header`` (a box), the head a script or none."""
    links = "".join(f'<li><a href="{href}">{href.strip("/") or "Inicio"}</a></li>' for href in NAV)
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title}</title>"
        f"{SCRIPT if script else ''}</head><body><header><h1>Alcaldía de Prueba</h1>{header}</header>"
        f"<nav><ul>{links}</ul></nav><main><h2>{title}</h2>{body}</main>"
        "<footer>Calle 1 # 2-3. Teléfono 601 555 0000</footer></body></html>"
    )


def _routes(header: str, script: bool, extra: dict[str, Resource] | None = None) -> dict[str, Resource]:
    """A small municipal site: a home page, a page of decrees (a PDF) and dated news."""
    routes = {
        "/": _page(
            "Alcaldía de Prueba",
            "<p>Bienvenidos al sitio web oficial de la Alcaldía Municipal de Prueba, en el departamento.</p>",
            header,
            script,
        ),
        "/normatividad": _page(
            "Normatividad",
            '<p>Decretos del municipio.</p><ul><li><a href="/docs/decreto-010-2026.pdf">Decreto 010 de 2026'
            "</a></li></ul>",
            header,
            script,
        ),
        "/noticias": _page(
            "Noticias",
            "<article><h3>Jornada de vacunación en la plaza</h3><p>Publicado el 15 de octubre de 2026.</p>"
            "<p>La Secretaría de Salud invita a la comunidad a la jornada.</p></article>",
            header,
            script,
        ),
        "/docs/decreto-010-2026.pdf": Resource(body=b"%PDF-1.4 decreto", headers={"Content-Type": "application/pdf"}),
        "/app.js": Resource(body=b"document.title;", headers={"Content-Type": "application/javascript"}),
    }
    return {**routes, **(extra or {})}


UNDATED = "<article><h3>Jornada de vacunación en la plaza</h3><p>La Secretaría de Salud invita a todos.</p></article>"
SEARCH_PAGE = {
    "/buscar": _page(
        "Buscar en el sitio",
        '<form action="/resultados" method="get"><input type="search" name="q" aria-label="Texto a buscar">'
        "<button>Buscar</button></form>",
        SEARCH_BOX,
        True,
    )
}


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """Each site's checklist records by (profile, item): scripted, without scripts, with a search form
    on another page (linked from the home page), and with a lone field that asks for no search."""
    home_to_search = _routes(SEARCH_BOX, True, SEARCH_PAGE)
    home_to_search["/"] = _page(
        "Alcaldía de Prueba",
        '<p>Bienvenidos al sitio web oficial de la Alcaldía.</p><p><a href="/buscar">Buscar en el sitio</a></p>',
        SEARCH_BOX,
        True,
    )
    builds = {
        "scripted": _routes(SEARCH_BOX, True),
        "plain": _routes(SEARCH_BOX, False),
        "form_elsewhere": home_to_search,
        "no_wording": _routes(NAME_BOX, True),
        "undated": {**_routes(SEARCH_BOX, True), "/noticias": _page("Noticias", UNDATED, SEARCH_BOX, True)},
    }
    return {name: checklist_records(tmp_path_factory.mktemp(f"h164-{name}"), routes) for name, routes in builds.items()}


def test_a_lone_search_box_on_a_scripted_site_is_unverified(sites):
    rec = sites["scripted"][("gelt-2008", "interaccion.buscador")]
    assert rec["status"] == "sin_verificar", rec
    assert rec["paths"][:1] == ["/"], rec
    assert "«Buscar en el sitio»" in rec["detail"] and "navegador" in rec["detail"], rec
    # the item's other parts were seen: it is still not «cumple» by the box
    rec = sites["scripted"][("ley1712-res1519", "ley1712.criterios_generales")]
    assert rec["status"] == "sin_verificar", rec
    assert rec["paths"][:1] == ["/"], rec
    assert "«Buscar en el sitio»" in rec["detail"], rec


def test_an_item_partial_whatever_the_box_does_says_its_search_part_unverified(sites):
    # no date anywhere: «parcial» whether the box searches or not; its part is named unverified, not met
    rec = sites["undated"][("ley1712-res1519", "ley1712.criterios_generales")]
    assert rec["status"] == "parcial", rec
    assert "falta: fechas visibles" in rec["detail"], rec
    assert "buscador interno: cuadro de búsqueda «Buscar en el sitio»" in rec["detail"], rec
    assert "navegador" in rec["detail"], rec


def test_a_lone_search_box_with_no_script_searches_nothing(sites):
    rec = sites["plain"][("gelt-2008", "interaccion.buscador")]
    assert rec["status"] == "no_cumple", rec
    assert rec["evidence"] == [], rec
    assert "«Buscar en el sitio»" in rec["detail"] and "ningún formulario" in rec["detail"], rec
    assert "no se encontró" not in rec["detail"], rec
    assert any(url.endswith("/") and url.startswith("http://127.0.0.1") for url in rec["detail"].split()), rec


def test_a_search_form_on_another_page_decides(sites):
    rec = sites["form_elsewhere"][("gelt-2008", "interaccion.buscador")]
    assert rec["status"] == "cumple", rec
    assert rec["paths"][:1] == ["/buscar"], rec


def test_a_lone_field_with_no_search_wording_is_nothing(sites):
    rec = sites["no_wording"][("gelt-2008", "interaccion.buscador")]
    assert rec["status"] == "no_cumple", rec
    assert "no se encontró" in rec["detail"], rec
