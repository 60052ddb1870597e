"""The store's schema migrations keep every version readable."""

from __future__ import annotations

import sqlite3
import zlib

import pytest
import sqlite_utils

import gelt_audit.store_snapshots as store_mod
from gelt_audit.compression import PACKED_CHUNK, PackedRows
from gelt_audit.migrations import LINKS_VIEW, MIGRATIONS, SCHEMA_VERSION
from gelt_audit.store import Store
from tests.helpers import crawl, page, report_json


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


def _as_schema_10(db_path) -> None:
    """Rewrite a store's links as schema 10 kept them: the text on every link row, no link_texts."""
    con = sqlite3.connect(db_path)
    with con:
        con.executescript(
            f"""
            create table link_rows_10 (set_id integer not null, seq integer not null, url_id integer not null,
                text text, tag text, attr text, rel text, line integer, primary key (set_id, seq)) without rowid;
            insert into link_rows_10 select r.set_id, r.seq, r.url_id, t.text, r.tag, r.attr, r.rel, r.line
                from link_rows r left join link_texts t on t.id = r.text_id;
            drop view links; drop table link_rows; drop table link_texts;
            alter table link_rows_10 rename to link_rows;
            {LINKS_VIEW};
            update meta set value = '10' where key = 'schema_version';
            """
        )
    con.close()


def _all_links(db_path) -> list[tuple]:
    con = sqlite3.connect(db_path)
    try:
        return con.execute("select * from links order by page_id, body_hash").fetchall()
    finally:
        con.close()


def test_a_schema_10_store_keeps_its_links_and_its_report_when_texts_move_to_link_texts(serve, config_for):
    body = (
        '<p><a href="/roto">Trámites en línea</a> <a href="/roto"></a> <img src="/logo.png">'
        '<a href="/sin-texto"><img src="/icono.png" alt="Ícono"></a></p>'
    )
    routes = {"/": page("Inicio", body, links=("/a", "/b"))}
    routes |= {f"/{name}": page(name.upper(), body, links=("/", "/a", "/b")) for name in ("a", "b", "sin-texto")}
    config = config_for(serve(routes).url)
    crawl(config)
    db = config.parent / "gelt.db"
    new_links = _all_links(db)
    report = report_json(config)
    _as_schema_10(db)
    assert _all_links(db) == new_links  # the rewrite kept every row (texts back on each row)
    assert "link_texts" not in sqlite_utils.Database(db).table_names()

    again = report_json(config)  # opens the store: migration 11 moves the texts out again
    assert {k: v for k, v in again.items() if k != "generated_at"} == {
        k: v for k, v in report.items() if k != "generated_at"
    }
    assert any(link["occurrences"] for link in again["links"])  # texts and lines are in the report
    assert _all_links(db) == new_links
    with Store(db) as store:
        assert store.schema_version() == SCHEMA_VERSION
        texts = [t for (t,) in store.db.execute("select text from link_texts")]
        assert len(texts) == len(set(texts)) and "Trámites en línea" in texts
        assert len(texts) < len(new_links)  # the template's texts repeat on every page, stored once


@pytest.mark.parametrize("hold", [0, None])
def test_the_store_keeps_one_crawls_snapshot_rows_and_reads_another_again_whole(serve, config_for, monkeypatch, hold):
    """Packed past ``SNAPSHOT_HOLD`` rows (0 here); under it (the store's own), its dicts made once
    and shared by every walk (H267)."""
    if hold is not None:
        monkeypatch.setattr(store_mod, "SNAPSHOT_HOLD", hold)
    routes = {"/": page("Inicio", "<p>Hola</p>", links=("/a", "/b"))}
    routes |= {f"/{name}": page(name.upper(), "<p>Texto</p>", links=("/",)) for name in ("a", "b")}
    config = config_for(serve(routes).url)
    crawl(config)
    crawl(config)
    db = config.parent / "gelt.db"
    with Store(db) as fresh:
        expected = {cid: list(fresh.snapshots(cid)) for cid in (1, 2)}
    assert len(expected[1]) >= 3 and {s["crawl_id"] for s in expected[2]} == {2}
    with Store(db) as store:
        first = store.snapshots(1)
        started = [next(first)]
        assert list(store.snapshots(2)) == expected[2]  # read while crawl 1's walk is under way
        assert started + list(first) == expected[1]  # that walk still yields every row of crawl 1
        kept = store._snapshot_dicts if hold is None else store._snapshot_rows
        assert list(store._snapshot_rows) + list(store._snapshot_dicts) == [2]  # the last crawl read, not both
        assert list(store.snapshots(1)) == expected[1]  # read again, whole
        assert list(kept) == [1] and not (store._snapshot_rows if hold is None else store._snapshot_dicts)
        if hold is None:  # the same dicts given to every walk
            assert all(a is b for a, b in zip(store.snapshots(1), store.snapshots(1), strict=True))
        else:
            assert isinstance(store._snapshot_rows[1][1], PackedRows)  # kept packed, not as tuples


