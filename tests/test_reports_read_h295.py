"""What the sysadmin and the portfolio owner read after a fault, through the CLI on real 127.0.0.1 crawls (H295).

A portfolio of three sites whose second week goes wrong (one site refuses connections, one's
robots.txt forbids everything, one's home page moved to another address); a `run` killed with
SIGKILL half-way; `evidence` without `--html`. Each test failed on `integ21` (`0da1d04`) without
the change it guards.
"""

from __future__ import annotations

import csv
import io
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

from gelt_audit.demo.server import Resource
from gelt_audit.demo.site import demo_site, with_site_base
from gelt_audit.lock import is_locked
from tests.helpers import page, run_cli
from tests.test_portfolio import site_routes, write
from tests.test_scheduler import gelt, rows, wait_for
from tests.test_scheduler import site_routes as slow_routes

TEXT = {"Content-Type": "text/plain; charset=utf-8"}
PORTFOLIO = """[site]
delay = 0
autothrottle = false
concurrency = 4

[store]
path = "gelt.db"

[accessibility]
browser = "off"

[portfolio]
max_sites_at_once = 3
"""


def _site(name: str, dane: str, url: str) -> str:
    return f'\n[[portfolio.sites]]\nname = "{name}"\ndepartment = "Tolima"\ndane = "{dane}"\nurl = "{url}"\n'


def test_a_portfolio_whose_sites_were_not_seen_this_week_is_ranked_and_says_why(serve, tmp_path):
    state: dict[str, str] = {}
    robots = serve(
        site_routes("Robots"),
        dynamic=lambda path: (
            Resource(b"User-agent: *\nDisallow: /\n", headers=TEXT)
            if state.get("robots") and path == "/robots.txt"
            else None
        ),
    )
    elsewhere = serve({"/": page("Nuevo sitio")})
    moved = serve(
        site_routes("Mudada"),
        dynamic=lambda path: (
            Resource(b"", status=301, headers={"Location": elsewhere.url})
            if state.get("moved") and path == "/"
            else None
        ),
    )
    down = serve(site_routes("Caída"))
    config = write(
        tmp_path,
        PORTFOLIO
        + _site("Caída", "73001", down.url)
        + _site("Robots", "73002", robots.url)
        + _site("Mudada", "73003", moved.url),
    )
    assert run_cli("crawl", "--config", str(config)).returncode == 0
    # Week two: nothing of the three sites is seen.
    down.stop()
    state.update(robots="1", moved="1")
    week2 = run_cli("crawl", "--config", str(config))
    assert week2.returncode == 3, week2.stderr

    html_out = tmp_path / "r.html"
    result = run_cli("ranking", "--config", str(config), "--format", "html", "--output", str(html_out))
    # Each site has one finished crawl and none before it: the HTML ranking failed with
    # «Error en la plantilla portfolio.html: 'dict object' has no attribute 'score'» (exit 2).
    assert result.returncode == 0, result.stderr
    html = html_out.read_text(encoding="utf-8")
    # The figures are last week's: each row says the last attempt failed, and why.
    assert html.count("el último intento falló (") == 6  # general table and the department's
    # and the summary does not let «3 sitios con rastreo terminado» pass for this week's
    assert "<strong>3</strong> clasificados con un rastreo anterior: su último intento falló" in html
    assert "el servidor rechazó la conexión" in html
    assert "robots.txt no permite rastrear" in html
    assert f"el sitio se mudó a {elsewhere.url}" in html
    assert "ConnectionRefused" not in html

    csv_out = tmp_path / "r.csv"
    assert run_cli("ranking", "--config", str(config), "--format", "csv", "--output", str(csv_out)).returncode == 0
    rows = {r[3]: r for r in csv.reader(io.StringIO(csv_out.read_text(encoding="utf-8-sig")))}
    assert rows["Caída"][-1].startswith("el sitio no respondió: el servidor rechazó la conexión")
    assert "Error" not in rows["Caída"][-1]  # the exception's English name stays in the JSON


def test_a_first_attempt_that_saw_nothing_is_not_called_no_answer_when_the_site_answered(serve, tmp_path):
    good = serve(site_routes("Buena"))
    robots = serve({"/robots.txt": Resource(b"User-agent: *\nDisallow: /\n", headers=TEXT), "/": page("Inicio")})
    elsewhere = serve({"/": page("Nuevo sitio")})
    moved = serve({"/": Resource(b"", status=301, headers={"Location": elsewhere.url})})
    config = write(
        tmp_path,
        PORTFOLIO
        + _site("Buena", "73001", good.url)
        + _site("Robots", "73002", robots.url)
        + _site("Mudada", "73003", moved.url)
        + _site("Caída", "73004", "http://127.0.0.1:9/"),
    )
    assert run_cli("crawl", "--config", str(config)).returncode == 4
    csv_out = tmp_path / "r.csv"
    assert run_cli("ranking", "--config", str(config), "--format", "csv", "--output", str(csv_out)).returncode == 0
    state = {r[3]: r[8] for r in csv.reader(io.StringIO(csv_out.read_text(encoding="utf-8-sig")))}
    # robots.txt answered, and so did the moved home page: none is «sin respuesta» (what every
    # failed first attempt was called); the reason is in the next column.
    assert state["Caída"] == state["Robots"] == state["Mudada"] == "sin rastreo terminado"
    html_out = tmp_path / "r.html"
    assert run_cli("ranking", "--config", str(config), "--format", "html", "--output", str(html_out)).returncode == 0
    html = html_out.read_text(encoding="utf-8")
    assert "sin respuesta: robots.txt" not in html and "sin rastreo terminado: robots.txt no permite" in html


