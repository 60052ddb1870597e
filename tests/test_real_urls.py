"""Real-world URLs and names: accents and spaces in paths, placeholder links, repeated titles."""

from __future__ import annotations

import csv
import io
import json

import lxml.html

from gelt_audit.demo.server import Resource
from tests.helpers import crawl, page, report_json, run_cli

ACCENTED = """
[[dependencias]]
name = "Secretaría de Planeación"
responsable = "Marta Ruiz"
match = ["/plan-de-acción/", "/secretaría-de-planeación/"]
"""


def test_a_match_prefix_typed_with_accents_claims_the_percent_encoded_pages(serve, config_for):
    site = serve(
        {
            "/": page("Inicio", links=("/plan-de-acción/2026", "/secretar%C3%ADa-de-planeaci%C3%B3n/")),
            "/plan-de-acci%C3%B3n/2026": page("Plan de acción 2026"),
            "/secretar%C3%ADa-de-planeaci%C3%B3n/": page("Secretaría de Planeación"),
        }
    )
    config = config_for(site.url, extra=ACCENTED)
    crawl(config)
    pages = {p["title"]: p for p in report_json(config)["pages"]}
    assert pages["Plan de acción 2026"]["dependencia"] == "Secretaría de Planeación"
    assert pages["Secretaría de Planeación"]["dependencia"] == "Secretaría de Planeación"
    assert pages["Inicio"]["dependencia"] is None


def _same_title(heading: str, crumb: str = "") -> Resource:
    nav = f'<nav aria-label="breadcrumb"><ol><li>Inicio</li><li>{crumb}</li></ol></nav>' if crumb else ""
    return Resource.html(
        "<!doctype html><html lang='es'><head><meta charset='utf-8'><title>Alcaldía de Prueba</title></head>"
        f"<body>{nav}<main><h1>{heading}</h1><p>Contenido de {heading}.</p>"
        "<a href='/a'>a</a> <a href='/b'>b</a> <a href='/c'>c</a> <a href='/d'>d</a></main></body></html>"
    )


def test_pages_that_share_one_title_are_named_by_their_heading_or_breadcrumb(serve, config_for):
    site = serve(
        {
            "/": _same_title("Inicio"),
            "/a": _same_title("Trámites y servicios"),
            "/b": _same_title("Contáctenos"),
            # the h1 is the entity's logo on these two: the breadcrumb names them
            "/c": _same_title("Alcaldía", "Presupuesto 2026"),
            "/d": _same_title("Alcaldía", "Plan de desarrollo"),
        }
    )
    config = config_for(site.url)
    crawl(config)
    titles = {p["url"].removeprefix(site.url.rstrip("/")): p["title"] for p in report_json(config)["pages"]}
    assert titles == {
        "/": "Inicio",
        "/a": "Trámites y servicios",
        "/b": "Contáctenos",
        "/c": "Presupuesto 2026",
        "/d": "Plan de desarrollo",
    }


DOCS = """
[[dependencias]]
name = "Secretaría de Hacienda"
responsable = "Luis Gómez"
match = ["/hacienda/"]
"""


def _documents_page() -> Resource:
    return Resource.html(
        "<!doctype html><html lang='es'><head><meta charset='utf-8'><title>Contratación</title></head>"
        "<body><main><h1>Contratación</h1>\n"
        "<p><a href='/pdf/1. REPORTE CONTRATOS.pdf'>Reporte de contratos</a></p>\n"
        "<p><a href='/documentos/Plan de Acción 2026.xlsx'>Plan de Acción 2026</a></p>\n"
        "<p><a href='/pdf/Resolución063.pdf'>Resolución 063</a></p>\n"
        "</main></body></html>"
    )


