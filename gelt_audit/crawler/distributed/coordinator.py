"""The coordinator: seeds each site into Redis, writes the workers' results, closes each crawl."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import zlib
from collections import deque
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import redis
import scrapy
from scrapy.settings import Settings
from scrapy.signalmanager import SignalManager
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.queue import PriorityQueue

import gelt_audit.crawler.distributed.protocol as protocol  # also the queue's serializer module
from gelt_audit.config import Config
from gelt_audit.crawler.distributed.components import WorkerSiteSpider
from gelt_audit.crawler.distributed.protocol import IDLE, NAMESPACE, REQUEUE, RESULTS_BATCH, Keys, SharedSite, connect
from gelt_audit.crawler.items import SnapshotItem
from gelt_audit.crawler.pipelines import StorePipeline
from gelt_audit.crawler.run import CrawlPlan, CrawlResult
from gelt_audit.crawler.settings import settings_for
from gelt_audit.crawler.spiders.site import SiteSpider, home_problem
from gelt_audit.errors import EXIT_ERROR, CommandError
from gelt_audit.store import Store

log = logging.getLogger("gelt_audit.distributed")


class _Stats:
    """The stats collector interface StorePipeline uses, for a crawl that runs in other processes."""

    def __init__(self) -> None:
        self.values: dict[str, Any] = {}

    def get_value(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def set_value(self, key: str, value: Any) -> None:
        self.values[key] = value

    def inc_value(self, key: str, count: int = 1, start: int = 0) -> None:
        self.values[key] = self.values.get(key, start) + count

    def get_stats(self) -> dict[str, Any]:
        return self.values


class _SiteHost:
    """What StorePipeline needs from a crawler and its spider, in the coordinator."""

    def __init__(self, store: Store, site_settings: dict[str, Any]):
        self.signals = SignalManager()
        self.stats = _Stats()
        self.settings = Settings(site_settings)
        self.spider = self  # StorePipeline reads spider.store, spider.home_error and spider.last_network_error
        self.store = store
        self.home_error: str | None = None
        self.last_network_error: str | None = None


class SiteRun:
    """One site's crawl, driven from the coordinator."""

    def __init__(self, site: Any, cfg: Config, store: Store):
        self.site = site
        self.cfg = cfg
        self.settings = settings_for(cfg)
        self.host = _SiteHost(store, self.settings)
        self.pipeline = StorePipeline.from_crawler(self.host)  # type: ignore[arg-type]
        self.pipeline.open_spider()
        self.crawl_id: int = self.pipeline.crawl_id
        self.k = str(self.crawl_id)
        self.started = time.monotonic()
        self.start_url = cfg.site_url.split("#", 1)[0]

    def process(self, item: Any) -> None:
        if isinstance(item, SnapshotItem) and item.url == self.start_url and self.host.home_error is None:
            # as SiteSpider.parse_page and page_error judge the home page in one process
            if item.kind == "error":
                self.host.home_error = f"el sitio no respondió: {item.error}"
            elif item.status:
                location = item.location.encode("latin-1", "replace") if item.location else None
                self.host.home_error = home_problem(self.start_url, item.status, location)
        self.pipeline.process_item(item)

    def finish(self, reason: str, limited: bool) -> None:
        if limited:
            self.host.stats.set_value("gelt/max_pages_skipped", 1)
        self.pipeline.close_spider()
        self.pipeline.spider_closed(self.host, reason)


# -- publishing what workers need ---------------------------------------------------------------
def publish_link_cache(server: redis.Redis, keys: Keys, store: Store) -> None:
    """The store's external-link cache, for every worker's checks."""
    cache = store.link_cache()
    pipe = server.pipeline(transaction=False)
    pipe.delete(keys.linkcache)
    for n, (url, row) in enumerate(cache.items(), 1):
        pipe.hset(keys.linkcache, url, protocol.dumps(row))
        if n % 1000 == 0:
            pipe.execute()
    pipe.execute()


