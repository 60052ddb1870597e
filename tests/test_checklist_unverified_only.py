"""An item whose only evidence is an external link nobody could open, linked outside the mandated
menu, is ``sin_verificar``, never ``parcial`` (issue 15, point 4: «sin_verificar for items that rest
only on unverifiable external links»; the tool never reports what it did not see).

Before (engine ``VERSION`` 45), such a link made the item ``parcial`` with «publicado fuera del menú
de transparencia»: the placement problem took the hit out of the problem-free ones, and only those
were checked for resting on unverified links. The page behind the link was never seen, so neither
«published» nor «partly published» is known; where it is linked is still said. Seen in the corpus's
w-santamarta (``ley1712.6.1``, a «Participa» entry to the entity's other host).
``test_an_external_link_outside_the_menu_is_not_a_partial_verdict`` fails without the fix (checked:
``parcial``); the other test guards a link of the site itself, which stays ``parcial``.
"""

from __future__ import annotations

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import crawl, report_json, write_config

OFFLINE = "[links]\ncheck_external = false\n"
OUTSIDE = "https://participa.ejemplo.gov.co/espacios"


def _html(title: str, main: str) -> Resource:
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title}</title></head>"
        "<body><header><h1>Alcaldía de Prueba</h1></header>"
        "<nav><ul><li><a href='/'>Inicio</a></li><li><a href='/transparencia'>Transparencia</a></li></ul></nav>"
        f"<main><h2>{title}</h2>{main}</main></body></html>"
    )


HUB = (
    "<h3>1. Información de la entidad</h3><ul>"
    "<li><a href='/transparencia/mision'>1.1 Misión, visión, funciones y deberes</a></li></ul>"
)


def _site(participa: str) -> dict[str, Resource]:
    return {
        "/": _html(
            "Alcaldía de Prueba",
            "<p>Bienvenidos al sitio oficial de la administración municipal.</p>"
            f"<ul><li><a href='{participa}'>Participa</a></li><li><a href='/noticias'>Noticias</a></li></ul>",
        ),
        "/transparencia": _html("Transparencia y acceso a la información pública", HUB),
        "/transparencia/mision": _html("Misión y visión", "<p>Servir a la comunidad con eficiencia.</p>"),
        "/noticias": _html("Noticias", "<p>Jornada de vacunación el sábado en el parque principal.</p>"),
        "/participa": _html(
            "Participa",
            "<p>Espacios de participación ciudadana: cabildos abiertos, audiencias públicas de rendición "
            "de cuentas y consejos territoriales de planeación, con sus fechas y cómo inscribirse.</p>",
        ),
    }


def _record(tmp_path, routes: dict[str, Resource], item: str) -> dict:
    with SiteServer(routes) as server:
        config = write_config(tmp_path, server.url, OFFLINE)
        assert crawl(config).returncode == 0
        report = report_json(config)
    return next(c for c in report["checklist"] if c["profile"] == "ley1712-res1519" and c["item"] == item)


def test_an_external_link_outside_the_menu_is_not_a_partial_verdict(tmp_path):
    rec = _record(tmp_path, _site(OUTSIDE), "ley1712.6.1")
    assert rec["status"] == "sin_verificar", rec
    assert rec["evidence"][0] == OUTSIDE, rec
    # what was seen is said: the link is outside the menu, its page could not be opened
    assert "no se pudo consultar" in rec["detail"] and "fuera del menú de transparencia" in rec["detail"], rec


def test_a_page_of_the_site_outside_the_menu_stays_partial(tmp_path):
    rec = _record(tmp_path, _site("/participa"), "ley1712.6.1")
    assert rec["status"] == "parcial" and "fuera del menú de transparencia" in rec["detail"], rec
