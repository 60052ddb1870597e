"""The store's cache of audit results: what an audit judged of one immutable thing (a body hash,
a finished crawl), kept per audit and version in ``body_audits``.

A mixin of :class:`gelt_audit.store.Store` (which provides ``db`` and ``_pending_audits``); import
``Store`` from :mod:`gelt_audit.store`, not this module.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable
from typing import Any

import sqlite_utils

AUDIT_FLUSH = 500  # cached judgements written at a time
_MISSING = object()
# Every kept result and blob is written by this one statement (the columns in this order).
_KEEP = "insert or replace into body_audits (body_hash, audit, version, result) values (?, ?, ?, ?)"


class AuditCache:
    """Cached audit results of a store."""

    db: sqlite_utils.Database
    _pending_audits: dict[tuple[str, str], dict[str, Any]]

    def unjudged(
        self,
        crawl_id: int,
        audit: str,
        version: int | str,
        per_scheme: bool = False,
        same: dict[str, str] | None = None,
        since: int | None = None,
    ) -> dict[str, set[str]]:
        """By audit name, the body hashes of a crawl's pages (2xx) whose body has no cached judgement
        of ``audit`` at ``version`` (``per_scheme``: the name is ``audit-<the page URL's scheme>``).
        Only what is missing is read: a weekly crawl's few new bodies, not every judgement kept.
        ``same``: one string per hash, shared by the calls given it (a first audit's 50,000 bodies
        are missing for every audit: one (hash, name) pair per body and audit weighed ~50 MB).

        ``since``: a crawl whose 2xx pages' bodies are known judged; a page that answered 2xx
        there with the same body (same URL, so the same scheme) is left out unasked, so only the
        pages whose body changed, or that are new, are looked up among the judgements kept."""
        self.flush_audits()
        name = "(:audit || '-' || lower(substr(p.url, 1, instr(p.url, ':') - 1)))" if per_scheme else ":audit"
        unchanged = (
            """and not exists (
                    select 1 from snapshots o where o.crawl_id = :since and o.page_id = s.page_id
                    and o.body_hash = s.body_hash and o.kind = 'page' and o.status between 200 and 299)"""
            if since is not None
            else ""
        )
        rows = self.db.execute(
            f"""select distinct s.body_hash, {name} from snapshots s join pages p on p.id = s.page_id
                where s.crawl_id = :crawl and s.kind = 'page' and s.status between 200 and 299
                and s.body_hash is not null {unchanged} and not exists (
                    select 1 from body_audits b where b.body_hash = s.body_hash and b.audit = {name}
                    and b.version = :version)""",
            {"crawl": crawl_id, "audit": audit, "version": version, "since": since},
        )
        out: dict[str, set[str]] = {}
        same = {} if same is None else same
        for key, audit_name in rows:
            out.setdefault(audit_name, set()).add(same.setdefault(key, key))
        return out

    def cached_audit(self, key: str, audit: str, version: int | str, compute: Callable[[], Any]) -> Any:
        """A cached judgement of one immutable thing (a body hash, a finished crawl) by one audit.

        Recomputed when the audit's version changes; new results are written AUDIT_FLUSH at a
        time (a large site's never wait in memory all at once) and by flush_audits().
        """
        found = self.cached_result(key, audit, version, default=_MISSING)
        if found is not _MISSING:
            return found
        result = compute()
        self.keep_result(key, audit, version, result)
        return result

    def cached_result(self, key: str, audit: str, version: int | str, default: Any = None) -> Any:
        """The kept result of ``audit`` on ``key`` at ``version``, or ``default`` (a result kept
        and not written yet counts: the same body met twice before a flush is judged once)."""
        pending = self._pending_audits.get((key, audit))
        if pending is not None:
            return json.loads(pending["result"]) if pending["version"] == version else default
        row = self.db.execute(
            "select version, result from body_audits where body_hash = ? and audit = ?", [key, audit]
        ).fetchone()
        return json.loads(row[1]) if row and row[0] == version else default

    def crawl_results(self, crawl_id: int, audits: Iterable[str], version: int | str) -> dict[tuple[str, str], str]:
        """The kept results (JSON text, undecoded) at ``version`` of the ``audits`` (names) on the
        bodies of a crawl's snapshots, by (body hash, audit name): one query where
        :meth:`cached_result` would ask once per body."""
        self.flush_audits()
        names = list(dict.fromkeys(audits))
        rows = self.db.execute(
            f"""select b.body_hash, b.audit, b.version, b.result from body_audits b
                where b.audit in ({", ".join("?" * len(names))}) and b.body_hash in
                (select s.body_hash from snapshots s where s.crawl_id = ? and s.body_hash is not null)""",
            [*names, crawl_id],
        )
        # one object per audit name and per short result ("[]" for most bodies): a new string of
        # each per row weighed ~5 MB an audit at 50,000 pages
        shared: dict[str, str] = {name: name for name in names}
        return {
            (key, shared[audit]): shared.setdefault(result, result)
            if isinstance(result, str) and len(result) <= 16
            else result
            for key, audit, found, result in rows
            if found == version
        }

    def keep_result(self, key: str, audit: str, version: int | str, result: Any) -> None:
        """Keep (or replace) the result of ``audit`` on ``key``; written AUDIT_FLUSH at a time."""
        self._pending_audits[key, audit] = {
            "body_hash": key,
            "audit": audit,
            "version": version,
            "result": json.dumps(result),
        }
        if len(self._pending_audits) >= AUDIT_FLUSH:
            self.flush_audits()

    def bodies_kept(self, crawl_id: int, other_id: int) -> tuple[int, int]:
        """How many of a crawl's snapshots with a body have the same body in crawl ``other_id``
        (same page), and how many have a body."""
        row = self.db.execute(
            """select count(b.id), count(*) from snapshots a left join snapshots b
               on b.crawl_id = ? and b.page_id = a.page_id and b.body_hash = a.body_hash
               where a.crawl_id = ? and a.body_hash is not null""",
            [other_id, crawl_id],
        ).fetchone()
        return row[0], row[1]

    def kept_blob(self, key: str, audit: str) -> bytes | None:
        """The bytes kept by :meth:`keep_blobs` (None when there are none)."""
        row = self.db.execute(
            "select result from body_audits where body_hash = ? and audit = ?", [key, audit]
        ).fetchone()
        return row[0] if row and isinstance(row[0], bytes) else None

    def keep_blobs(
        self, audit: str, blobs: dict[str, bytes], drop: Iterable[str] = (), keep: set[str] = frozenset()
    ) -> None:
        """Keep bytes an audit made (by key: they carry their own version), and drop what it kept
        for the keys ``drop`` and ``<key>:<anything>`` of them, but for the keys in ``keep``."""
        try:
            with self.db.conn:
                self.db.conn.executemany(_KEEP, [(key, audit, 0, data) for key, data in blobs.items()])
                self._unbind()
                for key in drop:
                    parts = self.db.execute(
                        "select body_hash from body_audits where audit = ? and (body_hash = ? or body_hash like ?)",
                        [audit, key, key + ":%"],
                    ).fetchall()
                    gone = [(part, audit) for (part,) in parts if part not in keep and part not in blobs]
                    self.db.conn.executemany("delete from body_audits where body_hash = ? and audit = ?", gone)
        except sqlite3.OperationalError:
            pass  # a read-only store still audits; it just does not keep the cache

    def _unbind(self) -> None:
        """Let go of the values :data:`_KEEP` was last run with. SQLite keeps a copy of the values
        bound to a statement until it is run again, and Python keeps the statement prepared: a
        crawl's page history (~10 MB of JSON at 50,000 pages) or link index written by an audit
        stayed in SQLite's memory for the rest of the report, the checklist's index included
        (issue 21, H224: 17 MB of SQLite's at 50,000 pages when the index starts). Run once more
        with an empty row, inside a savepoint rolled back: nothing is written."""
        conn = self.db.conn
        conn.execute("savepoint gelt_unbind")
        try:
            conn.execute(_KEEP, ("", "", 0, None))
        finally:
            conn.execute("rollback to gelt_unbind")
            conn.execute("release gelt_unbind")

    def flush_audits(self) -> None:
        """Persist cached judgements gathered by body_audit (one transaction)."""
        if self._pending_audits:
            try:
                with self.db.conn:
                    self.db.conn.executemany(
                        _KEEP,
                        [
                            (r["body_hash"], r["audit"], r["version"], r["result"])
                            for r in self._pending_audits.values()
                        ],
                    )
                    self._unbind()
            except sqlite3.OperationalError:
                pass  # a read-only store still audits; it just does not keep the cache
            self._pending_audits = {}
