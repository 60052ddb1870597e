"""A page's sitemap ``lastmod`` is kept whichever way the crawl reached the page (H293).

The crawler kept a ``lastmod`` only when the sitemap itself requested the page: a page a link
requested first (the home page answered before the sitemap did) lost it. Which comes first depends on
the order answers arrive in, so the same site, unchanged, could give another weekly text and another
``last_sitemap_date`` from one crawl to the next. A small site on 127.0.0.1 whose home page links
every page and whose sitemap answers late (so every page is reached by its link first), crawled
through the CLI on 10 and 24 November 2026, as tests/test_updates_sitemap_h291.py's site (where only
the sitemap lists the pages):

- /control/plan never changes its text; its lastmod moves from 3 to 21 November (re-saves): the report
  says 21 November apart, as a date that does not count (``last_sitemap_date``, the weekly's note).
- /hacienda/predial changes its text between the crawls, its lastmod 20 November: the change seen is
  dated 20 November, not the day it was seen.

Both failed on ``integ21`` (0da1d04) without the change (checked, H293).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import html_text, run_cli, write_config

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
TITLES = {"/": "Inicio", "/control/plan": "Plan anual de auditoría", "/hacienda/predial": "Impuesto predial"}
FIRST, SECOND = "2026-11-10", "2026-11-24"
SITEMAP_DELAY = 1.5  # seconds: the home page and the pages it links answer long before


def _page(path: str, text: str) -> Resource:
    links = "".join(f"<li><a href='{p}'>{t}</a></li>" for p, t in TITLES.items())
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{TITLES[path]}</title></head>"
        f"<body><header><p>Alcaldía de Prueba</p><nav><ul>{links}</ul></nav></header>"
        f"<main><h1>{TITLES[path]}</h1>{text}</main><footer><p>Calle 1 # 2-3</p></footer></body></html>",
        last_modified=None,
    )


def _site(version: int, base: str) -> dict[str, Resource]:
    second = version == 2
    texts = {
        "/": "<p>Bienvenidos al sitio de la alcaldía.</p>",
        "/control/plan": "<p>El plan anual de auditoría de la vigencia.</p><p>Publicado el 27 de febrero de 2026.</p>",
        "/hacienda/predial": f"<p>La tarifa del impuesto predial es del {'12' if second else '10'} por mil.</p>",
    }
    lastmod = {
        "/": "2026-01-05",
        "/control/plan": "2026-11-21" if second else "2026-11-03",  # a re-save each time, text unchanged
        "/hacienda/predial": "2026-11-20" if second else "2026-10-01",
    }
    routes = {p: _page(p, t) for p, t in texts.items()}
    urls = "".join(f"<url><loc>{base}{p}</loc><lastmod>{d}</lastmod></url>" for p, d in lastmod.items())
    routes["/sitemap.xml"] = Resource(
        body=(
            '<?xml version="1.0" encoding="UTF-8"?>'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
        ).encode(),
        headers={"Content-Type": "application/xml"},
        last_modified=None,
        delay=SITEMAP_DELAY,
    )
    return routes


def _report(config: Path, day: str) -> dict:
    result = run_cli("report", "--format", "json", "--config", str(config), env={"GELT_TODAY": day})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def crawled(tmp_path_factory) -> dict:
    """The JSON reports after each crawl, and the weekly after the second."""
    tmp = tmp_path_factory.mktemp("h293")
    out: dict = {}
    with SiteServer({}) as server:
        server.routes = _site(1, server.url.rstrip("/"))
        config = write_config(tmp, server.url, EXTRA)
        result = run_cli("crawl", "--config", str(config), env={"GELT_TODAY": FIRST})
        assert result.returncode == 0, result.stderr
        out["first"] = _report(config, FIRST)
        server.routes = _site(2, server.url.rstrip("/"))
        result = run_cli("crawl", "--config", str(config), env={"GELT_TODAY": SECOND})
        assert result.returncode == 0, result.stderr
    out["second"] = _report(config, SECOND)
    weekly = tmp / "semanal.html"
    result = run_cli("report", "--weekly", "--config", str(config), "--output", str(weekly), env={"GELT_TODAY": SECOND})
    assert result.returncode == 0, result.stderr
    out["weekly"] = html_text(weekly.read_text(encoding="utf-8"))
    return out


def _dep(report: dict, name: str) -> dict:
    return next(d for d in report["dependencias"] if d["name"] == name)


def test_a_page_reached_by_a_link_first_keeps_its_sitemap_lastmod(crawled):
    """The re-saved page's sitemap date is said apart in both crawls, as when the sitemap requests it."""
    for key, moved in (("first", "2026-11-03"), ("second", "2026-11-21")):
        control = _dep(crawled[key], "Oficina de Control Interno")
        assert control["last_sitemap_date"] == moved, key
        assert control["updates_this_month"] == 0, (key, control["update_days"])
        assert control["last_published"] == "2026-02-27", key
    assert "el sitemap da el 21 nov, que no cuenta" in crawled["weekly"]


def test_a_change_seen_on_a_page_reached_by_a_link_is_dated_by_its_lastmod(crawled):
    hacienda = _dep(crawled["second"], "Secretaría de Hacienda")
    days = {d["date"]: d["signals"] for d in hacienda["update_days"]}
    assert days == {"2026-11-20": ["rastreo"]}, hacienda["update_days"]
