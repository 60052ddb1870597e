"""Helpers for tests: fixture pages, configs, and the real CLI in a subprocess."""

from __future__ import annotations

import atexit
import contextlib
import fcntl
import json
import locale
import os
import re
import select
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from gelt_audit.audits.browser import CHROMIUM
from gelt_audit.audits.checklist import load_checklist
from gelt_audit.audits.checklist.text import people_regex
from gelt_audit.demo.server import Resource, SiteServer


@contextlib.contextmanager
def open_db(path: Path | str) -> Iterator[sqlite3.Connection]:
    """A connection to a test's SQLite file, committed and closed on leaving the block.

    ``with sqlite3.connect(...)`` only commits: the connection stays open until collected, and a
    copy of the file made meanwhile in the same process (``shutil.copy``) drops its POSIX locks.
    """
    with contextlib.closing(sqlite3.connect(path)) as conn, conn:
        yield conn


@contextlib.contextmanager
def site_down(server: Any) -> Iterator[None]:
    """Stop a test's site and keep its port refusing connections until the block ends.

    Stopping the server alone frees its port, and with the suite's workers in parallel another test's
    server may be given it at once: the next crawl would then reach that site instead of a dead one.
    A socket bound to the port and never listening refuses every connection and keeps it taken.
    """
    port = urlsplit(server.url).port
    server.stop()
    with socket.socket() as held:
        held.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # the site's closed connections may linger
        held.bind(("127.0.0.1", port))
        yield


def page(title: str, body: str = "", links: tuple[str, ...] = (), extra_head: str = "") -> Resource:
    """A small HTML page with a site template (header, nav, footer) around its main content."""
    anchors = "".join(f'<li><a href="{href}">{href}</a></li>' for href in links)
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title}</title>{extra_head}</head>"
        f"<body><header><h1>Alcaldía de Prueba</h1></header><nav><ul>{anchors}</ul></nav>"
        f"<main><h2>{title}</h2>{body}</main>"
        f"<footer>Calle 1 # 2-3. Teléfono 601 555 0000</footer></body></html>"
    )


