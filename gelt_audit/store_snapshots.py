"""Reading a crawl's snapshots: every row of a crawl, kept while one crawl's audits walk it.

A mixin of :class:`gelt_audit.store.Store` (which provides ``db`` and the two dicts it keeps, made in
its ``__init__``); import ``Store`` from :mod:`gelt_audit.store`, not this module.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import sqlite_utils

from gelt_audit import compression

_SNAPSHOT_COLS = ", ".join(
    f"s.{c}"
    for c in (
        "id crawl_id page_id fetched_at kind status size elapsed_ms etag last_modified body_hash "
        "not_modified location depth referer sitemap_lastmod error headers_id"
    ).split()
)
# A finished crawl of at most this many snapshots is kept as its rows' dicts, shared by every walk
# (as the checklist's PageStore.HOLD keeps a small site's pages made); a larger one packed.
SNAPSHOT_HOLD = 16_384
# A 304 that repeats what is known stores no content type: it is the last one the page sent.
_CONTENT_TYPE = """coalesce(s.content_type, (
    select s3.content_type from snapshots s3
    where s3.page_id = s.page_id and s3.id < s.id and s3.content_type is not null
    order by s3.id desc limit 1)) as content_type"""


# Snapshot columns with few distinct values: SQLite hands out a new string for each row; one
# object per value is what a chunk of packed rows pickles once.
_FEW_VALUES = frozenset(
    {"fetched_at", "content_type", "kind", "encoding", "last_modified", "etag", "referer", "location", "error"}
)


def _shared_strings(cols: list[str], rows: Iterable[tuple]) -> Iterator[tuple]:
    """The rows with one string object per distinct value of the ``_FEW_VALUES`` columns."""
    few = [i for i, c in enumerate(cols) if c in _FEW_VALUES]
    seen: dict[Any, Any] = {}
    for row in rows:
        values = list(row)
        for i in few:
            values[i] = seen.setdefault(values[i], values[i])
        yield tuple(values)


class SnapshotStore:
    """The snapshots of a crawl. Rows of one finished crawl (they never change) are read once while
    its audits walk them: the last crawl asked for (two whole crawls are never held), packed
    (compression.PackedRows) in ``_snapshot_rows``, or, for a crawl of at most ``SNAPSHOT_HOLD``
    rows, as their dicts in ``_snapshot_dicts``, made once and shared by every walk (a week's audits
    walk the last crawl nine times: 109,000 dicts made at 10k pages before H267)."""

    db: sqlite_utils.Database
    _snapshot_rows: dict[int, tuple[list[str], Iterable[tuple]]]
    _snapshot_dicts: dict[int, list[dict[str, Any]]]

    def snapshots(self, crawl_id: int) -> Iterator[dict[str, Any]]:
        """Every snapshot of a crawl, with its URL and title, sorted by URL. Read only: a finished
        crawl of at most ``SNAPSHOT_HOLD`` rows gives the same dicts to every walk (callers copy
        one before changing it). A finished crawl's rows are kept until another crawl's are read:
        those dicts (~18 MB at 10k pages), or packed past that size (~12 MB at 50,000 pages, ~60 MB
        as tuples): one crawl's audits walk them many times; the previous crawl is read in one
        stretch."""
        held = self._snapshot_dicts.get(crawl_id)
        if held is not None:
            yield from held
            return
        cached = self._snapshot_rows.get(crawl_id)
        if cached is None:
            self.forget_snapshots()  # before reading: the two crawls' rows never held at once
            cursor = self._snapshot_cursor(crawl_id)
            cols = [c[0] for c in cursor.description]
            finished = self.db.execute("select status from crawls where id = ?", [crawl_id]).fetchone()
            if not (finished and finished[0] == "finished"):  # still written: read as it is now
                cached = (cols, list(cursor))
            elif self._snapshot_count(crawl_id) <= SNAPSHOT_HOLD:
                rows = _shared_strings(cols, cursor)
                held = self._snapshot_dicts[crawl_id] = [dict(zip(cols, row, strict=True)) for row in rows]
                yield from held
                return
            else:
                cached = self._snapshot_rows[crawl_id] = (cols, compression.PackedRows(_shared_strings(cols, cursor)))
        cols, rows = cached
        for row in rows:
            yield dict(zip(cols, row, strict=True))

    def forget_snapshots(self) -> None:
        """Drop the snapshot rows kept for finished crawls (after auditing a crawl no longer read)."""
        self._snapshot_rows.clear()
        self._snapshot_dicts.clear()

    def _snapshot_count(self, crawl_id: int) -> int:
        return self.db.execute("select count(*) from snapshots where crawl_id = ?", [crawl_id]).fetchone()[0]

    def _snapshot_cursor(self, crawl_id: int) -> Any:
        return self.db.execute(
            f"""
            select {_SNAPSHOT_COLS}, p.url as url, b.title as title, b.encoding as encoding,
                   b.main_hash as main_hash, coalesce(b.excerpt, substr(b.main_text, 1, 200)) as excerpt, {_CONTENT_TYPE}
            from snapshots s join pages p on p.id = s.page_id
            left join bodies b on b.hash = s.body_hash
            where s.crawl_id = ? order by p.url
            """,
            [crawl_id],
        )
