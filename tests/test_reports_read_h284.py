"""What a municipal official and a committee member read, checked against what was served (H284).

Two crawls of a small site on 127.0.0.1 through the real CLI, a week apart (``GELT_TODAY``). Between them
the site changes its footer on every page (a template change), a counter the configuration ignores
([noise]) on one page, removes one page (404), and its robots.txt starts to forbid the folder of its
news, which the news list still links.

- A page that robots.txt (or an exclusion, or a limit) kept the crawler from fetching, while the site
  still links to it, was not seen gone: it is not «eliminada» (nor a change of its dependencia); the
  weekly report says the pages were not crawled, and the JSON lists them under the additive key
  ``not_crawled``. A page that answers 404 stays «eliminada».
- A page whose body changed outside its main content (here the footer) did not change «sólo en partes
  que la configuración ignora»: the store keeps no record of which part differed, so the weekly names
  both (what [noise] removes, or the template, menu, footer or markup) — the first only when a [noise]
  rule removed something from those bodies.
- The committee's annex 1 answers «SÍ» only for criteria the HTML engine reports (html_rules.CLAIMED and
  the checks of audits/accessibility.py): 2.4.1 (bypass blocks) and 1.4.2 (audio) are implemented but
  never reported, so a «SÍ en todas las páginas» said what the tool did not look at; beside each «SÍ»
  the report says what was checked (1.4.4: that no page blocks the zoom, not what 200 % looks like).
- The weekly's accessibility table per dependencia headed «Nuevos esta semana» a net difference (today's
  findings less the compared crawl's): −1 when a page with a finding was removed, +0 when as many
  appeared as were fixed. It is headed «Cambio en la semana».
- The weekly's summary counts broken addresses (one per URL) and its broken-links section counted links
  (one per page and link) under the same words «enlaces rotos»: «1» above, «2 enlaces rotos» below for
  one removed page linked from two pages. The section now says the addresses first.
- ``gelt-audit status`` headed the same figure «páginas» in its table of runs: it is headed «respuestas».
- The committee's «Alcance y límites» counted the crawl's responses (documents, redirects, robots.txt…)
  as «páginas»: it now gives the pages, as the weekly counts them, and the responses apart.

Each test failed on ``integ20`` (3b6a4b6) without the change it guards (checked, H284).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import cli_reports, html_text, run_cli, write_config

NOISE = '[noise]\nselectors = [".contador"]\n\n[links]\ncheck_external = false\n'
TITLES = {
    "/": "Inicio",
    "/tramites": "Trámites y servicios",
    "/concejo": "Concejo municipal",
    "/noticias/": "Noticias",
    "/noticias/feria-agropecuaria": "Feria agropecuaria de noviembre",
    "/noticias/vacunacion": "Jornada de vacunación en la vereda El Carmen",
}
MENU = ("/", "/tramites", "/concejo", "/noticias/")


def _page(path: str, footer: str, visits: str | None) -> Resource:
    """A page with a <main> and headings but no skip link (WCAG 2.4.1 met by its landmark)."""
    links = "".join(f"<li><a href='{p}'>{TITLES[p]}</a></li>" for p in MENU)
    body = f"<p>Contenido propio de la página {TITLES[path]}, publicado por la alcaldía para la ciudadanía.</p>"
    if path in ("/concejo", "/tramites"):  # accessibility findings; the site removes /concejo
        body += "<p><img src='/concejales.jpg'></p>"
    if path == "/":  # a document: a response of the crawl, not a page
        body += "<p><a href='/plan-de-desarrollo.pdf'>Plan de desarrollo 2024-2027 (PDF)</a></p>"
    if path in ("/", "/noticias/"):  # the home page and the news list link every news item
        news = [p for p in TITLES if p.startswith("/noticias/") and p != "/noticias/"]
        body += "<ul>" + "".join(f"<li><a href='{p}'>{TITLES[p]}</a></li>" for p in news) + "</ul>"
    counter = "" if visits is None else f"<p class='contador'>Visitas: {visits}</p>"
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{TITLES[path]}</title></head>"
        f"<body><header><p>Alcaldía de Prueba</p><nav><ul>{links}</ul></nav></header>"
        f"<main><h1>{TITLES[path]}</h1>{body}{counter}</main>"
        f"<footer><p>{footer}</p></footer></body></html>"
    )


def _site(version: int, counter: bool = True) -> dict[str, Resource]:
    footer = "Calle 1 # 2-3. Teléfono 601 555 0000" + (" · WhatsApp 300 555 0101" if version == 2 else "")
    visits = {p: ("100" if version == 1 or p != "/tramites" else "150") if counter else None for p in TITLES}
    routes = {p: _page(p, footer, visits[p]) for p in TITLES}
    routes["/concejales.jpg"] = Resource(b"\xff\xd8\xff\xd9", headers={"Content-Type": "image/jpeg"})
    routes["/plan-de-desarrollo.pdf"] = Resource(b"%PDF-1.4\n%%EOF\n", headers={"Content-Type": "application/pdf"})
    if version == 2:
        del routes["/concejo"]  # the site removed it: 404
        routes["/robots.txt"] = Resource(
            b"User-agent: *\nDisallow: /noticias/\n", headers={"Content-Type": "text/plain"}
        )
    return routes


def _two_weeks(tmp_path_factory, extra: str, counter: bool) -> tuple[Path, Path, dict[str, str]]:
    """The site crawled on 10 and 17 November (``counter``: with its visit counter); the folder, the
    config and the second week's clock."""
    tmp = tmp_path_factory.mktemp("h284")
    with SiteServer(_site(1, counter)) as server:
        config = write_config(tmp, server.url, extra)
        assert run_cli("crawl", "--config", str(config), env={"GELT_TODAY": "2026-11-10"}).returncode == 0
        server.routes = _site(2, counter)
        env = {"GELT_TODAY": "2026-11-17"}
        result = run_cli("crawl", "--config", str(config), env=env)
        assert result.returncode == 0, result.stderr
    return tmp, config, env


