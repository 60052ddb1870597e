"""External link checking inside the crawl: Scrapy requests, HEAD first, results cached."""

from __future__ import annotations

import asyncio
import json
import re
from collections import deque
from collections.abc import AsyncIterator, Iterable, Iterator
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import scrapy
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Response
from scrapy.settings import BaseSettings
from twisted.python.failure import Failure

from gelt_audit import clock
from gelt_audit.crawler.errors import TIMEOUTS, describe_failure, tunnel_refused, unreachable
from gelt_audit.crawler.items import LinkCheckItem
from gelt_audit.crawler.middlewares import PrivateAddressBlocked
from gelt_audit.linkstate import (
    BLOCKED,
    BROKEN,
    MAX_REDIRECTS,
    OK,
    PROXY_REFUSED,
    REDIRECT_STATUSES,
    SKIPPED,
    UNVERIFIED,
    classify,
    http_reason,
    looks_blocked,
    proxy_refused,
    rate_limit_reason,
    scheme_not_allowed,
)
from gelt_audit.markup import Link, strip_fragment
from gelt_audit.store import utcnow

MAX_RETRIES = 2
MAX_RETRY_AFTER = 10.0
# The longest a 429's Retry-After is waited for, once: a host that asks for more (or answers 429
# again after the wait) gets no more requests this crawl, and its links stay unverified.
MAX_RATE_LIMIT_WAIT = 60.0
# Timeouts in a row after which a host's remaining links are not requested (a hanging host
# would otherwise hold the crawl for its links x timeout / per_host).
HOST_TIMEOUTS_TRIP = 3
BROWSER_HEADERS = {
    "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
    "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    "Accept-Language": "es-CO,es;q=0.9,en;q=0.5",
}
CHECKED_TAGS = ("a", "area", "img", "script", "link", "iframe", "frame", "source", "embed")
# What a forward proxy answers by itself when it reaches no server: 502 (Bad Gateway), 504
# (Gateway Timeout), and 503, Squid's answer to a failed name lookup or connection.
PROXY_GATEWAY_STATUSES = (502, 503, 504)


def retry_after(value: bytes | None, attempt: int) -> float:
    """Seconds to wait before retrying: the server's Retry-After, else exponential backoff."""
    if value and value.strip().isdigit():
        return min(float(value.strip()), MAX_RETRY_AFTER)
    return min(2.0**attempt, MAX_RETRY_AFTER)


def seconds_asked(value: bytes | None) -> float | None:
    """The wait a Retry-After asks for, in seconds (delta-seconds or an HTTP date), or None."""
    text = (value or b"").decode("latin-1").strip()
    if not text:
        return None
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max((when - clock.now()).total_seconds(), 0.0)


