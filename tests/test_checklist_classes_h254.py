"""A paragraph's label is no category (issue 15, H254; the false positive of zzo-culturasandona, a
town's house of culture, whose project page tells its plan under «PLANEACIÓN:»). Two crawls on 127.0.0.1
through the real CLI, offline: the house of culture's site (the loose reading) and a town hall's (the
reading that must stay).

Class 2540: a project page whose heading «PLANEACIÓN:» (bold, capitals, a colon at its end) opens a
paragraph of running text, no link under it, labels that paragraph: it is not the category «Planeación»
where an entity publishes its plans (class 1032 / 1360, the lesser naming rules of ``ley1712.4.3`` and
``info.plan_desarrollo``). ``test_class_2540_a_paragraphs_label_is_no_category`` fails without
``guards.labels_a_paragraph``'s filter in ``judge._part_hits`` (checked: ``ley1712.4.3`` and
``info.plan_desarrollo`` ``parcial`` «solo la categoría «Planeación»…» with ``/letras.html``). The town
hall's «Planeación:» heading over its documents' links stays the category, ``parcial``
(``test_class_2540_a_category_with_its_documents_stays``).

Class 2541: a school's page «Comunidad» whose section «Comunicados» lists dated circulars whose every
file is 404 or «#» (and, elsewhere on the page, a dated video that plays) publishes no news:
``info.noticias`` ``no_cumple``. ``test_class_2541_dated_entries_leading_nowhere_are_no_news`` fails
without ``guards.titled_by_dead_sections``'s filter in ``judge._part_hits`` (checked: ``parcial`` «falta:
sección de noticias» with ``/comunidad.html``). The town hall's «Comunicados» whose circulars are served
stay dated news, ``cumple`` (``test_class_2541_served_circulars_stay_news``).
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import crawl, report_json, write_config

OFFLINE = "[links]\ncheck_external = false\n"
LESSER = "solo la categoría «Planeación»"


def _page(entity: str, nav: str, title: str, main: str) -> Resource:
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title} | {entity}</title></head>"
        f"<body><header><p>{entity}</p>{nav}</header><main>{main}</main>"
        "<footer><p>Calle 5 # 4-20. Teléfono 602 555 0199.</p></footer></body></html>"
    )


def _nav(entries: tuple[tuple[str, str], ...]) -> str:
    return "<nav><ul>" + "".join(f'<li><a href="{h}">{t}</a></li>' for h, t in entries) + "</ul></nav>"


CULTURE = "Casa de la Cultura de Sandoná"
CULTURE_NAV = _nav((("/", "Inicio"), ("/letras.html", "Letras Viajeras"), ("/comunidad.html", "Comunidad")))
PROJECT = (
    "<h2>PROYECTO LETRAS VIAJERAS</h2>"
    '<h3 class="label-cs"><b>OBJETO:</b></h3><br><p>Llevar la lectura y la escritura a las veredas del'
    " municipio con una biblioteca móvil, talleres de escritura creativa y una colección bibliográfica"
    " renovada para niños, jóvenes y adultos.</p>"
    '<h3 class="label-cs"><b>PLANEACIÓN:</b></h3><br><p>La dirección del proyecto está bajo la Alcaldía'
    " Municipal y la coordinación estará a cargo de la Oficina de la Coordinación de Cultura y la"
    " Biblioteca Municipal; para el desarrollo de las actividades se contará con dos promotores de"
    " lectura que visitarán cada vereda una vez al mes durante el año.</p>"
)
COMMUNITY = (
    "<h1>Comunidad educativa</h1>"
    "<h2>Rendición de cuentas</h2><div class='card'><iframe src='https://www.youtube.com/embed/abc123'></iframe>"
    "<h4>Rendición de cuentas segundo semestre 2025</h4><h6>20 de febrero de 2026</h6></div>"
    "<h2>Comunicados</h2><div class='card-deck'>"
    "<div class='card'><a href='/files/circular-calendario.pdf'><i class='fa fa-file-pdf-o'></i></a>"
    "<h4>Calendario Escolar 2026</h4><h6>15 de enero de 2026</h6></div>"
    "<div class='card'><a href='#'><i class='fa fa-file-pdf-o'></i></a><h4>Cronograma 2026</h4><h6></h6></div>"
    "</div>"
)
CULTURE_ROUTES: dict[str, Resource] = {
    "/": _page(CULTURE, CULTURE_NAV, "Inicio", "<h1>Bienvenidos</h1><p>La Casa de la Cultura del municipio.</p>"),
    "/letras.html": _page(CULTURE, CULTURE_NAV, "Letras Viajeras", PROJECT),
    "/comunidad.html": _page(CULTURE, CULTURE_NAV, "Comunidad", COMMUNITY),
}

TOWN = "Alcaldía de San Bernardo"
TOWN_NAV = _nav((("/", "Inicio"), ("/documentos.html", "Documentos"), ("/atencion.html", "Atención")))
NOTICES = (
    "<h1>Atención al ciudadano</h1><p>Horario y canales de la alcaldía.</p>"
    "<h2>Comunicados</h2><ul>"
    "<li><a href='/docs/circular-001-2026.pdf'>Circular 001: jornada de vacunación</a> — 12 de enero de 2026</li>"
    "<li><a href='/docs/circular-002-2026.pdf'>Circular 002: cierre de vías</a> — 3 de febrero de 2026</li></ul>"
)
CATEGORY = (
    "<h1>Documentos de la entidad</h1>"
    "<h2>Planeación:</h2><ul>"
    '<li><a href="/docs/resolucion-045-2026.pdf">Resolución 045 de 2026</a></li>'
    '<li><a href="/docs/resolucion-046-2026.pdf">Resolución 046 de 2026</a></li></ul>'
    "<h2>Contratación:</h2><ul>"
    '<li><a href="/docs/contrato-012-2026.pdf">Contrato 012 de 2026</a></li></ul>'
)
PDF = Resource(b"%PDF-1.4\n% documento\n", headers={"Content-Type": "application/pdf"})
TOWN_ROUTES: dict[str, Resource] = {
    "/": _page(TOWN, TOWN_NAV, "Inicio", "<h1>Bienvenidos</h1><p>Alcaldía municipal de San Bernardo.</p>"),
    "/documentos.html": _page(TOWN, TOWN_NAV, "Documentos", CATEGORY),
    "/docs/resolucion-045-2026.pdf": PDF,
    "/docs/resolucion-046-2026.pdf": PDF,
    "/docs/contrato-012-2026.pdf": PDF,
    "/atencion.html": _page(TOWN, TOWN_NAV, "Atención", NOTICES),
    "/docs/circular-001-2026.pdf": PDF,
    "/docs/circular-002-2026.pdf": PDF,
}


def _records(tmp_path_factory, routes: dict[str, Resource], name: str) -> dict[tuple[str, str], dict]:
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
def culture(tmp_path_factory):
    """The house of culture's site."""
    return _records(tmp_path_factory, CULTURE_ROUTES, "h254-culture")


