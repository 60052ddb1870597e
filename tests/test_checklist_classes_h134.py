"""Reading rules found on the corpus's zd-cucuta (issue 15, H134). One shared crawl of a small site:
an Alcaldía's portal copied from a template, whose transparency page lists numbered categories over
entries that all lead back to the start page, and whose footer keeps the template's e-mail addresses.

Class 1340: a section whose entries all link back to the start page publishes nothing, like one whose
entries all link to «#»: «2. Normatividad» over «2.1. Normatividad» → «/». The section was read as
the item's evidence with content («cumple»); now it is «parcial» with the problem said, and no
evidence for an entry item. A section whose one link home is a breadcrumb's «Inicio» is not read so.
``test_a_section_whose_entries_all_lead_home_publishes_nothing`` fails without it (checked: «cumple»).

Class 1341: several numbered ``h1`` on one page («2. Normatividad», «4. Presupuesto») are
the titles of a list's categories, each over its own entries, not the page's title: read as sections
(their entries judged), not as «página «2. Normatividad»». ``test_numbered_h1s_are_the_sections_of_a_list``
fails without it (checked: the detail names the page «página «2. Normatividad»»).

Class 1342: an e-mail address at a domain named «example» or «ejemplo» (example.gov.co, ejemplo.com)
is a template's placeholder, no contact datum: «Notificaciones Judiciales:
notificacionesjudiciales@example.gov.co» in the footer does not meet ``info.notificaciones_judiciales``.
``test_an_address_at_an_example_domain_is_a_placeholder`` fails without it (checked: «cumple»).
"""

from __future__ import annotations

import pytest

from gelt_audit.audits.checklist.text import fold, text_match
from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import crawl, report_json, write_config

OFFLINE = "[links]\ncheck_external = false\n"

NAV = "<nav><a href='/'>Inicio</a> <a href='/transparencia'>Transparencia</a> <a href='/contacto'>Contacto</a></nav>"
FOOTER = (
    "<footer><h2>Contáctenos</h2><p>Dirección: Calle 11 No. 5-49 Palacio Municipal</p>"
    "<p>Email: contactenos@example.gov.co</p>"
    "<p>Notificaciones Judiciales: notificacionesjudiciales@example.gov.co</p></footer>"
)


def _entry(number: str, title: str, line: str) -> str:
    """A numbered entry of the list: its title a link back to the start page, a one-line blurb."""
    return f'<div class="card"><a href="/"><h3>{number}. {title}</h3></a><p>{line}</p></div>'


def _page(title: str, main: str) -> Resource:
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body><header><span>El sitio oficial de la ciudad</span>{NAV}</header>"
        f"<main>{main}</main>{FOOTER}</body></html>"
    )


ROUTES = {
    "/": _page(
        "Alcaldía de Prueba",
        "<h2>Noticias</h2><p>La alcaldía avanza en la recuperación del canal, 20/05/2021.</p>",
    ),
    "/transparencia": _page(
        "Transparencia",
        "<h1>Transparencia</h1>"
        "<div><h1>2. Normatividad</h1>"
        + _entry("2.1", "Normatividad", "Estas normas definen nuestro funcionamiento.")
        + "</div><div><h1>4. Presupuesto</h1>"
        + _entry("4.1", "Presupuesto General", "Así equilibramos gastos e ingresos públicos.")
        + _entry("4.2", "Ejecución Presupuestal", "Así invertimos nuestros recursos.")
        + "</div>",
    ),
    "/contacto": _page(
        "Contacto",
        # a heading over a breadcrumb whose one link home is its «Inicio»: a way back, not an entry
        "<section><h2>Mecanismos de contacto</h2><ol><li><a href='/'>Inicio</a></li><li>Contacto</li></ol></section>"
        "<section><h2>Localización</h2><p>Calle 11 No. 5-49 Palacio Municipal, piso 3. Teléfono 6075784949. "
        "Lunes a viernes de 8:00 a.m. a 12:00 m. y de 2:00 p.m. a 6:00 p.m.</p></section>",
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The site crawled once by the real CLI: the checklist records by (profile, item)."""
    server = SiteServer(ROUTES).start()
    try:
        config = write_config(tmp_path_factory.mktemp("h134"), server.url, OFFLINE)
        crawl(config)
        origin = server.url.rstrip("/")
        records = {}
        for rec in report_json(config)["checklist"]:
            rec["paths"] = [u[len(origin) :] if u.startswith(origin) else u for u in rec["evidence"]]
            records[(rec["profile"], rec["item"])] = rec
        return records
    finally:
        server.stop()


def test_a_section_whose_entries_all_lead_home_publishes_nothing(site):
    # entries that lead home publish nothing: «no_cumple» (H147's criterion), also when the home page
    # itself shows little (an entry to it is not an entry to an empty page of its own)
    rec = site[("ley1712-res1519", "ley1712.2")]
    assert rec["status"] == "no_cumple", rec
    assert rec["evidence"] == [], rec
    assert "/transparencia llevan a la página de inicio: no publica nada" in rec["detail"], rec
    # an entry item: the section is no evidence of it (its own entry, a link to a page without it,
    # is what is found)
    rec = site[("ley1712-res1519", "ley1712.2.1")]
    assert rec["status"] != "cumple" and "sección «2. Normatividad»" not in rec["detail"], rec


def test_a_breadcrumb_home_link_is_not_an_entry_leading_home(site):
    # «Mecanismos de contacto» on /contacto has one link, its breadcrumb's «Inicio»: the section of
    # ley1712.1, not one whose entries lead home
    rec = site[("ley1712-res1519", "ley1712.1")]
    assert "/contacto" in rec["paths"], rec
    assert "enlazadas a la página de inicio" not in rec["detail"], rec


def test_numbered_h1s_are_the_sections_of_a_list(site):
    rec = site[("ley1712-res1519", "ley1712.2")]
    assert "de «2. Normatividad» de" in rec["detail"], rec
    assert "página «2. Normatividad»" not in rec["detail"], rec


def test_an_address_at_an_example_domain_is_a_placeholder(site):
    rec = site[("gelt-2008", "info.notificaciones_judiciales")]
    assert rec["status"] == "no_cumple", rec


def test_a_real_address_is_still_an_address():
    # pure check of the patterns the crawl above relies on: an entity's own address is read, the
    # corpus's stand-in top-level domain «.example» too; a second-level «example»/«ejemplo» is not
    for text in ("Notificaciones judiciales: notificacionesjudiciales@cucuta.gov.co", "judicial@movilidad.example"):
        assert text_match([], ["judicial_email"], [], fold(text)), text
        assert text_match([], ["email"], [], fold(text)), text
    for text in ("Notificaciones judiciales: notificacionesjudiciales@example.gov.co", "correo@ejemplo.com"):
        assert not text_match([], ["email"], [], fold(text)), text
