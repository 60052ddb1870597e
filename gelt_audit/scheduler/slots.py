"""When things are due: the next slots of ``[schedule]`` and the reports a run makes.

Pure arithmetic in America/Bogota whatever the machine's timezone, shared by the scheduler's
jobs, ``gelt-audit run`` and ``gelt-audit status``.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime

from gelt_audit.clock import BOGOTA
from gelt_audit.config import WEEKDAYS, Config
from gelt_audit.delivery import fecha_larga
from gelt_audit.reports.write import KINDS
from gelt_audit.store import Store

REPORT_MODES = ("due", "overdue", "none", *KINDS, "all")
KIND_SHORT = {"weekly": "semanal", "committee": "comité"}
SLOT_LABELS = {"crawl": "rastreo diario", "weekly": "informe semanal", "committee": "informe para el comité"}
_DAY_NAMES_ES = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")
_WEEKDAY_INDEX = {name: i for i, name in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday",
                                                    "saturday", "sunday"))}  # fmt: skip


def _hhmm(value: str) -> dtime:
    hour, minute = value.split(":")
    return dtime(int(hour), int(minute))


def _weekly(config: Config) -> tuple[int, dtime] | None:
    """(weekday 0=Monday, time) of ``schedule.weekly_report``, or None if disabled."""
    value = config.schedule.weekly_report
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
    crawl = config.schedule.crawl
    if crawl:
        at = datetime.combine(local.date(), _hhmm(crawl), BOGOTA)
        slots.append((SLOT_LABELS["crawl"], at if at > local else at + timedelta(days=1)))
    weekly = _weekly(config)
    if weekly:
        day, at_time = weekly
        at = datetime.combine(local.date() + timedelta(days=(day - local.weekday()) % 7), at_time, BOGOTA)
        slots.append((SLOT_LABELS["weekly"], at if at > local else at + timedelta(days=7)))
    for value in sorted(config.schedule.committee_dates):
        at = datetime.combine(date.fromisoformat(value), committee_time(config), BOGOTA)
        if at > local:
            slots.append((SLOT_LABELS["committee"], at))
            break
    return sorted(slots, key=lambda s: s[1])


def fmt_slot(at: datetime) -> str:
    """A slot as a person reads it: «lunes 30 de noviembre de 2026, 07:00» (Bogotá)."""
    local = at.astimezone(BOGOTA)
    return f"{_DAY_NAMES_ES[local.weekday()]} {fecha_larga(local.date())}, {local:%H:%M}"


def _written_reports(store: Store, since: datetime, site: str | None = None) -> list[tuple[datetime, str]]:
    """(when, kind) of reports written since ``since`` and not known to have failed delivery
    (``site``: of that portfolio site's runs only)."""
    out = []
    for finished, reports in store.run_reports(since.astimezone(UTC).isoformat(timespec="seconds"), site):
        for entry in json.loads(reports or "[]"):
            # A report whose mail failed is not done: the next run makes and sends it again.
            if entry.get("sent") is not False:
                out.append((datetime.fromisoformat(finished), entry.get("kind")))
    return out


def reports_due(config: Config, store: Store, now: datetime, mode: str = "due", site: str | None = None) -> list[str]:
    """Which reports a run makes.

    ``due`` (cron): the weekly report if today (Bogotá) is its weekday and none was made today,
    or if none was made in the last 7 days (a missed Monday is caught up the next day); the
    committee report if today is one of ``committee_dates`` and none was made today.
    ``overdue`` (the scheduler's daily crawl): only the 7-day catch-up, since the scheduler has
    its own weekly slot. ``none``/``weekly``/``committee``/``all``: as named. ``site``: a portfolio
    site's home page, whose own runs alone say what it already got.
    """
    if mode not in REPORT_MODES:
        raise ValueError(f"modo de informes desconocido: {mode}")
    if mode == "none":
        return []
    if mode in KINDS:
        return [mode]
    if mode == "all":
        return list(KINDS)
    today = now.astimezone(BOGOTA).date()
    written = _written_reports(store, now - timedelta(days=7), site)
    weekly_recent = [w for w, kind in written if kind == "weekly"]
    weekly_today = any(w.astimezone(BOGOTA).date() == today for w in weekly_recent)
    kinds = []
    weekly = _weekly(config)
    if weekly and not weekly_recent:
        kinds.append("weekly")
    elif weekly and mode == "due" and today.weekday() == weekly[0] and not weekly_today:
        kinds.append("weekly")
    if mode == "due" and today.isoformat() in config.schedule.committee_dates:
        if not any(kind == "committee" and w.astimezone(BOGOTA).date() == today for w, kind in written):
            kinds.append("committee")
    return kinds
