"""The one clock: pinning it, and month and year boundaries on real crawls at pinned dates."""

from __future__ import annotations

import ast
import json
import os
import time
from datetime import UTC, date, datetime
from pathlib import Path

import lxml.html
import pytest

from gelt_audit import clock
from gelt_audit.audits import updates
from gelt_audit.errors import ConfigError
from gelt_audit.reports import fmt, todo
from tests.helpers import page, run_cli

PACKAGE = Path(__file__).resolve().parent.parent / "gelt_audit"

DEPENDENCIAS = """
[[dependencias]]
name = "Secretaría de Hacienda"
responsable = "Ana Pérez"
match = ["/hacienda/"]

[targets]
updates_per_month = 4
"""


def test_a_pinned_date_keeps_the_time_of_day_running(monkeypatch):
    monkeypatch.setenv(clock.ENV, "2027-01-01")
    first = clock.now()
    assert clock.today() == date(2027, 1, 1)
    assert first.tzinfo is UTC
    time.sleep(0.01)
    assert clock.now() > first  # two crawls started one after the other stay ordered


def test_a_pinned_instant_runs_on_from_there(monkeypatch):
    monkeypatch.setenv(clock.ENV, "2026-12-31T23:59:59")  # Bogotá time: UTC-5
    assert clock.now() >= datetime(2027, 1, 1, 4, 59, 59, tzinfo=UTC)
    assert clock.today() == date(2026, 12, 31)
    assert clock.now_iso().startswith("2027-01-01T04:59")


def test_pinned_sets_the_variable_for_subprocesses_and_restores_it(monkeypatch):
    monkeypatch.delenv(clock.ENV, raising=False)
    with clock.pinned(date(2030, 6, 15)):
        assert clock.today() == date(2030, 6, 15)
        assert os.environ[clock.ENV] == "2030-06-15"
    assert clock.ENV not in os.environ


def test_local_date_is_bogota_time():
    assert clock.local_date("2027-01-01T04:59:00+00:00") == date(2026, 12, 31)
    assert clock.local_date("2027-01-01T05:00:00+00:00") == date(2027, 1, 1)
    assert clock.local_date("2027-02-28") == date(2027, 2, 28)
    assert clock.local_date("") is None and clock.local_date("2027-02-30") is None


@pytest.mark.parametrize("value", ["mañana", "2027-02-30", "30/11/2026"])
def test_a_bad_pin_is_a_spanish_error_naming_the_variable(value, tmp_path):
    with pytest.raises(ConfigError, match=clock.ENV):
        clock.parse_pin(value)
    result = run_cli("status", "--config", str(tmp_path / "gelt.toml"), env={clock.ENV: value})
    assert result.returncode == 2
    assert clock.ENV in result.stderr and "Traceback" not in result.stderr


def test_no_direct_calendar_calls_outside_the_clock():
    """Every «today» and «now» in the package goes through gelt_audit.clock."""
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if path.name == "clock.py" and path.parent == PACKAGE:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                if node.func.attr in ("today", "now", "utcnow") and ast.unparse(node.func.value).split(".")[-1] in (
                    "date",
                    "datetime",
                ):
                    offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
            if isinstance(node, ast.keyword) and node.arg == "localtime":
                offenders.append(f"{path.relative_to(PACKAGE)}:{node.value.lineno}")
    assert offenders == []


# -- month and year boundaries, on real crawls of a site that changes between them ---------------
def _site(version: int) -> dict:
    return {
        "/": page("Inicio", "<p>Alcaldía.</p>", links=("/hacienda/predial",)),
        "/hacienda/predial": page("Predial", f"<p>Versión {version} del calendario tributario.</p>"),
    }


def _crawl_on(days: list[str], serve, config_for) -> Path:
    server = serve(_site(0))
    config = config_for(server.url, extra=DEPENDENCIAS)
    for n, day in enumerate(days):
        server.routes = _site(n)
        result = run_cli("crawl", "--config", str(config), env={clock.ENV: day})
        assert result.returncode == 0, result.stderr
    return config


def _hacienda(config: Path, day: str) -> dict:
    result = run_cli("report", "--format", "json", "--config", str(config), env={clock.ENV: day})
    assert result.returncode == 0, result.stderr
    return next(d for d in json.loads(result.stdout)["dependencias"] if d["name"] == "Secretaría de Hacienda")