def publish_site(server: redis.Redis, keys: Keys, store: Store, run: SiteRun) -> None:
    """Validators, stored links and last crawl's query variants of one site, then its settings."""
    k = run.k
    previous = store.validators(set(run.cfg.hosts))
    max_variants = run.settings["GELT_MAX_QUERY_VARIANTS"]
    pipe = server.pipeline(transaction=False)
    variants: dict[str, set[str]] = {}
    for n, (url, known) in enumerate(previous.items(), 1):
        pipe.hset(keys.of(k, "validators"), url, protocol.dumps(known))
        links = store.links(known["page_id"], known["body_hash"])
        if links:
            pipe.hset(
                keys.of(k, "links"), f"{known['page_id']}:{known['body_hash']}", zlib.compress(protocol.dumps(links))
            )
        parts = urlsplit(url)
        # As SiteSpider._seed_variants: the same query variants as last time, most recent first.
        if parts.query:
            seen = variants.setdefault(f"{parts.netloc}{parts.path}", set())
            if len(seen) < max_variants:
                seen.add(parts.query)
        if n % 500 == 0:
            pipe.execute()
    for path, queries in variants.items():
        pipe.sadd(keys.of(k, "v:" + path), *queries)
    # A worker never opens the store: it gets the site's settings without the store's path.
    worker_settings = {name: value for name, value in run.settings.items() if name != "GELT_STORE"}
    pipe.set(keys.site(k), protocol.dumps({"k": k, "settings": worker_settings}))
    pipe.execute()


def seed(server: redis.Redis, keys: Keys, run: SiteRun) -> int:
    """The spider's start requests, through scrapy-redis's queue and duplicate filter."""
    spider = WorkerSiteSpider(shared=SharedSite(server, keys, run.k))
    spider.setup(Settings(protocol.loads(server.get(keys.site(run.k)))["settings"]))

    async def collect() -> list[scrapy.Request]:
        return [r async for r in SiteSpider.start(spider)]

    requests = asyncio.run(collect())
    queue = PriorityQueue(server, spider, keys.of(run.k, "requests"), serializer=protocol)
    dupefilter = RFPDupeFilter(server, keys.of(run.k, "dupefilter"))
    count = 0
    for request in requests:
        if request.dont_filter or not dupefilter.request_seen(request):
            queue.push(request)
            count += 1
    return count


