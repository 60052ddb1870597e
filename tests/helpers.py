"""Helpers for tests: fixture pages, configs, and the real CLI in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from gelt_audit.demo.server import Resource


def page(title: str, body: str = "", links: tuple[str, ...] = (), extra_head: str = "") -> Resource:
    """A small HTML page with a site template (header, nav, footer) around its main content."""
    anchors = "".join(f'<li><a href="{href}">{href}</a></li>' for href in links)
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title}</title>{extra_head}</head>"
        f"<body><header><h1>Alcaldía de Prueba</h1></header><nav><ul>{anchors}</ul></nav>"
        f"<main><h2>{title}</h2>{body}</main>"
        f"<footer>Calle 1 # 2-3. Teléfono 601 555 0000</footer></body></html>"
    )


def write_config(directory: Path, url: str, extra: str = "", **site: Any) -> Path:
    """A gelt.toml for a test site: fast (no delay), no browser accessibility pass (unless ``extra``
    has an ``[accessibility]`` table), otherwise default."""
    settings = {"delay": 0, "autothrottle": False, "concurrency": 8, **site}
    lines = ["[site]", 'name = "Alcaldía de Prueba"', f'url = "{url}"']
    lines += [f"{k} = {json.dumps(v)}" for k, v in settings.items()]
    lines += ["", "[store]", 'path = "gelt.db"', ""]
    if "[accessibility]" not in extra:  # the browser pass costs seconds a report: on only where tested
        lines += ["[accessibility]", 'browser = "off"', ""]
    lines.append(extra)
    path = directory / "gelt.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def run_cli(
    *args: str, cwd: Path | None = None, timeout: float = 120, env: dict | None = None
) -> subprocess.CompletedProcess:
    """Run `gelt-audit ARGS` in a subprocess (Twisted's reactor runs once per process)."""
    return subprocess.run(
        [sys.executable, "-m", "gelt_audit", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
    )


def report_json(config: Path) -> dict[str, Any]:
    result = run_cli("report", "--format", "json", "--config", str(config))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def crawl(config: Path) -> subprocess.CompletedProcess:
    result = run_cli("crawl", "--config", str(config))
    assert result.returncode == 0, result.stderr + _log_tail(config)
    return result


def _log_tail(config: Path) -> str:
    log = config.parent / "gelt.log"
    return "\n--- log ---\n" + log.read_text(encoding="utf-8")[-4000:] if log.exists() else ""
