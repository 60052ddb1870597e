"""The link audit on real crawls: internal from the store, external checked by the crawler."""

from __future__ import annotations

import threading

import pytest

from gelt_audit.crawler.linkcheck import HOST_TIMEOUTS_TRIP
from gelt_audit.demo.server import Resource
from tests.faults import FaultServer, never_answer
from tests.helpers import crawl, page, report_json


def by_url(report: dict) -> dict[str, dict]:
    return {link["url"]: link for link in report["links"]}


@pytest.fixture
def external(serve):
    """A foreign server with a host of behaviours, on another port of 127.0.0.1."""
    hits: dict[str, int] = {}
    lock = threading.Lock()

    def behave(path: str) -> Resource | None:
        with lock:
            hits[path] = hits.get(path, 0) + 1
            count = hits[path]
        if path == "/lento":
            return Resource.html("tarde", delay=3)
        if path == "/limite":
            # 429 with Retry-After once, then fine
            if count == 1:
                return Resource(b"", status=429, headers={"Retry-After": "1", "Content-Type": "text/plain"})
            return Resource.html("ok")
        if path == "/firewall":
            return Resource(
                b"<html>Attention Required! captcha</html>", status=403, headers={"Content-Type": "text/html"}
            )
        return None

    server = serve(
        {"/ok": Resource.html("bien"), "/sin-head": Resource.html("sólo GET", allow_head=False)}, dynamic=behave
    )
    server.hits = hits
    return server


@pytest.fixture
def linked_site(serve, external):
    ext = external.url
    closed = "http://127.0.0.1:9/cerrado"
    routes = {
        "/": page(
            "Inicio",
            body=(
                f"<a href='/roto'>roto</a> <a href='/falla'>falla</a> <a href='/viejo'>viejo</a>"
                f"<a href='/bucle-a'>bucle</a> <a href='/destino/#seccion'>ancla buena</a>"
                f"<a href='/destino/#no-existe'>ancla mala</a> <a href='{ext}ok'>externo</a>"
                f"<a href='{ext}nada'>externo roto</a> <a href='{closed}'>cerrado</a> <a href='{ext}lento'>lento</a>"
                f"<a href='{ext}sin-head'>sin head</a> <a href='{ext}limite'>límite</a> <a href='{ext}firewall'>firewall</a>"
                "<a href='mailto:alcaldia@example.gov.co'>correo</a> <img src='/logo.png' alt='logo'>"
            ),
        ),
        "/falla": Resource(b"error", status=500),
        "/viejo": Resource(b"", status=301, headers={"Location": "/intermedio"}),
        "/intermedio": Resource(b"", status=302, headers={"Location": "/destino/"}),
        "/bucle-a": Resource(b"", status=301, headers={"Location": "/bucle-b"}),
        "/bucle-b": Resource(b"", status=301, headers={"Location": "/bucle-a"}),
        "/destino/": page("Destino", body="<h2 id='seccion'>Sección</h2>"),
    }
    return serve(routes)


def test_every_link_is_judged_with_reason_pages_and_line(linked_site, external, config_for):
    config = config_for(linked_site.url, extra="[links]\ntimeout = 1\n")
    crawl(config)
    links = by_url(report_json(config))
    site, ext = linked_site.url, external.url
    assert (links[site + "roto"]["state"], links[site + "roto"]["status"]) == ("broken", 404)
    assert "no existe" in links[site + "roto"]["error"]
    assert links[site + "roto"]["found_on"] == [site]
    assert links[site + "roto"]["occurrences"][0]["line"] is not None
    assert links[site + "roto"]["broken_since"] is not None
    assert links[site + "falla"]["state"] == "broken"
    viejo = links[site + "viejo"]
    assert (viejo["state"], viejo["status"], viejo["permanent_redirect"]) == ("redirect", 301, True)
    assert [hop[1] for hop in viejo["chain"]] == [301, 302]
    assert links[site + "bucle-a"]["state"] == "broken" and "bucle" in links[site + "bucle-a"]["error"]
    assert links[site + "destino/#seccion"]["state"] == "ok"
    assert links[site + "destino/#no-existe"]["state"] == "broken"
    assert "#no-existe" in links[site + "destino/#no-existe"]["error"]
    assert links[ext + "ok"]["state"] == "ok"
    assert (links[ext + "nada"]["state"], links[ext + "nada"]["status"]) == ("broken", 404)
    assert links["http://127.0.0.1:9/cerrado"]["state"] == "broken"
    assert "rechazó la conexión" in links["http://127.0.0.1:9/cerrado"]["error"]
    assert links[ext + "lento"]["state"] == "broken" and "a tiempo" in links[ext + "lento"]["error"]
    assert links[ext + "sin-head"]["state"] == "ok"
    assert links[ext + "limite"]["state"] == "ok"
    assert links[ext + "firewall"]["state"] == "blocked"
    assert "no verificable automáticamente" in links[ext + "firewall"]["error"]
    assert links["mailto:alcaldia@example.gov.co"]["state"] == "skipped"
    assert links[site + "logo.png"]["state"] == "broken"  # resources are checked too
    methods = [(m, p) for m, p, _ in external.requests if p == "/sin-head"]
    assert methods[:2] == [("HEAD", "/sin-head"), ("GET", "/sin-head")]


