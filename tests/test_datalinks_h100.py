"""Links written in ``data-url`` / ``data-href`` (issue 15 and the crawler, H100): a button or a
card that a site's script sends to an address when clicked (``window.location = el.dataset.url``)
is a link as a person clicks it. One shared crawl of a small site served on 127.0.0.1.

The home page's card «Peticiones, quejas, reclamos y denuncias» carries ``data-href`` to
``/atencion/pqrsd``, a page no ``<a href>`` names; its button «Responda la encuesta de
satisfacción» carries ``data-url`` to a survey form on another host (the corpus's n-soacha writes
its SIAU cards so). Before, the crawler never fetched ``/atencion/pqrsd`` and the checklist read the
card as an entry «opens by script: not seen» (checked: ``test_a_card_s_data_href_is_followed``,
``test_the_checklist_reads_a_data_url_button_as_a_link`` and
``test_the_checklist_reads_the_page_a_data_href_card_opens`` fail without ``datalinks``).

Hostile or not-a-link values are never followed: a ``javascript:`` address, another host
(a second server on 127.0.0.1, not the configured site), a private address, a table's JSON data
(``data-toggle="table"``), an action a script confirms and posts (``data-confirm``).
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import crawl, open_db, page, report_json, write_config

OFFLINE = "[links]\ncheck_external = false\n"
SURVEY = "https://docs.google.com/forms/d/e/1FAIpQLSc-prueba/viewform"


def _home(foreign: str) -> Resource:
    return page(
        "Alcaldía de Prueba",
        "<p>Bienvenidos al sitio oficial de la Alcaldía de Prueba, con la información de la entidad y sus"
        " trámites.</p>"
        '<div class="card" data-href="/atencion/pqrsd"><h3>Peticiones, quejas, reclamos y denuncias</h3>'
        "<p>Radique su solicitud en línea.</p></div>"
        '<div class="card"><h3>Su opinión</h3><p>Ayúdenos a mejorar la atención.</p>'
        f'<button class="btn-toggle" data-url="{SURVEY}">Responda la encuesta de satisfacción</button></div>'
        # hostile or not a link: none of these may be requested
        "<button data-url=\"javascript:location.href='/trampa-js'\">Ir al trámite</button>"
        f'<ul><li data-url="{foreign}ajeno">Portal de otra entidad</li></ul>'
        '<div class="card" data-href="http://10.0.0.1/intranet">Intranet de la alcaldía</div>'
        '<table data-toggle="table" data-url="/datos.json"><tr><td>Indicadores del plan</td></tr></table>'
        '<button data-url="/borrar?id=3" data-confirm="¿Seguro?">Borrar registro</button>',
        links=("/quienes-somos", "/atencion-al-ciudadano"),
    )


PQRSD = page(
    "Peticiones, quejas, reclamos y denuncias",
    "<h1>PQRSD</h1><p>Presente sus peticiones, quejas, reclamos, sugerencias y denuncias ante la alcaldía."
    " Responderemos dentro de los términos de ley.</p>",
)


# a card whose «Ver más» (data-url) opens a page of reports whose every «Descargar» is «#» (the corpus's
# n-soacha, SIAU → informes.html): the card is the way to that page, which publishes none of them
_MENU = (
    '<nav><ul><li><a href="/">Inicio</a></li><li>Atención<div class="dropdown-links">'
    '<a href="/atencion-al-ciudadano">Atención al usuario</a><a href="/informes-pqrsd">Informes</a>'
    '<a href="/radicacion-pqrsd">Radicación PQRSD</a></div></li></ul></nav>'
)


def _menu_page(title: str, main: str) -> Resource:
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>Hospital de Prueba</title></head>"
        f"<body><header><p>Hospital de Prueba</p>{_MENU}</header><main><h1>{title}</h1>{main}</main>"
        "<footer>Calle 1 # 2-3. Teléfono 601 555 0000</footer></body></html>"
    )


CARDS = _menu_page(
    "Atención al ciudadano",
    '<div class="card"><img src="/x.jpg" alt="Informes"><div class="card-content">'
    "<h3>Registro histórico de informes de PQRSDF</h3><p>Consulta los archivos de los registros de los informes.</p>"
    '<button class="btn-toggle" data-url="/informes-pqrsd">Ver más</button></div></div>',
)
DEAD_REPORTS = _menu_page(
    "Empresa Social del Estado",
    '<div class="doc"><h4>Calificación FURAG II vigencia 2023</h4><p>Creado: 01-01-2025</p>'
    '<a href="#" class="btn-descargar">Descargar</a></div>',
)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The site crawled once by the real CLI: the requests each server got, the checklist records by
    (profile, item) and the URLs the crawl stored."""
    other = SiteServer({"/ajeno": page("Otra entidad")}).start()
    server = SiteServer({}).start()
    server.routes = {
        "/": _home(other.url),
        "/atencion/pqrsd": PQRSD,
        "/quienes-somos": page("Quiénes somos", "<p>La alcaldía gobierna el municipio de Prueba.</p>"),
        "/trampa-js": page("Trampa"),
        "/datos.json": Resource(b"[]", headers={"Content-Type": "application/json"}),
        "/borrar": page("Borrado"),
        "/atencion-al-ciudadano": CARDS,
        "/informes-pqrsd": DEAD_REPORTS,
        "/radicacion-pqrsd": _menu_page("Radicación PQRSD", "<p>Radique su petición, queja o reclamo.</p>"),
    }
    try:
        directory = tmp_path_factory.mktemp("h100")
        config = write_config(directory, server.url, OFFLINE)
        crawl(config)
        origin = server.url.rstrip("/")
        records = {}
        for rec in report_json(config)["checklist"]:
            rec["paths"] = [u[len(origin) :] if u.startswith(origin) else u for u in rec["evidence"]]
            records[(rec["profile"], rec["item"])] = rec
        with open_db(directory / "gelt.db") as db:
            stored = {row[0] for row in db.execute("select url from pages")}
        yield {
            "paths": [path for _method, path, _headers in server.requests],
            "foreign": [path for _method, path, _headers in other.requests],
            "records": records,
            "stored": stored,
        }
    finally:
        server.stop()
        other.stop()


