"""Unattended operation: the one-shot run for cron, the `schedule`-based loop, and their status.

- :func:`run_once` (``gelt-audit run``): lock, crawl (in a subprocess), audits, the reports that
  are due, delivery, alerts; one row in the store's ``runs`` table; an exit code that means
  something (see ``docs/OPERATIONS.md``).
- :func:`run_forever` (``gelt-audit schedule``): the same steps at the times of ``[schedule]``,
  in America/Bogota whatever the machine's timezone.
- :func:`status` (``gelt-audit status``): the last runs and the next slots.

The crawl always runs in a child process: Twisted's reactor cannot be restarted, so a
long-running scheduler could crawl only once in-process.
"""

from __future__ import annotations

import argparse
import ctypes
import json
import logging
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from pathlib import Path
from types import FrameType
from typing import Any

import schedule
import sqlite_utils

from gelt_audit import clock
from gelt_audit.cli import say, setup_logging
from gelt_audit.clock import BOGOTA, BOGOTA_TZ
from gelt_audit.config import WEEKDAYS, Config, ConfigError, load_config
from gelt_audit.delivery import DeliveryError, fecha_larga, notify, send_report
from gelt_audit.errors import (
    EXIT_CONFIG,
    EXIT_CRAWL_FAILED,
    EXIT_DELIVERY_FAILED,
    EXIT_ERROR,
    EXIT_LOCKED,
    EXIT_NO_DATA,
    EXIT_OK,
    EXIT_UNREACHABLE,
)
from gelt_audit.lock import LOCK_ENV, LockedError, RunLock, lock_path_for
from gelt_audit.store import Store, utcnow

log = logging.getLogger("gelt_audit.scheduler")

# Testing aid (documented in docs/OPERATIONS.md): every slot fires every N seconds instead of
# at its time of day, so a test can watch several rounds in a few seconds.
EVERY_ENV = "GELT_SCHEDULE_EVERY_SECONDS"
SCHEDULER_LOCK_SUFFIX = ".schedule.lock"
LOCK_RETRY_SECONDS = 300  # a slot that found the store locked (cron crawling) tries again later
LOCK_RETRIES = 6
REPORT_MODES = ("due", "overdue", "none", "weekly", "committee", "all")
REPORT_KINDS = ("weekly", "committee")
KIND_TITLES = {"weekly": "Informe semanal", "committee": "Informe para el comité GEL-T"}
KIND_SHORT = {"weekly": "semanal", "committee": "comité"}
SLOT_LABELS = {"crawl": "rastreo diario", "weekly": "informe semanal", "committee": "informe para el comité"}
RESULTS_ES = {
    "running": "en curso",
    "ok": "correcto",
    "unreachable": "sitio caído",
    "crawl_failed": "rastreo fallido",
    "delivery_failed": "envío fallido",
    "no_data": "sin datos",
    "config": "error de configuración",
    "interrupted": "interrumpido",
    "error": "error",
}
_DAY_NAMES_ES = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")
_WEEKDAY_INDEX = {name: i for i, name in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday",
                                                    "saturday", "sunday"))}  # fmt: skip

# -- the runs table ------------------------------------------------------------------
RUNS_COLUMNS: dict[str, type] = {
    "id": int,
    "started_at": str,  # ISO 8601 UTC, like every timestamp in the store
    "finished_at": str,
    "result": str,  # running | ok | unreachable | crawl_failed | delivery_failed | no_data | interrupted | error
    "exit_code": int,
    "crawl_id": int,  # the crawl this run made, or (report-only runs) the one it reported on
    "reports": str,  # JSON list of {"kind": "weekly"|"committee", "path": str, "sent": bool|null}
    "message": str,  # one Spanish line for people
    "job": str,  # run (cron) | crawl | weekly | committee (scheduler slots)
    "pid": int,
    "findings": str,  # JSON {name: count}, see findings_summary()
}


def ensure_runs_table(db: sqlite_utils.Database) -> None:
    """Create ``runs`` if missing (to be folded into the store's migrations)."""
    db["runs"].create(RUNS_COLUMNS, pk="id", if_not_exists=True)


