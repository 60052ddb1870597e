"""Distributed crawling through Redis with scrapy-redis: one coordinator, many workers.

Roles
-----
- The **coordinator** (``gelt-audit crawl --redis URL``) is the only process that opens the
  SQLite store. Per site it opens the crawl row, publishes what workers need from the store
  (validators for conditional requests, the stored links of each page for the 304 path, the
  query variants crawled last time, the external-link cache), seeds the start requests into the
  site's scrapy-redis queue, consumes the results list with the normal :class:`StorePipeline`,
  and closes each site's crawl on its own when nothing is queued, in flight or unread.
- **Workers** (``gelt-audit worker --redis URL``) run the unchanged :class:`SiteSpider` logic
  (through :class:`WorkerSiteSpider`), one Scrapy crawler per active site, with scrapy-redis's
  ``Scheduler`` (shared request queue) and ``RFPDupeFilter`` (shared duplicate filter). Items go
  back as JSON on a Redis list. A worker never opens the store.

Guarantees, and how
-------------------
- Every page once: a page request is created only after an atomic claim in Redis (the site's
  seen set, page budget and query variants, the same rules SiteSpider applies in one process);
  other requests go through the shared duplicate filter; the store writes a snapshot per
  (crawl, page) with ``replace``, so a page crawled twice after a crash still leaves one row.
- A killed worker loses nothing: scrapy-redis pops destructively, so :class:`ReliableQueue` pops
  and records the request in the site's in-flight hash in one Lua script. The worker deletes the
  entry only after the response went through the spider and its items and follow-up requests are
  in Redis. Workers refresh a heartbeat key; when one expires the coordinator puts that worker's
  in-flight requests back in the queue (and frees its politeness leases).
- Politeness per site across workers: :class:`GlobalPoliteness` takes a lease per host in Redis
  before each download (at most ``concurrency`` at once, starts at least ``delay`` apart, on
  Redis's clock), so N workers are together as polite as one process.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import logging
import os
import signal
import socket
import sys
import time
import zlib
from collections import deque
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import redis
import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.utils.httpobj import urlparse_cached
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.queue import PriorityQueue
from scrapy_redis.scheduler import Scheduler

from gelt_audit.config import Config, NoiseRule
from gelt_audit.crawler.spiders.site import SiteSpider
from gelt_audit.markup import Link, without_session

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

    from gelt_audit.config.portfolio import PortfolioSite
    from gelt_audit.portfolio import SiteResult

log = logging.getLogger("gelt_audit.distributed")

NAMESPACE = "gelt"
HEARTBEAT_TTL = 10.0  # seconds without a heartbeat before a worker counts as dead
RESULTS_BATCH = 500


# -- serialisation: JSON, never pickle (Redis may be shared; crawled content is hostile) ----------
def _prepare(obj: Any) -> Any:
    """JSON-ready copy: bytes, links and dicts with non-text keys (request headers) tagged."""
    if isinstance(obj, dict):
        if all(isinstance(k, str) for k in obj):
            return {k: _prepare(v) for k, v in obj.items()}
        return {"__d": [[_prepare(k), _prepare(v)] for k, v in obj.items()]}
    if isinstance(obj, list | tuple | set | frozenset):
        return [_prepare(v) for v in obj]
    if isinstance(obj, bytes):
        return {"__b": base64.b64encode(obj).decode("ascii")}
    if isinstance(obj, Link):
        return {"__link": asdict(obj)}
    if obj is None or isinstance(obj, str | int | float | bool):
        return obj
    raise TypeError(f"no se puede enviar a Redis un valor de tipo {type(obj).__name__}")


def _decode(obj: dict[str, Any]) -> Any:
    if len(obj) == 1:
        if "__b" in obj:
            return base64.b64decode(obj["__b"])
        if "__link" in obj:
            return Link(**obj["__link"])
        if "__d" in obj:
            return {k: v for k, v in obj["__d"]}
    return obj


def dumps(obj: Any) -> bytes:
    """JSON with bytes, links and bytes-keyed dicts tagged (the scrapy-redis serializer interface)."""
    return json.dumps(_prepare(obj), ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def loads(data: bytes | str) -> Any:
    return json.loads(data, object_hook=_decode)


# -- Redis keys and scripts ---------------------------------------------------------------------------
class Keys:
    """Every Redis key of one namespace (so two portfolios can share a Redis server)."""

    def __init__(self, ns: str = NAMESPACE):
        self.ns = ns
        self.active = f"{ns}:active"  # set of crawl keys being crawled
        self.results = f"{ns}:results"  # list of JSON results for the coordinator
        self.linkcache = f"{ns}:linkcache"  # hash url -> JSON of the last external check
        self.requeued = f"{ns}:stats:requeued"

    def site(self, k: str) -> str:
        return f"{self.ns}:site:{k}"

    def of(self, k: str, name: str) -> str:
        return f"{self.ns}:{k}:{name}"

    def worker(self, worker_id: str) -> str:
        return f"{self.ns}:worker:{worker_id}"

    def lease(self, host: str) -> str:
        return f"{self.ns}:lease:{host}"

    def next_start(self, host: str) -> str:
        return f"{self.ns}:next:{host}"


# Pop the best request and record it as in flight, atomically: never in neither place.
POP = """
local r = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #r == 0 then return false end
redis.call('ZREM', KEYS[1], r[1])
redis.call('HSET', KEYS[2], ARGV[1], r[2] .. '|' .. r[1])
return r[1]
"""
# Put one in-flight request back (only once, whoever sees the dead worker first).
REQUEUE = """
local v = redis.call('HGET', KEYS[2], ARGV[1])
if not v then return 0 end
redis.call('HDEL', KEYS[2], ARGV[1])
local sep = string.find(v, '|', 1, true)
redis.call('ZADD', KEYS[1], tonumber(string.sub(v, 1, sep - 1)), string.sub(v, sep + 1))
return 1
"""
# The site's crawl rules, shared: seen URLs, query variants per path, page budget.
CLAIM = """
if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 1 then return 0 end
if ARGV[2] == '1' then
  if ARGV[3] ~= '' then
    if redis.call('SISMEMBER', KEYS[3], ARGV[3]) == 0 and redis.call('SCARD', KEYS[3]) >= tonumber(ARGV[5]) then
      return -1
    end
    redis.call('SADD', KEYS[3], ARGV[3])
  end
  if tonumber(redis.call('GET', KEYS[2]) or '0') >= tonumber(ARGV[4]) then return -2 end
  redis.call('INCR', KEYS[2])
