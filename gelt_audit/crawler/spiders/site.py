"""The spider: one municipal website, from its home page and its sitemaps."""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

import scrapy
from scrapy import signals
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.settings import BaseSettings
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots
from twisted.python.failure import Failure
from w3lib.url import safe_url_string

from gelt_audit.config import NoiseRule, load_config
from gelt_audit.crawler.depths import request_url
from gelt_audit.crawler.errors import describe_failure
from gelt_audit.crawler.home_stop import HomeStop
from gelt_audit.crawler.items import SnapshotItem, TlsItem
from gelt_audit.crawler.linkcheck import LinkChecking
from gelt_audit.crawler.settings import settings_for
from gelt_audit.crawler.verdict import ROBOTS_FORBID, home_problem, is_seen
from gelt_audit.decoding import decode_html
from gelt_audit.formats import document_suffix
from gelt_audit.linkstate import REDIRECT_STATUSES
from gelt_audit.markup import (
    RESOURCE_TAGS,
    Link,
    extract,
    follow_targets,
    header_text,
    normalise_url,
)
from gelt_audit.store import Store, text_hash

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

# Sitemaps: levels of indexes followed below the ones robots.txt and /sitemap.xml name, and files
# read in all (the protocol allows one level; a chain of 400 nested indexes was read to its end).
MAX_SITEMAP_LEVELS = 3
MAX_SITEMAPS = 50
SECURITY_HEADERS = (
    "strict-transport-security", "content-security-policy", "x-content-type-options", "x-frame-options",
    "referrer-policy", "permissions-policy", "server", "x-powered-by", "x-aspnet-version", "set-cookie",
)  # fmt: skip


def is_document(url: str) -> bool:
    """Whether a URL names a document (a file the crawler checks with HEAD, not a page)."""
    return document_suffix(url) is not None


def _validators_if_new(item: SnapshotItem, known: dict[str, Any]) -> dict[str, Any]:
    """What a 304 stores of its validators: nothing when it repeats the known ones (the store
    reads them from the last version that carried them), all three when one changed."""
    etag = item.etag or known["etag"]
    last_modified = item.last_modified or known["last_modified"]
    if (etag, last_modified) == (known["etag"], known["last_modified"]):
        return {"content_type": None, "etag": None, "last_modified": None}
    return {"content_type": known["content_type"], "etag": etag, "last_modified": last_modified}


def sitemap_key(url: str) -> str:
    """A requested URL as scrapy.Request keeps it (the snapshot's page URL), for a lastmod kept apart."""
    return safe_url_string(url, "utf-8")


def is_html(content_type: str, body: bytes) -> bool:
    if content_type:
        return "html" in content_type.lower()
    return body[:1024].lstrip().lower().startswith((b"<!doctype html", b"<html"))