def recent_runs(config: Config, limit: int = 10) -> list[dict[str, Any]]:
    """The last ``limit`` runs, newest first, with the pages of their crawl and a findings total.

    Read-only: does not create the store if it does not exist yet.
    """
    if not config.store_path.exists():
        return []
    with Store(config.store_path) as store:
        if "runs" not in store.db.table_names():
            return []
        rows = store.db.execute(
            "select r.id, r.job, r.started_at, r.finished_at, r.result, r.exit_code, r.crawl_id, r.reports, "
            "r.message, r.pid, r.findings, c.pages from runs r left join crawls c on c.id = r.crawl_id "
            "order by r.id desc limit ?",
            [limit],
        ).fetchall()
    out = []
    for rid, job, started, finished, result, code, crawl_id, reports, message, pid, findings, pages in rows:
        counts = json.loads(findings) if findings else None
        out.append(
            {
                "id": rid,
                "job": job,
                "started_at": started,
                "finished_at": finished,
                "result": result,
                "result_es": RESULTS_ES.get(result, result),
                "exit_code": code,
                "crawl_id": crawl_id,
                "pages": pages,
                "findings": findings_total(counts) if counts is not None else None,
                "findings_detail": counts,
                "reports": json.loads(reports) if reports else [],
                "message": message,
                "pid": pid,
            }
        )
    return out


def findings_summary(findings: dict[str, Any]) -> dict[str, int]:
    """Counts of what needs someone's attention, from the audits' findings (missing keys count 0)."""
    pages = findings.get("pages") or []
    return {
        "page_errors": sum(1 for p in pages if (p.get("status") or 0) >= 400 or p.get("status") == 0),
        "broken_links": sum(1 for link in findings.get("links") or [] if link.get("state") == "broken"),
        "checklist_failed": sum(1 for c in findings.get("checklist") or [] if c.get("status") == "no_cumple"),
        "accessibility": len(findings.get("accessibility") or []),
        "security": len(findings.get("security") or []),
        "regressions": len(findings.get("regressions") or []),
        "unassigned": len(findings.get("unassigned") or []),
        "changes": len(findings.get("changes") or []),  # news, not a problem: left out of the total
    }


def findings_total(counts: dict[str, int]) -> int:
    return sum(v for k, v in counts.items() if k != "changes")


# -- when things are due ----------------------------------------------------------------
def _hhmm(value: str) -> dtime:
    hour, minute = value.split(":")
    return dtime(int(hour), int(minute))


def _weekly(config: Config) -> tuple[int, dtime] | None:
    """(weekday 0=Monday, time) of ``schedule.weekly_report``, or None if disabled."""
    value = config.schedule.get("weekly_report") or ""
    if not value:
        return None
    day, hhmm = value.split()
    return _WEEKDAY_INDEX[WEEKDAYS[day.lower()]], _hhmm(hhmm)


def committee_time(config: Config) -> dtime:
    """Committee reports are made on their dates at the weekly report's time (07:00 if none)."""
    weekly = _weekly(config)
    return weekly[1] if weekly else dtime(7, 0)


def next_slots(config: Config, now: datetime) -> list[tuple[str, datetime]]:
    """The next daily crawl, weekly report and committee report after ``now``, in Bogotá time.

    Pure: the same arithmetic as the scheduler's jobs, for `status` and the weekly report.
    Returns ``[(label, aware datetime in America/Bogota)]`` sorted by time.
    """
    if now.tzinfo is None:
        raise ValueError("now debe tener zona horaria")
    local = now.astimezone(BOGOTA)
    slots: list[tuple[str, datetime]] = []
    crawl = config.schedule.get("crawl") or ""
    if crawl:
        at = datetime.combine(local.date(), _hhmm(crawl), BOGOTA)
        slots.append((SLOT_LABELS["crawl"], at if at > local else at + timedelta(days=1)))
    weekly = _weekly(config)
    if weekly:
        day, at_time = weekly
        at = datetime.combine(local.date() + timedelta(days=(day - local.weekday()) % 7), at_time, BOGOTA)
        slots.append((SLOT_LABELS["weekly"], at if at > local else at + timedelta(days=7)))
    for value in sorted(config.schedule.get("committee_dates") or []):
        at = datetime.combine(date.fromisoformat(value), committee_time(config), BOGOTA)
        if at > local:
            slots.append((SLOT_LABELS["committee"], at))
            break
    return sorted(slots, key=lambda s: s[1])


