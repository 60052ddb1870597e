"""Named and empty (issue 15, H91): entries named for an item that publish nothing of it, and a
section of the menu nothing names shown by its entries, judged as the corpus's blind labels judge
them. One shared crawl of a small site.

Its Transparencia hub names items: an entry to the home page, an entry to a page with nothing on
it, a list entry with nothing after it (class 51's structure), entries to «#» and a «#» entry for
an item another page publishes. The labels, written blind by different hands, read the first
three as «nombrado, nada publicado» (``parcial``), and a hub entry that links to «#» as
publishing nothing (``no_cumple``: hsvp, n-soacha, idcbis; curaduria2 and contraloriands in their
notes). The engine already reads them so: those tests pin that reading. H91 measured a rule that
made the «#» entries ``parcial`` (commit 4e80c37, reverted): on the corpus it turned 44 verdicts
wrong for 5 right (docs/checklist-accuracy.md, «H91»);
``test_a_hub_entry_that_links_to_hash_publishes_nothing`` fails with it.

No heading names section 8 (groups of interest), but two of its entries are found (the children's
page from the home page, the vulnerable population's from the hub): the section is ``parcial``,
its first evidence the entry the Transparencia menu links (``sections_shown``); a lone
«Rendición de cuentas» page shows no «6. Participa». Those three assertions fail without
``sections_shown``, without its two-entry guard and without its menu-first order, respectively.
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import crawl, page, report_json, write_config

OFFLINE = "[links]\ncheck_external = false\n"

HUB = """
<p>Información pública de la entidad según la Ley 1712 de 2014 y la Resolución 1519 de 2020.</p>
<h3>1. Información de la entidad</h3>
<ul>
<li><a href="/mision">1.1 Misión y visión</a></li>
<li><a href="/">1.11 Calendario de actividades</a></li>
<li><a href="/ofertas-de-empleo">1.12 Ofertas de empleo</a></li>
<li><a href="#">1.7 Directorio de agremiaciones, asociaciones y otros grupos de interés</a></li>
<li><a href="#">1.6 Directorio de entidades</a></li>
<li><a href="#">Preguntas frecuentes</a></li>
</ul>
<h3>2. Información de interés</h3>
<ul>
<li><a href="/poblacion-vulnerable">2.9 Información para población vulnerable</a></li>
</ul>
<h3>4. Planeación</h3>
<ol type="a"><li>Plan de acción</li><ul><li><a href="/files/plan-accion-2026.pdf">Plan de acción 2026</a></li></ul>
<li>Informes de empalme</li></ol>
"""

ROUTES: dict[str, Resource] = {
    "/": page(
        "Inicio",
        "<p>Bienvenidos al portal de la Alcaldía de Prueba. Aquí encuentra los trámites, las noticias y la"
        " información pública de la entidad, con los horarios de atención y los canales de contacto.</p>",
        ("/transparencia", "/preguntas-frecuentes", "/rendicion-de-cuentas", "/ninos"),
    ),
    "/ninos": page(
        "Información para niños, niñas y adolescentes",
        "<p>Conoce la alcaldía jugando: quiénes somos, qué hacemos y cómo puedes participar en las decisiones"
        " de tu municipio con tu colegio.</p>",
    ),
    "/poblacion-vulnerable": page(
        "Información para población vulnerable",
        "<p>Programas para personas mayores, personas con discapacidad y víctimas del conflicto: requisitos,"
        " horarios y lugares de inscripción en la Secretaría de Desarrollo Social.</p>",
    ),
    "/rendicion-de-cuentas": page(
        "Rendición de cuentas 2026",
        "<p>La audiencia pública de rendición de cuentas de la vigencia 2026 se realizará el 12 de diciembre"
        " en el auditorio municipal; inscriba sus preguntas en la ventanilla única.</p>",
    ),
    "/transparencia": page("Transparencia y acceso a la información pública", HUB),
    "/files/plan-accion-2026.pdf": Resource(body=b"%PDF-1.4 plan", headers={"Content-Type": "application/pdf"}),
    "/mision": page(
        "Misión y visión", "<p>Nuestra misión es servir a la comunidad con transparencia y eficiencia.</p>"
    ),
    # linked, titled, nothing on it
    "/ofertas-de-empleo": page("Ofertas de empleo"),
    "/preguntas-frecuentes": page(
        "Preguntas frecuentes",
        "<h3>¿Dónde pago el impuesto predial?</h3><p>En la ventanilla de la Secretaría de Hacienda, de lunes a"
        " viernes, o en línea con el código de su predio y cualquier banco autorizado.</p>"
        "<h3>¿Cómo pido un certificado de residencia?</h3><p>Radique la solicitud con su cédula en la"
        " ventanilla única; se entrega en tres días hábiles.</p>",
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The site crawled once by the real CLI: the checklist records by (profile, item)."""
    server = SiteServer(ROUTES).start()
    try:
        config = write_config(tmp_path_factory.mktemp("h91"), server.url, OFFLINE)
        crawl(config)
        origin = server.url.rstrip("/")
        records = {}
        for rec in report_json(config)["checklist"]:
            rec["paths"] = [u[len(origin) :] if u.startswith(origin) else u for u in rec["evidence"]]
            records[(rec["profile"], rec["item"])] = rec
        yield records
    finally:
        server.stop()


