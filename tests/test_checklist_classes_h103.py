"""Reading rules for what the tuning sites publish under another name (issue 15, H103: causes H and
C of the eighth session). One shared crawl of a small site numbered as the Res. 3564 de 2015.

Class 1030: the section that holds the information-management instruments («10. Instrumentos de
gestión de información pública» in Res. 3564, an entry of that name in Res. 1519's 7.1), found where
no instrument is, is the item named and not published: ``parcial``, each part saying it. Five tuning
sites of five origins (a-govimentum, g-imder, g-hsap, h-anserma, l-electrohuila) label it so and the
engine said ``no_cumple``. ``test_the_instruments_section_alone_is_a_partial_7_1`` fails without the
rules in ``ley1712-res1519.toml`` (checked: ``no_cumple``). A section that lists each instrument linked
to «#» says the entity publishes none of them (hsvp, labelled ``no_cumple``): no evidence, and
``test_instruments_listed_and_linked_nowhere_are_not_published`` (a second, smaller crawl) fails without
``guards.lists_part_dead`` (checked: ``parcial``).

Class 1031: the carta de trato digno is the charter of the users' rights (Ley 1437 de 2011, art. 7 num.
5); hospitals publish it as «Derechos y deberes de los usuarios». ``test_the_users_rights_and_duties_are_the_service_charter``
fails without the rule (checked: ``no_cumple``); a news headline that mentions rights is no charter
(``test_a_headline_about_rights_is_no_charter``).

Class 1033: «Cronograma de actividades» is the activities calendar (1.11, gelt-2008 ``info.calendario``);
only g-hsap in the corpus: a rule of one site, said so in docs/checklist-accuracy.md.
``test_a_cronograma_de_actividades_is_the_activities_calendar`` fails without it (checked: ``no_cumple``).

Class 1034: a page or entry named for the SECOP that does not link the entity's processes there is the
contracting information named, ``parcial`` (g-hsap «Secop I», n-soacha «Sistema Electrónico de
Contratación Pública S.E.C.O.P.»). ``test_a_page_named_for_the_secop_is_partial_contracting_information``
fails without it (checked: ``no_cumple``).

Class 1032: with no page named for the plan de acción, Res. 3564's category «Planeación» (its 6) is
where a person finds the entity's plans: 4.3 ``parcial``. ``test_the_planeacion_category_is_a_partial_action_plan``
fails without the rules (checked: ``no_cumple``). Res. 1519's «4. Planeación» is its whole section 4,
never the entry: the rule option ``not_section`` keeps it out, and the older class tests 33, 63 and 90
of ``tests/test_checklist_classes.py`` fail without that option (checked: 63 and 90 fail; 33 passes,
its plan page first because what the category finds is lesser evidence).
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import crawl, page, report_json, write_config

OFFLINE = "[links]\ncheck_external = false\n"

HUB = (
    "<p>Información publicada según la Ley 1712 de 2014 y la Resolución 3564 de 2015.</p>"
    '<h3>6. Planeación</h3><ul><li><a href="/transparencia/planeacion">Planeación</a></li></ul>'
    "<h3>10. Instrumentos de gestión de información pública</h3>"
    '<ul><li><a href="/transparencia/instrumentos-gestion">Instrumentos de gestión de información pública</a></li></ul>'
    "<h3>Atención al usuario</h3>"
    '<ul><li><a href="/transparencia/derechos-y-deberes">Derechos y deberes de los usuarios</a></li>'
    '<li><a href="/transparencia/cronograma-actividades">Cronograma de actividades</a></li></ul>'
    '<h3>8. Contratación</h3><ul><li><a href="/transparencia/secop-i">Secop I</a></li></ul>'
)

ROUTES: dict[str, Resource] = {
    "/": page(
        "Inicio",
        "<p>Bienvenidos a la E.S.E. Hospital de Prueba.</p>"
        '<p><a href="/transparencia">Transparencia</a> <a href="/noticias/taller">Noticias</a></p>',
    ),
    "/transparencia": page("Transparencia y acceso a la información pública", HUB),
    "/transparencia/planeacion": page(
        "Planeación",
        "<p>Documentos de planeación de la entidad para consulta de la ciudadanía.</p>"
        '<ul><li><a href="/documentos/plan-anticorrupcion-2026.pdf">Plan anticorrupción y de atención al'
        " ciudadano 2026</a></li></ul>",
    ),
    # a line that says something besides the title and the entity («… de la entidad.» alone is empty by
    # criterion E since H206, class 2061): the section is shown, with none of 7.1's instruments
    "/transparencia/instrumentos-gestion": page(
        "Instrumentos de gestión de información pública",
        "<p>Instrumentos de gestión de información pública de la entidad, que la oficina de planeación revisa"
        " cada año con el comité institucional.</p>",
    ),
    "/transparencia/derechos-y-deberes": page(
        "Derechos y deberes de los usuarios",
        "<p>Son derechos de los usuarios recibir atención oportuna, digna y humanizada, conocer su"
        " diagnóstico y presentar peticiones, quejas y reclamos. Son deberes de los usuarios cuidar su"
        " salud, respetar al personal y cumplir las citas asignadas.</p>",
    ),
    "/transparencia/cronograma-actividades": page(
        "Cronograma de actividades",
        "<table><tr><th>Fecha</th><th>Actividad</th><th>Lugar</th></tr>"
        "<tr><td>12 de febrero de 2026</td><td>Jornada de vacunación</td><td>Sede principal</td></tr>"
        "<tr><td>5 de marzo de 2026</td><td>Reunión con la asociación de usuarios</td><td>Auditorio</td></tr>"
        "</table>",
    ),
    "/transparencia/secop-i": page(
        "Secop I", "<p>Relación de la contratación de la vigencia registrada por la entidad en el sistema.</p>"
    ),
    "/noticias/taller": page(
        "Taller con la comunidad del barrio sobre los derechos y deberes en salud",
        "<p>La oficina de atención al usuario reunió a los vecinos del barrio para explicar cómo pedir"
        " citas y cómo presentar peticiones.</p>",
    ),
    "/documentos/plan-anticorrupcion-2026.pdf": Resource(
        body=b"%PDF-1.4\n% plan anticorrupcion 2026\n", headers={"Content-Type": "application/pdf"}
    ),
}


# hsvp's hub: the instruments listed under their section, each linked to «#» save the PQRS page
DEAD_HUB = (
    "<p>Información publicada según la Ley 1712 de 2014 y la Resolución 3564 de 2015.</p>"
    "<h3>10. Instrumentos de Gestión de Información Pública</h3><ul>"
    '<li><a href="#">2. Registro de Activos de información</a></li>'
    '<li><a href="#">3. Índice de información Clasificada y reservada</a></li>'
    '<li><a href="#">4. Esquema de Publicación de Información</a></li>'
    '<li><a href="#">5. Programa de Gestión Documental</a></li>'
    '<li><a href="#">6. Tablas de Retención Documental</a></li>'
    '<li><a href="/pqrsf">9. Mecanismos para presentar quejas y reclamos</a></li></ul>'
)

DEAD_ROUTES: dict[str, Resource] = {
    "/": page("Inicio", '<p>Bienvenidos.</p><p><a href="/transparencia">Transparencia</a></p>'),
    "/transparencia": page("Transparencia y acceso a la información pública", DEAD_HUB),
    "/pqrsf": page(
        "Peticiones, quejas, reclamos y sugerencias",
        "<p>Presente su petición en la ventanilla de atención al usuario o escriba a pqrs@hospital.test.</p>",
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
    """The hospital's site with its Planeación category, instruments page and users' rights."""
    return _records(tmp_path_factory, ROUTES, "h103")


@pytest.fixture(scope="module")
def dead_hub(tmp_path_factory):
    """A hub whose instruments are listed and linked to «#»."""
    return _records(tmp_path_factory, DEAD_ROUTES, "h103-muertas")


