"""What the audits keep in the store is not held again by SQLite after it is written (issue 21, H224).

SQLite keeps a copy of the values last bound to a prepared statement until it runs again, and
Python keeps the statement prepared: the last result or blob an audit kept stayed in SQLite's
memory for the rest of the report. At 50,000 pages the page history ``pages.find`` keeps (~10 MB
of JSON) and the links audit's kept index held 17 MiB of SQLite's own memory when the checklist's
index started, and through it (bench/results-2026-12-07-50k-before-index-h224.md). A store made
by a real crawl of a site on 127.0.0.1 through the CLI, and its report through the CLI; then the
two ways audits keep things (``kept`` → ``keep_result`` + ``flush_audits``; ``keep_blobs``)
with an 8 MB value each.

``test_a_kept_result_is_not_held_by_sqlite`` and ``test_a_kept_blob_is_not_held_by_sqlite`` fail
without ``Store._unbind`` (checked with the f358de8 ``store_cache.py``: SQLite +8.0 MiB after each).
``test_the_kept_rows_are_the_rows_written`` guards the other side: the rows written the new way
(one ``insert or replace`` statement, not sqlite-utils' ``insert_all``) hold the same types, and
the savepoint rolled back leaves no row behind.
"""

from __future__ import annotations

import ctypes
import ctypes.util

import pytest

from gelt_audit.audits.kept import crawl_key, kept
from gelt_audit.config import load_config
from gelt_audit.store import Store
from tests.helpers import crawl, page, report_json, write_config

MB = 2**20
BIG = 8 * MB

_SQLITE = ctypes.CDLL(ctypes.util.find_library("sqlite3") or "libsqlite3.so.0")
_SQLITE.sqlite3_memory_used.restype = ctypes.c_int64


def _sqlite_memory(store: Store) -> int:
    """SQLite's own memory now, its page cache given back first (that is not what is measured)."""
    store.db.execute("pragma shrink_memory")
    return _SQLITE.sqlite3_memory_used()


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    """A site of a home page and eight pages, crawled and reported through the CLI."""
    from gelt_audit.demo.server import SiteServer

    paths = [f"/tramites/p{i}" for i in range(8)]
    routes = {"/": page("Inicio | Alcaldía de Prueba", "<p>Bienvenidos.</p>", tuple(paths))}
    routes.update({p: page(f"Trámite {p}", f"<p>Requisitos del trámite {p}.</p>", ("/",)) for p in paths})
    server = SiteServer(routes).start()
    try:
        config = write_config(tmp_path_factory.mktemp("unbind"), server.url)
        crawl(config)
        found = report_json(config)
    finally:
        server.stop()
    return load_config(config), found


def test_the_report_ran(crawled):
    cfg, found = crawled
    assert len(found["pages"]) == 9


def test_a_kept_result_is_not_held_by_sqlite(crawled):
    cfg, _ = crawled
    with Store(cfg.store_path) as store:
        latest = store.latest_crawl(cfg.site_url)
        before = _sqlite_memory(store)
        value = kept(store, latest, "h224-probe", "v1", lambda: "x" * BIG)  # as pages.find keeps its history
        held = _sqlite_memory(store) - before
        assert len(value) == BIG
        assert store.cached_result(crawl_key(latest.id), "h224-probe", "v1") == value
    assert held < MB, f"SQLite still holds {held / MB:.1f} MiB after keeping an 8 MiB result"


def test_a_kept_blob_is_not_held_by_sqlite(crawled):
    cfg, _ = crawled
    with Store(cfg.store_path) as store:
        before = _sqlite_memory(store)
        store.keep_blobs("h224-probe", {"crawl:h224": b"y" * BIG})  # as the links audit and the findings
        held = _sqlite_memory(store) - before
        assert store.kept_blob("crawl:h224", "h224-probe") == b"y" * BIG
    assert held < MB, f"SQLite still holds {held / MB:.1f} MiB after keeping an 8 MiB blob"


def test_the_kept_rows_are_the_rows_written(crawled):
    cfg, _ = crawled
    with Store(cfg.store_path) as store:
        store.keep_result("body-h224", "h224-types", 3, {"a": [1, 2]})
        store.keep_result("body-h224", "h224-types-str", "v9", [])
        store.flush_audits()
        store.keep_blobs("h224-types-blob", {"crawl:h224b": b"\x00\x01"})
        rows = dict(
            (audit, (typeof_version, version, typeof_result))
            for audit, typeof_version, version, typeof_result in store.db.execute(
                "select audit, typeof(version), version, typeof(result) from body_audits where audit like 'h224-types%'"
            )
        )
        assert rows == {
            "h224-types": ("integer", 3, "text"),
            "h224-types-str": ("text", "v9", "text"),
            "h224-types-blob": ("integer", 0, "blob"),
        }
        assert store.cached_result("body-h224", "h224-types", 3) == {"a": [1, 2]}
        # the row run inside the savepoint rolled back is not in the store
        assert (
            store.db.execute("select count(*) from body_audits where body_hash = '' and audit = ''").fetchone()[0] == 0
        )
