"""A page rebuilt from its cached parse equals the page parsed (issue 15, H308).

The h1 and section labels of a parsed page are normalised with the entity's name removed
(``text.without_entity``: «Misión y visión de la Alcaldía de Prueba» -> «mision vision»); the parse
cache keeps only their text. Before H308, ``parse._load`` normalised that text whole («mision vision
alcaldia prueba»), so a second audit of the same store (pages rebuilt from their cached parse) read
other labels than the first (pages parsed): here the page named «Nuestra entidad» whose h1 is «Misión y
visión de la Alcaldía de Prueba» evidenced info.mision_vision by its title when parsed, by the home's link
when rebuilt (another detail, another evidence order; ley1712.1.1's evidence too). One crawl on
127.0.0.1 through the real CLI; the store audited twice, the pages compared label by label, the
findings, and the CLI's report against a never-audited copy's. Seen failing without the fix (H308: the
labels, the findings and the CLI report differed).
"""

from __future__ import annotations

import sqlite3
from typing import Any

import gelt_audit.audits.checklist.parse as parse
import gelt_audit.audits.run as run
from gelt_audit.config import load_config
from gelt_audit.store import Store
from tests.helpers import crawl, page, report_json, store_copies, write_config

ROUTES = {
    "/": page("Inicio", "<p>Bienvenidos.</p>", ("/mision.html", "/transparencia.html")),
    "/mision.html": page(
        "Nuestra entidad",  # the page named otherwise: its h1 alone names the item
        "<h1>Misión y visión de la Alcaldía de Prueba</h1><p>Servir a la comunidad con transparencia.</p>"
        "<h3>Objetivos y funciones de la Alcaldía de Prueba</h3><p>Las funciones que la ley asigna.</p>",
    ),
    "/transparencia.html": page(
        "Transparencia",
        "<h3>Directorio de funcionarios de la Alcaldía de Prueba</h3><p>Alcalde, secretarios y jefes.</p>",
    ),
}


def _audit(config: Any, monkeypatch: Any) -> tuple[dict[str, tuple], dict[str, set[str]], dict[str, Any]]:
    """One audit of the store: each page's labels and sections by URL, how each page was made, findings."""
    pages: dict[str, tuple] = {}
    made: dict[str, set[str]] = {"parsed": set(), "rebuilt": set()}
    real_parse, real_p, real_l = parse.Builder.parse, parse.Builder._parse, parse.Builder._load

    def watched(self: parse.Builder, doc: Any, idx: int) -> Any:
        got = real_parse(self, doc, idx)
        if got is not None:
            pages[doc.url] = (list(got.labels), list(got.sections))
        return got

    def parsed(self: parse.Builder, doc: Any, idx: int) -> Any:
        made["parsed"].add(doc.url)
        return real_p(self, doc, idx)

    def loaded(self: parse.Builder, record: Any, doc: Any, idx: int) -> Any:
        made["rebuilt"].add(doc.url)
        return real_l(self, record, doc, idx)

    monkeypatch.setattr(parse.Builder, "parse", watched)
    monkeypatch.setattr(parse.Builder, "_parse", parsed)
    monkeypatch.setattr(parse.Builder, "_load", loaded)
    cfg = load_config(config)
    with Store(cfg.store_path) as store:
        findings = run.audit(store, cfg, browser=False)
    monkeypatch.undo()
    return pages, made, findings


def test_a_page_rebuilt_from_its_cached_parse_has_the_labels_it_was_parsed_with(serve, tmp_path, monkeypatch):
    server = serve(ROUTES)
    config = write_config(tmp_path, server.url)
    crawl(config)
    (copy,), _ = store_copies(config, ("cold",))  # a copy never audited: its report parses every page
    cold, made_cold, first = _audit(config, monkeypatch)
    _forget_evaluations(tmp_path / "gelt.db")
    again, made_again, second = _audit(config, monkeypatch)
    mision = server.url + "mision.html"
    assert mision in made_cold["parsed"] and mision in made_again["rebuilt"]  # parsed, then rebuilt
    assert ("mision vision", 2, "Misión y visión de la Alcaldía de Prueba") in cold[mision][0]
    assert again == cold
    assert second["checklist"] == first["checklist"]
    # through the CLI: the report of the store whose pages come from their cached parses is the
    # report of the copy whose pages were parsed
    _forget_evaluations(tmp_path / "gelt.db")
    assert _checklist(report_json(config)) == _checklist(report_json(copy / "gelt.toml"))


def _forget_evaluations(db: Any) -> None:
    """The store's evaluations forgotten, its pages' parses (and chrome blocks) kept."""
    with sqlite3.connect(db) as conn:
        kept = conn.execute("select count(*) from body_audits where audit = 'checklist-page'").fetchone()[0]
        conn.execute("delete from body_audits where audit not in ('checklist-page', 'checklist-chrome')")
    assert kept >= 3


def _checklist(report: dict[str, Any]) -> list[dict[str, Any]]:
    return report["checklist"]
