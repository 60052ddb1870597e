"""`gelt-audit run` and the scheduler's jobs for a ``[portfolio]`` config: every site as its own.

One crawl of the whole portfolio (``gelt-audit crawl`` in a child process, locally or through
Redis, under the run's lock as for one site); then, site by site, what a one-site run does with
its crawl: the audits, the reports that are due for *that* site (in its own folder,
``[reports] dir``/<DANE or host>, the name ``ranking --sites-dir`` gives its JSON), their e-mail,
its alerts; one row of ``runs`` per site (``site``: its home page). A site whose crawl failed is
said and alerted for that site alone; the others go on. Then the portfolio ranking is written.
"""

from __future__ import annotations

import contextlib
import json
import logging
import math
import os
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

from gelt_audit.audits.portfolio import ranking
from gelt_audit.clock import BOGOTA
from gelt_audit.commands import CRAWL_RESULTS_ENV, say
from gelt_audit.config import Config, portfolio_of, site_config
from gelt_audit.config.portfolio import site_run_config
from gelt_audit.errors import (
    EXIT_CONFIG,
    EXIT_CRAWL_FAILED,
    EXIT_DELIVERY_FAILED,
    EXIT_ERROR,
    EXIT_NO_DATA,
    EXIT_OK,
    EXIT_UNREACHABLE,
    NoPortfolioData,
)
from gelt_audit.files import atomic_write
from gelt_audit.lock import RunLock
from gelt_audit.reports import portfolio as portfolio_report
from gelt_audit.scheduler.runs import CRAWL_GRACE_SECONDS, Run, crawl_child
from gelt_audit.scheduler.signals import SIGNALS
from gelt_audit.store import Crawl, Store

log = logging.getLogger("gelt_audit.scheduler")

# The codes of a site's failure, the most serious first: a portfolio run exits with the first one
# some site ended with (docs/OPERATIONS.md). 3 only when no site at all answered.
_SEVERITY = (EXIT_ERROR, EXIT_CONFIG, EXIT_CRAWL_FAILED, EXIT_DELIVERY_FAILED, EXIT_NO_DATA)


class PortfolioSiteRun(Run):
    """One portfolio site's part of the run: its row was opened with the others', its crawl is its
    part of the portfolio's (``outcome``: the crawl's code for it, the child's stderr, its row)."""

    def __init__(self, config: Config, run_id: int, outcome: tuple[int, str, Crawl | None], **kw: Any):
        super().__init__(config, **kw)
        self.run_id = run_id
        self.outcome = outcome

    def start(self) -> None:
        """The row is open already (every site's at once, before the crawl)."""

    def crawl(self) -> int:
        return self.crawled(*self.outcome)


def portfolio_deadline(config: Config, sites: int) -> float:
    """Seconds `run` waits for a portfolio's crawl: its sites go ``max_sites_at_once`` at a time,
    each stopping itself at its own time limit (the shorter of max_duration_minutes and
    site_timeout_minutes)."""
    portfolio = portfolio_of(config)
    assert portfolio is not None
    each = config.site.max_duration_minutes * 60
    if portfolio.site_timeout_minutes:
        each = min(each, portfolio.site_timeout_minutes * 60)
    return math.ceil(sites / portfolio.max_sites_at_once) * each + CRAWL_GRACE_SECONDS


def crawl_all(
    config: Config, lock: RunLock, redis: tuple[str, ...], sites: list[tuple[Any, Config]]
) -> dict[str, tuple[int, str, Crawl | None]]:
    """Crawl the portfolio in one child process; each site's (code, stderr, crawl row).

    A site's code is its crawl's: 0 finished, 3 its home page not seen, 4 failed otherwise. A site
    the child never reported (it died, or refused the config) gets the child's code and its row, if
    it started one.
    """
    with Store(config.store_path) as store:
        before = store.last_crawl_id()
    say(f"Rastreando {len(sites)} sitios …")
    with tempfile.TemporaryDirectory(prefix="gelt-run-") as folder:
        results = Path(folder) / "resultados.jsonl"
        code, stderr = crawl_child(
            config, lock, redis, portfolio_deadline(config, len(sites)), {CRAWL_RESULTS_ENV: str(results)}
        )
        reported: dict[str, dict[str, Any]] = {}
        with contextlib.suppress(OSError):
            for line in results.read_text(encoding="utf-8").splitlines():
                with contextlib.suppress(ValueError):
                    entry = json.loads(line)
                    reported[entry["url"]] = entry
    outcomes = {}
    with Store(config.store_path) as store:
        for site, _ in sites:
            last = store.last_attempt(site.url)
            row = last if last is not None and last.id > before else None
            entry = reported.get(site.url)
            if entry is None:
                outcomes[site.url] = (code, stderr, row)
                continue
            if entry["status"] == "finished":
                site_code = EXIT_OK
            else:
                site_code = EXIT_UNREACHABLE if entry["unreachable"] else EXIT_CRAWL_FAILED
            outcomes[site.url] = (site_code, "", row)
    return outcomes