def test_documents_with_spaces_and_accents_are_checked_and_a_missing_one_is_broken(serve, config_for, tmp_path):
    pdf = Resource(b"%PDF-1.4\n", headers={"Content-Type": "application/pdf"})
    xlsx = Resource(b"PK\x03\x04", headers={"Content-Type": "application/vnd.ms-excel"})
    site = serve(
        {
            "/": page("Inicio", links=("/hacienda/contratacion",)),
            "/hacienda/contratacion": _documents_page(),
            "/pdf/1.%20REPORTE%20CONTRATOS.pdf": pdf,
            "/documentos/Plan%20de%20Acci%C3%B3n%202026.xlsx": xlsx,
            # /pdf/Resolución063.pdf is missing: 404
        }
    )
    config = config_for(site.url, extra=DOCS)
    crawl(config)
    base = site.url.rstrip("/")
    links = {link["url"].removeprefix(base): link for link in report_json(config)["links"]}
    present = links["/pdf/1.%20REPORTE%20CONTRATOS.pdf"]
    plan = links["/documentos/Plan%20de%20Acci%C3%B3n%202026.xlsx"]
    missing = links["/pdf/Resoluci%C3%B3n063.pdf"]
    assert (present["state"], present["status"]) == ("ok", 200)
    assert (plan["state"], plan["status"]) == ("ok", 200)
    assert (missing["state"], missing["status"]) == ("broken", 404)
    assert missing["occurrences"] == [
        {
            "page": f"{base}/hacienda/contratacion",
            "text": "Resolución 063",
            "tag": "a",
            "line": 4,
            "dependencia": "Secretaría de Hacienda",
        }
    ]
    assert not [link for link in links.values() if (link["error"] or "").startswith("no rastreado")]
    # the reader sees the document's name as written, not its percent-escapes
    out = tmp_path / "semanal.html"
    result = run_cli("report", "--config", str(config), "--output", str(out))
    assert result.returncode == 0, result.stderr
    shown = lxml.html.fromstring(out.read_text(encoding="utf-8")).text_content()
    assert "/pdf/Resolución063.pdf" in shown and "Resoluci%C3%B3n063" not in shown


def _placeholder_page() -> Resource:
    return Resource.html(
        "<!doctype html><html lang='es'><head><meta charset='utf-8'><title>Contratos</title></head>\n"
        "<body><nav><ul><li><a href='#'>Ejecución de contratos 2025 &gt;&gt;</a></li></ul></nav>\n"
        "<main id='top'><h1>Contratos</h1>\n"
        "<ul><li><a href='javascript:void(0)'>Informe de supervisión</a></li>\n"
        "<li><a href=''>Plan anual de adquisiciones</a></li>\n"
        "<li><a href='javascript:;'>Presupuesto 2026</a></li>\n"
        "<li><a href='#' data-toggle='dropdown'>Transparencia</a></li>\n"
        "<li><a href='#' onclick='abrir()'>Ver más</a></li>\n"
        "<li><a href='#'><i class='icono'></i></a></li></ul>\n"
        "<p><a href='#'>Ir arriba ↑</a> <a href='#'>Volver arriba</a> <a href='#top'>Subir</a></p>\n"
        "</main></body></html>"
    )


def test_links_that_go_nowhere_are_reported_with_their_page_text_and_line(serve, config_for, tmp_path):
    site = serve({"/": page("Inicio", links=("/hacienda/contratos",)), "/hacienda/contratos": _placeholder_page()})
    config = config_for(site.url, extra=DOCS)
    crawl(config)
    report = report_json(config)
    contracts = site.url + "hacienda/contratos"
    assert report["placeholder_links"] == [
        {"page": contracts, "text": text, "line": line, "href": href, "dependencia": "Secretaría de Hacienda"}
        for text, line, href in [
            ("Ejecución de contratos 2025 >>", 2, "#"),
            ("Informe de supervisión", 4, "javascript:void(0)"),
            ("Plan anual de adquisiciones", 5, ""),
            ("Presupuesto 2026", 6, "javascript:;"),
        ]
    ]
    # they are never requested nor listed as links to check
    assert not [link for link in report["links"] if not link["url"].startswith("http")]
    assert {path for _, path, _ in site.requests} <= {"/", "/hacienda/contratos", "/robots.txt", "/sitemap.xml"}
    result = run_cli("report", "--config", str(config), "--format", "csv", "--output", str(tmp_path))
    assert result.returncode == 0, result.stderr
    [table] = tmp_path.glob("semanal-*-enlaces-sin-destino.csv")
    rows = list(csv.reader(io.StringIO(table.read_text(encoding="utf-8-sig"))))
    assert rows[1] == ["Secretaría de Hacienda", contracts, "Ejecución de contratos 2025 >>", "2", "#"]
    assert len(rows) == 5
    out = tmp_path / "semanal.html"
    assert run_cli("report", "--config", str(config), "--output", str(out)).returncode == 0
    doc = lxml.html.fromstring(out.read_text(encoding="utf-8"))
    [table] = doc.xpath("//h3[@id='sin-destino']/following-sibling::div[1]//table")
    cells = [[" ".join(td.text_content().split()) for td in tr.xpath("td")] for tr in table.xpath(".//tbody/tr")]
    assert cells[0] == ["«Ejecución de contratos 2025 >>»", "/hacienda/contratos", "2", "Secretaría de Hacienda"]
    assert len(cells) == 4


