"""The store's schema migrations keep every version readable."""

from __future__ import annotations

import zlib

import sqlite_utils

from gelt_audit.migrations import MIGRATIONS, SCHEMA_VERSION
from gelt_audit.store import Store


def test_a_schema_6_store_migrates_without_losing_hashes_or_error_referers(tmp_path):
    path = tmp_path / "gelt.db"
    db = sqlite_utils.Database(path)
    db["meta"].create({"key": str, "value": str}, pk="key")
    for migration in MIGRATIONS[:6]:
        migration(db)
    db["meta"].insert({"key": "schema_version", "value": "6"})
    db["crawls"].insert(
        {"id": 1, "site_url": "http://127.0.0.1:1/", "started_at": "2026-11-01T10:00:00+00:00", "status": "finished"}
    )
    db["pages"].insert_all([{"id": 1, "url": "http://127.0.0.1:1/"}, {"id": 2, "url": "http://127.0.0.1:1/roto"}])
    db["bodies"].insert({"hash": "b1", "main_hash": "m1", "title": "Inicio", "encoding": "utf-8"})
    common = {"crawl_id": 1, "kind": "page", "fetched_at": "2026-11-01T10:00:01+00:00", "content_type": "text/html"}
    db["snapshots"].insert_all([
        {**common, "page_id": 1, "status": 200, "body_hash": "b1", "main_hash": "m1", "referer": None, "etag": '"e1"'},
        {**common, "page_id": 2, "status": 404, "body_hash": None, "main_hash": None, "referer": "http://127.0.0.1:1/"},
    ])  # fmt: skip
    db.close()

    with Store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert "main_hash" not in store.db["snapshots"].columns_dict
        snaps = {s["url"]: s for s in store.snapshots(1)}
        assert snaps["http://127.0.0.1:1/"]["main_hash"] == "m1"  # read from the body now
        assert snaps["http://127.0.0.1:1/roto"]["referer"] == "http://127.0.0.1:1/"  # kept: it tells where to fix
        assert store.validators()["http://127.0.0.1:1/"]["etag"] == '"e1"'


def test_runs_are_opened_closed_and_a_dead_run_is_marked_interrupted(tmp_path):
    with Store(tmp_path / "gelt.db") as store:
        dead = store.start_run("run", 111)  # never finished: its process died
        run = store.start_run("weekly", 222)
        reports = '[{"kind": "weekly", "path": "x.html", "sent": true}]'
        store.finish_run(run, {"result": "ok", "exit_code": 0, "reports": reports})
        newest, oldest = store.recent_runs(10)
        assert (newest["id"], newest["job"], newest["result"], newest["exit_code"]) == (run, "weekly", "ok", 0)
        assert newest["finished_at"] and newest["pages"] is None  # no crawl: no pages
        assert (oldest["id"], oldest["result"]) == (dead, "interrupted")
        assert store.run_reports(newest["started_at"]) == [(newest["finished_at"], reports)]
        assert store.run_reports("9999-01-01") == []
        assert store.main_text("no-existe") == "" and store.last_crawl_id() == 0 and store.crawl_after(0) is None


def test_a_schema_8_store_with_zlib_bodies_reads_them_after_the_migration(tmp_path):
    path = tmp_path / "gelt.db"
    db = sqlite_utils.Database(path)
    db["meta"].create({"key": str, "value": str}, pk="key")
    for migration in MIGRATIONS[:8]:
        migration(db)
    db["meta"].insert({"key": "schema_version", "value": "8"})
    db["crawls"].insert(
        {"id": 1, "site_url": "http://127.0.0.1:1/", "started_at": "2026-11-01T10:00:00+00:00", "status": "finished"}
    )
    db["pages"].insert({"id": 1, "url": "http://127.0.0.1:1/"})
    html = "<html><body><main>Año fiscal 2026: ejecución presupuestal</main></body></html>".encode()
    text = "Año fiscal 2026: ejecución presupuestal " * 10
    db["bodies"].insert(  # as gelt-audit wrote bodies before schema 9: zlib level 1, text in the clear
        {"hash": "b1", "content": zlib.compress(html, 1), "size": len(html), "encoding": "utf-8",
         "title": "Inicio", "main_text": text, "main_hash": "m1"}
    )  # fmt: skip
    db["snapshots"].insert(
        {"crawl_id": 1, "page_id": 1, "kind": "page", "status": 200, "body_hash": "b1",
         "fetched_at": "2026-11-01T10:00:01+00:00", "content_type": "text/html"}
    )  # fmt: skip
    links = [  # a page's links, in page order, one target twice
        {"page_id": 1, "body_hash": "b1", "url": "http://127.0.0.1:1/b", "text": "Bé", "tag": "a", "attr": "href",
         "rel": None, "line": 3},
        {"page_id": 1, "body_hash": "b1", "url": "http://127.0.0.1:1/a", "text": "A", "tag": "a", "attr": "href",
         "rel": "nofollow", "line": 4},
        {"page_id": 1, "body_hash": "b1", "url": "http://127.0.0.1:1/b", "text": "otra", "tag": "img", "attr": "src",
         "rel": None, "line": 9},
        {"page_id": 1, "body_hash": "b1", "url": "http://127.0.0.1:1/c", "text": None, "tag": "link",
         "attr": "href", "rel": None, "line": 10},
        {"page_id": 1, "body_hash": "b1", "url": "http://127.0.0.1:1/a", "text": "", "tag": "a", "attr": "href",
         "rel": None, "line": 11},
        {"page_id": 1, "body_hash": "b1", "url": "http://127.0.0.1:1/c", "text": "Bé", "tag": "a", "attr": "href",
         "rel": None, "line": 12},
    ]  # fmt: skip
    db["links"].insert_all(links)
    db.close()

    with Store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        # links keep their columns and order, each URL stored once
        assert store.links(1, "b1") == [
            {k: v for k, v in link.items() if k not in ("page_id", "body_hash")} for link in links
        ]
        assert store.has_links(1, "b1") and not store.has_links(1, "b2")
        # each URL and each text stored once; a NULL text stays NULL, an empty one stays ""
        assert store.db.execute("select count(*) from link_urls").fetchone() == (3,)
        assert store.db.execute("select text from link_texts order by id").fetchall() == [
            ("Bé",),
            ("A",),
            ("otra",),
            ("",),
        ]
        store.write_batch([], [], [{**link, "body_hash": "b2", "line": 20} for link in links])
        assert [link["line"] for link in store.links(1, "b2")] == [20] * 6
        assert [link["text"] for link in store.links(1, "b2")] == [link["text"] for link in links]
        store.write_batch(
            [], [], [{**links[1], "body_hash": "b2", "line": 21, "text": "nuevo"}]
        )  # more links of a known body
        assert [link["line"] for link in store.links(1, "b2")] == [20] * 6 + [21]
        assert store.links(1, "b2")[-1]["text"] == "nuevo"
        assert store.db.execute("select count(*) from link_urls").fetchone() == (3,)
        assert store.db.execute("select count(*) from link_texts").fetchone() == (5,)
        assert store.html("b1") == html.decode()
        assert store.main_text("b1") == text
        assert store.body("b1")["main_text"] == text
        [snap] = store.snapshots(1)
        assert snap["excerpt"] == text[:200]
