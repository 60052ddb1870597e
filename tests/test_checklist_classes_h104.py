"""Contact data and directories of entities a person reads where the site puts them (issue 15, H104;
causes B and D of the eighth session, docs/checklist-accuracy.md «H104 (décima sesión)»). Two small
sites, each crawled once by the real CLI.

Class 1040: an entity with one office gives its address, phone and opening hours under «Mecanismos de
contacto» (Res. 3564's first section, still the name of many hubs), «Atención al cliente» or
«Contáctenos»: the three things a person looks up to go there, the directory of its one seat
(``ley1712.1.4``). The corpus's h-anserma (a card of its transparency hub) labels it ``cumple``; the
engine said ``no_cumple``. An address and a phone without hours stay a contact page (class 171).

Class 1041: a list of five or more public entities' sites, each linked by its name, is a directory of
entities whatever its heading («Link de Interés» in the footer: hsvp; «Plan Anticorrupción»:
curaduria2). Not so when the list is titled for the oversight bodies (another item: m-buga's «Entes y
Autoridades que nos Vigilan»), nor for logos with no name.

Class 1042: a page with no ``h1`` is named by its breadcrumb's last step: g-imder's «Atención» page
(«Inicio › Atención al cliente», then the address, phone and hours) is its attention page.
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import crawl, report_json, write_config

OFFLINE = "[links]\ncheck_external = false\n"

ENTITIES = (
    ("https://www.minsalud.gov.co/", "Ministerio de Salud"),
    ("https://www.supersalud.gov.co/", "Superintendencia de Salud"),
    ("https://www.adres.gov.co/", "ADRES"),
    ("https://www.antioquia.gov.co/", "Gobernación de Antioquia"),
    ("https://www.remedios-antioquia.gov.co/", "Alcaldía de Remedios"),
)


def _list(named: bool = True) -> str:
    """The five entities as a list of links: by their names, or as logos with no name."""
    shown = [n if named else f"<img src='/logo{i}.png' alt=''>" for i, (_u, n) in enumerate(ENTITIES)]
    return (
        "<ul>"
        + "".join(f'<li><a href="{u}">{s}</a></li>' for (u, _n), s in zip(ENTITIES, shown, strict=True))
        + "</ul>"
    )


def _html(title: str, main: str, nav: str, footer: str = "<p>E.S.E. Hospital de Prueba</p>", top: str = "") -> Resource:
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body><header>{top}<nav>{nav}</nav></header><main>{main}</main><footer>{footer}</footer></body></html>"
    )


NAV_A = '<ul><li><a href="/">Inicio</a></li><li><a href="/transparencia">Transparencia</a></li></ul>'


def _card(title: str, body: str, shown: str = " show") -> str:
    """One accordion card of the hub, as Bootstrap draws it."""
    return (
        f"<div class='card'><div class='card-header'><button type='button' class='btn btn-link'>{title}</button>"
        f"</div><div class='collapse{shown}'><div class='card-body'>{body}</div></div></div>"
    )


HUB = _card(
    "1. Mecanismos de contacto con el sujeto obligado",
    "Dirección: Cra 3 # 7-40, centro <br>Teléfono: +57 3158231406 <br>"
    "Correo electrónico: contacto@hospital-prueba.gov.co <br>"
    "Horario de Atención: Lunes a Viernes: 7:00 a.m - 4:30 p.m. <br>",
) + _card("4. Normatividad", "<a href='/files/normas.pdf'>Ver documento</a>", "")
FOOTER_LINKS = "<h4>Link de Interes</h4>" + _list()

# site A: the hub's contact card; the footer's list of entities on every page
SITE_A: dict[str, Resource] = {
    "/": _html(
        "E.S.E. Hospital de Prueba",
        "<h1>Bienvenidos</h1><p>Prestamos servicios de salud de primer nivel a los habitantes del municipio,"
        " con urgencias las veinticuatro horas y consulta externa de lunes a sábado en la sede del centro.</p>",
        NAV_A,
        FOOTER_LINKS,
    ),
    "/transparencia": _html("Ley de Transparencia", "<h1>Ley de Transparencia</h1>" + HUB, NAV_A, FOOTER_LINKS),
    "/files/normas.pdf": Resource(body=b"%PDF-1.4 normas", headers={"Content-Type": "application/pdf"}),
}

NAV_B = (
    '<ul><li><a href="/">Inicio</a></li><li><a href="/atencion">Atención</a></li>'
    '<li><a href="/entes">Entes de control</a></li></ul>'
)
ATTENTION = (
    "<nav aria-label='breadcrumb'><ol class='breadcrumb'><li><a href='/'>Inicio</a></li>"
    "<li aria-current='page'>Atención al cliente</li></ol></nav>"
    "<h4>Estamos en la Calle 4 # 8-32</h4><h6>Llámanos al teléfono 267 2435</h6>"
    "<h6>Atendemos de Lunes a Viernes de 8:00 am a 12:00 pm y de 2:00 pm a 5:00 pm</h6>"
)
# the same with an h1 that names something else: the breadcrumb does not rename it
NEWS = (
    "<nav aria-label='breadcrumb'><ol class='breadcrumb'><li><a href='/'>Inicio</a></li>"
    "<li aria-current='page'>Atención al cliente</li></ol></nav><h1>Jornada de vacunación</h1>"
    "<p>El sábado de 8:00 am a 12:00 pm vacunamos en la Calle 4 # 8-32; informes al teléfono 267 2435.</p>"
)
# site B: a page with no h1 named by its breadcrumb; a news page with an h1 and the same breadcrumb;
# the oversight bodies' page with five named entities; a strip of five logos with no name in the header
SITE_B: dict[str, Resource] = {
    "/": _html(
        "IMDER Prueba",
        "<h1>Bienvenidos</h1><p>Instituto municipal del deporte y la recreación.</p>"
        "<p><a href='/jornada'>Jornada de vacunación</a></p>",
        NAV_B,
        top=_list(named=False),
    ),
    "/atencion": _html("IMDER Prueba", ATTENTION, NAV_B, top=_list(named=False)),
    "/jornada": _html("IMDER Prueba", NEWS, NAV_B, top=_list(named=False)),
    "/entes": _html(
        "Entes y autoridades que nos vigilan", "<h1>Entes y autoridades que nos vigilan</h1>" + _list(), NAV_B
    ),
}


def _records(tmp_path_factory, routes: dict[str, Resource], name: str):
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
def site_a(tmp_path_factory):
    """A hospital's site: the hub's contact card, the footer's list of entities."""
    return _records(tmp_path_factory, SITE_A, "h104-a")


