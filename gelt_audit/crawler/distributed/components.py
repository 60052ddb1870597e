"""The Scrapy components of a distributed crawl: shared queue, Redis-backed spider, global politeness.

A worker's crawler of one site runs :class:`WorkerSiteSpider` with :class:`ReliableScheduler`,
:class:`GlobalPoliteness` and :class:`ResultsPipeline` (see ``worker.worker_settings``); the
coordinator uses the spider alone to seed a site's start requests.
"""

from __future__ import annotations

import asyncio
import sys
import zlib
from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import redis
import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider, IgnoreRequest
from scrapy.settings import BaseSettings
from scrapy.utils.httpobj import urlparse_cached
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.queue import PriorityQueue
from scrapy_redis.scheduler import Scheduler

from gelt_audit.crawler.depths import request_url
from gelt_audit.crawler.distributed.protocol import SharedSite, dumps, loads
from gelt_audit.crawler.items import LinkCheckItem, SnapshotItem, TlsItem
from gelt_audit.crawler.spiders.site import SiteSpider, sitemap_key, targets
from gelt_audit.markup import Link

if TYPE_CHECKING:
    from scrapy.crawler import Crawler


# -- the store, as a worker sees it: Redis hashes the coordinator filled ---------------------------
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


class _RemoteStore:
    """The store methods the spider needs on a worker: stored links of an unchanged page, link cache."""

    def __init__(self, server: redis.Redis, links_key: str, linkcache_key: str):
        self.stored_links = _RedisMapping(server, links_key, compressed=True)
        self.linkcache = _RedisMapping(server, linkcache_key)

    def links(self, page_id: int, body_hash: str) -> list[dict[str, Any]]:
        return self.stored_links.get(f"{page_id}:{body_hash}", [])

    def link_cache(self) -> _RedisMapping:
        return self.linkcache


# -- scheduler: scrapy-redis's, with in-flight bookkeeping ----------------------------------------------
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


