"""A cold report judges the previous crawl after the latest (issue 21, H146): the previous
crawl's index takes the pages whose body and URL the latest crawl has too from what the latest's
index just kept (``carry``), instead of rebuilding each from its cached parse; only the pages the
latest crawl no longer has are rebuilt. Its ``regressions`` stay those of a report whose previous
verdicts were made when that crawl was the latest."""

from __future__ import annotations

from typing import Any

import gelt_audit.audits.checklist.audit as checklist_audit
import gelt_audit.audits.checklist.parse as parse
import gelt_audit.audits.run as run
from gelt_audit.config import load_config
from gelt_audit.store import Store
from tests.helpers import crawl, page, report_json, write_config

TRANSPARENCIA = "Transparencia y acceso a la información pública"
STATIC = (  # path, title, text
    ("/transparencia", TRANSPARENCIA, "Información pública de la alcaldía."),
    ("/tramites", "Trámites y servicios", "Pague su impuesto predial."),
    ("/normatividad", "Normatividad", "Decretos y acuerdos municipales."),
    ("/planeacion", "Planeación", "Plan de desarrollo municipal."),
    ("/participa", "Participa", "Rendición de cuentas."),
)


def _routes(full: bool = True) -> dict[str, Any]:
    """The site; without ``full``, its news and contact pages gone and the home's links to them.
    The other pages link only home: their bodies (most of the site's) stay the same."""
    kept = {path: page(title, f"<p>{text}</p>", ("/",)) for path, title, text in STATIC}
    links = (*kept, "/noticias", "/contacto") if full else tuple(kept)
    routes = {"/": page("Inicio | Alcaldía de Prueba", f"<a href='/transparencia'>{TRANSPARENCIA}</a>", links), **kept}
    if full:
        routes["/noticias"] = page("Noticias", "<p>Noticias de la alcaldía.</p>", ("/",))
        routes["/contacto"] = page("Contacto", "<p>Calle 1 # 2-3. contacto@alcaldia.gov.co</p>", ("/",))
    return routes


def _verdicts(changes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The regressions without their snapshots' times (the two stores crawled a moment apart)."""
    return [{k: v for k, v in c.items() if not k.startswith("snapshot_")} for c in changes]


def test_previous_crawl_takes_the_latest_crawls_carried_pages(serve, tmp_path, monkeypatch):
    server = serve(_routes())
    for name in ("warm", "cold"):
        (tmp_path / name).mkdir()
    warm = write_config(tmp_path / "warm", server.url)  # reported after each crawl
    cold = write_config(tmp_path / "cold", server.url)  # reported once, after both
    crawl(warm)
    crawl(cold)
    report_json(warm)  # the first crawl judged as the latest one
    server.routes = _routes(full=False)
    crawl(warm)
    crawl(cold)
    expected = _verdicts(report_json(warm)["regressions"])
    assert "info.noticias" in {r["item"] for r in expected}  # a change the checklist sees

    indexes: list[dict[str, set[str]]] = []  # each index's pages, by how each was made
    index_site = checklist_audit.index_site

    def index_watched(*args: Any, **kwargs: Any) -> Any:
        indexes.append({"all": set(), "parsed": set(), "rebuilt": set(), "carried": set()})
        return index_site(*args, **kwargs)

    def watch(method: str, kind: str, url: Any) -> None:
        made = getattr(parse.Builder, method)

        def watched(self: parse.Builder, *args: Any) -> Any:
            indexes[-1][kind].add(url(args))
            return made(self, *args)

        monkeypatch.setattr(parse.Builder, method, watched)

    watch("parse", "all", lambda args: args[0].url)
    watch("_parse", "parsed", lambda args: args[0].url)
    watch("_load", "rebuilt", lambda args: args[1].url)  # from its cached parse
    watch("_carried", "carried", lambda args: args[4].url)
    monkeypatch.setattr(checklist_audit, "index_site", index_watched)
    cfg = load_config(cold)
    with Store(cfg.store_path) as store:
        findings = run.audit(store, cfg, browser=False)
    assert len(indexes) == 2  # the latest crawl, then the previous one, cold
    latest, previous = indexes
    assert latest["parsed"] == latest["all"]  # the caches were empty: every page parsed
    same = {server.url + path.lstrip("/") for path, _, _ in STATIC}
    assert same <= latest["all"] & previous["all"]
    gone = {server.url + "noticias", server.url + "contacto"}
    assert gone <= previous["all"] - latest["all"]
    # the unchanged pages come from the latest crawl's carry, not from their cached parses; the
    # others (the home, the gone pages) were never parsed before: parsed now
    assert previous["carried"] == same
    assert not previous["rebuilt"]
    assert previous["parsed"] == previous["all"] - same
    assert _verdicts(findings["regressions"]) == expected
    assert report_json(cold)["regressions"] == findings["regressions"]  # the CLI's, from what was kept
