"""The coordinator: seeds each site into Redis, writes the workers' results, closes each crawl."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import signal
import sys
import threading
import time
import uuid
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
from gelt_audit.crawler.distributed.components import WorkerSiteSpider, claim_and_push
from gelt_audit.crawler.distributed.protocol import (
    COORDINATOR_TTL,
    IDLE,
    NAMESPACE,
    RENEW,
    REQUEUE,
    RESULTS_BATCH,
    Keys,
    SharedSite,
    connect,
)  # fmt: skip
from gelt_audit.crawler.items import LinkCheckItem, SnapshotItem
from gelt_audit.crawler.pipelines import StorePipeline
from gelt_audit.crawler.run import CrawlPlan, CrawlResult
from gelt_audit.crawler.settings import settings_for
from gelt_audit.crawler.spiders.site import SiteSpider
from gelt_audit.crawler.verdict import home_problem, is_seen
from gelt_audit.errors import EXIT_CRAWL_FAILED, EXIT_LOCKED, CommandError
from gelt_audit.store import Store

log = logging.getLogger("gelt_audit.distributed")

TOO_BIG = "la respuesta supera el tamaño máximo"  # crawler.errors.describe_failure: not a network error


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

    def __init__(self, site: Any, cfg: Config, store: Store, run_id: str):
        self.site = site
        self.cfg = cfg
        self.settings = settings_for(cfg)
        self.host = _SiteHost(store, self.settings)
        self.pipeline = StorePipeline.from_crawler(self.host)  # type: ignore[arg-type]
        self.pipeline.open_spider()
        self.crawl_id: int = self.pipeline.crawl_id
        self.k = f"{run_id}:{self.crawl_id}"
        self.started = time.monotonic()
        self.start_url = cfg.site_url.split("#", 1)[0]
        # What arrived, to write each result once (a request put back after a worker died is
        # answered twice) and to check at the end that every claimed URL produced a result.
        self.received: set[str] = set()
        self.checks: set[str] = set()
        self.certificates: set[str] = set()
        self.duplicates = 0
        self.closed = False

    def first(self, item: Any) -> bool:
        """Whether this result is the first of its URL (check, host) in this crawl."""
        seen, key = (
            (self.received, item.url) if isinstance(item, SnapshotItem)
            else (self.checks, item.url) if isinstance(item, LinkCheckItem)
            else (self.certificates, item.host)
        )  # fmt: skip
        if key in seen:
            self.duplicates += 1
            return False
        seen.add(key)
        return True

    def count(self, item: SnapshotItem) -> None:
        """The counters SiteSpider keeps in one process, from the workers' results (for the verdict)."""
        stats = self.host.stats
        stats.inc_value("gelt/pages")
        if item.status >= 400 or item.status == 0:
            stats.inc_value("gelt/errors")
        if item.status in (403, 429):
            stats.inc_value("gelt/blocked")
        if item.kind == "error" and not (item.error or "").startswith(TOO_BIG):
            stats.inc_value("gelt/network_errors")
            self.host.last_network_error = item.error
        if item.not_modified:
            stats.inc_value("gelt/not_modified")
        if is_seen(item.kind, item.status):
            stats.inc_value("gelt/seen")
        if item.url == self.start_url and self.host.home_error is None:
            # as SiteSpider.parse_page and page_error judge the home page in one process
            if item.kind == "error":
                self.host.home_error = f"el sitio no respondió: {item.error}"
            elif item.status:
                location = item.location.encode("latin-1", "replace") if item.location else None
                self.host.home_error = home_problem(self.start_url, item.status, location)

    def process(self, item: Any) -> None:
        if not self.first(item):
            return
        if isinstance(item, SnapshotItem):
            self.count(item)
        self.pipeline.process_item(item)

    def finish(self, reason: str, state: dict[str, Any]) -> None:
        """Close the crawl row; ``state`` is what Redis holds of the crawl (empty without Redis)."""
        if self.closed:
            return
        self.closed = True
        limited = bool(state.get("limited"))
        if limited:
            self.host.stats.set_value("gelt/max_pages_skipped", 1)
        if state.get("home_error") and self.host.home_error is None:
            self.host.home_error = state["home_error"]
        self.pipeline.depths_met = state.get("depth", {})  # a sitemap's 1 the fetching worker did not see
        self.pipeline.lastmods_met = state.get("lastmod", {})  # a sitemap's lastmod of a page another worker got
        self.pipeline.close_spider()
        self.pipeline.spider_closed(self.host, reason)
        missing = sorted(set(state.get("expect", ())) - self.received - set(state.get("ignored", ())))
        why = state.get("why") or (
            f"rastreo distribuido incompleto: {len(missing)} dirección(es) reclamada(s) sin resultado "
            f"(p. ej. {missing[0]}); no se usa como base, el próximo rastreo lo reemplaza"
            if missing and reason == "finished" else None
        )  # fmt: skip
        if why:
            log.error("Rastreo %s: %s", self.crawl_id, why)
            self.host.store.finish_crawl(self.crawl_id, "interrupted", why, limited)
            self.host.stats.set_value("gelt/crawl_status", "interrupted")
        if self.duplicates:
            self.host.stats.set_value("gelt/duplicates_dropped", self.duplicates)


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
    pipe.set(keys.site(k), protocol.dumps({"k": k, "version": protocol.VERSION, "settings": worker_settings}))
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
    return sum(
        claim_and_push(spider.shared, r, queue._encode_request, dupefilter.request_fingerprint)[0] == 1
        for r in requests
    )


