"""Precision of the checklist: a named entry is not content (issue 15, H223). One shared crawl of a
small municipal site on 127.0.0.1, through the real CLI, offline (external links are not opened).

Class 2230 (criterion E, read per section): a page of sections, each a heading over one sentence that
only repeats the heading with the entity's name («Misión» over «Misión de la entidad.», «Organigrama»
over «Organigrama de la Alcaldía de Villa Prueba.»), publishes nothing of those items, whatever the
other sections of the page hold. The menu entry «Misión» → ``/transparencia/organizacion#mision`` is
«nombrado y vacío» (``parcial``), never ``cumple``: until H223 only a page whose whole own text was
such a sentence was read so (class 1720); a page of several such sections had content and each entry
to it was ``cumple``. Only a link to that part of the page (``#mision``) reads such a section; a link to
the whole page reads the whole page (the first form, read by every link, lowered the held-out evidence: H223 in
docs/checklist-accuracy.md).
The entries that reach such a section are read so too: an entry to a part of the page
(``#organigrama``) whose text names more than that section («1.2 Estructura orgánica - Organigrama»)
names the sections whose whole title is a phrase of it (``pages.empty_there``); the page's title, or a
broader section of it, is no better evidence than its own empty section named for the item
and carries that problem (``pages.empty_section_named``, read by ``rules.Title``); and a section of links drawn on another page (the area's menu
«Estructura orgánica y talento humano» over «Misión», «Organigrama») whose entries named for the item
all open such sections publishes nothing of it (``guards._entries_to_empty_sections``).
``test_class_2230_sections_that_only_repeat_their_titles_publish_nothing`` and its neighbour fail without
each of them (checked, one at a time: without the branch ``echoes_title`` in ``page_content.read_content``,
``info.organigrama``, ``ley1712.1.2`` and ``ley1712.1.1`` ``cumple``; without the phrase reading of
``empty_there``, ``test_class_2230_an_entry_named_for_more_reaches_the_empty_section_it_opens`` fails
(``info.organigrama`` ``cumple`` by the hub's entry «1.2 Estructura orgánica - Organigrama»); without ``empty_section_named`` (made to find nothing), ``info.organigrama`` ``cumple`` by
the page's title; without ``_entries_to_empty_sections``, ``info.organigrama`` and ``ley1712.1.2``
``cumple`` by the menu drawn on ``/transparencia/organizacion/directorio``).
``test_class_2230_a_section_that_says_more_than_its_title_is_content`` guards the other side: a
sentence that goes on after the entity («… del sector: …») is content.
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import crawl, report_json, write_config

OFFLINE = "[links]\ncheck_external = false\n"
ENTITY = "Alcaldía de Villa Prueba"
ORG = "/transparencia/organizacion"

ENTRIES = (
    ("/", "Inicio"),
    ("/transparencia", "Transparencia y acceso a la información pública"),
    (f"{ORG}#mision", "Misión"),
    (f"{ORG}#vision", "Visión"),
    (f"{ORG}#funciones-deberes", "Funciones y deberes"),
    (f"{ORG}#organigrama", "Organigrama"),
    (f"{ORG}#directorio-entidades", "Directorio de Entidades"),
    (f"{ORG}/directorio", "Directorio de servidores públicos"),
)
NAV = "<nav><ul>" + "".join(f'<li><a href="{h}">{t}</a></li>' for h, t in ENTRIES) + "</ul></nav>"


def _html(title: str, main: str) -> Resource:
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title} | {ENTITY}</title></head>"
        f"<body><header><p>{ENTITY}</p>{NAV}</header><main>{main}</main>"
        "<footer>Calle 3 # 2-10, Villa Prueba. Teléfono 601 555 0101.</footer></body></html>"
    )


ROUTES: dict[str, Resource] = {
    "/": _html(
        "Inicio",
        "<h1>Bienvenidos</h1><p>Sitio oficial del municipio de Villa Prueba, con la información de la"
        " administración municipal, sus trámites y sus servicios.</p>",
    ),
    "/transparencia": _html(
        "Transparencia y acceso a la información pública",
        "<h1>Transparencia y acceso a la información pública</h1><h2>1. Información de la entidad</h2><ul>"
        f"<li><a href='{ORG}#mision'>1.1 Misión, visión, funciones y deberes</a></li>"
        f"<li><a href='{ORG}#organigrama'>1.2 Estructura orgánica - Organigrama</a></li>"
        f"<li><a href='{ORG}#directorio-entidades'>1.6 Directorio de entidades</a></li></ul>",
    ),
    # class 2230: each section says its title again with the entity's name, and nothing else; the last
    # one says more (the other side)
    ORG: _html(
        "Estructura orgánica y talento humano",
        "<h1>Estructura orgánica y talento humano</h1><p>Estructura orgánica y talento humano de la entidad.</p>"
        "<h2 id='mision'>Misión</h2><p>Misión de la entidad.</p>"
        "<h2 id='vision'>Visión</h2><p>Visión de la entidad.</p>"
        "<h2 id='funciones-deberes'>Funciones y deberes</h2><p>Funciones y deberes de la entidad.</p>"
        f"<h2 id='organigrama'>Organigrama</h2><p>Organigrama de la {ENTITY}.</p>"
        "<h2 id='directorio-entidades'>Directorio de Entidades</h2><p>Directorio de Entidades del sector: el"
        " Ministerio de Vivienda, la Superintendencia de Servicios Públicos y la Gobernación, con sus sedes y"
        " teléfonos de atención.</p>",
    ),
    # class 2230: another page of the area draws the area's menu in its content, under the area's
    # name; its entries open the sections above
    f"{ORG}/directorio": _html(
        "Directorio de servidores públicos",
        "<div class='side'><h2>Estructura orgánica y talento humano</h2><ul>"
        f"<li><a href='{ORG}#mision'>Misión</a></li><li><a href='{ORG}#organigrama'>Organigrama</a></li>"
        f"<li><a href='{ORG}/directorio'>Directorio de servidores públicos</a></li></ul></div>"
        "<h1>Directorio de servidores públicos</h1><table><tr><th>Nombre</th><th>Cargo</th><th>Correo</th></tr>"
        "<tr><td>Ana Gómez</td><td>Alcaldesa</td><td>alcaldia@villaprueba.gov.co</td></tr>"
        "<tr><td>Luis Pérez</td><td>Secretario de Gobierno</td><td>gobierno@villaprueba.gov.co</td></tr></table>",
    ),
}


# class 2230, the hub's entry alone: «1.2 Estructura orgánica - Organigrama» opens «#organigrama», a section
# that only says «Organigrama de la entidad.», on a page whose other section publishes
HUB_ONLY: dict[str, Resource] = {
    "/": Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>Inicio | {ENTITY}</title></head><body>"
        "<header><nav><a href='/transparencia'>Transparencia y acceso a la información pública</a></nav></header>"
        "<main><h1>Bienvenidos</h1><p>Sitio oficial del municipio de Villa Prueba, con la información de la"
        " administración municipal, sus trámites y sus servicios.</p></main></body></html>"
    ),
    "/transparencia": Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>Transparencia | {ENTITY}</title></head>"
        "<body><main><h1>Transparencia y acceso a la información pública</h1><ul>"
        "<li><a href='/entidad#organigrama'>1.2 Estructura orgánica - Organigrama</a></li></ul></main></body></html>"
    ),
    "/entidad": Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>La entidad | {ENTITY}</title></head>"
        "<body><main><h1>La entidad</h1><h2 id='historia'>Historia</h2><p>El municipio fue fundado en 1781 por"
        " colonos que llegaron del norte y se erigió en municipio en 1890, con su plaza y su iglesia.</p>"
        "<h2 id='organigrama'>Organigrama</h2><p>Organigrama de la entidad.</p></main></body></html>"
    ),
}


def _records(tmp_path_factory, routes: dict[str, Resource], name: str) -> dict[tuple[str, str], dict]:
    """A site crawled once by the real CLI: the checklist records by (profile, item)."""
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
    """The municipality's site (the organisation page, its menus and the hub)."""
    return _records(tmp_path_factory, ROUTES, "h223")


