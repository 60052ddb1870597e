"""The weekly audit carries the URL guards' answers (``checklist.audit._keep_guards``) from the
previous crawl's evaluation: its JSON report must be byte-identical to a from-scratch audit, and
answers kept by another code must not be read.

A real crawl of a site on 127.0.0.1 through the CLI, then of its second version. The stale case:
the «names something else» answers the second crawl kept are flipped in the store (what another
engine could have answered); a re-crawl reading them with this code's tag reports otherwise (the
carried part is read and matters), and with another code's tag reports as from scratch (the tag
covers the code). A carry keyed without the code's version fails the last comparison.
"""

from __future__ import annotations

import json
import marshal
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import zstandard

from gelt_audit.audits.checklist.audit import GUARDS, _guards_tag
from gelt_audit.config import load_config
from gelt_audit.demo.server import Resource
from tests.helpers import crawl, page
from tests.test_checklist_incremental import from_scratch, json_bytes


def _kept(db: Path) -> dict[str, tuple[str, dict[str, Any]]]:
    """The guard answers kept in the store, by crawl key: (tag, memos)."""
    with closing(sqlite3.connect(db)) as conn:
        rows = conn.execute("select body_hash, result from body_audits where audit = ?", [GUARDS]).fetchall()
    return {key: marshal.loads(zstandard.ZstdDecompressor().decompress(blob)) for key, blob in rows}


def _answers(memos: dict[str, Any]) -> int:
    return sum(len(answers) for by_phrases in memos.values() for answers in by_phrases.values())


def _poisoned_copy(config: Path, name: str, tag: str) -> Path:
    """A copy of the store and config whose kept ``names_other`` answers are flipped, under ``tag``."""
    folder = config.parent / name
    folder.mkdir()
    db = load_config(config).store_path
    with closing(sqlite3.connect(db)) as conn:
        conn.execute("pragma wal_checkpoint(truncate)")
    shutil.copy(db, folder / db.name)
    with closing(sqlite3.connect(folder / db.name)) as conn, conn:
        for key, (_tag, memos) in _kept(folder / db.name).items():
            # every «names something else» answer flipped (the other guard's left: either rejects)
            memos["names_other"] = {
                phrases: {k: not ok for k, ok in answers.items()} for phrases, answers in memos["names_other"].items()
            }
            data = zstandard.ZstdCompressor().compress(marshal.dumps((tag, memos)))
            conn.execute("update body_audits set result = ? where audit = ? and body_hash = ?", [data, GUARDS, key])
    copy = folder / "gelt.toml"
    copy.write_text(config.read_text(encoding="utf-8"), encoding="utf-8")
    return copy


ITEM = """
[[checklist.items]]
id = "plan.emisora"
phase = "plan"
name = "Emisora comunitaria"
rules = [{ kind = "url", slugs = ["emisora-comunitaria"] }]
"""


def _site(version: int) -> dict[str, Resource]:
    """The only way to the page at /emisora-comunitaria/ is a link whose own text names something
    else: its URL is no evidence of the item (``guards.names_other``), so the item is not met."""
    other = "<a href='/emisora-comunitaria/'>Informe anual de gestión del despacho municipal</a>"
    site = {
        "/": page("Inicio", f"<p>Portal. {other}</p>", links=("/salud/",)),
        "/emisora-comunitaria/": page("Informe anual de gestión del despacho", "<p>Cifras del año.</p>"),
        "/salud/": page("Salud", "<p>Vacunas.</p>", links=("/",)),
    }
    if version == 2:
        site["/salud/"] = page("Salud", "<p>Vacunas y jornadas.</p>", links=("/",))
    return site


def _status(report: bytes) -> str:
    (row,) = [r for r in json.loads(report)["checklist"] if r["item"] == "plan.emisora"]
    return row["status"]


def test_carried_guard_answers_report_as_from_scratch_and_another_codes_are_not_read(serve, config_for):
    server = serve(_site(1))
    config = config_for(server.url, "[links]\ncheck_external = false\n" + ITEM)
    crawl(config)
    assert _status(json_bytes(config)) == "no_cumple"  # the first audit keeps its answers
    db = load_config(config).store_path
    (first,) = _kept(db).values()
    assert first[0] == _guards_tag() and _answers(first[1]) > 0
    server.routes = _site(2)
    crawl(config)
    week = json_bytes(config)  # judged with the first crawl's answers carried
    assert week == from_scratch(config)
    assert set(_kept(db)) == {"crawl:2"}  # the latest crawl's only

    # the answers read with this code's tag are used: flipped, the link's URL becomes evidence
    same = _poisoned_copy(config, "mismo-codigo", _guards_tag())
    crawl(same)
    assert _status(json_bytes(same)) != "no_cumple"  # a URL alone supports: «parcial»
    assert _status(from_scratch(same, tag="-mismo")) == "no_cumple"
    # kept by another code, they are not read: the report is the one from scratch
    other = _poisoned_copy(config, "otro-codigo", "otro-" + _guards_tag())
    crawl(other)
    assert json_bytes(other) == from_scratch(other, tag="-otro")
