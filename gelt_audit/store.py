"""The SQLite snapshot store: every version of every page, bodies stored once per content.

Written by the crawler's pipeline, read by audits and the CLI. A plain SQLite file that
Datasette or any SQL tool can open.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from gelt_audit import clock
from gelt_audit.compression import PLAIN, Codec, body_row, compress, decompress, decompress_text, train_dictionary
from gelt_audit.linkstate import UNREACHED_ARGS, UNREACHED_SQL
from gelt_audit.migrations import MIGRATIONS, SCHEMA_VERSION
from gelt_audit.store_cache import AuditCache
from gelt_audit.store_links import LinkStore
from gelt_audit.store_runs import RunStore
from gelt_audit.store_snapshots import SnapshotStore

__all__ = ["Codec", "Store", "StoreError", "body_row", "compress", "content_hash", "decompress", "train_dictionary"]


def utcnow() -> str:
    """Current time as an ISO 8601 UTC string (what every timestamp column holds)."""
    return clock.now_iso()


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Crawl:
    id: int
    site_url: str
    started_at: str
    finished_at: str | None
    status: str
    pages: int
    errors: int
    error: str | None
    limited: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "started_at": self.started_at,
            "finished_at": self.finished_at,
            "pages": self.pages,
            "errors": self.errors,
        }


def _url_ranges(hosts: Iterable[str] | None) -> tuple[str, list[str]]:
    """A WHERE clause on pages.url (alias p) for the URLs of some hosts, using its unique index."""
    if hosts is None:
        return "1", []
    clauses, args = [], []
    for host in hosts:
        for scheme in ("http", "https"):
            prefix = f"{scheme}://{host}/"
            # every URL starting with prefix sorts between prefix and prefix with its last char bumped
            clauses.append("(p.url >= ? and p.url < ?)")
            args += [prefix, prefix[:-1] + chr(ord("/") + 1)]
    return "(" + " or ".join(clauses or ["0"]) + ")", args


_CRAWL_COLS = "id, site_url, started_at, finished_at, status, pages, errors, error, limited"


class StoreError(Exception):
    """The store file cannot be used; the message says why, in Spanish."""


def _unusable(path: Path, exc: Exception) -> StoreError:
    """A StoreError naming the file, with SQLite's English reason said in Spanish when known."""
    text = str(exc)
    if "file is not a database" in text:
        why = "no es un almacén de gelt-audit (el archivo no es una base de datos SQLite)"
    elif "malformed" in text:
        why = "está dañado o incompleto (SQLite: «database disk image is malformed»)"
    else:
        why = text
    return StoreError(f"No se puede usar el almacén {path}: {why}.")