def _bogota_date(timestamp: str) -> date:
    return clock.local_date(timestamp)


def _written_reports(db: sqlite_utils.Database, since: datetime) -> list[tuple[datetime, str]]:
    """(when, kind) of reports written since ``since`` and not known to have failed delivery."""
    if "runs" not in db.table_names():
        return []
    out = []
    rows = db.execute(
        "select finished_at, reports from runs where reports is not null and finished_at >= ?",
        [since.astimezone(UTC).isoformat(timespec="seconds")],
    )
    for finished, reports in rows:
        for entry in json.loads(reports or "[]"):
            # A report whose mail failed is not done: the next run makes and sends it again.
            if entry.get("sent") is not False:
                out.append((datetime.fromisoformat(finished), entry.get("kind")))
    return out


def reports_due(config: Config, db: sqlite_utils.Database, now: datetime, mode: str = "due") -> list[str]:
    """Which reports a run makes.

    ``due`` (cron): the weekly report if today (Bogotá) is its weekday and none was made today,
    or if none was made in the last 7 days (a missed Monday is caught up the next day); the
    committee report if today is one of ``committee_dates`` and none was made today.
    ``overdue`` (the scheduler's daily crawl): only the 7-day catch-up, since the scheduler has
    its own weekly slot. ``none``/``weekly``/``committee``/``all``: as named.
    """
    if mode not in REPORT_MODES:
        raise ValueError(f"modo de informes desconocido: {mode}")
    if mode == "none":
        return []
    if mode in REPORT_KINDS:
        return [mode]
    if mode == "all":
        return list(REPORT_KINDS)
    today = now.astimezone(BOGOTA).date()
    written = _written_reports(db, now - timedelta(days=7))
    weekly_recent = [w for w, kind in written if kind == "weekly"]
    weekly_today = any(w.astimezone(BOGOTA).date() == today for w in weekly_recent)
    kinds = []
    weekly = _weekly(config)
    if weekly and not weekly_recent:
        kinds.append("weekly")
    elif weekly and mode == "due" and today.weekday() == weekly[0] and not weekly_today:
        kinds.append("weekly")
    if mode == "due" and today.isoformat() in (config.schedule.get("committee_dates") or []):
        if not any(kind == "committee" and w.astimezone(BOGOTA).date() == today for w, kind in written):
            kinds.append("committee")
    return kinds


# -- signals -------------------------------------------------------------------------
class _Signals:
    """SIGTERM/SIGINT/SIGHUP become a stop request: the current step finishes, then we exit.

    A running crawl child gets SIGTERM forwarded so Scrapy closes gracefully and marks its
    crawl 'interrupted'. The child runs in its own session, so a terminal's Ctrl-C reaches it
    only through us — exactly once (a second signal would make Scrapy stop uncleanly).
    """

    def __init__(self) -> None:
        self.signum: int | None = None
        self.child: subprocess.Popen[bytes] | None = None
        self._depth = 0
        self._previous: dict[int, Any] = {}

    @property
    def stop(self) -> bool:
        return self.signum is not None

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        # No logging here: the handler may interrupt the logging module holding its lock.
        if self.signum is None:
            self.signum = signum
        child = self.child
        if child is not None and child.poll() is None:
            child.send_signal(signal.SIGTERM)

    @contextmanager
    def installed(self) -> Iterator[_Signals]:
        if threading.current_thread() is not threading.main_thread():
            yield self  # signal handlers can only be set from the main thread
            return
        if self._depth == 0:
            self.signum = None
            self._previous = {s: signal.signal(s, self._handle) for s in (signal.SIGTERM, signal.SIGINT)}
            # A closed terminal (SIGHUP) would kill us mid-crawl and the crawl would get a second,
            # forcing signal from the kernel; stop cleanly instead — unless nohup asked to ignore it.
            if signal.getsignal(signal.SIGHUP) is not signal.SIG_IGN:
                self._previous[signal.SIGHUP] = signal.signal(signal.SIGHUP, self._handle)
        self._depth += 1
        try:
            yield self
        finally:
            self._depth -= 1
            if self._depth == 0:
                for s, handler in self._previous.items():
                    signal.signal(s, handler)


