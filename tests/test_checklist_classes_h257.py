"""Evidence order against issue 15's «weakest evidence first» (H257): the site's own page before what it
links. One crawl of a small valorization fund's site on 127.0.0.1, through the real CLI, offline
(external links are not opened).

Class 2570: an entry of a page of the site that leads to a page on another site (the entity's other
domain: «Trámites y servicios» on the home page, to ``www.fondovaloriza.gov.co``), neither a file (class
2471) nor a national system the norm sends the item to (SECOP, the SUIT, GOV.CO, the social networks), is
evidenced first by the page that shows the entry, then by where it leads: the crawl never opened that
page, and the home page is where a person sees the entry (zzd-fonvalmed 5.1; ``ranking.offsite_page``).
``test_class_2570_an_entry_to_another_domain_follows_the_page_that_shows_it`` fails without
``offsite_page`` in ``judge._evidence`` (checked: evidence ``['https://www.fondovaloriza.gov.co/…', '/']``).
``test_class_2570_a_national_system_stays_first`` guards the other side: the SECOP link named for the
contracts is where the norm sends them, it stays the first evidence (fails with the rule reading every
other host as the entity's other domain, checked: ``['/', 'https://community.secop.gov.co/…']``).

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
OTHER = "https://www.fondovaloriza.gov.co/tramites-y-servicios/"
SECOP = "https://community.secop.gov.co/Public/Tendering/ContractNoticeManagement/Index?entidad=fvvc"
NAV = (
    "<nav><ul><li><a href='/'>Inicio</a></li><li><a href='/quienes-somos'>Quiénes somos</a></li>"
    f"<li><a href='{OTHER}'>Trámites y servicios</a></li><li><a href='/noticias'>Noticias</a></li>"
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
        " contribución de los predios que benefician.</p>"
        f"<p>Consulte los <a href='{SECOP}'>procesos de contratación</a> del fondo.</p>",
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


def test_class_2570_an_entry_to_another_domain_follows_the_page_that_shows_it(site):
    rec = site[("ley1712-res1519", "ley1712.5.1")]
    assert rec["status"] in ("cumple", "parcial"), rec
    assert rec["paths"][:2] == ["/", OTHER], rec


def test_class_2570_a_national_system_stays_first(site):
    # (sin_verificar: the SECOP page was not opened offline; the order is what is tested)
    rec = site[("ley1712-res1519", "ley1712.3.2")]
    assert rec["status"] != "no_cumple", rec
    assert rec["paths"][:2] == [SECOP, "/"], rec


def test_class_2571_an_entry_to_an_empty_page_follows_the_page_that_shows_it(site):
    rec = site[("gelt-2008", "info.calendario")]
    assert rec["status"] == "parcial", rec
    assert "no tiene nada publicado" in rec["detail"], rec
    assert rec["paths"][:2] == ["/", "/agenda"], rec