@pytest.fixture(scope="module")
def hub_only(tmp_path_factory):
    """A site where only the hub's entry, named for more than the section it opens, reaches it."""
    return _records(tmp_path_factory, HUB_ONLY, "h223hub")


def test_class_2230_sections_that_only_repeat_their_titles_publish_nothing(site):
    for key in (
        ("gelt-2008", "info.organigrama"),
        ("ley1712-res1519", "ley1712.1.2"),
        ("ley1712-res1519", "ley1712.1.1"),
    ):
        rec = site[key]
        assert rec["status"] == "parcial", rec
        assert "no tiene nada publicado" in rec["detail"], rec
        assert rec["paths"] and rec["paths"][0].startswith(("/transparencia", ORG)), rec
    assert "«Organigrama de la Alcaldía de Villa Prueba.»" in site[("gelt-2008", "info.organigrama")]["detail"]


def test_class_2230_a_section_that_says_more_than_its_title_is_content(site):
    rec = site[("ley1712-res1519", "ley1712.1.6")]
    assert rec["status"] != "no_cumple", rec
    assert "Directorio de Entidades" not in rec["detail"] or "no tiene nada publicado" not in rec["detail"], rec


def test_class_2230_an_entry_named_for_more_reaches_the_empty_section_it_opens(hub_only):
    for key in (("gelt-2008", "info.organigrama"), ("ley1712-res1519", "ley1712.1.2")):
        rec = hub_only[key]
        assert rec["status"] == "parcial", rec
        assert "dice «Organigrama de la entidad.»: no tiene nada publicado" in rec["detail"], rec
