"""Many sites in one config: a gobernación's portfolio, crawled concurrently in one process.

A single municipality never pays for this: without a ``[portfolio]`` table nothing here runs and
the config, the store and every command behave exactly as before. The ``[portfolio]`` table
itself is read by :mod:`gelt_audit.config.portfolio`; the commands are in
:mod:`gelt_audit.commands`.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Sequence

from gelt_audit.config import Config, ConfigError
from gelt_audit.config.portfolio import Portfolio, PortfolioSite, portfolio_of, site_config
from gelt_audit.crawler.run import CrawlPlan, CrawlResult, crawl_sites
from gelt_audit.store import Store

log = logging.getLogger("gelt_audit.portfolio")


def register_sites(store: Store, portfolio: Portfolio) -> None:
    """Keep the portfolio's sites as rows of the store (name, department, DANE code, URL).

    Crawls refer to a site by ``crawls.site_url``; this table gives the rest, so Datasette or any
    SQL tool can group a portfolio's crawls by department.
    """
    store.save_portfolio_sites(portfolio.sites)


# -- crawling: the portfolio as the crawler's plan (the crawler runs it, in one process or through Redis)
def crawl_plan(config: Config, sites: Sequence[PortfolioSite] | None = None) -> CrawlPlan:
    """The crawler's plan for a config: each site with its own Config (a single site: itself)."""
    portfolio = portfolio_of(config)
    if portfolio is None:  # one site through Redis: a portfolio of one
        site = PortfolioSite(config.site_name, config.site_url, dependencias=tuple(config.dependencias))
        return CrawlPlan(sites=((site, config),))
    return CrawlPlan(
        sites=tuple((site, site_config(config, site)) for site in (sites or portfolio.sites)),
        max_at_once=portfolio.max_sites_at_once,
        concurrency=portfolio.per_crawler_concurrency,
        site_timeout=portfolio.site_timeout_minutes * 60,
        progress=False,
        register=functools.partial(register_sites, portfolio=portfolio),
    )


def crawl_portfolio(
    config: Config, on_done: Callable[[CrawlResult], None] | None = None, sites: Sequence[PortfolioSite] | None = None
) -> list[CrawlResult]:
    """Crawl every site of the portfolio into the one store, at most ``max_sites_at_once`` at a time."""
    if portfolio_of(config) is None:
        raise ConfigError("la configuración no tiene [portfolio].")
    return crawl_sites(crawl_plan(config, sites), on_done)
