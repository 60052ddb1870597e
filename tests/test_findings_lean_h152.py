"""While the checklist builds its site index, the other audits' findings it does not read are not
held as Python objects (issue 21, H152): they are packed to bytes for the step and read back after
it, and the report made from them is the one made without packing, byte for byte."""

from __future__ import annotations

import gc
import re
import shutil
import sqlite3
from typing import Any

import pytest

import gelt_audit.audits.findings_cache as findings_cache
import gelt_audit.audits.run as run
from gelt_audit.audits.rowtable import RowTable
from gelt_audit.config import load_config
from gelt_audit.reports import json_report
from gelt_audit.store import Store
from tests.helpers import crawl, page, write_config

LINKS = ("/", "/transparencia", "/noticias", "/contacto", "http://localhost:8080/pruebas")


def _routes() -> dict[str, Any]:
    return {
        "/": page("Inicio | Alcaldía de Prueba", "<p>Bienvenidos.</p>", LINKS),
        "/transparencia": page("Transparencia", "<p>Información pública de la alcaldía.</p>", LINKS),
        "/noticias": page("Noticias", "<p>Noticias de la alcaldía.</p>", LINKS),
        "/contacto": page("Contacto", "<p>Calle 1 # 2-3. contacto@alcaldia.gov.co</p>", LINKS),
    }


def _report(directory: Any, monkeypatch: Any, lean: bool) -> tuple[str, list[set[str]], list[int]]:
    """The JSON report of the store in ``directory`` (cold), the findings' keys at the checklist's
    start, and how many row tables were alive then; without ``lean``, nothing is packed."""
    keys: list[set[str]] = []
    tables: list[int] = []
    audit_checklist = run.audit_checklist

    def watched(store: Any, crawl: Any, previous: Any, config: Any, findings: Any, previous_findings: Any) -> Any:
        keys.append(set(findings))
        gc.collect()
        tables.append(sum(1 for o in gc.get_objects() if type(o) is RowTable))
        return audit_checklist(store, crawl, previous, config, findings, previous_findings)

    with monkeypatch.context() as patch:
        patch.setattr(run, "audit_checklist", watched)
        if not lean:
            patch.setattr(findings_cache, "_run_lean", lambda ctx, step, reads, parts: step(ctx))
        cfg = load_config(directory / "gelt.toml")
        with Store(cfg.store_path) as store:
            text = json_report.dumps(run.audit(store, cfg, browser=False))
    return re.sub(r'"generated_at":"[^"]*"', "", text), keys, tables


def test_checklist_runs_without_the_findings_it_does_not_read(serve, tmp_path, monkeypatch):
    server = serve(_routes())
    (tmp_path / "lean").mkdir()
    (tmp_path / "plain").mkdir()
    (tmp_path / "undeclared").mkdir()
    config = write_config(tmp_path / "lean", server.url)
    crawl(config)
    with sqlite3.connect(tmp_path / "lean" / "gelt.db") as conn:  # the whole crawl in the file copied
        conn.execute("pragma wal_checkpoint(truncate)")
    for other in ("plain", "undeclared"):
        shutil.copy(config, tmp_path / other / "gelt.toml")
        shutil.copy(tmp_path / "lean" / "gelt.db", tmp_path / other / "gelt.db")

    plain, plain_keys, plain_tables = _report(tmp_path / "plain", monkeypatch, lean=False)
    lean, lean_keys, lean_tables = _report(tmp_path / "lean", monkeypatch, lean=True)

    # without packing, the checklist started with every earlier finding alive, the pages table too
    assert {"pages", "dev_host_links", "changes", "accessibility", "crawl"} <= plain_keys[0]
    assert plain_tables[0] >= 1
    # packed: it holds only what it reads (and the volatile ``crawls`` step's, never packed), and
    # the pages table is not alive anywhere
    assert len(lean_keys) == 1
    assert lean_keys[0] - run.CHECKLIST_READS == {"site", "crawl", "previous_crawl", "last_attempt"}
    assert run.CHECKLIST_READS <= lean_keys[0]
    assert lean_tables == [0]
    # read back after the step: the same report, byte for byte (but the time it was made)
    assert '"dev_host_links":[{' in lean  # a finding packed and read back, not an empty one
    assert lean == plain

    # a read the step does not declare fails loudly instead of reading as «nothing found»
    monkeypatch.setattr(run, "CHECKLIST_READS", frozenset({"links", "allied"}))
    with pytest.raises(RuntimeError, match="dependencias"):
        _report(tmp_path / "undeclared", monkeypatch, lean=True)
