"""A cold report judges the previous crawl too, after the latest (issue 21, H144): while the
previous crawl's index is built, the other audits' findings made for it alone (its links table,
its pages, its external links) are no longer alive; only what the checklist reads of them is.
The report's ``regressions`` stay those of a report whose previous verdicts were made when that
crawl was the latest."""

from __future__ import annotations

import weakref
from typing import Any

import gelt_audit.audits.checklist.audit as checklist_audit
import gelt_audit.audits.run as run
from gelt_audit.config import load_config
from gelt_audit.store import Store
from tests.helpers import crawl, page, report_json, write_config

TRANSPARENCIA = "Transparencia y acceso a la información pública"


class _Findings(dict):
    """A findings dict a weak reference can watch (a plain dict cannot be)."""


def _routes(full: bool = True) -> dict[str, Any]:
    """The site; without ``full``, its news and contact pages gone, and the links to them."""
    links = ("/", "/transparencia", "/noticias", "/contacto") if full else ("/", "/transparencia")
    routes = {
        "/": page("Inicio | Alcaldía de Prueba", f"<a href='/transparencia'>{TRANSPARENCIA}</a>", links),
        "/transparencia": page(TRANSPARENCIA, "<p>Información pública de la alcaldía.</p>", links),
    }
    if full:
        routes["/noticias"] = page("Noticias", "<p>Noticias de la alcaldía.</p>", links)
        routes["/contacto"] = page("Contacto", "<p>Calle 1 # 2-3. contacto@alcaldia.gov.co</p>", links)
    return routes


def _verdicts(changes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The regressions without their snapshots' times (the two stores crawled a moment apart)."""
    return [{k: v for k, v in c.items() if not k.startswith("snapshot_")} for c in changes]


def test_previous_crawls_findings_are_dropped_before_its_index(serve, tmp_path, monkeypatch):
    server = serve(_routes())
    for name in ("warm", "cold"):
        (tmp_path / name).mkdir()
    warm = write_config(tmp_path / "warm", server.url)  # reported after each crawl
    cold = write_config(tmp_path / "cold", server.url)  # reported once, after both
    crawl(warm)
    crawl(cold)
    report_json(warm)  # the first crawl judged as the latest one
    server.routes = _routes(full=False)  # what the news and contact pages met regresses
    crawl(warm)
    crawl(cold)
    expected = _verdicts(report_json(warm)["regressions"])
    assert "info.noticias" in {r["item"] for r in expected}  # a change the checklist sees

    watched: list[weakref.ref[_Findings]] = []
    alive_at_index: list[bool] = []
    run_audits, index_site = run.run_audits, checklist_audit.index_site

    def run_watched(ctx: Any, audits: Any) -> Any:
        found = _Findings(run_audits(ctx, audits))
        watched.append(weakref.ref(found))
        return found

    def index_watched(*args: Any, **kwargs: Any) -> Any:
        alive_at_index.append(any(ref() is not None for ref in watched))
        return index_site(*args, **kwargs)

    monkeypatch.setattr(run, "run_audits", run_watched)
    monkeypatch.setattr(checklist_audit, "index_site", index_watched)
    cfg = load_config(cold)
    with Store(cfg.store_path) as store:
        findings = run.audit(store, cfg, browser=False)
    assert len(watched) == 1 and len(alive_at_index) == 2  # the previous crawl judged, cold
    assert alive_at_index == [False, False]  # its own findings gone before its index was built
    assert _verdicts(findings["regressions"]) == expected
    assert report_json(cold)["regressions"] == findings["regressions"]  # the CLI's, from what was kept
