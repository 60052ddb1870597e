"""The order of an item's evidence between a page and the documents it lists (issue 15, H102).
One shared crawl of a small site with no transparency menu.

Class 1020: the page «Comunicados» has a section «Circulares» listing two circulars. The section
and its files are all «publicado fuera del menú de transparencia» (the site has no such menu) for
``ley1712.2.1``; a document listed under a section found for the item is one of its entries
(``ranking.listed_documents``), which until now held only when the section had no problem at all,
so the first circular outranked its section (the corpus's n-soacha, ley1712.2.1:
``['/COMUNICADOS/CIRCULAR 005 2022.pdf', '/comunicados.html']`` where the label expects the page).
``test_a_section_sharing_its_documents_problem_stands_before_them`` fails without it (checked:
first evidence ``/docs/circular-005-2022.pdf``).

Class 1021: a document found as a document of some kind or by its address (``judge._unnamed_document``)
is shown after the page that publishes it: the suppliers' page with «Descargar formulario de
registro» (``document`` rule, gelt-2008 ``interaccion.formularios``; the corpus's l-electrohuila)
and the page «Documentos de la entidad» whose button «Ver» opens ``contratacion_2024.pdf``
(URL slug, gelt-2008 ``info.contratacion``; the corpus's coopsercont, ley1712.3; the file was
``manual_de_contratacion.pdf`` until class 2462, H246, made the contracting manual no evidence of it).
``test_a_form_found_as_a_document_is_shown_after_its_page`` and
``test_a_file_found_by_its_address_is_shown_after_its_page`` fail without it (checked: first
evidence the file).
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import crawl, page, report_json, write_config

OFFLINE = "[links]\ncheck_external = false\n"
NAV = ("/comunicados", "/proveedores", "/documentos")


def _file(body: bytes, ctype: str) -> Resource:
    return Resource(body=body, headers={"Content-Type": ctype})


PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

ROUTES: dict[str, Resource] = {
    "/": page(
        "Empresa Social del Estado de Prueba",
        "<p>Prestamos servicios de salud de primer nivel a la población del municipio y de la región.</p>",
        NAV,
    ),
    "/comunicados": page(
        "Comunicados",
        "<p>Comunicados de la gerencia a los usuarios y al personal.</p>"
        "<h3>Circulares</h3><ul>"
        '<li><a href="/docs/circular-005-2022.pdf">Circular 005 de 2022</a></li>'
        '<li><a href="/docs/circular-007-2022.pdf">Circular 007 de 2022</a></li></ul>',
        NAV,
    ),
    "/proveedores": page(
        "Proveedores y contratistas",
        "<p>Las personas naturales y jurídicas que quieran ofrecer bienes o servicios a la entidad se"
        " inscriben en el registro de proveedores.</p>"
        '<p><a href="/docs/formulario-registro.docx">Descargar formulario de registro</a></p>',
        NAV,
    ),
    "/documentos": page(
        "Documentos de la entidad",
        "<p>Documentos institucionales vigentes, aprobados por la junta directiva.</p>"
        '<h3>Informes</h3><ul><li>Relación 2024 <a href="/docs/contratacion_2024.pdf">Ver</a></li></ul>',
        NAV,
    ),
    "/docs/circular-005-2022.pdf": _file(b"%PDF-1.4 circular 005", PDF),
    "/docs/circular-007-2022.pdf": _file(b"%PDF-1.4 circular 007", PDF),
    "/docs/formulario-registro.docx": _file(b"PK formulario", DOCX),
    "/docs/contratacion_2024.pdf": _file(b"%PDF-1.4 contratos", PDF),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The site crawled once by the real CLI: the checklist records by (profile, item)."""
    server = SiteServer(ROUTES).start()
    try:
        config = write_config(tmp_path_factory.mktemp("h102"), server.url, OFFLINE)
        crawl(config)
        origin = server.url.rstrip("/")
        records = {}
        for rec in report_json(config)["checklist"]:
            rec["paths"] = [u[len(origin) :] if u.startswith(origin) else u for u in rec["evidence"]]
            records[(rec["profile"], rec["item"])] = rec
        yield records
    finally:
        server.stop()


def test_a_section_sharing_its_documents_problem_stands_before_them(site):
    rec = site[("ley1712-res1519", "ley1712.2.1")]
    assert rec["status"] == "parcial", rec
    assert "fuera del menú de transparencia" in rec["detail"], rec
    assert rec["paths"][0] == "/comunicados", rec


def test_a_form_found_as_a_document_is_shown_after_its_page(site):
    rec = site[("gelt-2008", "interaccion.formularios")]
    assert rec["status"] == "cumple", rec
    assert rec["paths"][:2] == ["/proveedores", "/docs/formulario-registro.docx"], rec


def test_a_file_found_by_its_address_is_shown_after_its_page(site):
    rec = site[("gelt-2008", "info.contratacion")]
    assert rec["status"] in ("cumple", "parcial"), rec
    assert rec["paths"][:2] == ["/documentos", "/docs/contratacion_2024.pdf"], rec
