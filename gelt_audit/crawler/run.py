"""Run one crawl of a configured site with Scrapy, in this process."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from gelt_audit.config import Config
from gelt_audit.crawler import settings as default_settings
from gelt_audit.crawler.settings import settings_for
from gelt_audit.crawler.spiders.site import SiteSpider


@dataclass
class CrawlResult:
    crawl_id: int | None
    status: str  # finished | failed | interrupted
    site_unreachable: bool
    stats: dict[str, Any]


def crawl(config: Config) -> CrawlResult:
    """Crawl the site of ``config`` into its store. Twisted's reactor allows one call per process."""
    settings = Settings()
    settings.setmodule(default_settings, priority="project")
    settings.setdict(settings_for(config), priority="project")
    # The CLI has sent the root logger to the rotating log file: cron must see nothing on stdout.
    settings.set("LOG_INSTALL_ROOT_HANDLER", False, priority="cmdline")
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(SiteSpider)
    process.crawl(crawler, config=config)
    process.start()
    stats = crawler.stats.get_stats() if crawler.stats else {}
    return CrawlResult(
        crawl_id=stats.get("gelt/crawl_id"),
        status=stats.get("gelt/crawl_status", "failed"),
        site_unreachable=bool(stats.get("gelt/site_unreachable")),
        stats=stats,
    )