def test_a_card_s_data_href_is_followed(site):
    assert "/atencion/pqrsd" in site["paths"], site["paths"]


def test_hostile_and_non_link_data_addresses_are_never_followed(site):
    for path in ("/trampa-js", "/datos.json", "/borrar?id=3"):
        assert path not in site["paths"], (path, site["paths"])
    assert site["foreign"] == [], site["foreign"]  # another host: not the configured site
    assert not any("10.0.0.1" in url for url in site["stored"]), site["stored"]


def test_the_checklist_reads_a_data_url_button_as_a_link(site):
    rec = site["records"][("gelt-2008", "interaccion.encuestas")]
    # the survey's host is outside the crawl (check_external off): the link is found, left unverified
    assert rec["status"] == "sin_verificar", rec
    assert rec["paths"][0] == SURVEY, rec
    assert "enlace «Responda la encuesta de satisfacción»" in rec["detail"], rec


def test_the_checklist_reads_the_page_a_data_href_card_opens(site):
    rec = site["records"][("gelt-2008", "interaccion.pqrsd")]
    assert rec["status"] in ("cumple", "parcial"), rec
    assert "/atencion/pqrsd" in rec["paths"], rec


def test_a_card_that_opens_a_page_of_dead_documents_is_the_way_to_it(site):
    # the page its «Ver más» opens stands for the item, with that page's problem; the card's section,
    # with none, never outranks it (without guards._opens_dead_documents: only the card's page)
    rec = site["records"][("ley1712-res1519", "ley1712.4.10")]
    assert rec["paths"] and rec["paths"][0] == "/informes-pqrsd", rec
    assert "«Informes» lleva a" in rec["detail"], rec
