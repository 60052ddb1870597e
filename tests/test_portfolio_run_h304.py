"""`run` and `schedule` with a ``[portfolio]`` (H304), through the CLI on real 127.0.0.1 sites.

Each site is crawled (in one process, or through Redis workers), audited, reported in its own
folder (``informes/<DANE>``, the name ``ranking --sites-dir`` gives its JSON) and alerted as its
own; a site whose home page moved does not stop or taint the others; then the portfolio ranking is
written. ``status`` shows each site's run; ``report``, ``audit`` and ``evidence`` take ``--site``;
the portfolio crawl's line per site says the pages whose name did not resolve apart.

Each test failed on ``integ22`` (``c483b41``): ``run`` and ``schedule`` refused a portfolio (exit 2),
``--site`` did not exist, and the crawl line counted the unreached pages as responses and errors.
"""

from __future__ import annotations

import json
import os
import pty
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from gelt_audit.demo.server import Resource
from gelt_audit.lock import RunLock
from tests.helpers import page, run_cli
from tests.test_delivery import smtp_server
from tests.test_portfolio import site_routes, write
from tests.test_scheduler import email_toml, gelt, rows, wait_for
from tests.test_site_dns import SITE, DnsSite

PORTFOLIO = """[site]
delay = 0
autothrottle = false
concurrency = 4

[store]
path = "gelt.db"

[accessibility]
browser = "off"

[schedule]
weekly_report = "lunes 07:00"

[portfolio]
max_sites_at_once = 3
"""


def _site(name: str, dane: str, url: str) -> str:
    return f'\n[[portfolio.sites]]\nname = "{name}"\ndepartment = "Tolima"\ndane = "{dane}"\nurl = "{url}"\n'


def _three_sites(serve, tmp_path: Path, extra: str = "") -> tuple[Path, dict, dict[str, bool]]:
    """Primera and Segunda answer; Mudada's home page moves elsewhere while ``state['moved']``."""
    state = {"moved": True}
    elsewhere = serve({"/": page("Nuevo sitio")})
    moved = serve(
        site_routes("Mudada"),
        dynamic=lambda path: (
            Resource(b"", status=301, headers={"Location": elsewhere.url}) if state["moved"] and path == "/" else None
        ),
    )
    servers = {"Primera": serve(site_routes("Primera")), "Segunda": serve(site_routes("Segunda")), "Mudada": moved}
    config = write(
        tmp_path,
        PORTFOLIO
        + extra
        + _site("Primera", "73001", servers["Primera"].url)
        + _site("Segunda", "73002", servers["Segunda"].url)
        + _site("Mudada", "73003", moved.url),
    )
    servers["elsewhere"] = elsewhere
    return config, servers, state


def _title(path: Path) -> str:
    return re.search(r"<title>([^<]*)", path.read_text(encoding="utf-8")).group(1)