end
redis.call('SADD', KEYS[1], ARGV[1])
return 1
"""
# A politeness lease for one host: at most ARGV[1] at once, starts ARGV[2] s apart (Redis clock).
LEASE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return '0.05' end
local nxt = tonumber(redis.call('GET', KEYS[2]) or '0')
if now < nxt then return tostring(nxt - now) end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[4]), ARGV[3])
redis.call('SET', KEYS[2], tostring(now + tonumber(ARGV[2])), 'PX', math.floor(tonumber(ARGV[2]) * 1000) + 1000)
redis.call('PEXPIRE', KEYS[1], math.floor(tonumber(ARGV[4]) * 1000) + 1000)
return '0'
"""
# Nothing queued and nothing in flight: the site's crawl is over (checked in one step).
IDLE = """
if redis.call('ZCARD', KEYS[1]) == 0 and redis.call('HLEN', KEYS[2]) == 0 then return 1 end
return 0
"""


class SharedSite:
    """A worker's (or the coordinator's) view of one site's crawl state in Redis."""

    def __init__(self, server: redis.Redis, keys: Keys, k: str, worker_id: str = "coordinator"):
        self.server = server
        self.keys = keys
        self.k = k
        self.worker_id = worker_id
        self.outstanding: set[str] = set()  # in-flight tokens this worker has not acknowledged
        self._seq = 0
        self._pop = server.register_script(POP)
        self._claim = server.register_script(CLAIM)
        self._lease = server.register_script(LEASE)

    def key(self, name: str) -> str:
        return self.keys.of(self.k, name)

    def token(self) -> str:
        self._seq += 1
        return f"{self.worker_id}#{self._seq}"

    def pop(self) -> tuple[str, bytes] | None:
        token = self.token()
        data = self._pop(keys=[self.key("requests"), self.key("inflight")], args=[token])
        if data is None:
            return None
        self.outstanding.add(token)
        return token, data

    def ack(self, tokens: set[str]) -> None:
        if tokens:
            self.server.hdel(self.key("inflight"), *tokens)
            self.outstanding -= tokens

    def claim(self, url: str, page: bool, query: str, variant_key: str, max_pages: int, max_variants: int) -> int:
        return int(
            self._claim(
                keys=[self.key("seen"), self.key("pages"), self.key("v:" + variant_key)],
                args=[url, "1" if page else "0", query, max_pages, max_variants],
            )
        )

    def lease(self, host: str, token: str, concurrency: int, delay: float, ttl: float) -> float:
        wait = self._lease(
            keys=[self.keys.lease(host), self.keys.next_start(host)], args=[concurrency, delay, token, ttl]
        )
        return float(wait)

    def release(self, host: str, token: str) -> None:
        self.server.zrem(self.keys.lease(host), token)


