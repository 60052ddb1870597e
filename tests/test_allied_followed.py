"""An allied entity is one the site links to: a visitor can follow an ``<a>`` or an ``<area>`` to
it. The GOV.CO bar's stylesheet and script served from cdn.www.gov.co, or a ministry's logo
hot-linked from the ministry's own site, are files the page loads, not links to those entities;
counting them made «Enlaces a entidades aliadas publicados» cumple on a site that links to no
entity at all (seen on the zzf-toxicologiains corpus site: «1 entidades enlazadas: ins.gov.co»
from the logo's ``<img src>`` only). Real crawls of sites on 127.0.0.1, external links never
requested (``check_external = false``).

Fails without the ``followed`` filter of ``audits.links.allied_entities`` (checked: the first test
counts cdn.www.gov.co and mintic.gov.co, three entities instead of one, and the second two entities
instead of none), and without the carried index's count of followed occurrences (checked: when the
anchor comes back on another page, the carried index did not count it).
"""

from __future__ import annotations

from gelt_audit.demo.server import Resource
from tests.helpers import crawl, page, report_json
from tests.test_links_carry import found, scratch_copy

# What a GOV.CO template loads from the national CDN, and a ministry logo taken from its site
GOVCO_HEAD = (
    "<link rel='stylesheet' href='https://cdn.www.gov.co/layout/v4/css/govco.min.css'>"
    "<script src='https://cdn.www.gov.co/layout/v4/script.js'></script>"
)
LOGO = "<img src='https://www.mintic.gov.co/portal/logo.png' alt='MinTIC'>"
FOLLOWED = "<p><a href='https://www.funcionpublica.gov.co/'>Función Pública</a></p>"
CONFIG = "[links]\ncheck_external = false\n"


def _aliadas(report: dict) -> dict:
    [record] = [r for r in report["checklist"] if r["item"] == "plan.entidades_aliadas"]
    return record


def test_files_loaded_from_an_entity_are_no_link_to_it(serve, config_for):
    site = serve(
        {
            "/": page("Inicio", body=LOGO, links=("/b/",), extra_head=GOVCO_HEAD),
            "/b/": page("Enlaces", body=LOGO + FOLLOWED, links=("/",), extra_head=GOVCO_HEAD),
        }
    )
    config = config_for(site.url, extra=CONFIG)
    crawl(config)
    report = report_json(config)
    assert [e["entity"] for e in report["allied"]["entities"]] == ["funcionpublica.gov.co"], report["allied"]
    assert _aliadas(report)["status"] == "cumple" and "1 entidades enlazadas" in _aliadas(report)["detail"]
    # the files are still links of the contract, each with its pages
    urls = {link["url"] for link in report["links"]}
    assert {"https://cdn.www.gov.co/layout/v4/script.js", "https://www.mintic.gov.co/portal/logo.png"} <= urls


def test_a_site_that_only_loads_files_from_entities_links_to_none(serve, config_for):
    site = serve({"/": page("Inicio", body=LOGO, extra_head=GOVCO_HEAD)})
    config = config_for(site.url, extra=CONFIG)
    crawl(config)
    report = report_json(config)
    assert report["allied"]["count"] == 0, report["allied"]
    aliadas = _aliadas(report)
    assert aliadas["status"] == "no_cumple", aliadas
    assert aliadas["detail"] == "no se encontraron enlaces a entidades públicas", aliadas


def test_the_carried_link_index_counts_followed_links_as_one_built_anew(serve, config_for):
    fillers = {f"/p{i}/": page(f"Relleno {i}", links=("/",)) for i in range(6)}
    routes: dict[str, Resource] = {
        "/": page("Inicio", links=("/b/", *fillers), extra_head=GOVCO_HEAD),
        "/b/": page("Enlaces", body=FOLLOWED, links=("/",)),
        **fillers,
    }
    server = serve(routes)
    config = config_for(server.url, extra=CONFIG, max_pages=50)
    crawl(config)
    assert [e["entity"] for e in found(config, 1)["allied"]["entities"]] == ["funcionpublica.gov.co"]
    # the anchor becomes the entity's logo: the same host, now only a file the page loads
    routes["/b/"] = page("Enlaces", body="<img src='https://www.funcionpublica.gov.co/logo.png' alt='DAFP'>")
    server.routes = routes
    crawl(config)
    carried = found(config, 2)
    assert carried["allied"]["count"] == 0, carried["allied"]
    assert carried == found(scratch_copy(config), 2)
    # and back: the anchor again, on another page of the carry
    routes["/p0/"] = page("Relleno 0", body=FOLLOWED, links=("/",))
    server.routes = routes
    crawl(config)
    assert [e["entity"] for e in found(config, 3)["allied"]["entities"]] == ["funcionpublica.gov.co"]
