"""Item pipeline: write each crawled response into the store as a snapshot."""

from __future__ import annotations

import json
import logging
import os
from typing import TYPE_CHECKING, Any

from scrapy import signals

from gelt_audit.store import compress, content_hash, utcnow

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


class StorePipeline:
    """Snapshots in batches; bodies once per distinct content; links once per (page, body)."""

    batch_size = 200

    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.write_error: Exception | None = None
        self.bodies: list[dict] = []
        self.snapshots: list[dict] = []
        self.links: list[dict] = []
        self.checks: list[dict] = []
        self.bodies_seen: set[str] = set()
        self.links_seen: set[tuple[int, str]] = set()
        self.header_ids: dict[str, int] = {}
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        return cls(crawler)

    def open_spider(self) -> None:
        spider = self.crawler.spider
        self.store = spider.store
        self.crawl_id = self.store.start_crawl(spider.cfg.site_url, os.getpid())
        self.crawler.stats.set_value("gelt/crawl_id", self.crawl_id)
        self.page_ids = self.store.page_ids(spider.cfg.hosts)

    def _page_id(self, url: str) -> int:
        pid = self.page_ids.get(url)
        if pid is None:
            pid = self.page_ids[url] = self.store.add_page(url, self.crawl_id)
        return pid

    def process_item(self, item: dict[str, Any]) -> dict[str, Any]:
        if item.get("type") == "tls":
            row = {k: v for k, v in item.items() if k not in ("type", "error")}
            self.store.add_tls({**row, "crawl_id": self.crawl_id, "names": json.dumps(row.get("names") or [])})
            return {"host": item["host"]}
        if item.get("type") == "link_check":
            self.checks.append({**item, "crawl_id": self.crawl_id, "chain": json.dumps(item["chain"])})
            self.checks[-1].pop("type")
            return {"url": item["url"], "state": item["state"]}
        page_id = self._page_id(item["url"])
        body = item.pop("body", None)
        links = item.pop("links", None)
        body_hash = item.get("body_hash")
        if body is not None:
            body_hash = content_hash(body)
            if body_hash not in self.bodies_seen and not self.store.has_body(body_hash):
                self.bodies.append(
                    {
                        "hash": body_hash,
                        "content": compress(body),
                        "size": len(body),
                        "encoding": item.get("encoding"),
                        "title": item.get("title"),
                        "main_text": item.get("main_text"),
                        "main_hash": item.get("main_hash"),
                        "noise": json.dumps(item.get("noise") or {}, ensure_ascii=False),
                        "dates": json.dumps(item.get("dates") or []),
                    }
                )
            self.bodies_seen.add(body_hash)
        if links is not None and body_hash is not None:
            key = (page_id, body_hash)
            if key not in self.links_seen and not self.store.has_links(page_id, body_hash):
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
        self.snapshots.append(
            {
                "crawl_id": self.crawl_id,
                "page_id": page_id,
                "fetched_at": utcnow(),
                "kind": item.get("kind", "page"),
                "status": item.get("status"),
                "content_type": item.get("content_type"),
                "size": item.get("size"),
                "elapsed_ms": item.get("elapsed_ms"),
                "etag": item.get("etag"),
                "last_modified": item.get("last_modified"),
                "body_hash": body_hash,
                "not_modified": item.get("not_modified", 0),
                "location": item.get("location"),
                "depth": item.get("depth"),
                # where the link was found matters only when following it failed or redirected
                "referer": None if 200 <= (item.get("status") or 0) < 300 else item.get("referer"),
                "sitemap_lastmod": item.get("sitemap_lastmod"),
                "error": item.get("error"),
                "headers_id": self._headers_id(item.get("security_headers")),
            }
        )
        if len(self.snapshots) >= self.batch_size:
            self.flush()
        # Scrapy logs returned items; keep the record small, the store has the rest.
        return {"url": item["url"], "status": item.get("status")}

    def _headers_id(self, headers: dict[str, str] | None) -> int | None:
        if not headers:
            return None
        key = json.dumps(headers, sort_keys=True)
        if key not in self.header_ids:
            self.header_ids[key] = self.store.header_set_id(headers)
        return self.header_ids[key]

    def flush(self) -> None:
        try:
            self.store.write_batch(self.bodies, self.snapshots, self.links, self.checks)
        except Exception as exc:  # disk full, I/O error: this batch is lost, and so is the crawl
            self.write_error = self.write_error or exc
            logger.error("No se pudo guardar un lote del rastreo %s: %s", self.crawl_id, exc)
        finally:
            self.bodies, self.snapshots, self.links, self.checks = [], [], [], []

    def close_spider(self) -> None:
        self.flush()

    def spider_closed(self, spider: Any, reason: str) -> None:
        """Finish the crawl row: only a crawl that ran to its end counts for reports."""
        if not hasattr(self, "crawl_id"):
            return
        stats = self.crawler.stats
        down = stats.get_value("gelt/network_errors", 0)
        answered = stats.get_value("gelt/pages", 0) - down
        if self.write_error is not None:
            status, error = "failed", f"no se pudieron guardar los resultados en el almacén: {self.write_error}"
        elif reason == "finished" and spider.home_error:
            status, error = "failed", f"sitio inaccesible: {spider.home_error}"
            self.crawler.stats.set_value("gelt/site_unreachable", 1)
        elif reason == "finished" and down >= 3 and down >= answered:
            # Most of the site stopped answering half-way: not a snapshot of the site.
            status = "failed"
            error = (
                f"el sitio dejó de responder durante el rastreo: {down} de {down + answered} solicitudes "
                f"sin respuesta (la última: {spider.last_network_error})"
            )
            stats.set_value("gelt/site_unreachable", 1)
        elif reason == "finished":
            status, error = "finished", None
        elif reason == "shutdown":
            status, error = "interrupted", "rastreo detenido antes de terminar"
        else:
            status, error = "failed", f"rastreo terminado por: {reason}"
        limited = bool(self.crawler.stats.get_value("gelt/max_pages_skipped"))
        try:
            self.store.finish_crawl(self.crawl_id, status, error, limited)
        except Exception as exc:  # the row stays 'running': the next crawl marks it interrupted
            logger.error("No se pudo cerrar el rastreo %s: %s", self.crawl_id, exc)
            status = "failed"
        self.crawler.stats.set_value("gelt/crawl_status", status)
        self.crawler.stats.set_value("gelt/finished_at", utcnow())
