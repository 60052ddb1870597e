"""The http(s) download handler: Scrapy's HTTP/1.1 one, with the response headers bounded.

Twisted's response parser bounds each header line (16 KiB) but not how many lines come: a
server that sends ``X-a: b`` lines forever fills memory until the download times out (5.5 GB
at the default 30 s). Bodies are bounded by DOWNLOAD_MAXSIZE; here the header section of a
response is bounded by :data:`MAX_HEADER_BYTES`, as browsers do (Chrome stops at 256 KiB).
Past it the connection is dropped and the download fails with :class:`HeadersTooLarge`.

Scrapy's handler keeps its parser classes private (``_LenientHTTP11ClientFactory`` and its
protocol and parser, which skip header lines without a colon): this subclasses them, so a
Scrapy upgrade that renames them fails at import, loudly, not silently unbounded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from scrapy.core.downloader.handlers.http11 import (
    HTTP11DownloadHandler,
    _LenientHTTP11ClientFactory,
    _LenientHTTP11ClientProtocol,
    _LenientHTTPClientParser,
)

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

MAX_HEADER_BYTES = 256 * 1024


class HeadersTooLarge(Exception):
    """A response's status line and headers went past MAX_HEADER_BYTES."""


class _BoundedParser(_LenientHTTPClientParser):
    """Scrapy's lenient response parser, counting the bytes of the status line and headers."""

    def lineReceived(self, line: bytes) -> None:
        # Only the status line and the header lines arrive here: the body is read in raw mode.
        seen = getattr(self, "_gelt_header_bytes", 0) + len(line) + 1
        self._gelt_header_bytes = seen
        if seen > MAX_HEADER_BYTES:
            # HTTP11ClientProtocol.dataReceived turns this into a lost connection and the
            # response's failure (ResponseFailed wrapping this exception).
            raise HeadersTooLarge(f"más de {MAX_HEADER_BYTES // 1024} KiB de cabeceras")
        super().lineReceived(line)


class _BoundedProtocol(_LenientHTTP11ClientProtocol):
    def request(self, request: Any) -> Any:
        d = super().request(request)
        # As Scrapy's own protocol does: the parser this request created gets our class (it
        # adds no state but a counter, which starts at zero for each new parser).
        assert self._parser is not None
        self._parser.__class__ = _BoundedParser
        return d


class _BoundedFactory(_LenientHTTP11ClientFactory):
    def buildProtocol(self, addr: Any) -> _BoundedProtocol:
        return _BoundedProtocol(self._quiescentCallback)


class BoundedHTTP11DownloadHandler(HTTP11DownloadHandler):
    """HTTP11DownloadHandler whose connections bound the response headers (DOWNLOAD_HANDLERS)."""

    def __init__(self, crawler: Crawler):
        super().__init__(crawler)
        self._pool._factory = _BoundedFactory
        # Scrapy keeps CONCURRENT_REQUESTS_PER_DOMAIN idle connections per host, which is the link
        # checker's per_host: with the site's own slot wider than that, each connection past it
        # was closed after its response and opened again for the next request. Keep as many as
        # the site's slot may hold open (other hosts never open more than per_host at once).
        self._pool.maxPersistentPerHost = max(
            self._pool.maxPersistentPerHost, crawler.settings.getint("GELT_SITE_CONCURRENCY")
        )


def headers_too_large(exc: BaseException | None) -> bool:
    """Whether a download failure comes from :class:`HeadersTooLarge` (however wrapped).

    Scrapy wraps Twisted's ResponseFailed in its DownloadFailedError (``__cause__``), and
    ResponseFailed carries its reasons as a list of Failures.
    """
    seen: set[int] = set()
    pending = [exc]
    while pending:
        current = pending.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, HeadersTooLarge):
            return True
        pending.append(current.__cause__)
        pending.append(current.__context__)
        pending.extend(getattr(reason, "value", None) for reason in getattr(current, "reasons", None) or ())
    return False
