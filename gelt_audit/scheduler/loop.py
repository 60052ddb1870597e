"""The long-running scheduler (``gelt-audit schedule``): the ``[schedule]`` slots, until stopped.

The same steps as ``gelt-audit run`` (:func:`~gelt_audit.scheduler.once.run_once`) at the times
of ``[schedule]``, in America/Bogota whatever the machine's timezone.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import time
from collections.abc import Callable
from typing import Any

import schedule

from gelt_audit import clock
from gelt_audit.clock import BOGOTA_TZ
from gelt_audit.commands import say, setup_logging
from gelt_audit.config import WEEKDAYS, Config, ConfigError, load_config
from gelt_audit.errors import EXIT_CONFIG, EXIT_LOCKED, EXIT_OK
from gelt_audit.lock import LockedError, RunLock
from gelt_audit.scheduler.once import run_once
from gelt_audit.scheduler.signals import SIGNALS
from gelt_audit.scheduler.slots import committee_time, fmt_slot, next_slots
from gelt_audit.scheduler.status import SCHEDULER_LOCK_SUFFIX

log = logging.getLogger("gelt_audit.scheduler")

# Testing aid (documented in docs/OPERATIONS.md): every slot fires every N seconds instead of
# at its time of day, so a test can watch several rounds in a few seconds.
EVERY_ENV = "GELT_SCHEDULE_EVERY_SECONDS"
LOCK_RETRY_SECONDS = 300  # a slot that found the store locked (cron crawling) tries again later
LOCK_RETRIES = 6


def _every_seconds() -> int | None:
    value = os.environ.get(EVERY_ENV, "")
    if not value:
        return None
    try:
        seconds = int(value)
    except ValueError:
        raise ConfigError(f"La variable de entorno {EVERY_ENV} debe ser un número entero de segundos.") from None
    if seconds <= 0:
        raise ConfigError(f"La variable de entorno {EVERY_ENV} debe ser mayor que cero.")
    return seconds


def build_jobs(
    config: Config, scheduler: schedule.Scheduler, actions: dict[str, Callable[[], Any]], every: int | None = None
) -> list[schedule.Job]:
    """Register the ``[schedule]`` slots on ``scheduler``; ``actions`` maps crawl/weekly/committee to callables.

    Times are America/Bogota (schedule's ``at(..., tz)``, which needs pytz): Colombia has no
    daylight saving, but the machine may run in UTC or anywhere else. With ``every`` (testing
    aid), each slot fires every ``every`` seconds instead, in the order crawl, weekly, committee.
    """
    jobs = []
    crawl = config.schedule.crawl
    weekly = config.schedule.weekly_report
    dates = set(config.schedule.committee_dates)

    def committee_if_today() -> Any:
        if clock.today().isoformat() in dates:
            return actions["committee"]()
        return None

    if crawl:
        job = scheduler.every(every).seconds if every else scheduler.every().day.at(crawl, BOGOTA_TZ)
        jobs.append(job.do(actions["crawl"]).tag("crawl"))
    if weekly:
        day, hhmm = weekly.split()
        if every:
            job = scheduler.every(every).seconds
        else:
            job = getattr(scheduler.every(), WEEKDAYS[day.lower()]).at(hhmm, BOGOTA_TZ)
        jobs.append(job.do(actions["weekly"]).tag("weekly"))
    if dates:
        time_str = committee_time(config).strftime("%H:%M")
        job = scheduler.every(every).seconds if every else scheduler.every().day.at(time_str, BOGOTA_TZ)
        jobs.append(job.do(committee_if_today).tag("committee"))
    return jobs


def _slot(name: str, func: Callable[[], int], scheduler: schedule.Scheduler, retry_after: int) -> Callable[[], None]:
    """Wrap a slot: log it, never let it raise (schedule would retry it in a tight loop and stop
    the others), and retry a few times later if cron held the lock."""

    def attempt(left: int) -> int | None:
        if SIGNALS.stop:
            return None  # stop requested during an earlier job of the same round
        log.info("Programador: empieza %s", name)
        try:
            code = func()
        except Exception:
            log.exception("Programador: %s falló; la próxima hora programada se mantiene", name)
            return None
        if code == EXIT_LOCKED and left > 0 and not SIGNALS.stop:
            log.warning("Programador: %s encontró el almacén ocupado; se reintenta en %s s", name, retry_after)

            def retry() -> Any:
                attempt(left - 1)
                return schedule.CancelJob

            scheduler.every(retry_after).seconds.do(retry).tag("retry")
        elif code == EXIT_OK:
            log.info("Programador: %s terminó bien", name)
        else:
            log.warning("Programador: %s terminó con código %s", name, code)
        return code

    def run() -> None:
        attempt(LOCK_RETRIES)

    return run


def run_forever(config_path: str | os.PathLike[str], redis: str | None = None, namespace: str | None = None) -> int:
    """The scheduler (``gelt-audit schedule``): run the ``[schedule]`` slots until SIGTERM/SIGINT.

    A failing slot is logged and the next ones still run. On SIGTERM/SIGINT the current step
    finishes (a crawl is told to stop and is marked 'interrupted'), then it exits with 0.
    Config changes to the slot times need a restart; everything else is re-read at each slot.
    With ``redis`` the daily crawl runs through Redis workers (``crawl --redis``).
    """
    try:
        config = load_config(config_path)
        every = _every_seconds()
    except ConfigError as exc:
        print(f"Error de configuración: {exc}", file=sys.stderr)
        return EXIT_CONFIG
    setup_logging(config)
    path = str(config.path)
    try:
        # One scheduler per store: two would run every slot twice.
        guard = RunLock(config.store_path, SCHEDULER_LOCK_SUFFIX, what="el programador").acquire()
    except LockedError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_LOCKED
    scheduler = schedule.Scheduler()
    retry = every or LOCK_RETRY_SECONDS
    actions: dict[str, Callable[[], Any]] = {
        "crawl": _slot(
            "el rastreo diario",
            lambda: run_once(path, reports="overdue", job="crawl", redis=redis, namespace=namespace),
            scheduler,
            retry,
        ),
        "weekly": _slot(
            "el informe semanal", lambda: run_once(path, crawl=False, reports="weekly", job="weekly"), scheduler, retry
        ),
        "committee": _slot(
            "el informe para el comité",
            lambda: run_once(path, crawl=False, reports="committee", job="committee"),
            scheduler,
            retry,
        ),
    }
    try:
        with SIGNALS.installed():
            jobs = build_jobs(config, scheduler, actions, every)
            if not jobs:
                print("No hay nada programado: [schedule] está vacío.", file=sys.stderr)
                return EXIT_CONFIG
            upcoming = "; ".join(f"{label}: {fmt_slot(at)}" for label, at in next_slots(config, clock.now()))
            if every:
                upcoming = f"cada {every} s ({EVERY_ENV}, sólo para pruebas)"
            log.info("Programador iniciado (pid %s). Próximas ejecuciones: %s", os.getpid(), upcoming)
            say(f"Programador en marcha. Próximas ejecuciones: {upcoming}. Detener con Ctrl-C.")
            while not SIGNALS.stop:
                scheduler.run_pending()
                idle = scheduler.idle_seconds
                # Short sleeps: a signal is acted on within a second even between slots.
                time.sleep(min(1.0, max(0.05, idle if idle is not None else 1.0)))
            name = signal.Signals(SIGNALS.signum or signal.SIGTERM).name
            log.info("Programador detenido por %s", name)
            say(f"Programador detenido ({name}).")
            return EXIT_OK
    finally:
        guard.release()
