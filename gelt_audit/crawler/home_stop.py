"""A crawl stops asking once its home page says the site was not seen (H303).

The home page moved to another address, answered an error, is forbidden by robots.txt or did not
answer: the crawl fails all the same (``verdict``), and what it would still ask — the pages of the
sitemap of an address that moved, among them — is not the site's. The home page's snapshot is kept;
the rest of its answer (the requests of its links) is dropped and the crawl closes with
:data:`verdict.HOME_STOP`, which the verdict reads as the home page's failure.

Distributed workers opt out (``stop_on_home_error = False``): their coordinator reads the home page's
answer and ends the crawl, and a worker's crawler serves other sites too.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import scrapy
from scrapy.exceptions import CloseSpider
from scrapy.http import Response

from gelt_audit.crawler.verdict import HOME_STOP


class HomeStop:
    """Mixin of the site spider: ``parse_page`` sends the home page's answer through :meth:`_home_page`."""

    stop_on_home_error = True
    home: str
    home_error: str | None

    def _parse_page(self, response: Response) -> Iterator[Any]:  # the spider's
        raise NotImplementedError

    def parse_page(self, response: Response) -> Iterator[Any]:
        """What a response gives: its snapshot, then the requests of its links (every page but the home
        page straight from the spider's ``_parse_page``: no layer more on the crawl's hot path)."""
        if self.stop_on_home_error and response.request is not None and response.request.url == self.home:
            return self._home_page(response)
        return self._parse_page(response)

    def _home_page(self, response: Response) -> Iterator[Any]:
        outputs = list(self._parse_page(response))  # one page: its answer judged (home_error) as it is read
        if self.home_error is None:
            yield from outputs
            return
        yield from (out for out in outputs if not isinstance(out, scrapy.Request))
        raise CloseSpider(HOME_STOP)

    def home_failed(self, reason: str) -> None:
        """The home page's request failed for ``reason``: nothing of the site was seen, nothing more is asked."""
        self.home_error = reason
        if self.stop_on_home_error:
            raise CloseSpider(HOME_STOP)
