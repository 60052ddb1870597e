"""Scrapy settings of the gelt-audit crawler; per-site values come from gelt.toml."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from gelt_audit import __version__
from gelt_audit.config import Config
from gelt_audit.linkstate import MAX_REDIRECTS

BOT_NAME = "gelt-audit"
SPIDER_MODULES = ["gelt_audit.crawler.spiders"]
NEWSPIDER_MODULE = "gelt_audit.crawler.spiders"

ROBOTSTXT_OBEY = True
USER_AGENT = f"gelt-audit/{__version__} (control de sitios web GEL-T; +https://pypi.org/project/gelt-audit/)"

# Polite by default: municipal servers are small.
CONCURRENT_REQUESTS = 32
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.5
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
DOWNLOAD_WARNSIZE = 0
RETRY_TIMES = 2
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False
# When on, Scrapy re-parses parse_page's source with ast on every response (its cache is keyed
# by a bound method, a new object each time): measurable on the crawl's profile.
WARN_ON_GENERATOR_RETURN_VALUE = False
REDIRECT_MAX_TIMES = MAX_REDIRECTS
DEPTH_LIMIT = 0  # the spider bounds depth itself, sitemap pages included
# Breadth first: pages are requested shallowest first (priority = -depth) and in discovery order
# within a depth. Scrapy's default LIFO order walks depth first, so the depth a page is first
# found at depends on the order, reaches far past the real click depth and cut reachable pages
# at max_depth (296,610 requests dropped as too deep on the 50,000-page benchmark site).
SCHEDULER_MEMORY_QUEUE = "scrapy.squeues.FifoMemoryQueue"
SCHEDULER_DISK_QUEUE = "scrapy.squeues.PickleFifoDiskQueue"
HTTPERROR_ALLOW_ALL = True  # 404s and 500s are findings, not noise
METAREFRESH_ENABLED = False
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
# The pipeline is synchronous: Scrapy's default (100 items of a response in parallel) only adds
# an asyncio task per item. 1 cut the first crawl's CPU per response by 12-17 % (bench/ab.py,
# interleaved with the default, 1,000- and 300-page sites, nginx and http.server, 2026-12-05).
CONCURRENT_ITEMS = 1
LOG_LEVEL = "INFO"
FEED_EXPORT_ENCODING = "utf-8"

# Only the web: a redirect to file:///dev/zero, data: or ftp:// is never downloaded (Scrapy would
# read a local file, decode a data: URI or open an FTP session); http and https go through
# the handler that bounds response headers.
DOWNLOAD_HANDLERS = {
    "http": "gelt_audit.crawler.handlers.BoundedHTTP11DownloadHandler",
    "https": "gelt_audit.crawler.handlers.BoundedHTTP11DownloadHandler",
    "file": None,
    "data": None,
    "ftp": None,
    "s3": None,
}
DOWNLOADER_MIDDLEWARES = {
    # the Referer header, written at download time (see gelt_audit/crawler/referer.py)
    "gelt_audit.crawler.referer.LateRefererHeader": 50,
    "gelt_audit.crawler.middlewares.StayOnSiteMiddleware": 60,
    "gelt_audit.crawler.middlewares.PrivateAddressGuard": 70,
    # Scrapy's own, replaced by the one that gives the rules to every request waiting for them
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "gelt_audit.crawler.middlewares.RobotsTxtObeyMiddleware": 100,
    "gelt_audit.crawler.middlewares.ConditionalRequestMiddleware": 450,
}
# Scrapy's RefererMiddleware, replaced by its subclass that keeps the value in meta until the
# download: a header on each of the ~44,600 requests queued at 50,000 pages cost ~35 MiB.
SPIDER_MIDDLEWARES = {
    "scrapy.spidermiddlewares.referer.RefererMiddleware": None,
    "gelt_audit.crawler.referer.LateRefererMiddleware": 700,
}
ITEM_PIPELINES = {
    "gelt_audit.crawler.pipelines.StorePipeline": 300,
}
EXTENSIONS = {
    "gelt_audit.crawler.extensions.Progress": 500,
    "scrapy.extensions.logstats.LogStats": None,
}


def settings_for(config: Config) -> dict[str, Any]:
    """The settings a gelt.toml asks for, to apply over the defaults above.

    Besides Scrapy's own, every crawl-time value of the config travels as a ``GELT_*`` setting,
    read by each component in ``from_crawler`` (as DownloadTimeoutMiddleware reads
    DOWNLOAD_TIMEOUT). All are plain JSON values: distributed workers receive them through Redis.
    """
    site = config.site
    links = config.links
    own_slot = urlsplit(config.site_url).hostname or ""
    contact = f"; contacto: {site['contact']}" if site["contact"] else ""
    return {
        "USER_AGENT": USER_AGENT.rstrip(")") + contact + ")",
        "ROBOTSTXT_OBEY": site["obey_robots"],
        "DOWNLOAD_DELAY": links["delay"],
        "AUTOTHROTTLE_ENABLED": site["autothrottle"],
        "AUTOTHROTTLE_START_DELAY": max(site["delay"], 0.1),
        # Other hosts (external link checks) get the link checker's politeness; the site its own.
        "CONCURRENT_REQUESTS_PER_DOMAIN": links["per_host"],
        "DOWNLOAD_SLOTS": {own_slot: {"concurrency": site["concurrency"], "delay": site["delay"]}},
        "DOWNLOAD_TIMEOUT": site["timeout"],
        "DOWNLOAD_MAXSIZE": int(site["max_response_mb"] * 1024 * 1024),
        "CLOSESPIDER_TIMEOUT": site["max_duration_minutes"] * 60,
        "LOG_LEVEL": config.log["level"].upper(),
        # the site (SiteSpider, StorePipeline, StayOnSiteMiddleware, PrivateAddressGuard)
        "GELT_SITE_URL": config.site_url,
        "GELT_HOSTS": list(config.hosts),
        "GELT_STORE": str(config.store_path),
        "GELT_SITE_CONCURRENCY": site["concurrency"],
        "GELT_SITE_DELAY": site["delay"],
        # what the spider follows, and what it reads of a page
        "GELT_MAX_PAGES": site["max_pages"],
        "GELT_MAX_DEPTH": site["max_depth"],
        "GELT_MAX_QUERY_VARIANTS": site["max_query_variants"],
        "GELT_MAX_LINKS_PER_PAGE": max(1, site["max_links_per_page"]),
        "GELT_EXCLUDE": list(site["exclude"]),
        "GELT_SESSION_PARAMS": list(site["session_params"]),
        "GELT_NOISE": [[rule.prefix, list(rule.selectors), list(rule.patterns)] for rule in config.noise],
        # external links (LinkChecking, PrivateAddressGuard)
        "GELT_CHECK_EXTERNAL": links["check_external"],
        "GELT_LINK_TIMEOUT": links["timeout"],
        "GELT_LINK_PER_HOST": links["per_host"],
        "GELT_LINK_DELAY": links["delay"],
        "GELT_LINK_EXCLUDE": list(links["exclude"]),
        "GELT_RECHECK_OK_DAYS": links["recheck_ok_days"],
        "GELT_PRIVATE_ADDRESSES": links["private_addresses"],
    }
