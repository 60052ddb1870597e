"""The evidence of an item whose entry in the mandated menu has a problem while another page has a
problem-free hit found by less of the item's name (issue 15, H120, cause P of H114). One shared crawl
of a small site with a «Transparencia» hub.

Class 1200 (``judge._named_entry``): the entry or section of the mandated menu named for the item (its
label covered whole by a phrase of the item) leads the evidence even when it has a problem (an entry
that publishes nothing, a link to an empty page), when the best problem-free hit is found by less of
the item's name (a news headline that mentions a management report, a form on the home page found by
no phrase). The verdict still rests on the problem-free hits: the status does not change. The
corpus's m-buga (``info.informes_gestion``, ``ley1712.4.7``: «Presentación del Informe de Gestión
2025» on ``/noticias`` before the hub's empty «Informes de gestión, evaluación y auditoría»), g-hsap
(``ley1712.1.10``: a form on the home page before the menu's «Mecanismos de Atención al Ciudadano» to
an empty page; ``info.plan_desarrollo``) and c-edup (``info.politica_privacidad``).
``test_the_empty_menu_entry_leads_before_a_news_headline`` fails without it (checked: the evidence
starts with ``/noticias``). ``test_an_entry_without_a_problem_found_by_the_whole_name_stays_first``
guards the ordinary case (it passes with and without).
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import crawl, report_json, write_config

OFFLINE = "[links]\ncheck_external = false\n"


def _html(title: str, main: str) -> Resource:
    """A page of the site's template whose menu names its entries."""
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title}</title></head>"
        "<body><header><h1>Alcaldía de Prueba</h1></header>"
        "<nav><ul><li><a href='/'>Inicio</a></li><li><a href='/transparencia'>Transparencia</a></li>"
        "<li><a href='/noticias'>Noticias</a></li></ul></nav>"
        f"<main><h2>{title}</h2>{main}</main>"
        "<footer>Calle 1 # 2-3. Teléfono 601 555 0000</footer></body></html>"
    )


ROUTES: dict[str, Resource] = {
    "/": _html(
        "Alcaldía de Prueba",
        "<p>Bienvenidos al sitio oficial de la administración municipal, al servicio de la comunidad.</p>"
        "<h3>Escríbanos</h3><form action='/enviar' method='post'><label>Nombre <input name='nombre'></label>"
        "<label>Correo electrónico <input type='email' name='correo'></label>"
        "<label>Mensaje <textarea name='mensaje'></textarea></label><button type='submit'>Enviar</button></form>",
    ),
    "/transparencia": _html(
        "Transparencia y acceso a la información pública",
        "<h3>4. Planeación</h3><ul>"
        "<li><a href='/transparencia/informes-de-gestion'>4.6 Informes de gestión, evaluación y auditoría</a></li>"
        "<li><a href='/transparencia/plan-de-accion'>4.3 Plan de acción</a></li></ul>"
        "<h3>1. Información de la entidad</h3><ul>"
        "<li><a href='/transparencia/mecanismos-de-atencion'>Mecanismos de atención al ciudadano</a></li></ul>",
    ),
    "/transparencia/informes-de-gestion": _html(
        "Informes de gestión, evaluación y auditoría", "<p>Página en construcción</p>"
    ),
    "/transparencia/mecanismos-de-atencion": _html(
        "Mecanismos de atención al ciudadano", "<p>Página en construcción</p>"
    ),
    "/transparencia/plan-de-accion": _html(
        "Plan de acción",
        "<p>Plan de acción 2026 de la administración municipal, adoptado el 30 de enero de 2026.</p>",
    ),
    "/noticias": _html(
        "Noticias",
        "<h3>Presentación del Informe de Gestión 2025</h3>"
        "<p>3 de febrero de 2026. El alcalde presentó a la comunidad el balance del año 2025.</p>"
        "<h3>Jornada de vacunación</h3><p>10 de enero de 2026. La secretaría de salud vacunó a 300 niños.</p>",
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The site crawled once by the real CLI: the checklist records by (profile, item), with the
    evidence as paths of the site."""
    server = SiteServer(ROUTES).start()
    try:
        config = write_config(tmp_path_factory.mktemp("h120"), server.url, OFFLINE)
        crawl(config)
        origin = server.url.rstrip("/")
        records = {}
        for rec in report_json(config)["checklist"]:
            rec["paths"] = [u[len(origin) :] if u.startswith(origin) else u for u in rec["evidence"]]
            records[(rec["profile"], rec["item"])] = rec
        yield records
    finally:
        server.stop()


def test_the_empty_menu_entry_leads_before_a_news_headline(site):
    rec = site[("gelt-2008", "info.informes_gestion")]
    # the verdict still rests on the problem-free headline (class 1200 changes only the order)
    assert rec["status"] == "cumple", rec
    assert "/noticias" in rec["detail"], rec
    assert rec["paths"][:2] == ["/transparencia/informes-de-gestion", "/noticias"], rec


def test_an_entry_without_a_problem_found_by_the_whole_name_stays_first(site):
    rec = site[("ley1712-res1519", "ley1712.4.3")]
    assert rec["paths"][0] == "/transparencia/plan-de-accion", rec
