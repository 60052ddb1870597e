"""Bodies stored with zstd and the site's dictionary; old zlib rows read forever; `store compact`."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import zlib

from gelt_audit.compression import ZSTD_MAGIC
from gelt_audit.store import Store
from tests.helpers import crawl, page, report_json, run_cli

PAGES = 40


def site_routes() -> dict:
    links = tuple(f"/tramite-{i}" for i in range(PAGES))
    routes = {"/": page("Inicio", "<p>Bienvenidos a la alcaldía.</p>", links=links)}
    for i in range(PAGES):
        body = (
            f"<p>Publicado el {i % 28 + 1} de marzo de 2026.</p><p>Trámite número {i}: requisitos, "
            f"costos y horarios de atención de la Secretaría {i % 5}.</p>"
        )
        routes[f"/tramite-{i}"] = page(f"Trámite {i}", body, links=("/", f"/tramite-{(i + 1) % PAGES}"))
    return routes


def stable(report: dict) -> dict:
    """A JSON report without the moment it was written."""
    return {k: v for k, v in report.items() if k not in ("generated_at",)}


def body_forms(db) -> set[tuple[bool, bool, bool]]:
    """(zstd content, dictionary, main text in the clear) of every body row."""
    con = sqlite3.connect(db)
    try:
        rows = con.execute("select content, dict_id, main_text from bodies").fetchall()
    finally:
        con.close()
    return {(c[:4] == ZSTD_MAGIC, d is not None, t is not None) for c, d, t in rows}


def make_old(db) -> None:
    """Rewrite every body as versions before schema 9 stored it: zlib, main text in the clear."""
    with Store(db) as store:
        rows = [(h, store.body(h)) for (h,) in store.db.execute("select hash from bodies").fetchall()]
        with store.db.conn:
            for body_hash, body in rows:
                store.db.execute(
                    "update bodies set content = ?, main_text = ?, main_z = null, excerpt = null, dict_id = null "
                    "where hash = ?",
                    [zlib.compress(body["content"], 1), body["main_text"], body_hash],
                )
            store.db.execute("delete from dictionaries")


_KILL_IN_TRANSACTION = r"""
import os, signal, sys
from gelt_audit.cli import main
calls = 0
def profile(frame, event, arg):
    global calls
    if event == "return" and frame.f_code.co_name == "body_row" and frame.f_back.f_code.co_name == "_rewrite_batch":
        calls += 1
        if calls == 2:  # the first row's UPDATE is done, its transaction still open
            os.kill(os.getpid(), signal.SIGKILL)
sys.setprofile(profile)
sys.exit(main(sys.argv[1:]))
"""


def test_a_crawl_stores_bodies_with_a_dictionary_and_compact_changes_no_report(serve, config_for):
    config = config_for(serve(site_routes()).url)
    crawl(config)
    db = config.parent / "gelt.db"
    assert body_forms(db) == {(True, True, False)}  # zstd, with the site's dictionary, text compressed
    before = report_json(config)
    assert before["crawl"]["pages"] > PAGES
    done = run_cli("store", "compact", "--config", str(config))
    assert done.returncode == 0, done.stderr
    assert "0 cuerpos recomprimidos" in done.stdout  # nothing was in the old form
    assert stable(report_json(config)) == stable(before)
    with Store(db) as store:
        assert store.db["dictionaries"].count == 1


def test_an_old_store_reads_the_same_and_compact_rewrites_it_even_when_killed(serve, config_for):
    config = config_for(serve(site_routes()).url)
    crawl(config)
    db = config.parent / "gelt.db"
    before = stable(report_json(config))
    make_old(db)
    assert body_forms(db) == {(False, False, True)}
    assert stable(report_json(config)) == before  # zlib rows and plain text read as before

    killed = subprocess.run(
        [sys.executable, "-c", _KILL_IN_TRANSACTION, "store", "compact", "--config", str(config)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert killed.returncode == -9, killed.stderr[-2000:]
    con = sqlite3.connect(db)
    assert con.execute("pragma integrity_check").fetchone() == ("ok",)
    con.close()
    assert body_forms(db) == {(False, False, True)}  # the open transaction left nothing half-done
    assert stable(report_json(config)) == before

    done = run_cli("store", "compact", "--config", str(config))
    assert done.returncode == 0, done.stderr
    assert body_forms(db) == {(True, True, False)}
    assert stable(report_json(config)) == before
    with Store(db) as store:  # the next crawl uses the dictionary compact trained
        assert store.site_codec(config_site(store)) is not None


def config_site(store: Store) -> str:
    return store.db.execute("select site_url from crawls").fetchone()[0]