class Store(SnapshotStore, LinkStore, RunStore, AuditCache):
    """Access to one gelt-audit SQLite file."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._pending_audits: dict[tuple[str, str], dict[str, Any]] = {}  # (key, audit) -> row to write
        self._snapshot_rows: dict[int, tuple[list[str], Iterable[tuple]]] = {}  # see SnapshotStore
        self._snapshot_dicts: dict[int, list[dict[str, Any]]] = {}
        self._codecs: dict[int | None, Codec] = {None: PLAIN}
        # link_urls ids this process has read or written (forgotten when a write rolls back)
        self._url_ids: dict[str, int] = {}
        self._text_ids: dict[str, int] = {}  # link_texts ids, likewise
        # ":memory:" is a store nothing keeps (a distributed worker's), not a file of that name
        memory = str(path) == ":memory:"
        if not memory:
            try:
                # Create the file 0600 before SQLite opens it: the -wal and -shm files SQLite creates
                # next copy the database file's permissions, and they hold page contents too.
                os.close(os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600))
            except OSError:  # it exists (or cannot be created: SQLite will say why)
                pass
        try:
            self.db = sqlite_utils.Database(memory=True) if memory else sqlite_utils.Database(self.path)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA busy_timeout=30000")
            self._migrate()
        except StoreError:
            raise
        except Exception as exc:  # sqlite3.DatabaseError, OSError...
            raise _unusable(self.path, exc) from exc
        for suffix in ("", "-wal", "-shm") if not memory else ():  # also stores made before this fix
            try:
                self.path.with_name(self.path.name + suffix).chmod(0o600)
            except OSError:
                pass

    def close(self) -> None:
        """Close the store, keeping first the audit results still pending (a process that asks for
        fewer than a batch's worth, as a report's own comparison, would lose them otherwise)."""
        try:
            self.flush_audits()
        except sqlite3.Error:
            pass  # a store that cannot take them (damaged): it is closed all the same
        finally:
            self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: object) -> None:
        self.close()
        # A page that turns out unreadable mid-command (a store damaged where opening it did not
        # look) is the store's fault: one line naming the file, not a traceback.
        if isinstance(exc, sqlite3.DatabaseError):
            raise _unusable(self.path, exc) from exc

    def check_integrity(self) -> None:
        """Raise StoreError unless ``PRAGMA quick_check`` finds the file sound.

        quick_check reads every page (seconds on a store of gigabytes), so only the commands
        about to write a crawl run it: see :func:`gelt_audit.commands.crawl.check_store`.
        """
        try:
            problems = [row[0] for row in self.db.execute("PRAGMA quick_check").fetchall()]
        except sqlite3.DatabaseError as exc:
            raise _unusable(self.path, exc) from exc
        if problems != ["ok"]:
            raise StoreError(
                f"El almacén {self.path} está dañado (PRAGMA quick_check: {problems[0].splitlines()[0]}); "
                "no se escribe nada en él: restáurelo desde una copia de seguridad o muévalo a otro lugar "
                "para empezar uno nuevo."
            )

    # -- schema -------------------------------------------------------------
    def schema_version(self) -> int:
        if "meta" not in self.db.table_names():
            return 0
        row = self.db.execute("select value from meta where key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0

    def _migrate(self) -> None:
        current = self.schema_version()
        if current > SCHEMA_VERSION:
            raise StoreError(
                f"El almacén {self.path} tiene la versión de esquema {current}, más nueva que la que conoce "
                f"esta versión de gelt-audit ({SCHEMA_VERSION}); actualice gelt-audit."
            )
        with self.db.conn:
            if current == 0:
                self.db["meta"].create({"key": str, "value": str}, pk="key", if_not_exists=True)
            for version in range(current, SCHEMA_VERSION):
                MIGRATIONS[version](self.db)
                self.db["meta"].upsert({"key": "schema_version", "value": str(version + 1)}, pk="key")

    # -- crawls -------------------------------------------------------------
    def start_crawl(self, site_url: str, pid: int | None = None) -> int:
        """Open a crawl row; crawls left 'running' by a dead process become 'interrupted'."""
        with self.db.conn:
            self.db.execute(
                "update crawls set status = 'interrupted', error = 'el proceso terminó sin cerrar el rastreo' "
                "where status = 'running' and site_url = ?",
                [site_url],
            )
            return (
                self.db["crawls"]
                .insert(
                    {
                        "site_url": site_url,
                        "started_at": utcnow(),
                        "status": "running",
                        "pages": 0,
                        "errors": 0,
                        "pid": pid,
                    }
                )
                .last_pk
            )

    def finish_crawl(
        self, crawl_id: int, status: str = "finished", error: str | None = None, limited: bool = False
    ) -> None:
        """Mark a crawl done; only 'finished' crawls are used by audits and reports."""
        pages, errors = self.db.execute(
            "select count(*), sum(case when status >= 400 or status = 0 then 1 else 0 end) "
            "from snapshots where crawl_id = ?",
            [crawl_id],
        ).fetchone()
        with self.db.conn:
            self.db["crawls"].update(
                crawl_id,
                {
                    "finished_at": utcnow(),
                    "status": status,
                    "pages": pages or 0,
                    "errors": errors or 0,
                    "error": error,
                    "limited": int(limited),
                },
            )

    def crawl(self, crawl_id: int) -> Crawl:
        row = self.db.execute(
            f"select {_CRAWL_COLS} from crawls where id = ?",
            [crawl_id],
        ).fetchone()
        if row is None:
            raise StoreError(f"no existe el rastreo {crawl_id}")
        return Crawl(*row)

    def finished_crawls(self, site_url: str | None = None) -> list[Crawl]:
        """Finished crawls, newest first."""
        sql = f"select {_CRAWL_COLS} from crawls where status = 'finished'"
        args: list[Any] = []
        if site_url:
            sql += " and site_url = ?"
            args.append(site_url)
        return [Crawl(*r) for r in self.db.execute(sql + " order by id desc", args).fetchall()]

    def latest_crawl(self, site_url: str | None = None) -> Crawl | None:
        crawls = self.finished_crawls(site_url)
        return crawls[0] if crawls else None

    def last_attempt(self, site_url: str) -> Crawl | None:
        """The most recent crawl of a site, whatever its outcome."""
        row = self.db.execute(
            f"select {_CRAWL_COLS} from crawls where site_url = ? order by id desc limit 1", [site_url]
        ).fetchone()
        return Crawl(*row) if row else None

    def last_crawl_id(self) -> int:
        """The id of the newest crawl of any site and outcome (0 when there is none)."""
        return self.db.execute("select coalesce(max(id), 0) from crawls").fetchone()[0]

    def crawl_after(self, crawl_id: int) -> Crawl | None:
        """The newest crawl started after crawl ``crawl_id``, whatever its outcome."""
        row = self.db.execute(
            f"select {_CRAWL_COLS} from crawls where id > ? order by id desc limit 1", [crawl_id]
        ).fetchone()
        return Crawl(*row) if row else None

    def unreached(self, crawl_id: int) -> int:
        """Snapshots of ``crawl_id`` that got no answer because their host name did not resolve from this
        machine (``linkstate.unreached``): requests the site never received."""
        return self.db.execute(
            f"select count(*) from snapshots where crawl_id = ? and {UNREACHED_SQL}", [crawl_id, *UNREACHED_ARGS]
        ).fetchone()[0]

    def unreached_urls(self, crawl_id: int) -> list[str]:
        """The URLs of :meth:`unreached`'s snapshots (to tell its documents from its pages)."""
        rows = self.db.execute(
            f"""select p.url from snapshots s join pages p on p.id = s.page_id
                where s.crawl_id = ? and {UNREACHED_SQL}""",
            [crawl_id, *UNREACHED_ARGS],
        ).fetchall()
        return [url for (url,) in rows]

    def previous_crawl(self, crawl: Crawl) -> Crawl | None:
        older = [c for c in self.finished_crawls(crawl.site_url) if c.id < crawl.id]
        return older[0] if older else None

    def pages_lost(self, crawl_id: int, site_url: str) -> tuple[int, list[str]]:
        """Pages the site's last finished crawl saw answer 2xx, and those ``crawl_id`` never reached.

        «Never reached» is no snapshot at all in the crawl: not even a 404 or 410 that would say
        the page is gone. The crawler uses it to tell a site that changed from one it did not see.
        """
        previous = self.db.execute(
            "select max(id) from crawls where status = 'finished' and site_url = ? and id < ?", [site_url, crawl_id]
        ).fetchone()[0]
        if previous is None:
            return 0, []
        seen = self.db.execute(
            """select count(*) from snapshots
               where crawl_id = ? and kind = 'page' and status between 200 and 299""",
            [previous],
        ).fetchone()[0]
        lost = self.db.execute(
            """select p.url from snapshots s join pages p on p.id = s.page_id
               where s.crawl_id = ? and s.kind = 'page' and s.status between 200 and 299
                 and not exists (select 1 from snapshots n where n.crawl_id = ? and n.page_id = s.page_id)""",
            [previous, crawl_id],
        ).fetchall()
        return seen, [url for (url,) in lost]

    # -- writing (used by the crawler's pipeline) ------------------------------
    def page_ids(self, hosts: Iterable[str] | None = None) -> dict[str, int]:
        """URL -> page id, for the given host[:port]s only (a portfolio store holds many sites)."""
        where, args = _url_ranges(hosts)
        return {url: pid for pid, url in self.db.execute(f"select id, url from pages p where {where}", args)}

    def add_page(self, url: str, crawl_id: int) -> int:
        # committed at once: an open write transaction would block the other crawlers of a
        # portfolio, which share this file (and this process's only thread) with us
        with self.db.conn:
            return self.db.conn.execute("insert into pages (url, first_crawl) values (?, ?)", [url, crawl_id]).lastrowid

    def has_body(self, body_hash: str) -> bool:
        return self.db.execute("select 1 from bodies where hash = ?", [body_hash]).fetchone() is not None

    def header_set_id(self, headers: dict[str, str]) -> int:
        """The id of a stored set of response headers, adding it when new."""
        text = json.dumps(headers, sort_keys=True)
        digest = text_hash(text)[:32]
        row = self.db.execute("select id from header_sets where hash = ?", [digest]).fetchone()
        if row:
            return row[0]
        with self.db.conn:
            return self.db["header_sets"].insert({"hash": digest, "headers": text}).last_pk

    def header_sets(self) -> dict[int, dict[str, str]]:
        return {i: json.loads(h) for i, h in self.db.execute("select id, headers from header_sets")}

    def add_tls(self, row: dict[str, Any]) -> None:
        with self.db.conn:
            self.db["tls"].insert(row, replace=True)

    def tls(self, crawl_id: int) -> list[dict[str, Any]]:
        return list(self.db.query("select * from tls where crawl_id = ?", [crawl_id]))

    def write_batch(
        self,
        bodies: list[dict],
        snapshots: list[dict],
        links: list[dict],
        checks: list[dict] | None = None,
        cuts: list[dict] | None = None,
        pages: dict[int, str] | None = None,
        crawl_id: int | None = None,
    ) -> dict[int, int]:
        """Write one batch of crawl results in a single transaction (``cuts``: rows of link_cuts).

        ``pages``: URLs first seen by this crawl (of ``crawl_id``), keyed by the negative stand-in
        id their rows carry as ``page_id``; their rows of ``pages`` are added in the same
        transaction (one commit per batch, not per page) and the stand-ins replaced. Returns
        stand-in -> page id.
        """
        # plain executemany: sqlite-utils' insert_all introspects the table for every chunk,
        # which showed in the crawl's profile
        try:
            with self.db.conn:
                ids = self._add_pages(pages or {}, crawl_id)
                if ids:
                    for table in (snapshots, links, cuts or []):
                        for row in table:
                            if row["page_id"] < 0:
                                row["page_id"] = ids[row["page_id"]]
                self._insert("link_checks", checks or [])
                self._insert("bodies", bodies, "insert or ignore")
                self._insert("snapshots", snapshots, "insert or replace")
                self._insert_links(links)
                self._insert("link_cuts", cuts or [], "insert or ignore")
        except BaseException:
            self._url_ids.clear()  # ids of this rolled-back transaction may be reused for other URLs
            self._text_ids.clear()
            raise
        return ids

    def _add_pages(self, pages: dict[int, str], crawl_id: int | None) -> dict[int, int]:
        """Rows of ``pages`` for new URLs, inside the caller's transaction: stand-in -> id."""
        conn = self.db.conn
        ids = {}
        for stand_in, url in pages.items():
            cursor = conn.execute("insert or ignore into pages (url, first_crawl) values (?, ?)", [url, crawl_id])
            if cursor.rowcount == 1:
                ids[stand_in] = cursor.lastrowid
            else:  # added since the crawl read its page ids (another process): the same page
                ids[stand_in] = conn.execute("select id from pages where url = ?", [url]).fetchone()[0]
        return ids

    def _insert(self, table: str, rows: list[dict], verb: str = "insert") -> None:
        if not rows:
            return
        cols = list(rows[0])
        sql = f"{verb} into [{table}] ({', '.join(f'[{c}]' for c in cols)}) values ({', '.join('?' * len(cols))})"
        self.db.conn.executemany(sql, [[row.get(c) for c in cols] for row in rows])

    def validators(self, hosts: Iterable[str] | None = None) -> dict[str, dict[str, Any]]:
        """Per URL of the given host[:port]s, the last stored version with a body: ETag,
        Last-Modified and hashes.

        The crawler sends these back as If-None-Match / If-Modified-Since. Most recent first.
        A 304 that repeats the known validators stores none (content_type NULL), so the row read
        here is the last one that carried them.
        """
        where, args = _url_ranges(hosts)
        rows = self.db.execute(
            f"""
            select p.url, p.id, s.etag, s.last_modified, s.body_hash, b.main_hash, s.content_type, s.status
            from snapshots s join pages p on p.id = s.page_id left join bodies b on b.hash = s.body_hash
            where s.id in (
                select max(s2.id) from snapshots s2 join pages p on p.id = s2.page_id
                where s2.body_hash is not null and s2.content_type is not null and {where} group by s2.page_id
            )
            order by s.id desc
            """,
            args,
        )
        return {
            url: {
                "page_id": pid,
                "etag": etag,
                "last_modified": lm,
                "body_hash": bh,
                "main_hash": mh,
                "content_type": ct,
                "status": status,
            }
            for url, pid, etag, lm, bh, mh, ct, status in rows
        }

    def body(self, body_hash: str) -> dict[str, Any] | None:
        row = self.db.execute(
            "select content, encoding, title, main_text, main_z, dict_id, main_hash, size from bodies where hash = ?",
            [body_hash],
        ).fetchone()
        if row is None:
            return None
        content, encoding, title, main_text, main_z, dict_id, main_hash, size = row
        raw = self._content(content, dict_id)
        return {
            "content": raw,
            "encoding": encoding,
            "title": title,
            "main_text": main_text if main_z is None else decompress_text(main_z, raw),
            "main_hash": main_hash,
            "size": size,
        }

    def main_text(self, body_hash: str) -> str:
        """The normalised main content of a stored body ("" when it has none)."""
        row = self.db.execute(
            "select main_text, main_z, content, dict_id from bodies where hash = ?", [body_hash]
        ).fetchone()
        if row is None:
            return ""
        main_text, main_z, content, dict_id = row
        if main_z is not None:
            return decompress_text(main_z, self._content(content, dict_id))
        return main_text or ""

    # -- compression dictionaries ----------------------------------------------
    def codec(self, dict_id: int | None) -> Codec:
        """The codec that reads (and writes) bodies compressed with dictionary ``dict_id``."""
        codec = self._codecs.get(dict_id)
        if codec is None:
            row = self.db.execute("select data from dictionaries where id = ?", [dict_id]).fetchone()
            if row is None:
                raise StoreError(f"El almacén {self.path} no tiene el diccionario de compresión {dict_id}.")
            codec = self._codecs[dict_id] = Codec(dict_id, row[0])
        return codec

    def site_codec(self, site_url: str) -> Codec | None:
        """The codec of the site's newest dictionary, or None when it has none yet."""
        row = self.db.execute("select max(id) from dictionaries where site_url = ?", [site_url]).fetchone()
        return None if row[0] is None else self.codec(row[0])

    def add_dictionary(self, site_url: str, data: bytes, pages: int) -> Codec:
        """Keep a dictionary trained on ``pages`` of the site's pages; its codec."""
        with self.db.conn:
            dict_id = self.db.conn.execute(
                "insert into dictionaries (site_url, created_at, pages, data) values (?, ?, ?, ?)",
                [site_url, utcnow(), pages, data],
            ).lastrowid
        return self.codec(dict_id)

    def html(self, body_hash: str) -> str | None:
        """The decoded HTML of a stored body (what :meth:`body` reads, without its main text: that
        one is decompressed with the whole body as its dictionary, a cost the HTML's readers, every
        audit parsing every page, do not need)."""
        row = self.db.execute("select content, encoding, dict_id from bodies where hash = ?", [body_hash]).fetchone()
        if row is None:
            return None
        content, encoding, dict_id = row
        return self._content(content, dict_id).decode(encoding or "utf-8", errors="replace")

    def _content(self, content: bytes | None, dict_id: int | None) -> bytes:
        """A body's stored content, decompressed (b"" when it has none)."""
        return self.codec(dict_id).decompress(content) if content else b""

    def snapshot(self, crawl_id: int, url: str) -> dict[str, Any] | None:
        """What crawl ``crawl_id`` stored for ``url`` (a 304 keeps the content type of the version
        it confirmed), or None when the crawl did not reach it."""
        row = self.db.execute(
            """select s.page_id, s.fetched_at, s.status, s.body_hash, s.kind, s.location, s.not_modified,
                      s.etag, s.last_modified, s.headers_id,
                      coalesce(s.content_type, (select s3.content_type from snapshots s3
                          where s3.page_id = s.page_id and s3.id < s.id and s3.content_type is not null
                          order by s3.id desc limit 1)) as content_type
               from snapshots s join pages p on p.id = s.page_id where p.url = ? and s.crawl_id = ?""",
            [url, crawl_id],
        )
        names = [d[0] for d in row.description]
        found = row.fetchone()
        return dict(zip(names, found, strict=True)) if found else None

    def history(self, url: str) -> list[dict[str, Any]]:
        """All versions of one page, oldest first, from finished and unfinished crawls alike."""
        rows = self.db.query(
            """
            select c.id as crawl_id, c.status as crawl_status, s.fetched_at, s.status, s.body_hash,
                   b.main_hash, s.size, s.not_modified
            from snapshots s join pages p on p.id = s.page_id join crawls c on c.id = s.crawl_id
            left join bodies b on b.hash = s.body_hash
            where p.url = ? order by s.crawl_id
            """,
            [url],
        )
        return list(rows)

    def integrity_ok(self) -> bool:
        return self.db.execute("pragma integrity_check").fetchone()[0] == "ok"
