"""Downloader middlewares: keep the crawl on the site, and ask only for what changed."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred

from gelt_audit.linkstate import host_is_private, is_private_address

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.robotstxt import RobotParser

logger = logging.getLogger(__name__)


class StayOnSiteMiddleware:
    """Drop any request (redirects included) whose host:port is not one of the site's.

    Scrapy's OffsiteMiddleware compares host names only; a site on 127.0.0.1:8000 must not
    wander to 127.0.0.1:9000, so the port counts here.
    """

    def __init__(self, crawler: Crawler, hosts: set[str]):
        self.crawler = crawler
        self.hosts = hosts

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StayOnSiteMiddleware:
        return cls(crawler, set(crawler.settings.getlist("GELT_HOSTS")))

    def process_request(self, request: Request) -> None:
        if not self.hosts or request.meta.get("gelt_external"):
            return None
        parts = urlparse_cached(request)
        netloc = parts.netloc.lower()
        if parts.scheme in ("http", "https") and netloc in self.hosts:
            return None
        self.crawler.stats.inc_value("gelt/offsite_dropped")
        logger.info("Fuera del sitio, no se sigue: %s", request.url)
        raise IgnoreRequest(f"fuera del sitio: {request.url}")


def _relay(pending: Deferred) -> Deferred:
    """A new Deferred fired with ``pending``'s result, which stays in ``pending``'s chain."""
    waiter: Deferred = Deferred()

    def fire(result: Any) -> Any:
        waiter.callback(result)
        return result

    pending.addCallback(fire)
    return waiter


class RobotsTxtObeyMiddleware(RobotsTxtMiddleware):
    """Scrapy's RobotsTxtMiddleware, with every request that waits for robots.txt getting its rules.

    Since Scrapy 2.13 a request arriving while the host's robots.txt is still being fetched awaits
    the pending Deferred through ``asFuture``, whose callback returns None to the chain: the first
    such request gets the parser, every later one gets None, which means «everything allowed»
    (Scrapy PR 6802 replaced the relay used before). A worker of a distributed crawl takes several
    requests at once when it starts a site, and fetched pages robots.txt forbids. Each waiter here
    gets a Deferred of its own, as before 2.13.
    """

    async def robot_parser(self, request: Request) -> RobotParser | None:
        pending = self._parsers.get(urlparse_cached(request).netloc)
        if isinstance(pending, Deferred):
            return await maybe_deferred_to_future(_relay(pending))
        return await super().robot_parser(request)


class ConditionalRequestMiddleware:
    """Send If-None-Match / If-Modified-Since for pages the store already holds."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ConditionalRequestMiddleware:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        # The validators are what the store knows of the site (state the spider opened), not settings.
        previous: dict[str, Any] = getattr(self.crawler.spider, "previous", {})
        known = previous.get(request.url)
        if known is None or request.method != "GET" or request.meta.get("gelt_kind") != "page":
            return None
        # A 304 stands for the stored version: validators of an error page would let a server whose
        # ETag is the body's hash keep a page that answers 200 now recorded as its old 404
        if not 200 <= (known.get("status") or 200) < 300:
            return None
        if known.get("etag"):
            request.headers.setdefault("If-None-Match", known["etag"])
        if known.get("last_modified"):
            request.headers.setdefault("If-Modified-Since", known["last_modified"])
        return None


class PrivateAddressBlocked(IgnoreRequest):
    """A request to a private, loopback or link-local address was refused."""


class PrivateAddressGuard:
    """Refuse requests whose host is, or resolves to, a non-public address (redirects included).

    On unless the site itself lives on such an address (``links.private_addresses = "auto"``,
    setting GELT_PRIVATE_ADDRESSES) or the config says ``allow``; ``block`` forces it on (tests
    of sites on 127.0.0.1 use it).
    """

    def __init__(self, crawler: Crawler, mode: str | None, site_url: str):
        self.crawler = crawler
        self.site_private = host_is_private(urlsplit(site_url).hostname or "")
        self.enabled = mode == "block" or (mode == "auto" and not self.site_private)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> PrivateAddressGuard:
        settings = crawler.settings
        return cls(crawler, settings.get("GELT_PRIVATE_ADDRESSES"), settings.get("GELT_SITE_URL") or "")

    async def process_request(self, request: Request) -> None:
        if not self.enabled:
            return None
        if not request.meta.get("gelt_external") and self.site_private:
            return None  # the configured site itself lives on a private address: the user chose it
        host = urlparse_cached(request).hostname or ""
        if host_is_private(host):
            raise PrivateAddressBlocked(f"dirección privada o local: {host}")
        from twisted.internet import reactor  # the one Scrapy installed, not a default one

        # A lookup that fails here (no answer, or none within DNS_TIMEOUT) fails the request with
        # that error, as the download's own lookup would: letting it go on had the download look the
        # name up again, unguarded, and reach whatever that second answer was (a private address).
        address = await maybe_deferred_to_future(reactor.resolve(host))
        if is_private_address(address):
            raise PrivateAddressBlocked(f"{host} apunta a una dirección privada o local ({address})")
        return None
