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
``no_cumple``). Since class 2370 (H237, criterion F; tests/test_checklist_classes_h237.py) the name counts
only by what it publishes (here a page that says how to take part): shown empty it is no 6.1.

Class 1153: Res. 1519 names 2.2 «Búsqueda de normas»; as a heading with no link (m-buga) it is the entry
named, and «SUIN» at the end of a longer link text (g-imder: «… Sistema Único de Información Normativa,
SUIN», to the home page) names the system. ``test_the_search_of_norms_named_as_a_heading_is_2_2`` fails
without the ``title`` rule (checked: ``no_cumple``) and ``test_the_systems_acronym_in_a_longer_link_is_2_2``
(a second, smaller crawl) without the ``link_text`` rule of slack 6 (checked: ``no_cumple``). What the
heading finds is no link to the system: ``parcial`` at most (``partial``);
``test_a_section_named_for_the_search_of_norms_is_no_link_to_the_system`` fails without it (checked).
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
    "<h3>2. Normatividad</h3><ul>"
    '<li><a href="/transparencia/normativa">Normativa</a></li></ul>'
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
    # m-buga: Res. 1519's numbered «Búsqueda de normas» as a heading with a line under it, nothing to follow
    "/transparencia/normativa": page(
        "Normativa",
        "<div><span>2.2</span><h4>Búsqueda de normas</h4></div>"
        "<p>Herramienta de búsqueda en el normograma institucional.</p>"
        "<p>Los documentos de esta subcategoría se cargarán desde la base de datos.</p>"
        '<h4>Decretos</h4><ul><li><a href="/documentos/decreto-045-2026.pdf">Decreto 045 de 2026</a></li></ul>',
    ),
    "/documentos/decreto-045-2026.pdf": Resource(
        body=b"%PDF-1.4\n% decreto 045 de 2026\n", headers={"Content-Type": "application/pdf"}
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


# a second, smaller site: its 2.2 is only the acronym at the end of a longer link text (with the heading
# of the first site beside it, the heading's section would be the evidence shown)
SUIN_ROUTES: dict[str, Resource] = {
    "/": page(
        "Inicio",
        "<p>Bienvenidos a la Alcaldía de Prueba: trámites, noticias y atención a la ciudadanía.</p>"
        '<p><a href="/transparencia">Transparencia</a></p>',
    ),
    "/transparencia": page(
        "Transparencia y acceso a la información pública",
        '<h3>2. Normatividad</h3><ul><li><a href="/transparencia/normograma">Normograma</a></li></ul>',
    ),
    # g-imder, word for word (its «Únio» too): only the acronym names the system; the link goes home
    "/transparencia/normograma": page(
        "Normograma",
        '<p><a href="/">Procuraduría en el Sistema Únio de Información Normativa, SUIN</a></p>'
        "<p>Normas que rigen a la entidad, por tema.</p>",
    ),
}


def _records(tmp_path_factory, routes: dict[str, Resource], name: str):
    """The site crawled once by the real CLI: the checklist records by (profile, item)."""
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
    """The site with the Res. 3564 hub, crawled once."""
    return _records(tmp_path_factory, ROUTES, "h115")


@pytest.fixture(scope="module")
def suin_link(tmp_path_factory):
    """The smaller site whose 2.2 is the acronym in a longer link, crawled once."""
    return _records(tmp_path_factory, SUIN_ROUTES, "h115-suin")


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


def test_the_search_of_norms_named_as_a_heading_is_2_2(site):
    # named, not the link to the system: the heading has nothing under it to follow
    rec = site[("ley1712-res1519", "ley1712.2.2")]
    assert rec["status"] == "parcial", rec
    assert rec["paths"][0] == "/transparencia/normativa", rec


def test_the_systems_acronym_in_a_longer_link_is_2_2(suin_link):
    # the link names the system and goes to the home page: named, nothing published (no_cumple since
    # the committee's criterion «Entradas sin nada detrás», H147; parcial before), the entry named
    rec = suin_link[("ley1712-res1519", "ley1712.2.2")]
    assert rec["status"] == "no_cumple", rec
    assert "/transparencia/normograma lleva a la página de inicio" in rec["detail"], rec


def test_a_section_named_for_the_search_of_norms_is_no_link_to_the_system(site):
    # what the heading finds is «parcial» at most: the item asks for the link to SUIN-Juriscol
    rec = site[("ley1712-res1519", "ley1712.2.2")]
    assert "sin un enlace al SUIN-Juriscol (solo una sección con su nombre)" in rec["detail"], rec
