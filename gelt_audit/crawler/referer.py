"""The Referer header, decided when a request is made and written when it is downloaded.

Scrapy's RefererMiddleware writes the header on every request a callback yields. The crawl is
breadth first: at 50,000 pages ~44,600 requests wait in the scheduler's queue, and the header's
entry (a Headers dict entry, its key, a list and the value as bytes) cost ~787 B each there
(H179, bench/results-2026-12-06-crawl-memory-h179.md). Here the same policy decides the same
value at the same moment, but the value waits in ``meta`` as one string (shared by the requests
of a page), and the header is written just before the download.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrapy.spidermiddlewares.referer import RefererMiddleware

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response

# meta key of the Referer value a request is to be downloaded with (absent: no header)
REFERER_META = "gelt_referer_header"


class LateRefererMiddleware(RefererMiddleware):
    """Scrapy's RefererMiddleware (same policies, settings and redirect handling), with the value
    kept in ``meta[REFERER_META]`` until LateRefererHeader writes it."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._last: str | None = None

    def get_processed_request(self, request: Request, response: Response | None) -> Request | None:
        """Decide the referrer as Scrapy does; keep it in meta instead of the header."""
        if response is None:  # start requests: no referrer, as in Scrapy
            return request
        referrer = self.policy(response, request).referrer(response.url, request.url)
        if referrer is None:
            # a redirect re-decides: RedirectMiddleware drops the header, so drop what waits too
            request.meta.pop(REFERER_META, None)
            return request
        if referrer == self._last:  # one string for all the requests of a page
            referrer = self._last
        self._last = referrer
        request.meta[REFERER_META] = referrer
        return request


class LateRefererHeader:
    """Downloader middleware: write the Referer header decided by LateRefererMiddleware.

    ``setdefault``, as Scrapy's: a header set on the request by hand wins. It runs before
    DefaultHeadersMiddleware (400), so a Referer in DEFAULT_REQUEST_HEADERS loses, as in Scrapy.
    """

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> LateRefererHeader:
        return cls()

    def process_request(self, request: Request) -> None:
        """Write the waiting Referer value, if any."""
        referrer = request.meta.get(REFERER_META)
        if referrer is not None:
            request.headers.setdefault("Referer", referrer)
        return None