def _dated(body: str) -> Resource:
    return Resource.html(
        "<!doctype html><html lang='es'><head><meta charset='utf-8'><title>Hacienda</title></head>"
        f"<body><main><h1>Hacienda</h1>{body}</main></body></html>"
    )


def test_dates_in_document_titles_are_not_publication_dates(serve, config_for):
    site = serve(
        {
            "/": page("Inicio", links=("/hacienda/resoluciones", "/hacienda/noticia")),
            "/hacienda/resoluciones": _dated(
                "<ul><li><a href='/docs/r063.pdf'>Resolución 063 del 15 de enero de 2026.pdf</a></li>"
                "<li><a href='/docs/acta.pdf'>Acta 12/01/2026</a></li></ul>"
            ),
            "/hacienda/noticia": _dated("<p>Publicado el 8 de enero de 2026.</p>"),
        }
    )
    config = config_for(site.url, extra=DOCS)
    env = {"GELT_TODAY": "2026-01-20"}
    result = run_cli("crawl", "--config", str(config), env=env)
    assert result.returncode == 0, result.stderr
    result = run_cli("report", "--format", "json", "--config", str(config), env=env)
    assert result.returncode == 0, result.stderr
    [hacienda] = json.loads(result.stdout)["dependencias"]
    assert hacienda["update_days"] == [{"date": "2026-01-08", "signals": ["fecha publicada"]}]
    assert hacienda["last_update"] == "2026-01-08"


def test_a_redirect_to_an_address_with_spaces_is_followed_to_its_target(serve, config_for):
    site = serve(
        {
            "/": page("Inicio", links=("/viejo", "/otro", "/antiguo")),
            "/viejo": Resource(status=301, headers={"Location": "/documentos/Plan de Acción"}),
            # the same address sent as UTF-8 bytes (http.server writes header text as Latin-1)
            "/otro": Resource(
                status=301, headers={"Location": "/documentos/Plan de Acción".encode().decode("latin-1")}
            ),
            "/antiguo": Resource(status=302, headers={"Location": "/documentos/Informe de gestión"}),
            "/documentos/Plan%20de%20Acci%C3%B3n": page("Plan de Acción"),
        }
    )
    config = config_for(site.url)
    crawl(config)
    links = {link["url"]: link for link in report_json(config)["links"]}
    moved, gone = links[site.url + "viejo"], links[site.url + "antiguo"]
    assert (moved["state"], moved["final_status"]) == ("redirect", 200)
    assert links[site.url + "otro"]["chain"] == [[site.url + "otro", 301]]
    assert (links[site.url + "otro"]["state"], links[site.url + "otro"]["final_status"]) == ("redirect", 200)
    assert (gone["state"], gone["final_status"]) == ("broken", 404)


def test_allied_entities_that_could_not_be_checked_are_not_said_to_work(serve, config_for):
    # The allied entity is a closed port on this machine: every external check fails to connect,
    # the tool cannot tell whether the entity's site works (as when the machine is offline).
    site = serve({"/": page("Inicio", links=("http://127.0.0.1:9/tramites/",))})
    config = config_for(site.url, extra='[links]\nentidades = ["127.0.0.1:9"]\nprivate_addresses = "allow"\n')
    crawl(config)
    report = report_json(config)
    [link] = [lnk for lnk in report["links"] if lnk["url"].startswith("http://127.0.0.1:9/")]
    assert link["state"] == "unverified"
    text = json.dumps(report, ensure_ascii=False)
    assert "sin verificar desde esta máquina" in text and "todos los enlaces funcionan" not in text
