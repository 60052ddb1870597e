"""While the checklist builds its site index, the links table is not held (issue 21, H192): the
checklist reads only its links' states, before the index, and then gives the table back
(``findings_cache._Withheld.done_with``), which packs it out of the process until the step ends;
the report is the one made with the table held, byte for byte.

Fails without the ``done_with("links")`` call in ``checklist.audit._evaluate`` (checked: one
``LinkTable`` alive when the index is built, ``[1] != [0]``)."""

from __future__ import annotations

import gc
import re
import shutil
import sqlite3
from typing import Any

import gelt_audit.audits.checklist.audit as checklist_audit
import gelt_audit.audits.findings_cache as findings_cache
import gelt_audit.audits.run as run
from gelt_audit.audits.linktable import LinkTable
from gelt_audit.config import load_config
from gelt_audit.reports import json_report
from gelt_audit.store import Store
from tests.helpers import crawl, page, write_config

LINKS = ("/", "/transparencia", "/noticias", "/contacto", "/no-existe", "http://localhost:8080/pruebas")


def _routes() -> dict[str, Any]:
    return {
        "/": page("Inicio | Alcaldía de Prueba", "<p>Bienvenidos.</p>", LINKS),
        "/transparencia": page("Transparencia", "<p>Información pública de la alcaldía.</p>", LINKS),
        "/noticias": page("Noticias", "<p>Noticias de la alcaldía.</p>", LINKS),
        "/contacto": page("Contacto", "<p>Calle 1 # 2-3. contacto@alcaldia.gov.co</p>", LINKS),
    }


def _report(directory: Any, monkeypatch: Any, give_back: bool) -> tuple[str, list[int]]:
    """The JSON report of the store in ``directory`` (cold) and how many links tables were alive
    each time the checklist built a site index; without ``give_back`` the table is held."""
    tables: list[int] = []
    index_site = checklist_audit.index_site

    def watched(*args: Any, **kwargs: Any) -> Any:
        gc.collect()
        tables.append(sum(1 for o in gc.get_objects() if type(o) is LinkTable))
        return index_site(*args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(checklist_audit, "index_site", watched)
        if not give_back:
            patch.setattr(findings_cache._Withheld, "done_with", lambda self, key: None)
        cfg = load_config(directory / "gelt.toml")
        with Store(cfg.store_path) as store:
            text = json_report.dumps(run.audit(store, cfg, browser=False))
    return re.sub(r'"generated_at":"[^"]*"', "", text), tables


def test_checklist_index_is_built_without_the_links_table(serve, tmp_path, monkeypatch):
    server = serve(_routes())
    (tmp_path / "given").mkdir()
    (tmp_path / "held").mkdir()
    config = write_config(tmp_path / "given", server.url)
    crawl(config)
    with sqlite3.connect(tmp_path / "given" / "gelt.db") as conn:  # the whole crawl in the file copied
        conn.execute("pragma wal_checkpoint(truncate)")
    shutil.copy(config, tmp_path / "held" / "gelt.toml")
    shutil.copy(tmp_path / "given" / "gelt.db", tmp_path / "held" / "gelt.db")

    held, held_tables = _report(tmp_path / "held", monkeypatch, give_back=False)
    given, given_tables = _report(tmp_path / "given", monkeypatch, give_back=True)

    assert held_tables == [1]  # the one crawl's links table, held while its index was built
    assert given_tables == [0]
    # read back after the step: the links audit's findings are in the report, and it is the same
    assert '"url":"http://127.0.0.1' in given and "/no-existe" in given
    assert given == held