@pytest.mark.parametrize(
    ("days", "month", "counted", "days_left", "mes", "pace", "last_month"),
    [
        # 31 December -> 1 January: December's changes do not count in January, nor the reverse.
        # On 1 January the pace is ceil(4 × 1/31) = 1: 1 of 4 is on pace; December's result is shown.
        (["2026-12-30", "2026-12-31", "2027-01-01"], "2027-01", ["2027-01-01"], 30, "enero de 2027", 1, ("2026-12", 1)),
        # the last day of a short month: no days left, so 1 of 4 can no longer be met; pace is the target
        (["2027-02-26", "2027-02-28"], "2027-02", ["2027-02-28"], 0, "febrero de 2027", 4, None),
        # the first day of a month: the change seen that day counts, February's does not (it is last month's)
        (["2027-02-27", "2027-02-28", "2027-03-01"], "2027-03", ["2027-03-01"], 30, "marzo de 2027", 1, ("2027-02", 1)),
    ],
)
def test_update_days_are_counted_in_the_bogota_month_of_the_crawl(
    days, month, counted, days_left, mes, pace, last_month, serve, config_for
):
    config = _crawl_on(days, serve, config_for)
    dep = _hacienda(config, days[-1])
    assert dep["month"] == month
    assert [d["date"] for d in dep["update_days"] if "rastreo" in d["signals"]] == counted
    assert dep["updates_this_month"] == len(counted)
    assert dep["can_still_meet"] is (len(counted) + days_left + 1 >= 4)
    assert dep["last_update"] == days[-1]

    out = config.parent / "semanal.html"
    result = run_cli("report", "--weekly", "--output", str(out), "--config", str(config), env={clock.ENV: days[-1]})
    assert result.returncode == 0, result.stderr
    assert dep["pace"] == pace
    if last_month:
        assert {k: dep["last_month"][k] for k in ("month", "days", "met")} == {
            "month": last_month[0],
            "days": last_month[1],
            "met": False,
        }
    else:
        assert "last_month" not in dep
    doc = lxml.html.parse(str(out)).getroot()
    assert f"1 de 4 días con publicación en {mes}" in " ".join(doc.text_content().split())
    todo = " ".join(doc.get_element_by_id("para-hacer").text_content().split())
    # No quota task while on pace; behind on the month's last day, the task says the target is out of reach.
    assert ("Publicar" in todo or "ya no se alcanza" in todo) is (pace > 1)
    assert ("Al día" in todo and "1 de 4" in todo) is (pace == 1)
    # In a month's first week, last month's result (the number the plan is judged on) is shown too.
    if last_month:
        assert f"{fmt.mes(last_month[0])}: 1 de 4, no cumplió" in todo


@pytest.mark.parametrize(
    ("today", "target", "expected"),
    [
        (date(2026, 12, 1), 4, 1),  # ceil(4 × 1/31)
        (date(2026, 12, 4), 4, 1),  # the issue's «day 4»: one day with publication is on pace
        (date(2026, 12, 8), 4, 2),  # ceil(32/31)
        (date(2026, 12, 31), 4, 4),
        (date(2027, 2, 28), 4, 4),  # a short month ends on the full target
        (date(2028, 2, 14), 4, 2),  # leap February: ceil(56/29)
        (date(2027, 4, 15), 4, 2),  # ceil(60/30) is exactly 2
        (date(2026, 11, 24), 0, 0),
    ],
)
def test_the_monthly_pace_is_the_target_prorated_and_rounded_up(today, target, expected):
    assert updates.pace(target, today) == expected


def test_this_weeks_quota_asks_what_is_due_by_the_weeks_end_never_past_the_month():
    view = {"name": "Hacienda", "anchor": "dep-1", "target": 4, "updates": 0}
    # 4 December: behind (0 < 1); by 10 December the plan expects ceil(40/31) = 2.
    task = todo.quota(view, date(2026, 12, 4), date(2026, 12, 31))
    assert (task["missing"], task["deadline"], task["pace"]) == (2, date(2026, 12, 10), 1)
    # 28 November: the week ends with the month on 30 November; 4 are due, 2 more days remain.
    task = todo.quota({**view, "updates": 1}, date(2026, 11, 28), date(2026, 11, 30))
    assert (task["missing"], task["deadline"], task["can_still_meet"]) == (3, date(2026, 11, 30), True)
    assert todo.quota({**view, "updates": 1}, date(2026, 12, 4), date(2026, 12, 31)) is None  # on pace
    assert todo.quota({**view, "updates": 4}, date(2026, 12, 31), date(2026, 12, 31)) is None  # met
