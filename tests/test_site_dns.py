"""A public site's own pages when the private-address guard's DNS lookup of the site fails.

The guard (``PrivateAddressGuard``) looks up the host of every request of a site on a public name;
a lookup that fails fails that request with the DNS error (H280: never left to the download to
look the name up again unguarded). These tests say what follows for the site's own pages, through
the real crawler: the site is a made-up public name served through a forward proxy on 127.0.0.1
(the download connects to the proxy; only the guard looks the name up), and a ``sitecustomize``
(the approach of H280's test in test_reliability.py) makes Scrapy's resolver answer a public
address for that name, or fail once the home page has been served.

- A lookup failing once is retried as any DNS error (RETRY_TIMES): the page is fetched, nothing
  is reported.
- A lookup failing on every try leaves the page unfetched: the report says so (``unreached_pages``,
  with the DNS reason; no page error of the site's, H292) and never calls it deleted, nor the links to it broken, nor a link broken the week
  before fixed (the crawler did not see it; «never report what it did not see»).
"""

from __future__ import annotations

import json
from pathlib import Path

from gelt_audit.demo.server import Resource
from tests.faults import FaultServer
from tests.helpers import page, report_json, run_cli, write_config

NAME = "portal.alcaldia-ejemplo.co"
SITE = f"http://{NAME}/"
# Scrapy's resolver, in the crawl's process: the site's name answers a public address (the download
# goes through the proxy and never connects to it) until the flag file exists; then its lookups fail,
# once («once») or every time («down»). Each answer is logged.
RESOLVER = f"""
import os
from pathlib import Path
from twisted.internet import defer, error
import scrapy.resolver

_lookup = scrapy.resolver.CachingThreadedResolver.getHostByName
_flag, _mode, _log = Path(os.environ["DNS_FLAG"]), os.environ["DNS_MODE"], Path(os.environ["DNS_LOG"])
_failed = []

def getHostByName(self, name, timeout=()):
    if name != {NAME!r}:
        return _lookup(self, name, timeout)
    if _flag.exists() and (_mode == "down" or not _failed):
        _failed.append(name)
        with _log.open("a") as log:
            log.write("failed\\n")
        return defer.fail(error.DNSLookupError(f"address {{name!r}} not found: timeout error"))
    with _log.open("a") as log:
        log.write("answered\\n")
    return defer.succeed("190.24.0.10")

scrapy.resolver.CachingThreadedResolver.getHostByName = getHostByName
"""


class DnsSite:
    """The site behind its proxy, the resolver's switch, and the crawls run."""

    def __init__(self, folder: Path, routes: dict[str, Resource], mode: str, failing_crawl: int = 1):
        self.folder = folder
        (folder / "resolver").mkdir()
        (folder / "resolver" / "sitecustomize.py").write_text(RESOLVER, encoding="utf-8")
        self.flag, self.log = folder / "dns-falla", folder / "dns.log"
        self.served: list[str] = []
        self.homes = 0

        def handle(path: str) -> Resource:
            self.served.append(path)
            if path == SITE:
                self.homes += 1
                if self.homes == failing_crawl:  # that crawl's home page served: lookups fail from now
                    self.flag.touch()
            return routes.get(path) or Resource.html("<h1>No está</h1>", status=404)

        self.proxy = FaultServer(dynamic=handle).start()
        self.config = write_config(folder, SITE)
        self.env = {
            "PYTHONPATH": str(folder / "resolver"),
            "HTTP_PROXY": self.proxy.url,
            "http_proxy": self.proxy.url,
            "DNS_FLAG": str(self.flag),
            "DNS_MODE": mode,
            "DNS_LOG": str(self.log),
        }

    def crawl(self) -> None:
        result = run_cli("crawl", "--config", str(self.config), env=self.env)
        assert result.returncode == 0, result.stderr[-3000:]

    def lookups(self, answer: str) -> int:
        return self.log.read_text(encoding="utf-8").split().count(answer) if self.log.exists() else 0

    def stop(self) -> None:
        self.proxy.stop()


def _routes(b_status: int = 200) -> dict[str, Resource]:
    return {
        SITE: page("Inicio", links=("/a/", "/b/")),
        SITE + "a/": page("Trámites"),
        SITE + "b/": page("Noticias") if b_status == 200 else Resource.html("<h1>No está</h1>", status=b_status),
    }


