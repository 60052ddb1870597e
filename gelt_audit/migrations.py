"""The store's schema: one migration per version, applied in order by ``Store``.

A leaf: each function takes a ``sqlite_utils.Database`` and changes its schema; the comments on
the columns are the store's schema documentation.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils


def _migration_1(db: sqlite_utils.Database) -> None:
    db["crawls"].create(
        {
            "id": int,
            "site_url": str,
            "started_at": str,
            "finished_at": str,
            "status": str,  # running | finished | failed | interrupted | suspect | partial (crawler/verdict.py)
            "pages": int,
            "errors": int,
            "error": str,
            "pid": int,
            "limited": int,  # 1 when max_pages cut the crawl short: absent pages are not "removed"
        },
        pk="id",
    )
    db["pages"].create({"id": int, "url": str, "first_crawl": int}, pk="id")
    db["pages"].create_index(["url"], unique=True)
    db["bodies"].create(
        {
            "hash": str,
            "content": bytes,  # raw bytes as served, compressed: zlib until schema 9, zstd since (dict_id)
            "size": int,
            "encoding": str,
            "title": str,
            "main_text": str,  # main content, normalised: what change detection compares
            "main_hash": str,
            "noise": str,  # JSON: noise rule -> how many bits of text it removed
            "dates": str,  # JSON: dates the page publishes about itself (ISO, distinct, sorted), then its modification meta dates marked "m" (dates.stored_dates, H293)
        },
        pk="hash",
    )
    db["snapshots"].create(
        {
            "id": int,
            "crawl_id": int,
            "page_id": int,
            "fetched_at": str,
            "kind": str,  # page | document | redirect | error | resource
            "status": int,
            "content_type": str,
            "size": int,
            "elapsed_ms": int,
            "etag": str,
            "last_modified": str,
            "body_hash": str,
            "main_hash": str,
            "not_modified": int,
            "location": str,
            "depth": int,
            "referer": str,
            "sitemap_lastmod": str,
            "error": str,
        },
        pk="id",
        foreign_keys=[("crawl_id", "crawls", "id"), ("page_id", "pages", "id")],
    )
    db["snapshots"].create_index(["crawl_id", "page_id"], unique=True)
    db["snapshots"].create_index(["page_id", "crawl_id"])
    # Links are a function of a page's body: stored once per (page, body), not per crawl.
    db["links"].create(
        {
            "page_id": int,
            "body_hash": str,
            "url": str,
            "text": str,
            "tag": str,
            "attr": str,
            "rel": str,
            "line": int,
        },
        foreign_keys=[("page_id", "pages", "id")],
    )
    db["links"].create_index(["page_id", "body_hash"])


def _migration_2(db: sqlite_utils.Database) -> None:
    # One row per external link target per crawl: cached answers are copied, so each crawl
    # has its whole picture and "broken since" can be read back.
    db["link_checks"].create(
        {
            "id": int,
            "crawl_id": int,
            "url": str,
            "state": str,
            "status": int,
            "error": str,
            "chain": str,  # JSON list of [url, status] hops before the final answer
            "final_url": str,
            "method": str,
            "checked_at": str,
            "cached": int,
        },
        pk="id",
        foreign_keys=[("crawl_id", "crawls", "id")],
    )
    db["link_checks"].create_index(["crawl_id", "url"])
    db["link_checks"].create_index(["url", "crawl_id"])
    db["acks"].create(
        {"id": int, "url": str, "page": str, "reason": str, "until": str, "by": str, "created_at": str},
        pk="id",
    )


def _migration_3(db: sqlite_utils.Database) -> None:
    # One row per `gelt-audit run` / scheduled job: what `status` and the weekly report show.
    db["runs"].create(
        {
            "id": int,
            "started_at": str,  # ISO 8601 UTC, like every timestamp in the store
            "finished_at": str,
            "result": str,  # running | ok | unreachable | crawl_failed | delivery_failed | no_data | interrupted | error
            "exit_code": int,
            "crawl_id": int,  # the crawl this run made, or (report-only runs) the one it reported on
            "reports": str,  # JSON list of {"kind": "weekly"|"committee", "path": str, "sent": bool|null}
            "message": str,  # one Spanish line for people
            "job": str,  # run (cron) | crawl | weekly | committee (scheduler slots)
            "pid": int,
            "findings": str,  # JSON {name: count}, see scheduler findings_summary()
            # and «site» (str): a portfolio site's home page, one row per site of a portfolio run; added
            # by the first one (store_runs.start_runs, alter), NULL or absent for a one-site run (H304)
        },
        pk="id",
        if_not_exists=True,
    )


def _migration_4(db: sqlite_utils.Database) -> None:
    # Security-relevant response headers, stored once per distinct set (most pages share one).
    db["header_sets"].create({"id": int, "hash": str, "headers": str}, pk="id")
    db["header_sets"].create_index(["hash"], unique=True)
    db["snapshots"].add_column("headers_id", int)
    db["tls"].create(
        {
            "crawl_id": int,
            "host": str,
            "subject": str,
            "issuer": str,
            "not_before": str,
            "not_after": str,
            "names": str,  # JSON: subjectAltName DNS names
            "self_signed": int,
        },
        pk=("crawl_id", "host"),
    )
    # Judgements of one stored body by one audit (e.g. accessibility): bodies never change, so
    # neither does the judgement; re-crawls of unchanged pages cost no re-parsing.
    db["body_audits"].create({"body_hash": str, "audit": str, "version": int, "result": str}, pk=("body_hash", "audit"))


def _migration_5(db: sqlite_utils.Database) -> None:
    # Compact per-crawl summaries the reports compare over time (see gelt_audit/reports/summary.py).
    db["crawl_summaries"].create({"crawl_id": int, "json": str}, pk="crawl_id", if_not_exists=True)


def _migration_6(db: sqlite_utils.Database) -> None:
    # A portfolio's sites as rows, and the ranking's cached per-crawl summaries.
    db["portfolio_sites"].create(
        {"url": str, "name": str, "department": str, "dane": str, "updated_at": str}, pk="url", if_not_exists=True
    )
    db["portfolio_summaries"].create(
        {"crawl_id": int, "fp": str, "json": str}, pk=("crawl_id", "fp"), if_not_exists=True
    )


def _migration_7(db: sqlite_utils.Database) -> None:
    # A snapshot of an unchanged page is most of what a weekly crawl adds: keep it small.
    # main_hash is a function of the body (bodies.main_hash); the referer only helps to find a
    # link that fails, so successful responses drop it.
    db.execute("alter table snapshots drop column main_hash")
    db.execute("update snapshots set referer = null where status between 200 and 299")


def _migration_8(db: sqlite_utils.Database) -> None:
    # A page with more links than site.max_links_per_page keeps the first ones (links); how many
    # it had is kept here, once per (page, body) like its links, so the audits can say so.
    db["link_cuts"].create(
        {"page_id": int, "body_hash": str, "found": int, "kept": int}, pk=("page_id", "body_hash"), if_not_exists=True
    )


def _migration_9(db: sqlite_utils.Database) -> None:
    # Bodies compressed with zstd and a dictionary trained on the site's own pages (templates
    # repeat: a third of plain zstd). Rows written before keep zlib content and a plain main_text
    # and are read as they are; `gelt-audit store compact` rewrites them.
    db["dictionaries"].create(
        {
            "id": int,
            "site_url": str,
            "created_at": str,
            "pages": int,  # how many of the site's pages it was trained on
            "data": bytes,  # a zstd dictionary
        },
        pk="id",
        if_not_exists=True,
    )
    db["bodies"].add_column("dict_id", int)  # dictionaries.id of content and main_z; NULL: none
    # main_text compressed with zstd and the body's own content as a raw dictionary (main_text is NULL then)
    db["bodies"].add_column("main_z", bytes)
    db["bodies"].add_column("excerpt", str)  # the first 200 characters of the main text


LINKS_VIEW = """create view links as
    select s.page_id, s.body_hash, u.url, r.text, r.tag, r.attr, r.rel, r.line
    from link_rows r join link_sets s on s.id = r.set_id join link_urls u on u.id = r.url_id"""


def _migration_10(db: sqlite_utils.Database) -> None:
    # Links without repeating long strings: each target URL once (link_urls), each (page, body)
    # once (link_sets), and per link only small integers and its text. The view `links` has the
    # columns and rows the table had, in the same order, so every query that read it reads it still.
    db.execute("create table link_urls (id integer primary key, url text not null unique)")
    db.execute("create table link_sets (id integer primary key, page_id integer references pages(id), body_hash text)")
    db.execute("create unique index link_sets_page_body on link_sets (page_id, body_hash)")
    # clustered on (set_id, seq): a page's links are read together, in page order, with no
    # rowid and no separate index
    db.execute(
        "create table link_rows (set_id integer not null, seq integer not null, url_id integer not null, "
        "text text, tag text, attr text, rel text, line integer, primary key (set_id, seq)) without rowid"
    )
    db.execute("insert or ignore into link_urls (url) select url from links where url is not null order by rowid")
    db.execute(
        "insert or ignore into link_sets (page_id, body_hash) select page_id, body_hash from links order by rowid"
    )
    db.execute(
        """insert into link_rows (set_id, seq, url_id, text, tag, attr, rel, line)
           select s.id, row_number() over (partition by s.id order by l.rowid), u.id,
                  l.text, l.tag, l.attr, l.rel, l.line
           from links l join link_sets s on s.page_id = l.page_id and s.body_hash = l.body_hash
           join link_urls u on u.url = l.url order by l.rowid"""
    )
    db.execute("drop table links")
    db.execute(LINKS_VIEW)


LINKS_VIEW_11 = """create view links as
    select s.page_id, s.body_hash, u.url, t.text as text, r.tag, r.attr, r.rel, r.line
    from link_rows r join link_sets s on s.id = r.set_id join link_urls u on u.id = r.url_id
    left join link_texts t on t.id = r.text_id"""


def _migration_11(db: sqlite_utils.Database) -> None:
    # Link texts once (link_texts), like URLs: the template repeats its menu's texts on every page,
    # and they were most of link_rows. A NULL text is a NULL text_id; the view `links` keeps its
    # columns and its rows in the same order.
    db.execute("create table link_texts (id integer primary key, text text not null unique)")
    db.execute(
        "insert or ignore into link_texts (text) select text from link_rows where text is not null order by set_id, seq"
    )
    db.execute(
        "create table link_rows_11 (set_id integer not null, seq integer not null, url_id integer not null, "
        "text_id integer, tag text, attr text, rel text, line integer, primary key (set_id, seq)) without rowid"
    )
    db.execute(
        """insert into link_rows_11 (set_id, seq, url_id, text_id, tag, attr, rel, line)
           select r.set_id, r.seq, r.url_id, t.id, r.tag, r.attr, r.rel, r.line
           from link_rows r left join link_texts t on t.text = r.text order by r.set_id, r.seq"""
    )
    db.execute("drop view links")
    db.execute("drop table link_rows")
    db.execute("alter table link_rows_11 rename to link_rows")
    db.execute(LINKS_VIEW_11)


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _migration_1,
    _migration_2,
    _migration_3,
    _migration_4,
    _migration_5,
    _migration_6,
    _migration_7,
    _migration_8,
    _migration_9,
    _migration_10,
    _migration_11,
]
SCHEMA_VERSION = len(MIGRATIONS)
