"""What a person reads of the pages that failed (H292), through the CLI on real crawls.

- A page of the site the crawl could not fetch because its name did not resolve from this machine
  (DNS) is no error of the site's: the weekly (tile, to-do, «Salud del rastreo»), the committee's
  «Alcance y límites», the run's e-mail, ``status`` and the JSON say it apart and count it nowhere
  as a page with error (the site is a made-up public name behind a proxy on 127.0.0.1 whose lookups
  fail after the home page: ``tests/test_site_dns.DnsSite``).
- The JSON's ``page_errors`` (pages that worked before and fail now) and the weekly's «Páginas con
  error» (every page failing now) are told apart: the additive key ``failing_pages`` holds the
  weekly's list, and the weekly lists a newly failing page once, marked as such.
- The broken links' CSV says «motivo» in Spanish words and keeps the technical line in «detalle técnico»
  (H294's layout, which H292's «motivo en palabras» met at the merge: one column for each).
- A ``[site] url`` written with «//» in its path or with the default port is refused naming the key
  and giving the address to write (the home page would be crawled as «/» and «//»).

Each test failed without the change it guards (checked, H292).
"""

from __future__ import annotations

import csv
import json
import re

from gelt_audit.demo.server import Resource, SiteServer
from tests.faults import FaultServer, hang_up_early
from tests.helpers import cli_reports, crawl, html_text, open_db, page, report_json, run_cli, write_config
from tests.test_delivery import smtp_server
from tests.test_scheduler import email_toml
from tests.test_site_dns import SITE, DnsSite

SAID = "2 páginas del sitio no se pudieron consultar desde esta máquina: su nombre no resolvió (DNS)"


def test_a_site_page_whose_name_did_not_resolve_is_no_site_error_in_any_report(tmp_path):
    routes = {SITE: page("Inicio", links=("/a/", "/b/")), SITE + "a/": page("Trámites"), SITE + "b/": page("Noticias")}
    site = DnsSite(tmp_path, routes, mode="down", failing_crawl=2)
    try:
        site.crawl()  # the first week: every page answers
        with smtp_server() as (controller, sink):
            with site.config.open("a", encoding="utf-8") as config:
                config.write("\n" + email_toml(controller.port))
            # the second: the run crawls (after the home page the name no longer resolves) and mails the weekly
            result = run_cli("run", "--reports", "weekly", "--config", str(site.config), env=site.env, timeout=300)
            assert result.returncode == 0, result.stderr
            [mail] = [m for m in sink.messages if m["Subject"].startswith("Informe semanal")]
        reports = cli_reports(site.config, tmp_path, site.env)
        status = run_cli("status", "--config", str(site.config), env=site.env)
    finally:
        site.stop()
    data = reports["json"]
    assert {p["url"]: p["status"] for p in data["pages"]} == {SITE: 200, SITE + "a/": 0, SITE + "b/": 0}
    # the JSON: no page error; the two pages listed apart with the recorded reason
    assert data["page_errors"] == [] and data["failing_pages"] == [], data["page_errors"]
    assert [(p["url"], "DNS" in p["error"]) for p in data["unreached_pages"]] == [
        (SITE + "a/", True),
        (SITE + "b/", True),
    ]
    # the weekly: no «Páginas con error» anywhere, the pages said apart in plain words
    weekly = html_text(reports["weekly"])
    assert "Revisar 2 páginas con error" not in weekly and "páginas con error" not in weekly, weekly
    assert "Páginas con error 0" in weekly and "Páginas con error (0) Ninguna." in weekly, weekly
    assert "aparte: 2 páginas sin consultar (su nombre no resolvió)" in weekly, weekly
    assert SAID + "; no se cuentan como errores del sitio." in weekly, weekly
    assert "Rastreo 2: 1 respuesta, 0 errores" in weekly, weekly
    # the committee: «de N respuestas del servidor» counts what the server answered
    committee = html_text(reports["committee"])
    assert "(1 página de 1 respuesta del servidor). " + SAID in committee, committee
    # the run's e-mail and status
    text = mail.get_body(("plain",)).get_content()
    assert "Rastreo 2: 1 respuesta, 0 errores." in text and "Páginas con error: 0." in text, text
    assert SAID in text, text
    assert status.returncode == 0, status.stderr
    with open_db(tmp_path / "gelt.db") as db:
        [(counts, message)] = db.execute("select findings, message from runs").fetchall()
    # the run's message (its row, `status`): the server answered one request, the two others were never asked
    said = "Rastreo 2: 1 respuesta, 0 errores, 2 páginas del sitio sin consultar (su nombre no resolvió"
    assert message.startswith(said), message
    counts = json.loads(counts)
    assert (counts["page_errors"], counts["unreached"]) == (0, 2), counts
    total = sum(v for k, v in counts.items() if k not in ("changes", "unreached"))
    # the run's row: «… respuestas hallazgos  informes», its responses and findings without the two pages
    # (the server answered one request: the two others were never asked)
    [row] = [line for line in status.stdout.splitlines() if re.match(r"\d{4}-\d\d-\d\d", line)]
    assert re.search(rf"\s1\s+{total}\s+semanal$", row), (row, counts)


