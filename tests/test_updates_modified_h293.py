"""A modification meta date is no publication: it dates only a change the crawl saw (H293).

A content manager moves a page's ``article:modified_time`` (``og:updated_time``, ``dateModified``…) each
time it saves the page again, text unchanged, as it moves the sitemap's ``lastmod`` (H291). A reader of
«la última publicada el 21 nov» takes 21 November for a publication. A small site on 127.0.0.1 with no
sitemap, crawled through the CLI on 10 and 24 November 2026:

- /control/plan declares ``article:published_time`` 27 February and never changes its text; its
  ``article:modified_time`` moves from 3 to 21 November (re-saves). No day with publication, in either
  crawl; its last publication is 27 February.
- /hacienda/predial declares only ``<meta itemprop="dateModified">``, 1 October then 20 November, and
  changes its text between the crawls: the change seen is dated 20 November (by the modification date,
  which falls between the crawls), from the crawl, not as a date the page declares.

Both failed on ``integ21`` (0da1d04) without the change (checked, H293).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import html_text, run_cli, write_config
from tests.test_updates_sitemap_h291 import EXTRA, FIRST, SECOND

TITLES = {"/": "Inicio", "/control/plan": "Plan anual de auditoría", "/hacienda/predial": "Impuesto predial"}


def _page(path: str, head: str, text: str) -> Resource:
    links = "".join(f"<li><a href='{p}'>{t}</a></li>" for p, t in TITLES.items())
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{TITLES[path]}</title>{head}</head>"
        f"<body><header><p>Alcaldía de Prueba</p><nav><ul>{links}</ul></nav></header>"
        f"<main><h1>{TITLES[path]}</h1>{text}</main><footer><p>Calle 1 # 2-3</p></footer></body></html>",
        last_modified=None,
    )


def _site(version: int) -> dict[str, Resource]:
    second = version == 2
    plan = (
        "<meta property='article:published_time' content='2026-02-27T08:00:00-05:00'>"
        f"<meta property='article:modified_time' content='2026-11-{'21' if second else '03'}T10:00:00-05:00'>"
    )
    predial = f"<meta itemprop='dateModified' content='2026-{'11-20' if second else '10-01'}'>"
    return {
        "/": _page("/", "", "<p>Bienvenidos al sitio de la alcaldía.</p>"),
        "/control/plan": _page("/control/plan", plan, "<p>El plan anual de auditoría de la vigencia.</p>"),
        "/hacienda/predial": _page(
            "/hacienda/predial",
            predial,
            f"<p>La tarifa del impuesto predial es del {'12' if second else '10'} por mil.</p>",
        ),
    }


def _report(config: Path, day: str) -> dict:
    result = run_cli("report", "--format", "json", "--config", str(config), env={"GELT_TODAY": day})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def crawled(tmp_path_factory) -> dict:
    tmp = tmp_path_factory.mktemp("h293mod")
    out: dict = {}
    with SiteServer(_site(1)) as server:
        config = write_config(tmp, server.url, EXTRA)
        assert run_cli("crawl", "--config", str(config), env={"GELT_TODAY": FIRST}).returncode == 0
        out["first"] = _report(config, FIRST)
        server.routes = _site(2)
        assert run_cli("crawl", "--config", str(config), env={"GELT_TODAY": SECOND}).returncode == 0
    out["second"] = _report(config, SECOND)
    weekly = tmp / "semanal.html"
    env = {"GELT_TODAY": SECOND}
    assert run_cli("report", "--weekly", "--config", str(config), "--output", str(weekly), env=env).returncode == 0
    out["weekly"] = html_text(weekly.read_text(encoding="utf-8"))
    return out


def _dep(report: dict, name: str) -> dict:
    return next(d for d in report["dependencias"] if d["name"] == name)


def test_a_modification_date_moved_by_a_resave_is_no_publication(crawled):
    for key in ("first", "second"):
        control = _dep(crawled[key], "Oficina de Control Interno")
        assert control["updates_this_month"] == 0, (key, control["update_days"])
        assert control["last_published"] == "2026-02-27", key
    assert "publicada el 21 nov" not in crawled["weekly"]
    assert "la última publicada el 27 feb" in crawled["weekly"]
    plan = next(c for c in crawled["second"]["checklist"] if c["item"] == "plan.frecuencia_actualizacion")
    # Hacienda's change seen meets its target, Control Interno's re-saves do not; the target said as counted
    assert plan["status"] == "parcial", plan
    assert plan["detail"].startswith("1 de 2 dependencias cumplen la meta de 1 día distinto con publicación al mes")


def test_a_modification_date_dates_a_change_the_crawl_saw(crawled):
    hacienda = _dep(crawled["second"], "Secretaría de Hacienda")
    days = {d["date"]: d["signals"] for d in hacienda["update_days"]}
    assert days == {"2026-11-20": ["rastreo"]}, hacienda["update_days"]
    assert hacienda["last_published"] is None  # the page declares no date of its own
    assert _dep(crawled["first"], "Secretaría de Hacienda")["updates_this_month"] == 0
