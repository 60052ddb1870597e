"""Evidence order against issue 15's «weakest evidence first» (H229). Two crawls of small
municipal sites on 127.0.0.1 (one per fixture), through the real CLI, offline (external links are not opened).

Class 2290: a document named for the item («Organigrama», «Plan de acción») that a section page of the
Transparencia menu lists (a page under the menu's own path, ``/transparencia/estructura``: its «3.
Estructura orgánica y talento humano») is evidenced first by that page, then by the file: the mandated
menu's section is what a person points to, the file is its entry (g-imder). A document named so on a page
outside the menu (a news item) keeps the file first, as one the hub page itself lists does (inder's
«Mapa de procesos», guarded in tests/test_checklist_corpus.py).
``test_class_2290_a_document_listed_by_a_menu_page_follows_that_page`` fails without
``judge._menu_document`` (checked: evidence ``['/docs/organigrama.pdf', '/transparencia/estructura']``).
``test_class_2290_a_document_on_a_page_outside_the_menu_stays_first`` guards the other side.

Class 2291: a category page whose every card writes, beside its title and one-line description, the
template's «Los documentos de esta subcategoría se cargarán desde la base de datos.» over a sample file
name and a «Descargar» button (no link) publishes nothing: the notice sits outside the title's block, in
its card (``contents.card_notice``), and the entry to that page is «nombrado y vacío» (m-buga).
``test_class_2291_a_card_whose_documents_will_be_loaded_later_publishes_nothing`` fails without the
rule in ``page_content.read_content`` (checked: ``info.datos_abiertos`` ``cumple``).

Class 2292: a page that writes several plain ``h1`` titles (its parts: «Misión», «Visión», «Funciones»),
none of them its title, with an empty quote under «Misión» and «Visión»: those parts are titled over
nothing, «nombrado y vacío» (contraloriands), and no longer the page's title that makes it ``cumple``.
``test_class_2292_an_h1_among_several_over_nothing_is_named_and_empty`` fails without
``regions.h1_over_nothing`` (checked: ``info.mision_vision`` ``cumple`` on ``/nosotros``).
``test_class_2292_an_h1_among_several_over_its_text_is_content`` guards the other side.
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource
from tests.helpers import checklist_records

OFFLINE = "[links]\ncheck_external = false\n"
ENTITY = "Instituto Municipal del Deporte de Santa Rita"
PDF = Resource(
    b"%PDF-1.4\n%\xe2\xe3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", headers={"Content-Type": "application/pdf"}
)
SECTIONS = (
    ("/transparencia/mecanismos", "1. Mecanismos de contacto con el sujeto obligado"),
    ("/transparencia/estructura", "3. Estructura orgánica y talento humano"),
    ("/transparencia/normatividad", "4. Normatividad"),
    ("/transparencia/planeacion", "6. Planeación"),
)
NAV = (
    "<nav><ul><li><a href='/'>Inicio</a></li><li><a href='/noticias'>Noticias</a></li>"
    "<li><a href='/nosotros'>Nosotros</a></li><li><a href='/transparencia'>Transparencia</a></li></ul></nav>"
)
SIDE = "<aside><ul>" + "".join(f"<li><a href='{h}'>{t}</a></li>" for h, t in SECTIONS) + "</ul></aside>"


def _html(title: str, main: str) -> Resource:
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title} | {ENTITY}</title></head>"
        f"<body><header><p>{ENTITY}</p>{NAV}</header><main>{main}</main>"
        "<footer>Calle 8 # 3-15, Santa Rita. Teléfono 602 555 0101.</footer></body></html>"
    )


def _section(title: str, entries: str) -> Resource:
    return _html(title, f"{SIDE}<section><h1>{title}</h1><ul>{entries}</ul></section>")


ROUTES: dict[str, Resource] = {
    "/": _html(
        "Inicio",
        "<h1>Bienvenidos</h1><p>Sitio oficial del instituto municipal del deporte y la recreación de Santa"
        " Rita, con sus programas, escenarios y convocatorias.</p>",
    ),
    "/transparencia": _html("Transparencia", f"<h1>Transparencia y acceso a la información pública</h1>{SIDE}"),
    "/transparencia/mecanismos": _section(
        "Mecanismos de contacto con el sujeto obligado",
        "<li>Dirección: Calle 8 # 3-15, Santa Rita. Horario de atención: lunes a viernes de 8:00 a. m. a"
        " 12:00 m. y de 2:00 p. m. a 6:00 p. m.</li><li>Teléfono: 602 555 0101</li>",
    ),
    # class 2290: the menu's section lists the organigram as a file named for it
    "/transparencia/estructura": _section(
        "Estructura orgánica y de talento humano",
        "<li><a href='/docs/mision-vision.pdf'>Misión y visión</a></li>"
        "<li><a href='/docs/funciones.pdf'>Funciones y deberes</a></li>"
        "<li><a href='/docs/organigrama.pdf'>Organigrama</a></li>",
    ),
    "/transparencia/normatividad": _section(
        "Normatividad", "<li>Acuerdo 004 de 2019 por el cual se crea el instituto municipal del deporte.</li>"
    ),
    "/transparencia/planeacion": _section(
        "Planeación",
        "<li><a href='/docs/plan-anticorrupcion-2026.pdf'>Plan anticorrupción y de atención al ciudadano 2026</a></li>"
        "<li><a href='/docs/plan-accion-2026.pdf'>Plan de acción 2026</a></li>",
    ),
    # the other side: a news item (outside the menu) that attaches its own file named for an item
    "/noticias": _html(
        "Noticias",
        "<h1>Noticias</h1><article><h2>El instituto presenta su informe</h2><p>Consulte el"
        " <a href='/docs/informe-gestion-2025.pdf'>Informe de gestión 2025</a> del instituto.</p></article>",
    ),
    "/docs/mision-vision.pdf": PDF,
    "/docs/funciones.pdf": PDF,
    "/docs/organigrama.pdf": PDF,
    "/docs/plan-anticorrupcion-2026.pdf": PDF,
    "/docs/plan-accion-2026.pdf": PDF,
    "/docs/informe-gestion-2025.pdf": PDF,
}

# class 2292: a site of its own (no file named for the mission elsewhere): several h1 titles, the page's
# parts; «Misión» and «Visión» over an empty quote, «Funciones» over its text
CARD = (
    "<div class='card'><div class='row'><div class='col'><div class='title'><span>{n}</span><h4>{t}</h4></div>"
    "<p>{d}</p></div><div><button>Documentos</button></div></div><div class='docs'><p>Los documentos de esta"
    " subcategoría se cargarán desde la base de datos.</p><div><span>Documento de ejemplo.pdf</span>"
    "<button>Descargar</button></div></div></div>"
)
PARTS: dict[str, Resource] = {
    "/": _html(
        "Inicio",
        "<h1>Bienvenidos</h1><p>Sitio oficial del instituto municipal del deporte y la recreación de Santa"
        " Rita, con sus programas, escenarios y convocatorias.</p><p><a href='/datos-abiertos'>Datos"
        " abiertos</a></p>",
    ),
    # class 2291: each card's notice that its documents will come later sits beside its title block
    "/datos-abiertos": _html(
        "Datos abiertos",
        "<h2>Datos abiertos</h2><p>Instrumentos de gestión de la información y datos abiertos</p><h3>Subcategorías</h3>"
        + CARD.format(n="7.1", t="Datos abiertos", d="Conjuntos de datos en formato abierto")
        + CARD.format(n="7.2", t="Estudios, investigaciones y otras publicaciones", d="Documentos de investigación"),
    ),
    "/nosotros": _html(
        "Nosotros",
        "<div class='row'><div class='col-md-6'><h1>Misión</h1><blockquote><p></p></blockquote></div>"
        "<div class='col-md-6'><h1>Visión</h1><blockquote><p></p></blockquote></div></div>"
        "<div class='row'><div class='col-md-12'><h1>Funciones</h1><p>Fomentar la práctica del deporte, la"
        " recreación y el aprovechamiento del tiempo libre; administrar los escenarios deportivos del"
        " municipio y apoyar a los clubes deportivos con asesoría y reconocimiento.</p></div></div>",
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return checklist_records(tmp_path_factory.mktemp("h229"), ROUTES, OFFLINE)


@pytest.fixture(scope="module")
def parts(tmp_path_factory):
    return checklist_records(tmp_path_factory.mktemp("h229parts"), PARTS, OFFLINE)


@pytest.mark.parametrize(
    ("profile", "item", "doc", "page"),
    [
        ("ley1712-res1519", "ley1712.1.2", "/docs/organigrama.pdf", "/transparencia/estructura"),
        ("gelt-2008", "info.organigrama", "/docs/organigrama.pdf", "/transparencia/estructura"),
        ("ley1712-res1519", "ley1712.4.3", "/docs/plan-accion-2026.pdf", "/transparencia/planeacion"),
    ],
)
def test_class_2290_a_document_listed_by_a_menu_page_follows_that_page(site, profile, item, doc, page):
    rec = site[(profile, item)]
    assert rec["status"] in ("cumple", "parcial"), rec
    assert rec["paths"][:2] == [page, doc], rec


def test_class_2290_a_document_on_a_page_outside_the_menu_stays_first(site):
    rec = site[("gelt-2008", "info.informes_gestion")]
    assert rec["status"] in ("cumple", "parcial"), rec
    assert rec["paths"][0] == "/docs/informe-gestion-2025.pdf", rec


def test_class_2292_an_h1_among_several_over_nothing_is_named_and_empty(parts):
    rec = parts[("gelt-2008", "info.mision_vision")]
    assert rec["status"] == "parcial", rec
    assert rec["paths"][0] == "/nosotros", rec


def test_class_2292_an_h1_among_several_over_its_text_is_content(parts):
    rec = parts[("gelt-2008", "info.funciones")]
    assert rec["status"] == "cumple", rec
    assert rec["paths"][0] == "/nosotros", rec


def test_class_2291_a_card_whose_documents_will_be_loaded_later_publishes_nothing(parts):
    rec = parts[("gelt-2008", "info.datos_abiertos")]
    assert rec["status"] == "parcial", rec
    assert "/datos-abiertos" in rec["paths"], rec