class _RedisMapping:
    """Read-only ``.get(key)`` over a Redis hash of JSON values (what SiteSpider calls on dicts)."""

    def __init__(self, server: redis.Redis, key: str, compressed: bool = False):
        self.server = server
        self.key = key
        self.compressed = compressed

    def get(self, field: str, default: Any = None) -> Any:
        raw = self.server.hget(self.key, field)
        if raw is None:
            return default
        return loads(zlib.decompress(raw) if self.compressed else raw)

    def __iter__(self) -> Iterator[str]:
        return iter(())  # only SiteSpider._seed_variants iterates; the coordinator seeds variants


class _ClaimSet:
    """``url in checked`` claims the URL for this worker: one check per external link, all workers together."""

    def __init__(self, server: redis.Redis, key: str):
        self.server = server
        self.key = key

    def __contains__(self, url: object) -> bool:
        return self.server.sadd(self.key, str(url)) == 0

    def add(self, url: str) -> None:
        pass  # already claimed by __contains__


class _RemoteLinks:
    """The one store method the spider needs on a worker: the stored links of an unchanged page."""

    def __init__(self, mapping: _RedisMapping):
        self.mapping = mapping

    def links(self, page_id: int, body_hash: str) -> list[dict[str, Any]]:
        return self.mapping.get(f"{page_id}:{body_hash}", [])


# -- worker side: scheduler, spider, middleware, pipeline ----------------------------------------------
class ReliableQueue(PriorityQueue):
    """scrapy-redis's priority queue whose pop also records the request as in flight."""

    def pop(self, timeout: int = 0) -> scrapy.Request | None:
        shared: SharedSite | None = getattr(self.spider, "shared", None)
        if shared is None:
            return super().pop(timeout)
        popped = shared.pop()
        if popped is None:
            return None
        token, data = popped
        request = self._decode_request(data)
        request.meta["gelt_token"] = token
        return request


class ReliableScheduler(Scheduler):
    """scrapy-redis's Scheduler, with the reliable queue, without Scrapy 2.13+ deprecation warnings."""

    def open(self, spider: scrapy.Spider) -> None:
        self.spider = spider
        self.queue = ReliableQueue(server=self.server, spider=spider, key=self.queue_key, serializer=self.serializer)
        if not self.df:
            self.df = RFPDupeFilter.from_spider(spider)

    def close(self, reason: str) -> None:
        pass  # the queue and the filter belong to the coordinator, which deletes them when the site is done

    def enqueue_request(self, request: scrapy.Request) -> bool:
        if not request.dont_filter and self.df.request_seen(request):
            return False
        request.meta.pop("gelt_token", None)
        request.meta.pop("gelt_lease", None)
        self.queue.push(request)
        if self.stats:
            self.stats.inc_value("scheduler/enqueued/redis")
        return True

    def next_request(self) -> scrapy.Request | None:
        request = self.queue.pop()
        if request is not None and self.stats:
            self.stats.inc_value("scheduler/dequeued/redis")
        return request


