"""Precision (issue 15, eleventh session, helper H117): what a person reads as a near miss is not the
item. A report on a survey, or the improvement-plan format an entity files for its auditor, is no
survey or form a citizen can use (classes 1170, 1171: the items' negative vocabulary); a link whose
own text names the near miss the item excludes («Ejecuciones Presupuestales…») is not the item by
its address's slug (``/presupuesto.php``), even under a heading that names the item (class 1172: a
slug only supports). One small site served on 127.0.0.1, crawled and reported once by the real CLI,
exercises every class."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import crawl, page, report_json, write_config

OFFLINE = "[links]\ncheck_external = false\n"
INTRO = (
    "<p>En esta sección encontrará los documentos que la entidad pone a disposición de la ciudadanía,"
    " para mantener informada a la comunidad sobre sus actividades, avances y servicios.</p>"
)


def _file(name: str, ctype: str = "application/pdf") -> Resource:
    return Resource(body=b"%PDF-1.4\n% " + name.encode() + b"\n%%EOF\n", headers={"Content-Type": ctype})


# class 1170: the contraloría's format F22 for the improvement plan, as a document row names it
# (words, then the file's code glued by underscores); class 1171: a survey's report, a file name
# written as the heading and the link, and a results document
REPORTS = (
    INTRO
    + "<table><tr><th>Documento</th><th>Archivo</th></tr>"
    + "<tr><td>Plan de Mejoramiento Externo Formato_202148_f22_cmp</td>"
    + "<td><a href='/docs/Plan de Mejoramiento Externo Formato_202148_f22_cmp.pdf'>Ver</a></td></tr>"
    + "</table>"
    + "<h3>ENCUESTA_INFORME_RECURSOS_NATURALES_VIGENCIA_2015</h3>"
    + "<p><a href='/docs/1_ENCUESTA_INFORME_RECURSOS_NATURALES_VIGENCIA_2015.xls'>"
    + "ENCUESTA_INFORME_RECURSOS_NATURALES_VIGENCIA_2015</a></p>"
    + "<p><a href='/docs/resultados-encuesta.pdf'>Informe de resultados de la encuesta de satisfacción 2025</a></p>"
)

# class 1172: a transparency hub whose «4. Presupuesto» holds only the execution and statements;
# its budget slug names the category, the link says what it is
HUB = (
    "<p>Información pública de la entidad según la Ley 1712 de 2014 y la Resolución 1519 de 2020.</p>"
    "<h3>1. Información de la entidad</h3>"
    "<ul><li><a href='/mision'>1.1 Misión y visión</a></li></ul>"
    "<h3>4. Presupuesto</h3>"
    "<ul><li><a href='/presupuesto.php'>Ejecuciones Presupuestales y Estados Financieros</a></li></ul>"
)
EXECUTION = (
    "<p>Ejecución presupuestal de ingresos y gastos de la vigencia 2026, con corte al 30 de septiembre.</p>"
    "<p><a href='/docs/ejecucion-2026.pdf'>Ejecución presupuestal de gastos septiembre 2026</a></p>"
    "<p><a href='/docs/estados-2025.pdf'>Estados financieros a 31 de diciembre de 2025</a></p>"
)

ROUTES = {
    "/": page("Inicio", "<p>Bienvenidos al sitio de la entidad.</p>", ("/transparencia", "/control")),
    "/transparencia": page("Transparencia y acceso a la información pública", HUB),
    "/mision": page("Misión y visión", "<p>Misión: servir a la comunidad con eficiencia.</p>"),
    "/presupuesto.php": page("Ejecuciones Presupuestales y Estados Financieros", EXECUTION),
    "/control": page("Control fiscal", REPORTS),
    "/docs/Plan de Mejoramiento Externo Formato_202148_f22_cmp.pdf": _file("f22"),
    "/docs/1_ENCUESTA_INFORME_RECURSOS_NATURALES_VIGENCIA_2015.xls": _file("xls", "application/vnd.ms-excel"),
    "/docs/resultados-encuesta.pdf": _file("resultados"),
    "/docs/ejecucion-2026.pdf": _file("ejecucion"),
    "/docs/estados-2025.pdf": _file("estados"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The shared site, crawled and reported once."""
    server = SiteServer(ROUTES).start()
    try:
        config = write_config(tmp_path_factory.mktemp("classes-h117"), server.url, OFFLINE)
        crawl(config)
        yield {(c["profile"], c["item"]): c for c in report_json(config)["checklist"]}
    finally:
        server.stop()


def _paths(rec: dict) -> list[str]:
    return [urlsplit(u).path for u in rec["evidence"]]


def test_class_1170_the_auditors_improvement_plan_format_is_no_form(site):
    # «Formato» in the name of the format an entity files for its auditor (SIRECI F22, the
    # improvement plan) is a report, not a form a citizen downloads for a procedure
    rec = site[("gelt-2008", "interaccion.formularios")]
    assert rec["status"] == "no_cumple", rec
    assert not any("Mejoramiento" in p for p in _paths(rec)), rec


def test_class_1171_a_surveys_report_is_no_survey(site):
    # a heading and a link written as a report's file name, and a results document: nothing a
    # citizen answers
    rec = site[("gelt-2008", "interaccion.encuestas")]
    assert rec["status"] == "no_cumple", rec


def test_class_1172_a_budget_slug_under_a_link_naming_the_execution_is_no_budget(site):
    # the slug «presupuesto» supports what the link says; the link says execution and statements
    rec = site[("ley1712-res1519", "ley1712.4.1")]
    assert rec["status"] == "no_cumple", rec
    # the execution it does publish is still found, through the same link
    rec = site[("ley1712-res1519", "ley1712.4.2")]
    assert rec["status"] in ("cumple", "parcial"), rec
    assert "/presupuesto.php" in _paths(rec) or "/docs/ejecucion-2026.pdf" in _paths(rec), rec