SIGNALS = _Signals()


def _die_with_parent() -> Callable[[], None] | None:
    """A preexec_fn asking Linux to SIGTERM the crawl if we die (even by SIGKILL).

    With it, a killed `run` does not leave an orphan crawl holding the inherited lock for
    the rest of its course: Scrapy closes, marks the crawl 'interrupted' and the lock is freed.
    """
    if not sys.platform.startswith("linux"):
        return None
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    parent = os.getpid()
    pr_set_pdeathsig = 1

    def preexec() -> None:
        prctl(pr_set_pdeathsig, signal.SIGTERM)
        if os.getppid() != parent:  # the parent died before prctl took effect
            os.kill(os.getpid(), signal.SIGTERM)

    return preexec


# -- one run ---------------------------------------------------------------------------
class _Interrupted(Exception):
    """A stop was requested; the current step has finished."""


class _Run:
    """The steps of one run, recording itself in the ``runs`` table."""

    def __init__(self, config: Config, lock: RunLock, job: str, now: datetime):
        self.config = config
        self.lock = lock
        self.job = job
        self.now = now
        self.run_id: int | None = None
        self.crawl_id: int | None = None
        self.reports: list[dict[str, Any]] = []
        self.counts: dict[str, int] | None = None
        self.result = "running"
        self.message = ""
        self.alert_errors: list[str] = []

    # bookkeeping
    def start(self) -> None:
        with Store(self.config.store_path) as store:
            ensure_runs_table(store.db)
            with store.db.conn:
                # We hold the lock: any run still 'running' died without closing its row.
                store.db.execute(
                    "update runs set result = 'interrupted', finished_at = coalesce(finished_at, ?), "
                    "message = 'el proceso terminó sin cerrar la ejecución' where result = 'running'",
                    [utcnow()],
                )
                self.run_id = (
                    store.db["runs"]
                    .insert(
                        {"started_at": utcnow(), "result": "running", "job": self.job, "pid": os.getpid()}, alter=True
                    )
                    .last_pk
                )

    def finish(self, code: int) -> None:
        if self.run_id is None:
            return
        with Store(self.config.store_path) as store, store.db.conn:
            store.db["runs"].update(
                self.run_id,
                {
                    "finished_at": utcnow(),
                    "result": self.result,
                    "exit_code": code,
                    "crawl_id": self.crawl_id,
                    "reports": json.dumps(self.reports, ensure_ascii=False) if self.reports else None,
                    # An alert that could not go out is worth seeing in `status` too.
                    "message": " ".join([self.message, *self.alert_errors]).strip(),
                    "findings": json.dumps(self.counts) if self.counts is not None else None,
                },
                alter=True,
            )

    def fail(self, result: str, code: int, message: str) -> int:
        self.result, self.message = result, message
        return code

    def alert(self, subject: str, message: str) -> None:
        errors = notify(self.config, f"[gelt-audit] {subject}", message)
        for error in errors:
            print(error, file=sys.stderr)
        self.alert_errors.extend(errors)

    def check_stop(self) -> None:
        if SIGNALS.stop:
            raise _Interrupted

    # steps
    def execute(self, crawl: bool, reports: str) -> int:
        self.start()
        code = EXIT_ERROR
        try:
            code = self.steps(crawl, reports)
        except _Interrupted:
            signum = SIGNALS.signum or signal.SIGTERM
            self.result = "interrupted"
            self.message = (self.message + " " if self.message else "") + (
                f"Detenido por la señal {signal.Signals(signum).name} al terminar el paso en curso."
            )
            log.warning(self.message)
            code = 128 + signum
        except Exception as exc:
            log.exception("La ejecución falló")
            self.result, self.message = "error", f"Error inesperado: {exc}"
            print(f"Error: {exc} (detalles en {self.config.log_path})", file=sys.stderr)
            code = EXIT_ERROR
        finally:
            self.finish(code)
        return code

    def steps(self, crawl: bool, reports: str) -> int:
        if crawl:
            self.check_stop()
            code = self.crawl()
            if code != EXIT_OK:
                return code
            self.check_stop()
        findings = self.audit()
        if findings is None:
            return EXIT_NO_DATA
        self.crawl_id = findings["crawl"]["id"]
        self.counts = findings_summary(findings)
        self.regressions(findings)
        with Store(self.config.store_path) as store:
            kinds = reports_due(self.config, store.db, self.now, reports)
        parts = [self.message] if self.message else []
        delivery_failed = []
        for kind in kinds:
            self.check_stop()
            # Writing and sending one report is one step: a stop request waits for both, so a
            # report is never left written-but-unsent (it would not be due again).
            paths = self.write(kind, findings)
            sent = self.deliver(kind, paths, findings)
            self.reports += [{"kind": kind, "path": str(p), "sent": sent} for p in paths]
            if sent is False:
                delivery_failed.append(kind)
        if kinds:
            parts.append("Informes: " + ", ".join(KIND_SHORT[k] for k in kinds) + ".")
        if delivery_failed:
            self.result = "delivery_failed"
            parts.append("Falló el envío por correo; se reintentará en la próxima ejecución.")
            self.message = " ".join(parts)
            return EXIT_DELIVERY_FAILED
        self.result, self.message = "ok", " ".join(parts)
        return EXIT_OK

    def crawl(self) -> int:
        config = self.config
        with Store(config.store_path) as store:
            before = store.db.execute("select coalesce(max(id), 0) from crawls").fetchone()[0]
        say(f"Rastreando {config.site_url} …")
        tty = sys.stderr.isatty()
        cmd = [sys.executable, "-m", "gelt_audit", "crawl", "--config", str(config.path)]
        assert self.lock.fd is not None
        with tempfile.TemporaryFile() as err:  # a file, not a pipe: a chatty child cannot block on it
            proc = subprocess.Popen(
                cmd,
                stdin=subprocess.DEVNULL,
                stderr=None if tty else err,  # at a terminal, the crawl shows its progress
                cwd=config.path.parent,
                env={**os.environ, LOCK_ENV: str(self.lock.path)},
                # The child inherits the lock: it stays held until the crawl is over, even if we die.
                pass_fds=(self.lock.fd,),
                start_new_session=True,
                preexec_fn=_die_with_parent(),  # safe: no other threads in this process
            )
            SIGNALS.child = proc
            try:
                code = proc.wait()
            finally:
                SIGNALS.child = None
            err.seek(0)
            stderr = err.read().decode("utf-8", "replace").strip()
        with Store(config.store_path) as store:
            row = store.db.execute(
                "select id, status, pages, errors, error from crawls where id > ? order by id desc limit 1", [before]
            ).fetchone()
        crawl_id, status, pages, errors, error = row if row else (None, None, 0, 0, None)
        self.crawl_id = crawl_id
        # The crawl row says why in Spanish; the child's stderr is the fallback (e.g. it died early).
        if code < 0:
            detail = f"el proceso de rastreo murió por la señal {signal.Signals(-code).name}"
        else:
            detail = error or (stderr.splitlines()[-1] if stderr else f"código de salida {code}")
        if crawl_id is not None and status == "running":
            # The child died without closing its crawl (SIGKILL, OOM killer). We hold the lock, so
            # nobody else is crawling: close the row now rather than at the next crawl's start.
            with Store(config.store_path) as store:
                store.finish_crawl(crawl_id, "interrupted" if SIGNALS.stop else "failed", detail)
        when = clock.now().astimezone(BOGOTA)
        stamp = f"{fecha_larga(when.date())} a las {when:%H:%M} (hora de Bogotá)"
        if SIGNALS.stop:
            self.message = (
                f"Rastreo {crawl_id or '-'} detenido: {pages} respuestas guardadas, marcado como no terminado."
            )
            raise _Interrupted
        if code == EXIT_OK and status == "finished":
            self.message = f"Rastreo {crawl_id}: {pages} respuestas, {errors} errores."
            say(self.message)
            log.info(self.message)
            return EXIT_OK
        last = self.last_good()
        if code == EXIT_UNREACHABLE:
            self.fail("unreachable", code, f"El sitio {config.site_url} no respondió: {detail}")
            print(self.message, file=sys.stderr)
            self.alert(
                f"El sitio no responde: {config.site_name}",
                f"El rastreo del {stamp} no pudo abrir la página de inicio de {config.site_url}.\n"
                f"Motivo: {detail}\n\n{last}\nRegistro: {config.log_path}",
            )
            return code
        if code == EXIT_CONFIG:
            self.fail("config", code, f"El rastreo rechazó la configuración: {detail}")
            print(self.message, file=sys.stderr)
            return code
        self.fail("crawl_failed", EXIT_CRAWL_FAILED, f"Falló el rastreo {crawl_id or '(sin iniciar)'}: {detail}")
        print(self.message, file=sys.stderr)
        self.alert(
            f"Falló el rastreo de {config.site_name}",
            f"El rastreo de {config.site_url} del {stamp} no terminó (código {code}).\n"
            f"Motivo: {detail}\n\n{last}\nRegistro: {config.log_path}",
        )
        return EXIT_CRAWL_FAILED

    def last_good(self) -> str:
        with Store(self.config.store_path) as store:
            crawl = store.latest_crawl(self.config.site_url)
        if crawl is None:
            return "Todavía no hay ningún rastreo terminado de este sitio."
        return (
            f"Los informes siguen usando el último rastreo terminado ({crawl.id}, del "
            f"{fecha_larga(_bogota_date(crawl.started_at))})."
        )

    def audit(self) -> dict[str, Any] | None:
        from gelt_audit.audits.run import NoCrawlError, audit

        with Store(self.config.store_path) as store:
            try:
                return audit(store, self.config)
            except NoCrawlError as exc:
                self.fail("no_data", EXIT_NO_DATA, str(exc))
                print(self.message, file=sys.stderr)
                return None

    def regressions(self, findings: dict[str, Any]) -> None:
        items = findings.get("regressions") or []
        if not items:
            return
        lines = [f"- {_describe(item)}" for item in items[:50]]
        if len(items) > 50:
            lines.append(f"… y {len(items) - 50} más.")
        self.alert(
            f"Retrocesos en {self.config.site_name}: {len(items)}",
            f"El rastreo {findings['crawl']['id']} de {self.config.site_url} encontró {len(items)} "
            f"retroceso(s) respecto al anterior:\n" + "\n".join(lines),
        )

    def write(self, kind: str, findings: dict[str, Any]) -> list[Path]:
        """Write one report kind (HTML, JSON, CSV); every file is written whole (temp file + rename)."""
        from gelt_audit.reports.write import write_reports

        return [Path(p) for p in write_reports(self.config, [kind], findings=findings)]

    def deliver(self, kind: str, paths: list[Path], findings: dict[str, Any]) -> bool | None:
        """Mail one report; None when e-mail is not configured, else whether it was sent."""
        email = self.config.email
        # The HTML goes inline and the CSVs attached; the JSON (megabytes) stays in the reports folder.
        paths = [p for p in paths if p.suffix in (".html", ".csv")]
        if not (email.get("host") and email.get("to")) or not paths:
            return None
        try:
            send_report(
                self.config, KIND_TITLES[kind], self.now.astimezone(BOGOTA).date(), paths,
                report_summary(self.config, kind, findings, self.counts or {}),
            )  # fmt: skip
        except DeliveryError as exc:
            print(f"No se pudo enviar el {KIND_TITLES[kind].lower()}: {exc}", file=sys.stderr)
            self.alert(f"No se pudo enviar el {KIND_TITLES[kind].lower()} de {self.config.site_name}", str(exc))
            return False
        say(f"{KIND_TITLES[kind]} enviado a {', '.join(email['to'])}")
        if kind == "weekly" and email.get("per_responsable"):
            return self.deliver_digests(findings)
        return True

    def deliver_digests(self, findings: dict[str, Any]) -> bool:
        """Each responsable gets their own part of the weekly report."""
        from gelt_audit.delivery import alert_html, send_email
        from gelt_audit.reports.digest import digest, recipients

        day = fecha_larga(self.now.astimezone(BOGOTA).date())
        ok = True
        for address, dep in recipients(findings, self.config.dependencias):
            subject = f"Para hacer esta semana — {dep['name']} — {self.config.site_name} — {day}"
            text = digest(findings, dep)
            try:
                send_email(
                    self.config.email, subject, alert_html(self.config.site_name, subject, text), text, [], [address]
                )
            except DeliveryError as exc:
                print(f"No se pudo enviar su parte a {address}: {exc}", file=sys.stderr)
                ok = False
        return ok


