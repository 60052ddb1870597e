"""Item pipeline: write each crawled item into the store (snapshots, link checks, certificates)."""

from __future__ import annotations

import gc
import json
import logging
import os
import re
from dataclasses import fields
from typing import TYPE_CHECKING, Any

from scrapy import signals

from gelt_audit.crawler.depths import settle_depths
from gelt_audit.crawler.items import LinkCheckItem, SnapshotItem, TlsItem
from gelt_audit.crawler.verdict import CrawlCounts, verdict
from gelt_audit.linkstate import BROKEN, OFFLINE_REASON, UNVERIFIED
from gelt_audit.markup import Link
from gelt_audit.store import Codec, body_row, content_hash, train_dictionary, utcnow

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


class StorePipeline:
    """Snapshots in batches; bodies once per distinct content; links once per (page, body)."""

    batch_size = 200
    # A site's first crawl trains its compression dictionary on its first bodies: until this many
    # are in hand (or the crawl ends) nothing is written, so bodies and snapshots stay together.
    train_samples = 200

    def __init__(self, crawler: Crawler, site_url: str, hosts: tuple[str, ...]):
        self.crawler = crawler
        self.site_url = site_url
        self.hosts = hosts
        self.write_error: Exception | None = None
        self.bodies: list[dict] = []
        self.snapshots: list[dict] = []
        self.links: list[dict] = []
        self.cuts: list[dict] = []
        self.checks: list[dict] = []
        # External checks that reached no server, held until the crawl ends (settle_unreachable),
        # and whether any external server answered this crawl.
        self.unreachable: list[LinkCheckItem] = []
        self.external_answered = False
        self.bodies_seen: set[str] = set()
        self.links_seen: set[tuple[str, str]] = set()
        self.header_ids: dict[str, int] = {}
        self.new_pages: dict[str, int] = {}  # URL -> stand-in id, until written (_page_id)
        self.stand_ins_used = 0
        self.codec: Codec | None = None
        # Depths at which URLs were met outside this process (distributed: Redis's smallest per
        # URL, set by the coordinator), starting points of the depths settled at the close.
        self.depths_met: dict[str, int] = {}
        # Sitemap lastmods read outside this process (distributed: every worker's, newest per URL, from
        # Redis, set by the coordinator), settled with the spider's own at the close (settle_lastmods).
        self.lastmods_met: dict[str, str] = {}
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        settings = crawler.settings
        return cls(crawler, settings["GELT_SITE_URL"], tuple(settings.getlist("GELT_HOSTS")))

    def open_spider(self) -> None:
        # The spider's store: one SQLite connection per crawl, shared by its reads and these writes.
        self.store = self.crawler.spider.store
        self.crawl_id = self.store.start_crawl(self.site_url, os.getpid())
        self.crawler.stats.set_value("gelt/crawl_id", self.crawl_id)
        self.crawler.stats.set_value("gelt/gc_frozen", gc.get_freeze_count())  # crawler/run: long_lived_frozen
        self.page_ids = self.store.page_ids(self.hosts)
        self.codec = self.store.site_codec(self.site_url)

    def _page_id(self, url: str) -> int:
        """The page's id; for a URL new to the store, a negative stand-in until its batch is
        written (its row of ``pages`` goes in with the batch: one commit per batch, not per page)."""
        pid = self.page_ids.get(url)
        if pid is None:
            pid = self.new_pages.get(url)
            if pid is None:
                pid = self.new_pages[url] = -(len(self.new_pages) + 1 + self.stand_ins_used)
        return pid

    def process_item(self, item: SnapshotItem | LinkCheckItem | TlsItem) -> dict[str, Any]:
        if isinstance(item, TlsItem):
            return self._tls(item)
        if isinstance(item, LinkCheckItem):
            return self._link_check(item)
        return self._snapshot(item)

    def _tls(self, item: TlsItem) -> dict[str, Any]:
        row = {f.name: getattr(item, f.name) for f in fields(item) if f.name != "error"}
        self.store.add_tls({**row, "crawl_id": self.crawl_id, "names": json.dumps(item.names or [])})
        return {"host": item.host}

    def _link_check(self, item: LinkCheckItem) -> dict[str, Any]:
        if item.unreachable:
            self.unreachable.append(item)
            return {"url": item.url, "state": item.state}
        if item.status is not None and not item.cached:
            self.external_answered = True
        self._add_check(item)
        return {"url": item.url, "state": item.state}

    def _add_check(self, item: LinkCheckItem) -> None:
        row = {f.name: getattr(item, f.name) for f in fields(item) if f.name != "unreachable"}
        self.checks.append({**row, "crawl_id": self.crawl_id, "chain": json.dumps(item.chain)})

    def settle_unreachable(self) -> None:
        """The external checks that reached no server, got no answer in time, or got a proxy's
        502/503/504 (a proxy answers them by itself when it reaches nothing): broken links when
        other external servers answered this crawl (that host is gone, silent or failing);
        unverified when none did: this machine could not reach the network (offline, behind a
        firewall that drops its packets, or behind a proxy with no way out), and that says nothing
        about the links. The checks the auditor's proxy refused by its own rules stay unverified
        either way: the server was never asked."""
        if not self.unreachable:
            return
        offline = not self.external_answered
        stats = self.crawler.stats
        for item in self.unreachable:
            if offline and item.state == BROKEN:
                # held with a status: a proxy's own 502/503/504 (linkcheck.PROXY_GATEWAY_STATUSES)
                why = item.error if item.status is None else f"el proxy respondió {item.error}"
                item.state, item.error = UNVERIFIED, f"{OFFLINE_REASON} ({why})"
                stats.inc_value(f"gelt/links_{BROKEN}", -1)
                stats.inc_value(f"gelt/links_{UNVERIFIED}")
            elif item.state == UNVERIFIED:  # the auditor's proxy refused it (linkcheck._proxy_refusal)
                item.error = f"{OFFLINE_REASON} ({item.error})" if offline else f"sin verificar: {item.error}"
            self._add_check(item)
        if offline:
            stats.set_value("gelt/links_offline", 1)
            logger.warning(
                "Ningún servidor externo respondió en este rastreo: los %s enlaces externos que no se pudieron "
                "consultar quedan sin verificar (no rotos)",
                len(self.unreachable),
            )
        self.unreachable = []

    def _snapshot(self, item: SnapshotItem) -> dict[str, Any]:
        page_id = self._page_id(item.url)
        body_hash = item.body_hash
        if item.body is not None:
            body_hash = content_hash(item.body)
            if body_hash not in self.bodies_seen and not self.store.has_body(body_hash):
                row = {
                    "hash": body_hash,
                    "content": item.body,
                    "size": len(item.body),
                    "encoding": item.encoding,
                    "title": item.title,
                    "main_text": item.main_text,
                    "main_hash": item.main_hash,
                    "noise": json.dumps(item.noise or {}, ensure_ascii=False),
                    "dates": json.dumps(item.dates or []),
                }
                # Compressed now when the site's dictionary is known (a batch of raw bodies and
                # main texts held ~8 MB more, H179); until it is trained, at flush time.
                self.bodies.append(row if self.codec is None else _compressed(row, self.codec))
            self.bodies_seen.add(body_hash)
        if item.links is not None and body_hash is not None:
            self._add_links(page_id, item.url, body_hash, item.links, item.links_found)
        status = item.status
        self.snapshots.append(
            {
                "crawl_id": self.crawl_id,
                "page_id": page_id,
                "fetched_at": utcnow(),
                "kind": item.kind,
                "status": status,
                "content_type": item.content_type,
                "size": item.size,
                "elapsed_ms": item.elapsed_ms,
                "etag": item.etag,
                "last_modified": item.last_modified,
                "body_hash": body_hash,
                "not_modified": item.not_modified,
                "location": item.location,
                "depth": item.depth,
                # where the link was found matters only when following it failed or redirected
                "referer": None if 200 <= (status or 0) < 300 else item.referer,
                "sitemap_lastmod": item.sitemap_lastmod,
                "error": item.error,
                "headers_id": self._headers_id(item.security_headers),
            }
        )
        if len(self.snapshots) >= self.batch_size:
            self.flush()
        # Scrapy logs returned items; keep the record small, the store has the rest.
        return {"url": item.url, "status": status}

    def _add_links(self, page_id: int, url: str, body_hash: str, links: list[Link], found: int | None = None) -> None:
        key = (url, body_hash)  # the URL, not the id: a new page's stand-in id changes when written
        # a page new to the store has no links stored yet
        if key not in self.links_seen and (page_id < 0 or not self.store.has_links(page_id, body_hash)):
            if found is not None and found > len(links):
                self.cuts.append({"page_id": page_id, "body_hash": body_hash, "found": found, "kept": len(links)})
            self.links.extend(
                {
                    "page_id": page_id,
                    "body_hash": body_hash,
                    "url": link.url,
                    "text": link.text,
                    "tag": link.tag,
                    "attr": link.attr,
                    "rel": link.rel,
                    "line": link.line,
                }
                for link in links
            )
        self.links_seen.add(key)

    def _headers_id(self, headers: dict[str, str] | None) -> int | None:
        if not headers:
            return None
        key = json.dumps(headers, sort_keys=True)
        if key not in self.header_ids:
            self.header_ids[key] = self.store.header_set_id(headers)
        return self.header_ids[key]

    def _resolve_codec(self, final: bool) -> bool:
        """Whether the codec is known; on a site's first crawl, trains and keeps its dictionary
        once train_samples bodies are in hand (or at the end, with what there is)."""
        if self.codec is not None:
            return True
        if len(self.bodies) < self.train_samples and not final:
            return False
        samples = [row["content"] for row in self.bodies]
        dictionary = train_dictionary(samples)
        if dictionary is None:  # too few pages to learn from: plain zstd, a later crawl trains one
            self.codec = Codec()
            return True
        self.codec = self.store.add_dictionary(self.site_url, dictionary, len(samples))
        return True

    def flush(self, final: bool = False) -> None:
        try:
            if not self._resolve_codec(final):
                return  # held (bounded by train_samples bodies) until the dictionary is trained
        except Exception as exc:  # the dictionary could not be kept: plain zstd, still readable
            logger.warning("No se pudo guardar el diccionario de compresión del sitio: %s", exc)
            self.codec = Codec()
        try:
            codec = self.codec
            self.bodies = [row if "main_z" in row else _compressed(row, codec) for row in self.bodies]
            pages = {stand_in: url for url, stand_in in self.new_pages.items()}
            ids = self.store.write_batch(
                self.bodies, self.snapshots, self.links, self.checks, self.cuts, pages, self.crawl_id
            )
            for url, stand_in in self.new_pages.items():
                self.page_ids[url] = ids[stand_in]
        except Exception as exc:  # disk full, I/O error: this batch is lost, and so is the crawl
            self.write_error = self.write_error or exc
            logger.error("No se pudo guardar un lote del rastreo %s: %s", self.crawl_id, exc)
        finally:
            self.bodies, self.snapshots, self.links, self.checks, self.cuts = [], [], [], [], []
            # stand-ins are never reused: a lost batch's rows must not lend theirs to later pages
            self.stand_ins_used += len(self.new_pages)
            self.new_pages = {}

    def close_spider(self) -> None:
        self.settle_unreachable()
        self.flush(final=True)
        self.settle_depths()
        self.settle_lastmods()

    def settle_lastmods(self) -> None:
        """The sitemap's lastmod of each page a link reached first, on the page's snapshots of this crawl.

        The spider keeps them (SiteSpider.keep_lastmod): the page's request carried none. The newest
        date a sitemap gives a URL is kept, whichever request was answered first.
        """
        lastmods = dict(getattr(self.crawler.spider, "sitemap_lastmods", None) or {})
        for url, lastmod in self.lastmods_met.items():
            if lastmod > lastmods.get(url, ""):
                lastmods[url] = lastmod
        if not lastmods:
            return
        rows = [(lastmod, self.crawl_id, url, lastmod) for url, lastmod in lastmods.items()]
        try:
            with self.store.db.conn as conn:
                conn.executemany(
                    "update snapshots set sitemap_lastmod = ? where crawl_id = ? "
                    "and page_id = (select id from pages where url = ?) "
                    "and (sitemap_lastmod is null or sitemap_lastmod < ?)",
                    rows,
                )
        except Exception as exc:  # the pages keep what their requests carried: none for these
            logger.warning("No se pudieron guardar las fechas del sitemap del rastreo %s: %s", self.crawl_id, exc)

    def settle_depths(self) -> None:
        """Each snapshot's depth becomes its shortest click path from the home page (crawler/depths.py)."""
        # starting points besides the snapshots' own depths: what this process's spider met after
        # writing a page (a sitemap's 1 read late) and, distributed, what the other workers met
        met = dict(getattr(self.crawler.spider, "met", None) or {})
        for url, depth in self.depths_met.items():
            met[url] = min(depth, met.get(url, depth))
        try:
            changed = settle_depths(
                self.store, self.crawl_id, self.crawler.settings.getlist("GELT_SESSION_PARAMS"), met
            )
        except Exception as exc:  # the depths met stay: a path the crawl walked, maybe not the shortest
            logger.warning("No se pudieron calcular las profundidades del rastreo %s: %s", self.crawl_id, exc)
            return
        self.crawler.stats.set_value("gelt/depths_settled", changed)

    def _lost_pages(self, reason: str, limited: bool) -> tuple[int, int]:
        """(pages of the last finished crawl, how many of them this crawl never reached)."""
        if reason != "finished" or limited or self.write_error is not None:
            return 0, 0
        if self.crawler.settings.getbool("GELT_ACCEPT_LOST_PAGES"):  # crawl --accept-lost-pages
            return 0, 0
        try:
            self.flush(final=True)
            seen, lost = self.store.pages_lost(self.crawl_id, self.site_url)
        except Exception as exc:  # counting is advice: a failure here must not fail the crawl
            logger.warning("No se pudieron contar las páginas perdidas del rastreo %s: %s", self.crawl_id, exc)
            return 0, 0
        # Pages the config now excludes were left out on purpose, not lost.
        excluded = [re.compile(p) for p in self.crawler.settings.getlist("GELT_EXCLUDE")]
        return seen, sum(1 for url in lost if not any(p.search(url) for p in excluded))

    def spider_closed(self, spider: Any, reason: str) -> None:
        """Finish the crawl row: only a crawl that saw the site to its end counts for reports."""
        if not hasattr(self, "crawl_id"):
            return
        stats = self.crawler.stats
        limited = bool(stats.get_value("gelt/max_pages_skipped"))
        previous, lost = self._lost_pages(reason, limited)
        counts = CrawlCounts(
            reason=reason,
            write_error=None if self.write_error is None else str(self.write_error),
            home_error=spider.home_error,
            network_errors=stats.get_value("gelt/network_errors", 0),
            pages=stats.get_value("gelt/pages", 0),
            blocked=stats.get_value("gelt/blocked", 0),
            previous_pages=previous,
            lost=lost,
            limited=limited,
            seen=stats.get_value("gelt/seen", 0),
        )
        found = verdict(counts, spider.last_network_error)
        status, error = found.status, found.error
        if found.site_unreachable:
            stats.set_value("gelt/site_unreachable", 1)
        try:
            self.store.finish_crawl(self.crawl_id, status, error, limited)
        except Exception as exc:  # the row stays 'running': the next crawl marks it interrupted
            logger.error("No se pudo cerrar el rastreo %s: %s", self.crawl_id, exc)
            status = "failed"
        self.crawler.stats.set_value("gelt/crawl_status", status)
        self.crawler.stats.set_value("gelt/finished_at", utcnow())


def _compressed(row: dict[str, Any], codec: Codec) -> dict[str, Any]:
    """A bodies row as the store keeps it (store.body_row): content and main text compressed."""
    return body_row(row.pop("content"), row.pop("main_text"), codec, **row)
