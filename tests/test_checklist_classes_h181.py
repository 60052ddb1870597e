"""A section of the mandated menu whose own page names its entries and publishes nothing (issue 15,
H181). One shared crawl of a small personería's site on 127.0.0.1, through the real CLI, offline.

The Transparencia hub shows one card per Res. 1519 section («2. Normativa», «3. Contratación»), each
card a link to the section's page, with a line of description and the names of its entries. The
section's page lists each entry (a badge «2.1», a title, one line of description) with nothing under
it: «Los documentos de esta subcategoría se cargarán desde la base de datos.» The committee's
criterion «Nombrado y vacío» (docs/checklist-states.md: a section title with nothing under it, in any
list of the site) and criterion E of docs/checklist-scope.md (a menu section whose entries all lead to
empty pages is named and empty) make the section ``parcial``: it is where the menu asks, and publishes
nothing.

Class 1810: ``test_class_1810_a_section_whose_page_names_its_entries_and_publishes_nothing_is_named_and_empty``
fails without ``section_pages.mark_empty_section`` (checked: ``ley1712.2`` ``cumple``, «sección
«Normativa» (/transparencia)»).
Class 1811 (the guards): the same shape with a document under each entry
(``test_class_1811_the_same_section_with_documents_under_its_entries_is_content``) and a section page
whose entries are bare but which also has a heading over a live link of its own
(``test_class_1811_a_section_page_with_a_linked_heading_of_its_own_is_content``) stay ``cumple``.

Class 1812 (criterion E: «o un menú»; the ``requires`` of ``ley1712.menu``: «que lleva a una página con
contenido»): the home page's «Transparencia y acceso a la información pública» leads to a page of the
ten sections, each an accordion whose entries all link to the page itself (``href=""``): the menu is there, named as mandated,
and publishes nothing: ``parcial``.
``test_class_1812_a_transparency_menu_whose_page_publishes_nothing_is_named_and_empty`` fails without
``section_pages.MENUS`` (checked: ``cumple``). Its guard: the same menu on the first site, whose page
leads to live section pages, stays ``cumple``
(``test_class_1812_a_transparency_menu_whose_sections_publish_is_content``).

Class 1813 (criterion O): the home page's menu «Atención al Ciudadano» is the citizens' services menu
under a close name, not the mandated «Atención y servicios a la ciudadanía»: ``parcial``, «falta: el
nombre …». ``test_class_1813_the_citizens_menu_under_a_close_name_lacks_its_name`` fails with the
profile's name part as it was (checked: ``cumple``); its guard, the menu under the mandated name,
stays ``cumple`` (``test_class_1813_the_citizens_menu_under_its_mandated_name_is_named``).
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import crawl, report_json, write_config

OFFLINE = "[links]\ncheck_external = false\n"
ENTITY = "Personería Municipal de San Martín de Loba"

SECTIONS = (
    ("/transparencia/normativa", "2", "Normativa", "Normatividad que rige a la entidad"),
    ("/transparencia/contratacion", "3", "Contratación", "Plan anual de adquisiciones y procesos contractuales"),
    ("/transparencia/datos-abiertos", "7", "Datos abiertos", "Datos abiertos e instrumentos de gestión"),
)
ENTRIES = {
    "2": ("Normativa de la entidad", "Búsqueda de normas", "Proyectos de normas para comentarios"),
    "3": ("Plan anual de adquisiciones", "Publicación de la información contractual", "Manual de contratación"),
    "7": ("Instrumentos de gestión de la información", "Sección de datos abiertos"),
}
NAV = (
    "<nav><ul><li><a href='/'>Inicio</a></li>"
    "<li><a href='/transparencia'>Transparencia y acceso a la información pública</a></li>"
    "<li><a href='/atencion-ciudadano'>Atención al Ciudadano</a></li></ul></nav>"
)
ATTENTION = (
    "<p>Radique su petición, queja, reclamo, sugerencia o denuncia en la ventanilla de la personería,"
    " Calle 4 # 3-10, de lunes a viernes de 8:00 a. m. a 12:00 m. y de 2:00 p. m. a 6:00 p. m., o por"
    " el correo contactenos@personeria-sanmartin.example. Teléfono 605 555 0101.</p>"
)
SIDE = (
    "<aside><nav><h2>Transparencia</h2><ul>"
    + "".join(f"<li><a href='{href}'><span>{n}. {name}</span></a></li>" for href, n, name, _d in SECTIONS)
    + "</ul></nav></aside>"
)


def _html(title: str, main: str) -> Resource:
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title} | {ENTITY}</title></head>"
        f"<body><header><p>{ENTITY}</p>{NAV}</header><main>{main}</main>"
        "<footer>Calle 4 # 3-10, San Martín de Loba. Teléfono 605 555 0101.</footer></body></html>"
    )


def _entry(numeral: str, name: str, under: str) -> str:
    return (
        f"<div><div><div><span>{numeral}</span><h4>{name}</h4></div>"
        f"<p>Información de la subcategoría {name.lower()}.</p></div><div>{under}</div></div>"
    )


def _section_page(href: str, n: str, name: str, desc: str, under, extra: str = "") -> Resource:
    entries = "".join(_entry(f"{n}.{i}", e, under(n, i)) for i, e in enumerate(ENTRIES[n], 1))
    return _html(
        name,
        f"<h1>{name}</h1><p>{desc}</p>{SIDE}<div><span>Categoría {n}</span><h2>{name}</h2></div>"
        f"<div><h3>Subcategorías</h3>{entries}</div>{extra}",
    )


def _placeholder(_n: str, _i: int) -> str:
    return "<p>Los documentos de esta subcategoría se cargarán desde la base de datos.</p><button>Descargar</button>"


def _document(n: str, i: int) -> str:
    return f"<p><a href='/documentos/{n}-{i}.pdf'>Resolución 0{i} de 2026 (PDF)</a></p>"


def _hub() -> Resource:
    cards = "".join(
        f"<a href='{href}'><div><span>{n}</span><h2>{name}</h2><p>{desc}</p><ul>"
        + "".join(f"<li>{n}.{i} {e}</li>" for i, e in enumerate(ENTRIES[n], 1))
        + "</ul></div></a>"
        for href, n, name, desc in SECTIONS
    )
    return _html(
        "Transparencia y acceso a la información pública",
        f"<h1>Transparencia y acceso a la información pública</h1><p>De acuerdo con la Ley 1712 de 2014 y la"
        f" Resolución 1519 de 2020, la personería publica su información.</p><div>{cards}</div>",
    )


ROUTES: dict[str, Resource] = {
    "/": _html(
        "Inicio",
        "<h1>Bienvenidos</h1><p>Sitio oficial de la personería municipal, defensora de los derechos de los"
        " ciudadanos de San Martín de Loba.</p>",
    ),
    "/transparencia": _hub(),
    # class 1813: the citizens' services menu under a close name
    "/atencion-ciudadano": _html("Atención al Ciudadano", f"<h1>Atención al Ciudadano</h1>{ATTENTION}"),
    # class 1810: every entry named, nothing under any
    "/transparencia/normativa": _section_page(*SECTIONS[0], _placeholder),
    # class 1811: a document under each entry
    "/transparencia/contratacion": _section_page(*SECTIONS[1], _document),
    # class 1811: bare entries, and a heading over a live page of the section's own
    "/transparencia/datos-abiertos": _section_page(
        *SECTIONS[2],
        _placeholder,
        "<h3>Conjuntos de datos publicados</h3><p>La personería publica sus conjuntos de datos en"
        " <a href='/datos/atenciones-2026'>Atenciones al ciudadano 2026</a>.</p>",
    ),
    "/datos/atenciones-2026": _html(
        "Atenciones al ciudadano 2026",
        "<h1>Atenciones al ciudadano 2026</h1><table><tr><th>Mes</th><th>Atenciones</th></tr>"
        "<tr><td>Enero</td><td>120</td></tr><tr><td>Febrero</td><td>134</td></tr></table>",
    ),
    **{
        f"/documentos/3-{i}.pdf": Resource(
            b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", headers={"Content-Type": "application/pdf"}
        )
        for i in (1, 2, 3)
    },
}


HUB_SECTIONS = (
    "1. Información de la entidad",
    "2. Normatividad",
    "3. Contratación",
    "4. Planeación, presupuesto e informes",
    "5. Trámites y servicios",
)
# class 1812: the Transparencia page of an institute, each section an accordion of entries linked to the page itself
DEAD_HUB: dict[str, Resource] = {
    "/": Resource.html(
        "<!doctype html><html lang='es'><head><meta charset='utf-8'><title>Instituto de Deportes</title></head>"
        "<body><header><nav><a href='/'>Inicio</a> <a href='/faq'>Transparencia y acceso a la información"
        " pública</a> <a href='/atencion'>Atención y servicios a la ciudadanía</a></nav></header><main><h1>Instituto de Deportes</h1><p>El instituto promueve el deporte,"
        " la recreación y la educación física en el departamento.</p></main></body></html>"
    ),
    "/faq": Resource.html(
        "<!doctype html><html lang='es'><head><meta charset='utf-8'><title>Transparencia | Instituto de"
        " Deportes</title></head><body><header><nav><a href='/'>Inicio</a></nav></header><main>"
        "<h1>Transparencia y acceso a la información pública</h1>"
        "<div class='accordion accordion-flush' id='secciones'>"
        + "".join(
            f"<div class='accordion-item'><h2 class='accordion-header' id='h{n}'>"
            f"<button class='accordion-button collapsed' type='button' data-bs-toggle='collapse'"
            f" data-bs-target='#c{n}'>{name}</button></h2>"
            f"<div id='c{n}' class='accordion-collapse collapse' data-bs-parent='#secciones'>"
            "<div class='accordion-body'><ul type='none'>"
            + "".join(f"<li><strong>{n}.{i}</strong> <a href=''>Entrada {i} de la sección</a></li>" for i in (1, 2, 3))
            + "</ul></div></div></div>"
            for n, name in enumerate(HUB_SECTIONS, 1)
        )
        + "</div></main></body></html>"
    ),
    # class 1813's guard: the menu under the mandated name
    "/atencion": Resource.html(
        "<!doctype html><html lang='es'><head><meta charset='utf-8'><title>Atención y servicios a la"
        " ciudadanía | Instituto de Deportes</title></head><body><main><h1>Atención y servicios a la"
        f" ciudadanía</h1>{ATTENTION}</main></body></html>"
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
    """The personería's site: section pages of bare entries, of documents, of a linked heading."""
    return _records(tmp_path_factory, ROUTES, "h181")