def _describe(item: Any) -> str:
    """One line for a regression item, whatever its shape."""
    if isinstance(item, dict):
        keys = ("item", "name", "title", "url", "dependencia", "status", "previous", "detail")
        parts = [f"{k}: {item[k]}" for k in keys if item.get(k) not in (None, "")]
        return "; ".join(parts) if parts else json.dumps(item, ensure_ascii=False)
    return str(item)


def report_summary(config: Config, kind: str, findings: dict[str, Any], counts: dict[str, int]) -> str:
    """The plain-text part of a report e-mail: the figures, then the run status."""
    crawl = findings.get("crawl") or {}
    lines = [
        f"{KIND_TITLES[kind]} de {config.site_name} ({config.site_url})",
        "",
        f"Rastreo {crawl.get('id')}: {crawl.get('pages')} respuestas, {crawl.get('errors')} errores.",
        f"Cambios desde el rastreo anterior: {counts.get('changes', 0)}.",
        f"Páginas con error: {counts.get('page_errors', 0)}. Enlaces rotos: {counts.get('broken_links', 0)}. "
        f"Páginas sin dependencia asignada: {counts.get('unassigned', 0)}.",
        "",
        status(config),
    ]
    return "\n".join(lines)


def run_once(
    config_path: str | os.PathLike[str],
    *,
    reports: str = "due",
    now: datetime | None = None,
    crawl: bool = True,
    job: str = "run",
) -> int:
    """One unattended run (``gelt-audit run``): crawl, audits, due reports, delivery, alerts.

    Returns an exit code of ``gelt_audit.cli``: 0 done; 2 config; 3 site unreachable; 4 crawl
    failed; 5 delivery failed; 6 another run holds the lock; 7 nothing crawled yet; 1 anything
    else; 128+N when stopped by signal N (the current step finished first).
    """
    if reports not in REPORT_MODES:
        raise ValueError(f"modo de informes desconocido: {reports}")
    try:
        config = load_config(config_path)
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
        return EXIT_LOCKED
    try:
        with SIGNALS.installed():
            log.info("Ejecución (%s) de %s: rastreo=%s, informes=%s", job, config.site_url, crawl, reports)
            code = _Run(config, lock, job, now).execute(crawl, reports)
            log.info("Ejecución (%s) terminada con código %s", job, code)
            return code
    finally:
        lock.release()