@pytest.fixture(scope="module")
def site_b(tmp_path_factory):
    """A sports institute's site: breadcrumb-named attention page, contact page, oversight bodies."""
    return _records(tmp_path_factory, SITE_B, "h104-b")


def test_class_1040_the_hub_contact_section_with_address_phone_and_hours_is_the_seats_directory(site_a):
    rec = site_a[("ley1712-res1519", "ley1712.1.4")]
    assert rec["status"] == "cumple", rec
    assert rec["paths"][0] == "/transparencia", rec


def test_class_1041_a_named_list_of_public_entities_is_a_directory_under_any_heading(site_a):
    rec = site_a[("gelt-2008", "info.directorio_entidades")]
    assert rec["status"] == "cumple", rec
    assert rec["paths"][0] == "/", rec
    assert "enlaces a sitios de entidades públicas en el pie de página" in rec["detail"], rec
    rec = site_a[("ley1712-res1519", "ley1712.1.6")]
    assert rec["status"] == "parcial", rec
    assert "bajo otro título" in rec["detail"], rec


def test_class_1041_the_oversight_bodies_and_nameless_logos_are_no_directory_of_entities(site_b):
    for key in (("gelt-2008", "info.directorio_entidades"), ("ley1712-res1519", "ley1712.1.6")):
        assert site_b[key]["status"] == "no_cumple", site_b[key]


def test_class_1042_a_page_without_h1_is_named_by_its_breadcrumb(site_b):
    rec = site_b[("gelt-2008", "info.horario")]
    assert rec["status"] == "cumple", rec
    assert rec["paths"][0] == "/atencion", rec
    rec = site_b[("ley1712-res1519", "ley1712.1.4")]
    assert rec["status"] in ("cumple", "parcial"), rec
    assert rec["paths"][0] == "/atencion", rec


def test_class_1042_a_breadcrumb_does_not_rename_a_page_with_an_h1(site_b):
    # the page whose h1 names a news item is that news item, whatever its breadcrumb says: neither the
    # seat's directory nor its opening hours (a contact page with an address and a phone and no hours
    # stays no directory: class 171's test, tests/test_checklist_classes.py)
    for key in (("ley1712-res1519", "ley1712.1.4"), ("gelt-2008", "info.horario")):
        assert "/jornada" not in site_b[key]["paths"], site_b[key]