def test_a_site_lookup_that_fails_once_is_retried_and_the_page_fetched(tmp_path):
    site = DnsSite(tmp_path, _routes(), mode="once")
    try:
        site.crawl()
    finally:
        site.stop()
    assert site.lookups("failed") == 1  # one request's guard lookup failed, after the home page
    report = report_json(site.config)
    pages = {p["url"]: p for p in report["pages"]}
    assert {url: (p["status"], p["title"]) for url, p in pages.items() if url.endswith("/")} == {
        SITE: (200, "Inicio"),
        SITE + "a/": (200, "Trámites"),
        SITE + "b/": (200, "Noticias"),
    }
    assert not report["page_errors"] and not [link for link in report["links"] if link["state"] != "ok"]
    # the failed try never reached the server; its retry did, once
    assert sorted(p for p in site.served if p in (SITE + "a/", SITE + "b/")) == [SITE + "a/", SITE + "b/"]


def test_a_site_lookup_that_keeps_failing_leaves_its_pages_unseen_not_broken_nor_deleted(tmp_path):
    routes = _routes(b_status=404)
    site = DnsSite(tmp_path, routes, mode="down", failing_crawl=2)
    try:
        site.crawl()  # the first week: /a/ answers, /b/ is a broken link (404)
        first = report_json(site.config)
        assert {link["url"]: link["state"] for link in first["links"]} == {SITE + "a/": "ok", SITE + "b/": "broken"}
        site.crawl()  # the second: after the home page, every lookup of the site's name fails
        second = report_json(site.config)
        # the weekly report's own figures (its JSON beside the HTML)
        weekly = run_cli("report", "--config", str(site.config))
        assert weekly.returncode == 0, weekly.stderr
        [written] = (tmp_path / "informes").glob("semanal-*.json")
        summary = json.loads(written.read_text(encoding="utf-8"))["report"]["summary"]
        site.flag.unlink()  # the name resolves again
        routes[SITE + "a/"] = Resource.html("<h1>No está</h1>", status=404)
        site.crawl()  # the third: the name resolves again; /a/ answers 404 now
        third = report_json(site.config)
    finally:
        site.stop()
    # each page's lookup was tried three times (the request and its two retries): retried as any DNS error
    assert site.lookups("failed") >= 6
    report = second
    pages = {p["url"]: p for p in report["pages"]}
    for url in (SITE + "a/", SITE + "b/"):
        assert pages[url]["status"] == 0 and "DNS" in pages[url]["error"], pages[url]
    # the report says the crawl could not fetch them, and why, apart from the site's errors (H292)...
    assert report["page_errors"] == [] and report["failing_pages"] == [], report["page_errors"]
    assert [p["url"] for p in report["unreached_pages"]] == [SITE + "a/", SITE + "b/"], report["unreached_pages"]
    # ...never that they were deleted...
    assert not [c for c in report["changes"] if c["kind"] == "removed"], report["changes"]
    # ...nor that the links to them are broken (this week's) or fixed (/b/, broken last week: not seen)
    links = {link["url"]: link for link in report["links"]}
    for url in (SITE + "a/", SITE + "b/"):
        assert links[url]["state"] == "unverified" and "DNS" in links[url]["error"], links[url]
    assert (summary["broken"], summary["broken_new"], summary["broken_fixed"]) == (0, [], []), summary
    # the third week: a run of failures starts where one was seen, never at the crawl that saw nothing
    since = {link["url"]: (link["state"], link["broken_since"]) for link in third["links"]}
    assert since == {
        SITE + "a/": ("broken", third["crawl"]["started_at"]),  # 404 now: broken since this crawl
        SITE + "b/": ("broken", first["crawl"]["started_at"]),  # 404 in the first and this one
    }, since


def test_a_verdict_resting_on_a_site_page_whose_name_did_not_resolve_does_not_call_it_external(tmp_path):
    """The checklist's «sin verificar» note names what was not seen: a page of the site the crawl could
    not fetch (its name did not resolve from here) is no external link."""
    routes = {
        SITE: page("Inicio", body='<p><a href="/datos-abiertos/">Datos abiertos</a></p>'),
        SITE + "datos-abiertos/": page("Datos abiertos"),
    }
    site = DnsSite(tmp_path, routes, mode="down", failing_crawl=1)
    try:
        site.crawl()  # the home page answers; every later lookup of the site's name fails
        report = report_json(site.config)
    finally:
        site.stop()
    [record] = [r for r in report["checklist"] if r["item"] == "info.datos_abiertos"]
    assert record["status"] == "sin_verificar", record
    assert "sin verificar: la página del sitio no se pudo consultar desde esta máquina" in record["detail"], record
    assert "externo" not in record["detail"], record
