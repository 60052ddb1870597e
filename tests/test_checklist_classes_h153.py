"""Recall and evidence (issue 15, fourteenth session, helper H153): a component's own title element
titles its card (class 1530). Single-page applications built with component libraries write a card's
title in an element of their own (Angular Material's ``<mat-card-title>Misión</mat-card-title>``,
Ionic's ``<ion-card-title>``), which a browser lays out as a block and a person reads as the heading of
what follows it, like a ``div`` whose class names it a title. zi-santuario's «Nuestra Entidad» put its
«Misión» and «Visión» in such cards: neither was read, and its pages, all in the same layout (one
title, one side menu) and none with a heading the engine read, looked like the home page under other
addresses, so the contact form was shown on ``/``. One small site served on 127.0.0.1, crawled and
reported once by the real CLI."""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import crawl, report_json, write_config

OFFLINE = "[links]\ncheck_external = false\n"

# the layout every route is drawn in: the same title and the same side menu
LAYOUT = (
    "<!DOCTYPE html><html lang='es'><head><meta charset='utf-8'><title>Personería Municipal</title></head>"
    "<body><app-root><mat-toolbar class='mat-toolbar'><a href='/'>Personería Municipal</a></mat-toolbar>"
    "<mat-sidenav><mat-nav-list><a href='/'>Inicio</a> <a href='/entidad'>Nuestra Entidad</a>"
    " <a href='/contacto'>Contáctenos</a></mat-nav-list></mat-sidenav>"
    "<div class='page-content'>{}</div></app-root></body></html>"
)


def card(title: str, body: str) -> str:
    """An Angular Material card as the browser's DOM holds it."""
    return (
        f"<mat-card class='mat-card'><mat-card-content><mat-card-title class='mat-card-title'>{title}"
        f"</mat-card-title><mat-card-subtitle class='mat-card-subtitle'><p>{body}</p></mat-card-subtitle>"
        "</mat-card-content></mat-card>"
    )


ENTIDAD = LAYOUT.format(
    card(
        "Misión",
        "La Personería protege y promueve los derechos humanos, vigila la conducta oficial de quienes"
        " desempeñan funciones públicas y protege el interés público y el medio ambiente.",
    )
    + card(
        "Visión",
        "En 2027 la Personería será reconocida por la comunidad como una entidad cercana, comprometida"
        " con la protección de los derechos humanos y la lucha contra la corrupción.",
    )
)
CONTACTO = LAYOUT.format(
    "<mat-card class='mat-card'><mat-card-content><mat-card-title class='mat-card-title'>"
    "<span>Contáctenos</span></mat-card-title><mat-card-subtitle class='mat-card-subtitle'>Complete el"
    " formulario para enviar su solicitud a la Personería</mat-card-subtitle>"
    "<form action='https://formspree.io/f/abc' method='POST'><input name='nombre' placeholder='Nombre'>"
    "<input name='correo' type='email' placeholder='Correo electrónico'>"
    "<textarea name='mensaje' placeholder='Mensaje'></textarea><button type='submit'>Enviar</button>"
    "</form></mat-card-content></mat-card>"
)

ROUTES = {"/": Resource.html(ENTIDAD), "/entidad": Resource.html(ENTIDAD), "/contacto": Resource.html(CONTACTO)}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The shared site, crawled and reported once."""
    server = SiteServer(ROUTES).start()
    try:
        config = write_config(tmp_path_factory.mktemp("classes-h153"), server.url, OFFLINE)
        crawl(config)
        yield server.url.rstrip("/"), {(c["profile"], c["item"]): c for c in report_json(config)["checklist"]}
    finally:
        server.stop()


def test_class_1530_a_card_title_element_titles_the_mission_and_the_vision(site):
    origin, items = site
    rec = items[("gelt-2008", "info.mision_vision")]
    assert rec["status"] == "cumple", rec
    assert rec["evidence"][0] in (f"{origin}/", f"{origin}/entidad"), rec
    rec = items[("ley1712-res1519", "ley1712.1.1")]
    assert rec["status"] == "parcial", rec  # mission and vision, outside a transparency menu


def test_class_1530_a_page_titled_by_its_card_is_not_the_home_page_under_another_address(site):
    # the contact page has the home page's title and side menu; its card's title tells it apart, so the
    # form is shown where it is, not on the home page
    origin, items = site
    rec = items[("gelt-2008", "interaccion.pqrsd")]
    assert rec["status"] == "cumple", rec
    assert rec["evidence"][0] == f"{origin}/contacto", rec
