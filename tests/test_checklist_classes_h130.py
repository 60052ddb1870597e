"""Reading rules found on the corpus's z-unguia (issue 15, H130). One shared crawl of a small site:
an Alcaldía's tax-payment portal whose footer gives its seat and opening hours.

Class 1300: a time range under the label «Horario (de atención)» is the opening hours, the days left
unsaid: «Horario de atención: 08:00AM - 12:00PM y de 02:00PM - 06:00PM» in the footer. The named
pattern ``hours`` asked for a weekday besides a time, so the footer's hours were not read:
``info.horario`` «no_cumple», and ``ley1712.1.4`` (the one seat written in the footer: address, phone
and hours) «no_cumple». A time that is not under that label («El evento será a las 3:00 p.m.») is
still not opening hours. ``test_hours_without_days_under_their_label_are_the_opening_hours`` fails
without it (checked: «no_cumple» for both items).

Class 1301: the site's own section or page for paying the municipality's taxes («Portal de Impuestos»,
«Pago de impuestos», «portal de pagos de impuestos municipales») is part of the tax information a
territorial entity owes (Res. 1519, section 10): where and how taxes are paid, not their rates,
statute or collection processes, so ``ley1712.10`` and ``ley1712.10.1`` are «parcial» with that
page as evidence. They were «no_cumple» (z-unguia's home page «Bienvenido al portar de pagos de
impuestos municipales…», w-santamarta's accordion «Portal de Impuestos»: two origins).
``test_a_tax_payment_page_is_part_of_the_tax_information`` fails without it (checked: «no_cumple»).
"""

from __future__ import annotations

import pytest

from gelt_audit.audits.checklist.text import fold, text_match
from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import crawl, report_json, write_config

OFFLINE = "[links]\ncheck_external = false\n"

NAV = (
    "<nav><a href='/'><b>Inicio</b></a> <a href='/ingreso'><button>Iniciar Sesión</button></a>"
    " <a href='/registro'><button>Registrarse</button></a> <a href='/impuestos'>Impuestos</a></nav>"
)
FOOTER = (
    "<footer><h6>Dirección: CALLE 2 CRR 4 - 5<br>"
    "Horario de atención: 08:00AM - 12:00PM y de 02:00PM - 06:00PM<br>"
    "Teléfono móvil: 3026674652<br>"
    "Correo institucional: alcaldia@prueba.gov.co</h6></footer>"
)


def _page(title: str, body: str, footer: str = FOOTER) -> Resource:
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body><header><h2>Alcaldía de Prueba</h2>{NAV}</header>"
        f"<main><h3>{title}</h3>{body}</main>{footer}</body></html>"
    )


def _routes(footer: str) -> dict[str, Resource]:
    return {
        "/": _page(
            "Bienvenido al portal de la Alcaldía",
            "<p>El evento de rendición de la administración será a las 3:00 p.m. en la plaza.</p>",
            footer,
        ),
        "/ingreso": _page(
            "Inicio de sesión",
            '<form action="/ValidarAcceso" method="post"><label>Usuario <input type="email" name="correo"></label>'
            '<label>Contraseña <input type="password" name="contrasena"></label>'
            '<button type="submit">Ingresar</button></form>',
            footer,
        ),
        "/impuestos": _page(
            "Portal de Impuestos",
            "<p>Consulte y pague en línea sus obligaciones con el municipio.</p>"
            "<p><a href='/ingreso'>Ingrese con su usuario</a> o <a href='/registro'>regístrese</a>.</p>",
            footer,
        ),
        "/registro": _page(
            "Formulario de registro",
            '<form action="/Registrar" method="post"><input name="cedula" placeholder="Documento">'
            '<input name="nombre" placeholder="Nombre"><button type="submit">Registrar</button></form>',
            footer,
        ),
    }


def _crawl(tmp_path_factory, name: str, routes: dict[str, Resource]) -> dict:
    server = SiteServer(routes).start()
    try:
        config = write_config(tmp_path_factory.mktemp(name), server.url, OFFLINE)
        crawl(config)
        origin = server.url.rstrip("/")
        records = {}
        for rec in report_json(config)["checklist"]:
            rec["paths"] = [u[len(origin) :] if u.startswith(origin) else u for u in rec["evidence"]]
            records[(rec["profile"], rec["item"])] = rec
        return records
    finally:
        server.stop()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The site crawled once by the real CLI: the checklist records by (profile, item)."""
    return _crawl(tmp_path_factory, "h130", _routes(FOOTER))


def test_hours_without_days_under_their_label_are_the_opening_hours(site):
    rec = site[("gelt-2008", "info.horario")]
    assert rec["status"] == "cumple", rec
    assert rec["paths"][0] in ("/", "/ingreso", "/registro"), rec
    # the one seat in the footer (address, phone, hours): part of the institutional directory
    rec = site[("ley1712-res1519", "ley1712.1.4")]
    assert rec["status"] == "parcial", rec
    assert "pie de página" in rec["detail"], rec


def test_a_time_that_is_not_under_the_hours_label_is_not_opening_hours():
    # pure check of the pattern the crawl above relies on: a time in a sentence, or «horario» with
    # no time range after it, is not the opening hours
    for text in (
        "El evento de rendición de la administración será a las 3:00 p.m. en la plaza.",
        "El horario del evento cambió; empieza a las 3:00 p.m.",
        "Horario 2024 - 2025 de las audiencias",
    ):
        assert not text_match([], ["hours"], [], fold(text)), text
    assert text_match([], ["hours"], [], fold("Horario: 8:00 a.m. a 12:00 m."))


def test_a_tax_payment_page_is_part_of_the_tax_information(site):
    for item in ("ley1712.10", "ley1712.10.1"):
        rec = site[("ley1712-res1519", item)]
        assert rec["status"] == "parcial", rec
        assert rec["paths"][0] == "/impuestos", rec
        assert "canal de pago de impuestos" in rec["detail"], rec