def _never() -> AsyncIterator[Any]:
    async def gen() -> AsyncIterator[Any]:
        return
        yield  # an async generator that yields nothing

    return gen()


class WorkerSiteSpider(SiteSpider):
    """SiteSpider with its per-crawl state in Redis instead of process memory and the store."""

    name = "site-worker"

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, config: Config | None = None, shared: SharedSite | None = None,
                     **kwargs: Any) -> WorkerSiteSpider:  # fmt: skip
        spider = super().from_crawler(crawler, *args, config=config, shared=shared, **kwargs)
        crawler.signals.connect(spider.on_idle, signal=signals.spider_idle)
        # GlobalPoliteness spaces the requests to a host for all workers together, just before
        # they leave; a local delay after the lease would bunch them up again at the server.
        # AutoThrottle, which adapts that local delay per process, cannot be shared: it is off.
        slots = {
            host.rsplit(":", 1)[0]: {"concurrency": spider.cfg.site["concurrency"], "delay": 0}
            for host in spider.allowed_hosts
        }  # fmt: skip
        crawler.settings.setdict(
            {"DOWNLOAD_SLOTS": slots, "DOWNLOAD_DELAY": 0, "RANDOMIZE_DOWNLOAD_DELAY": False,
             "AUTOTHROTTLE_ENABLED": False},
            priority="spider",
        )  # fmt: skip
        return spider

    def __init__(self, cfg: Config, shared: SharedSite, **kwargs: Any):
        super().__init__(cfg, **kwargs)  # cfg.store_path is ":memory:": nothing is read from a store here
        self.shared = shared
        server, keys, k = shared.server, shared.keys, shared.k
        self.previous = _RedisMapping(server, keys.of(k, "validators"))  # type: ignore[assignment]
        self.store = _RemoteLinks(_RedisMapping(server, keys.of(k, "links"), compressed=True))  # type: ignore[assignment]
        self.link_cache = _RedisMapping(server, keys.linkcache)  # type: ignore[assignment]
        self.checked = _ClaimSet(server, keys.of(k, "checked"))  # type: ignore[assignment]
        self.gate_checks = False  # a check may be answered by another worker: Scrapy's per-slot limits apply
        # The bounds are applied in Redis (claim), for all workers together.
        self.global_max_pages, self.global_max_variants = self.max_pages, self.max_variants
        self.max_pages = self.max_variants = sys.maxsize

    def _count(self, name: str) -> None:
        crawler = getattr(self, "crawler", None)
        if crawler is not None and crawler.stats is not None:
            crawler.stats.inc_value(f"gelt/{name}")

    async def start(self) -> AsyncIterator[Any]:
        # The coordinator seeds the queue (seed_requests); workers only take from it.
        async for request in _never():
            yield request

    def page_request(
        self, url: str, depth: int, referer: str | None = None, lastmod: str | None = None, kind: str | None = None
    ) -> scrapy.Request | None:
        request = super().page_request(url, depth, referer, lastmod, kind)
        if request is None:
            return None
        normal = without_session(url.split("#", 1)[0], self.cfg.site["session_params"])
        parts = urlsplit(normal)
        page = request.meta["gelt_kind"] == "page"
        verdict = self.shared.claim(
            normal, page, parts.query if page else "", f"{parts.netloc}{parts.path}",
            self.global_max_pages, self.global_max_variants,
        )  # fmt: skip
        if verdict == 1:
            return request
        if verdict == -1:
            self._count("query_variants_skipped")
        elif verdict == -2:
            self._count("max_pages_skipped")
            self.shared.server.set(self.shared.key("limited"), 1)
        return None

    def on_idle(self) -> None:
        """Stay open while the coordinator lists the site as active: other workers may add work."""
        if self.shared.server.sismember(self.shared.keys.active, self.shared.k):
            raise DontCloseSpider


