"""A link with no name of its own named by its card's heading (issue 15, H253; the class behind
zzq-iemariaantoniaruiz's survey cards and its «PQRSF» section). One crawl on 127.0.0.1 through the
real CLI, offline, of a school's site whose «Participa» page draws Bootstrap cards: an icon link
(``<a><i class="fa …"></i></a>``, no text, no title, aria-label nor alt) to a Google Form, and under
it, in the card's body, its ``h4`` «Encuesta de Satisfacción»; a person reads the icon as that survey.

Class 2530: such a link is named by the heading right after it (or right before it) in its own box,
when that box holds no other link. ``test_class_2530_an_icon_card_is_named_by_its_heading`` fails
without ``linklabels._card_heading``'s use in ``link_label`` (checked: ``interaccion.encuestas``
``no_cumple`` «no se encontró en el sitio rastreado»; with it ``sin_verificar``, the survey host not
asked offline). ``test_class_2530_an_icon_card_on_the_site_is_evidence`` (an icon card to a page of
the site whose own words do not say «encuesta», under the heading «Sondeo de opinión ciudadana»,
heading before the icon) fails without it too (checked: ``no_cumple``; with it ``cumple`` with
``/participa.html``). The controls (a row of icons in one box; an image with its own alt; a heading in
another box past a link) are read without a crawl, by ``link_label`` itself.
"""

from __future__ import annotations

import lxml.html
import pytest

from gelt_audit.audits.checklist.linklabels import link_label
from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import crawl, report_json, write_config

OFFLINE = "[links]\ncheck_external = false\n"
ENTITY = "Institución Educativa San Rafael"
NAV = (
    "<nav><ul><li><a href='/'>Inicio</a></li><li><a href='/participa.html'>Comunidad</a></li>"
    "<li><a href='/sedes.html'>Sedes</a></li></ul></nav>"
)


def _page(title: str, main: str) -> Resource:
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title} | {ENTITY}</title></head>"
        f"<body><header><p>{ENTITY}</p>{NAV}</header><main>{main}</main>"
        "<footer><p>Carrera 8 # 12-40, Pitalito, Huila. Correo: contacto@iesanrafael.edu.co</p></footer>"
        "</body></html>"
    )


PARTICIPA = (
    "<h1>Comunidad</h1><h2>Comunidad educativa</h2>"
    "<p>La institución escucha a estudiantes, familias y docentes para mejorar cada año su servicio.</p>"
    "<div class='card-deck text-center mb-3'>"
    "<div class='card border-light'>"
    "<a href='https://forms.gle/QScV84qCm4wJoLPy5' target='_blank'>"
    "<i class='fa fa-check-circle fa-4x mt-3' aria-hidden='true'></i> </a>"
    "<div class='card-body'><h4 class='card-title'>Encuesta de Satisfacción</h4></div></div>"
    "</div>"
)
PARTICIPA_LOCAL = (
    "<h1>Comunidad</h1><h2>Comunidad educativa</h2>"
    "<p>La institución escucha a estudiantes, familias y docentes para mejorar cada año su servicio.</p>"
    "<div class='card-deck text-center mb-3'>"
    "<div class='card border-light'><a href='/formulario-3.html'><img src='/img/icono.png' alt=''></a>"
    "<h5 class='card-title'>Sondeo de opinión ciudadana</h5></div>"
    "</div>"
)
FORM3 = (
    "<h1>Formulario 3</h1><p>Diligencie las preguntas y envíelas con el botón del final de esta página; "
    "la coordinación revisa las respuestas cada mes y las publica en la cartelera.</p>"
)


def _routes(participa: str) -> dict[str, Resource]:
    return {
        "/": _page("Inicio", "<h1>Bienvenidos</h1><p>Colegio oficial de Pitalito con tres sedes y dos jornadas.</p>"),
        "/participa.html": _page("Comunidad", participa),
        "/formulario-3.html": _page("Formulario 3", FORM3),
        "/sedes.html": _page(
            "Sedes", "<h1>Sedes</h1><p>Sede central: Carrera 8 # 12-40. Sede rural: vereda El Tigre.</p>"
        ),
    }


def _records(tmp_path_factory, routes: dict[str, Resource], name: str) -> dict[tuple[str, str], dict]:
    """The site crawled once by the real CLI: the checklist records by (profile, item)."""
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
def school(tmp_path_factory):
    """The school whose survey card links a Google Form."""
    return _records(tmp_path_factory, _routes(PARTICIPA), "h253-school")


@pytest.fixture(scope="module")
def school_local(tmp_path_factory):
    """The school whose survey card (title first) links a page of the site."""
    return _records(tmp_path_factory, _routes(PARTICIPA_LOCAL), "h253-school-local")


def test_class_2530_an_icon_card_is_named_by_its_heading(school):
    rec = school[("gelt-2008", "interaccion.encuestas")]
    assert rec["status"] == "sin_verificar", rec
    assert any("forms.gle" in p or p == "/participa.html" for p in rec["paths"]), rec


def test_class_2530_an_icon_card_on_the_site_is_evidence(school_local):
    rec = school_local[("gelt-2008", "interaccion.encuestas")]
    assert rec["status"] == "cumple", rec
    assert "/participa.html" in rec["paths"] or "/formulario-3.html" in rec["paths"], rec


def _label(html: str) -> str:
    doc = lxml.html.fromstring(f"<main>{html}</main>")
    return link_label(next(doc.iter("a")))


def test_class_2530_controls_stay_unnamed():
    # a row of icons in one box names no single one
    row = "<div class='social'><a href='/f'><i class='fa fa-facebook'></i></a><a href='/t'><i></i></a><h4>Redes</h4></div>"
    assert _label(row) == ""
    # an image's own alt is its name
    assert _label("<div class='card'><a href='/x'><img src='a.png' alt='Mapa'></a><h4>Encuesta</h4></div>") == "Mapa"
    # a heading after other words is not the card's title read with the icon
    assert _label("<div class='card'><a href='/x'><i></i></a> Ver más <h4>Encuesta</h4></div>") == ""
    # a section's heading (h2) names a section, not the card
    assert _label("<div class='card'><a href='/x'><i></i></a><h2>Encuestas</h2></div>") == ""
    # the named case itself, read directly
    card = "<div class='card'><a href='/x'><i></i></a><div class='card-body'><h4>Encuesta Anónima</h4></div></div>"
    assert _label(card) == "Encuesta Anónima"
    # the card's title right before its icon names it too
    assert _label("<div class='card'><h5>Sondeo</h5><a href='/x'><img src='a.png'></a></div>") == "Sondeo"