@pytest.fixture(scope="module")
def dead_hub(tmp_path_factory):
    """The institute's site: a Transparencia page whose every entry links to the page itself."""
    return _records(tmp_path_factory, DEAD_HUB, "h181-hub")


def test_class_1810_a_section_whose_page_names_its_entries_and_publishes_nothing_is_named_and_empty(site):
    rec = site[("ley1712-res1519", "ley1712.2")]
    assert rec["status"] == "parcial", rec
    assert (
        "la página " in rec["detail"]
        and "/transparencia/normativa nombra sus entradas («Normativa de la entidad»" in rec["detail"]
    ), rec
    assert "sin nada publicado en ninguna" in rec["detail"], rec
    assert rec["paths"][0] in ("/transparencia", "/transparencia/normativa"), rec


def test_class_1811_the_same_section_with_documents_under_its_entries_is_content(site):
    rec = site[("ley1712-res1519", "ley1712.3")]
    assert rec["status"] == "cumple", rec
    assert "sin nada publicado" not in rec["detail"], rec


def test_class_1811_a_section_page_with_a_linked_heading_of_its_own_is_content(site):
    rec = site[("ley1712-res1519", "ley1712.7")]
    assert rec["status"] == "cumple", rec
    assert "nombra sus entradas" not in rec["detail"], rec


