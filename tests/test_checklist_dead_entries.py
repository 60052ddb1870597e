"""Entries of a Transparencia hub that link to «#» are shown and publish nothing (issue 15, the
hsvp class): the hub's section is the section item's evidence with that problem, never another
item's evidence."""

from __future__ import annotations

from tests.helpers import crawl, page, report_json

HUB = """
<p>Información publicada según la Ley 1712 de 2014.</p>
<h3>1. Información de la entidad</h3>
<ul><li><a href="/mision">1.1 Misión y visión</a></li><li><a href="/organigrama">1.2 Organigrama</a></li></ul>
<h3>3. Contratación</h3>
<ul><li><a href="#">3.1 Plan anual de adquisiciones</a></li><li><a href="#">3.2 Procesos de contratación</a></li>
<li><a href="#">3.3 Ejecución de contratos</a></li></ul>
<h3>4. Planeación, presupuesto e informes</h3>
<ul><li><a href="/presupuesto">4.1 Presupuesto general</a></li></ul>
"""


def test_a_section_of_dead_entries_is_the_sections_problem_and_no_other_items_evidence(serve, config_for):
    routes = {
        "/": page("Inicio", "<p>Bienvenidos.</p>", ("/transparencia",)),
        "/transparencia": page("Transparencia y acceso a la información pública", HUB),
        "/mision": page("Misión y visión", "<p>Nuestra misión es servir a la comunidad con transparencia.</p>"),
        "/organigrama": page("Organigrama", "<p>Estructura orgánica de la entidad y sus dependencias.</p>"),
        # a page that publishes its budget (one sentence alone is a page that publishes nothing, and the
        # section whose only entry opens it is named and empty since H211)
        "/presupuesto": page(
            "Presupuesto general 2026",
            "<p>Presupuesto aprobado para la vigencia 2026.</p><table><tr><th>Rubro</th><th>Valor</th></tr>"
            "<tr><td>Funcionamiento</td><td>$ 1.200 millones</td></tr>"
            "<tr><td>Inversión</td><td>$ 3.400 millones</td></tr></table>",
        ),
    }
    config = config_for(serve(routes).url, "[links]\ncheck_external = false\n")
    crawl(config)
    records = {(c["profile"], c["item"]): c for c in report_json(config)["checklist"]}
    section = records[("ley1712-res1519", "ley1712.3")]
    # the committee's criterion «Entradas sin nada detrás» (H147): entries to «#» publish nothing
    assert section["status"] == "no_cumple" and "a «#» o a la página misma: no publica nada" in section["detail"], (
        section
    )
    # the contracting page of the GEL profile: the shown section publishes none
    contracting = records[("gelt-2008", "info.contratacion")]
    assert contracting["status"] == "no_cumple", contracting
    assert records[("ley1712-res1519", "ley1712.4")]["status"] == "cumple"
