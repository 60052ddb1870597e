"""What a page a script fills shows to a crawler that runs no script, and what the engine may say about
it (issue 15, H240; the classes behind zzf-toxicologiains' first contact, docs/checklist-accuracy.md,
«H233»). One shared crawl of a small site on 127.0.0.1, through the real CLI, offline.

Class 2400: a page whose list a script of its own draws shows, without the script, the list's header,
an empty element the script writes into and the script's empty-state notice («Sin resultados», «No se
encontraron publicaciones.»). The crawl saw the notice, not the list: the page is unseen
(``Page.loading``), as a page that says «Cargando…»: ``sin_verificar`` with the page as evidence and
the notice quoted, never «no tiene nada publicado» nor ``parcial``. A section whose only link opens
such a page is unseen likewise (``guards._leads_only_to_unseen``), never ``cumple``.
``test_class_2400_an_empty_list_notice_a_script_replaces_is_unseen`` fails without the branch of
``emptiness.page_state`` that reads ``fills`` (checked: ``info.noticias`` ``parcial`` «…dice «No se
encontraron publicaciones.»: no tiene nada publicado»).
``test_class_2400_a_section_that_opens_only_an_unseen_page_is_unseen`` fails without
``guards._leads_only_to_unseen`` (checked: ``info.boletines_publicaciones`` ``cumple``).
``test_class_2400_an_empty_list_notice_with_no_script_to_fill_it_is_shown`` guards the other side: no
script, or only a script from a file (whose code the crawl does not read), and the notice is what the
page shows: empty, ``parcial``.

Class 2401 (a shortcut card that is one link is that link) was written, seen to fail without its
rule and reverted: it dropped the tuning floor of m-buga (gelt evidence 26/27 -> 25/27;
docs/checklist-accuracy.md, «H240»). Its card stays on this site's home page: ``info.normatividad``
is not asserted here.
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource
from tests.helpers import checklist_records

OFFLINE = "[links]\ncheck_external = false\n"
ENTITY = "Instituto Departamental de Salud de Prueba"
NAV = (
    "<nav><ul><li><a href='/'>Inicio</a></li><li><a href='/normatividad'>Normatividad</a></li>"
    "<li><a href='/noticias'>Noticias</a></li><li><a href='/empleo'>Ofertas de empleo</a></li>"
    "<li><a href='/calendario'>Calendario de actividades</a></li></ul></nav>"
)
FOOTER = "<footer><p>Calle 10 # 5-20, Popayán. Teléfono 602 555 0000.</p></footer>"
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


def _list_page(title: str, notice: str) -> str:
    return (
        f"<h1>{title}</h1><div class='list-header'><div>Nombre</div><div>Año</div></div><div id='rows'></div>"
        f"<div class='empty-state' id='empty-state'><div class='empty-title'>Sin resultados</div><p>{notice}</p></div>"
    )


ROUTES: dict[str, Resource] = {
    "/": _html(
        "Inicio",
        "<h1>Bienvenidos</h1><p>Sitio del instituto departamental de salud, con sus servicios, su normatividad y"
        " sus publicaciones para la ciudadanía.</p>"
        # class 2401: a shortcut card that is one link to a page a script fills
        "<div class='cards'><a href='/normatividad' class='access-card'><div class='access-card-title'>Normatividad"
        "</div><p class='access-card-desc'>Decretos, resoluciones, circulares y lineamientos técnicos nacionales e"
        " internacionales en materia de salud pública.</p><span>Ver normatividad</span></a></div>"
        # class 2400: a section whose one link opens a page a script fills, over a box the script fills
        "<section><div class='section-header'><h2>Publicaciones y alertas recientes</h2>"
        "<a href='/noticias' class='btn'>Ver todas las noticias</a></div><div id='home-grid'></div></section>",
        "<script>document.getElementById('home-grid').innerHTML = '<p>Alerta 1</p>';</script>",
    ),
    "/normatividad": _html(
        "Normatividad", _list_page("Normatividad", "No se encontraron documentos con los filtros aplicados."), FILL
    ),
    "/noticias": _html("Noticias", _list_page("Noticias", "No se encontraron publicaciones."), FILL),
    # the other side: no script at all; a script from a file (its code unread)
    "/empleo": _html("Ofertas de empleo", _list_page("Ofertas de empleo", "No se encontraron resultados.")),
    "/calendario": _html(
        "Calendario de actividades",
        _list_page("Calendario de actividades", "No se encontraron registros."),
        "<script src='/js/app.js'></script>",
    ),
    "/js/app.js": Resource(b"console.log('app');", headers={"Content-Type": "application/javascript"}),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The institute's site (lists a script draws)."""
    return checklist_records(tmp_path_factory.mktemp("h240"), ROUTES, OFFLINE)


def test_class_2400_an_empty_list_notice_a_script_replaces_is_unseen(site):
    rec = site[("gelt-2008", "info.noticias")]
    assert rec["status"] == "sin_verificar", rec
    assert rec["paths"][0] == "/noticias", rec
    assert "«Sin resultados»" in rec["detail"], rec
    assert "aviso de una lista vacía" in rec["detail"], rec
    assert "nada publicado" not in rec["detail"], rec


def test_class_2400_a_section_that_opens_only_an_unseen_page_is_unseen(site):
    rec = site[("gelt-2008", "info.boletines_publicaciones")]
    assert rec["status"] == "sin_verificar", rec
    assert "«Publicaciones y alertas recientes»" in rec["detail"], rec
    assert "/noticias: muestra «Sin resultados»" in rec["detail"], rec


def test_class_2400_an_empty_list_notice_with_no_script_to_fill_it_is_shown(site):
    for item, notice in (
        ("info.empleo", "No se encontraron resultados."),
        ("info.calendario", "No se encontraron registros."),
    ):
        rec = site[("gelt-2008", item)]
        assert rec["status"] == "parcial", rec
        assert f"«{notice}»" in rec["detail"], rec
        assert "sin verificar" not in rec["detail"], rec
