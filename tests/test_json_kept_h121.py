"""`report --format json` after `gelt-audit run` copies the members the weekly report encoded
(``reports.json_kept``), and gives the same bytes as the same report from scratch.

A real crawl of a site on 127.0.0.1 through the CLI; `run --no-crawl --reports weekly` writes the
weekly report and keeps its encoded members; the contract's JSON is then compared with the same
report on a copy of the store with every cache emptied: right after the run, after an ``ack``
that changes a link's verdict, and after a configuration change that moves pages to another
dependencia. Copied bytes keyed by anything less than the findings' version would be stale in
the last two.
"""

from __future__ import annotations

import json

from gelt_audit.audits.run import audit
from gelt_audit.config import load_config
from gelt_audit.reports import json_kept
from gelt_audit.store import Store
from tests.helpers import crawl, page, run_cli
from tests.test_checklist_incremental import from_scratch, json_bytes

HACIENDA = '\n[[dependencias]]\nname = "Secretaría de Hacienda"\nresponsable = "Ana Pérez"\nmatch = ["/hacienda/"]\n'


def _site() -> dict:
    return {
        "/": page("Inicio", "<p>Portal.</p>", links=("/hacienda/", "/salud/", "/roto")),
        "/hacienda/": page("Hacienda", "<p>Impuestos <a href='/roto'>pagos</a>.</p>", links=("/",)),
        "/salud/": page("Salud", "<p>Vacunas.</p>", links=("/", "/hacienda/")),
    }


def _kept_members(config) -> set[str]:
    """The members `report --format json` would copy now (what ``json_kept.kept`` gives it)."""
    with Store(load_config(config).store_path) as store:
        return set(json_kept.kept(store, audit(store, load_config(config))))


def _after_run(serve, config_for):
    """A crawled site whose weekly report was written by `gelt-audit run`: the config, and the
    contract's JSON then, equal to the same report from scratch."""
    server = serve(_site())
    config = config_for(server.url, "[links]\ncheck_external = false\n")
    crawl(config)
    assert _kept_members(config) == set()  # no report written yet: nothing to copy
    result = run_cli("run", "--no-crawl", "--reports", "weekly", "--config", str(config))
    assert result.returncode == 0, result.stderr
    copied = _kept_members(config)
    assert {"links", "pages", "checklist"} <= copied
    assert not copied & {"generated_at", "crawl", "last_attempt", "site"}  # volatile: encoded each time
    after_run = json_bytes(config)
    assert after_run == from_scratch(config, tag="-1")
    return config, after_run


def test_json_after_run_equals_from_scratch_and_an_ack_is_not_served_stale(serve, config_for):
    config, after_run = _after_run(serve, config_for)
    (broken,) = [link for link in json.loads(after_run)["links"] if link["url"].endswith("/roto")]
    # an ack changes the link's verdict: the kept bytes are of another version, not copied
    result = run_cli("ack", broken["url"], "--reason", "se corrige", "--config", str(config))
    assert result.returncode == 0, result.stderr
    assert _kept_members(config) == set()
    acked = json_bytes(config)
    assert acked != after_run
    assert acked == from_scratch(config, tag="-2")
    # the next run keeps the members again, at the new version (a second run on the same store)
    result = run_cli("run", "--no-crawl", "--reports", "weekly", "--config", str(config))
    assert result.returncode == 0, result.stderr
    assert {"links", "pages", "checklist"} <= _kept_members(config)
    assert json_bytes(config) == acked


def test_a_config_change_after_run_is_not_served_stale(serve, config_for):
    config, after_run = _after_run(serve, config_for)
    # a dependencia added: the pages under /hacienda/ change owner
    config.write_text(config.read_text(encoding="utf-8") + HACIENDA, encoding="utf-8")
    assert _kept_members(config) == set()
    moved = json_bytes(config)
    assert moved != after_run
    assert "Secretaría de Hacienda".encode() in moved
    # the checklist's «frecuencia de actualización» counts the dependencias: its kept evaluation
    # is redone too (it was served stale before the checklist's key covered [[dependencias]])
    assert moved == from_scratch(config, tag="-3")