def claim_and_push(
    shared: SharedSite, request: scrapy.Request, encode: Any, fingerprint: Any
) -> tuple[int, tuple[int, bytes] | None]:
    """Enqueue a request if its claim holds, in one Redis step; CLAIM_PUSH's answer (SharedSite.claim_push)."""
    meta = request.meta
    meta.pop("gelt_token", None)
    meta.pop("gelt_lease", None)
    claim = meta.pop("gelt_claim", None)
    check = meta.pop("gelt_check_claim", None)
    if claim is not None:
        mode = "claim"
        claim = {**claim, "request_url": request.url}
    elif check is not None:
        mode, claim = "set", {"url": check, "check": True}
    elif not request.dont_filter:
        mode, claim = "set", {"url": fingerprint(request)}
    else:
        mode = "none"
    return shared.claim_push(mode, -request.priority, encode(request), claim)


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
        """Claim and enqueue in one Redis step: a worker killed in between leaves nothing claimed.

        Page requests carry their claim (``gelt_claim``, from WorkerSiteSpider.page_request);
        first external checks their URL (``gelt_check_claim``); other filtered requests the
        fingerprint of scrapy-redis's duplicate filter. A child request that never reached this
        point is requested again when its parent, still in flight, is put back in the queue.
        A URL already claimed met at a smaller depth has the links its page led to requested
        again at their new depth (SiteSpider.met_again's rule, for all workers together).
        """
        url = request.url
        verdict, nearer = claim_and_push(
            self.spider.shared, request, self.queue._encode_request, self.df.request_fingerprint
        )
        if nearer is not None:
            # Met nearer than when its page was parsed: what the page led to is nearer too.
            depth, links = nearer
            for again in self.spider.follow_again(url, depth, links):
                self.enqueue_request(again)
            self.spider.shared.lower_followed(url, depth)
        if verdict == -1:
            self.spider._count("query_variants_skipped")
        elif verdict == -2:
            self.spider._count("max_pages_skipped")
            self.spider.shared.server.set(self.spider.shared.key("limited"), 1)
        if verdict != 1:
            return False
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
    # A worker knows the links of the pages it parsed only: depths met nearer go to Redis
    # (page_request below), which passes them on to the links kept there (follow, follow_again).
    relax_depths = False
    # the coordinator reads the home page's answer (home_error) and ends the crawl: a worker never closes
    # its crawler on it (it serves the other sites' requests too)
    stop_on_home_error = False
    # Never here: Redis's claim of the URL (taken by its resource request, maybe by another worker) would
    # refuse a second request, and the resource's answer would be dropped (left to do: the claim would have
    # to know a URL's kind).
    track_shown = False

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> WorkerSiteSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.on_idle, signal=signals.spider_idle)
        return spider

    def __init__(self, shared: SharedSite, **kwargs: Any):
        super().__init__(**kwargs)
        self.shared = shared
        self.dropped = False  # the worker dropped the site (its coordinator is gone)

    def open_state(self, settings: BaseSettings) -> None:
        """Validators and stored links from Redis: a worker never opens the store."""
        server, keys, k = self.shared.server, self.shared.keys, self.shared.k
        self.previous = _RedisMapping(server, keys.of(k, "validators"))  # type: ignore[assignment]
        self.store = _RemoteStore(server, keys.of(k, "links"), keys.linkcache)  # type: ignore[assignment]

    def setup(self, settings: BaseSettings) -> None:
        super().setup(settings)
        self.gate_checks = False  # a check may be answered by another worker: Scrapy's per-slot limits apply
        # The bounds are applied in Redis (claim), for all workers together.
        self.global_max_pages, self.global_max_variants = self.max_pages, self.max_variants
        self.max_pages = self.max_variants = sys.maxsize
        self.best_depth: dict[str, int] = {}

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
        """SiteSpider's request with its claim attached: the scheduler claims and enqueues it at once.

        A URL met again at a smaller depth goes to Redis once more, which keeps the smallest
        depth per URL (a crawl's depths must not depend on which worker got there first).
        """
        normal = request_url(url, self.session_params)
        best = self.best_depth.get(normal)
        if best is not None:
            if best <= depth:
                return None
            self.seen.discard(normal)
        request = super().page_request(url, depth, referer, lastmod, kind)
        if request is None:
            return None
        self.best_depth[normal] = depth
        parts = urlsplit(normal)
        page = request.meta["gelt_kind"] == "page"
        request.meta["gelt_claim"] = {
            "url": normal, "page": page, "query": parts.query if page else "",
            "variant_key": f"{parts.netloc}{parts.path}", "max_pages": self.global_max_pages,
            "max_variants": self.global_max_variants, "depth": depth,
        }  # fmt: skip
        return request

    def keep_lastmods(self, dated: list[tuple[str, str, bool]]) -> None:
        """Every lastmod of a sitemap goes to Redis, the newest per URL: a request this worker makes may
        lose its claim to another worker's (a link met first), and the coordinator, which writes the
        store, settles them all on the crawl's snapshots at the close (StorePipeline.settle_lastmods)."""
        if dated:
            self.shared.keep_lastmods(
                [(sitemap_key(request_url(loc, self.session_params)), lastmod) for loc, lastmod, _ in dated]
            )

    def follow(self, links: list[Link], depth: int, referer: str, step: int = 1) -> Iterator[Any]:
        """SiteSpider's, at the depth Redis has for the page, its links kept there for follow_again.

        A page at 0 (or a redirect at 0) never gets nearer: nothing to keep.
        """
        pages, resources = targets(links)
        if depth > step and (pages or resources):
            depth = self.shared.followed(referer, depth, step, zlib.compress(dumps([pages, resources])))
        yield from self.requests_for(pages, resources, depth, referer)
        yield from self.external_checks(links)

    def follow_again(self, referer: str, depth: int, links: bytes) -> Iterator[scrapy.Request]:
        """Requests for the links ``referer``'s page led to, met again at ``depth`` (nearer)."""
        pages, resources = loads(zlib.decompress(links))
        yield from self.requests_for(pages, resources, depth, referer)

    def external_checks(self, links: Any) -> Iterator[Any]:
        """First checks are claimed in Redis when enqueued: one check per external link, all workers together."""
        for out in super().external_checks(links):
            if isinstance(out, scrapy.Request):
                out.meta["gelt_check_claim"] = out.url
            yield out

    def page_error(self, failure: Any) -> Iterator[Any]:
        """As SiteSpider's; and what yields no item (robots.txt) is told to the coordinator in Redis."""
        before = self.home_error
        yield from super().page_error(failure)
        if failure.check(IgnoreRequest) and "DOWNLOAD_MAXSIZE" not in failure.getErrorMessage():
            self.shared.server.sadd(self.shared.key("ignored"), failure.request.url)
            if self.home_error is not None and self.home_error != before:
                self.shared.server.set(self.shared.key("home_error"), self.home_error)

    def on_idle(self) -> None:
        """Stay open while the coordinator lists the site as active: other workers may add work."""
        if not self.dropped and self.shared.server.sismember(self.shared.keys.active, self.shared.k):
            raise DontCloseSpider


class GlobalPoliteness:
    """A Redis lease per host before each download: per-site politeness for all workers together."""

    def __init__(self, crawler: Crawler, site: tuple[int, float], links: tuple[int, float], timeout: float):
        self.crawler = crawler
        self.site = site  # (concurrency, delay) of the site's own hosts
        self.links = links  # (concurrency, delay) of the hosts of external links
        self.timeout = timeout

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> GlobalPoliteness:
        s = crawler.settings
        return cls(
            crawler,
            site=(s.getint("GELT_SITE_CONCURRENCY"), s.getfloat("GELT_SITE_DELAY")),
            links=(s.getint("GELT_LINK_PER_HOST"), s.getfloat("GELT_LINK_DELAY")),
            timeout=s.getfloat("DOWNLOAD_TIMEOUT"),
        )

    async def process_request(self, request: scrapy.Request) -> None:
        shared: SharedSite | None = getattr(self.crawler.spider, "shared", None)
        if shared is None:
            return None
        host = urlparse_cached(request).netloc.lower()
        concurrency, delay = self.links if request.meta.get("gelt_external") else self.site
        token = shared.token()
        ttl = float(request.meta.get("download_timeout") or self.timeout) + 5
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

    def process_item(self, item: SnapshotItem | LinkCheckItem | TlsItem) -> dict[str, Any]:
        shared: SharedSite = self.crawler.spider.shared
        shared.server.rpush(shared.keys.results(shared.k), dumps({"k": shared.k, "item": item}))
        # Scrapy logs returned items; keep the record small.
        return {"url": getattr(item, "url", None), "status": getattr(item, "status", None)}
