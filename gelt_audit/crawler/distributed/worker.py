"""A worker process: one Scrapy crawler per site the coordinator lists as active, until stopped."""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import socket
import sys
import time
import uuid
from typing import Any

import redis
from scrapy.crawler import Crawler, CrawlerRunner
from scrapy.utils.defer import deferred_from_coro
from scrapy.utils.log import configure_logging
from scrapy.utils.reactor import install_reactor

from gelt_audit.crawler import settings as defaults
from gelt_audit.crawler.distributed.components import WorkerSiteSpider
from gelt_audit.crawler.distributed.protocol import (
    HEARTBEAT_TTL,
    NAMESPACE,
    REQUEUE,
    VERSION,
    Keys,
    SharedSite,
    connect,
    loads,
    run_of,
)  # fmt: skip
from gelt_audit.crawler.run import QUIET_EXTENSIONS, crawl_settings, site_crawler
from gelt_audit.errors import EXIT_LOCKED, EXIT_OK

log = logging.getLogger("gelt_audit.distributed")

COMPONENTS = "gelt_audit.crawler.distributed.components"


def worker_settings(redis_url: str, worker_id: str, ns: str, log_level: str) -> dict[str, Any]:
    """Scrapy settings of a worker process, over the project's defaults."""
    return {
        "SCHEDULER": f"{COMPONENTS}.ReliableScheduler",
        "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
        "SCHEDULER_PERSIST": True,
        "SCHEDULER_SERIALIZER": "gelt_audit.crawler.distributed.protocol",
        "REDIS_URL": redis_url,
        "ITEM_PIPELINES": {f"{COMPONENTS}.ResultsPipeline": 300},
        "DOWNLOADER_MIDDLEWARES": {**defaults.DOWNLOADER_MIDDLEWARES, f"{COMPONENTS}.GlobalPoliteness": 950},
        "EXTENSIONS": QUIET_EXTENSIONS,
        "LOG_INSTALL_ROOT_HANDLER": True,  # a worker logs to its stderr
        "LOG_LEVEL": log_level,
        "GELT_WORKER_ID": worker_id,
        "GELT_REDIS_NAMESPACE": ns,
    }


def site_overrides(site_settings: dict[str, Any], keys: Keys, k: str) -> dict[str, Any]:
    """What a worker changes in a site's settings: its Redis keys, and no local politeness delay.

    GlobalPoliteness spaces the requests to a host for all workers together, just before they
    leave; a local delay after the lease would bunch them up again at the server. AutoThrottle,
    which adapts that local delay per process, cannot be shared: it is off.
    """
    concurrency = site_settings["GELT_SITE_CONCURRENCY"]
    slots = {host.rsplit(":", 1)[0]: {"concurrency": concurrency, "delay": 0} for host in site_settings["GELT_HOSTS"]}
    return {
        "SCHEDULER_QUEUE_KEY": keys.of(k, "requests"),
        "SCHEDULER_DUPEFILTER_KEY": keys.of(k, "dupefilter"),
        "DOWNLOAD_SLOTS": slots,
        "DOWNLOAD_DELAY": 0,
        "RANDOMIZE_DOWNLOAD_DELAY": False,
        "AUTOTHROTTLE_ENABLED": False,
    }


