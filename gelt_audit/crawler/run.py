"""Run crawls with Scrapy in this process: one site, or a portfolio's sites side by side.

Every crawl process (this one, and a distributed worker) starts from :func:`crawl_settings`,
and every site crawler from :func:`site_crawler`; :class:`CrawlResult` is how a site's crawl
ended, whichever way it ran.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scrapy.crawler import Crawler, CrawlerProcess, CrawlerRunner
from scrapy.settings import Settings
from twisted.internet import defer

from gelt_audit.collector import long_lived_frozen
from gelt_audit.config import Config
from gelt_audit.crawler import settings as default_settings
from gelt_audit.crawler.settings import settings_for
from gelt_audit.crawler.spiders.site import SiteSpider
from gelt_audit.crawler.verdict import CrawlCounts, verdict
from gelt_audit.store import Store

log = logging.getLogger("gelt_audit.crawler")

# One progress line per site would garble a terminal; a many-site run says one line per site at its end.
QUIET_EXTENSIONS = {"gelt_audit.crawler.extensions.Progress": None, "scrapy.extensions.logstats.LogStats": None}


@dataclass
class CrawlResult:
    """How one site's crawl ended: its ``gelt/*`` stats, and its crawl row's counts and error."""

    site: Any  # the caller's handle on the site (a portfolio's PortfolioSite), returned as given
    crawl_id: int | None
    status: str  # finished | failed | interrupted
    site_unreachable: bool
    pages: int = 0
    errors: int = 0
    error: str | None = None
    stats: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class CrawlPlan:
    """The sites of one run, each with its single-site Config, and how they share the process."""

    sites: Sequence[tuple[Any, Config]]  # (the caller's handle on the site, the site's Config)
    max_at_once: int = 1
    concurrency: int | None = None  # CONCURRENT_REQUESTS of each site crawler; None: the default
    site_timeout: float = 0  # seconds after which a site's crawl ends as failed; 0: never
    progress: bool = True  # the terminal progress line (one site at a time only)
    register: Callable[[Store], None] | None = None  # run on the store once, before any crawl opens it
    accept_lost_pages: bool = False  # the operator confirmed the site really lost most of its pages

    @property
    def store_path(self) -> Path:
        """The one store every site of the run writes to."""
        return self.sites[0][1].store_path


def crawl_settings(overrides: Mapping[str, Any] | None = None) -> Settings:
    """The project's settings with a process's overrides on top (the one set-up of every crawl)."""
    settings = Settings()
    settings.setmodule(default_settings, priority="project")
    # The CLI has sent the root logger to the rotating log file: cron must see nothing on stdout.
    settings.set("LOG_INSTALL_ROOT_HANDLER", False, priority="cmdline")
    settings.setdict(dict(overrides or {}), priority="cmdline")
    return settings


def site_crawler(
    runner: CrawlerRunner | CrawlerProcess, site_settings: Mapping[str, Any], spidercls: type[SiteSpider] = SiteSpider
) -> Crawler:
    """A crawler of one site: its config's settings (``settings_for``) over the process's defaults.

    At ``spider`` priority: ``crawl()`` merges the process's settings into the crawler again,
    over anything at their ``project`` priority. The process's overrides (``cmdline``) still
    win: a worker's LOG_LEVEL, a portfolio's share of the concurrency.
    """
    crawler = runner.create_crawler(spidercls)
    crawler.settings.setdict(dict(site_settings), priority="spider")
    return crawler


def _overrides(plan: CrawlPlan) -> dict[str, Any]:
    overrides: dict[str, Any] = {}
    if plan.concurrency:
        # The global cap: each of the crawlers running at once gets an equal share. Per-site
        # politeness (DOWNLOAD_SLOTS from settings_for) is untouched and stays per site.
        overrides["CONCURRENT_REQUESTS"] = plan.concurrency
    if not plan.progress:
        overrides["EXTENSIONS"] = QUIET_EXTENSIONS
    if plan.accept_lost_pages:
        overrides["GELT_ACCEPT_LOST_PAGES"] = True
    if plan.site_timeout:
        # A very slow site ends (failed, with the reason) instead of holding its place forever.
        overrides["CLOSESPIDER_TIMEOUT"] = int(plan.site_timeout)
    return overrides


def result_of(site: Any, stats: dict[str, Any], store_path: Path) -> CrawlResult:
    """The result of a site's crawl from its stats, completed from its crawl row when it started."""
    result = CrawlResult(
        site=site,
        crawl_id=stats.get("gelt/crawl_id"),
        status=stats.get("gelt/crawl_status", "failed"),
        site_unreachable=bool(stats.get("gelt/site_unreachable")),
        stats=stats,
    )
    if result.crawl_id is not None:
        with Store(store_path) as store:
            row = store.crawl(result.crawl_id)
        result.pages, result.errors, result.error = row.pages, row.errors, row.error
    return result