def test_status_does_not_call_a_killed_run_in_progress(serve, config_for):
    site = serve(slow_routes(20, delay=0.3))
    config = config_for(site.url, concurrency=2)
    db = config.parent / "gelt.db"
    proc = gelt("run", "--config", str(config))
    wait_for(lambda: rows(db, "select id from crawls where status = 'running'"), 20, "crawl start")
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    wait_for(lambda: not is_locked(db), 15, "lock release")
    assert rows(db, "select result from runs") == [("running",)]  # only the next run closes it
    status = run_cli("status", "--config", str(config))
    assert status.returncode == 0, status.stderr
    table = status.stdout.split("Último rastreo")[0]
    # The sysadmin read «en curso» for a process that no longer ran (the lock was free).
    assert "en curso" not in table and "sin terminar (murió)" in table
    assert "ya no corre" in status.stdout and "Hay una ejecución en curso" not in status.stdout
    assert "interrumpido" in status.stdout.split("Último rastreo")[1]  # the crawl's row, closed by its child


def test_evidence_names_a_copy_file_only_where_it_wrote_one(serve, config_for, tmp_path):
    site = serve()
    site.routes = with_site_base(demo_site(1), site.url)
    config = config_for(site.url, max_pages=400)
    assert run_cli("crawl", "--config", str(config)).returncode == 0
    bare = run_cli("evidence", "ley1712.1.2", "--config", str(config), cwd=tmp_path)
    assert bare.returncode == 0, bare.stderr
    # Without --html nothing is written: «copia: evidencia/…» named a file that was not there.
    assert "copia (se escribe con --html CARPETA): evidencia/" in bare.stdout
    assert "    copia: " not in bare.stdout and not (tmp_path / "evidencia").exists()
    folder = tmp_path / "copias"
    written = run_cli("evidence", "ley1712.1.2", "--config", str(config), "--html", str(folder))
    assert written.returncode == 0, written.stderr
    named = [line.split("copia: ", 1)[1] for line in written.stdout.splitlines() if line.startswith("    copia: ")]
    assert named and all(Path(path).is_file() for path in named)


def test_run_reads_a_portfolio_sites_move_as_that_sites_not_the_firsts(serve, tmp_path):
    first = serve(site_routes("Primera"))
    elsewhere = serve({"/": page("Nuevo sitio")})
    moved = serve({"/": Resource(b"", status=301, headers={"Location": elsewhere.url})})
    config = write(tmp_path, PORTFOLIO + _site("Primera", "73001", first.url) + _site("Mudada", "73002", moved.url))
    # `run` crawled the whole portfolio and read the outcome as the first site's: exit 3 and
    # «No se pudo revisar el sitio <first>: el sitio se mudó a …» (the other site's failure). H295 made
    # `run` and `schedule` refuse a portfolio (exit 2); H304 runs each site as its own
    # (tests/test_portfolio_run_h304.py): the move is the moved site's, the first is reported.
    result = run_cli("run", "--config", str(config), timeout=300)
    assert result.returncode == 4, result.stderr
    assert f"No se pudo revisar el sitio {moved.url}: el sitio se mudó a {elsewhere.url}" in result.stderr
    assert first.url not in result.stderr
    assert list((tmp_path / "informes" / "73001").glob("semanal-*.html"))


def test_the_report_after_a_crawl_that_saw_the_site_answer_does_not_guess_it_was_down(serve, config_for):
    state: dict[str, bool] = {}
    site = serve(
        site_routes("Sitio"),
        dynamic=lambda path: (
            Resource(b"User-agent: *\nDisallow: /\n", headers=TEXT)
            if state.get("robots") and path == "/robots.txt"
            else None
        ),
    )
    config = config_for(site.url)
    assert run_cli("crawl", "--config", str(config)).returncode == 0
    state["robots"] = True
    assert run_cli("crawl", "--config", str(config)).returncode == 3
    out = config.parent / "semanal.html"
    assert run_cli("report", "--config", str(config), "--format", "html", "--output", str(out)).returncode == 0
    html = out.read_text(encoding="utf-8")
    # The server answered robots.txt: «El sitio pudo estar caído» was a guess against what was seen.
    assert "robots.txt no permite rastrear la página de inicio" in html
    assert "pudo estar caído" not in html
    assert "Lo que ese rastreo no vio no se da por eliminado ni por roto" in html