class Coordinator:
    """Seeds sites into Redis, writes their results into the store, closes each crawl on its own.

    One live coordinator per namespace: it holds a lease (SET NX with a TTL it renews); its keys
    are named by its run id, so nothing of another run (a dead coordinator's leftovers, another
    store's crawl with the same id) is read as its own.
    """

    def __init__(self, plan: CrawlPlan, server: redis.Redis, ns: str = NAMESPACE, poll: float = 0.05,
                 no_workers_after: float = 30, lease: float = COORDINATOR_TTL) -> None:  # fmt: skip
        self.plan = plan
        self.server = server
        self.keys = Keys(ns)
        self.poll = poll
        self.run_id = uuid.uuid4().hex[:16]
        self.no_workers_after = no_workers_after
        self.lease = lease
        self.store = Store(plan.store_path)
        self.runs: dict[str, SiteRun] = {}
        self.results: list[CrawlResult] = []
        self.on_done: Callable[[CrawlResult], None] | None = None
        self._requeue = server.register_script(REQUEUE)
        self._idle = server.register_script(IDLE)
        self._renew = server.register_script(RENEW)
        self._without_workers = time.monotonic()
        self._warned: set[str] = set()

    # -- the lease -------------------------------------------------------------------------------
    def acquire(self) -> None:
        """Take the namespace's lease, or refuse: two coordinators on one namespace corrupt each other."""
        if not self.renew():
            holder = self.server.get(self.keys.coordinator)
            raise CommandError(
                f"Ya hay un coordinador activo en el espacio «{self.keys.ns}» de este Redis (ejecución "
                f"{holder.decode() if holder else '?'}). Espere a que termine, o use otro --namespace.",
                EXIT_LOCKED,
            )
        self.clean_stale()

    def renew(self) -> bool:
        ttl = int(self.lease * 1000)
        return self._renew(keys=[self.keys.coordinator], args=[self.run_id, ttl]) == 1

    def release(self) -> None:
        with contextlib.suppress(redis.RedisError):
            if self.server.get(self.keys.coordinator) == self.run_id.encode():
                self.server.delete(self.keys.coordinator)

    def clean_stale(self) -> None:
        """A dead run's keys (sites, queues, results): its workers drop them, nobody reads them."""
        keep = tuple(f"{self.keys.ns}:{n}" for n in ("coordinator", "worker:", "lease:", "next:", "stats:"))
        stale = [k for k in self.server.scan_iter(match=f"{self.keys.ns}:*", count=1000)
                 if not k.decode().startswith(keep)]  # fmt: skip
        for i in range(0, len(stale), 500):
            self.server.delete(*stale[i : i + 500])
        if stale:
            log.warning("Se borraron %s claves de Redis de una ejecución anterior que no terminó", len(stale))

    # -- sites ---------------------------------------------------------------------------------
    def start(self, site: Any, cfg: Config) -> None:
        run = SiteRun(site, cfg, self.store, self.run_id)
        self.runs[run.k] = run
        publish_site(self.server, self.keys, self.store, run)
        count = seed(self.server, self.keys, run)
        self.server.sadd(self.keys.active, run.k)
        log.info("Sitio %s sembrado en Redis (rastreo %s, %s peticiones iniciales)", cfg.site_url, run.crawl_id, count)

    def drain(self) -> int:
        """Write every result waiting in Redis into the store; return how many.

        Read, written, then trimmed: a connection lost in between reads them again (and the
        duplicates are dropped), where a pop whose answer was lost would lose them.
        """
        total = 0
        results = self.keys.results(self.run_id)
        while True:
            batch = self.server.lrange(results, 0, RESULTS_BATCH - 1)
            if not batch:
                return total
            for raw in batch:
                message = protocol.loads(raw)
                run = self.runs.get(message["k"])
                if run is None:
                    log.warning("Resultado de un rastreo que ya no está activo (%s); se descarta", message["k"])
                    continue
                run.process(message["item"])
            self.server.ltrim(results, len(batch), -1)
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

    def watch_workers(self) -> None:
        """Say so when no worker is connected, and when a worker refused the run (other version)."""
        if next(self.server.scan_iter(match=self.keys.worker("*"), count=1000), None) is not None:
            self._without_workers = time.monotonic()
        elif time.monotonic() - self._without_workers > self.no_workers_after and "none" not in self._warned:
            self._warned.add("none")
            self.tell(
                f"Aviso: ningún trabajador conectado a Redis (espacio «{self.keys.ns}») desde hace "
                f"{int(self.no_workers_after)} s; inicie 'gelt-audit worker --redis …' en los equipos de rastreo."
            )
        for worker, why in self.server.hgetall(self.keys.refused).items():
            if worker.decode() not in self._warned:
                self._warned.add(worker.decode())
                self.tell(f"Aviso: el trabajador {worker.decode()} no toma sitios: {why.decode()}")

    @staticmethod
    def tell(message: str) -> None:
        log.warning(message)
        print(message, file=sys.stderr, flush=True)

    def check_runs(self) -> None:
        """Finish each site with nothing queued or in flight, or past the plan's site timeout."""
        if not self.renew():
            raise LeaseLost("otro coordinador tomó este espacio de Redis")
        self.requeue_dead()
        self.watch_workers()
        timeout = self.plan.site_timeout
        for run in list(self.runs.values()):
            if not self.server.exists(self.keys.site(run.k)):
                # Redis lost the crawl (restarted without persistence, or someone purged it).
                self.drain()
                self.finish(
                    run,
                    "shutdown",
                    why="Redis perdió el estado del rastreo distribuido (¿se reinició "
                    "sin persistencia o se purgó?); no se usa como base, el próximo rastreo lo reemplaza",
                )
            elif self._idle(keys=[self.keys.of(run.k, "requests"), self.keys.of(run.k, "inflight")]) == 1:
                self.drain()  # results are pushed before acknowledgement: all are here now
                self.finish(run, "finished")
            elif timeout and time.monotonic() - run.started > timeout:
                self.drain()
                self.finish(run, "closespider_timeout")

    def state_of(self, run: SiteRun) -> dict[str, Any]:
        """What Redis holds of a crawl that the verdict and the end-of-crawl check need."""
        key = functools.partial(self.keys.of, run.k)
        return {
            "limited": self.server.exists(key("limited")),
            "home_error": (self.server.get(key("home_error")) or b"").decode() or None,
            "expect": {u.decode() for u in self.server.sscan_iter(key("expect"), count=1000)},
            "ignored": {u.decode() for u in self.server.sscan_iter(key("ignored"), count=1000)},
            "depth": {u.decode(): int(d) for u, d in self.server.hscan_iter(key("depth"), count=1000)},
            "lastmod": {u.decode(): m.decode() for u, m in self.server.hscan_iter(key("lastmod"), count=1000)},
        }

    def finish(self, run: SiteRun, reason: str, why: str | None = None, offline: bool = False) -> None:
        if offline:
            state: dict[str, Any] = {"why": why}
        else:
            self.server.srem(self.keys.active, run.k)
            state = {**self.state_of(run), "why": why}
        run.finish(reason, state)
        if not offline:
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

    def stop_all(self, why: str, offline: bool) -> None:
        """Mark every running crawl interrupted (without Redis when it is gone); what was written stays."""
        for run in list(self.runs.values()):
            try:
                self.finish(run, "shutdown", why=why, offline=offline)
            except redis.RedisError:
                self.finish(run, "shutdown", why=why, offline=True)
            except Exception:  # the others must still be closed
                log.exception("No se pudo cerrar el rastreo %s", run.crawl_id)

    def loop(self) -> None:
        pending = deque(self.plan.sites)
        last_check = 0.0
        while pending or self.runs:
            while pending and len(self.runs) < self.plan.max_at_once:
                self.start(*pending.popleft())
                self.renew()  # publishing a large site takes a while: keep the lease meanwhile
            drained = self.drain()
            if time.monotonic() - last_check >= 0.25:
                last_check = time.monotonic()
                self.check_runs()
            if not drained:
                time.sleep(self.poll)

    def run(self, on_done: Callable[[CrawlResult], None] | None = None) -> list[CrawlResult]:
        """Crawl the plan's sites, ``max_at_once`` at a time; return how each ended."""
        self.on_done = on_done
        try:
            self.acquire()
            if self.plan.register is not None:
                self.plan.register(self.store)
            publish_link_cache(self.server, self.keys, self.store)
            self.loop()
        except (redis.RedisError, LeaseLost) as exc:
            why = (
                f"se perdió la conexión con Redis y no volvió a tiempo ({exc})"
                if isinstance(exc, redis.RedisError) else f"el coordinador perdió su turno en Redis: {exc}"
            )  # fmt: skip
            self.stop_all(f"rastreo distribuido interrumpido: {why}", offline=isinstance(exc, redis.RedisError))
            raise CommandError(
                f"Rastreo distribuido interrumpido: {why}. Los rastreos en curso quedan «interrumpidos» en el "
                "almacén; el próximo rastreo los reemplaza.",
                EXIT_CRAWL_FAILED,
            ) from None
        except BaseException:
            # Ctrl-C, SIGTERM (systemd) or a crash: what was written stays, the crawls are interrupted.
            self.stop_all("rastreo detenido antes de terminar", offline=False)
            raise
        finally:
            self.release()
            self.store.close()
        return self.results


class LeaseLost(Exception):
    """Another coordinator holds this namespace now: this one must stop writing."""


def _terminate(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt  # SIGTERM (systemd stop) ends a crawl the way Ctrl-C does


def crawl_distributed(
    plan: CrawlPlan, redis_url: str, on_done: Callable[[CrawlResult], None] | None = None, ns: str = NAMESPACE,
    outage: float = 120, no_workers_after: float = 30, lease: float = COORDINATOR_TTL,
) -> list[CrawlResult]:  # fmt: skip
    """Crawl the plan's sites through Redis workers; this process alone writes the store.

    Redis commands are retried with backoff for about ``outage`` seconds; past that, the running
    crawls are marked interrupted in the store (exit 4).
    """
    server = connect(redis_url, outage)
    previous = None
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        return Coordinator(plan, server, ns, no_workers_after=no_workers_after, lease=lease).run(on_done)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
