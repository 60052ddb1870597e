"""Everything bounded in time: a crawl past its limit stops as partial, a lock held for days alerts."""

from __future__ import annotations

import signal
import subprocess
import sys

import pytest

from gelt_audit import clock
from gelt_audit.config import load_config
from gelt_audit.lock import RunLock
from gelt_audit.scheduler.runs import CRAWL_GRACE_SECONDS, crawl_deadline, wait_for_crawl
from tests.helpers import open_db, page, report_json, run_cli
from tests.test_delivery import smtp_server
from tests.test_scheduler import email_toml


def _slow_site(n: int, delay: float) -> dict:
    routes = {"/": page("Inicio", links=tuple(f"/p{i}" for i in range(n)))}
    for i in range(n):
        resource = page(f"Página {i}")
        resource.delay = delay
        routes[f"/p{i}"] = resource
    return routes


def test_a_crawl_past_its_time_limit_stops_as_partial_and_is_not_the_baseline(serve, config_for):
    site = serve(_slow_site(n=10, delay=0))
    config = config_for(site.url, concurrency=1)
    assert run_cli("crawl", "--config", str(config)).returncode == 0
    for path, resource in site.routes.items():
        if path != "/":
            resource.delay = 8.0
    # 0.05 minutes = 3 s: every page but the home now takes 8 s to answer
    config.write_text(config.read_text(encoding="utf-8").replace("[site]", "[site]\nmax_duration_minutes = 0.05"))
    result = run_cli("crawl", "--config", str(config), timeout=60)
    assert result.returncode == 4, result.stderr
    assert "tiempo máximo" in result.stderr and "Traceback" not in result.stderr
    with open_db(config.parent / "gelt.db") as db:
        assert [s for (s,) in db.execute("select status from crawls order by id")] == ["finished", "partial"]
    report = report_json(config)
    assert report["crawl"]["id"] == 1  # the partial crawl is not the baseline
    assert not [c for c in report["changes"] if c["kind"] == "removed"]
    assert report["last_attempt"]["status"] == "partial"


def test_a_lock_held_on_two_days_in_a_row_alerts_once_a_day(config_for):
    with smtp_server() as (controller, sink):
        config = config_for("http://127.0.0.1:9/", extra=email_toml(controller.port), timeout=2)
        lock = RunLock(config.parent / "gelt.db").acquire()  # a run that hangs
        try:
            first = run_cli("run", "--config", str(config), env={clock.ENV: "2026-12-01"})
            assert first.returncode == 6, first.stderr
            assert sink.messages == []  # one refused run is cron meeting the scheduler: no alarm
            for _ in range(2):  # the next day, twice: one alert
                again = run_cli("run", "--config", str(config), env={clock.ENV: "2026-12-02"})
                assert again.returncode == 6, again.stderr
        finally:
            lock.release()
        [alert] = sink.messages
        assert "Sin ejecuciones desde hace 2 días" in alert["Subject"]
        body = alert.get_body(("plain",)).get_content()
        assert "2026-12-01, 2026-12-02" in body and "bloqueo" in body
        after = run_cli("run", "--config", str(config), env={clock.ENV: "2026-12-03"})
        assert after.returncode == 3  # it ran (the site is down): the streak is over
        assert not (config.parent / "gelt.db.omitidas.json").exists()


def test_run_stops_a_crawl_process_that_outlives_its_deadline():
    # A stand-in for a hung crawl: a real process group that ignores nothing and never ends.
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"], start_new_session=True)
    code = wait_for_crawl(proc, timeout=0.5)
    assert code == -signal.SIGTERM  # stopped, not waited for during ten minutes
    assert proc.poll() is not None


def test_run_gives_the_crawl_its_own_limit_plus_a_grace_period(config_for):
    config = load_config(config_for("http://127.0.0.1:9/", max_duration_minutes=30))
    assert crawl_deadline(config) == 30 * 60 + CRAWL_GRACE_SECONDS


@pytest.mark.parametrize(("key", "value"), [("max_duration_minutes", 0), ("max_links_per_page", 0)])
def test_limits_out_of_range_are_config_errors_naming_the_key(config_for, key, value):
    config = config_for("http://127.0.0.1:9/", **{key: value})
    result = run_cli("crawl", "--config", str(config))
    assert result.returncode == 2 and f"site.{key}" in result.stderr
