"""What the detail of a SECTION that says it has nothing yet SAYS: its notice, quoted as an empty
page's is (docs/checklist-states.md, «Qué dice el detalle»; issue 15, H184; H183 left it: «dice que
aún no tiene nada publicado» without the notice). One small municipal site on 127.0.0.1, crawled once
through the real CLI, offline (external links are not opened). Only the detail's words change: each
section was already shown and empty (``parcial``), its status is pinned too.

Class 1840: the section «Informes de empalme» over «Aún no hay documentos en este ítem.»: the detail
quotes the notice as the page writes it («la sección «Informes de empalme» de URL dice «Aún no hay
documentos en este ítem.»: no tiene nada publicado»). Fails without ``Page.notices`` read by
``guards._shown_nothing`` (checked: «dice que aún no tiene nada publicado»).

Class 1841: a notice written with markup-like text and the detail's own quotes («<b>», «») is
quoted as plain text: the JSON carries the page's words, the committee's HTML report escapes them (no
element made from the page's text). Fails without the quote (checked: the old words); the escaping is
the report template's (autoescape, unchanged): guarded here, not seen failing.

Class 1842: a notice written as the heading's tail (no element of its own holds it) is quoted from
the section's own text. Fails without the quote (checked: the old words).

Class 1843 (guard): «Sin documentos de la vigencia anterior.» beside two reports in PDF under the same
heading publishes them: ``cumple``, the section itself the evidence («sección «Informes de gestión…»
(URL)»), no notice quoted. Fails when a notice empties a section whatever it links (checked with
``not hrefs`` and the «new section or empty pane» condition dropped from the notice branch of
``page_content.read_content``, the mark set over the section's links: still ``cumple``, but by a
document, «documento «Informe de gestión 2025» en URL», the section no longer evidence).
"""

from __future__ import annotations

import lxml.html
import pytest

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import crawl, report_json, run_cli, write_config

OFFLINE = "[links]\ncheck_external = false\n"
ENTITY = "Alcaldía Municipal de Santa Rosa de Lima"
NAV = "<nav><ul><li><a href='/'>Inicio</a></li><li><a href='/transparencia'>Transparencia</a></li></ul></nav>"
PDF = Resource(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", headers={"Content-Type": "application/pdf"})
MARKUP_NOTICE = "&lt;b&gt;Aviso&lt;/b&gt; «Defensa judicial»: no hay documentos publicados a la fecha."


def _html(title: str, main: str) -> Resource:
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title} | {ENTITY}</title></head>"
        f"<body><header><p>{ENTITY}</p>{NAV}</header><main>{main}</main>"
        "<footer>Calle 5 # 4-20, Santa Rosa de Lima, Bolívar. Teléfono 605 555 0202.</footer></body></html>"
    )


ROUTES = {
    "/": _html(
        "Inicio",
        "<h1>Bienvenidos</h1><p>Sitio oficial de la alcaldía del municipio de Santa Rosa de Lima, en el"
        " departamento de Bolívar.</p>",
    ),
    "/transparencia": _html(
        "Transparencia y acceso a la información pública",
        "<h1>Transparencia y acceso a la información pública</h1>"
        "<p>Información publicada según la Ley 1712 de 2014.</p>"
        # class 1840
        "<h3>Informes de empalme</h3><p>Aún no hay documentos en este ítem.</p>"
        # class 1841
        f"<h3>Informe sobre defensa pública y prevención del daño antijurídico</h3><p>{MARKUP_NOTICE}</p>"
        # class 1842: the notice is the heading's tail, in no element of its own
        "<div><h3>Proyectos de inversión</h3>Todavía no hay documentos en esta sección.</div>"
        # class 1843 (guard): a notice beside published reports
        "<h3>Informes de gestión, evaluación y auditoría</h3><p>Sin documentos de la vigencia anterior.</p>"
        "<ul><li><a href='/docs/informe-gestion-2025.pdf'>Informe de gestión 2025</a></li>"
        "<li><a href='/docs/informe-auditoria-2025.pdf'>Informe de auditoría 2025</a></li></ul>",
    ),
    "/docs/informe-gestion-2025.pdf": PDF,
    "/docs/informe-auditoria-2025.pdf": PDF,
}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> tuple[dict[tuple[str, str], dict], str]:
    """The site crawled once by the real CLI: its checklist records by (profile, item), each with
    ``paths``; and the committee's HTML report."""
    server = SiteServer(ROUTES).start()
    try:
        config = write_config(tmp_path_factory.mktemp("h184"), server.url, OFFLINE)
        crawl(config)
        origin = server.url.rstrip("/")
        records = {}
        for rec in report_json(config)["checklist"]:
            rec["paths"] = [u[len(origin) :] if u.startswith(origin) else u for u in rec["evidence"]]
            records[(rec["profile"], rec["item"])] = rec
        html = config.parent / "comite.html"
        result = run_cli("report", "--committee", "--format", "html", "--output", str(html), "--config", str(config))
        assert result.returncode == 0, result.stderr
        return records, html.read_text(encoding="utf-8")
    finally:
        server.stop()


def _section(site, item: str, title: str, said: str) -> dict:
    rec = site[0][("ley1712-res1519", item)]
    assert rec["status"] == "parcial" and rec["paths"][:1] == ["/transparencia"], rec
    assert f"la sección «{title}» de " in rec["detail"], rec
    assert f"/transparencia dice «{said}" in rec["detail"], rec
    assert "aún no tiene nada publicado" not in rec["detail"], rec
    return rec


def test_class_1840_a_section_s_notice_is_quoted_in_the_detail(site):
    _section(
        site,
        "ley1712.4.5",
        "Informes de empalme",
        "Aún no hay documentos en este ítem.»: no tiene nada publicado",
    )


def test_class_1841_a_quoted_section_notice_is_plain_text_escaped_in_the_report(site):
    said = '<b>Aviso</b> "Defensa judicial": no hay documentos publicados a la fecha.'
    _section(site, "ley1712.4.9", "Informe sobre defensa pública y prevención del daño antijurídico", f"{said}»")
    html = site[1]
    assert "<b>Aviso</b>" not in html and "&lt;b&gt;Aviso&lt;/b&gt;" in html
    doc = lxml.html.fromstring(html)
    assert not doc.xpath("//b[normalize-space()='Aviso']")  # no element made from the page's text
    assert f"«{said}»" in doc.text_content()


def test_class_1842_a_notice_in_the_heading_s_tail_is_quoted_from_the_section_s_text(site):
    _section(
        site,
        "ley1712.4.4",
        "Proyectos de inversión",
        "Todavía no hay documentos en esta sección.»: no tiene nada publicado",
    )


def test_class_1843_a_notice_beside_published_reports_is_content(site):
    rec = site[0][("ley1712-res1519", "ley1712.4.7")]
    assert rec["status"] == "cumple" and rec["paths"][:1] == ["/transparencia"], rec
    # the section itself is the evidence (not only its documents): it publishes, it is not empty
    assert rec["detail"].startswith("sección «Informes de gestión, evaluación y auditoría» ("), rec
    assert "no tiene nada publicado" not in rec["detail"] and "Sin documentos" not in rec["detail"], rec
