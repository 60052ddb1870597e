"""`gelt-audit status`: the last runs and the next slots, in Bogotá time.

Read-only: it never creates the store, and never takes a lock (which could make a cron run
starting at that instant exit as 'locked').
"""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path
from typing import Any

from gelt_audit import clock
from gelt_audit.audits.linktable import links_where
from gelt_audit.audits.pages import count_page_errors, unreached_pages
from gelt_audit.commands import CRAWL_STATUS_ES, local_minute
from gelt_audit.config import Config, portfolio_configs, portfolio_of
from gelt_audit.linkstate import spoken_error
from gelt_audit.lock import lock_path_for
from gelt_audit.scheduler.slots import KIND_SHORT, fmt_slot, next_slots
from gelt_audit.store import Store

SCHEDULER_LOCK_SUFFIX = ".schedule.lock"
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
# A run whose row says «running» but whose process no longer runs (fits the 22-character column).
DEAD_RUN_ES = "sin terminar (murió)"
_JOB_ES = {"run": "run", "crawl": "rastreo", "weekly": "semanal", "committee": "comité"}


def recent_runs(config: Config, limit: int = 10, site: str | None = None) -> list[dict[str, Any]]:
    """The last ``limit`` runs, newest first, with the pages of their crawl and a findings total
    (``site``: of that portfolio site only).

    Read-only: does not create the store if it does not exist yet.
    """
    if not config.store_path.exists():
        return []
    with Store(config.store_path) as store:
        rows = store.recent_runs(limit, site)
    out = []
    for row in rows:
        counts = json.loads(row["findings"]) if row["findings"] else None
        result_es = RESULTS_ES.get(row["result"], row["result"])
        if row["result"] == "running" and not (row.get("pid") and _gelt_alive(row["pid"])):
            # Killed (SIGKILL, out of memory, power cut): nobody closed its row, which only the next
            # run marks «interrumpido». «En curso» told the sysadmin something was still running.
            result_es = DEAD_RUN_ES
        out.append(
            {
                **row,
                "result_es": result_es,
                "findings": findings_total(counts) if counts is not None else None,
                "findings_detail": counts,
                "reports": json.loads(row["reports"]) if row["reports"] else [],
            }
        )
    return out


def findings_summary(findings: dict[str, Any]) -> dict[str, int]:
    """Counts of what needs someone's attention, from the audits' findings (missing keys count 0)."""
    pages = findings.get("pages") or []
    return {
        "page_errors": count_page_errors(pages),
        "broken_links": sum(1 for _ in links_where(findings.get("links"), "state", "broken")),
        "checklist_failed": sum(1 for c in findings.get("checklist") or [] if c.get("status") == "no_cumple"),
        "accessibility": len(findings.get("accessibility") or []),
        "security": len(findings.get("security") or []),
        "regressions": len(findings.get("regressions") or []),
        "unassigned": len(findings.get("unassigned") or []),
        "changes": len(findings.get("changes") or []),  # news, not a problem: left out of the total
        # pages the crawl could not fetch because their name did not resolve from this machine: no
        # finding of the site's, left out of the total too
        "unreached": len(unreached_pages(findings)),
    }


# What a findings_summary() counts that is no problem of the site's.
NOT_FINDINGS = ("changes", "unreached")


def findings_total(counts: dict[str, int]) -> int:
    """What needs attention in a findings_summary(): every count but :data:`NOT_FINDINGS`."""
    return sum(v for k, v in counts.items() if k not in NOT_FINDINGS)


def _gelt_alive(pid: int) -> bool:
    """Whether ``pid`` is a running gelt-audit process (not a pid reused by something else)."""
    try:
        os.kill(pid, 0)
    except (OSError, ValueError, OverflowError):
        return False
    cmdline = Path(f"/proc/{pid}/cmdline")
    if cmdline.exists():
        try:
            return b"gelt" in cmdline.read_bytes()
        except OSError:
            return False
    return True


def _holder_alive(store_path: Path, suffix: str) -> int | None:
    """Pid written in a lock file if that process still runs (read-only: never takes the lock,
    which could make a cron run starting at that instant exit as 'locked')."""
    try:
        pid = int(lock_path_for(store_path, suffix).read_text(encoding="utf-8").split("\n")[0])
    except (OSError, ValueError):
        return None
    return pid if _gelt_alive(pid) else None


def last_crawl_lines(config: Config, of_site: str = "") -> list[str]:
    """The site's last crawl, and when it is not the baseline of the reports, why and which is.

    ``of_site``: « de <name> (<url>)» when the store holds a portfolio, so each line names its site.
    """
    if not config.store_path.exists():
        return []
    with Store(config.store_path) as store:
        last = store.last_attempt(config.site_url)
        finished = store.finished_crawls(config.site_url)
    if last is None:
        return ["", f"Todavía no hay rastreos{of_site or ' de este sitio'}."]
    state = CRAWL_STATUS_ES.get(last.status, last.status)
    lines = [
        "",
        f"Último rastreo{of_site}: {local_minute(last.started_at)}, {state}"
        + (f": {spoken_error(last.error)}" if last.error else ""),
    ]
    if last.status != "finished":
        base = f"el del {local_minute(finished[0].started_at)}" if finished else "ninguno todavía"
        lines.append(f"Los informes usan el último rastreo terminado: {base}.")
    return lines


