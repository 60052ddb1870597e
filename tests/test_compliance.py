"""The checklist audit through the CLI: items and declarations a municipality adds without code."""

from __future__ import annotations

from tests.helpers import crawl, page, report_json, run_cli

OWN_ITEM = """
[[checklist.items]]
id = "plan.emisora"
phase = "plan"
name = "Emisora comunitaria enlazada"
requires = "Enlace a la emisora comunitaria del municipio"
keywords = ["emisora comunitaria"]

[checklist]
manual = "comite.toml"
"""

DECLARATIONS = """
[items."transformacion.intranet"]
status = "cumple"
note = "Intranet en funcionamiento desde marzo"
date = 2026-11-20

[[indicators]]
id = "puntos_internet"
name = "Puntos de acceso a internet por dependencia"
target = "1 por dependencia"
value = "7 de 7"
"""


def test_an_item_added_in_the_config_and_the_committee_declarations_are_judged(serve, config_for):
    site = serve({"/": page("Inicio", body="<a href='/radio/'>Emisora comunitaria</a>"), "/radio/": page(
        "Emisora comunitaria",
        body="<p>La emisora comunitaria Nubes Estéreo 98.4 FM transmite la programación cultural del municipio, "
        "los boletines de la alcaldía y los espacios de participación ciudadana de lunes a sábado.</p>",
    )})
    config = config_for(site.url, extra=OWN_ITEM)
    (config.parent / "comite.toml").write_text(DECLARATIONS, encoding="utf-8")
    crawl(config)
    report = report_json(config)
    items = {c["item"]: c for c in report["checklist"]}
    assert items["plan.emisora"]["status"] == "cumple"
    assert site.url + "radio/" in items["plan.emisora"]["evidence"]
    assert (items["transformacion.intranet"]["status"], items["transformacion.intranet"]["source"]) == ("cumple", "manual")
    declared = next(i for i in report["indicators"] if i["id"] == "puntos_internet")
    assert (declared["value"], declared["source"]) == ("7 de 7", "manual")
    assert report["checklist_scores"]["gelt-2008"]["overall"] > 0


def test_a_bad_checklist_file_is_a_clear_config_error(serve, config_for):
    site = serve({"/": page("Inicio")})
    config = config_for(site.url, extra='[checklist]\nfile = "propia.toml"\n')
    (config.parent / "propia.toml").write_text('[profile]\nid = "propia"\n[[items]]\nid = "x"\nrules = [{ kind = "magia" }]\n', encoding="utf-8")
    crawl(config)
    result = run_cli("report", "--config", str(config))
    assert result.returncode == 2
    assert "Lista de chequeo inválida" in result.stderr and "propia.toml" in result.stderr