def test_packed_rows_give_back_every_row_in_order_and_hold_fewer_bytes_than_the_rows():
    rows = [(i, f"https://example.gov.co/pagina-{i}", "text/html", None, 1.5 * i) for i in range(3 * PACKED_CHUNK + 7)]
    packed = PackedRows(rows[:-1])
    walk = iter(packed)
    assert next(walk) == rows[0]
    packed.append(rows[-1])  # appended while a walk is under way: that walk ends where it started
    assert [rows[0], *walk] == rows[:-1]
    assert list(packed) == rows and len(packed) == len(rows)
    assert list(packed) == rows  # read again, whole
    assert 0 < packed.nbytes() < sum(len(r[1]) for r in rows)  # less than the URLs alone
    assert list(PackedRows()) == [] and len(PackedRows()) == 0


def test_packed_rows_read_one_by_one_unpack_each_chunk_once_and_give_the_rows_not_packed_yet():
    rows = [(i, f"https://example.gov.co/pagina-{i}") for i in range(2 * PACKED_CHUNK + 3)]
    packed = PackedRows(rows)
    assert packed.row(1) == rows[1]
    held = packed._last  # the chunk just unpacked, kept for the next row asked of it
    assert [packed.row(i) for i in range(2, PACKED_CHUNK)] == rows[2:PACKED_CHUNK]
    assert packed._last is held  # rows read in order: the chunk unpacked once
    assert [packed.row(i) for i in range(len(rows) - 1, -1, -1)] == rows[::-1]  # any order, any chunk
    packed.append(("nueva", "fila"))  # a row not packed yet is read as it is
    assert packed.row(len(rows)) == ("nueva", "fila") and packed.row(PACKED_CHUNK + 1) == rows[PACKED_CHUNK + 1]


def test_unjudged_gives_each_audits_missing_bodies_by_name_with_one_string_per_hash(serve, config_for):
    routes = {"/": page("Inicio", "<p>Hola</p>", links=("/a", "/b", "/falta"))}
    routes |= {f"/{name}": page(name.upper(), "<p>Texto</p>", links=("/",)) for name in ("a", "b")}
    config = config_for(serve(routes).url)
    crawl(config)
    with Store(config.parent / "gelt.db") as store:
        pages = {s["url"]: s["body_hash"] for s in store.snapshots(1) if s["kind"] == "page" and s["status"] == 200}
        assert len(pages) == 3  # the 404 has no judgement to make
        same: dict[str, str] = {}
        plain = store.unjudged(1, "prueba", 1, same=same)
        scheme = store.unjudged(1, "otra", 1, per_scheme=True, same=same)
        assert plain == {"prueba": set(pages.values())} and scheme == {"otra-http": set(pages.values())}
        assert set(same) == set(pages.values())
        # both audits' sets hold the same string objects (one per body, not one per body and audit)
        assert (
            {id(h) for h in plain["prueba"]} == {id(h) for h in scheme["otra-http"]} == {id(h) for h in same.values()}
        )
        judged = pages[next(url for url in pages if url.endswith("/a"))]
        store.keep_result(judged, "prueba", 1, {"ok": True})
        assert store.unjudged(1, "prueba", 1) == {"prueba": set(pages.values()) - {judged}}
        assert store.unjudged(1, "prueba", 2) == {"prueba": set(pages.values())}  # another version: missing
