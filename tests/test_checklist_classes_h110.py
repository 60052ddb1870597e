"""One vocabulary for document buttons (issue 15, tenth session, helper H110): the texts that open a
document without naming it («Descargar PDF», «Ver archivo») are read the same by the link's name
(the row or card before it names the document) and by class 920 (such a button to «#» is a document
the page lists and does not publish); a pointer («Ingresar», «Link aquí») names no document either,
but is no document's button. One small site served on 127.0.0.1, crawled and reported once by the
real CLI, exercises every part."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import crawl, page, report_json, write_config

OFFLINE = "[links]\ncheck_external = false\n"
INTRO = (
    "<p>En esta sección encontrará los documentos que la entidad pone a disposición de la ciudadanía,"
    " para mantener informada a la comunidad sobre sus actividades, avances y servicios.</p>"
)


def _pdf(name: str) -> Resource:
    return Resource(body=b"%PDF-1.4\n% " + name.encode() + b"\n%%EOF\n", headers={"Content-Type": "application/pdf"})


def _row(name: str, date: str, button: str, href: str) -> str:
    return f'<tr><td>{name}</td><td>{date}</td><td><a href="{href}">{button}</a></td></tr>'


# the financial documents: a table whose rows name each document, and whose buttons say only
# «Descargar PDF» / «Ver archivo»; the files' names say nothing
FINANCE = (
    INTRO
    + "<table><tr><th>Documento</th><th>Fecha</th><th>Archivo</th></tr>"
    + _row("Presupuesto general de ingresos y gastos 2026", "2026-01-02", "Descargar PDF", "/files/doc-17.pdf")
    + _row("Plan de Desarrollo Municipal 2024-2027", "2024-05-30", "Ver archivo", "/files/doc-18.pdf")
    + "</table>"
)


def _card(title: str, button: str, href: str) -> str:
    return (
        f'<div class="card"><h4>{title}</h4><p>Páginas 1 · Peso 2 MB</p><a class="btn" href="{href}">{button}</a></div>'
    )


# class 920 with the same button: every «Descargar PDF» of the bulletins links to «#»
BULLETINS = INTRO + "".join(_card(f"Boletín informativo No. {n}", "Descargar PDF", "#") for n in (58, 59, 60))
# a pointer to «#» is no document: the forms page's «Ingresar» buttons (to a system not yet linked)
# do not make its downloadable form a page that publishes nothing
FORMS = (
    INTRO
    + _card("Formato único de solicitud", "Descargar", "/files/formato-solicitud.pdf")
    + _card("Radicación en línea", "Ingresar", "#")
)

ROUTES = {
    "/": page("Inicio", "<p>Bienvenidos al sitio de la entidad.</p>", ("/financiera", "/boletines", "/formularios")),
    "/financiera": page("Documentos financieros", FINANCE),
    "/boletines": page("Boletines informativos", BULLETINS),
    "/formularios": page("Formularios", FORMS),
    "/files/doc-17.pdf": _pdf("doc-17"),
    "/files/doc-18.pdf": _pdf("doc-18"),
    "/files/formato-solicitud.pdf": _pdf("formato-solicitud"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The shared site, crawled and reported once."""
    server = SiteServer(ROUTES).start()
    try:
        config = write_config(tmp_path_factory.mktemp("classes-h110"), server.url, OFFLINE)
        crawl(config)
        yield {(c["profile"], c["item"]): c for c in report_json(config)["checklist"]}
    finally:
        server.stop()


def test_class_1101_a_document_button_is_named_by_its_row(site):
    # «Descargar PDF» and «Ver archivo» are what class 920 reads as a document's button; the
    # link's name reads them alike: the document is the one its row names, and opens
    rec = site[("gelt-2008", "info.presupuesto")]
    assert rec["status"] == "cumple", rec
    assert urlsplit(rec["evidence"][0]).path == "/files/doc-17.pdf", rec["evidence"]
    rec = site[("gelt-2008", "info.plan_desarrollo")]
    assert rec["status"] == "cumple", rec
    assert urlsplit(rec["evidence"][0]).path == "/files/doc-18.pdf", rec["evidence"]


def test_class_1101_the_same_button_to_hash_publishes_nothing(site):
    # the same text to «#»: three bulletins listed, none published (class 920)
    rec = site[("gelt-2008", "info.boletines_publicaciones")]
    assert rec["status"] == "parcial", rec
    assert "3 documentos cuyos enlaces de descarga apuntan a «#»" in rec["detail"], rec


def test_class_1101_a_pointer_to_hash_is_no_document(site):
    # «Ingresar» names no document and is no document's button: the forms page publishes its form
    rec = site[("gelt-2008", "interaccion.formularios")]
    assert "«#»" not in rec["detail"], rec
