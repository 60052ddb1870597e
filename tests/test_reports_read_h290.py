"""What the reports say of pages, documents and the browser pass, read as a person reads them (H290).

Leftovers of H284's and H289's reads (docs/RELIABILITY.md), each checked on a small site on 127.0.0.1
crawled through the real CLI: the home page links a page that answers 404, an old address that
redirects, a «Plan de desarrollo 2024-2027» in PDF, and a page whose script never lets it finish
loading.

- The weekly's «Páginas sin dependencia asignada» lists pages of the site no dependencia claims: a page
  that answers 404 is no page anyone must keep, so it is not listed (nor counted in the JSON's
  ``unassigned``).
- The weekly's «Páginas del sitio» tile counts pages as the rest of the report does (pages that answer
  2xx; the committee's «Alcance y límites» too): the redirect and the error page are said apart in the
  tile («aparte: 1 redirección y 1 página con error»).
- A document named for a period («Plan de desarrollo 2024-2027») shows its period in «Año» («2024–2027»),
  not its last year; the JSON keeps ``year`` (the last year named, for sorting) and gains ``years``.
- A page the browser could not evaluate is said in Spanish in the reports («la página no terminó de
  cargar a tiempo en el navegador»); Playwright's English line stays in the JSON.

Each test failed on ``integ20`` (1bd06f6) without the change it guards (checked, H290).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import cli_reports, html_text, run_cli, write_config

CHROMIUM = Path("/usr/bin/chromium")
PLAN = "Plan de desarrollo 2024-2027"


def _page(title: str, body: str, script: str = "") -> Resource:
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title}</title>{script}</head><body>"
        f"<main><h1>{title}</h1><p>Contenido de {title}, publicado por la alcaldía para la ciudadanía.</p>"
        f"{body}</main></body></html>"
    )


def _site() -> dict[str, Resource]:
    links = "".join(
        f"<li><a href='{href}'>{text}</a></li>"
        for href, text in (
            ("/tramites", "Trámites"),
            ("/contacto", "Contacto"),
            ("/perdida", "Página perdida"),  # answers 404
            ("/antigua", "Página antigua"),  # redirects to /tramites
            ("/bucle", "Página que no termina de cargar"),
            ("/plan-de-desarrollo.pdf", f"{PLAN} (PDF)"),
        )
    )
    # a script that never yields: the load event never comes, the browser gives up (its timeout)
    loop = "<script>for(;;){}</script>"
    return {
        "/": _page("Inicio", f"<ul>{links}</ul>"),
        "/tramites": _page("Trámites", "<p>Pagos y certificados.</p>"),
        "/contacto": _page("Contacto", "<p>Calle 1 # 2-3.</p>"),
        "/antigua": Resource(status=301, headers={"Location": "/tramites"}),
        "/bucle": _page("Bucle", "<table><tr><td>Una plantilla distinta</td></tr></table>", script=loop),
        "/plan-de-desarrollo.pdf": Resource(b"%PDF-1.4\n%%EOF\n", headers={"Content-Type": "application/pdf"}),
    }


@pytest.fixture(scope="module")
def week(tmp_path_factory) -> dict:
    tmp = tmp_path_factory.mktemp("h290")
    browser = '[accessibility]\nbrowser = "auto"\n' if CHROMIUM.exists() and shutil.which("chromium") else ""
    env = {"GELT_TODAY": "2026-11-10"}
    with SiteServer(_site()) as server:
        config = write_config(tmp, server.url, "[links]\ncheck_external = false\n" + browser)
        result = run_cli("crawl", "--config", str(config), env=env)
        assert result.returncode == 0, result.stderr
    out: dict = {"browser": bool(browser)}
    out.update(cli_reports(config, tmp, env))
    return out


def test_a_page_that_answers_404_needs_no_dependencia(week):
    statuses = {p["url"].rsplit("/", 1)[-1]: p["status"] for p in week["json"]["pages"]}
    assert statuses["perdida"] == 404, statuses  # the crawl saw it, as a page that answers 404
    unassigned = {u.rsplit("/", 1)[-1] for u in week["json"]["unassigned"]}
    assert "perdida" not in unassigned and "tramites" in unassigned, unassigned
    section = html_text(re.search(r'<div id="sin-asignar">.*?</div>\s*</div>', week["weekly"], re.S).group(0))
    assert f"Páginas sin dependencia asignada ({len(unassigned)})" in section, section


def test_the_site_pages_tile_counts_pages_as_the_report_does(week):
    pages = week["json"]["pages"]
    ok = sum(1 for p in pages if p["kind"] == "page" and 200 <= p["status"] < 300)
    assert ok < len(pages)  # the redirect and the 404 are responses the crawl keeps with the pages
    tile = re.search(r'<div class="tile"><div class="label">Páginas del sitio</div>.*?</div></div>', week["weekly"])
    said = html_text(tile.group(0))
    assert f"Páginas del sitio {ok} " in said, said
    assert "aparte: 1 redirección y 1 página con error" in said, said
    assert f"({ok} páginas de " in html_text(week["committee"])  # the committee counts them the same


def test_a_documents_period_is_shown_as_a_period(week):
    plan = next(d for d in week["json"]["documents"] if d["url"].endswith("plan-de-desarrollo.pdf"))
    assert plan["year"] == 2027 and plan["years"] == "2024–2027", plan  # «year» kept: the contract
    section = week["committee"].split("Documentos publicados en el sitio", 1)[1]
    row = re.search(r"<tr>(?:(?!</tr>).)*plan-de-desarrollo\.pdf(?:(?!</tr>).)*</tr>", section, re.S)
    assert row, section
    cells = re.findall(r'<td class="num">([^<]*)</td>', row.group(0))
    assert cells == ["2024–2027"], cells


def test_a_page_the_browser_could_not_evaluate_is_said_in_spanish(week):
    if not week["browser"]:
        pytest.skip("sin Chromium: la revisión en el navegador no corre")
    errors = week["json"]["accessibility_browser"].get("errors") or []
    assert any(e["url"].endswith("/bucle") for e in errors), week["json"]["accessibility_browser"]
    technical = next(e["error"] for e in errors if e["url"].endswith("/bucle"))
    assert "Timeout" in technical, technical  # the JSON keeps Playwright's line
    for kind in ("weekly", "committee"):
        alert = html_text(re.search(r'<p class="alert">[^<]*no se pud.*?</p>', week[kind], re.S).group(0))
        assert "la página no terminó de cargar a tiempo en el navegador" in alert, alert
        assert "Timeout" not in alert and "exceeded" not in alert, alert
