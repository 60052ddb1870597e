"""A document of the site whose name did not resolve is named a document everywhere a count of what the
crawl could not consult appears (H309), through the CLI on real crawls of a public name behind a proxy on
127.0.0.1 (``tests/test_site_dns.DnsSite``: after the home page the name no longer resolves).

H303 made the weekly's, the committee's and the run e-mail's sentence say «1 página y 1 documento del sitio
no se pudieron consultar…» (``reports.labels.unreached_said``); two counts still called the PDF a page:

- the weekly's «Páginas del sitio» tile: «aparte: 2 páginas sin consultar (su nombre no resolvió)»;
- the crawl's message (the `crawl` command's line in the log and at a terminal, the run's message in its
  row and in `status`; ``commands.crawl_figures``): «2 páginas del sitio sin consultar (…)».

Both now use the same words (``reports.labels.pages_and_documents``). Each test failed without the change
(checked, H309: the tile and the messages said «2 páginas»).
"""

from __future__ import annotations

import json

from gelt_audit.demo.server import Resource
from tests.helpers import cli_reports, html_text, open_db, page, run_cli
from tests.test_site_dns import SITE, DnsSite

ROUTES = {
    SITE: page("Inicio", links=("/a/", "/informe.pdf")),
    SITE + "a/": page("Trámites"),
    SITE + "informe.pdf": Resource(b"%PDF-1.4 informe", headers={"Content-Type": "application/pdf"}),
}


def test_the_weekly_pages_tile_names_a_document_whose_name_did_not_resolve_a_document(tmp_path):
    site = DnsSite(tmp_path, dict(ROUTES), mode="down", failing_crawl=2)
    try:
        site.crawl()  # the first week: everything answers
        site.crawl()  # the second: after the home page the site's name no longer resolves
        reports = cli_reports(site.config, tmp_path, site.env)
        weekly_json = run_cli("report", "--weekly", "--format", "json", "--config", str(site.config), env=site.env)
        assert weekly_json.returncode == 0, weekly_json.stderr
    finally:
        site.stop()
    weekly = html_text(reports["weekly"])
    # was «aparte: 2 páginas sin consultar (su nombre no resolvió)»
    assert "Páginas del sitio 1 aparte: 1 página y 1 documento sin consultar (su nombre no resolvió)" in weekly, weekly[
        :1500
    ]
    assert "2 páginas sin consultar" not in weekly, weekly
    # the weekly's JSON: the tile's parts, each as what it is (additive keys beside «pages_unreached»)
    summary = json.loads(weekly_json.stdout)["report"]["summary"]
    assert (summary["pages_unreached"], summary["documents_unreached"]) == (2, 1), summary
    assert [n for n, *_ in summary["pages_apart"]] == [1, 1], summary["pages_apart"]
    assert summary["pages_apart_said"] == "1 página y 1 documento sin consultar (su nombre no resolvió)", summary


def test_the_crawl_and_run_messages_name_a_document_whose_name_did_not_resolve_a_document(tmp_path):
    site = DnsSite(tmp_path, dict(ROUTES), mode="down", failing_crawl=2)
    try:
        site.crawl()  # the first week: everything answers
        site.crawl()  # the second, by `crawl`: after the home page the name no longer resolves
        # the third, by `run`: the name resolves again for its home page, then fails as before
        site.flag.unlink()
        site.homes = 1
        result = run_cli("run", "--config", str(site.config), env=site.env, timeout=300)
        assert result.returncode == 0, result.stderr[-3000:]
        status = run_cli("status", "--config", str(site.config), env=site.env)
    finally:
        site.stop()
    apart = "1 página y 1 documento del sitio sin consultar (su nombre no resolvió desde esta máquina)"
    # the `crawl` command's line (its log; the same line at a terminal): was «2 páginas del sitio sin consultar»
    log = (tmp_path / "gelt.log").read_text(encoding="utf-8")
    assert f"Rastreo 2: 1 respuesta, 0 errores, {apart}, estado: terminado." in log, log[-3000:]
    # the run's message (its row, what `status` shows)
    with open_db(tmp_path / "gelt.db") as db:
        [(message,)] = db.execute("select message from runs").fetchall()
    assert message.startswith(f"Rastreo 3: 1 respuesta, 0 errores, {apart}."), message
    assert status.returncode == 0, status.stderr
    assert "2 páginas del sitio sin consultar" not in log + message + status.stdout, (message, status.stdout)
