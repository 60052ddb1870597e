"""One unattended run (``gelt-audit run``, and each job of the scheduler).

Lock, crawl (in a subprocess), audits, the reports that are due, delivery, alerts; one row in
the store's ``runs`` table; an exit code that means something (see ``docs/OPERATIONS.md``).

The crawl always runs in a child process: Twisted's reactor cannot be restarted, so a
long-running scheduler could crawl only once in-process.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import signal
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

from gelt_audit import clock
from gelt_audit.audits.pages import documents_among, site_answers, unreached_pages
from gelt_audit.audits.run import NoCrawlError, audit
from gelt_audit.clock import BOGOTA
from gelt_audit.commands import crawl_figures, say, unreached_counts
from gelt_audit.config import Config, ConfigError, portfolio_of
from gelt_audit.delivery import DeliveryError, fecha_larga, notify, send_email, send_report
from gelt_audit.errors import (
    EXIT_CONFIG,
    EXIT_CRAWL_FAILED,
    EXIT_DELIVERY_FAILED,
    EXIT_ERROR,
    EXIT_NO_DATA,
    EXIT_OK,
    EXIT_UNREACHABLE,
)
from gelt_audit.linkstate import spoken_error
from gelt_audit.lock import RunLock, lock_env
from gelt_audit.reports.digest import digest, digest_html, recipients
from gelt_audit.reports.fmt import plural
from gelt_audit.reports.index_page import TITLES
from gelt_audit.reports.labels import unreached_said
from gelt_audit.reports.write import Written, warm_summaries, write_reports
from gelt_audit.scheduler.signals import SIGNALS, die_with_parent
from gelt_audit.scheduler.slots import KIND_SHORT, reports_due
from gelt_audit.scheduler.status import findings_summary, status
from gelt_audit.store import Crawl, Store

log = logging.getLogger("gelt_audit.scheduler")


class _Interrupted(Exception):
    """A stop was requested; the current step has finished."""


class Run:
    """The steps of one run, recording itself in the ``runs`` table."""

    def __init__(
        self,
        config: Config,
        lock: RunLock,
        job: str,
        now: datetime,
        redis: tuple[str, ...] = (),
        site: str | None = None,
    ):
        self.config = config
        self.site = site  # a portfolio site's home page: its own runs say which reports it got
        self.who = ""  # « de <name> (<url>)» for a portfolio site: its lines on stderr say which site
        self.redis = redis  # ("--redis", URL[, "--namespace", NAME]): the crawl runs through Redis workers
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
        # We hold the lock: any run still 'running' died without closing its row.
        with Store(self.config.store_path) as store:
            self.run_id = store.start_run(self.job, os.getpid())

    def finish(self, code: int) -> None:
        if self.run_id is None:
            return
        with Store(self.config.store_path) as store:
            store.finish_run(
                self.run_id,
                {
                    "result": self.result,
                    "exit_code": code,
                    "crawl_id": self.crawl_id,
                    "reports": json.dumps(self.reports, ensure_ascii=False) if self.reports else None,
                    # An alert that could not go out is worth seeing in `status` too.
                    "message": " ".join([self.message, *self.alert_errors]).strip(),
                    "findings": json.dumps(self.counts) if self.counts is not None else None,
                },
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
        except ConfigError as exc:  # found late, e.g. by a report's own files
            self.result, self.message = "config", f"Error de configuración: {exc}"
            print(self.message, file=sys.stderr)
            code = EXIT_CONFIG
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
        with Store(self.config.store_path) as store:
            kinds = reports_due(self.config, store, self.now, reports, self.site)
        # the older crawls the reports compare with are audited before the latest one, not while
        # its findings are held here (the run's peak memory was that second audit)
        warm_summaries(self.config, kinds)
        findings = self.audit()
        if findings is None:
            return EXIT_NO_DATA
        self.crawl_id = findings["crawl"]["id"]
        self.counts = findings_summary(findings)
        self.regressions(findings)
        parts = [self.message] if self.message else []
        delivery_failed = []
        # the kinds are written from the same findings: the second copies the first one's JSON
        # contract (every member but ``report``, the whole site's pages and links) from its file
        written = Written()
        for kind in kinds:
            self.check_stop()
            # Writing and sending one report is one step: a stop request waits for both, so a
            # report is never left written-but-unsent (it would not be due again).
            paths = self.write(kind, findings, written)
            # each call builds its kind's own tables anew (no later kind has the same objects): not
            # held; the ones made of the findings alone are, and the next kind copies their files
            written.forget_own()
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
            before = store.last_crawl_id()
        say(f"Rastreando {config.site_url} …")
        code, stderr = crawl_child(config, self.lock, self.redis, crawl_deadline(config))
        with Store(config.store_path) as store:
            row = store.crawl_after(before)
        return self.crawled(code, stderr, row)

    def crawled(self, code: int, stderr: str, row: Crawl | None) -> int:
        """Read the site's crawl (its row, the crawl's exit code and stderr): the message, the alert and
        the step's exit code."""
        config = self.config
        if row is not None:
            with Store(config.store_path) as store:
                unreached = unreached_counts(store, row.id)
        else:
            unreached = (0, 0)
        crawl_id, status, pages, errors, error = (
            (row.id, row.status, row.pages, row.errors, row.error) if row else (None, None, 0, 0, None)
        )
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
        # what a person reads (stderr, the alert, the run's message): a download failure the crawl recorded
        # in its Spanish words; its technical line stays in the crawl's row and in the log
        said = spoken_error(error) if error and detail == error else detail
        if said != detail:
            log.info("motivo técnico del rastreo: %s", detail)
        when = clock.now().astimezone(BOGOTA)
        stamp = f"{fecha_larga(when.date())} a las {when:%H:%M} (hora de Bogotá)"
        if SIGNALS.stop:
            self.message = (
                f"Rastreo {crawl_id or '-'} detenido: {pages} respuestas guardadas, marcado como no terminado."
            )
            raise _Interrupted
        if code == EXIT_OK and status == "finished":
            self.message = f"Rastreo {crawl_id}{self.who}: {crawl_figures(pages, errors, *unreached)}."
            say(self.message)
            log.info(self.message)
            return EXIT_OK
        last = self.last_good()
        if code == EXIT_UNREACHABLE:
            self.fail("unreachable", code, f"No se pudo revisar el sitio {config.site_url}: {said}")
            print(self.message, file=sys.stderr)
            self.alert(
                f"El sitio no responde: {config.site_name}",
                f"El rastreo del {stamp} no pudo abrir la página de inicio de {config.site_url}.\n"
                f"Motivo: {said}\n\n{last}\nRegistro: {config.log_path}",
            )
            return code
        if code == EXIT_CONFIG:
            self.fail("config", code, f"El rastreo{self.who} rechazó la configuración: {detail}")
            print(self.message, file=sys.stderr)
            return code
        self.fail(
            "crawl_failed", EXIT_CRAWL_FAILED, f"Falló el rastreo {crawl_id or '(sin iniciar)'}{self.who}: {said}"
        )
        print(self.message, file=sys.stderr)
        self.alert(
            f"Falló el rastreo de {config.site_name}",
            f"El rastreo de {config.site_url} del {stamp} no terminó (código {code}).\n"
            f"Motivo: {said}\n\n{last}\nRegistro: {config.log_path}",
        )
        return EXIT_CRAWL_FAILED

    def last_good(self) -> str:
        with Store(self.config.store_path) as store:
            crawl = store.latest_crawl(self.config.site_url)
        if crawl is None:
            return "Todavía no hay ningún rastreo terminado de este sitio."
        return (
            f"Los informes siguen usando el último rastreo terminado ({crawl.id}, del "
            f"{fecha_larga(clock.local_date(crawl.started_at))})."
        )

    def audit(self) -> dict[str, Any] | None:
        with Store(self.config.store_path) as store:
            try:
                findings = audit(store, self.config)
            except NoCrawlError as exc:
                self.fail("no_data", EXIT_NO_DATA, str(exc))
                print(self.message, file=sys.stderr)
                return None
        log.info("Auditorías del rastreo %s terminadas", findings["crawl"]["id"])
        return findings

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

    def write(self, kind: str, findings: dict[str, Any], written: Written | None = None) -> list[Path]:
        """Write one report kind (HTML, JSON, CSV); every file is written whole (temp file + rename).
        ``written``: what the run's kinds before this one wrote (see :func:`write_reports`)."""
        return [Path(p) for p in write_reports(self.config, [kind], findings=findings, written=written)]

    def deliver(self, kind: str, paths: list[Path], findings: dict[str, Any]) -> bool | None:
        """Mail one report; None when e-mail is not configured, else whether it was sent."""
        email = self.config.email
        # The HTML goes inline and the CSVs attached; the JSON (megabytes) stays in the reports folder.
        paths = [p for p in paths if p.suffix in (".html", ".csv")]
        if not (email.host and email.to) or not paths:
            return None
        try:
            send_report(
                self.config, TITLES[kind], self.now.astimezone(BOGOTA).date(), paths,
                report_summary(self.config, kind, findings, self.counts or {}, self.site),
            )  # fmt: skip
        except DeliveryError as exc:
            print(f"No se pudo enviar el {TITLES[kind].lower()}: {exc}", file=sys.stderr)
            self.alert(f"No se pudo enviar el {TITLES[kind].lower()} de {self.config.site_name}", str(exc))
            return False
        say(f"{TITLES[kind]} enviado a {', '.join(email.to)}")
        if kind == "weekly" and email.per_responsable:
            return self.deliver_digests(findings)
        return True

    def deliver_digests(self, findings: dict[str, Any]) -> bool:
        """Each responsable gets their own part of the weekly report."""
        day = fecha_larga(self.now.astimezone(BOGOTA).date())
        ok = True
        for address, dep in recipients(findings, self.config.dependencias):
            subject = f"Para hacer esta semana — {dep['name']} — {self.config.site_name} — {day}"
            text = digest(findings, dep)
            try:
                html = digest_html(self.config, findings, dep, subject)
                send_email(self.config.email, subject, html, text, [], [address])
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