@pytest.fixture(scope="module")
def town(tmp_path_factory):
    """The town hall's site."""
    return _records(tmp_path_factory, TOWN_ROUTES, "h254-town")


@pytest.mark.parametrize(
    ("profile", "item"), [("ley1712-res1519", "ley1712.4.3"), ("gelt-2008", "info.plan_desarrollo")]
)
def test_class_2540_a_paragraphs_label_is_no_category(culture, profile, item):
    rec = culture[(profile, item)]
    assert "/letras.html" not in rec["paths"], rec
    assert LESSER not in rec["detail"], rec
    assert rec["status"] == "no_cumple", rec


@pytest.mark.parametrize(
    ("profile", "item"), [("ley1712-res1519", "ley1712.4.3"), ("gelt-2008", "info.plan_desarrollo")]
)
def test_class_2540_a_category_with_its_documents_stays(town, profile, item):
    rec = town[(profile, item)]
    assert rec["status"] == "parcial", rec
    assert "/documentos.html" in rec["paths"], rec
    assert LESSER in rec["detail"], rec


def test_class_2541_dated_entries_leading_nowhere_are_no_news(culture):
    rec = culture[("gelt-2008", "info.noticias")]
    assert "/comunidad.html" not in rec["paths"], rec
    assert rec["status"] == "no_cumple", rec


def test_class_2541_served_circulars_stay_news(town):
    rec = town[("gelt-2008", "info.noticias")]
    assert rec["status"] == "cumple", rec
    assert "/atencion.html" in rec["paths"], rec