# -- the long-running scheduler --------------------------------------------------------
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
    crawl = config.schedule.get("crawl") or ""
    weekly = config.schedule.get("weekly_report") or ""
    dates = set(config.schedule.get("committee_dates") or [])

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


def run_forever(config_path: str | os.PathLike[str]) -> int:
    """The scheduler (``gelt-audit schedule``): run the ``[schedule]`` slots until SIGTERM/SIGINT.

    A failing slot is logged and the next ones still run. On SIGTERM/SIGINT the current step
    finishes (a crawl is told to stop and is marked 'interrupted'), then it exits with 0.
    Config changes to the slot times need a restart; everything else is re-read at each slot.
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
        "crawl": _slot("el rastreo diario", lambda: run_once(path, reports="overdue", job="crawl"), scheduler, retry),
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
            upcoming = "; ".join(f"{label}: {_fmt_slot(at)}" for label, at in next_slots(config, clock.now()))
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


# -- status ----------------------------------------------------------------------------
def _fmt_slot(at: datetime) -> str:
    local = at.astimezone(BOGOTA)
    return f"{_DAY_NAMES_ES[local.weekday()]} {fecha_larga(local.date())}, {local:%H:%M}"


def _local(timestamp: str | None) -> str:
    if not timestamp:
        return "-"
    return datetime.fromisoformat(timestamp).astimezone(BOGOTA).strftime("%Y-%m-%d %H:%M")


def _holder_alive(store_path: Path, suffix: str) -> int | None:
    """Pid written in a lock file if that process still runs (read-only: never takes the lock,
    which could make a cron run starting at that instant exit as 'locked')."""
    try:
        pid = int(lock_path_for(store_path, suffix).read_text(encoding="utf-8").split("\n")[0])
        os.kill(pid, 0)
    except (OSError, ValueError):
        return None
    cmdline = Path(f"/proc/{pid}/cmdline")
    if cmdline.exists():
        try:
            if b"gelt" not in cmdline.read_bytes():
                return None  # the pid was reused by something else
        except OSError:
            return None
    return pid


def status(config: Config, now: datetime | None = None) -> str:
    """Spanish text: the last 10 runs and the next scheduled slots, in Bogotá time."""
    now = now or clock.now()
    lines = [f"Estado de gelt-audit — {config.site_name} ({config.site_url})", ""]
    runs = recent_runs(config, 10)
    if runs:
        lines.append("Últimas ejecuciones (hora de Bogotá):")
        lines.append(
            f"{'inicio':<16}  {'fin':<16}  {'tipo':<9} {'resultado':<22} {'páginas':>7} {'hallazgos':>9}  informes"
        )
        for r in runs:
            kinds = sorted({KIND_SHORT.get(e.get("kind"), e.get("kind")) for e in r["reports"]})
            pages = "-" if r["pages"] is None else str(r["pages"])
            found = "-" if r["findings"] is None else str(r["findings"])
            lines.append(
                f"{_local(r['started_at']):<16}  {_local(r['finished_at']):<16}  {_JOB_ES.get(r['job'], r['job'] or ''):<9} "
                f"{r['result_es']:<22} {pages:>7} {found:>9}  {', '.join(kinds) or '-'}"
            )
        last = runs[0]
        if last["message"] and last["result"] != "ok":
            lines.append(f"Última ejecución: {last['message']}")
    else:
        lines.append("Todavía no hay ejecuciones registradas (gelt-audit run o gelt-audit schedule).")
    lines.append("")
    slots = next_slots(config, now)
    if slots:
        lines.append("Próximas ejecuciones programadas (hora de Bogotá):")
        lines += [f"  {label:<24} {_fmt_slot(at)}" for label, at in slots]
    else:
        lines.append("No hay ejecuciones programadas ([schedule] vacío).")
    pid = _holder_alive(config.store_path, SCHEDULER_LOCK_SUFFIX)
    if pid:
        lines.append(f"El programador (gelt-audit schedule) está en marcha, pid {pid}.")
    else:
        lines.append("El programador (gelt-audit schedule) no está en marcha; con cron valen las horas del crontab.")
    pid = _holder_alive(config.store_path, ".lock")
    if pid:
        lines.append(f"Hay una ejecución en curso, pid {pid}.")
    return "\n".join(lines)


_JOB_ES = {"run": "run", "crawl": "rastreo", "weekly": "semanal", "committee": "comité"}


# -- CLI wiring ------------------------------------------------------------------------
def cmd_run(args: argparse.Namespace) -> int:
    return run_once(args.config, reports=args.reports, crawl=not args.no_crawl)


def cmd_schedule(args: argparse.Namespace) -> int:
    return run_forever(args.config)


def cmd_status(args: argparse.Namespace) -> int:
    config = load_config(args.config)  # ConfigError is reported by cli.main
    print(status(config))
    return EXIT_OK


def add_commands(subparsers: Any, add_config: Callable[[argparse.ArgumentParser], None]) -> None:
    """Register ``run``, ``schedule`` and ``status`` on the CLI's subparsers."""
    specs: list[tuple[str, str, Callable[[argparse.Namespace], int]]] = [
        (
            "run",
            "una ejecución completa para cron: rastreo, auditorías, informes pendientes, envío y alertas",
            cmd_run,
        ),
        (
            "schedule",
            "proceso permanente que rastrea y produce los informes a las horas de [schedule] (hora de Bogotá)",
            cmd_schedule,
        ),
        ("status", "muestra las últimas ejecuciones y las próximas programadas", cmd_status),
    ]
    for name, help_text, func in specs:
        p = subparsers.add_parser(name, help=help_text, description=help_text[0].upper() + help_text[1:] + ".")
        add_config(p)
        p.set_defaults(func=func)
        if name == "run":
            p.add_argument(
                "--reports",
                choices=REPORT_MODES,
                default="due",
                help="qué informes producir: due (los que tocan hoy, por defecto), overdue (sólo el semanal "
                "atrasado), none, weekly, committee o all",
            )
            p.add_argument("--no-crawl", action="store_true", help="no rastrea: audita el último rastreo terminado")