def test_an_entry_named_for_the_item_that_leads_to_the_home_page_publishes_nothing_on_the_hub(site):
    for key in (("gelt-2008", "info.calendario"), ("ley1712-res1519", "ley1712.1.11")):
        rec = site[key]
        assert rec["status"] == "no_cumple", rec  # it publishes nothing (H147's criterion)
        assert "lleva a la página de inicio" in rec["detail"], rec
        # where a person finds the entry: the page that shows it, in the detail
        assert "/transparencia lleva a la página de inicio: no publica nada" in rec["detail"], rec


def test_an_entry_named_for_the_item_that_leads_to_an_empty_page_is_parcial(site):
    rec = site[("gelt-2008", "info.empleo")]
    assert rec["status"] == "parcial" and "solo muestra su título: no publica nada" in rec["detail"], rec


def test_an_entry_listed_with_no_link_is_parcial(site):
    # no link, so no target the auditor saw publish nothing: not a dead entry under the committee's
    # criterion (H147), which is about where an entry leads
    rec = site[("gelt-2008", "plan.empalme")]
    assert rec["status"] == "parcial", rec
    assert "en la lista, sin nada publicado" in rec["detail"] and rec["paths"][0] == "/transparencia", rec


def test_a_hub_entry_that_links_to_hash_publishes_nothing(site):
    # as the blind labels read it: «… links to «#»: no_cumple»
    for key in (
        ("gelt-2008", "info.directorio_agremiaciones"),
        ("ley1712-res1519", "ley1712.1.7"),
        ("gelt-2008", "info.directorio_entidades"),
        ("ley1712-res1519", "ley1712.1.6"),
    ):
        assert site[key]["status"] == "no_cumple", site[key]


def test_a_hash_entry_never_stands_before_a_page_that_publishes_the_item(site):
    rec = site[("gelt-2008", "info.preguntas_frecuentes")]
    assert rec["status"] == "cumple" and rec["paths"][0] == "/preguntas-frecuentes", rec
    assert "#" not in rec["detail"], rec


def test_a_section_nothing_names_is_shown_by_two_of_its_entries(site):
    # no «8. … grupos de interés» heading; two of its entries found: the children's page (linked
    # from the home page) and the vulnerable population's (an entry of the Transparencia hub)
    for item in ("ley1712.8.1", "ley1712.8.3"):
        assert site[("ley1712-res1519", item)]["status"] in ("cumple", "parcial"), item
    rec = site[("ley1712-res1519", "ley1712.8")]
    assert rec["status"] == "parcial", rec
    assert "sin una sección propia" in rec["detail"] and "Información para niñas, niños" in rec["detail"], rec
    # first the entry the Transparencia menu links, then the others
    assert rec["paths"][0] == "/poblacion-vulnerable" and "/ninos" in rec["paths"], rec["paths"]


def test_one_entry_found_does_not_show_its_section(site):
    # «Rendición de cuentas» (6.2) alone, linked from the home page: no Participa section
    assert site[("ley1712-res1519", "ley1712.6.2")]["status"] in ("cumple", "parcial")
    assert site[("ley1712-res1519", "ley1712.6")]["status"] == "no_cumple", site[("ley1712-res1519", "ley1712.6")]


def test_a_section_named_on_the_site_keeps_its_own_verdict(site):
    rec = site[("ley1712-res1519", "ley1712.1")]
    assert rec["status"] in ("cumple", "parcial") and "sin una sección propia" not in rec["detail"], rec
