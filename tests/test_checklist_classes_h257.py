"""Evidence order against issue 15's «weakest evidence first» (H257): the site's own page before what it
links. One crawl of a small valorization fund's site on 127.0.0.1, through the real CLI, offline
(external links are not opened).

Class 2570 (an entry to another site's page shown first by the page that shows it) was measured and
not applied (tuning fell); its tests stand in the commits that measured it.

Class 2571: an entry of the site's header, footer or menu bar to a page of the site seen to publish
nothing (the menu bar's «Agenda», to a page that says «No hay eventos disponibles en este momento.») is
evidenced first by the page that shows the entry, then by the empty page, as class 1131 does for an
entry to a page that does not exist: the entry is where the site names the item (k-guachucal's «🎉
Eventos», to an empty gallery; ``ranking.empty_entry``).
``test_class_2571_an_entry_to_an_empty_page_follows_the_page_that_shows_it`` fails without
``empty_entry`` in ``judge._evidence`` (checked: evidence ``['/agenda', '/']``).
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource
from tests.helpers import checklist_records

OFFLINE = "[links]\ncheck_external = false\n"
ENTITY = "Fondo de Valorización de Villa Clara"
NAV = (
    "<nav><ul><li><a href='/'>Inicio</a></li><li><a href='/quienes-somos'>Quiénes somos</a></li>"
    "<li><a href='/noticias'>Noticias</a></li>"
    "<li><a href='/agenda'>Agenda</a></li></ul></nav>"
)


def _html(title: str, main: str) -> Resource:
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title} | {ENTITY}</title></head>"
        f"<body><header><p>{ENTITY}</p>{NAV}</header><main>{main}</main>"
        "<footer>Calle 10 # 4-25, Villa Clara. Teléfono 604 555 0199. Correo contacto@fvvc.example</footer>"
        "</body></html>"
    )


ROUTES: dict[str, Resource] = {
    "/": _html(
        "Inicio",
        "<h1>Bienvenidos</h1><p>El fondo financia las obras de valorización del municipio y recauda la"
        " contribución de los predios que benefician.</p>",
    ),
    "/quienes-somos": _html(
        "Quiénes somos",
        "<h1>Quiénes somos</h1><p>Establecimiento público del orden municipal creado por el Acuerdo 033 de"
        " 2009 para ejecutar las obras por el sistema de valorización.</p>",
    ),
    "/noticias": _html(
        "Noticias",
        "<h1>Noticias</h1><p>Avanza la obra de la avenida del río: el 60 % del tramo dos está terminado.</p>",
    ),
    # class 2571: the menu bar's «Agenda» opens a page with nothing on it
    "/agenda": _html("Eventos", "<h1>Eventos</h1><p>No hay eventos disponibles en este momento.</p>"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return checklist_records(tmp_path_factory.mktemp("h257"), ROUTES, OFFLINE)


def test_class_2571_an_entry_to_an_empty_page_follows_the_page_that_shows_it(site):
    rec = site[("gelt-2008", "info.calendario")]
    assert rec["status"] == "parcial", rec
    assert "no tiene nada publicado" in rec["detail"], rec
    assert rec["paths"][:2] == ["/", "/agenda"], rec