def status(config: Config, now: datetime | None = None, site: str | None = None) -> str:
    """Spanish text: the last 10 runs and the next scheduled slots, in Bogotá time (``site``: a
    portfolio site's config, its own runs only: the e-mail of its report)."""
    now = now or clock.now()
    sites = portfolio_configs(config) if portfolio_of(config) is not None else None
    if sites is not None:
        return _portfolio_status(config, sites, now)
    lines = [f"Estado de gelt-audit — {config.site_name} ({config.site_url})", ""]
    lines += _runs_table(config, site)
    lines += last_crawl_lines(config)
    lines.append("")
    lines += _next_and_running(config, now)
    return "\n".join(lines)


def _runs_table(config: Config, site: str | None = None) -> list[str]:
    """The last 10 runs (``site``: of that portfolio site), one line each, and what the last one said."""
    lines = []
    runs = recent_runs(config, 10, site)
    if runs:
        lines.append("Últimas ejecuciones (hora de Bogotá):")
        lines.append(
            f"{'inicio':<16}  {'fin':<16}  {'tipo':<9} {'resultado':<22} {'respuestas':>10} {'hallazgos':>9}  informes"
        )
        for r in runs:
            kinds = sorted({KIND_SHORT.get(e.get("kind"), e.get("kind")) for e in r["reports"]})
            # the crawl's responses (pages, documents, redirects): not the site's pages (H284); a page whose
            # name did not resolve from here got none (the run's findings count them: «unreached»)
            unreached = (r["findings_detail"] or {}).get("unreached", 0)
            pages = "-" if r["pages"] is None else str(r["pages"] - unreached)
            found = "-" if r["findings"] is None else str(r["findings"])
            lines.append(
                f"{local_minute(r['started_at']):<16}  {local_minute(r['finished_at']):<16}  {_JOB_ES.get(r['job'], r['job'] or ''):<9} "
                f"{r['result_es']:<22} {pages:>10} {found:>9}  {', '.join(kinds) or '-'}"
            )
        last = runs[0]
        if last["message"] and last["result"] != "ok":
            lines.append(f"Última ejecución: {spoken_error(last['message'])}")
        if any(r["result_es"] == DEAD_RUN_ES for r in runs):
            lines.append(
                f"«{DEAD_RUN_ES}»: el proceso de esa ejecución ya no corre (detenido de golpe: SIGKILL, falta de "
                "memoria, apagado) y nadie cerró su fila; la próxima ejecución la marca «interrumpido»."
            )
    else:
        lines.append("Todavía no hay ejecuciones registradas (gelt-audit run o gelt-audit schedule).")
    return lines


def _next_and_running(config: Config, now: datetime) -> list[str]:
    """The next slots of ``[schedule]``, and whether the scheduler or a run is going."""
    lines = []
    slots = next_slots(config, now)
    if slots:
        lines.append("Próximas ejecuciones programadas (hora de Bogotá):")
        lines += [f"  {label:<24} {fmt_slot(at)}" for label, at in slots]
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
    return lines


def last_run_line(config: Config, of_site: str) -> list[str]:
    """A portfolio site's last run (of `run` or `schedule`): when, its result and its reports, and
    what it said when it did not end well."""
    runs = recent_runs(config, 1, config.site_url)
    if not runs:
        return [f"Última ejecución{of_site}: ninguna todavía (gelt-audit run o gelt-audit schedule)."]
    r = runs[0]
    kinds = sorted({KIND_SHORT.get(e.get("kind"), e.get("kind")) for e in r["reports"]})
    line = (
        f"Última ejecución{of_site}: {local_minute(r['started_at'])}, {_JOB_ES.get(r['job'], r['job'] or '')}, "
        f"{r['result_es']}; informes: {', '.join(kinds) or 'ninguno'}"
    )
    if r["message"] and r["result"] != "ok":
        line += f". {spoken_error(r['message'])}"
    return [line + ("" if line.endswith(".") else ".")]


def _portfolio_status(config: Config, sites: list[Config], now: datetime) -> str:
    """A portfolio's status: each site's last crawl and last run, then the next slots. It showed the
    first site's as «the site's», and the others not at all."""
    lines = [f"Estado de gelt-audit — cartera de {len(sites)} sitios ({config.store_path.name})"]
    for site in sites:
        of_site = f" de {site.site_name} ({site.site_url})"
        lines += last_crawl_lines(site, of_site)
        lines += last_run_line(site, of_site)
    lines.append("")
    lines += _next_and_running(config, now)
    return "\n".join(lines)