class SiteSpider(HomeStop, LinkChecking, scrapy.Spider):
    """Crawl one site into the store: every page, its links, its main content."""

    name = "site"
    relax_depths = True  # a page met nearer later passes it on (met_again); not in distributed workers
    track_shown = True  # a URL shown as a resource, then linked as a page, is requested again (shown_only)

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, config: str | None = None, **kwargs: Any) -> SiteSpider:
        if config is not None or not crawler.settings.get("GELT_SITE_URL"):
            # Started by `scrapy crawl site -a config=gelt.toml`: the config has not reached the
            # settings yet. They stay open until the spider exists, so gelt.toml applies here.
            crawler.settings.setdict(settings_for(load_config(config or "gelt.toml")), priority="spider")
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.setup(crawler.settings)
        crawler.signals.connect(spider.release_waiting_checks, signal=signals.spider_idle)
        return spider

    def setup(self, settings: BaseSettings) -> None:
        """Read the crawl's GELT_* settings and open its state (the store and what it knows)."""
        self.start_url = settings["GELT_SITE_URL"]
        self.home = self.start_url.split("#", 1)[0]
        self.allowed_hosts = set(settings.getlist("GELT_HOSTS"))
        self.allowed_domains = sorted({h.rsplit(":", 1)[0] if not h.endswith("]") else h for h in self.allowed_hosts})
        self.max_pages = settings.getint("GELT_MAX_PAGES")
        self.max_depth = settings.getint("GELT_MAX_DEPTH")
        self.max_variants = settings.getint("GELT_MAX_QUERY_VARIANTS")
        self.max_links = settings.getint("GELT_MAX_LINKS_PER_PAGE") or 2000
        self.exclude = [re.compile(p) for p in settings.getlist("GELT_EXCLUDE")]
        self.session_params = settings.getlist("GELT_SESSION_PARAMS")
        self.noise = [NoiseRule(p, tuple(s), tuple(pt)) for p, s, pt in settings.getlist("GELT_NOISE")]
        self.seen: set[str] = set()
        # URLs requested only as resources so far (an <img>, a <link rel="canonical">, an <embed>: a
        # HEAD, never parsed, out of the checklist), and those a page or document link requested again
        # since (page_request): the later answer stands, the resource's is dropped. Which page a crawl
        # parses first depends on the order answers arrive in; what a URL is must not (H299).
        # ``track_shown`` False (the distributed spider) leaves ``shown_only`` empty.
        self.shown_only: set[str] = set()
        self.linked_after: set[str] = set()
        # The smallest depth each requested URL was met at, and the links each page (or redirect)
        # led to: a page met again nearer the home page passes the gain on to what it links to,
        # so max_depth cuts by the shortest path the crawl has seen (not by the order answers
        # arrived in); relaxed holds the requests that gain made possible.
        self.met: dict[str, int] = {}
        self.followed: dict[str, tuple[int, int, list[str], list[str]]] = {}
        self.relaxed: list[scrapy.Request] = []
        self.pages_scheduled = 0
        self.variants: dict[str, set[str]] = defaultdict(set)
        self.open_state(settings)
        self._seed_variants()
        self.home_error: str | None = None
        self.last_network_error: str | None = None
        self.certificates_seen: set[str] = set()
        self.sitemaps_seen: set[str] = set()
        self.sitemaps_skipped = 0
        # A sitemap's lastmod of a URL the crawl had already requested (met by a link first): its
        # request carries none, so the pipeline settles it on the URL's snapshot at the close
        # (StorePipeline.settle_lastmods). Which way a page was reached depends on the order answers
        # arrive in; what the sitemap says of it must not.
        self.sitemap_lastmods: dict[str, str] = {}
        self.setup_link_checks(settings)

    def open_state(self, settings: BaseSettings) -> None:
        """The store, and the validators of the site's pages it holds (for conditional requests)."""
        self.store = Store(settings["GELT_STORE"])
        self.previous = self.store.validators(settings.getlist("GELT_HOSTS"))

    def _seed_variants(self) -> None:
        """Keep the query variants seen last time, so bounded paths cover the same URLs each crawl.

        Otherwise which ten months of an endless calendar get crawled depends on scheduling
        order, and the change audit would see calendar pages come and go.
        """
        for url in self.previous:  # most recent first
            parts = urlsplit(url)
            if parts.query:
                variants = self.variants[f"{parts.netloc}{parts.path}"]
                if len(variants) < self.max_variants:
                    variants.add(parts.query)

    # -- requests -------------------------------------------------------------
    async def start(self) -> AsyncIterator[Any]:
        parts = urlsplit(self.start_url)
        root = f"{parts.scheme}://{parts.netloc}"
        home = self.page_request(self.start_url, depth=0)
        if home is not None:
            yield home
        yield self.sitemap_request(f"{root}/robots.txt", self.parse_robots)
        sitemap = self.sitemap_request(f"{root}/sitemap.xml", self.parse_sitemap, level=0)
        if sitemap is not None:
            yield sitemap
        if parts.scheme == "https":
            # Does the plain-http address send visitors to https? (a security audit question)
            yield scrapy.Request(
                f"http://{parts.netloc}/",
                callback=self.parse_page,
                errback=self.page_error,
                dont_filter=True,
                meta={"gelt_kind": "probe", "dont_redirect": True, "handle_httpstatus_all": True},
            )

    def sitemap_request(self, url: str, callback: Any, level: int | None = None) -> scrapy.Request | None:
        """A request for robots.txt (``level`` None) or a sitemap, or None past the sitemap bounds.

        ``level`` is 0 for the sitemaps robots.txt names and /sitemap.xml, one more per index
        followed: at most MAX_SITEMAP_LEVELS levels of indexes below them and MAX_SITEMAPS files in
        all (a chain of nested indexes is otherwise followed without end).
        """
        meta: dict[str, Any] = {"handle_httpstatus_all": True, "gelt_kind": "sitemap"}
        if level is not None:
            if url in self.sitemaps_seen:
                return None
            if level > MAX_SITEMAP_LEVELS or len(self.sitemaps_seen) >= MAX_SITEMAPS:
                self._skip_sitemap(url, level)
                return None
            self.sitemaps_seen.add(url)
            meta["gelt_sitemap_level"] = level
        return scrapy.Request(url, callback=callback, errback=self.ignore, meta=meta)

    def _skip_sitemap(self, url: str, level: int) -> None:
        self._count("sitemaps_skipped")
        self.sitemaps_skipped += 1
        if self.sitemaps_skipped == 1:  # once: the stats (gelt/sitemaps_skipped) say how many
            why = (
                f"más de {MAX_SITEMAP_LEVELS} niveles de índices de sitemaps"
                if level > MAX_SITEMAP_LEVELS
                else f"más de {MAX_SITEMAPS} sitemaps"
            )
            self.logger.info("Sitemaps no leídos (%s; ver gelt/sitemaps_skipped), el primero: %s", why, url)

    def _count(self, name: str) -> None:
        self.crawler.stats.inc_value(f"gelt/{name}")

    def _count_seen(self, item: SnapshotItem) -> None:
        if is_seen(item.kind, item.status):  # the verdict's «was anything of the site seen»
            self._count("seen")

    def page_request(
        self, url: str, depth: int, referer: str | None = None, lastmod: str | None = None, kind: str | None = None
    ) -> scrapy.Request | None:
        """A request for a URL of the site, or None when a bound or rule says no."""
        shown_only = self.shown_only
        if url in self.seen and (kind == "resource" or url not in shown_only):
            # most links of a page: seen URLs have no fragment and no session id (and no set lookup
            # more than that: shown_only is asked only of URLs seen, and mostly empty)
            self.met_again(url, depth)
            return None
        url = request_url(url, self.session_params)
        again = url in self.seen
        if again and (kind == "resource" or url not in shown_only):
            self.met_again(url, depth)
            return None
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or parts.netloc.lower() not in self.allowed_hosts:
            return None
        if any(p.search(url) for p in self.exclude):
            self._count("excluded")
            return None
        if depth > self.max_depth:
            self._count("too_deep")
            return None
        kind = kind or ("document" if is_document(url) else "page")
        if kind == "page":
            if parts.query:
                key = f"{parts.netloc}{parts.path}"
                variants = self.variants[key]
                if parts.query not in variants and len(variants) >= self.max_variants:
                    self._count("query_variants_skipped")
                    return None
                variants.add(parts.query)
            if self.pages_scheduled >= self.max_pages:
                self._count("max_pages_skipped")
                return None
            self.pages_scheduled += 1
        self.seen.add(url)
        if kind == "resource":
            if self.track_shown:
                shown_only.add(url)
        elif again:
            self.shown_only.discard(url)
            self.linked_after.add(url)
        if self.relax_depths:
            self.met[url] = depth
        return scrapy.Request(
            url,
            method="GET" if kind == "page" else "HEAD",
            callback=self.parse_page,
            errback=self.page_error,
            priority=-depth,  # breadth first (with the FIFO queues in settings): depth is click depth
            meta={
                "gelt_kind": kind,
                "gelt_depth": depth,
                "gelt_referer": referer,
                "gelt_lastmod": lastmod,
                "dont_redirect": True,
                "handle_httpstatus_all": True,
            },
            dont_filter=again,  # the resource's request had its fingerprint (a HEAD, as a document's)
        )

    def follow(self, links: list[Link], depth: int, referer: str, step: int = 1) -> Iterator[Any]:
        """Requests for the site's pages and resources a page links to, and its external checks.

        ``depth`` is the links' depth, ``step`` what they add to the referer's (0: a redirect).
        """
        pages, resources = targets(links)
        if self.relax_depths and depth > step:  # a page met at 0 never gets nearer: nothing to pass on
            self.keep_followed(referer, depth, step, pages, resources)
        yield from self.requests_for(pages, resources, depth, referer)
        yield from self.external_checks(links)

    def keep_followed(self, referer: str, depth: int, step: int, pages: list[str], resources: list[str]) -> None:
        """Keep what a page links to for met_again, but for the URLs it can never bring nearer.

        Whatever depth the page gets to, its links are at ``step`` or more: a URL already met at
        ``step`` or less (the home page, the menu's first level, sitemap pages) gains nothing from
        it, and met_again would stop at it. URLs not met yet (cut, or not normal form) stay.
        """
        met = self.met
        pages = [url for url in pages if met.get(url, depth) > step]
        resources = [url for url in resources if met.get(url, depth) > step]
        if pages or resources:
            self.followed[referer] = (depth, step, pages, resources)

    def requests_for(self, pages: list[str], resources: list[str], depth: int, referer: str) -> Iterator[Any]:
        for url in pages:
            request = self.page_request(url, depth, referer)
            if request is not None:
                yield request
        for url in resources:
            request = self.page_request(url, depth, referer, kind="resource")
            if request is not None:
                yield request
        relaxed, self.relaxed = self.relaxed, []
        yield from relaxed

    def met_again(self, url: str, depth: int) -> None:
        """A requested URL met at ``depth``: when nearer than before, what its page links to is
        nearer too (and a link cut as too deep may now be within max_depth: its request waits in
        ``relaxed``)."""
        if not self.relax_depths or depth >= self.met.get(url, depth):
            return
        self.met[url] = depth
        followed = self.followed.get(url)
        if followed is None or depth + followed[1] >= followed[0]:
            return  # not parsed yet (it will use the smaller depth), or its links already as near
        _, step, pages, resources = followed
        self.followed[url] = (depth + step, step, pages, resources)
        saved, self.relaxed = self.relaxed, []
        saved.extend(self.requests_for(pages, resources, depth + step, url))
        self.relaxed = saved

    # -- robots.txt and sitemaps -------------------------------------------------
    def parse_robots(self, response: Response) -> Iterator[scrapy.Request]:
        if response.status != 200:
            return
        for url in sitemap_urls_from_robots(response.body, base_url=response.url):
            request = self.sitemap_request(url, self.parse_sitemap, level=0)
            if request is not None:
                yield request

    def parse_sitemap(self, response: Response) -> Iterator[scrapy.Request]:
        if response.status != 200:
            return
        body = response.body
        if body[:2] == b"\x1f\x8b":
            try:
                # Bounded while decompressing: a gzip bomb stops at the size limit.
                body = gunzip(body, max_size=self.crawler.settings.getint("DOWNLOAD_MAXSIZE"))
            except Exception:  # corrupt, or bigger than DOWNLOAD_MAXSIZE once decompressed
                self._count("bad_sitemap")
                return
        try:
            sitemap = Sitemap(body)
        except Exception:  # a malformed sitemap is the site's problem, not a reason to stop
            self._count("bad_sitemap")
            return
        dated: list[tuple[str, str, bool]] = []  # (loc, lastmod, whether this entry made the request)
        for entry in sitemap:
            loc = entry.get("loc")
            if not loc:
                continue
            # The protocol wants absolute <loc>s; many municipal sitemaps are relative anyway.
            loc = urljoin(response.url, loc)
            if sitemap.type == "sitemapindex":
                level = response.meta.get("gelt_sitemap_level", 0) + 1
                request = self.sitemap_request(loc, self.parse_sitemap, level)
                if request is not None:
                    yield request
            else:
                lastmod = entry.get("lastmod")
                request = self.page_request(loc, depth=1, referer=response.url, lastmod=lastmod)
                if request is not None:
                    yield request
                if lastmod:
                    dated.append((loc, lastmod, request is not None))
                relaxed, self.relaxed = self.relaxed, []  # a page met again at 1, nearer than before
                yield from relaxed
        self.keep_lastmods(dated)

    def keep_lastmods(self, dated: list[tuple[str, str, bool]]) -> None:
        """Keep a sitemap's ``lastmod`` of each URL already requested (by a link, or by another sitemap
        entry): the newest one each URL is given, whatever order the sitemaps were read in. ``dated``:
        a sitemap's (loc, lastmod, whether the entry made the request) (a request carries its own)."""
        for loc, lastmod, requested in dated:
            url = request_url(loc, self.session_params)
            if requested or url not in self.seen:
                continue  # not requested (excluded, out of bounds): no snapshot to carry it
            url = sitemap_key(url)
            kept = self.sitemap_lastmods.get(url)
            if kept is None or lastmod > kept:
                self.sitemap_lastmods[url] = lastmod

    def ignore(self, failure: Failure) -> None:
        self.logger.info("Sin robots.txt o sitemap: %s", failure.getErrorMessage())

    # -- pages ------------------------------------------------------------------
    def _base_item(self, response: Response) -> SnapshotItem:
        meta = response.meta
        headers = response.headers
        return SnapshotItem(
            url=response.request.url if response.request else response.url,
            kind=meta.get("gelt_kind", "page"),
            status=response.status,
            content_type=headers.get(b"Content-Type", b"").decode("latin-1")[:200],
            size=len(response.body),
            elapsed_ms=int(meta.get("download_latency", 0) * 1000),
            etag=headers.get(b"ETag", b"").decode("latin-1") or None,
            last_modified=headers.get(b"Last-Modified", b"").decode("latin-1") or None,
            depth=meta.get("gelt_depth"),
            referer=meta.get("gelt_referer"),
            sitemap_lastmod=meta.get("gelt_lastmod"),
            security_headers=security_headers(response),
        )

    def _parse_page(self, response: Response) -> Iterator[Any]:
        item = self._base_item(response)
        if item.kind == "resource" and item.url in self.linked_after:
            return  # requested again as a page or document: that answer is the URL's snapshot
        depth = item.depth or 0
        if self.relax_depths and depth > self.met.get(item.url, depth):
            depth = item.depth = self.met[item.url]  # met nearer while it waited in the queue
        url = item.url
        self._count("pages")
        if response.status >= 400:
            self._count("errors")
        if response.status in (403, 429):
            self._count("blocked")  # a firewall or a rate limiter answers this way to most pages
        if url == self.home:
            self.home_error = home_problem(self.home, response.status, response.headers.get(b"Location"))
        yield from self.certificate(response)
        if response.status in REDIRECT_STATUSES:
            yield from self.redirect(response, item, depth)
            return
        if item.kind == "probe":
            yield item
            return
        if item.kind in ("document", "resource"):
            if response.request.method == "HEAD" and response.status in (405, 501):
                yield response.request.replace(method="GET", dont_filter=True)
                return
            length = response.headers.get(b"Content-Length")
            item.size = int(length) if length and length.isdigit() else item.size
            yield item
            return
        known = self.previous.get(url)
        if response.status == 304 and known is not None:
            self._count("not_modified")
            validators = _validators_if_new(item, known)
            item.status = known["status"] or 200
            item.size = 0
            item.not_modified = 1
            item.body_hash = known["body_hash"]
            item.main_hash = known["main_hash"]
            item.content_type = validators["content_type"]
            item.etag = validators["etag"]
            item.last_modified = validators["last_modified"]
            self._count_seen(item)
            yield item
            links = links_from_rows(self.store.links(known["page_id"], known["body_hash"]))
            yield from self.follow(links, depth + 1, url)
            return
        if not is_html(item.content_type or "", response.body):
            item.kind = "resource" if response.status < 400 else "page"
            yield item
            return
        text, item.encoding = decode_html(response.body, item.content_type)
        info = extract(text, url, self.noise)
        # This generator lives until Scrapy has taken every request it yields; the decoded page
        # (1-4 bytes a character, ~86 KB on the bench's pages) would live as long, in every
        # response being followed (65 of them, 5.5 MB, 200 pages into a 10k crawl: H179).
        del text
        item.body = response.body
        item.title = info.title
        item.main_text = info.main_text
        item.main_hash = text_hash(info.main_text)
        item.noise = info.noise
        item.dates = info.dates
        item.links = info.links
        if len(info.links) > self.max_links:
            # A page of half a million links made a 1.5 GB report: keep the first ones in document
            # order, follow only those, and say so (links_found: the audits report the cut).
            self._count("pages_links_cut")
            item.links_found, item.links = len(info.links), info.links[: self.max_links]
        self._count_seen(item)
        yield item
        if response.status < 400:
            yield from self.follow(item.links, depth + 1, url)

    def redirect(self, response: Response, item: SnapshotItem, depth: int) -> Iterator[Any]:
        """A redirect answer, then its target (a redirect keeps the depth: the same click for a visitor)."""
        location = header_text(response.headers.get(b"Location", b""))
        if item.kind == "page":
            item.kind = "redirect"
        item.location = normalise_url(urljoin(item.url, location)) if location else None
        yield item
        if not item.location or item.kind != "redirect":
            return
        hops = response.meta.get("gelt_hops", 0) + 1
        if hops > self.crawler.settings.getint("REDIRECT_MAX_TIMES"):
            self._count("redirect_chains_cut")
            self.logger.info("Más de %s redirecciones seguidas, no se sigue: %s", hops - 1, item.location)
            return
        for request in self.follow([Link(item.location, "", "a", "href", "", None)], depth, item.url, step=0):
            if (
                isinstance(request, scrapy.Request)
                and not request.meta.get("gelt_external")
                and request.meta.get("gelt_referer") == item.url  # not another page's (met_again)
            ):
                request.meta["gelt_hops"] = hops
            yield request

    def certificate(self, response: Response) -> Iterator[TlsItem]:
        """The TLS certificate of each https host, once per crawl (for the security audit)."""
        host = urlsplit(response.url).hostname or ""
        cert = getattr(response, "certificate", None)
        if cert is None or host in self.certificates_seen:
            return
        self.certificates_seen.add(host)
        try:
            yield TlsItem(host=host, **describe_certificate(cert.original.to_cryptography()))
        except Exception as exc:  # an unreadable certificate is itself a finding, not a crash
            yield TlsItem(host=host, error=str(exc)[:200])

    def page_error(self, failure: Failure) -> Iterator[SnapshotItem]:
        # Scrapy drops a body that grows past DOWNLOAD_MAXSIZE while being decompressed (a gzip
        # bomb) with an IgnoreRequest: that one is an error of the page, not a rule of ours.
        if failure.check(IgnoreRequest) and "DOWNLOAD_MAXSIZE" not in failure.getErrorMessage():
            self._count("ignored")  # robots.txt or off-site: not an error of the site
            if failure.request.url == self.home and "robots.txt" in failure.getErrorMessage():
                # Nothing of the site can be seen: a crawl of nothing would declare it emptied.
                self.home_failed(ROBOTS_FORBID)
            return
        request = failure.request
        if request.meta.get("gelt_kind") == "resource" and request.url in self.linked_after:
            return  # requested again as a page or document (page_request): that answer stands
        reason = describe_failure(failure)
        self._count("pages")
        self._count("errors")
        if request.meta.get("gelt_kind") != "probe" and not failure.check(IgnoreRequest):
            self._count("network_errors")
            self.last_network_error = reason
        yield SnapshotItem(
            url=request.url,
            kind="probe" if request.meta.get("gelt_kind") == "probe" else "error",
            status=0,
            depth=request.meta.get("gelt_depth"),
            referer=request.meta.get("gelt_referer"),
            error=reason,
        )
        if request.url == self.home:  # after its snapshot: the crawl fails with it (HomeStop)
            self.home_failed(f"el sitio no respondió: {reason}")


