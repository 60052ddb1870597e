"""A numbered entry whose title sits inside a dead link is a dead entry, not one the list names with
nothing published (issue 15, H187). One small site, crawled once on 127.0.0.1 through the real CLI,
offline.

The committee reads an entry that links to the home page or to a page that does not exist as dead
(docs/checklist-states.md, «Entradas sin nada detrás», b and c): alone it leaves the item
``no_cumple``. «Una entrada que la lista nombra sin ningún enlace y sin nada debajo» is ``parcial``
(«Nombrado y vacío»); an entry whose title is the text of a link is not that: it has a link, and is
judged by where the link leads.

Class 1870 (the form of the tuning site ``zd-cucuta``, 22 of the 88 tuning verdicts «esperado
no_cumple, obtenido parcial/cumple» of the eighteenth session): a Transparencia page of category
headings over cards ``<a href="/"><h3>1.1. Misión y visión</h3></a><p>one line</p>``. The engine read
each card's heading twice: as the dead link it is, and as a numbered heading over one line
(``contents.numbered_entry``, which asked only for a link *inside* the heading), «está en la lista,
sin nada publicado», which made the item ``parcial``.
``test_class_1870_a_card_title_linked_home_is_a_dead_entry`` and
``test_class_1870_a_card_title_linked_to_a_missing_page_is_a_dead_entry`` fail without the enclosing
link in ``contents.numbered_entry`` (checked: both ``parcial``, «está en la lista, sin nada publicado»).

Class 1871 (the guards, the same shape with real content or with no link): a card whose link opens a
page with the item's content keeps ``cumple``
(``test_class_1871_a_card_title_linked_to_a_live_page_keeps_its_verdict``), and a numbered heading
over one line with no link at all is still the entry the list names with nothing published, ``parcial``
(``test_class_1871_a_numbered_heading_with_no_link_is_still_listed_empty``). Both pass with and
without the rule (they guard its edges).
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import crawl, report_json, write_config

OFFLINE = "[links]\ncheck_external = false\n"
ENTITY = "Alcaldía Municipal de San Calixto"

# (category, [(entry, href or None)]): href None is a heading with no link around it
CATEGORIES = (
    (
        "1. Mecanismos de contacto",
        (("1.1. Mecanismos para la atención al ciudadano", "/"), ("1.2. Localización física y horarios", "/")),
    ),
    (
        "2. Información de interés",
        (("2.1. Publicación de datos abiertos", "/"), ("2.5. Glosario", "/"), ("2.4. Preguntas frecuentes", "/")),
    ),
    (
        "3. Estructura orgánica y talento humano",
        (
            ("3.1. Misión y visión", "/"),
            ("3.6. Directorio de entidades", None),
            ("3.8. Ofertas de empleo", "/"),
        ),
    ),
    (
        "4. Normatividad",
        (("4.1. Normatividad de la entidad", "/normatividad"),),
    ),
    (
        "5. Presupuesto",
        (("5.2. Ejecución presupuestal histórica anual", "/presupuesto/ejecucion-historica"),),
    ),
)
SLOGANS = ("Descubre nuestro propósito común.", "Estos datos te pueden interesar.", "Conoce cómo avanzamos.")


def _html(title: str, main: str) -> Resource:
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title} | {ENTITY}</title></head>"
        f"<body><header><p>{ENTITY}</p><nav><a href='/'>Inicio</a> <a href='/Transparencia'>Transparencia</a>"
        f" <a href='/Noticias'>Noticias</a></nav></header><main>{main}</main>"
        "<footer>Calle 4 # 3-10, San Calixto. Teléfono 607 555 0142.</footer></body></html>"
    )


def _card(i: int, name: str, href: str | None) -> str:
    title = f"<h3> {name} </h3>"
    linked = title if href is None else f"<a class='List_a' href='{href}'>{title}</a>"
    return f"<div class='List_content_card'><div class='List_article'>{linked}<p> {SLOGANS[i % 3]} </p></div></div>"


HUB = _html(
    "Transparencia",
    "<div class='List_content_all'><h1 class='List_title'>Transparencia</h1>"
    + "".join(
        f"<div class='List_content'><h2 class='List_title'>{title}</h2>"
        + "".join(_card(i, n, h) for i, (n, h) in enumerate(entries))
        + "</div>"
        for title, entries in CATEGORIES
    )
    + "</div>",
)
HOME = _html(
    "Inicio",
    "<h1>Bienvenidos a San Calixto</h1><p>La Alcaldía trabaja por el desarrollo del municipio, sus veredas y"
    " su gente, con obras de vías, agua potable y educación para todos.</p>",
)
NEWS = _html(
    "Noticias",
    "<h1>Noticias</h1><article><h2>Inicia la pavimentación de la vía a Guamalito</h2><p>12 de marzo de 2026."
    " La obra beneficia a cuatro veredas del municipio.</p></article>",
)
NORMS = _html(
    "Normatividad de la entidad",
    "<h1>Normatividad de la entidad</h1><ul>"
    "<li><a href='/docs/acuerdo-005-2026.pdf'>Acuerdo 005 de 2026, por el cual se adopta el presupuesto</a></li>"
    "<li><a href='/docs/decreto-012-2026.pdf'>Decreto 012 de 2026, por el cual se liquida el presupuesto</a></li>"
    "<li><a href='/docs/decreto-031-2025.pdf'>Decreto 031 de 2025, manual de funciones</a></li></ul>",
)
PDF = Resource(body=b"%PDF-1.4\n%%EOF\n", headers={"Content-Type": "application/pdf"})


@pytest.fixture(scope="module")
def records(tmp_path_factory) -> dict[tuple[str, str], dict]:
    """The site crawled once by the real CLI: the checklist records by (profile, item)."""
    routes = {
        "/": HOME,
        "/Noticias": NEWS,
        "/Transparencia": HUB,
        "/normatividad": NORMS,
        "/docs/acuerdo-005-2026.pdf": PDF,
        "/docs/decreto-012-2026.pdf": PDF,
        "/docs/decreto-031-2025.pdf": PDF,
    }
    server = SiteServer(routes).start()
    try:
        config = write_config(tmp_path_factory.mktemp("h187"), server.url, OFFLINE)
        crawl(config)
        origin = server.url.rstrip("/")
        out = {}
        for rec in report_json(config)["checklist"]:
            rec["paths"] = [u[len(origin) :] if u.startswith(origin) else u for u in rec["evidence"]]
            out[(rec["profile"], rec["item"])] = rec
        return out
    finally:
        server.stop()


@pytest.mark.parametrize(
    ("profile", "item", "entry"),
    [
        ("gelt-2008", "info.mision_vision", "3.1. Misión y visión"),
        ("ley1712-res1519", "ley1712.1.1", "3.1. Misión y visión"),
        ("gelt-2008", "info.glosario", "2.5. Glosario"),
        ("gelt-2008", "info.empleo", "3.8. Ofertas de empleo"),
        ("ley1712-res1519", "ley1712.7", "2.1. Publicación de datos abiertos"),
    ],
)
def test_class_1870_a_card_title_linked_home_is_a_dead_entry(records, profile, item, entry):
    rec = records[(profile, item)]
    assert rec["status"] == "no_cumple", rec
    assert f"la entrada «{entry}» de " in rec["detail"], rec
    assert "lleva a la página de inicio" in rec["detail"], rec
    assert "está en la lista" not in rec["detail"], rec
    assert rec["evidence"] == [], rec


def test_class_1870_a_card_title_linked_to_a_missing_page_is_a_dead_entry(records):
    rec = records[("ley1712-res1519", "ley1712.4.2")]
    assert rec["status"] == "no_cumple", rec
    assert "«5.2. Ejecución presupuestal histórica anual»" in rec["detail"], rec
    assert "que no existe (404)" in rec["detail"], rec
    assert "está en la lista" not in rec["detail"], rec


def test_class_1871_a_card_title_linked_to_a_live_page_keeps_its_verdict(records):
    rec = records[("ley1712-res1519", "ley1712.2.1")]
    assert rec["status"] == "cumple", rec
    assert rec["paths"][0] in ("/normatividad", "/Transparencia"), rec
    assert "está en la lista" not in rec["detail"], rec


def test_class_1871_a_numbered_heading_with_no_link_is_still_listed_empty(records):
    rec = records[("ley1712-res1519", "ley1712.1.6")]
    assert rec["status"] == "parcial", rec
    assert "la entrada «3.6. Directorio de entidades» de " in rec["detail"], rec
    assert "está en la lista, sin nada publicado" in rec["detail"], rec
