"""Checklist classes 190-192 (ninth session, H93), found on the corpus site `o-indecho`: each on a real
crawl of one small site served on 127.0.0.1, crawled and reported once by the real CLI."""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import crawl, report_json, write_config

OFFLINE = "[links]\ncheck_external = false\n"

NAV = (
    '<a href="/">Inicio</a> <a href="/faq" class="nav-link">Transparencia y acceso a la información pública</a> '
    '<a href="/nosotros">Nosotros</a> <a href="/contacto">Contáctanos</a>'
)

# «1. Información de la entidad»: fourteen numbered entries, each «<strong>1.N</strong> <a href="">…</a>»
ENTITY = (
    "Misión, visión, funciones y deberes",
    "Estructura Orgánica - Organigrama",
    "Mapas y cartas descriptivas de los procesos",
    "Directorio institucional",
    "Directorio de servidores públicos, empleados o contratistas",
    "Directorio de entidades",
    "Directorio de agremiaciones, asociaciones y otros grupos de interés",
    "Servicio al público, normas, formularios y protocolos de atención",
    "Procedimientos que se siguen para tomar decisiones en las diferentes áreas",
    "Mecanismos de presentación directa de solicitudes, quejas y reclamos",
    "Calendario de actividades y eventos",
    "Decisiones que pueden afectar al público",
    "Entes y autoridades que vigilan la entidad",
    "Publicaciones de hojas de vida",
)
NORMS = ("Normatividad de la entidad o autoridad", "Búsqueda de normas", "Proyecto de normas para comentarios")
# the paragraph Bootstrap's accordion example ships with
FILLER = (
    "Placeholder content for this accordion, which is intended to demonstrate the <code>.accordion-flush</code> "
    "class. This is the third item's accordion body. Nothing more exciting happening here in terms of content, "
    "but just filling up the space to make it look, at least at first glance, a bit more representative of how "
    "this would look in a real-world application."
)


def _entries(section: int, names: tuple[str, ...]) -> str:
    return "".join(f'<li><strong>{section}.{i}</strong> <a href="">{n}</a></li>' for i, n in enumerate(names, 1))


def _item(key: str, title: str, body: str) -> str:
    """One Bootstrap 5 accordion item: ``h2.accordion-header > button`` and its collapsed body."""
    return (
        f'<div class="accordion-item"><h2 class="accordion-header" id="h-{key}">'
        f'<button class="accordion-button collapsed" type="button" data-bs-toggle="collapse" '
        f'data-bs-target="#c-{key}" aria-expanded="false" aria-controls="c-{key}">{title}</button></h2>'
        f'<div id="c-{key}" class="accordion-collapse collapse" aria-labelledby="h-{key}">'
        f'<div class="accordion-body">{body}</div></div></div>'
    )


def _page(title: str, body: str) -> Resource:
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>INDECHO - {title}</title></head>"
        f'<body><div class="topbar">direccion@instituto.gov.co</div><nav class="navbar">{NAV}</nav>'
        f"<main>{body}</main><footer><p>Instituto de Prueba. Todos los derechos reservados.</p></footer></body></html>"
    )


HUB = (
    "<h1>Transparencia y acceso a la información pública</h1>"
    "<p>En cumplimiento a la Ley 1712 de 2014 y a la Resolución 1519 de 2020 el instituto pone a disposición de la "
    "ciudadanía la siguiente información.</p>"
    '<div class="accordion accordion-flush" id="acc">'
    + _item("1", "1. Información de la entidad", f'<ul type="none">{_entries(1, ENTITY)}</ul>')
    + _item("2", "2. Normatividad", f'<ul type="none">{_entries(2, NORMS)}</ul>')
    + _item("6", "6. Participa", FILLER)
    + _item(
        "9",
        "9. Obligación de reporte de información específica por parte de la entidad",
        "Revisar por parte de la entidad",
    )
    + "</div>"
)

ROUTES = {
    "/": _page(
        "Inicio", "<h2>Bienvenido</h2><p>El instituto impulsa el deporte y la recreación en el departamento.</p>"
    ),
    "/faq": _page("Transparencia", HUB),
    "/nosotros": _page(
        "Nosotros",
        "<h2>Misión</h2><p>Servir a las organizaciones deportivas, las comunidades e instituciones del departamento "
        "en la organización y el fomento del deporte.</p><h2>Visión</h2><p>Ser una institución eficiente en la "
        "organización y el fomento de la educación física, el deporte y la recreación.</p>",
    ),
    "/contacto": _page("Contacto", "<h2>Contacto</h2><p>Correo: direccion@instituto.gov.co</p>"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The site above, crawled and reported once: {(profile, item): record}."""
    server = SiteServer(ROUTES).start()
    try:
        config = write_config(tmp_path_factory.mktemp("h93"), server.url, OFFLINE)
        crawl(config)
        yield {(c["profile"], c["item"]): c for c in report_json(config)["checklist"]}
    finally:
        server.stop()


def test_class_190_numbered_entries_that_link_to_the_page_itself_publish_nothing(site):
    # «<strong>2.1</strong> <a href="">Normatividad de la entidad o autoridad</a>»: an empty href is a
    # link to the page it is on; the section lists its entries and publishes nothing. Its list numbers
    # («1.1» … «1.14») are not words of content either: fourteen of them made «1. Información de la
    # entidad» a section of text
    for item in ("ley1712.1", "ley1712.2"):
        rec = site[("ley1712-res1519", item)]
        assert rec["status"] == "no_cumple", rec  # they publish nothing (H147's criterion)
        assert "no publica nada" in rec["detail"] and "la página misma" in rec["detail"], rec
    # an entry's item finds no evidence in a section whose entries all lead nowhere
    assert site[("ley1712-res1519", "ley1712.2.1")]["status"] == "no_cumple", site[("ley1712-res1519", "ley1712.2.1")]
    assert site[("gelt-2008", "info.normatividad")]["status"] == "no_cumple", site[("gelt-2008", "info.normatividad")]


def test_class_191_a_section_of_the_templates_filler_text_publishes_nothing(site):
    # «6. Participa» over Bootstrap's «Placeholder content for this accordion…»: the category is listed
    # (parcial, and the detail says why); the filler describes no participation
    rec = site[("ley1712-res1519", "ley1712.6")]
    assert rec["status"] == "parcial" and "texto de relleno" in rec["detail"], rec
    for profile, item in (("ley1712-res1519", "ley1712.6.1"), ("gelt-2008", "democracia.participacion")):
        assert site[(profile, item)]["status"] == "no_cumple", site[(profile, item)]


def test_class_192_a_numbered_category_over_a_short_note_is_listed_with_nothing_published(site):
    # «9. Obligación de reporte…» over «Revisar por parte de la entidad»: the category is in the
    # menu's list (parcial, not «no se encontró»), and its note publishes nothing of the entry 9.1
    rec = site[("ley1712-res1519", "ley1712.9")]
    assert rec["status"] == "parcial" and "nota breve" in rec["detail"], rec
    assert site[("ley1712-res1519", "ley1712.9.1")]["status"] == "no_cumple", site[("ley1712-res1519", "ley1712.9.1")]
