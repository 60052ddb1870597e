"""Reading rule for a recall miss that recurs across origins (issue 15, H136: thirteenth session). Three
small crawls: the item shows one page as its evidence, so each shape is a site of its own.

Class 1360: a page or a section titled only «Planeación» (Res. 3564's category 6, Res. 1519's section
4) is where an entity publishes its plans: gelt-2008 ``info.plan_desarrollo`` («Planes y programas»)
is ``parcial`` for it (the category does not say which document is the plan), as ley1712-res1519
``ley1712.4.3`` already reads it (class 1032). The two shapes of the tuning corpus: a page titled
«PLANEACIÓN» listing the entity's policies and plans (idcbis) and a card «6. Planeación» with one
untitled document on a transparency hub (h-anserma). A page titled «Planeación y presupuesto
participativo» is about participation, not the plans: the rule takes the title alone (``slack = 0``);
``test_planeacion_with_more_words_is_another_thing`` fails with the default slack (checked: ``parcial``).
``test_a_card_named_planeacion_on_a_hub_is_where_the_plans_are`` and
``test_a_page_named_planeacion_is_where_the_plans_are`` fail without the rule (checked: ``no_cumple``,
«no se encontró en el sitio rastreado»).

Class 1361: a section heading followed by a grid of items whose titles are headings of its level or
higher (each card its own ``h2``) heads that grid; so does a title box («section-title») alone in its
band for the band after it. gelt-2008 ``info.noticias`` finds the news there. The two shapes of the
tuning corpus: «Actualidad Bogotá» (``h2``) over cards titled ``h2`` (zb-bogota) and «NOTICIAS» (``h3``)
in a title band over a band of posts titled ``h2`` (contraloriands).
``test_news_cards_titled_like_their_heading_are_its_section`` and
``test_a_title_band_heads_the_grid_of_posts_after_it`` fail without the change (checked:
``no_cumple``). A banner that merely holds a heading («Visita nuestra guía de trámites y servicios»)
does not head the grid after it: ``test_a_banner_heading_does_not_head_the_next_band`` fails without
the title-box condition (checked: ``parcial``); nor does a heading head a band that has its own title:
``test_a_band_with_its_own_title_is_the_next_section`` fails without that condition (checked: ``cumple``).
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import crawl, page, report_json, write_config

OFFLINE = "[links]\ncheck_external = false\n"

PARTIAL = "solo la categoría «Planeación», sin un plan de desarrollo o de acción con su nombre"


def _card(title: str, href: str) -> str:
    return f'<div class="card"><h3>{title}</h3><p><a href="{href}">Ver documento</a></p></div>'


# h-anserma's shape: a transparency hub of numbered cards, each one untitled document
HUB = (
    "<p>Información pública de la entidad.</p>"
    + _card("5. Presupuesto", "/docs/a1.pdf")
    + _card("6. Planeación", "/docs/a2.pdf")
    + _card("7. Control", "/docs/a3.pdf")
    + _card("8. Contratación", "/docs/a4.pdf")
)

# idcbis's shape: a page titled «Planeación» listing the entity's policies and institutional plans
PLANNING = (
    "<h3>Políticas, lineamientos y manuales</h3><ul>"
    '<li><a href="/docs/p1.pdf">Política de la seguridad y la salud en el trabajo</a></li>'
    '<li><a href="/docs/p2.pdf">Política ambiental</a></li>'
    '<li><a href="/docs/p3.pdf">Plan de rendición de cuentas</a></li></ul>'
)

PDF = Resource(body=b"%PDF-1.4\n%%EOF\n", headers={"Content-Type": "application/pdf"})

DOCS = {f"/docs/{name}.pdf": PDF for name in ("a1", "a2", "a3", "a4", "p1", "p2", "p3")}

NEWS = (
    ("Entregamos la nueva sede del puesto de salud", "28 de noviembre de 2026"),
    ("Abierta la convocatoria de escuelas deportivas", "25 de noviembre de 2026"),
    ("Jornada de vacunación en la plaza principal", "20 de noviembre de 2026"),
)
BLURB = "<p>La entidad informa a la comunidad sobre esta actividad y sus resultados.</p>"

# contraloriands's shape: «NOTICIAS» in a title band, the posts (each titled h2) in the band after it
TITLE_BAND = (
    '<section class="slice"><div class="section-title"><h3>NOTICIAS</h3><div class="indicator-down"></div>'
    '</div></section><section class="slice"><div class="row">'
    + "".join(
        f'<div class="col"><figure><h2>{t}</h2>{BLURB}<small>Publicado el {d}</small></figure></div>' for t, d in NEWS
    )
    + "</div></section>"
)

# zb-bogota's shape: «Noticias» (h2) over a grid of cards, each titled h2
CARD_GRID = (
    '<section class="actualidad"><h2>Noticias</h2><div class="grid">'
    + "".join(f'<div class="card"><div class="text"><h2>{t}</h2>{BLURB}<span>{d}</span></div></div>' for t, d in NEWS)
    + "</div></section>"
)

# a banner holding a heading (no title box) over a band of news cards: not the cards' title
BANNER = (
    '<section class="busqueda"><div class="guia"><h2>Visita nuestra guía de trámites y servicios</h2></div></section>'
    '<section class="noticias"><div class="grid">'
    + "".join(f'<div class="card"><h2>{t}</h2>{BLURB}<span>{d}</span></div>' for t, d in NEWS)
    + "</div></section>"
)

# a heading over a band that has a title of its own («Eventos», the band's child) and its cards: the band
# is the next section, not the heading's
OWN_TITLE = (
    '<section><h2>Normatividad</h2><div class="band"><h2>Eventos</h2>'
    + "".join(f'<div class="card"><h2>{t}</h2>{BLURB}<span>{d}</span></div>' for t, d in NEWS)
    + "</div></section>"
)

# the hub's shape, and the title band on the home page
ROUTES: dict[str, Resource] = {
    "/": page(
        "Inicio",
        '<p>Bienvenidos al Instituto de Prueba.</p><p><a href="/transparencia">Transparencia</a></p>' + TITLE_BAND,
    ),
    "/transparencia": page("Transparencia", HUB),
    **DOCS,
}

# a page named for participation, not for the plans: not evidence
PARTICIPATION_ROUTES: dict[str, Resource] = {
    "/": page(
        "Inicio",
        '<p>Bienvenidos al Instituto de Prueba.</p><p><a href="/participacion">Participación</a></p>'
        + BANNER
        + OWN_TITLE,
    ),
    "/participacion": page(
        "Planeación y presupuesto participativo",
        "<p>La comunidad prioriza con la entidad las obras de su barrio en asambleas abiertas.</p>",
    ),
}

# the page's shape, and the grid of cards on the home page
PAGE_ROUTES: dict[str, Resource] = {
    "/": page(
        "Inicio",
        '<p>Bienvenidos al Instituto de Prueba.</p><p><a href="/transparencia/planeacion">Planeación</a></p>'
        + CARD_GRID,
    ),
    "/transparencia/planeacion": page("Planeación", PLANNING),
    **DOCS,
}


def _records(tmp_path_factory, routes: dict[str, Resource], name: str) -> dict:
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
def site(tmp_path_factory):
    """The hub, crawled once."""
    return _records(tmp_path_factory, ROUTES, "h136")


@pytest.fixture(scope="module")
def planning(tmp_path_factory):
    """The page titled «Planeación», crawled once."""
    return _records(tmp_path_factory, PAGE_ROUTES, "h136-page")


@pytest.fixture(scope="module")
def participation(tmp_path_factory):
    """The participation page, the banner over news cards and the band with its own title, crawled once."""
    return _records(tmp_path_factory, PARTICIPATION_ROUTES, "h136-participation")


def test_a_card_named_planeacion_on_a_hub_is_where_the_plans_are(site):
    rec = site[("gelt-2008", "info.plan_desarrollo")]
    assert rec["status"] == "parcial", rec
    assert PARTIAL in rec["detail"], rec
    assert rec["paths"][0] == "/transparencia", rec


def test_a_page_named_planeacion_is_where_the_plans_are(planning):
    rec = planning[("gelt-2008", "info.plan_desarrollo")]
    assert rec["status"] == "parcial", rec
    assert PARTIAL in rec["detail"], rec
    assert rec["paths"][0] == "/transparencia/planeacion", rec


def test_planeacion_with_more_words_is_another_thing(participation):
    # «Planeación y presupuesto participativo» is about participation: not where the plans are
    rec = participation[("gelt-2008", "info.plan_desarrollo")]
    assert rec["status"] == "no_cumple", rec
    assert rec["evidence"] == [], rec


def test_news_cards_titled_like_their_heading_are_its_section(planning):
    rec = planning[("gelt-2008", "info.noticias")]
    assert rec["status"] == "cumple", rec
    assert rec["paths"][0] == "/", rec


def test_a_title_band_heads_the_grid_of_posts_after_it(site):
    rec = site[("gelt-2008", "info.noticias")]
    assert rec["status"] == "cumple", rec
    assert rec["paths"][0] == "/", rec


def test_a_banner_heading_does_not_head_the_next_band(participation):
    # «Visita nuestra guía de trámites y servicios» is a banner, not the title of the news below it
    for key in (("gelt-2008", "info.tramites_servicios"), ("ley1712-res1519", "ley1712.5")):
        assert participation[key]["status"] == "no_cumple", participation[key]


def test_a_band_with_its_own_title_is_the_next_section(participation):
    # «Normatividad» over a band titled «Eventos» (with its cards): the events are not the norms
    for key in (("gelt-2008", "info.normatividad"), ("ley1712-res1519", "ley1712.2")):
        assert participation[key]["status"] == "no_cumple", participation[key]