class GlobalPoliteness:
    """A Redis lease per host before each download: per-site politeness for all workers together."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> GlobalPoliteness:
        return cls(crawler)

    def _limits(self, request: scrapy.Request, spider: Any) -> tuple[int, float]:
        cfg = spider.cfg
        if request.meta.get("gelt_external"):
            return cfg.links["per_host"], cfg.links["delay"]
        return cfg.site["concurrency"], cfg.site["delay"]

    async def process_request(self, request: scrapy.Request) -> None:
        spider = self.crawler.spider
        shared: SharedSite | None = getattr(spider, "shared", None)
        if shared is None:
            return None
        host = urlparse_cached(request).netloc.lower()
        concurrency, delay = self._limits(request, spider)
        token = shared.token()
        ttl = float(request.meta.get("download_timeout") or spider.cfg.site["timeout"]) + 5
        while (wait := shared.lease(host, token, concurrency, delay, ttl)) > 0:
            await asyncio.sleep(min(wait, 1.0))
        request.meta["gelt_lease"] = (host, token)
        return None

    def _release(self, request: scrapy.Request) -> None:
        lease = request.meta.pop("gelt_lease", None)
        shared = getattr(self.crawler.spider, "shared", None)
        if lease and shared is not None:
            shared.release(*lease)

    def process_response(self, request: scrapy.Request, response: Any) -> Any:
        self._release(request)
        return response

    def process_exception(self, request: scrapy.Request, exception: BaseException) -> None:
        self._release(request)
        return None


class ResultsPipeline:
    """Send each item to the coordinator through Redis; the store is written there, not here."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ResultsPipeline:
        return cls(crawler)

    def process_item(self, item: dict[str, Any]) -> dict[str, Any]:
        shared: SharedSite = self.crawler.spider.shared
        shared.server.rpush(shared.keys.results, dumps({"k": shared.k, "item": item}))
        return {"url": item.get("url"), "status": item.get("status")}


def worker_settings(redis_url: str, worker_id: str, ns: str, log_level: str) -> dict[str, Any]:
    """Scrapy settings of a worker, over the project's defaults."""
    from gelt_audit.crawler import settings as defaults

    middlewares = {**defaults.DOWNLOADER_MIDDLEWARES, "gelt_audit.crawler.distributed.GlobalPoliteness": 950}
    return {
        "SCHEDULER": "gelt_audit.crawler.distributed.ReliableScheduler",
        "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
        "SCHEDULER_PERSIST": True,
        "SCHEDULER_SERIALIZER": "gelt_audit.crawler.distributed",
        "REDIS_URL": redis_url,
        "ITEM_PIPELINES": {"gelt_audit.crawler.distributed.ResultsPipeline": 300},
        "DOWNLOADER_MIDDLEWARES": middlewares,
        "EXTENSIONS": {"gelt_audit.crawler.extensions.Progress": None, "scrapy.extensions.logstats.LogStats": None},
        "LOG_LEVEL": log_level,
        "GELT_WORKER_ID": worker_id,
        "GELT_REDIS_NAMESPACE": ns,
    }


def config_from_spec(spec: dict[str, Any]) -> Config:
    """The site's Config as the coordinator published it; the store is an empty in-memory one."""
    return Config(
        path=Path(f"redis-{spec['k']}.toml"),
        site=spec["site"],
        store_path=Path(":memory:"),
        dependencias=[],
        targets={"updates_per_month": 4},
        noise=[NoiseRule(p, tuple(s), tuple(pt)) for p, s, pt in spec["noise"]],
        reports={"dir": "informes", "logo": "", "templates": ""},
        log=spec["log"],
        links=spec["links"],
    )


def connect(redis_url: str) -> redis.Redis:
    """A Redis client, or a SystemExit with a sentence a person understands."""
    server = redis.Redis.from_url(redis_url, socket_connect_timeout=10, health_check_interval=30)
    try:
        server.ping()
    except redis.RedisError as exc:
        raise ConnectionError(f"No se pudo conectar con Redis en {redis_url}: {exc}") from None
    return server


