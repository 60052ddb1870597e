"""What the crawl could not see changes no verdict (H303, issue 15: «the tool never reports what it
did not see»), through the CLI on real crawls of 127.0.0.1 sites.

A checklist item judged last crawl on a page of the site that this crawl could not consult — its
name did not resolve from here (DNS), robots.txt now keeps the crawl from asking it while the site
still links it, the crawl reached its page cap (``site.max_pages``) first, or only a page whose name did
not resolve links it — is not «no_cumple —
no se encontró» and no regression in the weekly or the committee's reports: it is ``sin_verificar``,
with the evidence it had, the status last seen and why the page could not be consulted
(``checklist.unseen``; docs/checklist-states.md, «Lo que el rastreo no pudo consultar»). A page seen
gone (404) is seen: the fall stands. (A killed or timed-out crawl is no baseline of the reports at
all: ``crawler.verdict``, tested in test_reliability.py.)

Each test failed without the change it guards (checked, H303: the item was «no_cumple» with «no se
encontró en el sitio rastreado» and listed among the regressions).
"""

from __future__ import annotations

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import cli_reports, crawl, html_text, page, report_json, run_cli, write_config
from tests.test_site_dns import SITE, DnsSite

ITEM = "info.datos_abiertos"  # gelt-2008's open data: a page titled «Datos abiertos» is its evidence
DATA = page("Datos abiertos", body="<p>Conjuntos de datos abiertos de la alcaldía.</p><a href='/datos.csv'>Datos</a>")
# reached by a link that does not name the item: only the page's own title evidences it
HOME = page("Inicio", body='<p><a href="/x/">Ver más</a></p>')
ROBOTS_ALL = Resource(body=b"User-agent: *\nAllow: /\n", headers={"Content-Type": "text/plain"})
SAYS = "no se pudo consultar en este rastreo: "


def _record(report: dict) -> dict:
    [record] = [r for r in report["checklist"] if r["item"] == ITEM]
    return record


def _weekly(config, env=None) -> None:
    """The weekly report of the latest crawl (its summary is the next weekly's baseline)."""
    result = run_cli("report", "--weekly", "--config", str(config), env=env or {})
    assert result.returncode == 0, result.stderr


def _no_regression_read(reports: dict, url: str, reason: str) -> None:
    """The item said unverified, with its page and why, in the JSON, the weekly and the committee's."""
    data = reports["json"]
    record = _record(data)
    assert record["status"] == "sin_verificar", record
    assert record["evidence"] == [url], record
    assert (
        f"la página del sitio {url}, su evidencia en el rastreo anterior (cumple), {SAYS}{reason}" in record["detail"]
    ), record
    assert ITEM not in [c["item"] for c in data["regressions"]], data["regressions"]
    weekly = html_text(reports["weekly"])
    assert "Retrocesos en la lista 0" in weekly and "Ningún ítem dejó de cumplirse" in weekly, weekly
    committee = html_text(reports["committee"])
    assert SAYS + reason in committee, committee
    assert "pasó de cumple a no_cumple" not in committee, committee


def test_an_item_whose_page_did_not_resolve_is_unverified_not_absent_nor_a_regression(tmp_path):
    routes = {SITE: HOME, SITE + "x/": DATA}
    site = DnsSite(tmp_path, routes, mode="down", failing_crawl=2)
    try:
        site.crawl()  # the first week: /x/ answers, the item complies
        assert _record(report_json(site.config))["status"] == "cumple"
        _weekly(site.config, site.env)
        site.crawl()  # the second: after the home page the site's name no longer resolves
        reports = cli_reports(site.config, tmp_path, site.env)
        # the third: the same again (the flag that fails the lookups set anew after the home page)
        site.flag.unlink()
        site.homes = 1
        site.crawl()
        third = report_json(site.config)
        # the fourth: the name resolves; /x/ is gone (404): seen gone, the fall stands
        site.flag.unlink()
        site.homes = 10
        routes[SITE + "x/"] = Resource.html("<h1>No está</h1>", status=404)
        site.crawl()
        fourth = report_json(site.config)
    finally:
        site.stop()
    dns = "su nombre no resolvió desde esta máquina (DNS)"
    _no_regression_read(reports, SITE + "x/", dns)
    # still unseen a week later: still the status last seen, not «no se encontró»
    record = _record(third)
    assert record["status"] == "sin_verificar" and f"(cumple), {SAYS}{dns}" in record["detail"], record
    assert ITEM not in [c["item"] for c in third["regressions"]], third["regressions"]
    # seen again, gone: judged on what was seen
    assert _record(fourth)["status"] == "no_cumple", _record(fourth)
    assert "no se pudo consultar" not in _record(fourth)["detail"], _record(fourth)


def test_an_item_whose_page_robots_txt_now_forbids_is_unverified_not_a_regression(tmp_path):
    routes = {"/": HOME, "/x/": DATA, "/robots.txt": ROBOTS_ALL}
    with SiteServer(routes) as server:
        config = write_config(tmp_path, server.url)
        crawl(config)
        assert _record(report_json(config))["status"] == "cumple"
        _weekly(config)
        routes["/robots.txt"] = Resource(body=b"User-agent: *\nDisallow: /x/\n", headers={"Content-Type": "text/plain"})
        crawl(config)  # the home page still links /x/; the crawl may not ask it
        reports = cli_reports(config, tmp_path, {})
    reason = "el rastreo no la pidió aunque el sitio la sigue enlazando (robots.txt o exclusiones)"
    _no_regression_read(reports, server.url + "x/", reason)


def test_an_item_whose_page_the_page_cap_left_unasked_is_unverified_not_a_regression(tmp_path):
    routes = {"/": page("Inicio", body='<p><a href="/y/">Ver más</a></p>'), "/y/": page("Noticias", links=("/x/",))}
    routes["/x/"] = DATA
    with SiteServer(routes) as server:
        config = write_config(tmp_path, server.url)
        crawl(config)
        assert _record(report_json(config))["status"] == "cumple"
        _weekly(config)
        config = write_config(tmp_path, server.url, max_pages=2)  # the crawl stops before /x/
        crawl(config)
        reports = cli_reports(config, tmp_path, {})
    reason = "el rastreo llegó a su límite de páginas (site.max_pages) antes de pedirla"
    _no_regression_read(reports, server.url + "x/", reason)


def test_an_item_whose_page_sits_behind_pages_that_did_not_resolve_is_unverified_not_absent(tmp_path):
    """The page that evidenced the item is linked only from a page whose name did not resolve: this crawl
    never met it, which says nothing of whether it is still there."""
    routes = {
        SITE: page("Inicio", body='<p><a href="/y/">Ver más</a></p>'),
        SITE + "y/": page("Noticias", links=("/x/",)),
    }
    routes[SITE + "x/"] = DATA
    site = DnsSite(tmp_path, routes, mode="down", failing_crawl=2)
    try:
        site.crawl()
        assert _record(report_json(site.config))["status"] == "cumple"
        site.crawl()  # /y/ does not resolve: /x/ is never met
        report = report_json(site.config)
    finally:
        site.stop()
    assert SITE + "x/" not in [p["url"] for p in report["pages"]]
    record = _record(report)
    assert record["status"] == "sin_verificar", record
    reason = "no se llegó a ella: otras páginas del sitio no se pudieron consultar (su nombre no resolvió desde esta máquina)"
    assert f"(cumple), {SAYS}{reason}" in record["detail"], record
    assert ITEM not in [c["item"] for c in report["regressions"]], report["regressions"]
