"""The order of an item's evidence between the site's own page and a link to another site (issue 15,
H114). One shared crawl of a small site with a «Transparencia» hub.

Class 1140 (``ranking.offsite_named``): a link named for the item that leads to another site goes
right after the page or section of the site itself found for the item (not a document), when that
one has no more problems. Before, the link won whenever its short label was covered whole by a phrase
of the item: the corpus's idcbis (``interaccion.pqrsd``: «Contáctenos» to the entity's other domain
before the page «Mecanismos de contacto»), movilidad (``info.boletines_publicaciones``: the hub's
entry «estudios o investigaciones» to a district system before the hub's section «9.1 Informes,
estudios, investigaciones y otras publicaciones») and k-guachucal (``ley1712.5.1``: the GOV.CO bar's
«Trámites y servicios» before the hub's section).
``test_the_own_page_with_the_channels_goes_before_a_contact_link_to_another_site`` and
``test_the_hub_section_goes_before_its_entry_to_another_site`` fail without it (checked: first
evidence the external link).

Class 1141: not a link to a system the item itself asks for in a ``link_to`` rule: for
``ley1712.2.2`` the link to SUIN-Juriscol stays before the entity's own search of norms.
``test_a_link_to_the_system_the_item_asks_for_stays_first`` fails when that exception is taken out
(checked: first evidence ``/normatividad``).
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import crawl, page, report_json, write_config

OFFLINE = "[links]\ncheck_external = false\n"
NAV = ("/transparencia", "/noticias-del-municipio")


def _html(title: str, main: str) -> Resource:
    """A page of the site's template whose menu names its entries (the helper's ``page`` shows addresses)."""
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title}</title></head>"
        "<body><header><h1>Alcaldía de Prueba</h1></header>"
        "<nav><ul><li><a href='/'>Inicio</a></li><li><a href='/transparencia'>Transparencia</a></li></ul></nav>"
        f"<main><h2>{title}</h2>{main}</main>"
        "<footer>Calle 1 # 2-3. Teléfono 601 555 0000</footer></body></html>"
    )


ROUTES: dict[str, Resource] = {
    "/": page(
        "Alcaldía de Prueba",
        "<p>Bienvenidos al sitio oficial de la administración municipal, al servicio de la comunidad.</p>",
        NAV,
    ),
    "/noticias-del-municipio": page(
        "Noticias del municipio",
        "<p>La alcaldía entregó la obra del parque principal a la comunidad el 3 de noviembre de 2026.</p>",
        NAV,
    ),
    "/transparencia": _html(
        "Transparencia y acceso a la información pública",
        "<h3>2.2 Sistema de búsqueda de normas</h3><ul>"
        '<li><a href="http://www.suin-juriscol.gov.co/">2.2.1. Sistema Único de Información Normativa – SUIN</a></li>'
        '<li><a href="/normatividad">2.2.2. Sistema de búsquedas de normas, propio de la entidad.</a></li></ul>'
        "<h3>9.1. Informes, estudios, investigaciones y otras publicaciones</h3>"
        "<p>Los estudios de la secretaría se publican en el sistema distrital de información:</p><ul>"
        '<li><a href="https://www.sistemadistrital.gov.co/biblioteca-digital/">estudios o investigaciones</a></li></ul>'
        "<h3>Canales</h3><ul>"
        '<li><a href="https://entidad-principal.example.org/contacto/">Contáctenos</a></li>'
        '<li><a href="/transparencia/mecanismos-de-contacto">Mecanismos de contacto</a></li></ul>',
    ),
    "/transparencia/mecanismos-de-contacto": _html(
        "Mecanismos de contacto",
        "<h3>Solicitudes, peticiones, quejas, reclamos y denuncias:</h3>"
        "<p>Radique su solicitud en la ventanilla de la sede, de lunes a viernes de 8:00 a. m. a 5:00 p. m.,"
        " o escriba al correo atencion@alcaldia-prueba.gov.co; la respuesta llega en quince días hábiles.</p>",
    ),
    "/normatividad": _html(
        "Normatividad",
        "<p>Normas expedidas por la entidad, de la más reciente a la más antigua.</p><ul>"
        "<li>Decreto 100 de 2026, por el cual se adopta el plan de acción.</li>"
        "<li>Resolución 45 de 2025, por la cual se fija el horario de atención.</li></ul>",
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The site crawled once by the real CLI: the checklist records by (profile, item), with the
    evidence as paths of the site (other sites' URLs as they are)."""
    server = SiteServer(ROUTES).start()
    try:
        config = write_config(tmp_path_factory.mktemp("h114"), server.url, OFFLINE)
        crawl(config)
        origin = server.url.rstrip("/")
        records = {}
        for rec in report_json(config)["checklist"]:
            rec["paths"] = [u[len(origin) :] if u.startswith(origin) else u for u in rec["evidence"]]
            records[(rec["profile"], rec["item"])] = rec
        yield records
    finally:
        server.stop()


def test_the_own_page_with_the_channels_goes_before_a_contact_link_to_another_site(site):
    rec = site[("gelt-2008", "interaccion.pqrsd")]
    assert rec["status"] == "cumple", rec
    assert rec["paths"][0] == "/transparencia/mecanismos-de-contacto", rec
    assert "https://entidad-principal.example.org/contacto/" in rec["paths"], rec


def test_the_hub_section_goes_before_its_entry_to_another_site(site):
    rec = site[("gelt-2008", "info.boletines_publicaciones")]
    assert rec["status"] in ("cumple", "parcial"), rec
    assert rec["paths"][:2] == ["/transparencia", "https://www.sistemadistrital.gov.co/biblioteca-digital/"], rec


def test_a_link_to_the_system_the_item_asks_for_stays_first(site):
    rec = site[("ley1712-res1519", "ley1712.2.2")]
    assert rec["status"] in ("cumple", "parcial"), rec
    assert rec["paths"][0] == "http://www.suin-juriscol.gov.co/", rec
    assert "/normatividad" in rec["paths"], rec
