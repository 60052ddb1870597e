"""Many sites in one config: a gobernación's portfolio, crawled concurrently in one process.

A single municipality never pays for this: without a ``[portfolio]`` table nothing here runs and
the config, the store and every command behave exactly as before. The ``[portfolio]`` table
itself is read by :mod:`gelt_audit.config.portfolio`; the commands are in
:mod:`gelt_audit.commands`.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from gelt_audit.config import Config, ConfigError
from gelt_audit.config.portfolio import Portfolio, PortfolioSite, portfolio_of, site_config
from gelt_audit.store import Store

log = logging.getLogger("gelt_audit.portfolio")


def register_sites(store: Store, portfolio: Portfolio) -> None:
    """Keep the portfolio's sites as rows of the store (name, department, DANE code, URL).

    Crawls refer to a site by ``crawls.site_url``; this table gives the rest, so Datasette or any
    SQL tool can group a portfolio's crawls by department.
    """
    store.save_portfolio_sites(portfolio.sites)


# -- one machine: every site in one process -------------------------------------------------------
@dataclass
class SiteResult:
    """How one site's crawl ended."""

    site: PortfolioSite
    crawl_id: int | None
    status: str  # finished | failed | interrupted
    site_unreachable: bool
    pages: int = 0
    errors: int = 0
    error: str | None = None


def crawl_settings(config: Config, portfolio: Portfolio) -> dict[str, Any]:
    """Scrapy settings shared by every site crawler of a portfolio run."""
    settings: dict[str, Any] = {
        # The global cap: each of the crawlers running at once gets an equal share. Per-site
        # politeness (DOWNLOAD_SLOTS from settings_for) is untouched and stays per site.
        "CONCURRENT_REQUESTS": portfolio.per_crawler_concurrency,
        # One progress line per site would garble a terminal; the runner prints one per site at its end.
        "EXTENSIONS": {"gelt_audit.crawler.extensions.Progress": None, "scrapy.extensions.logstats.LogStats": None},
        "LOG_INSTALL_ROOT_HANDLER": False,
    }
    if portfolio.site_timeout_minutes:
        # A very slow site ends (failed, with the reason) instead of holding its place forever.
        settings["CLOSESPIDER_TIMEOUT"] = int(portfolio.site_timeout_minutes * 60)
    return settings


def crawl_portfolio(
    config: Config, on_done: Callable[[SiteResult], None] | None = None, sites: Sequence[PortfolioSite] | None = None
) -> list[SiteResult]:
    """Crawl every site of the portfolio into the one store, at most ``max_sites_at_once`` at a time.

    All crawlers share one Twisted reactor and one thread, so their short SQLite transactions
    never overlap: no "database is locked". Each crawler marks its own crawl row finished or
    failed; a site that is down fails alone. Twisted's reactor allows one call per process.
    """
    from scrapy.crawler import CrawlerProcess
    from scrapy.settings import Settings
    from twisted.internet import defer

    from gelt_audit.crawler import settings as default_settings
    from gelt_audit.crawler.spiders.site import SiteSpider
    from gelt_audit.store import Store

    portfolio = portfolio_of(config)
    if portfolio is None:
        raise ConfigError("la configuración no tiene [portfolio].")
    chosen = list(sites or portfolio.sites)
    with Store(config.store_path) as store:  # migrations once, before any crawler opens the file
        register_sites(store, portfolio)
    settings = Settings()
    settings.setmodule(default_settings, priority="project")
    settings.setdict(crawl_settings(config, portfolio), priority="cmdline")
    process = CrawlerProcess(settings)
    semaphore = defer.DeferredSemaphore(portfolio.max_sites_at_once)
    results: list[SiteResult] = []

    def finish(_: Any, site: PortfolioSite, crawler: Any) -> None:
        stats = crawler.stats.get_stats() if crawler.stats else {}
        result = SiteResult(
            site=site,
            crawl_id=stats.get("gelt/crawl_id"),
            status=stats.get("gelt/crawl_status", "failed"),
            site_unreachable=bool(stats.get("gelt/site_unreachable")),
        )
        if result.crawl_id is not None:
            with Store(config.store_path) as store:
                row = store.crawl(result.crawl_id)
            result.pages, result.errors, result.error = row.pages, row.errors, row.error
        results.append(result)
        if on_done:
            on_done(result)

    def start(site: PortfolioSite, cfg: Config) -> Any:
        crawler = process.create_crawler(SiteSpider)
        d = process.crawl(crawler, config=cfg)
        # A crawler that raises while starting must not stop the others: record it as failed.
        d.addErrback(lambda f: log.error("El rastreo de %s no pudo empezar: %s", site.url, f.getErrorMessage()))
        d.addBoth(finish, site, crawler)
        return d

    def stop(_: Any) -> None:
        from twisted.internet import reactor  # the one the first crawler installed

        with contextlib.suppress(RuntimeError):  # already stopping (Ctrl-C)
            reactor.stop()

    # The semaphore starts the first sites right away; the first crawler created installs the reactor.
    runs = [semaphore.run(start, site, site_config(config, site)) for site in chosen]
    defer.DeferredList(runs, consumeErrors=True).addBoth(stop)
    process.start(stop_after_crawl=False)
    return results
