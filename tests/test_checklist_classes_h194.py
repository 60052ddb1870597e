"""What the detail of a CATEGORY that counts or names that it has nothing, and of an ENTRY that leads
to a page whose same-named section says it has nothing, SAYS: the counter or the notice, quoted as an
empty page's is (docs/checklist-states.md, «Qué dice el detalle»; issue 15, H194; H184 left both with
the general words). One small municipal site on 127.0.0.1, crawled once through the real CLI,
offline. Only the detail's words change: each status is pinned as it was (``parcial``).

Class 1940: a filter button «Estructura Organizacional · Organigrama, manual de funciones y
estructura · 0 documento(s)»: the detail quotes the counter as the page writes it («la sección
«Estructura Organizacional» de URL dice «0 documento(s)»: no tiene nada publicado»). Fails without
the counter kept in ``Content.notices`` by ``page_content._category`` (checked: «dice que aún no
tiene nada publicado»).

Class 1941: the menu entry «⚖️ Normatividad» opens the page filtered to that category, which says
«No hay documentos disponibles en la categoría "Normatividad".»: the detail quotes that notice.
Fails without the notice kept by ``_category`` (checked: the section's detail «dice que aún no
tiene nada publicado»); the entry's detail («el enlace «⚖️ Normatividad» lleva a URL, cuya sección
«Normatividad» dice «…»») fails without ``pages.empty_there`` reading ``Page.notices`` (checked:
«que dice no tener nada en «Normatividad»»).

Class 1942: the entry «Informes de empalme» leads to a page with content whose section «Informes de
empalme» says «Aún no hay documentos en este ítem.»: the link's detail quotes the section's notice
(«el enlace «Informes de empalme» lleva a URL, cuya sección «Informes de empalme» dice «…»: no tiene
nada publicado»). Fails without ``pages.empty_there`` reading ``Page.notices`` (checked: «que dice
no tener nada en «Informes de empalme»»).

Class 1943: a counter and a section notice written with markup-like text, «» and straight quotes
(«<script>…</script>», «vigentes», "b"), and section titles with «» («Presupuesto «general»», the
entry «Plan de acción «2026»» to its section): quoted as plain text, their «» made straight, and the
committee's HTML report escapes them (no ``<script>`` element made from the page's text). Fails
without the quotes (checked: the old words); without ``quoting.shorten`` on the section's title in
``guards._shown_nothing`` (checked: «la sección «Presupuesto «general»» de …») and in
``pages.empty_there`` (checked: «cuya sección «Plan de acción «2026»» dice …»); and with the report's
autoescape turned off (checked, ``reports/render.py`` ``_OPTIONS``: «<script>alert» in the HTML). The
link's own text is quoted as the link writes it (all the link details do so; not changed here).

Class 1945: a page with no script that shows only «Cargando...» written between «»: the detail quotes
the loading word with its «» made straight, as every quoted text («solo muestra «"Cargando..."», sin
un script que lo cargue»). Fails without ``quoting.shorten`` in ``quoting.placeholder`` (checked:
«solo muestra ««Cargando...»»»).

Class 1944 (guard, what ``section_pages.dead_list``'s docstring now says): H186's section page of one
list whose entries lead home or to an empty page (class 1861), with one more entry «Volver al
inicio» to the home page in that list: a way back is read as a link to a live page, so the page is
not named and empty (the safe side). Fails when a way back counts as a dead entry (checked with
``link.norm not in START_PAGE_NAMES`` dropped from ``dead_list``: «nombra sus entradas
(«Consulta de la normativa», …)»). H186's own site (without the way back) is in
``tests/test_checklist_classes_h186.py``.
"""

from __future__ import annotations

import lxml.html
import pytest

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import crawl, report_json, run_cli, write_config
from tests.test_checklist_classes_h186 import LISTS, NORMS, _list_page

OFFLINE = "[links]\ncheck_external = false\n"
ENTITY = "Alcaldía Municipal de San Juan de Betulia"
NAV = (
    "<nav><ul><li><a href='/'>Inicio</a></li><li><a href='/transparencia'>Transparencia</a><ul>"
    "<li><a href='/transparencia?categoria=normatividad'>⚖️ Normatividad</a></li>"
    "<li><a href='/informes'>Informes de empalme</a></li>"
    "<li><a href='/gestion'>Informe sobre defensa pública y prevención del daño antijurídico</a></li>"
    "<li><a href='/planes'>Plan de acción «2026»</a></li>"
    "<li><a href='/preguntas-frecuentes'>Preguntas frecuentes</a></li>"
    "</ul></li></ul></nav>"
)
SCRIPT_COUNTER = "0 documento(s) &lt;script&gt;alert(1)&lt;/script&gt; «vigentes» &quot;b&quot;"
SCRIPT_NOTICE = "Aún no hay documentos &lt;script&gt;alert(2)&lt;/script&gt; en «este» &quot;ítem&quot;."