def test_run_reports_each_portfolio_site_as_its_own_and_a_moved_site_stops_no_other(serve, tmp_path):
    with smtp_server() as (controller, sink):
        config, servers, state = _three_sites(serve, tmp_path, email_toml(controller.port))
        result = run_cli("run", "--config", str(config), timeout=300)
        # was exit 2: «'portfolio' (línea N): gelt-audit run … no sabe de carteras»
        assert result.returncode == 4, result.stderr
        moved = servers["Mudada"].url
        # the moved site is said plainly, as its own; the others are not named in an error
        assert f"No se pudo revisar el sitio {moved}: el sitio se mudó a {servers['elsewhere'].url}" in result.stderr
        assert servers["Primera"].url not in result.stderr and servers["Segunda"].url not in result.stderr
        assert "2 de 3 sitios sin problemas." in result.stderr
        subjects = sorted(m["Subject"] for m in sink.messages)
        # each site's weekly report mailed under its own name; the alert names the moved site
        assert [s.split(" — ")[:2] for s in subjects if s.startswith("Informe semanal")] == [
            ["Informe semanal", "Primera"],
            ["Informe semanal", "Segunda"],
        ], subjects
        assert "[gelt-audit] El sitio no responde: Mudada" in subjects, subjects

        reports = tmp_path / "informes"
        [first] = (reports / "73001").glob("semanal-*.html")
        [second] = (reports / "73002").glob("semanal-*.html")
        assert _title(first).endswith("— Primera") and _title(second).endswith("— Segunda")
        assert (
            json.loads(first.with_suffix(".json").read_text(encoding="utf-8"))["site"]["url"] == servers["Primera"].url
        )
        assert not (reports / "73003").exists()  # no finished crawl: no report, the ranking says why
        [ranking] = reports.glob("cartera-*.json")
        ranked = {s["name"]: s for s in json.loads(ranking.read_text(encoding="utf-8"))["sites"]}
        assert ranked["Primera"]["status"] == ranked["Segunda"]["status"] == "ok"
        assert ranked["Mudada"]["status"] == "fallido"
        assert {p.suffix for p in reports.glob("cartera-*")} == {".html", ".json", ".csv"}

        db = tmp_path / "gelt.db"
        by_site = {site: (result, code) for site, result, code in rows(db, "select site, result, exit_code from runs")}
        assert by_site == {
            servers["Primera"].url: ("ok", 0),
            servers["Segunda"].url: ("ok", 0),
            moved: ("unreachable", 3),
        }

        # The next day Mudada is back: its weekly report is due (it never had one), the others' are not.
        state["moved"] = False
        sink.received.clear()
        again = run_cli("run", "--config", str(config), timeout=300)
        assert again.returncode == 0, again.stderr
        weekly = [m["Subject"] for m in sink.messages if m["Subject"].startswith("Informe semanal")]
        assert [s.split(" — ")[1] for s in weekly] == ["Mudada"], weekly
        assert list((reports / "73003").glob("semanal-*.html"))

    status = run_cli("status", "--config", str(config))
    assert status.returncode == 0, status.stderr
    out = status.stdout
    assert f"Última ejecución de Primera ({servers['Primera'].url}): " in out
    assert re.search(
        rf"Última ejecución de Mudada \({re.escape(moved)}\): [^\n]*, run, correcto; informes: semanal", out
    )
    assert "Próximas ejecuciones programadas" in out  # run and schedule take a portfolio now
    assert "no se usan" not in out


def test_run_with_a_portfolio_through_redis_reports_each_site(serve, tmp_path, redis_url, workers):
    down = "http://127.0.0.1:9/"
    good = serve(site_routes("Buena"))
    config = write(tmp_path, PORTFOLIO + _site("Buena", "73001", good.url) + _site("Caída", "73002", down))
    workers(1)
    result = run_cli("run", "--config", str(config), "--redis", redis_url, timeout=300)
    # was exit 2 (the refusal); one site down of two is 4, not 3 (some site was seen)
    assert result.returncode == 4, result.stderr
    assert f"No se pudo revisar el sitio {down}: el sitio no respondió" in result.stderr
    assert good.url not in result.stderr
    [weekly] = (tmp_path / "informes" / "73001").glob("semanal-*.html")
    assert _title(weekly).endswith("— Buena")
    assert dict(rows(tmp_path / "gelt.db", "select site, result from runs")) == {down: "unreachable", good.url: "ok"}


def test_run_with_every_portfolio_site_down_exits_3(tmp_path):
    config = write(tmp_path, PORTFOLIO + _site("Caída", "73001", "http://127.0.0.1:9/"))
    result = run_cli("run", "--config", str(config), timeout=300)
    assert result.returncode == 3, result.stderr
    assert "0 de 1 sitios sin problemas." in result.stderr


def test_a_portfolio_run_never_overlaps_another(serve, tmp_path):
    good = serve(site_routes("Buena"))
    config = write(tmp_path, PORTFOLIO + _site("Buena", "73001", good.url))
    held = RunLock(tmp_path / "gelt.db").acquire()  # another run (cron and the scheduler at once)
    try:
        result = run_cli("run", "--config", str(config), timeout=120)
    finally:
        held.release()
    # the same lock as a one-site run: skipped with 6, nothing asked of any site, no row
    assert result.returncode == 6, result.stderr
    assert good.requests == []
    assert rows(tmp_path / "gelt.db", "select id from runs") == []


