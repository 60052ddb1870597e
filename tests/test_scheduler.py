"""Unattended operation with real processes: `run`, `schedule`, the lock, alerts, timezones.

Every entry point runs in a subprocess against a fixture site on 127.0.0.1 and a real SMTP
server (aiosmtpd); signals are real signals.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from gelt_audit import clock
from gelt_audit.config import load_config
from gelt_audit.demo.server import Resource
from gelt_audit.lock import RunLock, is_locked
from gelt_audit.scheduler.slots import next_slots, reports_due
from gelt_audit.store import Store
from tests.helpers import open_db, page
from tests.test_delivery import free_port, smtp_server

GELT = [sys.executable, "-m", "gelt_audit"]


def gelt(*args: str, env: dict[str, str] | None = None, **kw: Any) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*GELT, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
        **kw,
    )


def gelt_run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*GELT, *args], capture_output=True, text=True, timeout=timeout)


def rows(db: Path, sql: str, args: tuple = ()) -> list[tuple]:
    with open_db(db) as conn:
        try:
            return conn.execute(sql, args).fetchall()
        except sqlite3.OperationalError:  # table not created yet
            return []


def wait_for(condition: Callable[[], Any], timeout: float = 20, what: str = "") -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what or condition}")


def site_routes(n: int, delay: float = 0.0) -> dict[str, Resource]:
    routes = {"/": page("Inicio", links=tuple(f"/p{i}/" for i in range(n)))}
    routes.update({f"/p{i}/": page(f"Página {i}") for i in range(n)})
    for res in routes.values():
        res.delay = delay
    return routes


def email_toml(port: int) -> str:
    return (
        f'[email]\nhost = "127.0.0.1"\nport = {port}\nstarttls = false\n'
        'sender = "gelt-audit@prueba.gov.co"\nto = ["responsable@prueba.gov.co"]\n'
    )


def assert_consistent(db: Path) -> None:
    with Store(db) as store:
        assert store.integrity_ok()
    assert rows(db, "select id from crawls where status = 'running'") == []
    assert rows(db, "select id from runs where result = 'running'") == []


# -- the scheduler -----------------------------------------------------------------------
def test_scheduler_runs_slots_in_order_and_stops_cleanly_on_sigterm(serve, config_for):
    routes = site_routes(30)
    site = serve(routes)
    config = config_for(site.url)
    db = config.parent / "gelt.db"
    proc = gelt("schedule", "--config", str(config), env={"GELT_SCHEDULE_EVERY_SECONDS": "1"})
    try:
        # three slots done: crawl, weekly report, crawl
        wait_for(lambda: len(rows(db, "select id from runs where result = 'ok'")) >= 3, 30, "three runs")
        # Make the next crawl slow, wait until it is under way, then stop the scheduler.
        for res in routes.values():
            res.delay = 0.3
            res.body += b"<!-- v2 -->"
        done = rows(db, "select max(id) from crawls")[0][0]
        wait_for(lambda: rows(db, "select id from crawls where status = 'running' and id > ?", (done,)), 20, "crawl")
        time.sleep(0.3)
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err

    jobs = [job for (job,) in rows(db, "select job from runs order by id")]
    assert jobs[:3] == ["crawl", "weekly", "crawl"]
    assert all(a != b for a, b in zip(jobs, jobs[1:], strict=False)), jobs  # crawl and weekly alternate
    runs = rows(db, "select result, crawl_id from runs order by id")
    assert [r for r, _ in runs[:-1]] == ["ok"] * (len(runs) - 1)
    assert runs[-1][0] == "interrupted"
    crawls = rows(db, "select status from crawls order by id")
    assert crawls[-1] == ("interrupted",) and set(crawls[:-1]) == {("finished",)}
    assert_consistent(db)
    # Reports are whole files: no temporary left behind, every JSON parses.
    reports = sorted((config.parent / "informes").iterdir())
    assert reports and not [p for p in reports if p.name.startswith(".")]
    for path in reports:
        if path.suffix == ".json":
            assert json.loads(path.read_text(encoding="utf-8"))["site"]["name"] == "Alcaldía de Prueba"
    log = (config.parent / "gelt.log").read_text(encoding="utf-8")
    assert "Programador detenido por SIGTERM" in log


def test_one_scheduler_per_store_and_idle_scheduler_stops_at_once(serve, config_for):
    site = serve({"/": page("Inicio")})
    config = config_for(site.url)
    first = gelt("schedule", "--config", str(config))
    try:
        wait_for(lambda: is_locked(config.parent / "gelt.db", ".schedule.lock"), 15, "scheduler lock")
        second = gelt_run("schedule", "--config", str(config))
        assert second.returncode == 6
        assert "programador" in second.stderr and str(first.pid) in second.stderr
        status = gelt_run("status", "--config", str(config))
        assert status.returncode == 0, status.stderr
        assert f"está en marcha, pid {first.pid}" in status.stdout
        started = time.monotonic()
        first.send_signal(signal.SIGINT)
        first.communicate(timeout=10)
        assert first.returncode == 0
        assert time.monotonic() - started < 10  # at once, not at the next slot
    finally:
        if first.poll() is None:
            first.kill()


# -- the lock --------------------------------------------------------------------------
def test_two_runs_started_together_one_crawls_the_other_exits_locked(serve, config_for):
    # The home page is held until one of the two has exited: the crawl that took the lock waits on
    # it while the other tries (a fixed delay was outrun by a slow process start on a loaded machine).
    release = threading.Event()

    def held(path: str) -> None:
        if path == "/":
            release.wait(120)
        return None  # then the route table answers

    site = serve(site_routes(3), dynamic=held)
    config = config_for(site.url, timeout=150)
    procs = [gelt("run", "--config", str(config)) for _ in range(2)]
    try:
        wait_for(lambda: any(p.poll() is not None for p in procs), 60, "one run to exit")
    finally:
        release.set()
    results = [(p.wait(timeout=60), *p.communicate()) for p in procs]
    codes = sorted(code for code, _, _ in results)
    assert codes == [0, 6], results
    [(_, _, locked_err)] = [r for r in results if r[0] == 6]
    assert "Otro proceso de gelt-audit (pid" in locked_err and "en curso" in locked_err
    db = config.parent / "gelt.db"
    assert rows(db, "select status from crawls") == [("finished",)]
    assert rows(db, "select result, exit_code from runs") == [("ok", 0)]


def test_run_killed_with_sigkill_frees_the_lock_and_stops_its_crawl(serve, config_for):
    site = serve(site_routes(20, delay=0.3))
    config = config_for(site.url, concurrency=2)
    db = config.parent / "gelt.db"
    proc = gelt("run", "--config", str(config))
    wait_for(lambda: rows(db, "select id from crawls where status = 'running'"), 20, "crawl start")
    assert is_locked(db)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    # The crawl child held the lock too; it is told to stop when its parent dies, and lets go.
    wait_for(lambda: not is_locked(db), 15, "lock release")
    assert rows(db, "select status from crawls") == [("interrupted",)]
    assert rows(db, "select result from runs") == [("running",)]  # nobody closed it: the process died

    for res in site.routes.values():
        res.delay = 0
    again = gelt_run("run", "--config", str(config))
    assert again.returncode == 0, again.stderr
    assert [r for (r,) in rows(db, "select result from runs order by id")] == ["interrupted", "ok"]
    assert [s for (s,) in rows(db, "select status from crawls order by id")] == ["interrupted", "finished"]
    assert_consistent(db)


def test_crawl_stopped_by_a_second_signal_still_closes_its_crawl_row(serve, config_for):
    # A second SIGTERM stops Twisted's reactor before Scrapy closes the spider (as does a first
    # one that comes before the engine runs): the row must not stay 'running', which reads as a
    # crawl still going and holds the run's place until the next crawl comes to clean it.
    site = serve(site_routes(20, delay=3))
    config = config_for(site.url, concurrency=2)
    db = config.parent / "gelt.db"
    proc = gelt("crawl", "--config", str(config))
    wait_for(lambda: rows(db, "select id from crawls where status = 'running'"), 20, "crawl start")
    wait_for(lambda: any(path.startswith("/p") for _, path, _ in site.requests), 20, "a page in flight")
    proc.send_signal(signal.SIGTERM)
    time.sleep(0.2)
    proc.send_signal(signal.SIGTERM)
    proc.communicate(timeout=30)
    assert rows(db, "select status, error from crawls") == [("interrupted", "rastreo detenido antes de terminar")]
    assert not is_locked(db)


# -- alerts and delivery -----------------------------------------------------------------
def test_site_down_exits_3_and_alerts_by_email(config_for):
    with smtp_server() as (controller, sink):
        config = config_for("http://127.0.0.1:9/", extra=email_toml(controller.port), timeout=5)
        result = gelt_run("run", "--config", str(config))
        assert result.returncode == 3, result.stderr
        assert "no respondió" in result.stderr
        [msg] = sink.messages
    assert msg["Subject"] == "[gelt-audit] El sitio no responde: Alcaldía de Prueba"
    body = msg.get_body(("plain",)).get_content()
    assert "http://127.0.0.1:9/" in body and "hora de Bogotá" in body
    assert "Todavía no hay ningún rastreo terminado" in body
    db = config.parent / "gelt.db"
    assert rows(db, "select result, exit_code from runs") == [("unreachable", 3)]
    assert not (config.parent / "informes").exists()


def test_crawl_that_dies_exits_4_and_alerts_by_email(serve, config_for):
    site = serve(site_routes(40, delay=0.2))
    with smtp_server() as (controller, sink):
        config = config_for(site.url, extra=email_toml(controller.port), concurrency=2)
        db = config.parent / "gelt.db"
        proc = gelt("run", "--config", str(config))
        [(crawl_pid,)] = wait_for(lambda: rows(db, "select pid from crawls where status = 'running'"), 20)
        os.kill(crawl_pid, signal.SIGKILL)  # e.g. the OOM killer
        _, err = proc.communicate(timeout=30)
        assert proc.returncode == 4, err
        [msg] = sink.messages
    assert msg["Subject"] == "[gelt-audit] Falló el rastreo de Alcaldía de Prueba"
    assert "no terminó" in msg.get_body(("plain",)).get_content()
    assert rows(db, "select result, exit_code from runs") == [("crawl_failed", 4)]
    # The dead crawl's row is closed by `run` (it holds the lock, so nobody else is crawling).
    assert rows(db, "select status from crawls") == [("failed",)]
    assert_consistent(db)


def test_run_mails_the_due_report_once_and_status_shows_it(serve, config_for):
    site = serve(site_routes(3))
    with smtp_server() as (controller, sink):
        config = config_for(site.url, extra=email_toml(controller.port))
        db = config.parent / "gelt.db"
        first = gelt_run("run", "--config", str(config))
        assert first.returncode == 0, first.stderr
        assert first.stdout == "" and first.stderr == ""  # quiet under cron
        [msg] = sink.messages
        assert msg["Subject"].startswith("Informe semanal — Alcaldía de Prueba — ")
        attached = {a.get_filename() for a in msg.iter_attachments()}
        assert attached and all(name.endswith((".html", ".csv")) for name in attached)
        html = msg.get_body(("html",)).get_content()
        assert "Para hacer esta semana" in html and "Alcaldía de Prueba" in html
        assert "Próximas ejecuciones programadas" in msg.get_body(("plain",)).get_content()

        # Same day again: the weekly report is not due twice.
        second = gelt_run("run", "--config", str(config))
        assert second.returncode == 0, second.stderr
        assert len(sink.messages) == 1
        reports = [json.loads(r or "[]") for (r,) in rows(db, "select reports from runs order by id")]
        assert [sorted({e["kind"] for e in r}) for r in reports] == [["weekly"], []]
        assert reports[0][0]["sent"] is True

    # Mail server gone: exit 5, and the report stays due (not counted as sent).
    text = config.read_text(encoding="utf-8").replace(f"port = {controller.port}", f"port = {free_port()}")
    config.write_text(text, encoding="utf-8")
    failed = gelt_run("run", "--config", str(config), "--no-crawl", "--reports", "weekly")
    assert failed.returncode == 5, failed.stderr
    assert "No se pudo conectar con el servidor de correo" in failed.stderr
    [(result, code, reports_json)] = rows(db, "select result, exit_code, reports from runs where id = 3")
    assert (result, code) == ("delivery_failed", 5)
    assert json.loads(reports_json)[0]["sent"] is False

    status = gelt_run("status", "--config", str(config))
    assert status.returncode == 0, status.stderr
    lines = status.stdout.splitlines()
    assert any("correcto" in line and "semanal" in line for line in lines)
    assert any("envío fallido" in line for line in lines)
    assert "Próximas ejecuciones programadas (hora de Bogotá):" in lines
    assert any(line.strip().startswith("rastreo diario") and "06:00" in line for line in lines)


# -- time ----------------------------------------------------------------------------------
_NEXT_RUN = """
import sys
from datetime import UTC, datetime
from zoneinfo import ZoneInfo
import schedule
from gelt_audit import clock
from gelt_audit.config import load_config
from gelt_audit.scheduler.loop import build_jobs
from gelt_audit.scheduler.slots import next_slots
config = load_config(sys.argv[1])
noop = lambda: None
jobs = build_jobs(config, schedule.Scheduler(), {"crawl": noop, "weekly": noop, "committee": noop})
# schedule keeps next_run as a naive datetime in the machine's local time.
local = ZoneInfo(sys.argv[2])
print(jobs[0].next_run.replace(tzinfo=local).astimezone(UTC).isoformat())
print(next_slots(config, clock.now())[0][1].astimezone(UTC).isoformat())
"""


def test_slot_at_0700_bogota_fires_at_1200_utc_whatever_the_machine_timezone(config_for):
    config = config_for("http://127.0.0.1:9/", extra='[schedule]\ncrawl = "07:00"\nweekly_report = "lunes 07:00"\n')
    loaded = load_config(config)
    before = datetime(2026, 11, 24, 11, 59, tzinfo=UTC)  # a Tuesday, 06:59 in Bogotá
    slots = dict(next_slots(loaded, before))
    assert slots["rastreo diario"].astimezone(UTC) == datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
    assert slots["informe semanal"].astimezone(UTC) == datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
    after = dict(next_slots(loaded, before + timedelta(minutes=1)))
    assert after["rastreo diario"].astimezone(UTC) == datetime(2026, 11, 25, 12, 0, tzinfo=UTC)

    # The real `schedule` jobs, in processes whose local time is UTC, Tokyo and New York.
    for tz in ("UTC", "Asia/Tokyo", "America/New_York"):
        result = subprocess.run(
            [sys.executable, "-c", _NEXT_RUN, str(config), tz],
            capture_output=True, text=True, timeout=30, env={**os.environ, "TZ": tz, clock.ENV: ""},
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        job_utc, slot_utc = (datetime.fromisoformat(line) for line in result.stdout.split())
        assert (job_utc.hour, job_utc.minute) == (12, 0), (tz, job_utc)
        assert job_utc == slot_utc, tz


def test_reports_due_by_weekday_catch_up_and_committee_dates(tmp_path, config_for):
    config = load_config(
        config_for(
            "http://127.0.0.1:9/", extra='[schedule]\nweekly_report = "lunes 07:00"\ncommittee_dates = ["2026-12-02"]\n'
        )
    )
    monday = datetime(2026, 11, 30, 11, 15, tzinfo=UTC)  # 06:15 in Bogotá
    with Store(tmp_path / "gelt.db") as store:
        assert reports_due(config, store, monday) == ["weekly"]  # never made: due
        assert reports_due(config, store, monday, "overdue") == ["weekly"]

        def made(when: datetime, kind: str, sent: bool | None) -> None:
            store.db["runs"].insert(
                {"started_at": when.isoformat(), "finished_at": when.isoformat(), "result": "ok",
                 "reports": json.dumps([{"kind": kind, "path": "x", "sent": sent}])}
            )  # fmt: skip

        made(monday - timedelta(days=7), "weekly", True)  # last Monday
        assert reports_due(config, store, monday) == ["weekly"]  # its weekday
        assert reports_due(config, store, monday, "overdue") == []  # the slot will make it
        # Tuesday, last one 8 days ago (Monday missed): caught up
        assert reports_due(config, store, monday + timedelta(days=1)) == ["weekly"]
        made(monday, "weekly", False)  # mail failed: still due
        assert reports_due(config, store, monday + timedelta(hours=1)) == ["weekly"]
        made(monday + timedelta(hours=1), "weekly", None)  # no e-mail configured: done
        assert reports_due(config, store, monday + timedelta(hours=2)) == []
        wednesday = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)
        assert reports_due(config, store, wednesday) == ["committee"]
        assert reports_due(config, store, wednesday + timedelta(days=6)) == ["weekly"]  # missed Monday
        assert reports_due(config, store, monday, "none") == []
        assert reports_due(config, store, monday, "all") == ["weekly", "committee"]


def test_stale_lock_file_from_a_dead_process_does_not_block(tmp_path):
    store = tmp_path / "gelt.db"
    (tmp_path / "gelt.db.lock").write_text("999999\n2026-11-24T11:00:00+00:00\n", encoding="utf-8")
    with RunLock(store) as lock:
        assert (tmp_path / "gelt.db.lock").read_text(encoding="utf-8").split("\n")[0] == str(os.getpid())
        assert lock.fd is not None
    assert not is_locked(store)


def test_each_responsable_gets_their_own_part_of_the_weekly_report(serve, config_for):
    routes = site_routes(3)
    routes["/hacienda/"] = page("Hacienda", links=("/hacienda/roto",))
    routes["/"] = page("Inicio", links=("/p0/", "/hacienda/"))
    site = serve(routes)
    deps = (
        '\n[[dependencias]]\nname = "Secretaría de Hacienda"\nresponsable = "Ana Pérez"\n'
        'email = "hacienda@prueba.gov.co"\nmatch = ["/hacienda/"]\n'
        '\n[[dependencias]]\nname = "Secretaría de Salud"\nmatch = ["/salud/"]\n'
    )
    with smtp_server() as (controller, sink):
        extra = email_toml(controller.port) + "per_responsable = true\n" + deps
        config = config_for(site.url, extra=extra)
        result = gelt_run("run", "--config", str(config))
        assert result.returncode == 0, result.stderr
        by_to = {m["To"]: m for m in sink.messages}
        assert set(by_to) == {"responsable@prueba.gov.co", "hacienda@prueba.gov.co"}  # Salud has no address
        own = by_to["hacienda@prueba.gov.co"]
        assert "Secretaría de Hacienda" in own["Subject"]
        text = own.get_body(("plain",)).get_content()
        assert "Ana Pérez" in text and site.url + "hacienda/roto" in text
        # 0 days with publication is behind the pace on any day of the month: a quota for this week.
        assert "Publicar" in text and "lleva 0 de 4 días con publicación" in text
        html = own.get_body(("html",)).get_content()
        assert "<style" not in html and "Ana Pérez" in html and "hacienda/roto" in html