def test_status_of_a_portfolio_names_each_sites_last_crawl(serve, tmp_path):
    first = serve(site_routes("Primera"))
    robots = serve({"/robots.txt": Resource(b"User-agent: *\nDisallow: /\n", headers=TEXT), "/": page("Inicio")})
    config = write(tmp_path, PORTFOLIO + _site("Primera", "73001", first.url) + _site("Robots", "73002", robots.url))
    assert run_cli("crawl", "--config", str(config)).returncode == 4
    status = run_cli("status", "--config", str(config))
    assert status.returncode == 0, status.stderr
    # It showed the first site as «the site» («Último rastreo: …, terminado») and not the other.
    assert "cartera de 2 sitios" in status.stdout
    assert f"Último rastreo de Primera ({first.url}): " in status.stdout
    assert f"Último rastreo de Robots ({robots.url}): " in status.stdout
    assert "fallido: robots.txt no permite rastrear" in status.stdout
    assert "Próximas ejecuciones programadas" in status.stdout  # run and schedule take a portfolio (H304)


def test_one_site_commands_given_a_portfolio_say_they_read_its_first_site(serve, tmp_path):
    first = serve(site_routes("Primera"))
    second = serve(site_routes("Segunda"))
    config = write(tmp_path, PORTFOLIO + _site("Primera", "73001", first.url) + _site("Segunda", "73002", second.url))
    assert run_cli("crawl", "--config", str(config)).returncode == 0
    for args in (
        ("report", "--format", "json", "--output", str(tmp_path / "r.json")),
        ("audit",),
        ("evidence", "ley1712.1.2"),
    ):
        result = run_cli(*args, "--config", str(config))
        assert result.returncode == 0, result.stderr
        # Nothing said that the report, the summary or the evidence were the first site's only.
        assert f"trabaja sólo sobre el primer sitio, Primera ({first.url})" in result.stderr, args
        assert "ranking --sites-dir" in result.stderr


def test_a_ranking_with_no_site_seen_yet_says_why_each_attempt_failed(serve, tmp_path):
    robots = serve({"/robots.txt": Resource(b"User-agent: *\nDisallow: /\n", headers=TEXT), "/": page("Inicio")})
    config = write(
        tmp_path, PORTFOLIO + _site("Robots", "73001", robots.url) + _site("Caída", "73002", "http://127.0.0.1:9/")
    )
    crawl = run_cli("crawl", "--config", str(config))
    assert crawl.returncode == 3
    # each site's line in Spanish words, as a one-site crawl says it (H294); was «… (DownloadConnectionRefusedError: …)»
    assert "Caída (http://127.0.0.1:9/): el sitio no respondió: el servidor rechazó la conexión\n" in crawl.stderr
    assert "Error" not in crawl.stderr, crawl.stderr
    result = run_cli("ranking", "--config", str(config), "--format", "json", "--output", str(tmp_path / "r.json"))
    assert result.returncode == 7, result.stderr
    # It said «Ejecute primero: gelt-audit crawl» to someone who had just run one.
    assert "Ejecute primero" not in result.stderr
    assert "Robots: robots.txt no permite rastrear" in result.stderr
    assert "Caída: el sitio no respondió" in result.stderr and "Error:" not in result.stderr.split("fallaron", 1)[1]


def test_a_run_skipped_for_the_lock_says_when_the_other_started_in_bogota_time(serve, config_for):
    release = threading.Event()
    site = serve(slow_routes(3), dynamic=lambda path: release.wait(120) and None if path == "/" else None)
    config = config_for(site.url, timeout=150)
    first = gelt("run", "--config", str(config), env={"GELT_TODAY": "2026-11-23T06:15"})
    try:
        wait_for(lambda: rows(config.parent / "gelt.db", "select id from crawls where status = 'running'"), 30, "crawl")
        second = run_cli("run", "--config", str(config), env={"GELT_TODAY": "2026-11-23T06:16"})
    finally:
        release.set()
    assert first.wait(timeout=60) == 0
    assert second.returncode == 6, second.stderr
    # The lock file keeps UTC («desde 2026-11-23T11:15:…+00:00»): every other time the sysadmin
    # reads is Bogotá's (docs/OPERATIONS.md).
    assert "desde 2026-11-23 06:15 (hora de Bogotá)" in second.stderr, second.stderr


def test_a_reader_that_stops_reading_is_not_an_unexpected_error(serve, config_for):
    site = serve(site_routes("Sitio"))
    config = config_for(site.url)
    assert run_cli("crawl", "--config", str(config)).returncode == 0
    for args in (("evidence", "ley1712.1.2"), ("status",)):
        read, write_end = os.pipe()
        os.close(read)  # `… | head` after head has exited: every write is EPIPE
        try:
            result = subprocess.run(
                [sys.executable, "-m", "gelt_audit", *args, "--config", str(config)],
                stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=120,
            )  # fmt: skip
        finally:
            os.close(write_end)
        # was exit 1, «Error inesperado: BrokenPipeError: [Errno 32] Broken pipe…» and a traceback in the log
        assert result.returncode == 141, (args, result.stderr)
        assert result.stderr == "", result.stderr
    assert "BrokenPipeError" not in (config.parent / "gelt.log").read_text(encoding="utf-8")