def test_schedule_with_a_portfolio_runs_each_site_on_its_slots(serve, tmp_path):
    config, servers, _ = _three_sites(serve, tmp_path)
    db = tmp_path / "gelt.db"
    proc = gelt("schedule", "--config", str(config), env={"GELT_SCHEDULE_EVERY_SECONDS": "1"})
    try:
        # the crawl slot, then the weekly slot: one row per site each
        wait_for(lambda: len(rows(db, "select id from runs where job = 'weekly' and result != 'running'")) >= 3, 120)
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    # was exit 2 at once: «'portfolio' (línea N): gelt-audit schedule … no sabe de carteras»
    assert proc.returncode == 0, err
    runs = rows(db, "select job, site, result from runs where job in ('crawl', 'weekly') order by id")
    crawl = {site: result for job, site, result in runs[:3]}
    assert [job for job, _, _ in runs[:3]] == ["crawl"] * 3
    assert crawl == {servers["Primera"].url: "ok", servers["Segunda"].url: "ok", servers["Mudada"].url: "unreachable"}
    weekly = {site: result for job, site, result in runs if job == "weekly"}
    # the weekly slot reports on each site's last finished crawl: Mudada has none yet
    assert weekly[servers["Primera"].url] == weekly[servers["Segunda"].url] == "ok"
    assert weekly[servers["Mudada"].url] == "no_data"
    assert list((tmp_path / "informes" / "73002").glob("semanal-*.html"))


def test_report_audit_and_evidence_read_the_portfolio_site_named_by_site(serve, tmp_path):
    first = serve(site_routes("Primera"))
    second = serve(site_routes("Segunda"))
    config = write(tmp_path, PORTFOLIO + _site("Primera", "73001", first.url) + _site("Segunda", "73002", second.url))
    assert run_cli("crawl", "--config", str(config)).returncode == 0
    audit = run_cli("audit", "--config", str(config), "--site", "segunda")
    assert audit.returncode == 0, audit.stderr
    assert f"Sitio: Segunda ({second.url})" in audit.stdout and "primer sitio" not in audit.stderr
    out = tmp_path / "r.json"
    report = run_cli("report", "--config", str(config), "--site", "73002", "--format", "json", "--output", str(out))
    assert report.returncode == 0, report.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["site"]["url"] == second.url
    html = run_cli("report", "--config", str(config), "--site", second.url, "--format", "html")
    assert html.returncode == 0, html.stderr
    # its reports in its own folder, where `run` writes them
    [weekly] = (tmp_path / "informes" / "73002").glob("semanal-*.html")
    assert _title(weekly).endswith("— Segunda")
    evidence = run_cli("evidence", "ley1712.1.2", "--config", str(config), "--site", "Segunda")
    assert evidence.returncode == 0, evidence.stderr
    assert "primer sitio" not in evidence.stderr

    unknown = run_cli("audit", "--config", str(config), "--site", "Tercera")
    assert unknown.returncode == 2
    assert "No hay en la cartera un sitio con nombre, código DANE o dirección 'Tercera'" in unknown.stderr
    assert "Sitios de la cartera: Primera (73001); Segunda (73002)." in unknown.stderr


def test_the_portfolio_crawl_line_says_the_pages_whose_name_did_not_resolve_apart(tmp_path):
    routes = {SITE: page("Inicio", links=("/a/", "/b/")), SITE + "a/": page("Trámites"), SITE + "b/": page("Noticias")}
    site = DnsSite(tmp_path, routes, mode="down", failing_crawl=1)
    try:
        config = write(tmp_path, PORTFOLIO + _site("Ejemplo", "73001", SITE))
        # `say` prints at a terminal only: the crawl's stdout is a pseudo-terminal
        leader, follower = pty.openpty()
        proc = subprocess.Popen(
            [sys.executable, "-m", "gelt_audit", "crawl", "--config", str(config)],
            stdout=follower, stderr=subprocess.PIPE, env={**os.environ, **site.env},
        )  # fmt: skip
        os.close(follower)
        said = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the crawl exited: the terminal is closed
                break
            if not chunk:
                break
            said += chunk
        proc.wait(timeout=120)
        os.close(leader)
    finally:
        site.stop()
    text = said.decode("utf-8", "replace").replace("\r", "")
    assert proc.returncode == 0, proc.stderr.read()
    # was «Ejemplo: 3 respuestas, 2 errores, terminado.»: two pages the site never received
    assert (
        "Ejemplo: 1 respuesta, 0 errores, 2 páginas del sitio sin consultar (su nombre no resolvió desde esta "
        "máquina), terminado." in text
    ), text


if shutil.which("redis-server") is None:  # the Redis test needs a real redis-server
    test_run_with_a_portfolio_through_redis_reports_each_site = pytest.mark.skip(reason="sin redis-server")(
        test_run_with_a_portfolio_through_redis_reports_each_site
    )
else:
    from tests.test_distributed import redis_url, workers  # noqa: F401  (fixtures)