def _html(title: str, main: str) -> Resource:
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title} | {ENTITY}</title></head>"
        f"<body><header><p>{ENTITY}</p>{NAV}</header><main>{main}</main>"
        "<footer>Calle 8 # 3-15, San Juan de Betulia, Sucre. Teléfono 605 555 0303.</footer></body></html>"
    )


def _button(name: str, description: str, count: str) -> str:
    return (
        '<button class="categoria-btn"><span class="categoria-icon">📁</span>'
        f'<span class="categoria-nombre">{name}</span><span class="categoria-desc">{description}</span>'
        f'<span class="categoria-count">{count}</span></button>'
    )


def _hub(notice: str) -> Resource:
    grid = _button("Estructura Organizacional", "Organigrama, manual de funciones y estructura", "0 documento(s)")
    grid += _button(
        "Presupuesto «general»", "Presupuesto general, ejecución presupuestal y modificaciones", SCRIPT_COUNTER
    )
    return _html(
        "Transparencia y acceso a la información pública",
        "<h1>Transparencia y acceso a la información pública</h1><p>En cumplimiento de la Ley 1712 de 2014,"
        " la alcaldía publica la siguiente información pública para la ciudadanía.</p>"
        f'<div class="categorias-filtro"><h2>Seleccione una categoría:</h2><div class="categorias-grid">{grid}</div></div>'
        f'<div class="no-results"><p>{notice}</p></div>',
    )


