"""Bounds the crawl keeps against a hostile or unusual web (issue 16): headers, sitemaps, rate
limits, no network, schemes other than the web's, links per page.

Every case runs a real crawl in a subprocess against real servers on 127.0.0.1.
"""

from __future__ import annotations

import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

from gelt_audit.demo.server import Resource
from tests.faults import FaultServer, endless_headers
from tests.helpers import page, report_json, run_cli, write_config

_PEAK_RSS = (
    "import resource, subprocess, sys\n"
    "r = subprocess.run(sys.argv[1:])\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    "sys.exit(r.returncode)\n"
)


def crawl_with_peak_memory(config: Path, timeout: float = 180) -> tuple[subprocess.CompletedProcess, int]:
    """`gelt-audit crawl` in a process of its own, and that process's peak memory in MiB.

    The crawl runs under an intermediate Python process: RUSAGE_CHILDREN there covers that
    crawl only, not every crawl this test session ran.
    """
    result = subprocess.run(
        [sys.executable, "-c", _PEAK_RSS, sys.executable, "-m", "gelt_audit", "crawl", "--config", str(config)],
        capture_output=True, text=True, timeout=timeout,
    )  # fmt: skip
    peak_kib = int(result.stdout.strip().splitlines()[-1]) if result.stdout.strip() else 0
    return result, peak_kib // 1024


def rows(db: Path, sql: str, args: tuple = ()) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def log_text(config: Path) -> str:
    log = config.parent / "gelt.log"
    return log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""


def pages_by_path(report: dict, base: str) -> dict[str, dict]:
    return {p["url"].removeprefix(base.rstrip("/")): p for p in report["pages"]}


def links_by_url(report: dict) -> dict[str, dict]:
    return {link["url"]: link for link in report["links"]}


# -- 1. response headers ------------------------------------------------------------------------------
def test_endless_response_headers_are_cut_and_the_page_is_an_error(tmp_path):
    routes = {
        "/": page("Inicio", links=("/cabeceras", "/despues/")),
        "/cabeceras": endless_headers(),
        "/despues/": page("Después"),
    }
    with FaultServer(routes) as site:
        config = write_config(tmp_path, site.url)  # the default timeout: 30 s of headers
        result, peak_mb = crawl_with_peak_memory(config)
        assert result.returncode == 0, result.stderr[-3000:] + log_text(config)[-3000:]
        report = report_json(config)
        pages = pages_by_path(report, site.url)
    bad = pages["/cabeceras"]
    assert bad["kind"] == "error" and bad["status"] == 0, bad
    assert "cabeceras demasiado grandes" in bad["error"], bad
    assert pages["/despues/"]["title"] == "Después"  # the crawl went on
    assert 0 < peak_mb < 400, peak_mb