def test_second_run_reuses_ok_external_results_and_rechecks_broken(linked_site, external, config_for):
    config = config_for(linked_site.url, extra="[links]\ntimeout = 1\n")
    crawl(config)
    external.requests.clear()
    crawl(config)
    paths = {p for _, p, _ in external.requests}
    assert "/ok" not in paths and "/sin-head" not in paths  # cached as ok
    assert "/nada" in paths and "/firewall" in paths  # broken and blocked: every run
    links = by_url(report_json(config))
    assert links[external.url + "ok"]["state"] == "ok"


def test_private_address_guard_skips_loopback_targets_when_forced_on(linked_site, external, config_for):
    config = config_for(linked_site.url, extra='[links]\nprivate_addresses = "block"\ntimeout = 1\n')
    crawl(config)  # the configured site itself may live on loopback; its links to other hosts may not
    assert external.requests == []
    links = by_url(report_json(config))
    for path in ("ok", "nada", "firewall"):
        link = links[external.url + path]
        assert link["state"] == "skipped" and "seguridad" in link["error"] and "127.0.0.1" in link["error"]
    assert links[linked_site.url + "roto"]["state"] == "broken"  # the site itself is still crawled


def test_acknowledged_broken_link_is_marked_reviewed(linked_site, config_for, cli):
    config = config_for(linked_site.url, extra="[links]\ncheck_external = false\n")
    crawl(config)
    target = linked_site.url + "roto"
    result = cli(
        "ack",
        target,
        "--reason",
        "se corrige en la migración del sitio",
        "--until",
        "2099-01-01",
        "--config",
        str(config),
    )
    assert result.returncode == 0, result.stderr
    link = by_url(report_json(config))[target]
    assert link["state"] == "broken"
    assert link["acknowledged"]["reason"] == "se corrige en la migración del sitio"
    expired = cli("ack", target, "--reason", "x", "--until", "ayer", "--config", str(config))
    assert expired.returncode == 2 and "--until" in expired.stderr


def test_a_host_that_never_answers_costs_a_few_timeouts_not_one_per_link(serve, config_for):
    hanging = FaultServer(dynamic=lambda path: never_answer()).start()
    # another external server answers: the silent host's links are broken, not the auditor's network
    # (with no external answer at all they would be «sin verificar»: test_external_links.py)
    answering = serve({"/": page("Gobernación")})
    try:
        targets = [f"{hanging.url}tramite-{i}" for i in range(12)]
        body = " ".join(f"<a href='{t}'>trámite {i}</a>" for i, t in enumerate(targets))
        site = serve({"/": page("Inicio", body=body + f" <a href='{answering.url}'>Gobernación</a>")})
        config = config_for(site.url, extra="[links]\ntimeout = 0.5\nper_host = 2\n")
        crawl(config)
        links = by_url(report_json(config))
    finally:
        hanging.stop()
    assert {links[t]["state"] for t in targets} == {"broken"}
    # the breaker trips after HOST_TIMEOUTS_TRIP timeouts in a row; per_host - 1 more were in flight
    assert len(hanging.requests) <= HOST_TIMEOUTS_TRIP + 1
    not_requested = [t for t in targets if "no se pidió" in links[t]["error"]]
    assert len(not_requested) == len(targets) - len(hanging.requests)
    assert "no respondió" in links[not_requested[0]]["error"]
