"""The portfolio counts a site's pages as the site's own reports do: pages that answered 2xx (H293).

The weekly and the committee count «Páginas del sitio» as the pages that answered 2xx and say the rest
apart (H290: ``audits.pages.count_pages_ok``). The portfolio's summary counted every page response,
errors included, in its CSV column «páginas» and as the denominator of its broken links per page.
A site on 127.0.0.1 with four pages answering 200, one linked page answering 404 and one redirect,
crawled and ranked through the portfolio CLI. The HTML's summary card said the plan's target as
«actualizaciones al mes»: it is a number of distinct days. Failed on ``integ21`` (0da1d04) without the change
(checked, H293).
"""

from __future__ import annotations

import csv
import io
import json

from gelt_audit.audits.pages import count_pages_ok
from gelt_audit.demo.server import Resource
from tests.helpers import html_text, page
from tests.test_portfolio import SHARED, portfolio_cli, write


def test_the_portfolio_counts_the_pages_of_the_site_as_its_reports_do(serve, tmp_path):
    links = ("/p0/", "/p1/", "/hacienda/", "/falta/", "/antes/")
    routes = {
        "/": page("Inicio", links=links),
        "/p0/": page("Noticias", "<p>Noticias de la semana.</p>"),
        "/p1/": page("Trámites", "<p>Trámites en línea.</p>"),
        "/hacienda/": page("Hacienda", "<p>Impuesto predial.</p>"),
        "/falta/": Resource.html("<!doctype html><title>No existe</title><p>No existe.</p>", status=404),
        "/antes/": Resource(status=301, headers={"Location": "/p0/", "Content-Type": "text/html"}),
    }
    site = serve(routes)
    config = write(
        tmp_path,
        SHARED + f'\n[links]\ncheck_external = false\n\n[portfolio]\n[[portfolio.sites]]\nname = "Uno"\n'
        f'dane = "73001"\nurl = "{site.url}"\n',
    )
    result = portfolio_cli("crawl", "--config", str(config))
    assert result.returncode == 0, result.stderr
    out = tmp_path / "r.json"
    sites_dir = tmp_path / "sitios"
    result = portfolio_cli(
        "ranking", "--config", str(config), "--format", "json", "--output", str(out), "--sites-dir", str(sites_dir)
    )
    assert result.returncode == 0, result.stderr
    [entry] = json.loads(out.read_text(encoding="utf-8"))["sites"]
    own = json.loads((sites_dir / "73001.json").read_text(encoding="utf-8"))
    assert count_pages_ok(own["pages"]) == 4  # what the site's weekly and committee call its pages
    assert entry["pages_ok"] == 4
    assert entry["pages"] == 5 and entry["page_errors"] == 1  # the keys keep their meaning
    out = tmp_path / "r.csv"
    assert portfolio_cli("ranking", "--config", str(config), "--format", "csv", "--output", str(out)).returncode == 0
    head, row = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
    assert "páginas" not in head
    assert row[head.index("páginas del sitio")] == "4"
    assert row[head.index("páginas con error")] == "1"
    # the plan's target is a number of distinct days, as the columns and the site reports say
    out = tmp_path / "r.html"
    assert portfolio_cli("ranking", "--config", str(config), "--format", "html", "--output", str(out)).returncode == 0
    words = html_text(out.read_text(encoding="utf-8"))
    assert "4 días con actualización al mes: meta del plan" in words and "actualizaciones al mes" not in words
