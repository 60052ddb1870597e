"""`gelt-audit crawl`: one site, every site of a portfolio (one process), or through Redis."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys

from gelt_audit.commands import (
    CRAWL_RESULTS_ENV,
    CRAWL_STATUS_ES,
    add_config,
    crawl_figures,
    distributed,
    load,
    say,
    unreached_counts,
)
from gelt_audit.config import Config
from gelt_audit.config.portfolio import portfolio_of
from gelt_audit.crawler.run import CrawlResult, crawl
from gelt_audit.errors import EXIT_CRAWL_FAILED, EXIT_OK, EXIT_UNREACHABLE, CommandError
from gelt_audit.linkstate import spoken_error
from gelt_audit.lock import crawl_guard
from gelt_audit.portfolio import crawl_plan, crawl_portfolio
from gelt_audit.store import Store

log = logging.getLogger("gelt_audit")

HELP = "rastrea el sitio y guarda una instantánea de cada página"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_config(parser)
    parser.add_argument(
        "--redis",
        metavar="URL",
        help="rastreo distribuido: siembra los sitios en Redis y espera a los trabajadores",
    )
    parser.add_argument(
        "--namespace",
        metavar="NOMBRE",
        help="con --redis: el espacio de claves en Redis de este portafolio (por defecto distributed.namespace, "
        "«gelt»); un solo coordinador a la vez en cada espacio",
    )
    parser.add_argument(
        "--accept-lost-pages",
        action="store_true",
        help="acepta como base un rastreo que perdió la mayoría de las páginas del anterior sin 404 ni 410 "
        "(el sitio de verdad se reorganizó); sin esta opción ese rastreo queda «sospechoso»",
    )


def run(args: argparse.Namespace) -> int:
    config = load(args)
    if args.redis or portfolio_of(config) is not None:
        return crawl_many(config, args.redis, args.namespace)
    return crawl_one(config, args.accept_lost_pages)


def check_store(config: Config, inherited: bool) -> None:
    """Refuse to crawl into a store that is not sound (StoreError naming the file, exit 1).

    Opened here, before Scrapy starts, so an unusable file is one line and not a Twisted
    traceback; and ``PRAGMA quick_check`` runs here because a crawl is what writes the most: a
    damaged store would otherwise get a new «finished» crawl on top of pages it cannot read.
    quick_check reads the whole file, so the read-only commands do not pay for it; a crawl that
    `run` started (``inherited``) skips it, as `run` checked under the lock it passed on.
    """
    with Store(config.store_path) as store:
        if not inherited:
            store.check_integrity()


def crawl_one(config: Config, accept_lost_pages: bool = False) -> int:
    """Crawl the config's one site; the exit code says whether it finished."""
    say(f"Rastreando {config.site_url} …")
    with crawl_guard(config.store_path) as inherited:
        check_store(config, inherited)
        result = crawl(config, accept_lost_pages)
    if result.crawl_id is None:
        raise CommandError("El rastreo no pudo empezar; vea el registro en " + str(config.log_path), EXIT_CRAWL_FAILED)
    with Store(config.store_path) as store:
        done = store.crawl(result.crawl_id)
        unreached = unreached_counts(store, done.id)
    summary = (
        f"Rastreo {done.id}: {crawl_figures(done.pages, done.errors, *unreached)}, "
        f"estado: {CRAWL_STATUS_ES.get(done.status, done.status)}."
    )
    log.info(summary)
    if result.site_unreachable:
        # the Spanish words; the technical line stays in the crawl's row (JSON «last_attempt») and the log
        log.info("motivo técnico: %s", done.error)
        print(f"No se pudo revisar el sitio {config.site_url}: {spoken_error(done.error)}", file=sys.stderr)
        return EXIT_UNREACHABLE
    if done.status != "finished":
        print(f"{summary} {spoken_error(done.error) or ''}".strip(), file=sys.stderr)
        return EXIT_CRAWL_FAILED
    say(summary)
    return EXIT_OK


def crawl_many(config: Config, redis_url: str | None, namespace: str | None = None) -> int:
    """Crawl every site of the portfolio in this process, or through Redis with ``redis_url``."""
    portfolio = portfolio_of(config)

    results_file = os.environ.get(CRAWL_RESULTS_ENV)

    def report(result: CrawlResult) -> None:
        status = CRAWL_STATUS_ES.get(result.status, result.status)
        unreached = (0, 0)
        if result.crawl_id is not None:
            with Store(config.store_path) as store:
                unreached = unreached_counts(store, result.crawl_id)
        # the pages whose name did not resolve said apart, as the one-site line says them
        say(f"{result.site.label}: {crawl_figures(result.pages, result.errors, *unreached)}, {status}.")
        if results_file:
            # `run` with a portfolio reads each site's outcome here (whether its home page was seen
            # is not in the crawl's row), one line as each site ends: a killed crawl keeps the ones done
            line = {"url": result.site.url, "crawl_id": result.crawl_id, "status": result.status,
                    "unreachable": result.site_unreachable}  # fmt: skip
            with open(results_file, "a", encoding="utf-8") as fh:
                fh.write(json.dumps(line) + "\n")

    sites = portfolio.sites if portfolio else ()
    say(f"Rastreando {len(sites) or 1} sitio(s) …")
    with crawl_guard(config.store_path) as inherited:
        check_store(config, inherited)
        if redis_url:
            options = config.distributed
            results = distributed().crawl_distributed(
                crawl_plan(config), redis_url, on_done=report, ns=namespace or options.namespace,
                outage=options.redis_outage_seconds, no_workers_after=options.no_workers_warning_seconds,
                lease=options.lease_seconds,
            )  # fmt: skip
        else:
            results = crawl_portfolio(config, on_done=report)
    failed = [r for r in results if r.status != "finished"]
    summary = f"{len(results) - len(failed)} de {len(results)} sitios rastreados sin problemas."
    log.info(summary)
    if not failed:
        say(summary)
        return EXIT_OK
    for r in failed:
        why = spoken_error(r.error) or CRAWL_STATUS_ES.get(r.status, r.status)
        print(f"{r.site.label} ({r.site.url}): {why}", file=sys.stderr)
    print(summary, file=sys.stderr)
    unreachable = all(r.site_unreachable for r in failed) and len(failed) == len(results)
    return EXIT_UNREACHABLE if unreachable else EXIT_CRAWL_FAILED
