"""Classes from a fresh tuning site's first contact (issue 15, H241: `zzj-santamargarita`, the pages a
person reads on any site made without headings). One shared crawl of a small E.S.E. hospital's site
on 127.0.0.1, through the real CLI, offline (external links are not opened).

Class 2410: an unnumbered section title written as a paragraph that is only bold text («<p><b>Informe
de empalme.</b></p>» over its list of documents) titles what follows it up to the next such title, as
the numbered form does (``regions._plain_bold_title``).
``test_class_2410_an_unnumbered_bold_paragraph_titles_its_documents`` fails without it (checked:
``plan.empalme`` ``no_cumple``, «no se encontró en el sitio rastreado»).

Class 2411: a site map (its first content title «Mapa del sitio», the menu's groups under it as h1s) is
named by that title, not by its last group («Noticias»), and its own links are no evidence: it lists
every page and is never an item's section (``parse``: the page's labels; ``evidence``: its content
block's occurrences left out). ``test_class_2411_a_site_maps_links_are_no_evidence`` fails without
the evidence rule and without the labels rule it reads the map by (checked, both: the links «Funciones
y deberes» and «Normativa» found on /mapa are the evidence of ``info.funciones`` and
``info.normatividad``). ``test_class_2411_a_site_map_is_named_by_its_first_title`` fails without
class 2410 (checked: ``no_cumple``; the bold «Mapa del Sitio» is then no title); it passes without the
labels rule alone here (checked), where on `zzj-santamargarita` that rule turned ``info.mapa_sitio``
from ``no_cumple`` («la página de «Noticias»») to ``cumple``.

Class 2412: «no aplica» said by the entity on the item's page under a bold title («Este ITEM no aplica
a la entidad…»; «a la E.S.E. Hospital … no le aplica el reporte…», the pronoun standing for the entity
named before it), and a section elsewhere whose only entry leads to that page, propose ``no_aplica``
(``applies._NA_TO_KIND``, ``applies.leads_to_no_aplica``).
``test_class_2412_the_entitys_own_no_aplica_is_proposed`` fails without ``_NA_TO_KIND`` (checked:
``ley1712.4.6`` ``parcial``) and without class 2410 (checked: ``ley1712.2.3`` ``parcial``). It does NOT
isolate ``leads_to_no_aplica`` (checked: it passes without it; here the section of /normativa is no
competing evidence); on `zzj-santamargarita` that rule is what turns ``ley1712.2.3`` from ``cumple`` to
``no_aplica`` (measured: 1/2 without it, 2/2 with it).
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import crawl, report_json, write_config

OFFLINE = "[links]\ncheck_external = false\n"
ENTITY = "E.S.E. Hospital San Rafael de Girardota"

ENTRIES = (
    ("/", "Inicio"),
    ("/funciones", "Funciones y deberes"),
    ("/planeacion", "Planeación"),
    ("/normativa", "Normativa"),
    ("/proyectos-normas", "Proyectos de normas para comentarios"),
    ("/info-publica", "Información pública y/o relevante"),
    ("/noticias", "Noticias"),
)
NAV = "<nav><ul>" + "".join(f'<li><a href="{h}">{t}</a></li>' for h, t in ENTRIES) + "</ul></nav>"
FOOTER = (
    '<footer><p>Carrera 20 # 10-30, Girardota. Teléfono 604 555 0000.</p><a href="/mapa">Mapa del sitio</a></footer>'
)


def _html(main: str) -> Resource:
    # the site's title on every page, as the template writes it: a page is named by what it shows
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{ENTITY}</title></head>"
        f"<body><header><p>{ENTITY}</p>{NAV}</header><div id='contenido'>{main}</div>{FOOTER}</body></html>"
    )


def _bold(title: str) -> str:
    return f'<p id="quienes"><b>{title}</b></p>'


def _docs(*names: str) -> str:
    return (
        '<ul class="list-unstyled">'
        + "".join(
            f'<li><a href="/docs/{n.lower().replace(" ", "-")}.pdf"><img src="/img/icono.png" alt="icono">'
            f"<span><b>{n}.</b></span></a></li>"
            for n in names
        )
        + "</ul>"
    )


PDF = Resource(b"%PDF-1.4\n%%EOF\n", headers={"Content-Type": "application/pdf"})
ROUTES: dict[str, Resource] = {
    "/": _html(
        "<h2>Bienvenidos</h2><p>La E.S.E. Hospital San Rafael presta servicios de salud de primer nivel a los"
        " habitantes de Girardota y sus veredas, con urgencias las veinticuatro horas.</p>"
    ),
    "/img/icono.png": Resource(b"\x89PNG\r\n\x1a\n", headers={"Content-Type": "image/png"}),
    "/funciones": _html(
        _bold("Funciones y deberes")
        + "<p>Son funciones de la oficina de atención al usuario: orientar a los usuarios, recibir sus"
        " peticiones, quejas y reclamos, y responderlas en los términos de la ley.</p>"
    ),
    # class 2410: the page's title and its sections, each a bold paragraph over a list of documents
    # whose names do not name the section
    "/planeacion": _html(
        _bold("Planeación ")
        + "<br><br>"
        + _bold("Informe de empalme.")
        + _docs("Acta de entrega 2023", "Acta de entrega 2019")
        + "<br><br>"
        + _bold("Presupuesto general.")
        + _docs("Ejecución de ingresos junio 2026", "Ejecución de gastos junio 2026")
    ),
    "/docs/acta-de-entrega-2023.pdf": PDF,
    "/docs/acta-de-entrega-2019.pdf": PDF,
    "/docs/ejecución-de-ingresos-junio-2026.pdf": PDF,
    "/docs/ejecución-de-gastos-junio-2026.pdf": PDF,
    # class 2412: the section that lists the page saying the item does not apply, and that page
    "/normativa": _html(
        _bold("Normativa ")
        + "<br><br>"
        + _bold("Proyectos de normas para comentarios.")
        + '<ul class="list-unstyled"><li><a href="/proyectos-normas"><img src="/img/icono.png" alt="icono">'
        "<span><b>Proyectos de normas para comentarios.</b></span></a></li>"
        '<li><a href="" target="_blank"><img src="/img/icono.png" alt="icono"><span><b>Proyectos normativos.'
        " (No aplica)</b></span></a></li></ul>"
    ),
    "/proyectos-normas": _html(
        _bold("Proyectos de normas para comentarios ")
        + "<br><br><p>Este ITEM no aplica a la entidad de acuerdo con el decreto 1081 del 26 de mayo de 2015,"
        " que estipula que la agenda regulatoria es exclusiva de los ministerios y departamentos"
        " administrativos, a los cuales no pertenece la ESE.</p>"
    ),
    "/info-publica": _html(
        _bold("Información pública y/o relevante ")
        + "<br><br><p>De acuerdo con el decreto 2555 de 2010 del Ministerio de Hacienda, a la E.S.E. Hospital"
        " San Rafael de Girardota no le aplica el reporte o divulgación de información relevante ante la"
        " Superintendencia Financiera, al no ser emisor de valores.</p>"
    ),
    "/noticias": _html(
        "<h1>Noticias</h1><h2>Jornada de vacunación</h2><p>El 3 de diciembre de 2026 el hospital realizó una"
        " jornada de vacunación en la vereda San Andrés, con más de doscientas personas atendidas.</p>"
    ),
    # class 2411: the site map, titled by a bold paragraph, the menu's groups as h1s
    "/mapa": _html(
        _bold("Mapa del Sitio ")
        + '<h1>Inicio</h1><li><a href="/">Inicio</a></li>'
        + '<h1>Información de la entidad</h1><ul><li><a href="/funciones">Funciones y deberes</a></li>'
        '<li><a href="/planeacion">Planeación</a></li><li><a href="/normativa">Normativa</a></li></ul>'
        + '<h1>Noticias</h1><ul><li><a href="/noticias">Últimas noticias</a></li></ul>'
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    server = SiteServer(ROUTES).start()
    try:
        config = write_config(tmp_path_factory.mktemp("h241"), server.url, OFFLINE)
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


def test_class_2410_an_unnumbered_bold_paragraph_titles_its_documents(site):
    rec = site[("gelt-2008", "plan.empalme")]
    assert rec["status"] == "cumple", rec
    assert rec["paths"][:1] == ["/planeacion"], rec
    assert "Informe de empalme" in rec["detail"], rec


def test_class_2411_a_site_map_is_named_by_its_first_title(site):
    rec = site[("gelt-2008", "info.mapa_sitio")]
    assert rec["status"] == "cumple", rec
    assert rec["paths"][:1] == ["/mapa"], rec
    assert "Noticias" not in rec["detail"], rec


def test_class_2411_a_site_maps_links_are_no_evidence(site):
    on_map = [(key, rec["detail"]) for key, rec in site.items() if f"» en {rec['origin']}/mapa" in rec["detail"]]
    assert not on_map, on_map
    rec = site[("gelt-2008", "info.funciones")]
    assert "/mapa" not in rec["paths"], rec


def test_class_2412_the_entitys_own_no_aplica_is_proposed(site):
    rec = site[("ley1712-res1519", "ley1712.2.3")]
    assert rec["status"] == "no_aplica", rec
    assert rec["paths"][:1] == ["/proyectos-normas"], rec
    assert "Este ITEM no aplica a la entidad" in rec["detail"], rec
    rec = site[("ley1712-res1519", "ley1712.4.6")]
    assert rec["status"] == "no_aplica", rec
    assert rec["paths"][:1] == ["/info-publica"], rec
    assert "no le aplica el reporte" in rec["detail"], rec
