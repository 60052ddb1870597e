"""A sitemap ``lastmod`` is no publication unless what the page shows supports it (H291).

The GEL-T plan counts a dependencia «actualizada» when its content changes (4 days with publication a
month). A content manager moves a page's sitemap ``lastmod`` each time it saves the page again, text
unchanged: H284 saw the demo's Oficina de Control Interno «la última publicada el 21 nov» while its page
says 27 feb. A small site on 127.0.0.1, crawled through the CLI on 10 and 24 November 2026:

- /control/plan shows «Publicado el 27 de febrero de 2026» and never changes its text; its sitemap
  lastmod is 3 November in the first crawl and 21 November in the second (two re-saves). Neither is a
  day with publication: the page does not show the date and no crawl saw its text change. The report
  says the date apart, with its source (``last_sitemap_date``, the weekly's «el sitemap da el …, que no
  cuenta», the CSV's column).
- /hacienda/predial shows no date and changes its text between the crawls; its lastmod moves to 20
  November: the change seen dates it, so 20 November is a day with publication.
- /hacienda/ica changes its text between the crawls, its lastmod 15 October in both (an older date
  than the first crawl dates an earlier version): the change counts on the day it was seen, 24 November,
  not in October.

Each test failed on ``integ20`` (1bd06f6) without the change it guards (checked, H291).

Each runs twice (H293): once with the pages listed only by the sitemap, once with the home page linking
them all and the sitemap answering late, so that every page is reached by its link first. What the
sitemap says of a page must not depend on which way the crawl reached it: the crawler kept a lastmod
only when the sitemap requested the page, and the ``link`` runs failed on ``integ21`` (0da1d04)
without H293's change (checked).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import run_cli, write_config

EXTRA = """[links]
check_external = false

[targets]
updates_per_month = 1

[[dependencias]]
name = "Oficina de Control Interno"
responsable = "Marta Ruiz"
match = ["/control/"]

[[dependencias]]
name = "Secretaría de Hacienda"
responsable = "Ana Pérez"
match = ["/hacienda/"]
"""
TITLES = {
    "/": "Inicio",
    "/control/plan": "Plan anual de auditoría",
    "/hacienda/predial": "Impuesto predial",
    "/hacienda/ica": "Industria y comercio",
}
FIRST, SECOND = "2026-11-10", "2026-11-24"
SITEMAP_DELAY = 1.5  # seconds: the home page and the pages it links answer long before the sitemap


def _page(path: str, text: str, linked: bool = False, head: str = "") -> Resource:
    # linked: the home page and every page link all the pages (else only the sitemap lists them)
    links = "".join(f"<li><a href='{p}'>{t}</a></li>" for p, t in TITLES.items() if linked or p == "/")
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{TITLES[path]}</title>{head}</head>"
        f"<body><header><p>Alcaldía de Prueba</p><nav><ul>{links}</ul></nav></header>"
        f"<main><h1>{TITLES[path]}</h1>{text}</main><footer><p>Calle 1 # 2-3</p></footer></body></html>",
        last_modified=None,
    )


def _site(version: int, base: str, linked: bool = False) -> dict[str, Resource]:
    second = version == 2
    texts = {
        "/": "<p>Bienvenidos al sitio de la alcaldía.</p>",
        "/control/plan": "<p>El plan anual de auditoría de la vigencia.</p><p>Publicado el 27 de febrero de 2026.</p>",
        "/hacienda/predial": f"<p>La tarifa del impuesto predial es del {'12' if second else '10'} por mil.</p>",
        "/hacienda/ica": f"<p>El calendario tributario de industria y comercio{' fue ampliado' if second else ''}.</p>",
    }
    lastmod = {
        "/": "2026-01-05",
        "/control/plan": "2026-11-21" if second else "2026-11-03",  # a re-save each time, text unchanged
        "/hacienda/predial": "2026-11-20" if second else "2026-10-01",
        "/hacienda/ica": "2026-10-15",  # stale: older than the first crawl
    }
    routes = {p: _page(p, t, linked) for p, t in texts.items()}
    urls = "".join(f"<url><loc>{base}{p}</loc><lastmod>{d}</lastmod></url>" for p, d in lastmod.items())
    routes["/sitemap.xml"] = Resource(
        body=(
            '<?xml version="1.0" encoding="UTF-8"?>'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
        ).encode(),
        headers={"Content-Type": "application/xml"},
        last_modified=None,
        delay=SITEMAP_DELAY if linked else 0.0,
    )
    return routes


def _report(config: Path, day: str) -> dict:
    result = run_cli("report", "--format", "json", "--config", str(config), env={"GELT_TODAY": day})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def crawl_twice(tmp: Path, site: Callable[[int, str], dict[str, Resource]], extra: str = EXTRA) -> dict:
    """A site served on 127.0.0.1 (``site(version, base URL)``: version 1, then 2) crawled through the CLI
    on FIRST and SECOND: the JSON report after each crawl, the weekly's HTML after the second, the config."""
    out: dict = {}
    with SiteServer({}) as server:
        server.routes = site(1, server.url.rstrip("/"))
        config = write_config(tmp, server.url, extra)
        result = run_cli("crawl", "--config", str(config), env={"GELT_TODAY": FIRST})
        assert result.returncode == 0, result.stderr
        out["first"] = _report(config, FIRST)
        server.routes = site(2, server.url.rstrip("/"))
        result = run_cli("crawl", "--config", str(config), env={"GELT_TODAY": SECOND})
        assert result.returncode == 0, result.stderr
    out["second"] = _report(config, SECOND)
    weekly = tmp / "semanal.html"
    env = {"GELT_TODAY": SECOND}
    result = run_cli("report", "--weekly", "--config", str(config), "--output", str(weekly), env=env)
    assert result.returncode == 0, result.stderr
    out["weekly"] = weekly.read_text(encoding="utf-8")
    out["config"] = config
    return out


