"""A crawl that did not see the site is not a finished crawl (issue 16, first section).

Each case starts from a good crawl of a small site on 127.0.0.1, turns the site into what a
careless operator or a hostile network produces, crawls again through the real CLI, and checks
that the tool says so in one Spanish line, exits with the documented code, and keeps the last
good crawl as the baseline: no page «eliminada», no link «roto» on that basis.
"""

from __future__ import annotations

import json

import pytest

from gelt_audit.demo.server import Resource
from tests.helpers import page, report_json, run_cli
from tests.test_reliability import TEXT, assert_down_and_history_kept, integrity, latest_finished, rows, small_site


def _good_then(serve, config_for, **site_kw):
    """A served small site, its config and one finished crawl; ``state`` flips the fault on."""
    state: dict[str, object] = {"fault": None}
    site = serve(small_site(), dynamic=lambda path: state["fault"](path) if state["fault"] else None)
    config = config_for(site.url, **site_kw)
    first = run_cli("crawl", "--config", str(config))
    assert first.returncode == 0, first.stderr
    return site, config, state


@pytest.mark.parametrize("status", [404, 403, 410])
def test_home_page_answering_an_error_is_site_not_seen(status, serve, config_for):
    _, config, state = _good_then(serve, config_for)
    state["fault"] = lambda path: Resource(b"No encontrada", status=status, headers=TEXT) if path == "/" else None
    result = run_cli("crawl", "--config", str(config))
    assert result.returncode == 3, result.stderr
    assert f"la página de inicio respondió HTTP {status}" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert_down_and_history_kept(config, result, 1)


def test_robots_txt_that_forbids_the_whole_site_fails_the_crawl(serve, config_for):
    site, config, state = _good_then(serve, config_for)
    state["fault"] = lambda path: (
        Resource(b"User-agent: *\nDisallow: /\n", headers=TEXT) if path == "/robots.txt" else None
    )
    site.requests.clear()
    result = run_cli("crawl", "--config", str(config))
    assert result.returncode == 3, result.stderr
    assert "robots.txt" in result.stderr and "no permite" in result.stderr
    assert_down_and_history_kept(config, result, 1)
    # The home page, robots.txt and /sitemap.xml are asked for at once: all three wait for the
    # rules, and none but robots.txt itself may be fetched (with Scrapy 2.19's own middleware
    # the third waiter got no rules and /sitemap.xml was fetched).
    assert {path for _, path, _ in site.requests} == {"/robots.txt"}


def test_home_page_moved_to_another_address_names_the_new_one(serve, config_for):
    elsewhere = serve({"/": page("Nuevo sitio")})
    _, config, state = _good_then(serve, config_for)
    state["fault"] = lambda path: (
        Resource(b"", status=301, headers={"Location": elsewhere.url}) if path == "/" else None
    )
    result = run_cli("crawl", "--config", str(config))
    assert result.returncode == 3, result.stderr
    assert f"el sitio se mudó a {elsewhere.url}: actualice site.url" in result.stderr
    assert_down_and_history_kept(config, result, 1)


def test_site_url_with_credentials_is_refused_and_never_written(tmp_path, serve, config_for):
    site = serve(small_site())
    config = config_for(site.url.replace("http://", "http://alcaldia:S3creta!@"))
    result = run_cli("crawl", "--config", str(config))
    assert result.returncode == 2, result.stderr
    assert "site.url" in result.stderr and "S3creta" not in result.stderr
    assert not (config.parent / "gelt.db").exists()
    assert site.requests == []  # refused before any request
    for path in config.parent.iterdir():
        if path.name != "gelt.toml" and path.is_file():
            assert b"S3creta" not in path.read_bytes(), path


def test_a_waf_answering_403_to_most_pages_makes_a_suspect_crawl(serve, config_for):
    site, config, state = _good_then(serve, config_for)
    state["fault"] = lambda path: (
        Resource(b"Acceso denegado", status=403, headers=TEXT) if path not in ("/", "/robots.txt") else None
    )
    result = run_cli("crawl", "--config", str(config))
    _assert_suspect(config, result, "403")


def test_a_maintenance_page_that_loses_most_pages_makes_a_suspect_crawl(serve, config_for):
    _, config, state = _good_then(serve, config_for)
    # Every path answers 200 with a page that links nowhere: most of last week's pages vanish
    # without one 404 or 410 that says they are gone.
    state["fault"] = lambda path: page("Sitio en mantenimiento") if path != "/robots.txt" else None
    result = run_cli("crawl", "--config", str(config))
    _assert_suspect(config, result, "sin que respondieran 404 o 410")


def _assert_suspect(config, result, why: str) -> None:
    db = config.parent / "gelt.db"
    assert result.returncode == 4, result.stderr
    assert "sospechoso" in result.stderr and why in result.stderr
    assert "Traceback" not in result.stderr
    assert integrity(db) == "ok"
    assert latest_finished(db) == 1  # the suspect crawl is not the baseline
    [(status, error)] = rows(db, "select status, error from crawls where id > 1")
    assert status == "suspect" and why in error
    report = report_json(config)
    assert report["crawl"]["id"] == 1
    assert not [c for c in report["changes"] if c["kind"] == "removed"]
    assert not [link for link in report["links"] if link["state"] == "broken"]
    assert report["last_attempt"]["status"] == "suspect" and why in json.dumps(report, ensure_ascii=False)
    status = run_cli("status", "--config", str(config))
    assert "sospechoso" in status.stdout and why in status.stdout


def test_an_operator_who_confirms_the_loss_gets_a_finished_crawl(serve, config_for):
    _, config, state = _good_then(serve, config_for)
    state["fault"] = lambda path: page("Sitio reorganizado") if path != "/robots.txt" else None
    suspect = run_cli("crawl", "--config", str(config))
    assert suspect.returncode == 4 and "--accept-lost-pages" in suspect.stderr
    accepted = run_cli("crawl", "--accept-lost-pages", "--config", str(config))
    assert accepted.returncode == 0, accepted.stderr
    assert latest_finished(config.parent / "gelt.db") == 3
    report = report_json(config)
    assert report["crawl"]["id"] == 3 and report["previous_crawl"]["id"] == 1  # the suspect one skipped
    assert [c for c in report["changes"] if c["kind"] == "removed"]  # what the operator accepted