# What reads the browser pass's findings needs Debian's Chromium (``.ci/run`` installs it); without it the
# pass does not run, the reports say so, and these tests are skipped with the reason, not failed.
needs_chromium = pytest.mark.skipif(
    not Path(CHROMIUM).exists(),
    reason="Chromium no está instalado (apt-get install chromium): el paso en navegador no corre",
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
    """Run `gelt-audit ARGS` in a process of its own (Twisted's reactor runs once per process):
    forked from this test process' CLI server (tests/cli_server.py: Python and the CLI's modules
    already loaded), or a fresh ``python -m gelt_audit`` when the server is busy (a command run
    while another is), when ``env`` changes what Python reads as it starts, or when
    ``GELT_TEST_SUBPROCESS=1``."""
    full_env = {**os.environ, **(env or {})}
    server = _cli_server()
    if server is not None and server.startup == _startup_vars(full_env) and server.lock.acquire(blocking=False):
        try:
            return server.run(list(args), cwd, timeout, full_env)
        finally:
            server.lock.release()
    return subprocess.run(
        [sys.executable, "-m", "gelt_audit", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=full_env,
    )


def _startup_vars(env: dict[str, str]) -> dict[str, str]:
    """What of ``env`` a Python process reads once, as it starts: a forked child has its server's."""
    return {k: v for k, v in env.items() if k.startswith(("PYTHON", "LC_")) or k == "LANG"}


class _CliServer:
    """The client of one tests/cli_server.py process, started at the first command."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.startup = _startup_vars(dict(os.environ))
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.cli_server"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            cwd=Path(__file__).resolve().parents[1],
            text=True,
            encoding="utf-8",
        )
        ready = self._reply(60)
        if "ready" not in ready:
            raise RuntimeError(f"cli_server no arrancó: {ready}")

    def _reply(self, timeout: float | None) -> dict[str, Any]:
        assert self.proc.stdout is not None
        if timeout is not None and not select.select([self.proc.stdout], [], [], timeout)[0]:
            raise subprocess.TimeoutExpired(self.proc.args, timeout)
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError(f"cli_server terminó (código {self.proc.wait()})")
        return json.loads(line)

    def run(
        self, argv: list[str], cwd: Path | None, timeout: float, env: dict[str, str]
    ) -> subprocess.CompletedProcess:
        """One command, as `subprocess.run(..., capture_output=True, text=True, timeout=timeout)` runs it."""
        assert self.proc.stdin is not None
        with tempfile.TemporaryDirectory(prefix="gelt-cli-") as folder:
            out, err = Path(folder) / "out", Path(folder) / "err"
            request = {
                "argv": argv,
                "cwd": os.path.abspath(cwd or os.getcwd()),
                "env": env,
                "out": str(out),
                "err": str(err),
            }
            self.proc.stdin.write(json.dumps(request) + "\n")
            self.proc.stdin.flush()
            pid = self._reply(60)["pid"]
            try:
                status = self._reply(timeout)["status"]
            except subprocess.TimeoutExpired:
                os.kill(pid, signal.SIGKILL)  # as subprocess.run does when the timeout expires
                self._reply(None)
                raise subprocess.TimeoutExpired(
                    [sys.executable, "-m", "gelt_audit", *argv], timeout, _text(out), _text(err)
                ) from None
            return subprocess.CompletedProcess(
                [sys.executable, "-m", "gelt_audit", *argv], os.waitstatus_to_exitcode(status), _text(out), _text(err)
            )

    def stop(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        self.proc.wait(timeout=30)


def _text(path: Path) -> str:
    """A captured stream as `subprocess.run(text=True)` decodes it (universal newlines)."""
    data = path.read_bytes() if path.exists() else b""
    return data.decode(locale.getpreferredencoding(False)).replace("\r\n", "\n").replace("\r", "\n")


_server: _CliServer | None = None
_server_pid: int | None = None
_start_lock = threading.Lock()


def _cli_server() -> _CliServer | None:
    """This process' CLI server (None with ``GELT_TEST_SUBPROCESS=1``); a forked test process
    (its pid changed) starts its own."""
    global _server, _server_pid
    if os.environ.get("GELT_TEST_SUBPROCESS") == "1":
        return None
    with _start_lock:  # two threads' first commands start one server
        if _server is None or _server_pid != os.getpid():
            _server, _server_pid = _CliServer(), os.getpid()
            atexit.register(_server.stop)
        return _server


def run_folder(tmp_path_factory: Any) -> Path:
    """The folder every process of this pytest run shares: the base of the workers' temporary
    folders under pytest-xdist (``pytest-N``, new each run), the run's own base without it."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def built_once(tmp_path_factory: Any, name: str, build: Callable[[Path], str]) -> tuple[Path, str]:
    """``build(folder)`` run once per pytest run, whichever worker asks first (the others wait on a
    lock): the folder it filled and the text it returned. A pristine copy of that folder is kept
    beside it (``name``-plantilla) for :func:`built_copy`: the folder itself goes to one reader."""
    shared = run_folder(tmp_path_factory)
    folder, template, text = shared / name, shared / f"{name}-plantilla", shared / f"{name}.txt"
    with open(shared / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes, also if build fails
        if not text.exists():
            out = build(folder)
            shutil.copytree(folder, template)  # before anyone opens it
            text.write_text(out, encoding="utf-8")
    return folder, text.read_text(encoding="utf-8")


def built_copy(tmp_path_factory: Any, name: str, build: Callable[[Path], str]) -> Path:
    """A folder of this test module's own, a copy of what ``build`` made once for the whole run
    (:func:`built_once`): a module may write in it without changing what another reads."""
    built_once(tmp_path_factory, name, build)
    own = tmp_path_factory.mktemp(name)
    shutil.copytree(run_folder(tmp_path_factory) / f"{name}-plantilla", own, dirs_exist_ok=True)
    return own


def report_json(config: Path) -> dict[str, Any]:
    result = run_cli("report", "--format", "json", "--config", str(config))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def crawl(config: Path) -> subprocess.CompletedProcess:
    result = run_cli("crawl", "--config", str(config))
    assert result.returncode == 0, result.stderr + _log_tail(config)
    return result


def store_copies(config: Path, names: tuple[str, ...]) -> tuple[list[Path], str]:
    """The store beside ``config``, its whole write-ahead log checkpointed into the file, copied with its
    configuration into a folder per name under the config's folder; and the stdout of the CLI's
    ``report --format json`` on the first copy (what the copies' in-process reports are compared with)."""
    base = config.parent
    with sqlite3.connect(base / "gelt.db") as conn:
        conn.execute("pragma wal_checkpoint(truncate)")
    copies = []
    for name in names:
        (base / name).mkdir()
        shutil.copy(config, base / name / "gelt.toml")
        shutil.copy(base / "gelt.db", base / name / "gelt.db")
        copies.append(base / name)
    result = run_cli("report", "--format", "json", "--config", str(copies[0] / "gelt.toml"))
    assert result.returncode == 0, result.stderr
    return copies, result.stdout


def checklist_records(directory: Path, routes: dict[str, Resource], extra: str = "") -> dict[tuple[str, str], dict]:
    """A site of ``routes`` served on 127.0.0.1, crawled and reported once by the real CLI: its checklist
    records by (profile, item), each with ``paths``, its evidence URLs made relative to the site."""
    server = SiteServer(routes).start()
    try:
        config = write_config(directory, server.url, extra)
        crawl(config)
        origin = server.url.rstrip("/")
        records = {}
        for rec in report_json(config)["checklist"]:
            rec["paths"] = [u[len(origin) :] if u.startswith(origin) else u for u in rec["evidence"]]
            records[(rec["profile"], rec["item"])] = rec
        return records
    finally:
        server.stop()


def _log_tail(config: Path) -> str:
    log = config.parent / "gelt.log"
    return "\n--- log ---\n" + log.read_text(encoding="utf-8")[-4000:] if log.exists() else ""


def bundled_people_regexes() -> list[str]:
    """The ``people_list`` regex of every rule of the two bundled profiles that names posts, in
    profile order (the texts the people-question tests of H193, H204 and H287 ask)."""
    return [
        people_regex(rule.posts, rule.min_count)
        for name in ("gelt-2008", "ley1712-res1519")
        for item in load_checklist(name).items
        for part in item.parts
        for rule in part.rules
        if rule.posts
    ]


def cli_reports(config: Path, folder: Path, env: dict[str, str], timeout: int = 300) -> dict[str, Any]:
    """What a person reads of a site's latest crawl, each through the CLI: ``json`` (``report --format
    json``, parsed), ``weekly`` and ``committee`` (the HTML reports, written into ``folder``)."""
    result = run_cli("report", "--format", "json", "--config", str(config), env=env, timeout=timeout)
    assert result.returncode == 0, result.stderr
    out: dict[str, Any] = {"json": json.loads(result.stdout)}
    for kind in ("weekly", "committee"):
        path = folder / f"{kind}.html"
        result = run_cli(
            "report", f"--{kind}", "--config", str(config), "--output", str(path), env=env, timeout=timeout
        )
        assert result.returncode == 0, result.stderr
        out[kind] = path.read_text(encoding="utf-8")
    return out


def html_text(html: str) -> str:
    """An HTML report's text as a reader sees it: tags out, runs of white space as one space."""
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    return text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">")