def run_worker(
    redis_url: str, exit_idle: float = 0, log_level: str = "INFO", heartbeat: float | None = None, ns: str = NAMESPACE
) -> int:
    """Run a worker until SIGTERM/SIGINT (or ``exit_idle`` seconds with no active site)."""
    from scrapy.crawler import CrawlerRunner
    from scrapy.settings import Settings
    from scrapy.utils.log import configure_logging
    from scrapy.utils.reactor import install_reactor

    from gelt_audit.crawler import settings as defaults

    heartbeat = heartbeat or float(os.environ.get("GELT_WORKER_HEARTBEAT", HEARTBEAT_TTL))
    try:
        server = connect(redis_url)
    except ConnectionError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    keys = Keys(ns)
    worker_id = f"{socket.gethostname()}:{os.getpid()}"
    settings = Settings()
    settings.setmodule(defaults, priority="project")
    settings.setdict(worker_settings(redis_url, worker_id, ns, log_level), priority="cmdline")
    install_reactor(settings["TWISTED_REACTOR"])
    configure_logging(settings)
    from twisted.internet import reactor, task

    runner = CrawlerRunner(settings)
    running: dict[str, Crawler] = {}
    idle_since = [time.monotonic()]
    log.info("Trabajador %s conectado a %s", worker_id, redis_url)

    def beat() -> None:
        server.set(keys.worker(worker_id), "1", px=int(heartbeat * 1000))

    def start_site(k: str) -> None:
        raw = server.get(keys.site(k))
        if raw is None:
            return
        spec = loads(raw)
        crawler = runner.create_crawler(WorkerSiteSpider)
        crawler.settings.set("SCHEDULER_QUEUE_KEY", keys.of(k, "requests"), priority="cmdline")
        crawler.settings.set("SCHEDULER_DUPEFILTER_KEY", keys.of(k, "dupefilter"), priority="cmdline")
        shared = SharedSite(server, keys, k, worker_id)
        running[k] = crawler
        log.info("Trabajador %s: empieza %s", worker_id, spec["site"]["url"])
        d = runner.crawl(crawler, config=config_from_spec(spec), shared=shared)
        d.addErrback(lambda f: log.error("El sitio %s falló en este trabajador: %s", k, f.getErrorMessage()))
        d.addBoth(lambda _: running.pop(k, None))

    def acknowledge() -> None:
        """Acknowledge handled requests, and wake idle engines: other workers may have queued work.

        Both use the engine's slot (private in Scrapy 2.19): a request stays in its in-progress
        set from download to the end of its callback's output (items in Redis, follow-ups
        queued), so only then is it done; and an idle engine otherwise asks its scheduler for
        work only every five seconds.
        """
        for crawler in list(running.values()):
            spider, engine = crawler.spider, crawler.engine
            shared = getattr(spider, "shared", None)
            slot = getattr(engine, "_slot", None) if engine else None
            if shared is None or slot is None:
                continue
            if shared.outstanding:
                live = {r.meta.get("gelt_token") for r in slot.inprogress}
                shared.ack(shared.outstanding - live)
            slot.nextcall.schedule()

    def tick() -> None:
        try:
            beat()
            acknowledge()
            active = {m.decode() for m in server.smembers(keys.active)}
            for k in sorted(active - set(running)):
                start_site(k)
            if active or running:
                idle_since[0] = time.monotonic()
            elif exit_idle and time.monotonic() - idle_since[0] > exit_idle:
                log.info("Trabajador %s: sin sitios por rastrear; termina.", worker_id)
                stop()
        except redis.RedisError as exc:  # Redis restarting: keep trying, the heartbeat tells the coordinator
            log.warning("Redis no responde: %s", exc)

    stopping = [False]

    def stop() -> None:
        if stopping[0]:
            return
        stopping[0] = True
        d = runner.stop()
        d.addBoth(lambda _: reactor.stop())

    def on_signal(signum: int, _: Any) -> None:
        reactor.callFromThread(stop)

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    loop = task.LoopingCall(tick)
    loop.start(0.1)
    reactor.run(installSignalHandlers=False)
    with contextlib.suppress(redis.RedisError):
        server.delete(keys.worker(worker_id))
    return 0


# -- coordinator side ------------------------------------------------------------------------------
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

    def __init__(self, store: Any, cfg: Config):
        from scrapy.signalmanager import SignalManager

        self.signals = SignalManager()
        self.stats = _Stats()
        self.spider = self  # StorePipeline reads spider.store, spider.cfg and spider.home_error
        self.store = store
        self.cfg = cfg
        self.home_error: str | None = None