def targets(links: list[Link]) -> tuple[list[str], list[str]]:
    """The site pages (anchors, frames) and the resources (images, scripts, styles) links lead to."""
    pages = [sys.intern(url) for url in follow_targets(links)]
    resources = [
        sys.intern(link.url)
        for link in links
        if link.tag in RESOURCE_TAGS and link.url.startswith(("http://", "https://"))
    ]
    return pages, resources


def links_from_rows(rows: list[dict[str, Any]]) -> list[Link]:
    """Links from stored rows (the 304 path: no body to parse)."""
    return [Link(r["url"], r["text"] or "", r["tag"], r["attr"], r["rel"] or "", r["line"]) for r in rows]


def security_headers(response: Response) -> dict[str, str]:
    """The response headers a security review looks at (cookie values left out)."""
    found = {}
    for name in SECURITY_HEADERS:
        value = response.headers.get(name)
        if value is not None:
            text = value.decode("latin-1")[:500]
            found[name] = text.split("=", 1)[0] + "=…" if name == "set-cookie" else text
    return found


def describe_certificate(cert: Any) -> dict[str, Any]:
    """Subject, issuer, validity and names of an X.509 certificate (cryptography object)."""
    from cryptography import x509

    try:
        names = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value.get_values_for_type(
            x509.DNSName
        )
    except x509.ExtensionNotFound:
        names = []
    return {
        "subject": cert.subject.rfc4514_string(),
        "issuer": cert.issuer.rfc4514_string(),
        "not_before": cert.not_valid_before_utc.isoformat(),
        "not_after": cert.not_valid_after_utc.isoformat(),
        "names": list(names),
        "self_signed": int(cert.subject == cert.issuer),
    }
