"""A link the item asks for itself is evidence by being there, also offline (criterion I's exception).

docs/checklist-scope.md, criterion I: content behind a link to another host was not seen, so an item
resting only on such links is ``sin_verificar``; «Excepción: cuando lo que el ítem pide es el enlace
mismo (…, a las redes sociales), el enlace es la evidencia de esa parte». The engine applied the rule
and not its exception: with no external server reachable (a municipal server behind a firewall, or
``check_external = false``), ``interaccion.redes`` (links to the entity's networks), ``info.enlace_pec``
(a link to www.gov.co) and ``ley1712.header.govco`` (the GOV.CO bar linked to www.gov.co) were
``sin_verificar`` on every site — an item losing its verdict because the auditor was offline, which the
issue's «Done when» rules out. The crawl saw the links; whether the profiles behind them are alive is
said in the detail, not judged, and the evidence starts with the page that shows the links (what a
committee opens, from its stored copy), not the other host. Rule option ``presence`` on those
``link_to`` rules (engine VERSION 95).

``test_social_network_links_are_the_item_offline``, ``test_a_link_to_govco_is_the_item_offline`` and
``test_the_govco_bar_linked_to_govco_is_the_item_offline`` fail without ``presence = true`` in the
profiles (checked: ``sin_verificar``). ``test_a_whatsapp_chat_alone_stays_unverified`` guards the written rule for a WhatsApp link alone
(docs/checklist-states.md, ``sin_verificar``: a defect seen on an unverified link is not ``parcial``).
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import crawl, report_json, write_config

OFFLINE = "[links]\ncheck_external = false\n"
FACEBOOK = "https://www.facebook.com/alcaldiadeprueba"
GOVCO_BAR = (
    "<div class='barra-superior-govco'><a href='https://www.gov.co/home/'>"
    "<img src='/logo-govco.png' alt='Logo GOV.CO'></a></div>"
)


def _page(title: str, main: str, footer: str) -> Resource:
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body>{GOVCO_BAR}<header><h1>Alcaldía de Prueba</h1></header>"
        "<nav><ul><li><a href='/'>Inicio</a></li><li><a href='/noticias'>Noticias</a></li></ul></nav>"
        f"<main><h2>{title}</h2>{main}</main><footer>{footer}</footer></body></html>"
    )


def _site(footer: str) -> dict[str, Resource]:
    return {
        "/": _page("Alcaldía de Prueba", "<p>Bienvenidos al sitio oficial de la administración municipal.</p>", footer),
        "/noticias": _page("Noticias", "<p>Jornada de vacunación el sábado en el parque principal.</p>", footer),
        "/logo-govco.png": Resource(b"\x89PNG\r\n\x1a\n", headers={"Content-Type": "image/png"}),
    }


NETWORKS = (
    f"<p>Síganos: <a href='{FACEBOOK}'>Facebook</a> · <a href='https://x.com/alcaldiaprueba'>X</a> · "
    "<a href='https://www.gov.co/'>Portal del Estado Colombiano GOV.CO</a></p>"
)
WHATSAPP = "<p>Escríbanos: <a href='https://wa.me/573001234567'>WhatsApp</a></p>"


@pytest.fixture(scope="module")
def records(tmp_path_factory) -> dict[tuple[str, str], dict]:
    out: dict[tuple[str, str], dict] = {}
    for name, footer in (("networks", NETWORKS), ("whatsapp", WHATSAPP)):
        tmp = tmp_path_factory.mktemp(name)
        with SiteServer(_site(footer)) as server:
            config = write_config(tmp, server.url, OFFLINE)
            assert crawl(config).returncode == 0
            report = report_json(config)
        for rec in report["checklist"]:
            out[(name, rec["item"])] = rec
    return out


def test_social_network_links_are_the_item_offline(records):
    rec = records[("networks", "interaccion.redes")]
    assert rec["status"] == "cumple", rec
    # the page that shows the links comes first (its stored copy opens offline), then the links
    assert rec["evidence"][0].startswith("http://127.0.0.1:"), rec
    assert FACEBOOK in rec["evidence"], rec
    # what was not seen is said: the profile behind the link was not opened from here
    assert "no se pudo consultar" in rec["detail"], rec


def test_a_link_to_govco_is_the_item_offline(records):
    rec = records[("networks", "info.enlace_pec")]
    assert rec["status"] == "cumple", rec
    assert "no se pudo consultar" in rec["detail"], rec


def test_the_govco_bar_linked_to_govco_is_the_item_offline(records):
    bar = records[("networks", "ley1712.header.govco")]
    assert bar["status"] == "cumple", bar


def test_a_whatsapp_chat_alone_stays_unverified(records):
    rec = records[("whatsapp", "interaccion.redes")]
    assert rec["status"] == "sin_verificar", rec