class LinkChecking:
    """Mixin for the site spider: check every external link target once per crawl."""

    def setup_link_checks(self, settings: BaseSettings) -> None:
        """Read the GELT_* link settings (the spider's from_crawler calls this)."""
        self.check_external = settings.getbool("GELT_CHECK_EXTERNAL")
        self.link_timeout = settings.getfloat("GELT_LINK_TIMEOUT")
        self.link_exclude = [re.compile(p) for p in settings.getlist("GELT_LINK_EXCLUDE")]
        self.recheck_after = timedelta(days=settings.getfloat("GELT_RECHECK_OK_DAYS"))
        self.link_cache = self.store.link_cache()
        self.checked: set[str] = set()
        # Checks of one host:port go out links.per_host at a time from here, not from Scrapy's
        # queues: Scrapy hands requests to a download slot (per host name, not port) long before
        # they leave, so a host found hanging could not take back the checks already queued.
        self.gate_checks = True
        self.per_host = settings.getint("GELT_LINK_PER_HOST")
        self.in_flight: dict[str, int] = {}
        self.waiting: dict[str, deque[scrapy.Request]] = {}
        self.host_timeouts: dict[str, int] = {}
        # host:port -> why its links are not requested any more (it answered 429 and asked to wait)
        self.host_limited: dict[str, str] = {}

    def host_tripped(self, netloc: str) -> bool:
        """Whether a host has let HOST_TIMEOUTS_TRIP checks in a row time out."""
        return self.host_timeouts.get(netloc, 0) >= HOST_TIMEOUTS_TRIP

    def _admit(self, request: scrapy.Request) -> Iterator[Any]:
        """The request, now or when a check of its host finishes; a tripped or limited host's answer."""
        limited = self.host_limited.get(_netloc(request.url))
        if limited is not None:
            check = request.meta["gelt_check"]
            yield self.check_item(check["url"], UNVERIFIED, None, limited, check["chain"], request.url)
            return
        if not self.gate_checks:
            yield request
            return
        netloc = _netloc(request.meta["gelt_check"]["url"])
        if self.host_tripped(netloc):
            yield self._not_requested(request, netloc)
        elif self.in_flight.get(netloc, 0) < self.per_host:
            self.in_flight[netloc] = self.in_flight.get(netloc, 0) + 1
            yield request
        else:
            self.waiting.setdefault(netloc, deque()).append(request)

    def _done(self, check: dict[str, Any], item: LinkCheckItem, timed_out: bool = False) -> Iterator[Any]:
        """A check's final result, then the next waiting checks of its host."""
        yield item
        if not self.gate_checks:
            return
        netloc = _netloc(check["url"])
        if not self.host_tripped(netloc):
            self.host_timeouts[netloc] = self.host_timeouts.get(netloc, 0) + 1 if timed_out else 0
            if self.host_tripped(netloc):
                self.crawler.stats.inc_value("gelt/link_hosts_unresponsive")
                self.logger.info("%s no responde: no se comprueban más enlaces de ese servidor", netloc)
        self.in_flight[netloc] -= 1
        waiting = self.waiting.get(netloc)
        while waiting and (self.host_tripped(netloc) or self.in_flight[netloc] < self.per_host):
            yield from self._admit(waiting.popleft())

    def release_waiting_checks(self) -> None:
        """On spider_idle: a check lost without an answer must not hold its host's queue."""
        if not any(self.waiting.values()):
            return
        for netloc, waiting in self.waiting.items():
            self.in_flight[netloc] = 0
            while waiting and self.in_flight[netloc] < self.per_host:
                for out in self._admit(waiting.popleft()):
                    if isinstance(out, scrapy.Request):
                        self.crawler.engine.crawl(out)
        raise DontCloseSpider

    def _not_requested(self, request: scrapy.Request, netloc: str) -> LinkCheckItem:
        check = request.meta["gelt_check"]
        reason = (
            f"el servidor no respondió: {HOST_TIMEOUTS_TRIP} comprobaciones seguidas de enlaces de {netloc} "
            "agotaron el tiempo de espera; este enlace no se pidió"
        )
        item = self.check_item(check["url"], BROKEN, None, reason, check["chain"], request.url)
        item.unreachable = 1  # no answer, like the checks that tripped the host: settled at the end
        return item

    def is_external(self, url: str) -> bool:
        return urlsplit(url).netloc.lower() not in self.allowed_hosts

    def external_checks(self, links: Iterable[Link]) -> Iterator[Any]:
        """Requests (or cached results) for the external targets of a page's links."""
        if not self.check_external:
            return
        for link in links:
            if link.tag not in CHECKED_TAGS or not link.url.startswith(("http://", "https://")):
                continue
            url = strip_fragment(link.url)
            if url in self.checked or not self.is_external(url):
                continue
            self.checked.add(url)
            if any(p.search(url) for p in self.link_exclude):
                yield self.check_item(url, SKIPPED, error="excluido por la configuración (links.exclude)")
                continue
            cached = self.link_cache.get(url)
            if cached and self._fresh(cached):
                yield LinkCheckItem(**{**cached, "chain": json.loads(cached["chain"] or "[]"), "cached": 1})
                continue
            yield from self._admit(self.check_request(url, {"url": url, "chain": [], "attempt": 0, "browser": False}))

    def _fresh(self, cached: dict[str, Any]) -> bool:
        # Only good answers are reused; a broken or blocked link is checked again every run.
        if cached["state"] not in (OK, "redirect"):
            return False
        checked = datetime.fromisoformat(cached["checked_at"])
        return clock.now() - checked < self.recheck_after

    def check_request(self, url: str, check: dict[str, Any], method: str = "HEAD") -> scrapy.Request:
        headers = BROWSER_HEADERS if check["browser"] else None
        return scrapy.Request(
            url,
            method=method,
            headers=headers,
            callback=self.parse_check,
            errback=self.check_failed,
            dont_filter=True,
            priority=-1,  # the site's own pages first
            meta={
                "gelt_check": check,
                "gelt_external": True,
                "allow_offsite": True,
                "dont_redirect": True,
                "dont_retry": True,
                "handle_httpstatus_all": True,
                "download_timeout": self.link_timeout,
                "referrer_policy": "no-referrer",
                "dont_obey_robotstxt": True,  # one check of a link is not crawling that site
            },
        )

    def check_item(
        self,
        url: str,
        state: str,
        status: int | None = None,
        error: str | None = None,
        chain: list | None = None,
        final_url: str | None = None,
        method: str | None = None,
    ) -> LinkCheckItem:
        self.crawler.stats.inc_value(f"gelt/links_{state}")
        return LinkCheckItem(
            url=url, state=state, status=status, error=error, chain=chain or [], final_url=final_url or url,
            method=method, checked_at=utcnow(),
        )  # fmt: skip

    async def parse_check(self, response: Response) -> AsyncIterator[Any]:
        check = dict(response.meta["gelt_check"])
        method = response.request.method
        status = response.status
        if status in REDIRECT_STATUSES and response.headers.get(b"Location"):
            target = urljoin(response.url, response.headers[b"Location"].decode("latin-1"))
            chain = [*check["chain"], [response.url, status]]
            seen = {hop[0] for hop in chain}
            not_web = scheme_not_allowed(target)
            if not_web or target in seen or len(chain) >= MAX_REDIRECTS:
                # a redirect to file:, data:, ftp:… is a final answer: never requested
                reason = not_web or (
                    "bucle de redirecciones" if target in seen else f"más de {MAX_REDIRECTS} redirecciones"
                )
                for out in self._done(
                    check, self.check_item(check["url"], BROKEN, status, reason, chain, target, method)
                ):
                    yield out
                return
            limited = self.host_limited.get(_netloc(target))
            if limited is not None:
                item = self.check_item(check["url"], UNVERIFIED, None, limited, chain, target, method)
                for out in self._done(check, item):
                    yield out
                return
            yield self.check_request(target, {**check, "chain": chain, "attempt": 0}, method)
            return
        if status == 429:
            async for out in self._rate_limited(response, check):
                yield out
            return
        if method == "HEAD" and status >= 400:
            # Many servers refuse or mishandle HEAD (405, 501, even 404): ask again with GET.
            yield self.check_request(response.url, check, "GET")
            return
        if status == 503 and check["attempt"] < MAX_RETRIES:
            await asyncio.sleep(retry_after(response.headers.get(b"Retry-After"), check["attempt"]))
            yield self.check_request(response.url, {**check, "attempt": check["attempt"] + 1}, method)
            return
        headers = {k.decode("latin-1"): b",".join(v).decode("latin-1") for k, v in response.headers.items()}
        if _proxied_plain_http(response) and proxy_refused(status, headers):
            for out in self._proxy_refusal(check, status, response.url, method):
                yield out
            return
        if looks_blocked(status, headers, response.body):
            if not check["browser"]:
                yield self.check_request(response.url, {**check, "browser": True, "attempt": 0}, "GET")
                return
            reason = f"no verificable automáticamente (HTTP {status}: el servidor rechaza a los robots)"
            for out in self._done(
                check, self.check_item(check["url"], BLOCKED, status, reason, check["chain"], response.url, method)
            ):
                yield out
            return
        if status in PROXY_GATEWAY_STATUSES and _proxied_plain_http(response):
            # A plain-HTTP check asks the proxy, which answers this itself when it cannot reach the
            # server (or the internet): held like a check that reached no server, settled at the end
            # (StorePipeline.settle_unreachable): broken if other external servers answered.
            item = self.check_item(
                check["url"], BROKEN, status, http_reason(status), check["chain"], response.url, method
            )
            item.unreachable = 1
            for out in self._done(check, item):
                yield out
            return
        state, reason = classify(status, None, check["chain"])
        for out in self._done(
            check, self.check_item(check["url"], state, status, reason, check["chain"], response.url, method)
        ):
            yield out

    def _proxy_refusal(self, check: dict[str, Any], status: int, url: str, method: str) -> Iterator[Any]:
        """The auditor's own proxy refused the check by its rules (403 with its error header, 407):
        the server was never asked, so the link is unverified, never broken nor «rechaza a los
        robots». Held like a check that reached no server (StorePipeline.settle_unreachable words
        it, and counts it toward «no external server answered» when none did)."""
        words = f"{PROXY_REFUSED} (HTTP {status})"
        item = self.check_item(check["url"], UNVERIFIED, status, words, check["chain"], url, method)
        item.unreachable = 1
        yield from self._done(check, item)

    async def _rate_limited(self, response: Response, check: dict[str, Any]) -> AsyncIterator[Any]:
        """A 429: wait once for what Retry-After asks (up to MAX_RATE_LIMIT_WAIT) and ask again;
        a longer wait or a second 429 leaves the host alone for the rest of the crawl."""
        asked = seconds_asked(response.headers.get(b"Retry-After"))
        if check["attempt"] < 1 and (asked is None or asked <= MAX_RATE_LIMIT_WAIT):
            await asyncio.sleep(asked if asked is not None else retry_after(None, 1))
            yield self.check_request(response.url, {**check, "attempt": check["attempt"] + 1}, response.request.method)
            return
        netloc = _netloc(response.url)
        reason = rate_limit_reason(asked)
        if netloc not in self.host_limited:
            self.host_limited[netloc] = reason
            self.crawler.stats.inc_value("gelt/link_hosts_rate_limited")
            self.logger.info("%s pide esperar (429): no se comprueban más enlaces de ese servidor", netloc)
        item = self.check_item(
            check["url"], UNVERIFIED, 429, reason, check["chain"], response.url, response.request.method
        )
        for out in self._done(check, item):
            yield out

    def check_failed(self, failure: Failure) -> Iterator[LinkCheckItem]:
        check = failure.request.meta["gelt_check"]
        if failure.check(PrivateAddressBlocked):
            reason = f"no se verifica por seguridad: {failure.value}"
            yield from self._done(
                check, self.check_item(check["url"], SKIPPED, None, reason, check["chain"], failure.request.url)
            )
            return
        refused = tunnel_refused(failure)
        if refused is not None:
            yield from self._proxy_refusal(check, refused, failure.request.url, failure.request.method)
            return
        reason = describe_failure(failure)
        item = self.check_item(check["url"], BROKEN, None, reason, check["chain"], failure.request.url)
        # No server reached, or no answer in time: broken, unless no external server answers at all
        # this crawl (this machine is offline, or a firewall drops its packets: every check then times
        # out), which the pipeline decides at the end (StorePipeline.settle_unreachable).
        timed_out = failure.check(*TIMEOUTS) is not None
        item.unreachable = int(unreachable(failure) or timed_out)
        yield from self._done(check, item, timed_out=timed_out)


def _proxied_plain_http(response: Response) -> bool:
    """Whether the answer came from a forward proxy (HTTP_PROXY) rather than through a tunnel to
    the server: an https:// check through a proxy gets the server's own answer (CONNECT)."""
    return bool(response.meta.get("proxy")) and response.url.startswith("http://")


def _netloc(url: str) -> str:
    return urlsplit(url).netloc.lower()
