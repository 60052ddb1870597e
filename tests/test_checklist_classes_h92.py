"""Classes of fault found on the tuning site n-soacha (issue 15, ninth session, helper H92): entries
and pages named for an item that publish nothing of it, judged ``parcial`` with a sentence that says
so, never ``cumple`` by their name. One small site served on 127.0.0.1, crawled and reported once by
the real CLI, exercises every class (each part of it stays out of the others' way)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import crawl, page, report_json, write_config

PDF = Resource(body=b"%PDF-1.4 documento", headers={"Content-Type": "application/pdf"})
OFFLINE = "[links]\ncheck_external = false\n"


def _card(title: str, href: str) -> str:
    # a document as the E.S.E.'s pages list it: a card titled h4, its size and date, a «Descargar» button
    return (
        f'<div class="card"><h4>{title}</h4><p>Páginas 1 · Peso 2 MB · Fecha 2025</p>'
        f'<a class="btn" href="{href}">Descargar</a></div>'
    )


INTRO = (
    "<p>En esta sección encontrará los documentos que la entidad pone a disposición de la ciudadanía,"
    " para mantener informada a la comunidad sobre sus actividades, avances y servicios.</p>"
)
# class 920: every «Descargar» of the bulletins links to «#»; the norms page opens one of its documents
BULLETINS = INTRO + "".join(_card(f"Boletín informativo No. {n}", "#") for n in (58, 59, 60))
NORMS = INTRO + _card("Resolución 12 de 2025", "/files/resolucion-12-2025.pdf") + _card("Circular 3 de 2025", "#")
# the hub's entry «Defensa judicial» leads to a page of text whose two documents link to «#»
HUB = (
    "<p>Información publicada según la Ley 1712 de 2014.</p>"
    '<h3>3. Contratación</h3><ul><li><a href="/adquisiciones">3.1 Publicación del plan anual de adquisiciones</a></li></ul>'
    '<h3>4. Control</h3><ul><li><a href="/defensa">4.1 Defensa judicial</a></li>'
    '<li><a href="/poblacion">4.2 Información para población vulnerable</a></li></ul>'
)
# the hub (Res. 3564's sections) has no section for groups of interest; its entry «4.2» opens a page
# for the vulnerable population (item 8.3)
VULNERABLE = (
    "<p>Programas de atención para adultos mayores, personas con discapacidad, población víctima del"
    " conflicto y población migrante: requisitos, horarios y lugares de atención de cada programa.</p>"
)
DEFENCE = INTRO + _card("Informe de procesos judiciales 2025", "#") + _card("Informe de procesos judiciales 2024", "#")

ROUTES = {
    "/": page(
        "Inicio", "<p>Bienvenidos al sitio de la entidad.</p>", ("/transparencia", "/boletines", "/normatividad")
    ),
    "/transparencia": page("Transparencia y acceso a la información pública", HUB),
    "/boletines": page("Boletines informativos", BULLETINS),
    "/normatividad": page("Normatividad", NORMS),
    "/defensa": page("Rendición de cuentas", DEFENCE),
    "/adquisiciones": page(
        "Plan anual de adquisiciones", INTRO + _card("Plan anual de adquisiciones 2026", "/files/paa-2026.pdf")
    ),
    "/poblacion": page("Población vulnerable", VULNERABLE),
    "/files/resolucion-12-2025.pdf": PDF,
    "/files/paa-2026.pdf": PDF,
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The shared site, crawled and reported once."""
    server = SiteServer(ROUTES).start()
    try:
        config = write_config(tmp_path_factory.mktemp("classes-h92"), server.url, OFFLINE)
        crawl(config)
        yield {(c["profile"], c["item"]): c for c in report_json(config)["checklist"]}
    finally:
        server.stop()


def test_class_920_a_page_whose_every_download_links_to_hash_publishes_none_of_its_documents(site):
    # «Boletines informativos» lists three bulletins whose «Descargar» are «#»: a person finds the
    # page and opens nothing. Named and shown, not published: parcial, saying why
    rec = site[("gelt-2008", "info.boletines_publicaciones")]
    assert rec["status"] == "parcial", rec
    assert "3 documentos cuyos enlaces de descarga apuntan a «#»" in rec["detail"], rec
    assert urlsplit(rec["evidence"][0]).path == "/boletines", rec["evidence"]
    # «3.1 Publicación del plan anual de adquisiciones» (Res. 3564's name: the act of publishing the
    # plan, which opens) is no publication of the entity's: it does not make the bulletins cumple
    assert not any(urlsplit(u).path == "/adquisiciones" for u in rec["evidence"]), rec["evidence"]
    # a page one of whose documents opens publishes (the other «#» is a gap, not an empty page)
    rec = site[("gelt-2008", "info.normatividad")]
    assert rec["status"] == "cumple", rec
    assert "«#»" not in rec["detail"], rec


def test_class_920_a_hub_entry_to_such_a_page_is_parcial(site):
    # the hub's «4.1 Defensa judicial» opens a page whose judicial reports link to «#»: the entry
    # of the mandated menu promises them there, and nothing opens
    rec = site[("ley1712-res1519", "ley1712.4.9")]
    assert rec["status"] == "parcial", rec
    assert "2 documentos cuyos enlaces de descarga apuntan a «#»" in rec["detail"], rec