def portfolio_code(codes: list[int]) -> int:
    """A portfolio run's exit code from its sites': 0 when every site's run ended well; 128+N when it
    was stopped; else the most serious of the sites' (:data:`_SEVERITY`), where 3 (not seen) stands
    only when no site was seen: one site down of many is 4, as for ``crawl``."""
    if all(c == EXIT_OK for c in codes):
        return EXIT_OK
    stopped = [c for c in codes if c >= 128]
    if stopped:
        return stopped[0]
    if codes and all(c == EXIT_UNREACHABLE for c in codes):
        return EXIT_UNREACHABLE
    found = {EXIT_CRAWL_FAILED if c == EXIT_UNREACHABLE else c for c in codes}
    return next((c for c in _SEVERITY if c in found), max(found))


def write_ranking(config: Config, now: datetime) -> list[Path]:
    """The portfolio ranking (HTML, JSON, CSV) as ``cartera-AAAA-MM-DD.*`` in ``[reports] dir``."""
    portfolio = portfolio_of(config)
    assert portfolio is not None
    sites = [(site, site_config(config, site)) for site in portfolio.sites]
    with Store(config.store_path) as store:
        data = ranking(store, config, sites)
    stem = config.reports_dir / f"cartera-{now.astimezone(BOGOTA).date().isoformat()}"
    paths = []
    for fmt in portfolio_report.FORMATS:
        text = portfolio_report.to_text(data, fmt, config)
        paths.append(atomic_write(stem.with_suffix(f".{fmt}"), text))
    return paths


def run_portfolio(
    config: Config, lock: RunLock, job: str, now: datetime, redis: tuple[str, ...], crawl: bool, reports: str
) -> int:
    """Every site of the portfolio as its own run (see the module); the exit code of :func:`portfolio_code`."""
    portfolio = portfolio_of(config)
    assert portfolio is not None
    sites = [(site, site_run_config(config, site)) for site in portfolio.sites]
    with Store(config.store_path) as store:
        ids = store.start_runs(job, os.getpid(), [site.url for site, _ in sites])
    outcomes: dict[str, tuple[int, str, Crawl | None]] = {}
    if crawl:
        try:
            outcomes = crawl_all(config, lock, redis, sites)
        except Exception:
            # every site's row says so (each run's own handling, as if its crawl had failed this way)
            log.exception("El rastreo de la cartera falló")
            outcomes = {site.url: (EXIT_ERROR, "error inesperado al rastrear la cartera", None) for site, _ in sites}
    codes = []
    for (site, site_cfg), run_id in zip(sites, ids, strict=True):
        run = PortfolioSiteRun(
            site_cfg, run_id, outcomes.get(site.url, (EXIT_OK, "", None)),
            lock=lock, job=job, now=now, redis=redis, site=site.url,
        )  # fmt: skip
        run.who = f" de {site_cfg.site_name} ({site.url})"
        code = run.execute(crawl, reports)
        log.info("Ejecución (%s) de %s terminada con código %s", job, site.url, code)
        codes.append(code)
    failed = sum(1 for c in codes if c != EXIT_OK)
    summary = f"{len(codes) - failed} de {len(codes)} sitios sin problemas."
    if not SIGNALS.stop:
        try:
            paths = write_ranking(config, now)
            say(f"Informe de la cartera escrito en {paths[0]}")
        except NoPortfolioData:
            # no site has a finished crawl yet: nothing to rank; each site's line said why already
            log.info("Informe de la cartera no escrito: ningún sitio tiene todavía un rastreo terminado")
        except Exception as exc:  # the sites' reports are written: say it, do not lose them
            log.exception("No se pudo escribir el informe de la cartera")
            print(f"No se pudo escribir el informe de la cartera: {exc}", file=sys.stderr)
            codes.append(EXIT_ERROR)
    log.info(summary)
    if failed:
        print(summary, file=sys.stderr)
    else:
        say(summary)
    return portfolio_code(codes)
