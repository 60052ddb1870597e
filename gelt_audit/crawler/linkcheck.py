"""External link checking inside the crawl: Scrapy requests, HEAD first, results cached."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import AsyncIterator, Iterable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urljoin, urlsplit

import scrapy
from scrapy.http import Response
from twisted.python.failure import Failure

from gelt_audit.crawler.errors import describe_failure
from gelt_audit.crawler.extract import Link, strip_fragment
from gelt_audit.crawler.middlewares import PrivateAddressBlocked
from gelt_audit.linkstate import BLOCKED, BROKEN, OK, SKIPPED, classify, host_is_private, looks_blocked
from gelt_audit.store import utcnow

MAX_HOPS = 5
MAX_RETRIES = 2
MAX_RETRY_AFTER = 10.0
BROWSER_HEADERS = {
    "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
    "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    "Accept-Language": "es-CO,es;q=0.9,en;q=0.5",
}
CHECKED_TAGS = ("a", "area", "img", "script", "link", "iframe", "frame", "source", "embed")


def retry_after(value: bytes | None, attempt: int) -> float:
    """Seconds to wait before retrying: the server's Retry-After, else exponential backoff."""
    if value and value.strip().isdigit():
        return min(float(value.strip()), MAX_RETRY_AFTER)
    return min(2.0**attempt, MAX_RETRY_AFTER)


class LinkChecking:
    """Mixin for the site spider: check every external link target once per crawl."""

    def setup_link_checks(self) -> None:
        links = self.cfg.links
        self.check_external = links["check_external"]
        self.link_timeout = links["timeout"]
        self.link_exclude = [re.compile(p) for p in links["exclude"]]
        mode = links["private_addresses"]
        self.site_private = host_is_private(urlsplit(self.start_url).hostname or "")
        self.guard_private = mode == "block" or (mode == "auto" and not self.site_private)
        self.recheck_after = timedelta(days=links["recheck_ok_days"])
        self.link_cache = self.store.link_cache()
        self.checked: set[str] = set()

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
                yield {**cached, "type": "link_check", "chain": json.loads(cached["chain"] or "[]"), "cached": 1}
                continue
            yield self.check_request(url, {"url": url, "chain": [], "attempt": 0, "browser": False})

    def _fresh(self, cached: dict[str, Any]) -> bool:
        # Only good answers are reused; a broken or blocked link is checked again every run.
        if cached["state"] not in (OK, "redirect"):
            return False
        checked = datetime.fromisoformat(cached["checked_at"])
        return datetime.now(UTC) - checked < self.recheck_after

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
    ) -> dict[str, Any]:
        self.crawler.stats.inc_value(f"gelt/links_{state}")
        return {
            "type": "link_check",
            "url": url,
            "state": state,
            "status": status,
            "error": error,
            "chain": chain or [],
            "final_url": final_url or url,
            "method": method,
            "checked_at": utcnow(),
            "cached": 0,
        }

    async def parse_check(self, response: Response) -> AsyncIterator[Any]:
        check = dict(response.meta["gelt_check"])
        method = response.request.method
        status = response.status
        if status in (301, 302, 303, 307, 308) and response.headers.get(b"Location"):
            target = urljoin(response.url, response.headers[b"Location"].decode("latin-1"))
            chain = [*check["chain"], [response.url, status]]
            seen = {hop[0] for hop in chain}
            if target in seen or len(chain) >= MAX_HOPS:
                reason = "bucle de redirecciones" if target in seen else f"más de {MAX_HOPS} redirecciones"
                yield self.check_item(check["url"], BROKEN, status, reason, chain, target, method)
                return
            yield self.check_request(target, {**check, "chain": chain, "attempt": 0}, method)
            return
        if method == "HEAD" and status >= 400:
            # Many servers refuse or mishandle HEAD (405, 501, even 404): ask again with GET.
            yield self.check_request(response.url, check, "GET")
            return
        if status in (429, 503) and check["attempt"] < MAX_RETRIES:
            await asyncio.sleep(retry_after(response.headers.get(b"Retry-After"), check["attempt"]))
            yield self.check_request(response.url, {**check, "attempt": check["attempt"] + 1}, method)
            return
        headers = {k.decode("latin-1"): b",".join(v).decode("latin-1") for k, v in response.headers.items()}
        if looks_blocked(status, headers, response.body):
            if not check["browser"]:
                yield self.check_request(response.url, {**check, "browser": True, "attempt": 0}, "GET")
                return
            reason = f"no verificable automáticamente (HTTP {status}: el servidor rechaza a los robots)"
            yield self.check_item(check["url"], BLOCKED, status, reason, check["chain"], response.url, method)
            return
        state, reason = classify(status, None, check["chain"])
        yield self.check_item(check["url"], state, status, reason, check["chain"], response.url, method)

    def check_failed(self, failure: Failure) -> Iterator[dict[str, Any]]:
        check = failure.request.meta["gelt_check"]
        if failure.check(PrivateAddressBlocked):
            reason = f"no se verifica por seguridad: {failure.value}"
            yield self.check_item(check["url"], SKIPPED, None, reason, check["chain"], failure.request.url)
            return
        reason = describe_failure(failure)
        yield self.check_item(check["url"], BROKEN, None, reason, check["chain"], failure.request.url)
