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

import pytest

from gelt_audit.demo.server import Resource
from tests.helpers import html_text
from tests.test_updates_sitemap_h291 import _page, crawl_twice


def _site(version: int, base: str = "") -> dict[str, Resource]:
    second = version == 2
    plan = (
        "<meta property='article:published_time' content='2026-02-27T08:00:00-05:00'>"
        f"<meta property='article:modified_time' content='2026-11-{'21' if second else '03'}T10:00:00-05:00'>"
    )
    predial = f"<meta itemprop='dateModified' content='2026-{'11-20' if second else '10-01'}'>"
    predial_text = f"<p>La tarifa del impuesto predial es del {'12' if second else '10'} por mil.</p>"
    return {  # no sitemap: the home page links every page
        "/": _page("/", "<p>Bienvenidos al sitio de la alcaldía.</p>", linked=True),
        "/control/plan": _page("/control/plan", "<p>El plan anual de auditoría de la vigencia.</p>", True, plan),
        "/hacienda/predial": _page("/hacienda/predial", predial_text, True, predial),
        "/hacienda/ica": _page("/hacienda/ica", "<p>El calendario tributario de industria y comercio.</p>", True),
    }


@pytest.fixture(scope="module")
def crawled(tmp_path_factory) -> dict:
    out = crawl_twice(tmp_path_factory.mktemp("h293mod"), _site)
    out["weekly"] = html_text(out["weekly"])
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