def test_class_1812_a_transparency_menu_whose_page_publishes_nothing_is_named_and_empty(dead_hub):
    rec = dead_hub[("ley1712-res1519", "ley1712.menu")]
    assert rec["status"] == "parcial", rec
    assert "/faq nombra sus entradas («1. Información de la entidad»" in rec["detail"], rec
    assert rec["paths"][0] in ("/", "/faq"), rec


def test_class_1812_a_transparency_menu_whose_sections_publish_is_content(site):
    rec = site[("ley1712-res1519", "ley1712.menu")]
    assert rec["status"] == "cumple", rec
    assert "nombra sus entradas" not in rec["detail"], rec


def test_class_1813_the_citizens_menu_under_a_close_name_lacks_its_name(site):
    rec = site[("ley1712-res1519", "ley1712.atencion_ciudadania")]
    assert rec["status"] == "parcial", rec
    assert "falta: el nombre del menú «Atención y servicios a la ciudadanía»" in rec["detail"], rec
    assert rec["paths"][0] in ("/", "/atencion-ciudadano"), rec


def test_class_1813_the_citizens_menu_under_its_mandated_name_is_named(dead_hub):
    rec = dead_hub[("ley1712-res1519", "ley1712.atencion_ciudadania")]
    assert rec["status"] == "cumple", rec