def quiet_scrapy_debug() -> None:
    """Scrapy's logger at the root's level when that is above DEBUG.

    Scrapy sets its logger to DEBUG (configure_logging) and the CLI's handler to the config's
    level: every response's «Crawled» and every item's «Scraped» record was built, then dropped
    by the handler. The log file says the same; the crawl spends less per response.
    """
    scrapy_logger = logging.getLogger("scrapy")
    if logging.root.level > scrapy_logger.getEffectiveLevel():
        scrapy_logger.setLevel(logging.root.level)


def crawl_sites(plan: CrawlPlan, on_done: Callable[[CrawlResult], None] | None = None) -> list[CrawlResult]:
    """Crawl the plan's sites into their one store, at most ``max_at_once`` at a time.

    All crawlers share one Twisted reactor and one thread, so their short SQLite transactions
    never overlap: no "database is locked". Each crawler marks its own crawl row finished or
    failed; a site that is down fails alone. Twisted's reactor allows one call per process.
    """
    if plan.register is not None:
        with Store(plan.store_path) as store:  # migrations once, before any crawler opens the file
            plan.register(store)
    process = CrawlerProcess(crawl_settings(_overrides(plan)))
    quiet_scrapy_debug()
    semaphore = defer.DeferredSemaphore(plan.max_at_once)
    results: list[CrawlResult] = []
    unfinished: dict[int, tuple[Any, Crawler]] = {}  # started crawlers whose crawl has not ended

    def finish(_: Any, site: Any, crawler: Crawler) -> None:
        unfinished.pop(id(crawler), None)
        result = result_of(site, crawler.stats.get_stats() if crawler.stats else {}, plan.store_path)
        results.append(result)
        if on_done:
            on_done(result)

    def failed_to_start(failure: Any, cfg: Config) -> None:
        log.error("El rastreo de %s no pudo empezar: %s", cfg.site_url, failure.getErrorMessage())

    def start(site: Any, cfg: Config) -> Any:
        crawler = site_crawler(process, settings_for(cfg))
        unfinished[id(crawler)] = (site, crawler)
        d = process.crawl(crawler)
        # A crawler that raises while starting must not stop the others: record it as failed.
        d.addErrback(failed_to_start, cfg)
        d.addBoth(finish, site, crawler)
        return d

    def stop(_: Any) -> None:
        from twisted.internet import reactor  # the one the first crawler installed

        with contextlib.suppress(RuntimeError):  # already stopping (Ctrl-C)
            reactor.stop()

    # The semaphore starts the first sites right away; the first crawler created installs the reactor.
    runs = [semaphore.run(start, site, cfg).addErrback(failed_to_start, cfg) for site, cfg in plan.sites]
    defer.DeferredList(runs, consumeErrors=True).addBoth(stop)
    with long_lived_frozen():  # the collector's passes cost ~10 % of a crawl's CPU otherwise
        process.start(stop_after_crawl=False)
    for site, crawler in list(unfinished.values()):
        close_stopped(crawler, plan.store_path)
        finish(None, site, crawler)
    return results


def close_stopped(crawler: Crawler, store_path: Path) -> None:
    """Mark 'interrupted' the crawl row of a crawler the reactor stopped before it could close it.

    Scrapy's graceful stop skips a crawler whose engine is not running yet (a SIGTERM between
    the crawl row's opening and the first request), and a second signal stops the reactor
    outright: the spider never closes and its row would stay 'running' until the next crawl.
    """
    crawl_id = crawler.stats.get_value("gelt/crawl_id") if crawler.stats else None
    if crawl_id is None:
        return
    stopped = verdict(CrawlCounts(reason="shutdown"))
    with Store(store_path) as store:
        if store.crawl(crawl_id).status != "running":
            return
        store.finish_crawl(crawl_id, stopped.status, stopped.error)
    crawler.stats.set_value("gelt/crawl_status", stopped.status)


def crawl(config: Config, accept_lost_pages: bool = False) -> CrawlResult:
    """Crawl the site of ``config`` into its store. Twisted's reactor allows one call per process."""
    results = crawl_sites(CrawlPlan(sites=((config.site_url, config),), accept_lost_pages=accept_lost_pages))
    return results[0] if results else CrawlResult(config.site_url, None, "failed", False)