def report_summary(
    config: Config, kind: str, findings: dict[str, Any], counts: dict[str, int], site: str | None = None
) -> str:
    """The plain-text part of a report e-mail: the figures, then the run status (``site``: a portfolio
    site's, with its own runs)."""
    crawl = findings.get("crawl") or {}
    unreached = counts.get("unreached", 0)
    answers, errors = site_answers(crawl, unreached)  # the unreached pages said apart
    lines = [
        f"{TITLES[kind]} de {config.site_name} ({config.site_url})",
        "",
        f"Rastreo {crawl.get('id')}: {plural(answers, 'respuesta', 'respuestas')}, {plural(errors, 'error', 'errores')}.",
        f"Cambios desde el rastreo anterior: {counts.get('changes', 0)}.",
        f"Páginas con error: {counts.get('page_errors', 0)}. Enlaces rotos: {counts.get('broken_links', 0)}. "
        f"Páginas sin dependencia asignada: {counts.get('unassigned', 0)}.",
        *([unreached_said(unreached, documents_among(unreached_pages(findings)))] if unreached else []),
        "",
        status(config, site=site),
    ]
    return "\n".join(lines)


def skipped_file(config: Config) -> Path:
    """Days on which a run found the lock held, beside the store (removed when a run starts)."""
    return config.store_path.with_name(config.store_path.name + ".omitidas.json")


