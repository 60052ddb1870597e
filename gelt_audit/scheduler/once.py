"""The entry of one unattended run (``gelt-audit run``, and each job of the scheduler).

Checks the config, takes the store's lock, then runs one site (:class:`~gelt_audit.scheduler.runs.Run`)
or every site of a portfolio (:func:`~gelt_audit.scheduler.portfolio_runs.run_portfolio`).
"""

from __future__ import annotations

import logging
import os
import sys
from datetime import datetime

from gelt_audit import clock
from gelt_audit.commands import check_checklist, setup_logging
from gelt_audit.config import ConfigError, load_config, portfolio_of
from gelt_audit.errors import EXIT_CONFIG, EXIT_LOCKED
from gelt_audit.lock import LockedError, RunLock
from gelt_audit.scheduler.portfolio_runs import run_portfolio
from gelt_audit.scheduler.runs import Run, skipped_because_locked, skipped_file
from gelt_audit.scheduler.signals import SIGNALS
from gelt_audit.scheduler.slots import REPORT_MODES
from gelt_audit.store import Store

log = logging.getLogger("gelt_audit.scheduler")


def run_once(
    config_path: str | os.PathLike[str],
    *,
    reports: str = "due",
    now: datetime | None = None,
    crawl: bool = True,
    job: str = "run",
    redis: str | None = None,
    namespace: str | None = None,
) -> int:
    """One unattended run (``gelt-audit run``): crawl, audits, due reports, delivery, alerts.

    Returns an exit code of ``gelt_audit.cli``: 0 done; 2 config; 3 site unreachable; 4 crawl
    failed; 5 delivery failed; 6 another run holds the lock; 7 nothing crawled yet; 1 anything
    else; 128+N when stopped by signal N (the current step finished first). With ``redis``, the
    crawl is ``crawl --redis`` (the coordinator; workers run elsewhere), under the same lock.
    """
    if reports not in REPORT_MODES:
        raise ValueError(f"modo de informes desconocido: {reports}")
    try:
        config = load_config(config_path)
        check_checklist(config)  # before a crawl that the audits could not use
    except ConfigError as exc:
        print(f"Error de configuración: {exc}", file=sys.stderr)
        return EXIT_CONFIG
    setup_logging(config)
    now = now or clock.now()
    try:
        lock = RunLock(config.store_path).acquire()
    except LockedError as exc:
        log.warning("Ejecución omitida: %s", exc)
        print(str(exc), file=sys.stderr)
        skipped_because_locked(config, str(exc))
        return EXIT_LOCKED
    skipped_file(config).unlink(missing_ok=True)  # a run starts: the streak of skipped days ends
    try:
        with SIGNALS.installed():
            if crawl:
                # The crawl's own check is skipped under the lock we pass on (see check_store).
                with Store(config.store_path) as store:
                    store.check_integrity()
            log.info("Ejecución (%s) de %s: rastreo=%s, informes=%s", job, config.site_url, crawl, reports)
            via = ("--redis", redis, *(("--namespace", namespace) if namespace else ())) if redis else ()
            if portfolio_of(config) is not None:
                code = run_portfolio(config, lock, job, now, via, crawl, reports)
            else:
                code = Run(config, lock, job, now, via).execute(crawl, reports)
            log.info("Ejecución (%s) terminada con código %s", job, code)
            return code
    finally:
        lock.release()