LONG = (
    "<p>La alcaldía publica en esta página los informes que exige la ley a la administración municipal,"
    " con su fecha de publicación y la dependencia responsable de cada uno, para consulta de la ciudadanía"
    " y de los organismos de control.</p>"
)
ROUTES = {
    "/": _html(
        "Inicio",
        "<h1>Bienvenidos</h1><p>Sitio oficial de la alcaldía del municipio de San Juan de Betulia, en el"
        " departamento de Sucre.</p>",
    ),
    "/transparencia": _hub("No hay documentos disponibles en este momento."),
    # class 1941
    "/transparencia?categoria=normatividad": _hub(
        "No hay documentos disponibles en la categoría &quot;Normatividad&quot;."
    ),
    # class 1942: a page with content, whose section named as the entry says it has nothing yet
    "/informes": _html(
        "Informes",
        f"<h1>Informes</h1>{LONG}<h3>Informes de empalme</h3><p>Aún no hay documentos en este ítem.</p>"
        "<h3>Informes de gestión</h3><ul><li><a href='/docs/informe-gestion-2025.pdf'>Informe de gestión 2025</a>"
        "</li></ul>",
    ),
    # class 1943: the notice with markup-like text and quotes
    "/gestion": _html(
        "Defensa jurídica",
        f"<h1>Defensa jurídica</h1>{LONG}<h3>Informe sobre defensa pública y prevención del daño antijurídico</h3>"
        f"<p>{SCRIPT_NOTICE}</p><h3>Informes de gestión</h3><ul><li><a href='/docs/informe-gestion-2025.pdf'>"
        "Informe de gestión 2025</a></li></ul>",
    ),
    # class 1943: a section title with «», led to by an entry of the same name
    "/planes": _html(
        "Planes",
        f"<h1>Planes</h1>{LONG}<h3>Plan de acción «2026»</h3><p>Aún no hay documentos en este ítem.</p>"
        "<h3>Informes de gestión</h3><ul><li><a href='/docs/informe-gestion-2025.pdf'>Informe de gestión 2025</a>"
        "</li></ul>",
    ),
    # class 1945: a loading word in «», on a page with no script
    "/preguntas-frecuentes": _html("Preguntas frecuentes", "<h1>Preguntas frecuentes</h1><p>«Cargando...»</p>"),
    "/docs/informe-gestion-2025.pdf": Resource(
        b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", headers={"Content-Type": "application/pdf"}
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> tuple[dict[tuple[str, str], dict], str]:
    """The site crawled once by the real CLI: its checklist records by (profile, item), each with
    ``paths``; and the committee's HTML report."""
    server = SiteServer(ROUTES).start()
    try:
        config = write_config(tmp_path_factory.mktemp("h194"), server.url, OFFLINE)
        crawl(config)
        origin = server.url.rstrip("/")
        records = {}
        for rec in report_json(config)["checklist"]:
            rec["paths"] = [u[len(origin) :] if u.startswith(origin) else u for u in rec["evidence"]]
            rec["detail"] = rec["detail"].replace(origin, "")
            records[(rec["profile"], rec["item"])] = rec
        html = config.parent / "comite.html"
        result = run_cli("report", "--committee", "--format", "html", "--output", str(html), "--config", str(config))
        assert result.returncode == 0, result.stderr
        return records, html.read_text(encoding="utf-8")
    finally:
        server.stop()


def _rec(site, profile: str, item: str, path: str) -> dict:
    rec = site[0][(profile, item)]
    assert rec["status"] == "parcial" and rec["paths"][:1] == [path], rec
    assert "aún no tiene nada publicado" not in rec["detail"] and "no tener nada en" not in rec["detail"], rec
    return rec


def test_class_1940_a_category_counted_empty_quotes_its_counter(site):
    for profile, item, title in (
        ("gelt-2008", "info.organigrama", "Organigrama, manual de funciones y estructura"),
        ("ley1712-res1519", "ley1712.1.2", "Organigrama, manual de funciones y estructura"),
    ):
        rec = _rec(site, profile, item, "/transparencia")
        assert rec["detail"].startswith(
            f"la sección «{title}» de /transparencia dice «0 documento(s)»: no tiene nada publicado"
        ), rec


def test_class_1941_a_category_a_notice_names_empty_quotes_that_notice(site):
    said = 'dice «No hay documentos disponibles en la categoría "Normatividad".»: no tiene nada publicado'
    page = "/transparencia?categoria=normatividad"
    rec = _rec(site, "ley1712-res1519", "ley1712.2", page)
    assert rec["detail"] == f"la sección «Normatividad» de {page} {said}", rec
    for profile, item in (("gelt-2008", "info.normatividad"), ("ley1712-res1519", "ley1712.2.1")):
        rec = _rec(site, profile, item, page)
        assert rec["detail"] == f"el enlace «⚖️ Normatividad» lleva a {page}, cuya sección «Normatividad» {said}", rec


def test_class_1942_an_entry_to_a_section_that_says_it_has_nothing_quotes_its_notice(site):
    for profile, item in (("gelt-2008", "plan.empalme"), ("ley1712-res1519", "ley1712.4.5")):
        rec = _rec(site, profile, item, "/informes")
        assert rec["detail"] == (
            "el enlace «Informes de empalme» lleva a /informes, cuya sección «Informes de empalme» dice «Aún no"
            " hay documentos en este ítem.»: no tiene nada publicado"
        ), rec


def test_class_1943_quoted_counters_and_notices_are_plain_text_escaped_in_the_report(site):
    counter = '0 documento(s) <script>alert(1)</script> "vigentes" "b"'
    notice = 'Aún no hay documentos <script>alert(2)</script> en "este" "ítem".'
    rec = _rec(site, "ley1712-res1519", "ley1712.4.1", "/transparencia")
    # the section's title and the counter: their «» made straight, so neither closes the detail's quote
    assert rec["detail"].startswith(
        f'la sección «Presupuesto "general"» de /transparencia dice «{counter}»: no tiene nada publicado'
    ), rec
    title = "Informe sobre defensa pública y prevención del daño antijurídico"
    rec = _rec(site, "ley1712-res1519", "ley1712.4.9", "/gestion")
    assert rec["detail"] == (
        f"el enlace «{title}» lleva a /gestion, cuya sección «{title}» dice «{notice}»: no tiene nada publicado"
    ), rec
    # the section's title, quoted after the link's text (as the link writes it), made straight too
    rec = _rec(site, "ley1712-res1519", "ley1712.4.3", "/planes")
    assert rec["detail"].startswith(
        'el enlace «Plan de acción «2026»» lleva a /planes, cuya sección «Plan de acción "2026"» dice «Aún no'
        " hay documentos en este ítem.»: no tiene nada publicado"
    ), rec
    html = site[1]
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html
    doc = lxml.html.fromstring(html)
    assert not [s for s in doc.iter("script") if "alert" in (s.text or "")]  # no element from the page's text
    text = doc.text_content()
    assert f"«{counter}»" in text and f"«{notice}»" in text


def test_class_1945_a_quoted_loading_word_is_made_plain_as_every_quote(site):
    rec = _rec(site, "gelt-2008", "info.preguntas_frecuentes", "/preguntas-frecuentes")
    assert rec["detail"] == (
        'la página /preguntas-frecuentes solo muestra «"Cargando..."», sin un script que lo cargue: no tiene nada'
        " publicado"
    ), rec


@pytest.fixture(scope="module")
def way_back(tmp_path_factory) -> dict[tuple[str, str], dict]:
    """H186's section pages (class 1861) with a «Volver al inicio» among the list's entries."""
    routes = dict(LISTS)
    routes["/transparencia/normativa"] = _list_page(
        "Normativa", ("/normativa/consulta", "Consulta de la normativa"), (*NORMS, "Volver al inicio")
    )
    server = SiteServer(routes).start()
    try:
        config = write_config(tmp_path_factory.mktemp("h194-back"), server.url, OFFLINE)
        crawl(config)
        return {(r["profile"], r["item"]): r for r in report_json(config)["checklist"]}
    finally:
        server.stop()


def test_class_1944_a_way_back_in_a_list_of_dead_entries_is_read_as_a_live_link(way_back):
    rec = way_back[("ley1712-res1519", "ley1712.2")]
    assert "nombra sus entradas" not in rec["detail"] and "página vacía" not in rec["detail"], rec
