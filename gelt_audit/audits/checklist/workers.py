"""A first audit's pages parsed in other processes, ahead of the site index (issue 21, H231).

The index keeps hundreds of thousands of small objects; parsing a page in the same process
leaves holes among them that the allocators keep (~110 MiB at 50,000 pages, H225). When many
pages of a crawl have no kept parse (``checklist-page`` records, see :mod:`.parse`), worker
processes parse them and hand back the records as the parse cache keeps them (JSON); this process
writes them (one SQLite writer) and the index then rebuilds every page from its record, as a
second audit of the same crawl does, without parsing. The two cores of a municipal server parse
at once.

Workers are spawned (not forked: a fork would start with a copy of this process's heap) and each
takes chunks of pages in the crawl's order, so the first page of a shared chrome block in the
index's order is the one its worker extracted the block from (:meth:`.parse.Builder._chrome`):
the pages rebuilt are the pages parsed in-process. A worker that dies, or any failure, stops the
workers: what they handed back is kept, the log says so, and the index parses the rest itself.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import resource
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from functools import partial
from typing import Any

from gelt_audit.store import Store

from .carry import Carried
from .model import PageDoc
from .packed import LinkStrings
from .parse import PAGE_AUDIT, Builder, TextProbe

log = logging.getLogger("gelt_audit.audits.checklist")

START_METHOD = "spawn"  # a fresh interpreter: nothing of the audit's heap (fork copied ~200 MiB at 50k)
CHUNK = 200  # pages a worker parses per task
# (key, audit, version, result as JSON): a record as the store keeps it
Row = tuple[str, str, str, str]
# What index_site calls with its builder and the previous crawl's pages, before reading pages
ParseAhead = Callable[[Builder, Carried | None], None]


def is_parsed_page(snap: dict[str, Any]) -> bool:
    """Whether the index parses this snapshot (``index._read_pages`` with ``audit.page_docs``):
    a page with a body, under 400, HTML (or of no declared type)."""
    return (
        snap["kind"] == "page"
        and bool(snap["body_hash"])
        and (snap["status"] or 0) < 400
        and "html" in (snap["content_type"] or "text/html").lower()
    )


def unparsed(
    store: Store, snaps: Iterator[dict[str, Any]], version: str, carried: Carried | None
) -> tuple[list[str], int]:
    """The pages of a crawl that have no kept parse at ``version`` and are not carried, as
    chunks of :data:`CHUNK` keys («<body hash> <URL>», one string a chunk: 50,000 pages held as
    few large strings, not as 100,000 small ones among the heap), in the crawl's order; and how
    many pages that is."""
    chunks: list[str] = []
    count = 0
    batch: list[str] = []

    def flush() -> None:
        nonlocal count
        kept = store.kept_keys(batch, PAGE_AUDIT, version)
        todo = [key for key in dict.fromkeys(batch) if key not in kept]
        for start in range(0, len(todo), CHUNK):
            chunks.append("\n".join(todo[start : start + CHUNK]))
        count += len(todo)
        batch.clear()

    for snap in snaps:
        if is_parsed_page(snap):
            key = f"{snap['body_hash']} {snap['url']}"
            if carried is None or not carried.has(key):
                batch.append(key)
                if len(batch) == CHUNK:
                    flush()
    flush()
    return chunks, count


def parse_ahead(store: Store, chunks: Sequence[str], home_url: str, builder: Builder, workers: int) -> int:
    """Parse the pages of ``chunks`` in ``workers`` processes and keep their records in the
    store; how many pages were kept. Never raises for the workers: on a failure the log says
    which and how many pages are left to the index to parse itself."""
    kept = 0
    peaks: dict[int, int] = {}
    pending: set[Future[tuple[int, int, int, list[Row]]]] = set()
    queue = iter(chunks)
    total = sum(chunk.count("\n") + 1 for chunk in chunks)
    pool = ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context(START_METHOD),
        initializer=_start,
        initargs=(str(store.path), home_url, builder.probes, builder.version),
    )
    try:
        while True:
            while len(pending) < 2 * workers and (chunk := next(queue, None)) is not None:
                pending.add(pool.submit(_parse_chunk, chunk))
            if not pending:
                break
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                pid, peak, pages, rows = future.result()
                if not store.keep_results(rows):
                    log.warning("lista de chequeo: el almacén no acepta los análisis de las páginas; se analizan aquí")
                    return kept
                kept += pages
                peaks[pid] = max(peaks.get(pid, 0), peak)
    except Exception as exc:  # a worker killed (BrokenProcessPool) or failed: never a silent loss
        log.warning(
            "lista de chequeo: falló el análisis de páginas en otros procesos (%s: %s); las %d páginas que "
            "faltan se analizan en este proceso",
            type(exc).__name__,
            exc,
            total - kept,
        )
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    log.info(
        "lista de chequeo: %d páginas analizadas en %d procesos aparte; memoria máxima de cada uno: %s MiB",
        kept,
        len(peaks),
        ", ".join(f"{peak / 1024:.1f}" for peak in peaks.values()) or "-",
    )
    return kept


def planner(store: Store, crawl_id: int, home_url: str, workers: int, least: int) -> ParseAhead | None:
    """What :func:`.index.index_site` calls to parse a crawl's pages ahead in ``workers``
    processes (at most one per core) when ``least`` or more have no kept parse (None: ``workers``
    is 0)."""
    if workers <= 0:
        return None

    # no more processes than cores (a one-core server still gets one: the leftovers stay out)
    workers = max(1, min(workers, os.cpu_count() or 1))

    def run(builder: Builder, carried: Carried | None) -> None:
        chunks, count = unparsed(store, store.snapshots(crawl_id), builder.version, carried)
        if count >= max(least, 1):
            parse_ahead(store, chunks, home_url, builder, min(workers, count // CHUNK + 1))

    return run


# -- in the worker ---------------------------------------------------------------------------------

_worker: dict[str, Any] = {}


def _start(path: str, home_url: str, probes: tuple[TextProbe, ...], version: str) -> None:
    """A worker's store (read only: it writes nothing) and builder, the audit's own version."""
    rows: list[Row] = []
    builder = Builder(home_url, probes, partial(_made, rows))
    if builder.version != version:  # the same code and rules, or no records at all
        raise RuntimeError(f"versión del análisis distinta: {builder.version} y {version}")
    _worker.update(store=Store(path), builder=builder, rows=rows)


def _made(rows: list[Row], key: str, audit: str, version: str, compute: Callable[[], Any]) -> Any:
    """The parse cache of a worker: every record made, kept to be handed back."""
    result = compute()
    rows.append((key, audit, version, json.dumps(result)))
    return result


def _parse_chunk(chunk: str) -> tuple[int, int, int, list[Row]]:
    """Parse one chunk of pages; this process's id and peak RSS (KiB), the pages asked and the
    records made (chrome blocks' too; none for a page whose HTML cannot be read)."""
    store: Store = _worker["store"]
    builder: Builder = _worker["builder"]
    rows: list[Row] = _worker["rows"]
    rows.clear()
    keys = chunk.split("\n")
    for key in keys:
        body_hash, url = key.split(" ", 1)
        builder.parse(PageDoc(url, 200, None, "text/html", "", None, body_hash, partial(store.html, body_hash)), 0)
    builder.origins.clear()
    builder.strings = LinkStrings()  # the pages' packed links: the records hold them
    return os.getpid(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, len(keys), list(rows)
