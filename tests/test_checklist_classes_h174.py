"""Criterion K of docs/checklist-scope.md (issue 15, H174): an entry named for an item that leads to a
live page of another item, which shows nothing of it, publishes nothing of the item. Two small
municipal sites on 127.0.0.1, each crawled once by the real CLI, offline.

Class 1740: the menu's «Calendario de actividades» opens the news list (titled «Noticias», the page of
``info.noticias``), whose headlines hold no event. Read as «Entradas sin nada detrás» (b)
(docs/checklist-states.md): ``info.calendario`` is ``no_cumple``, its detail naming the entry and where
it leads. H172 saw ``cumple``.
``test_class_1740_an_entry_to_another_items_page_that_shows_nothing_of_it_is_dead`` fails without the
call to ``elsewhere.mark_elsewhere`` in ``judge._judge_evidence`` (checked: ``cumple``).

Class 1741, the guards (each checked failing, ``no_cumple``, with its condition removed from
``elsewhere.py``):
``test_class_1741_an_entry_to_a_page_titled_for_no_item_stays_evidence`` («Preguntas frecuentes» →
«Orientación a la ciudadanía» with questions and answers, a title no item has), without the «titled for
another item» condition;
``test_class_1741_dated_events_named_among_the_news_are_the_item_shown`` («Calendario de actividades» →
the news list with «Agenda: …» headlines), without ``_shows``;
``test_class_1741_the_menu_asked_for_on_the_home_page_is_the_entry_itself`` («Atención al ciudadano» on
the home page → «Trámites y servicios»: ``ley1712.atencion_ciudadania`` asks for the entry), without the
``_PLACED`` scope guard;
``test_class_1741_an_entry_numbered_in_the_annex_structure_is_read_as_its_numeral`` («1.3. Mapas y
cartas descriptivas de los procesos» on the home page → the page of 1.9), without the ``label_numeral``
guard;
``test_class_1741_an_entry_of_the_transparency_menu_is_read_as_the_entitys_map`` («Servicio al público,
normas, formularios y protocolos de atención» on the Transparencia page → «Trámites y servicios», a page
that menu links), without the ``Hit.in_menu`` guard;
``test_class_1741_oversight_bodies_named_on_a_directory_are_the_list_of_names`` («Entes de control» →
«Directorio de entidades» naming the Contraloría and the Procuraduría), without the ``Item.names`` guard.
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import crawl, report_json, write_config

OFFLINE = "[links]\ncheck_external = false\n"
ENTITY = "Alcaldía Municipal de Santa Rosa del Sur"


def _site(entries: tuple[tuple[str, str], ...], pages: dict[str, tuple[str, str]]) -> dict[str, Resource]:
    """The routes of a site: every page with the same header menu and footer."""
    nav = "<nav><ul>" + "".join(f'<li><a href="{h}">{t}</a></li>' for h, t in entries) + "</ul></nav>"
    return {
        path: Resource.html(
            f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title} | {ENTITY}</title></head>"
            f"<body><header><p>{ENTITY}</p>{nav}</header><main>{main}</main>"
            "<footer>Calle 10 # 8-15, Santa Rosa del Sur. Teléfono 607 555 0101.</footer></body></html>"
        )
        for path, (title, main) in pages.items()
    }


HOME = (
    "Inicio",
    "<h1>Bienvenidos</h1><p>Sitio oficial del municipio de Santa Rosa del Sur, departamento de Bolívar, con la"
    " información de la administración municipal para la ciudadanía.</p>",
)


PROCEDURES = (
    "Trámites y servicios",
    "<h1>Trámites y servicios</h1><ul><li>Impuesto predial: se paga en la Tesorería municipal con el"
    " recibo.</li><li>Certificado de residencia: se pide en la Secretaría de Gobierno con la cédula.</li>"
    "<li>Licencia de construcción: se radica en Planeación con los planos.</li></ul>",
)


def _news(n: int, headline: str) -> tuple[str, str]:
    return (headline, f"<h1>{headline}</h1><p>{headline}: nota de la oficina de prensa de la alcaldía.</p>" * 2)


# class 1740: the calendar entry opens the news list; no event, no agenda, only news
PLAIN_NEWS = (
    "<h1>Noticias</h1><ul>"
    "<li><a href='/noticias/vias-terciarias'>Alcaldía entrega obras de vías terciarias en la vereda El Paraíso</a>"
    " <span>3 de noviembre de 2026</span></li>"
    "<li><a href='/noticias/vacunacion'>Jornada de vacunación canina y felina superó las metas</a>"
    " <span>28 de octubre de 2026</span></li>"
    "<li><a href='/noticias/acueducto'>Avanza la optimización del acueducto del casco urbano</a>"
    " <span>20 de octubre de 2026</span></li></ul>"
)
SITE_ONE = _site(
    (
        ("/", "Inicio"),
        ("/noticias", "Noticias"),
        ("/noticias", "Calendario de actividades"),
        ("/orientacion", "Preguntas frecuentes"),
        ("/tramites", "Atención al ciudadano"),
        ("/directorio-entidades", "Entes de control"),
        ("/transparencia", "Transparencia y acceso a la información pública"),
    ),
    {
        # class 1741: an entry numbered in the annex's structure, outside the Transparencia menu
        "/": (
            HOME[0],
            HOME[1]
            + "<ul><li><a href='/procedimientos'>1.3. Mapas y cartas descriptivas de los procesos</a></li></ul>",
        ),
        "/noticias": ("Noticias", PLAIN_NEWS),
        "/noticias/vias-terciarias": _news(1, "Alcaldía entrega obras de vías terciarias en la vereda El Paraíso"),
        "/noticias/vacunacion": _news(2, "Jornada de vacunación canina y felina superó las metas"),
        "/noticias/acueducto": _news(3, "Avanza la optimización del acueducto del casco urbano"),
        # class 1741: the questions and answers under a title no item of the checklist has
        "/orientacion": (
            "Orientación a la ciudadanía",
            "<h1>Orientación a la ciudadanía</h1>"
            "<h2>¿Dónde pago el impuesto predial?</h2><p>En la Tesorería municipal, con el recibo que llega a su"
            " casa, o en los bancos autorizados.</p>"
            "<h2>¿Cómo pido un certificado de residencia?</h2><p>En la Secretaría de Gobierno, con la cédula; no"
            " tiene costo y se entrega el mismo día.</p>",
        ),
        # class 1741: the menu the item asks for on the home page is the entry itself, wherever it leads
        "/tramites": PROCEDURES,
        # class 1741: the Transparencia page's entry to the procedures (a page the menu links)
        "/servicios": PROCEDURES,
        # class 1741: the oversight bodies named on the directory of entities (a list of names)
        "/directorio-entidades": (
            "Directorio de entidades",
            "<h1>Directorio de entidades</h1><ul><li>Contraloría General de la República</li>"
            "<li>Procuraduría General de la Nación</li><li>Contraloría Departamental de Bolívar</li>"
            "<li>Gobernación de Bolívar</li><li>Departamento Nacional de Planeación</li></ul>",
        ),
        # class 1741: the Transparencia page's entry opens another item's page (its content unread by name)
        "/transparencia": (
            "Transparencia y acceso a la información pública",
            "<h1>Transparencia y acceso a la información pública</h1><ul>"
            "<li><a href='/servicios'>Servicio al público, normas, formularios y protocolos de atención</a></li></ul>",
        ),
        "/procedimientos": (
            "Procedimientos que se siguen para tomar decisiones en las diferentes áreas",
            "<h1>Procedimientos que se siguen para tomar decisiones en las diferentes áreas</h1>"
            "<p>La alcaldía publica los procedimientos con que sus dependencias toman decisiones: el comité de"
            " gestión los revisa cada año y la secretaría de planeación los adopta por resolución.</p>",
        ),
    },
)

# class 1741: the news list shows the agenda among its headlines (dated events, named so)
AGENDA_NEWS = (
    "<h1>Noticias</h1><ul>"
    "<li><a href='/noticias/feria-ganadera'>Agenda: feria ganadera y equina, 12 de enero de 2027</a></li>"
    "<li><a href='/noticias/vacunacion'>Jornada de vacunación canina y felina superó las metas</a>"
    " <span>28 de octubre de 2026</span></li></ul>"
)
SITE_TWO = _site(
    (("/", "Inicio"), ("/noticias", "Noticias"), ("/noticias", "Calendario de actividades")),
    {
        "/": HOME,
        "/noticias": ("Noticias", AGENDA_NEWS),
        "/noticias/feria-ganadera": _news(1, "Agenda: feria ganadera y equina, 12 de enero de 2027"),
        "/noticias/vacunacion": _news(2, "Jornada de vacunación canina y felina superó las metas"),
    },
)


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
            rec["origin"] = origin
            records[(rec["profile"], rec["item"])] = rec
        return records
    finally:
        server.stop()


@pytest.fixture(scope="module")
def one(tmp_path_factory):
    """The site whose calendar entry opens the plain news list."""
    return _records(tmp_path_factory, SITE_ONE, "h174-one")


@pytest.fixture(scope="module")
def two(tmp_path_factory):
    """The site whose news list names its agenda."""
    return _records(tmp_path_factory, SITE_TWO, "h174-two")


def test_class_1740_an_entry_to_another_items_page_that_shows_nothing_of_it_is_dead(one):
    rec = one[("gelt-2008", "info.calendario")]
    assert rec["status"] == "no_cumple", rec
    assert rec["evidence"] == [], rec
    origin = rec["origin"]
    assert (
        f"la entrada «Calendario de actividades» de {origin}/ lleva a {origin}/noticias, la página de «Noticias»,"
        " sin nada de «Calendario de actividades»: no publica nada"
    ) in rec["detail"], rec
    # the news item itself is published by that page
    assert one[("gelt-2008", "info.noticias")]["status"] == "cumple", one[("gelt-2008", "info.noticias")]


def test_class_1741_an_entry_to_a_page_titled_for_no_item_stays_evidence(one):
    rec = one[("gelt-2008", "info.preguntas_frecuentes")]
    assert rec["status"] == "cumple", rec
    assert rec["paths"][0] == "/orientacion", rec


def test_class_1741_the_menu_asked_for_on_the_home_page_is_the_entry_itself(one):
    rec = one[("ley1712-res1519", "ley1712.atencion_ciudadania")]
    assert rec["status"] in ("cumple", "parcial"), rec
    assert "sin nada de" not in rec["detail"], rec


def test_class_1741_an_entry_numbered_in_the_annex_structure_is_read_as_its_numeral(one):
    rec = one[("ley1712-res1519", "ley1712.1.3")]
    assert rec["status"] in ("cumple", "parcial"), rec
    assert rec["paths"][0] == "/procedimientos", rec
    assert "sin nada de" not in rec["detail"], rec


def test_class_1741_an_entry_of_the_transparency_menu_is_read_as_the_entitys_map(one):
    # the procedures (one item's page) hold what the service-to-the-public entry names, unread by name
    rec = one[("ley1712-res1519", "ley1712.1.8")]
    assert rec["status"] in ("cumple", "parcial"), rec
    assert rec["paths"][0] in ("/servicios", "/transparencia"), rec
    assert "sin nada de" not in rec["detail"], rec


def test_class_1741_oversight_bodies_named_on_a_directory_are_the_list_of_names(one):
    rec = one[("gelt-2008", "info.entes_control")]
    assert rec["status"] == "cumple", rec
    assert rec["paths"][0] == "/directorio-entidades", rec


def test_class_1741_dated_events_named_among_the_news_are_the_item_shown(two):
    rec = two[("gelt-2008", "info.calendario")]
    assert rec["status"] == "cumple", rec
    assert rec["paths"][0] == "/noticias", rec
    assert "no publica nada" not in rec["detail"], rec
