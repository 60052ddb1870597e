"""The checklist's site index keeps one string per value among its pages' addresses, titles,
label and heading texts and its links' targets and texts (issue 21, H202): a page's URL is the
target of the links to it, a heading is its h1 label's or a section's raw text, the title the
first label's; each was a second string of the same value (at 10,000 pages, ~110 bytes a page for
the URL alone). The report is the one made with the copies, byte for byte.

Fails without the interning in ``checklist.index`` (``_read_pages``, ``_Compact``; checked: the
page URLs, titles and headings were other objects than the equal link targets and label texts).
The held run below is that case: the same crawl with interning made the identity, the same JSON."""

from __future__ import annotations

import re
import shutil
import sqlite3
from typing import Any

import gelt_audit.audits.checklist.audit as checklist_audit
import gelt_audit.audits.checklist.index as checklist_index
import gelt_audit.audits.run as run
from gelt_audit.config import load_config
from gelt_audit.reports import json_report
from gelt_audit.store import Store
from tests.helpers import crawl, page, write_config

LINKS = ("/", "/transparencia", "/noticias", "/contacto", "/normatividad")


def _routes() -> dict[str, Any]:
    body = "<h1>{0}</h1><h3>Normatividad</h3><p>Leyes y decretos.</p><a href='/normatividad'>Normatividad</a>"
    return {
        "/": page("Inicio | Alcaldía de Prueba", "<p>Bienvenidos.</p>", LINKS),
        "/transparencia": page("Transparencia", body.format("Transparencia"), LINKS),
        "/noticias": page("Noticias", body.format("Noticias"), LINKS),
        "/contacto": page("Contacto", body.format("Contacto"), LINKS),
        "/normatividad": page("Normatividad", body.format("Normatividad"), LINKS),
    }


def _report(directory: Any, monkeypatch: Any, interned: bool) -> tuple[str, list[Any]]:
    """The JSON report of the store in ``directory`` (cold) and the site indexes the checklist
    built; without ``interned`` the index keeps the strings as read."""
    indexes: list[Any] = []
    index_site = checklist_audit.index_site

    def kept(*args: Any, **kwargs: Any) -> Any:
        indexes.append(index_site(*args, **kwargs))
        return indexes[-1]

    with monkeypatch.context() as patch:
        patch.setattr(checklist_audit, "index_site", kept)
        if not interned:
            patch.setattr(checklist_index, "intern", lambda s: s)
            patch.setattr(checklist_index, "interned_label", lambda label: label)
        cfg = load_config(directory / "gelt.toml")
        with Store(cfg.store_path) as store:
            text = json_report.dumps(run.audit(store, cfg, browser=False))
    return re.sub(r'"generated_at":"[^"]*"', "", text), indexes


def _copies(index: Any) -> list[str]:
    """The page strings of ``index`` that are not the one object of their value the index's links
    (targets, texts) and labels hold."""
    targets = {x.target: x.target for b in index.blocks for x in b.links}
    texts = {x.text: x.text for b in index.blocks for x in b.links}
    copies = []
    for p in index.pages:
        if p.url in targets and targets[p.url] is not p.url:
            copies.append(f"url {p.url}")
        if index.status[p.key].url is not p.url:
            copies.append(f"status {p.url}")
        raws = {raw: raw for _n, _w, raw in (*p.labels, *p.sections)}
        if p.title and p.labels[0][2] is not p.title:
            copies.append(f"title {p.title}")
        copies += [f"heading {h}" for h in p.headings if (raws.get(h) or texts.get(h, h)) is not h]
    return copies


def test_index_keeps_one_string_per_value(serve, tmp_path, monkeypatch):
    server = serve(_routes())
    (tmp_path / "interned").mkdir()
    (tmp_path / "held").mkdir()
    config = write_config(tmp_path / "interned", server.url)
    crawl(config)
    with sqlite3.connect(tmp_path / "interned" / "gelt.db") as conn:  # the whole crawl in the file copied
        conn.execute("pragma wal_checkpoint(truncate)")
    shutil.copy(config, tmp_path / "held" / "gelt.toml")
    shutil.copy(tmp_path / "interned" / "gelt.db", tmp_path / "held" / "gelt.db")

    held, held_indexes = _report(tmp_path / "held", monkeypatch, interned=False)
    interned, indexes = _report(tmp_path / "interned", monkeypatch, interned=True)

    assert [len(ix.pages) for ix in indexes] == [5]
    linked = [p for p in indexes[0].pages if any(x.target == p.url for b in indexes[0].blocks for x in b.links)]
    assert len(linked) == 5  # every page is a link's target: each URL is checked against one
    assert any(h == "Normatividad" for p in indexes[0].pages for h in p.headings)
    assert _copies(indexes[0]) == []
    assert _copies(held_indexes[0])  # the strings as read: copies (what this test catches)
    assert "Normatividad" in interned
    assert interned == held