def skipped_because_locked(config: Config, holder: str) -> None:
    """Remember today's refused run; from the second day in a row, alert (once a day).

    One refused run is normal (cron and the scheduler met); a lock held across days is a crawl
    or a run that hangs, and nobody reads the reports it is not producing.
    """
    path = skipped_file(config)
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        state = {}
    today = clock.today().isoformat()
    days = sorted(set(state.get("days", [])) | {today})
    if len(days) >= 2 and state.get("alerted") != today:
        for error in notify(
            config,
            f"[gelt-audit] Sin ejecuciones desde hace {len(days)} días: {_whose(config)}",
            f"gelt-audit no pudo ejecutarse en {len(days)} días seguidos ({', '.join(days)}) porque otra "
            f"ejecución sigue con el bloqueo del almacén {config.store_path}.\n{holder}\n\n"
            "Revise si ese proceso sigue vivo; si está colgado, deténgalo: la siguiente ejecución empezará sola.",
        ):
            print(error, file=sys.stderr)
        state["alerted"] = today
    state["days"] = days
    with contextlib.suppress(OSError):
        path.write_text(json.dumps(state), encoding="utf-8")


def crawl_child(
    config: Config, lock: RunLock, redis: tuple[str, ...], timeout: float, env: dict[str, str] | None = None
) -> tuple[int, str]:
    """Run ``gelt-audit crawl`` for ``config`` in a child process that inherits the run's lock; its exit
    code (negative: the signal that killed it) and its stderr. Stopped past ``timeout`` seconds."""
    cmd = [sys.executable, "-m", "gelt_audit", "crawl", "--config", str(config.path), *redis]
    tty = sys.stderr.isatty()
    assert lock.fd is not None
    with tempfile.TemporaryFile() as err:  # a file, not a pipe: a chatty child cannot block on it
        proc = subprocess.Popen(
            cmd,
            stdin=subprocess.DEVNULL,
            stderr=None if tty else err,  # at a terminal, the crawl shows its progress
            cwd=config.path.parent,
            env={**os.environ, **lock_env(lock), **(env or {})},
            # The child inherits the lock: it stays held until the crawl is over, even if we die.
            pass_fds=(lock.fd,),
            start_new_session=True,
            preexec_fn=die_with_parent(),  # safe: no other threads in this process
        )
        SIGNALS.child = proc
        try:
            code = wait_for_crawl(proc, timeout)
        finally:
            SIGNALS.child = None
        err.seek(0)
        return code, err.read().decode("utf-8", "replace").strip()


def _whose(config: Config) -> str:
    """Who a store's runs are for: the site's name, or the portfolio's (not its first site's host)."""
    portfolio = portfolio_of(config)
    return config.site_name if portfolio is None else f"cartera de {len(portfolio.sites)} sitios"


# The crawl stops itself at site.max_duration_minutes; this margin lets it close its row first.
CRAWL_GRACE_SECONDS = 600


def crawl_deadline(config: Config) -> float:
    """Seconds `run` waits for its crawl before stopping it."""
    return config.site.max_duration_minutes * 60 + CRAWL_GRACE_SECONDS


def wait_for_crawl(proc: subprocess.Popen, timeout: float) -> int:
    """The crawl's exit code; past ``timeout``, its process group is stopped (TERM, then KILL).

    A crawl that hangs past its own time limit would hold the lock for ever and every later
    run would be refused: better a crawl marked as failed today than no run for a week.
    """
    try:
        return proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        log.error("El rastreo (pid %s) superó %.0f s sin terminar: se detiene", proc.pid, timeout)
        for sig, wait in ((signal.SIGTERM, 60), (signal.SIGKILL, 30)):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, sig)
            try:
                return proc.wait(timeout=wait)
            except subprocess.TimeoutExpired:
                continue
        return proc.wait()
