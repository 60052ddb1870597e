"""The store's links: rows of the view ``links`` written and read as link_sets, link_urls and link_rows.

A mixin of :class:`gelt_audit.store.Store` (which provides ``db`` and the id caches); import
``Store`` from :mod:`gelt_audit.store`, not this module.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlite_utils

STRING_IDS_KEPT = 8192  # ids of link_urls and of link_texts a process keeps, each (see _insert_links)


class LinkStore:
    """Link rows, link sets and external link checks of a store.

    Each target URL and each link text is stored once (link_urls, link_texts); the caches of their
    ids are per process and forgotten when a write rolls back.
    """

    db: sqlite_utils.Database
    _url_ids: dict[str, int]
    _text_ids: dict[str, int]

    def fill_temp_table(self, table: str, columns: str, rows: Iterable[tuple]) -> None:
        """Empty and fill the connection's temporary table ``table`` (``columns``: its SQL column
        definitions), creating it the first time: the few rows a link query starts from (with a
        CROSS JOIN SQLite keeps to them instead of scanning every link row)."""
        marks = ", ".join("?" for _ in columns.split(","))
        with self.db.conn:
            self.db.execute(f"create temp table if not exists {table} ({columns})")
            self.db.execute(f"delete from {table}")
            self.db.conn.executemany(f"insert into {table} values ({marks})", rows)

    def has_links(self, page_id: int, body_hash: str) -> bool:
        return (
            self.db.execute(
                "select 1 from link_sets where page_id = ? and body_hash = ?", [page_id, body_hash]
            ).fetchone()
            is not None
        )

    def _insert_links(self, links: list[dict]) -> None:
        """Rows of the view `links` (page_id, body_hash, url, text, tag, attr, rel, line), stored
        as link_sets, link_urls, link_texts and link_rows (migrations 10 and 11)."""
        if not links:
            return
        conn = self.db.conn
        sets: dict[tuple[int, str], int] = {}
        seqs: dict[int, int] = {}  # the next position in each set
        urls, texts = self._url_ids, self._text_ids
        # Bounded: a whole crawl's distinct URLs and texts, kept, held 12 MB of a 50k-page crawl
        # 5,000 pages in, and grew with the site (H179). A link met again after a reset costs one
        # indexed SELECT; the template's links are back in the cache after one page.
        for cache in (urls, texts):
            if len(cache) > STRING_IDS_KEPT:
                cache.clear()
        rows = []
        for link in links:
            key = (link["page_id"], link["body_hash"])
            set_id = sets.get(key)
            if set_id is None:
                cursor = conn.execute("insert or ignore into link_sets (page_id, body_hash) values (?, ?)", key)
                if cursor.rowcount == 1:
                    set_id, seqs[set_id] = cursor.lastrowid, 0
                else:  # links of this (page, body) written before: continue after them
                    set_id = conn.execute(
                        "select id from link_sets where page_id = ? and body_hash = ?", key
                    ).fetchone()[0]
                    seqs[set_id] = conn.execute(
                        "select coalesce(max(seq) + 1, 0) from link_rows where set_id = ?", [set_id]
                    ).fetchone()[0]
                sets[key] = set_id
            seq = seqs[set_id]
            seqs[set_id] = seq + 1
            url, text = link["url"], link["text"]
            url_id = urls.get(url) or self._string_id("link_urls", "url", urls, url)
            text_id = None if text is None else texts.get(text) or self._string_id("link_texts", "text", texts, text)
            rows.append((set_id, seq, url_id, text_id, link["tag"], link["attr"], link["rel"], link["line"]))
        conn.executemany(
            "insert into link_rows (set_id, seq, url_id, text_id, tag, attr, rel, line) values (?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )

    def _string_id(self, table: str, column: str, cache: dict[str, int], value: str) -> int:
        """The id of ``value`` in a table of strings stored once (link_urls, link_texts), added when new."""
        conn = self.db.conn
        row = conn.execute(f"select id from {table} where {column} = ?", [value]).fetchone()
        if row is None:
            row = (conn.execute(f"insert into {table} ({column}) values (?)", [value]).lastrowid,)
        cache[value] = row[0]
        return row[0]

    def links(self, page_id: int, body_hash: str) -> list[dict[str, Any]]:
        return list(
            self.db.query(
                "select url, text, tag, attr, rel, line from links where page_id = ? and body_hash = ?",
                [page_id, body_hash],
            )
        )

    def link_cache(self) -> dict[str, dict[str, Any]]:
        """The latest check of every external link target, from any crawl."""
        rows = self.db.query(
            """select url, state, status, error, chain, final_url, method, checked_at from link_checks
               where id in (select max(id) from link_checks group by url)"""
        )
        return {row["url"]: row for row in rows}

    def link_checks(self, crawl_id: int) -> dict[str, dict[str, Any]]:
        rows = self.db.query("select * from link_checks where crawl_id = ?", [crawl_id])
        return {row["url"]: row for row in rows}

    def linked_in_crawl(self, crawl_id: int, urls: Iterable[str]) -> set[str]:
        """Those of ``urls`` that a page fetched by crawl ``crawl_id`` links to (fragment aside): a
        page still linked but not fetched was not seen gone (robots.txt, exclusions, limits)."""
        wanted = set(urls)
        if not wanted:
            return set()
        self.fill_temp_table("temp_linked_wanted", "url text primary key", ((u,) for u in wanted))
        # the target ids first, through link_urls' unique index (a link with a fragment sorts right
        # after its page's URL: '#' then anything, below '$'); then the few rows that point to them
        ids = {
            url_id: url
            for query in (
                "select u.id, w.url from temp_linked_wanted w join link_urls u on u.url = w.url",
                "select u.id, w.url from temp_linked_wanted w join link_urls u"
                " on u.url >= w.url || '#' and u.url < w.url || '$'",
            )
            for url_id, url in self.db.execute(query)
        }
        if not ids:
            return set()
        self.fill_temp_table("temp_linked_ids", "id integer primary key", ((i,) for i in ids))
        rows = self.db.execute(
            """select distinct r.url_id from link_rows r
               where r.url_id in (select id from temp_linked_ids) and r.set_id in (
                   select s.id from snapshots sn cross join link_sets s
                   where sn.crawl_id = ? and s.page_id = sn.page_id and s.body_hash = sn.body_hash)""",
            [crawl_id],
        )
        return {ids[url_id] for (url_id,) in rows}