class SiteRun:
    """One site's crawl, driven from the coordinator."""

    def __init__(self, site: PortfolioSite, cfg: Config, store: Any):
        from gelt_audit.crawler.pipelines import StorePipeline

        self.site = site
        self.cfg = cfg
        self.host = _SiteHost(store, cfg)
        self.pipeline = StorePipeline(self.host)  # type: ignore[arg-type]
        self.pipeline.open_spider()
        self.crawl_id: int = self.pipeline.crawl_id
        self.k = str(self.crawl_id)
        self.started = time.monotonic()
        self.start_url = cfg.site_url.split("#", 1)[0]

    def process(self, item: dict[str, Any]) -> None:
        if item.get("kind") == "error" and item.get("url") == self.start_url and self.host.home_error is None:
            self.host.home_error = item.get("error")  # as SiteSpider.page_error does in one process
        self.pipeline.process_item(item)

    def finish(self, reason: str, limited: bool) -> None:
        if limited:
            self.host.stats.set_value("gelt/max_pages_skipped", 1)
        self.pipeline.close_spider()
        self.pipeline.spider_closed(self.host, reason)


class Coordinator:
    """Seeds sites into Redis, writes their results into the store, closes each crawl on its own."""

    def __init__(self, config: Config, server: redis.Redis, ns: str = NAMESPACE, poll: float = 0.05):
        from gelt_audit.config.portfolio import Portfolio, PortfolioSite, portfolio_of
        from gelt_audit.store import Store

        self.config = config
        self.server = server
        self.keys = Keys(ns)
        self.poll = poll
        portfolio = portfolio_of(config)
        self.is_portfolio = portfolio is not None
        if portfolio is None:  # one site through Redis: a portfolio of one
            portfolio = Portfolio(
                sites=(PortfolioSite(config.site_name, config.site_url, dependencias=tuple(config.dependencias)),),
            )
        self.portfolio = portfolio
        self.store = Store(config.store_path)
        self.runs: dict[str, SiteRun] = {}
        self.results: list[SiteResult] = []
        self._requeue = server.register_script(REQUEUE)
        self._idle = server.register_script(IDLE)

    # -- publishing what workers need ---------------------------------------------------------
    def publish_link_cache(self) -> None:
        cache = self.store.link_cache()
        pipe = self.server.pipeline(transaction=False)
        pipe.delete(self.keys.linkcache)
        for n, (url, row) in enumerate(cache.items(), 1):
            pipe.hset(self.keys.linkcache, url, dumps(row))
            if n % 1000 == 0:
                pipe.execute()
        pipe.execute()

    def publish_site(self, run: SiteRun) -> None:
        """Validators, stored links and last crawl's query variants of one site, then its spec."""
        cfg, k = run.cfg, run.k
        hosts = set(cfg.hosts)
        previous = self.store.validators(hosts)
        pipe = self.server.pipeline(transaction=False)
        variants: dict[str, set[str]] = {}
        for n, (url, known) in enumerate(previous.items(), 1):
            pipe.hset(self.keys.of(k, "validators"), url, dumps(known))
            links = self.store.links(known["page_id"], known["body_hash"])
            if links:
                pipe.hset(
                    self.keys.of(k, "links"), f"{known['page_id']}:{known['body_hash']}", zlib.compress(dumps(links))
                )
            parts = urlsplit(url)
            # As SiteSpider._seed_variants: the same query variants as last time, most recent first.
            if parts.query:
                seen = variants.setdefault(f"{parts.netloc}{parts.path}", set())
                if len(seen) < cfg.site["max_query_variants"]:
                    seen.add(parts.query)
            if n % 500 == 0:
                pipe.execute()
        for path, queries in variants.items():
            pipe.sadd(self.keys.of(k, "v:" + path), *queries)
        spec = {
            "k": k,
            "site": dict(cfg.site),
            "links": dict(cfg.links),
            "noise": [[r.prefix, list(r.selectors), list(r.patterns)] for r in cfg.noise],
            "log": dict(cfg.log),
        }
        pipe.set(self.keys.site(k), dumps(spec))
        pipe.execute()

    def seed(self, run: SiteRun) -> int:
        """The spider's start requests, through scrapy-redis's queue and duplicate filter."""
        shared = SharedSite(self.server, self.keys, run.k)
        spider = WorkerSiteSpider(config_from_spec(loads(self.server.get(self.keys.site(run.k)))), shared=shared)

        async def collect() -> list[scrapy.Request]:
            return [r async for r in SiteSpider.start(spider)]

        requests = asyncio.run(collect())
        queue = PriorityQueue(self.server, spider, self.keys.of(run.k, "requests"), serializer=sys.modules[__name__])
        dupefilter = RFPDupeFilter(self.server, self.keys.of(run.k, "dupefilter"))
        count = 0
        for request in requests:
            if request.dont_filter or not dupefilter.request_seen(request):
                queue.push(request)
                count += 1
        return count

    def start(self, site: PortfolioSite) -> None:
        from gelt_audit.config.portfolio import site_config

        cfg = site_config(self.config, site) if self.is_portfolio else self.config
        run = SiteRun(site, cfg, self.store)
        self.publish_site(run)
        count = self.seed(run)
        self.server.sadd(self.keys.active, run.k)
        self.runs[run.k] = run
        log.info("Sitio %s sembrado en Redis (rastreo %s, %s peticiones iniciales)", site.url, run.crawl_id, count)

    # -- results and end of crawls ---------------------------------------------------------------
    def drain(self) -> int:
        """Write every result waiting in Redis into the store; return how many."""
        total = 0
        while True:
            batch = self.server.lpop(self.keys.results, RESULTS_BATCH)
            if not batch:
                return total
            for raw in batch:
                message = loads(raw)
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
                    ", ".join(sorted(dead)), moved, run.site.url,
                )  # fmt: skip

    def finish(self, run: SiteRun, reason: str) -> None:
        from gelt_audit.portfolio import SiteResult

        limited = bool(self.server.exists(self.keys.of(run.k, "limited")))
        self.server.srem(self.keys.active, run.k)
        run.finish(reason, limited)
        self.cleanup(run.k)
        del self.runs[run.k]
        row = self.store.crawl(run.crawl_id)
        result = SiteResult(
            site=run.site, crawl_id=run.crawl_id, status=row.status,
            site_unreachable=bool(run.host.stats.get_value("gelt/site_unreachable")),
            pages=row.pages, errors=row.errors, error=row.error,
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

    def run(self, on_done: Callable[[SiteResult], None] | None = None) -> list[SiteResult]:
        from gelt_audit.portfolio import register_sites

        self.on_done = on_done
        if self.is_portfolio:
            register_sites(self.store, self.portfolio)
        self.publish_link_cache()
        pending = deque(self.portfolio.sites)
        timeout = self.portfolio.site_timeout_minutes * 60
        last_check = 0.0
        try:
            while pending or self.runs:
                while pending and len(self.runs) < self.portfolio.max_sites_at_once:
                    self.start(pending.popleft())
                drained = self.drain()
                if time.monotonic() - last_check >= 0.25:
                    last_check = time.monotonic()
                    self.requeue_dead()
                    for run in list(self.runs.values()):
                        if self._idle(keys=[self.keys.of(run.k, "requests"), self.keys.of(run.k, "inflight")]) == 1:
                            self.drain()  # results are pushed before acknowledgement: all are here now
                            self.finish(run, "finished")
                        elif timeout and time.monotonic() - run.started > timeout:
                            self.drain()
                            self.finish(run, "closespider_timeout")
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
    config: Config, redis_url: str, on_done: Callable[[SiteResult], None] | None = None, ns: str = NAMESPACE
) -> list[SiteResult]:
    """Crawl the config's sites through Redis workers; this process alone writes the store."""
    from gelt_audit.errors import EXIT_ERROR, CommandError

    try:
        server = connect(redis_url)
    except ConnectionError as exc:
        raise CommandError(str(exc), EXIT_ERROR) from None
    return Coordinator(config, server, ns).run(on_done)
