"""What the report holds when the checklist builds each site index (issue 21, H285): not the
caches the earlier audits fill across pages (the dependencia of each URL, ``pages._resolver``; the
plain form of each link name, ``accessibility._plain``), and, while the index is judged, not the
mapping of link states the index keyed its own copy from. A cold report of two crawls of a site on
127.0.0.1 builds two indexes (the latest crawl's, then the previous one's, after its signal audits
filled the caches again); the report with the caches kept is the same, byte for byte, and the
weekly audit carried from the first crawl's (incremental) is the same as from scratch.

Fails without ``run.forget_audit_caches`` (the caches hold the site's URLs and link names at each
index) and with ``audit.py``'s states held by ``_evaluate``, ``_index_and_judge`` and the index's
``link_source`` (checked: more than one reference to the mapping while the index is judged)."""

from __future__ import annotations

import re
import sqlite3
import sys
from typing import Any

import gelt_audit.audits.checklist.audit as checklist_audit
import gelt_audit.audits.run as run
from gelt_audit.audits import accessibility, pages
from gelt_audit.config import load_config
from gelt_audit.reports import json_report
from gelt_audit.store import Store
from tests.helpers import crawl, page, store_copies, write_config

LINKS = ("/", "/transparencia", "/noticias", "/contacto", "/no-existe", "http://localhost:8080/pruebas")


def _site(version: int) -> dict[str, Any]:
    return {
        "/": page("Inicio | Alcaldía de Prueba", f"<p>Bienvenidos, edición {version}.</p>", LINKS),
        "/transparencia": page("Transparencia", "<p>Información pública de la alcaldía.</p>", LINKS),
        "/noticias": page("Noticias", f"<p>Noticia número {version} de la alcaldía.</p>", LINKS),
        "/contacto": page("Contacto", "<p>Calle 1 # 2-3. contacto@alcaldia.gov.co</p>", LINKS),
    }


def _report(directory: Any, monkeypatch: Any, forget: bool = True) -> tuple[str, list[dict[str, int]]]:
    """The JSON report of the store in ``directory`` and, at each site index the checklist built,
    what the caches held when it started and how many references the mapping of link states it
    was made from had while the index was judged (its first ``evaluate``; 1 is this probe's own)."""
    seen: list[dict[str, int]] = []
    given: list[Any] = []
    index_site, evaluate = checklist_audit.index_site, checklist_audit.evaluate

    def watched_index(*args: Any, **kwargs: Any) -> Any:
        seen.append({"names": len(pages._LAST_RESOLVER) + pages._resolver.cache_info().currsize})
        seen[-1]["plain"] = accessibility._plain.cache_info().currsize
        given[:] = [kwargs["link_states"]]
        return index_site(*args, **kwargs)

    def watched_evaluate(*args: Any, **kwargs: Any) -> Any:
        if given:  # the first profile judged on this index
            seen[-1]["states"] = len(given[0])
            seen[-1]["refs"] = sys.getrefcount(given[0]) - 2  # getrefcount's argument, ``given``'s item
            given.clear()
        return evaluate(*args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(checklist_audit, "index_site", watched_index)
        patch.setattr(checklist_audit, "evaluate", watched_evaluate)
        if not forget:
            patch.setattr(run, "forget_audit_caches", lambda: None)
        cfg = load_config(directory / "gelt.toml")
        with Store(cfg.store_path) as store:
            text = json_report.dumps(run.audit(store, cfg))  # as the CLI's report (browser "off")
    return _json(text), seen


def _json(text: str) -> str:
    return re.sub(r'"generated_at": ?"[^"]*"', "", text).strip()


def test_checklist_indexes_start_without_the_audit_caches(serve, tmp_path, monkeypatch):
    server = serve(_site(1))
    config = write_config(tmp_path, server.url)
    crawl(config)
    _report(tmp_path, monkeypatch)  # the first crawl's audit: what the next one's carries (incremental)
    server.routes = _site(2)
    crawl(config)
    (fresh, kept), cli = store_copies(config, ("fresh", "kept"))
    for copy in (fresh, kept):  # cold: every audit cache emptied (the CLI's report wrote some)
        with sqlite3.connect(copy / "gelt.db") as conn:
            conn.execute("delete from body_audits")

    report, seen = _report(fresh, monkeypatch)
    held, held_seen = _report(kept, monkeypatch, forget=False)

    # two indexes (the latest crawl's, the previous one's), each started with the caches empty,
    # though the audits before each had filled them
    assert [(s["names"], s["plain"]) for s in seen] == [(0, 0), (0, 0)]
    assert all(s["names"] and s["plain"] for s in held_seen)
    # judged with the index's own copy of the states alone: the mapping is held by nothing else
    assert all(s["states"] >= len(LINKS) - 1 for s in seen)
    assert [s["refs"] for s in seen] == [0, 0]
    # the same report: with the caches kept, by the CLI, and carried from the first crawl's audit
    assert '"url":"http://127.0.0.1' in report and "/no-existe" in report
    assert report == held
    assert report == _json(cli)
    incremental, _ = _report(tmp_path, monkeypatch)
    assert incremental == report
