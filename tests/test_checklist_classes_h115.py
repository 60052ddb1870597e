"""Reading rules for recall misses that recur across origins (issue 15, H115: eleventh session). One
shared crawl of a small site whose transparency hub keeps the Res. 3564 de 2015 names.

Class 1150: Res. 3564 (its 6.3) named the entity's programmes «Programas y proyectos en ejecución»; a
page of that name is where a person finds the plans and programmes of gelt-2008 ``info.plan_desarrollo``
(a-govimentum, j-choconta label it so). ``test_programas_y_proyectos_are_the_plans_and_programmes``
fails without the keyword in ``gelt-2008.toml`` (checked: ``no_cumple``).

Class 1151: gelt-2008 ``info.informes_gestion`` asks for «informes de gestión o de rendición de
cuentas»: a page or entry named «Rendición de cuentas» is where they are published (hsvp, n-soacha).
``test_the_rendicion_de_cuentas_page_holds_the_management_reports`` fails without the rules (checked:
``no_cumple``), and, without ``partial``, says ``cumple`` (checked): the page names the hearing, not a
report.

Class 1152: Res. 3564 (its 6.5) named the participation entry «Participación en la formulación de
políticas»; Res. 1519 moved it to «6. Participa»: an entry of that name is 6.1 (c-edup, g-imder).
``test_participacion_en_la_formulacion_de_politicas_is_6_1`` fails without the keyword (checked:
``no_cumple``).
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import crawl, page, report_json, write_config

OFFLINE = "[links]\ncheck_external = false\n"

HUB = (
    "<p>Información publicada según la Ley 1712 de 2014 y la Resolución 3564 de 2015.</p>"
    "<h3>6. Planeación</h3><ul>"
    '<li><a href="/transparencia/programas-proyectos">6.3 Programas y proyectos en ejecución</a></li>'
    '<li><a href="/transparencia/participacion-politicas">6.5 Participación en la formulación de políticas</a></li>'
    "</ul>"
    "<h3>7. Control</h3><ul>"
    '<li><a href="/transparencia/rendicion-de-cuentas">Rendición de cuentas</a></li></ul>'
)

ROUTES: dict[str, Resource] = {
    "/": page(
        "Inicio",
        '<p>Bienvenidos a la Alcaldía de Prueba.</p><p><a href="/transparencia">Transparencia</a></p>',
    ),
    "/transparencia": page("Transparencia y acceso a la información pública", HUB),
    "/transparencia/programas-proyectos": page(
        "Programas y proyectos en ejecución",
        "<p>Programas y proyectos que la administración ejecuta en la vigencia 2026.</p>"
        "<table><tr><th>Programa</th><th>Meta</th></tr>"
        "<tr><td>Vías rurales para la paz</td><td>12 km de placa huella</td></tr>"
        "<tr><td>Escuelas deportivas</td><td>400 niños y niñas</td></tr></table>",
    ),
    "/transparencia/participacion-politicas": page(
        "Participación en la formulación de políticas",
        "<p>La ciudadanía puede opinar sobre los proyectos de política pública del municipio en las mesas"
        " de trabajo que convoca la Secretaría de Gobierno cada trimestre.</p>",
    ),
    "/transparencia/rendicion-de-cuentas": page(
        "Rendición de cuentas",
        "<p>Audiencia pública de la vigencia 2025, realizada el 20 de febrero de 2026.</p>"
        '<ul><li><a href="/documentos/presentacion-audiencia-2025.pdf">Presentación de la audiencia 2025</a></li></ul>',
    ),
    "/documentos/presentacion-audiencia-2025.pdf": Resource(
        body=b"%PDF-1.4\n% audiencia 2025\n", headers={"Content-Type": "application/pdf"}
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The site crawled once by the real CLI: the checklist records by (profile, item)."""
    server = SiteServer(ROUTES).start()
    try:
        config = write_config(tmp_path_factory.mktemp("h115"), server.url, OFFLINE)
        crawl(config)
        origin = server.url.rstrip("/")
        records = {}
        for rec in report_json(config)["checklist"]:
            rec["paths"] = [u[len(origin) :] if u.startswith(origin) else u for u in rec["evidence"]]
            records[(rec["profile"], rec["item"])] = rec
        return records
    finally:
        server.stop()


def test_programas_y_proyectos_are_the_plans_and_programmes(site):
    rec = site[("gelt-2008", "info.plan_desarrollo")]
    assert rec["status"] in ("cumple", "parcial"), rec
    assert rec["paths"][0] == "/transparencia/programas-proyectos", rec


def test_the_rendicion_de_cuentas_page_holds_the_management_reports(site):
    # the hearing's page, with no report named as such: partly the item, saying what it lacks
    rec = site[("gelt-2008", "info.informes_gestion")]
    assert rec["status"] == "parcial", rec
    assert rec["paths"][0] == "/transparencia/rendicion-de-cuentas", rec
    assert "solo la rendición de cuentas, sin un informe de gestión con su nombre" in rec["detail"], rec


def test_participacion_en_la_formulacion_de_politicas_is_6_1(site):
    rec = site[("ley1712-res1519", "ley1712.6.1")]
    assert rec["status"] in ("cumple", "parcial"), rec
    assert rec["paths"][0] == "/transparencia/participacion-politicas", rec