@pytest.fixture(scope="module", params=["sitemap", "link"])
def crawled(request, tmp_path_factory) -> dict:
    """The site's reports after its first crawl (10 November) and after its second (24 November); its
    pages reached through the sitemap, or (``link``) each through a link before the sitemap answers."""
    tmp = tmp_path_factory.mktemp(f"h291-{request.param}")
    linked = request.param == "link"
    out = crawl_twice(tmp, lambda version, base: _site(version, base, linked))
    config, env = out["config"], {"GELT_TODAY": SECOND}
    tables = tmp / "tablas"
    result = run_cli("report", "--weekly", "--format", "csv", "--config", str(config), "--output", str(tables), env=env)
    assert result.returncode == 0, result.stderr
    out["csv"] = next(tables.rglob("*-dependencias.csv"))
    return out


def _dep(report: dict, name: str) -> dict:
    return next(d for d in report["dependencias"] if d["name"] == name)


def test_a_lastmod_moved_by_a_resave_is_no_day_with_publication(crawled):
    """The sitemap's date of a page whose text did not change and that does not show that date is said
    apart, with its source, and counts as no day with publication (first crawl or later)."""
    for key, moved in (("first", "2026-11-03"), ("second", "2026-11-21")):
        control = _dep(crawled[key], "Oficina de Control Interno")
        assert control["updates_this_month"] == 0, (key, control["update_days"])
        assert control["last_published"] == "2026-02-27", key  # what the page itself shows
        assert control["last_sitemap_date"] == moved, key
        assert not control["meets_target"], key
    plan = next(c for c in crawled["second"]["checklist"] if c["item"] == "plan.frecuencia_actualizacion")
    assert plan["status"] == "parcial", plan  # Hacienda meets its target, Control Interno does not
    assert "1 de 2 dependencias" in plan["detail"]


def test_a_change_seen_is_dated_by_its_lastmod_only_when_the_lastmod_can_date_it(crawled):
    """A page whose text changed between the crawls counts: on its lastmod when that falls between
    the two crawls, on the day it was seen when the lastmod is older than the first crawl."""
    hacienda = _dep(crawled["second"], "Secretaría de Hacienda")
    days = {d["date"]: d["signals"] for d in hacienda["update_days"]}
    assert days == {"2026-11-20": ["rastreo"], "2026-11-24": ["rastreo"]}, hacienda["update_days"]
    assert hacienda["updates_this_month"] == 2 and hacienda["meets_target"]
    assert hacienda["last_sitemap_date"] is None  # 20 Nov is counted; 15 Oct is older than the change seen
    first = _dep(crawled["first"], "Secretaría de Hacienda")
    assert first["updates_this_month"] == 0  # a first crawl sees no change: lastmods alone do not count


def test_the_weekly_and_the_csv_say_the_sitemaps_date_and_that_it_does_not_count(crawled):
    weekly = " ".join(crawled["weekly"].split())
    assert "publicada el 21 nov" not in weekly
    assert (
        "el sitemap da el 21 nov, que no cuenta (ninguna página la muestra y ningún rastreo vio cambiar su texto desde entonces)"
        in weekly
    )
    raw = crawled["csv"].read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(raw)))
    head, control = rows[0], next(r for r in rows if r[0] == "Oficina de Control Interno")
    assert control[head.index("publicada el (fecha que declara la página)")] == "2026-02-27"
    sitemap = next(i for i, h in enumerate(head) if h.startswith("fecha del sitemap que no cuenta"))
    assert control[sitemap] == "2026-11-21"
