"""The checklist's pages parsed in worker processes (issue 21, H231): a first audit with many pages
without a kept parse hands their parse to ``[checklist] parse_workers`` processes, which give back
the parse cache's records; the index then rebuilds every page from them. One shared crawl of a
460-page municipal site on 127.0.0.1 through the real CLI (offline), copied before any report so
that each report below is a first (cold) one.

Class 2310: the JSON report with workers forced on (``parse_workers_from = 1``) is byte for byte
the in-process one (``parse_workers = 0``), ``generated_at`` aside, and the log says how many pages
were parsed apart. The site's pages sit in three folders whose menus link relatively, with
``href=""`` and ``href="?vista=lista"`` entries (they resolve to each page itself), so a menu block
is kept per folder. ``test_class_2310_workers_give_the_in_process_report`` fails without
``checklist.workers`` (checked: no «analizadas en 2 procesos aparte» in the log; the JSON equal, as
nothing ran apart). It also passed with the chunks handed out in reverse order (checked): a chrome
block a worker took from another page is not in the cache under this page's key (relative blocks
are keyed with their page's address), so the index parses that page itself; the crawl's order only
keeps those parses rare.

Class 2311: a worker killed while it parses (SIGKILL from the test, as the kernel's OOM killer
would) ends the workers; the log says so in Spanish, the index parses the pages itself, and the
JSON is the in-process one. ``test_class_2311_a_worker_killed_midway_falls_back_in_process`` fails
without ``checklist.workers`` (checked: no worker process ever appears to be killed).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import crawl, run_cli, write_config

OFFLINE = "[links]\ncheck_external = false\n"
FOLDERS = ("transparencia", "tramites", "noticias")
PER_FOLDER = 150  # 450 pages and the home page and menus: three chunks of 200 for two workers
_GENERATED = re.compile(r'"generated_at": ?"[^"]*"')


def _page(title: str, folder: str, body: str) -> Resource:
    # relative links in the menu: its block is resolved per folder; "" and "?vista=lista" per page
    menu = (
        "".join(f'<li><a href="../{f}/index.html">{f.capitalize()}</a></li>' for f in FOLDERS)
        + '<li><a href="">Esta página</a></li><li><a href="?vista=lista">Ver como lista</a></li>'
    )
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title} | Alcaldía de Prueba</title>"
        f"</head><body><header><p>Alcaldía de Prueba</p><nav><ul>{menu}</ul></nav></header>"
        f"<main><h1>{title}</h1>{body}</main>"
        f"<footer>Calle 1 # 2-3, {folder}. Teléfono 601 555 0000. <a href='../{folder}/index.html'>Volver</a>"
        "</footer></body></html>"
    )


def _routes() -> dict[str, Resource]:
    links = "".join(f'<li><a href="/{f}/index.html">{f.capitalize()}</a></li>' for f in FOLDERS)
    routes = {
        "/": Resource.html(
            "<!doctype html><html lang='es'><head><meta charset='utf-8'><title>Inicio | Alcaldía de Prueba</title>"
            f"</head><body><header><nav><ul>{links}</ul></nav></header><main><h1>Bienvenidos</h1>"
            "<p>Sitio oficial de la Alcaldía de Prueba.</p></main></body></html>"
        )
    }
    for folder in FOLDERS:
        entries = "".join(f'<li><a href="p{i}.html">Documento {i} de {folder}</a></li>' for i in range(PER_FOLDER))
        routes[f"/{folder}/index.html"] = _page(folder.capitalize(), folder, f"<ul>{entries}</ul>")
        for i in range(PER_FOLDER):
            body = (
                f"<p>Publicación {i} de {folder}: resolución {1000 + i} de 2024, publicada el {1 + i % 28} de marzo"
                f" de 2024.</p>" + ('<a href="acta.pdf">Acta (PDF)</a>' if i % 7 == 0 else "")
            )
            routes[f"/{folder}/p{i}.html"] = _page(f"Publicación {i} de {folder}", folder, body)
    return routes


@pytest.fixture(scope="module")
def crawled(tmp_path_factory) -> Path:
    """The site crawled once; a report copies this folder (its store) before it runs."""
    server = SiteServer(_routes()).start()
    try:
        directory = tmp_path_factory.mktemp("crawled")
        crawl(write_config(directory, server.url, OFFLINE, max_pages=1000))
        return directory
    finally:
        server.stop()


def _copy(crawled: Path, into: Path, checklist: str) -> Path:
    """A copy of the crawled store (nothing audited yet) with ``[checklist]`` settings."""
    shutil.copytree(crawled, into)
    config = into / "gelt.toml"
    config.write_text(config.read_text(encoding="utf-8") + f"\n[checklist]\n{checklist}\n", encoding="utf-8")
    return config


def _report(config: Path) -> str:
    result = run_cli("report", "--format", "json", "--config", str(config), timeout=300)
    assert result.returncode == 0, result.stderr
    return _GENERATED.sub('"generated_at": ""', result.stdout)


def _log(config: Path) -> str:
    return (config.parent / "gelt.log").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def in_process(crawled, tmp_path_factory) -> str:
    config = _copy(crawled, tmp_path_factory.mktemp("w0") / "site", "parse_workers = 0")
    report = _report(config)
    assert "procesos aparte" not in _log(config)
    return report


def test_class_2310_workers_give_the_in_process_report(crawled, in_process, tmp_path):
    config = _copy(crawled, tmp_path / "site", "parse_workers = 2\nparse_workers_from = 1")
    report = _report(config)
    found = re.search(r"(\d+) páginas analizadas en (\d+) procesos aparte", _log(config))
    assert found is not None, _log(config)[-3000:]
    assert found.groups() == (str(len(FOLDERS) * (PER_FOLDER + 1) + 1), "2")
    assert report == in_process
    assert len(json.loads(report)["checklist"]) > 0


def _workers_of(pid: int) -> list[int]:
    """The parse workers (spawned: ``spawn_main`` in their command line) whose parent is ``pid``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid and b"spawn_main" in cmdline:
            found.append(int(entry.name))
    return found


def test_class_2311_a_worker_killed_midway_falls_back_in_process(crawled, in_process, tmp_path):
    config = _copy(crawled, tmp_path / "site", "parse_workers = 2\nparse_workers_from = 1")
    out = tmp_path / "report.json"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gelt_audit",
            "report",
            "--format",
            "json",
            "--config",
            str(config),
            "--output",
            str(out),
        ],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    killed = None
    deadline = time.monotonic() + 120
    while killed is None and proc.poll() is None and time.monotonic() < deadline:
        workers = _workers_of(proc.pid)
        if workers:
            os.kill(workers[0], signal.SIGKILL)
            killed = workers[0]
        time.sleep(0.005)
    _, err = proc.communicate(timeout=300)
    assert killed is not None, "no parse worker was seen"
    assert proc.returncode == 0, err
    log = _log(config)
    assert "falló el análisis de páginas en otros procesos" in log
    assert "se analizan en este proceso" in log
    assert _GENERATED.sub('"generated_at": ""', out.read_text(encoding="utf-8").strip()) == in_process.strip()