class Worker:
    """Start a crawler for each active site, acknowledge handled requests, keep the heartbeat."""

    def __init__(
        self, server: redis.Redis, redis_url: str, ns: str, log_level: str, heartbeat: float, exit_idle: float
    ):
        self.server = server
        self.keys = Keys(ns)
        # Unique across machines and containers (where hostnames and pids repeat).
        self.worker_id = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.heartbeat = heartbeat
        self.exit_idle = exit_idle
        settings = crawl_settings(worker_settings(redis_url, self.worker_id, ns, log_level))
        install_reactor(settings["TWISTED_REACTOR"])
        configure_logging(settings)
        self.runner = CrawlerRunner(settings)
        self.running: dict[str, Crawler] = {}
        self.idle_since = time.monotonic()
        self.stopping = False
        self.refused: set[str] = set()
        self._requeue = server.register_script(REQUEUE)
        log.info("Trabajador %s conectado a %s", self.worker_id, redis_url)

    def beat(self) -> None:
        self.server.set(self.keys.worker(self.worker_id), "1", px=int(self.heartbeat * 1000))

    def start_site(self, k: str) -> None:
        raw = self.server.get(self.keys.site(k))
        if raw is None:
            return
        site = loads(raw)
        if site.get("version") != VERSION:
            why = (
                f"versión {VERSION} del trabajador, {site.get('version') or 'desconocida'} del coordinador: "
                "instale la misma versión de gelt-audit en todos los equipos"
            )
            if k not in self.refused:
                self.refused.add(k)
                log.error("Trabajador %s: no toma %s (%s)", self.worker_id, k, why)
                self.server.hset(self.keys.refused, self.worker_id, why)
            return
        site_settings = site["settings"]
        crawler = site_crawler(self.runner, site_settings, WorkerSiteSpider)
        crawler.settings.setdict(site_overrides(site_settings, self.keys, k), priority="cmdline")
        self.running[k] = crawler
        log.info("Trabajador %s: empieza %s", self.worker_id, site_settings["GELT_SITE_URL"])
        d = self.runner.crawl(crawler, shared=SharedSite(self.server, self.keys, k, self.worker_id))
        d.addErrback(lambda f: log.error("El sitio %s falló en este trabajador: %s", k, f.getErrorMessage()))
        d.addBoth(lambda _: self.running.pop(k, None))

    def drop_orphans(self, active: set[str]) -> None:
        """Stop crawling sites whose coordinator is gone (lease expired) or that left the active set."""
        holder = (self.server.get(self.keys.coordinator) or b"").decode()
        for k, crawler in list(self.running.items()):
            if run_of(k) == holder and k in active:
                continue
            spider = crawler.spider
            if spider is None or getattr(spider, "dropped", False):
                continue
            spider.dropped = True
            log.warning("Trabajador %s: deja %s (su coordinador ya no está)", self.worker_id, k)
            # Back in the queue: if the coordinator was only late, its crawl still gets them.
            shared = spider.shared
            for token in list(shared.outstanding):
                self._requeue(keys=[shared.key("requests"), shared.key("inflight")], args=[token])
            shared.outstanding.clear()
            if crawler.engine is not None:
                deferred_from_coro(crawler.engine.close_spider_async(reason="shutdown"))

    def acknowledge(self) -> None:
        """Acknowledge handled requests, and wake idle engines: other workers may have queued work.

        Both use the engine's slot (private in Scrapy 2.19): a request stays in its in-progress
        set from download to the end of its callback's output (items in Redis, follow-ups
        queued), so only then is it done; and an idle engine otherwise asks its scheduler for
        work only every five seconds.
        """
        for crawler in list(self.running.values()):
            spider, engine = crawler.spider, crawler.engine
            shared = getattr(spider, "shared", None)
            slot = getattr(engine, "_slot", None) if engine else None
            if shared is None or slot is None:
                continue
            if shared.outstanding:
                live = {r.meta.get("gelt_token") for r in slot.inprogress}
                shared.ack(shared.outstanding - live)
            slot.nextcall.schedule()

    def tick(self) -> None:
        try:
            self.beat()
            self.acknowledge()
            active = {m.decode() for m in self.server.smembers(self.keys.active)}
            self.drop_orphans(active)
            holder = (self.server.get(self.keys.coordinator) or b"").decode()
            for k in sorted(active - set(self.running)):
                if run_of(k) == holder:
                    self.start_site(k)
            if active or self.running:
                self.idle_since = time.monotonic()
            elif self.exit_idle and time.monotonic() - self.idle_since > self.exit_idle:
                log.info("Trabajador %s: sin sitios por rastrear; termina.", self.worker_id)
                self.stop()
        except redis.RedisError as exc:  # Redis restarting: keep trying, the heartbeat tells the coordinator
            log.warning("Redis no responde: %s", exc)

    def stop(self) -> None:
        if self.stopping:
            return
        self.stopping = True
        from twisted.internet import reactor  # the one install_reactor installed

        self.runner.stop().addBoth(lambda _: reactor.stop())

    def run(self) -> None:
        """Tick until SIGTERM/SIGINT or ``exit_idle``; then say goodbye (drop the heartbeat)."""
        from twisted.internet import reactor, task  # after install_reactor, never before

        def on_signal(signum: int, _: Any) -> None:
            reactor.callFromThread(self.stop)

        signal.signal(signal.SIGTERM, on_signal)
        signal.signal(signal.SIGINT, on_signal)
        task.LoopingCall(self.tick).start(0.1)
        reactor.run(installSignalHandlers=False)
        with contextlib.suppress(redis.RedisError):
            self.server.delete(self.keys.worker(self.worker_id))


def run_worker(
    redis_url: str, exit_idle: float = 0, log_level: str = "INFO", heartbeat: float | None = None, ns: str = NAMESPACE,
    outage: float = 120,
) -> int:  # fmt: skip
    """Run a worker until SIGTERM/SIGINT (or ``exit_idle`` seconds with no active site).

    Redis commands are retried with backoff for about ``outage`` seconds (a Redis restart).
    """
    heartbeat = heartbeat or float(os.environ.get("GELT_WORKER_HEARTBEAT", HEARTBEAT_TTL))
    server = connect(redis_url, outage)
    Worker(server, redis_url, ns, log_level, heartbeat, exit_idle).run()
    return EXIT_OK


def purge(redis_url: str, ns: str = NAMESPACE, force: bool = False) -> int:
    """Delete a namespace's run keys (a stuck run); refuse while its coordinator is alive unless ``force``."""
    server = connect(redis_url)
    keys = Keys(ns)
    holder = server.get(keys.coordinator)
    if holder is not None and not force:
        print(
            f"Error: el coordinador {holder.decode()} sigue activo en el espacio «{ns}»; deténgalo primero "
            "(o use --force si sabe que ya no corre: su turno vence solo en unos segundos).",
            file=sys.stderr,
        )
        return EXIT_LOCKED
    keep = f"{ns}:worker:"
    names = [k for k in server.scan_iter(match=f"{ns}:*", count=1000) if not k.decode().startswith(keep)]
    for i in range(0, len(names), 500):
        server.delete(*names[i : i + 500])
    print(f"Espacio «{ns}»: {len(names)} claves borradas; los trabajadores dejan sus sitios.")
    return EXIT_OK