@pytest.fixture(scope="module")
def week_without_noise(tmp_path_factory) -> str:
    """The weekly report of the same two weeks, the pages without their visit counter: nothing a [noise]
    rule (the configuration's or the built-in ones) removes."""
    tmp, config, env = _two_weeks(tmp_path_factory, "[links]\ncheck_external = false\n", counter=False)
    path = tmp / "weekly.html"
    result = run_cli("report", "--weekly", "--config", str(config), "--output", str(path), env=env)
    assert result.returncode == 0, result.stderr
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def week(tmp_path_factory) -> dict:
    tmp, config, env = _two_weeks(tmp_path_factory, NOISE, counter=True)
    out: dict = {"config": config}
    out.update(cli_reports(config, tmp, env))
    return out


def test_a_page_robots_txt_now_forbids_is_not_removed(week):
    removed = {c["url"].split("/", 3)[-1] for c in week["json"]["changes"] if c["kind"] == "removed"}
    assert "concejo" in removed  # the page that answers 404 is gone
    assert not any(u.startswith("noticias/") for u in removed), removed
    not_crawled = {c["url"].split("/", 3)[-1] for c in week["json"]["not_crawled"]}
    assert not_crawled == {"noticias/", "noticias/feria-agropecuaria", "noticias/vacunacion"}, not_crawled
    text = html_text(week["weekly"])
    assert "Feria agropecuaria" not in text.split("Enlaces rotos por responsable")[0].split("Resumen de la semana")[1]
    assert "3 páginas del rastreo anterior siguen enlazadas pero no se rastrearon esta vez" in text, text


def test_a_change_outside_the_main_content_is_not_said_to_be_ignored_by_the_configuration(week):
    text = html_text(week["weekly"])
    # the footer changed on both pages still fetched; no [noise] rule names the footer
    assert "sólo en partes que la configuración ignora" not in text
    assert (
        "2 páginas cambiaron sin que cambiara su contenido principal: en partes que la configuración manda "
        "ignorar ([noise]: fechas, contadores…) o fuera del contenido (plantilla, menú, pie o código de la página)"
    ) in text, text


def test_when_no_noise_rule_removed_anything_the_change_is_said_outside_the_content_only(week_without_noise):
    text = html_text(week_without_noise)
    assert (
        "2 páginas cambiaron sin que cambiara su contenido principal: fuera del contenido (plantilla, menú, "
        "pie o código de la página); no cuentan como cambiadas"
    ) in text, text
    assert "configuración manda ignorar" not in text and "configuración ignora" not in text


def _annex_row(html: str, criterion: str) -> str:
    row = re.search(rf"<tr><td class=\"nowrap\">{re.escape(criterion)}</td>.*?</tr>", html, re.S)
    assert row, criterion
    return html_text(row.group(0))


def test_annex_1_says_yes_only_for_what_the_html_engine_reports(week):
    for criterion in ("2.4.1", "1.4.2"):  # never reported by the HTML engine: not judged
        row = _annex_row(week["committee"], criterion)
        assert "revisión manual" in row and "SÍ" not in row, row
    zoom = _annex_row(week["committee"], "1.4.4")
    assert "SÍ" in zoom and "ninguna impide ampliar con el zoom" in zoom, zoom


def test_the_committee_counts_pages_as_the_weekly_does(week):
    # pages as the weekly counts them (H290): 2xx pages, not the 404 of /concejo nor redirects
    pages = sum(1 for p in week["json"]["pages"] if p["kind"] == "page" and 200 <= p["status"] < 300)
    responses = week["json"]["crawl"]["pages"]
    assert pages < responses  # the PDF is a response of the crawl, not a page of the site
    text = html_text(week["committee"])
    assert f"({pages} páginas de {responses} respuestas del servidor)" in text, text


def test_the_accessibility_change_per_dependencia_is_not_called_new_findings(week):
    row = re.search(r"<th[^>]*>(Nuevos esta semana|Cambio en la semana)</th>", week["weekly"])
    assert row and row.group(1) == "Cambio en la semana", row
    cells = re.search(
        r"<td>sin asignar</td><td class=\"num\">(\d+)</td><td class=\"num\">(−?-?\d+)</td>", week["weekly"]
    )
    assert cells and cells.group(2) in ("-1", "−1"), cells  # the removed page's finding: a change, not a new one


def test_the_broken_links_section_says_the_summarys_figure_before_counting_links(week):
    text = html_text(week["weekly"])
    tile = re.search(r"Enlaces rotos (\d+) ", text)
    assert tile and tile.group(1) == "1", text  # one address: /concejo
    assert "1 dirección rota (la cifra del resumen): 2 enlaces rotos en las páginas" in text, text


def test_status_heads_the_crawls_responses_as_responses(week):
    env = {"GELT_TODAY": "2026-11-17"}
    config = str(week["config"])
    assert run_cli("run", "--no-crawl", "--reports", "none", "--config", config, env=env).returncode == 0
    result = run_cli("status", "--config", config, env=env)
    assert result.returncode == 0, result.stderr
    header = next(line for line in result.stdout.splitlines() if line.startswith("inicio"))
    assert "respuestas" in header.split() and "páginas" not in header.split(), header
    row = result.stdout.splitlines()[result.stdout.splitlines().index(header) + 1]
    assert str(week["json"]["crawl"]["pages"]) in row.split(), row