class Coordinator:
    """Seeds sites into Redis, writes their results into the store, closes each crawl on its own."""

    def __init__(self, plan: CrawlPlan, server: redis.Redis, ns: str = NAMESPACE, poll: float = 0.05):
        self.plan = plan
        self.server = server
        self.keys = Keys(ns)
        self.poll = poll
        self.store = Store(plan.store_path)
        self.runs: dict[str, SiteRun] = {}
        self.results: list[CrawlResult] = []
        self.on_done: Callable[[CrawlResult], None] | None = None
        self._requeue = server.register_script(REQUEUE)
        self._idle = server.register_script(IDLE)

    def start(self, site: Any, cfg: Config) -> None:
        run = SiteRun(site, cfg, self.store)
        publish_site(self.server, self.keys, self.store, run)
        count = seed(self.server, self.keys, run)
        self.server.sadd(self.keys.active, run.k)
        self.runs[run.k] = run
        log.info("Sitio %s sembrado en Redis (rastreo %s, %s peticiones iniciales)", cfg.site_url, run.crawl_id, count)

    # -- results and end of crawls ---------------------------------------------------------------
    def drain(self) -> int:
        """Write every result waiting in Redis into the store; return how many."""
        total = 0
        while True:
            batch = self.server.lpop(self.keys.results, RESULTS_BATCH)
            if not batch:
                return total
            for raw in batch:
                message = protocol.loads(raw)
                run = self.runs.get(message["k"])
                if run is None:
                    log.warning("Resultado de un rastreo que ya no está activo (%s); se descarta", message["k"])
                    continue
                run.process(message["item"])
            total += len(batch)

    def requeue_dead(self) -> None:
        """Put the in-flight requests of workers whose heartbeat expired back in their queues."""
        for run in self.runs.values():
            inflight = self.keys.of(run.k, "inflight")
            tokens = [t.decode() for t in self.server.hkeys(inflight)]
            workers = {t.rsplit("#", 1)[0] for t in tokens}
            dead = {w for w in workers if not self.server.exists(self.keys.worker(w))}
            if not dead:
                continue
            moved = sum(
                self._requeue(keys=[self.keys.of(run.k, "requests"), inflight], args=[t])
                for t in tokens
                if t.rsplit("#", 1)[0] in dead
            )
            for host in run.cfg.hosts:  # and free the leases they held on the site
                lease = self.keys.lease(host)
                stale = [m for m in self.server.zrange(lease, 0, -1) if m.decode().rsplit("#", 1)[0] in dead]
                if stale:
                    self.server.zrem(lease, *stale)
            if moved:
                self.server.incrby(self.keys.requeued, moved)
                log.warning(
                    "Trabajador(es) sin señal de vida: %s; %s petición(es) de %s vuelven a la cola",
                    ", ".join(sorted(dead)), moved, run.cfg.site_url,
                )  # fmt: skip

    def check_runs(self) -> None:
        """Finish each site with nothing queued or in flight, or past the plan's site timeout."""
        self.requeue_dead()
        timeout = self.plan.site_timeout
        for run in list(self.runs.values()):
            if self._idle(keys=[self.keys.of(run.k, "requests"), self.keys.of(run.k, "inflight")]) == 1:
                self.drain()  # results are pushed before acknowledgement: all are here now
                self.finish(run, "finished")
            elif timeout and time.monotonic() - run.started > timeout:
                self.drain()
                self.finish(run, "closespider_timeout")

    def finish(self, run: SiteRun, reason: str) -> None:
        limited = bool(self.server.exists(self.keys.of(run.k, "limited")))
        self.server.srem(self.keys.active, run.k)
        run.finish(reason, limited)
        self.cleanup(run.k)
        del self.runs[run.k]
        row = self.store.crawl(run.crawl_id)
        stats = run.host.stats.get_stats()
        result = CrawlResult(
            site=run.site, crawl_id=run.crawl_id, status=row.status,
            site_unreachable=bool(stats.get("gelt/site_unreachable")),
            pages=row.pages, errors=row.errors, error=row.error, stats=stats,
        )  # fmt: skip
        self.results.append(result)
        if self.on_done:
            self.on_done(result)

    def cleanup(self, k: str) -> None:
        names = [self.keys.site(k)]
        for key in self.server.scan_iter(match=f"{self.keys.ns}:{k}:*", count=1000):
            names.append(key)
        for i in range(0, len(names), 500):
            self.server.delete(*names[i : i + 500])

    def run(self, on_done: Callable[[CrawlResult], None] | None = None) -> list[CrawlResult]:
        """Crawl the plan's sites, ``max_at_once`` at a time; return how each ended."""
        self.on_done = on_done
        if self.plan.register is not None:
            self.plan.register(self.store)
        publish_link_cache(self.server, self.keys, self.store)
        pending = deque(self.plan.sites)
        last_check = 0.0
        try:
            while pending or self.runs:
                while pending and len(self.runs) < self.plan.max_at_once:
                    self.start(*pending.popleft())
                drained = self.drain()
                if time.monotonic() - last_check >= 0.25:
                    last_check = time.monotonic()
                    self.check_runs()
                if not drained:
                    time.sleep(self.poll)
        except BaseException:
            # Ctrl-C or a crash: what was written stays, the crawls are marked interrupted.
            for run in list(self.runs.values()):
                with contextlib.suppress(Exception):
                    self.finish(run, "shutdown")
            raise
        finally:
            self.store.close()
        return self.results


def crawl_distributed(
    plan: CrawlPlan, redis_url: str, on_done: Callable[[CrawlResult], None] | None = None, ns: str = NAMESPACE
) -> list[CrawlResult]:
    """Crawl the plan's sites through Redis workers; this process alone writes the store."""
    try:
        server = connect(redis_url)
    except ConnectionError as exc:
        raise CommandError(str(exc), EXIT_ERROR) from None
    return Coordinator(plan, server, ns).run(on_done)