def test_the_instruments_section_alone_is_a_partial_7_1(site):
    rec = site[("ley1712-res1519", "ley1712.7.1")]
    assert rec["status"] == "parcial", rec
    assert rec["paths"][0] == "/transparencia/instrumentos-gestion", rec
    assert "falta: registro de activos de información (solo se halló la sección de los instrumentos" in rec["detail"], (
        rec
    )


def test_the_users_rights_and_duties_are_the_service_charter(site):
    rec = site[("ley1712-res1519", "ley1712.1.8")]
    assert rec["status"] == "cumple", rec
    assert rec["paths"][0] == "/transparencia/derechos-y-deberes", rec


def test_a_headline_about_rights_is_no_charter(site):
    # a headline that mentions rights and duties among other words is no charter (slack 2)
    rec = site[("ley1712-res1519", "ley1712.1.8")]
    assert "/noticias/taller" not in rec["paths"], rec


def test_the_planeacion_category_is_a_partial_action_plan(site):
    rec = site[("ley1712-res1519", "ley1712.4.3")]
    assert rec["status"] == "parcial", rec
    assert rec["paths"][0] in ("/transparencia/planeacion", "/transparencia"), rec
    assert "solo la categoría «Planeación»" in rec["detail"], rec


def test_instruments_listed_and_linked_nowhere_are_not_published(dead_hub):
    # the section named for the instruments lists each one linked to «#»: the entity publishes none
    # (hsvp's blind label: no_cumple), and the section is no partial evidence of them
    rec = dead_hub[("ley1712-res1519", "ley1712.7.1")]
    assert rec["status"] == "no_cumple", rec


def test_a_cronograma_de_actividades_is_the_activities_calendar(site):
    for key in (("ley1712-res1519", "ley1712.1.11"), ("gelt-2008", "info.calendario")):
        rec = site[key]
        assert rec["status"] == "cumple", rec
        assert rec["paths"][0] == "/transparencia/cronograma-actividades", rec


def test_a_page_named_for_the_secop_is_partial_contracting_information(site):
    rec = site[("ley1712-res1519", "ley1712.3.2")]
    assert rec["status"] == "parcial", rec
    assert rec["paths"][0] == "/transparencia/secop-i", rec
    assert "solo una página o entrada con el nombre del SECOP" in rec["detail"], rec
