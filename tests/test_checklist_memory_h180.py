"""While the checklist builds the site index of a re-crawl (the weekly audit's peak at 50,000 pages,
issue 21, H180), two things it no longer reads are not held: the bytes of the previous crawl's
kept list of carried pages (``carry.decode`` drops ``Carry.previous`` once decoded) and the store's
packed snapshot rows of the crawl (``audit.page_docs`` forgets them once it has taken its fields;
the later steps read them again). One real crawl twice through the CLI of a site on 127.0.0.1.

``test_the_index_is_built_without_the_previous_list_nor_the_snapshot_rows`` fails without the
drop in ``carry.decode`` (checked: the assertion on ``previous`` fails, the kept bytes still there)
and without ``store.forget_snapshots()`` in ``page_docs`` (checked: the assertion on the rows fails,
the crawl's rows still cached while the pages are read).
"""

from __future__ import annotations

import re
from typing import Any

import gelt_audit.audits.checklist.audit as checklist_audit
import gelt_audit.audits.checklist.index as index_mod
import gelt_audit.audits.run as run
from gelt_audit.config import load_config
from gelt_audit.reports import json_report
from gelt_audit.store import Store
from tests.helpers import crawl, page, write_config

LINKS = ("/", "/transparencia", "/noticias", "/contacto")


def _routes() -> dict[str, Any]:
    return {
        "/": page("Inicio | Alcaldía de Prueba", "<p>Bienvenidos al sitio de la alcaldía.</p>", LINKS),
        "/transparencia": page("Transparencia", "<p>Información pública de la alcaldía.</p>", LINKS),
        "/noticias": page("Noticias", "<p>Noticias de la alcaldía.</p>", LINKS),
        "/contacto": page("Contacto", "<p>Calle 1 # 2-3. contacto@alcaldia.gov.co</p>", LINKS),
    }


def _report(config: Any) -> str:
    cfg = load_config(config)
    with Store(cfg.store_path) as store:
        text = json_report.dumps(run.audit(store, cfg, browser=False))
    return re.sub(r'"generated_at":"[^"]*"', "", text)


def test_the_index_is_built_without_the_previous_list_nor_the_snapshot_rows(serve, tmp_path, monkeypatch):
    server = serve(_routes())
    config = write_config(tmp_path, server.url, "[links]\ncheck_external = false\n")
    crawl(config)
    _report(config)  # the first crawl's index keeps its pages for the next one's (the carry)
    crawl(config)

    seen: dict[str, Any] = {"carried": [], "reads": []}
    decode, read_pages, page_docs = index_mod.decode, index_mod._read_pages, checklist_audit.page_docs

    def watched_decode(carry: Any, version: str) -> Any:
        seen["carry"] = carry
        carried = decode(carry, version)
        seen["carried"].append(carried)
        return carried

    def watched_page_docs(store: Any, crawl: Any) -> Any:
        seen["store"] = store
        return page_docs(store, crawl)

    def watched_read_pages(pages: Any, builder: Any) -> Any:
        def each() -> Any:
            for doc in pages:
                seen["reads"].append((seen["carry"].previous, dict(seen["store"]._snapshot_rows)))
                yield doc

        return read_pages(each(), builder)

    monkeypatch.setattr(index_mod, "decode", watched_decode)
    monkeypatch.setattr(index_mod, "_read_pages", watched_read_pages)
    monkeypatch.setattr(checklist_audit, "page_docs", watched_page_docs)
    text = _report(config)

    # the re-crawl's index did take the first crawl's pages (else nothing here was tested)
    assert seen["carried"] and seen["carried"][0] is not None and len(seen["carried"][0].taken) >= 4
    assert len(seen["reads"]) >= 4
    assert all(previous is None for previous, _ in seen["reads"])
    assert all(rows == {} for _, rows in seen["reads"])
    # the later steps read the rows again: the report still has every page
    assert all(f"{server.url.rstrip('/')}{path}" in text for path in ("/transparencia", "/noticias", "/contacto"))