def test_the_json_lists_every_failing_page_as_the_weekly_does_and_the_weekly_lists_each_once(tmp_path):
    routes = {
        "/": page("Inicio", links=("/a/", "/c/", "/d/")),
        "/a/": page("Trámites"),
        "/c/": Resource.html("<h1>Error</h1>", status=500),
        "/d/": Resource.html("<h1>No está</h1>", status=404),
    }
    server = SiteServer(routes).start()
    try:
        config = write_config(tmp_path, server.url)
        crawl(config)  # /a/ works; /c/ and /d/ fail already
        routes["/a/"] = Resource.html("<h1>Error</h1>", status=500)
        crawl(config)  # /a/ fails now
        reports = cli_reports(config, tmp_path, {})
    finally:
        server.stop()
    data = reports["json"]
    paths = {p["url"].removeprefix(server.url.rstrip("/")) for p in data["failing_pages"]}
    assert paths == {"/a/", "/c/", "/d/"}, data["failing_pages"]
    assert [p["url"].removeprefix(server.url.rstrip("/")) for p in data["page_errors"]] == ["/a/"]
    weekly = html_text(reports["weekly"])
    assert "Páginas con error (3)" in weekly, weekly
    section = weekly[weekly.index("Páginas con error (3)") : weekly.index("Páginas lentas")]
    assert section.count("/a/") == 1, section  # once, not again as «falló en este rastreo (estado 500)»
    assert "HTTP 500; falló en este rastreo, antes funcionaba" in section and "estado 500" not in section, section


def test_the_broken_links_csv_gives_the_reason_in_spanish_words_too(tmp_path):
    """«motivo» says it as the HTML reports do; the last column «detalle técnico» keeps what was recorded
    (a network failure's technical detail in English, for the technician)."""
    site = FaultServer({"/": page("Inicio", links=("/truncada",)), "/truncada": hang_up_early()}).start()
    try:
        config = write_config(tmp_path, site.url)
        crawl(config)
    finally:
        site.stop()
    result = run_cli("report", "--format", "csv", "--config", str(config), "--output", str(tmp_path / "csv"))
    assert result.returncode == 0, result.stderr
    [path] = (tmp_path / "csv").glob("semanal-*-enlaces-rotos.csv")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        header, *rows = csv.reader(handle)
    assert header[:9] == ["dependencia", "página", "título de la página", "texto del enlace", "enlace", "motivo",
                          "estado HTTP", "roto desde", "nuevo esta semana"]  # fmt: skip
    assert header[9:] == ["detalle técnico"], header
    [row] = [r for r in rows if r[4].endswith("/truncada")]
    words, detail = row[5], row[9]
    assert re.search(r"(?:\w+\.)*\w+(?:Error|Lost|Failed|Done)", detail), row
    assert words == "la conexión se cortó antes de recibir la respuesta", row


def test_a_site_url_written_with_a_double_slash_or_the_default_port_is_refused_naming_the_key(tmp_path):
    routes = {"/": page("Inicio", links=("/a/", "/")), "/a/": page("Trámites", links=("/",))}
    with SiteServer(routes) as server:
        config = write_config(tmp_path, server.url + "/")  # «http://127.0.0.1:PORT//»
        result = run_cli("crawl", "--config", str(config))
        assert result.returncode == 2, (result.returncode, result.stderr)
        assert "'site.url' (línea 3) tiene una barra doble en la ruta («//»)" in result.stderr, result.stderr
        assert f"escriba '{server.url}'" in result.stderr, result.stderr
        config = write_config(tmp_path, server.url)  # as the message says: the home page is one page
        crawl(config)
        pages = [p["url"] for p in report_json(config)["pages"]]
    assert pages == [server.url, server.url + "a/"], pages
    config = write_config(tmp_path, "http://127.0.0.1:80/")
    result = run_cli("status", "--config", str(config))
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert "'site.url' (línea 3) lleva el puerto que http:// usa por omisión (:80)" in result.stderr, result.stderr
    assert "escriba 'http://127.0.0.1/'" in result.stderr, result.stderr
