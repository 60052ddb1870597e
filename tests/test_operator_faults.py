"""Careless operators and damaged files (issue 16): real stores, real FIFOs, real processes.

Every fault is one Spanish line for the person (no traceback) and an exit code that says what
happened; nothing is reported, or written, that did not happen.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from gelt_audit.demo.server import SiteServer
from tests.helpers import open_db, page, run_cli, write_config
from tests.test_delivery import free_port, smtp_server
from tests.test_scheduler import email_toml, rows, wait_for

STORE_COMMANDS = ("crawl", "report", "audit", "run", "status", "history")


def one_line(result: subprocess.CompletedProcess) -> str:
    """The only line of stderr (asserting there is exactly one, and no traceback)."""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    return lines[0]


@pytest.fixture(scope="module")
def site():
    server = SiteServer({"/": page("Inicio", links=("/a/",)), "/a/": page("A")}).start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def good_store(site, tmp_path_factory) -> bytes:
    """The bytes of a real store: one crawl and one run (WAL folded in, so it is one file)."""
    folder = tmp_path_factory.mktemp("good")
    config = write_config(folder, site.url)
    for args in (("crawl",), ("run", "--no-crawl", "--reports", "none")):
        result = run_cli(*args, "--config", str(config))
        assert result.returncode == 0, result.stderr
    with open_db(folder / "gelt.db") as conn:
        conn.execute("pragma wal_checkpoint(truncate)")
    return (folder / "gelt.db").read_bytes()


def workspace(tmp_path: Path, url: str, store: bytes, extra: str = "") -> tuple[Path, Path]:
    config = write_config(tmp_path, url, extra)
    db = tmp_path / "gelt.db"
    db.write_bytes(store)
    return config, db


def zero_page_of(store: bytes, table: str, scratch: Path) -> bytes:
    """The store with the root page of ``table`` overwritten with zeros (a damaged disk block)."""
    scratch.write_bytes(store)
    with open_db(scratch) as conn:
        size = conn.execute("pragma page_size").fetchone()[0]
        root = conn.execute("select rootpage from sqlite_master where name = ?", [table]).fetchone()[0]
    start = (root - 1) * size
    return store[:start] + bytes(size) + store[start + size :]


def newer_schema(store: bytes, scratch: Path) -> bytes:
    """The store as a newer gelt-audit would leave it: a schema version this one does not know."""
    scratch.write_bytes(store)
    with open_db(scratch) as conn:
        conn.execute("update meta set value = '99' where key = 'schema_version'")
    with open_db(scratch) as conn:
        conn.execute("pragma wal_checkpoint(truncate)")
    return scratch.read_bytes()


def store_args(command: str, url: str) -> tuple[str, ...]:
    return {"history": ("history", url), "run": ("run", "--reports", "none")}.get(command, (command,))


# -- 1. a store that cannot be used ------------------------------------------------------------
@pytest.mark.parametrize("fault", ["text", "truncated", "newer_schema"])
def test_unusable_store_is_one_line_naming_it_for_every_command_and_is_not_written(fault, site, good_store, tmp_path):
    if fault == "text":
        damaged = "Esto no es un almacén, es una nota.\n".encode()
    elif fault == "truncated":
        damaged = good_store[: len(good_store) // 2]
    else:
        damaged = newer_schema(good_store, tmp_path / "scratch.db")
    config, db = workspace(tmp_path, site.url, damaged)
    for command in STORE_COMMANDS:
        result = run_cli(*store_args(command, site.url + "a/"), "--config", str(config))
        assert result.returncode == 1, (command, result.stderr)
        line = one_line(result)
        assert line.startswith("Error del almacén:") and str(db) in line, (command, line)
        assert db.read_bytes() == damaged, command  # no crawl, no run row, nothing
    if fault == "newer_schema":
        assert "versión de esquema 99" in line


def test_store_failing_quick_check_gets_no_crawl_and_no_run(site, good_store, tmp_path):
    # A damaged page that opening the store never reads (the tls table of an http site): before
    # the check, the crawl added a «finished» crawl on top of it and exited 0.
    config, db = workspace(tmp_path, site.url, zero_page_of(good_store, "tls", tmp_path / "scratch.db"))
    before = rows(db, "select id, status from crawls"), rows(db, "select id, result from runs")
    for command in ("crawl", "run"):
        result = run_cli(*store_args(command, site.url), "--config", str(config))
        assert result.returncode == 1, (command, result.stderr)
        line = one_line(result)
        assert str(db) in line and "dañado" in line, line
    assert (rows(db, "select id, status from crawls"), rows(db, "select id, result from runs")) == before


def test_damaged_page_met_by_a_read_command_is_one_line_naming_the_store(site, good_store, tmp_path):
    config, db = workspace(tmp_path, site.url, zero_page_of(good_store, "crawls", tmp_path / "scratch.db"))
    for command in ("report", "audit", "status", "history"):
        result = run_cli(*store_args(command, site.url + "a/"), "--config", str(config))
        assert result.returncode == 1, (command, result.stderr)
        line = one_line(result)
        assert line.startswith("Error del almacén:") and str(db) in line and "dañado" in line, (command, line)


# -- 2. --output onto a FIFO, a symlink, a device ------------------------------------------------
def report_to(config: Path, output: Path | str) -> subprocess.CompletedProcess:
    return run_cli("report", "--format", "json", "--output", str(output), "--config", str(config))


def test_report_output_into_a_fifo_is_written_not_replaced(site, good_store, tmp_path):
    config, _ = workspace(tmp_path, site.url, good_store)
    fifo = tmp_path / "tubo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = report_to(config, fifo)
    reader.join(timeout=30)
    assert result.returncode == 0, result.stderr
    assert received and received[0].startswith(b"{") and b'"crawl"' in received[0]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_report_output_through_a_symlink_writes_its_target_and_keeps_the_link(site, good_store, tmp_path):
    config, _ = workspace(tmp_path, site.url, good_store)
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "informe.json"
    target.write_text("viejo", encoding="utf-8")
    link = tmp_path / "enlace.json"
    link.symlink_to(target)
    result = report_to(config, link)
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and link.resolve() == target
    assert target.read_text(encoding="utf-8").startswith("{")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_report_output_to_dev_null_leaves_it_a_character_device(site, good_store, tmp_path):
    config, _ = workspace(tmp_path, site.url, good_store)
    result = report_to(config, "/dev/null")
    assert result.returncode == 0, result.stderr
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert not [p for p in Path("/dev").glob(".null.*.tmp")]


# -- 3. a log file that cannot be written ---------------------------------------------------------
def test_unwritable_log_is_one_warning_and_run_still_records_itself_and_alerts(tmp_path):
    # A missing folder fails even for root (permission bits would not).
    extra = '[log]\npath = "ya-no-existe/gelt.log"\n'
    with smtp_server() as (controller, sink):
        config = write_config(tmp_path, f"http://127.0.0.1:{free_port()}/", extra + email_toml(controller.port))
        result = run_cli("run", "--config", str(config))
        assert result.returncode == 3, result.stderr
        assert len(sink.messages) == 1  # the «site down» alert went out
    warnings = [line for line in result.stderr.splitlines() if line.startswith("Aviso:")]
    assert len(warnings) == 1 and "ya-no-existe/gelt.log" in warnings[0], result.stderr
    assert "Traceback" not in result.stderr
    assert rows(tmp_path / "gelt.db", "select result, exit_code from runs") == [("unreachable", 3)]
    assert not (tmp_path / "ya-no-existe").exists()


def test_unwritable_log_does_not_stop_a_crawl(site, tmp_path):
    config = write_config(tmp_path, site.url, '[log]\npath = "ya-no-existe/gelt.log"\n')
    result = run_cli("crawl", "--config", str(config))
    assert result.returncode == 0, result.stderr
    assert one_line(result).startswith("Aviso: no se puede escribir el registro")
    assert rows(tmp_path / "gelt.db", "select status from crawls") == [("finished",)]


# -- 4. bad config values and arguments: exit 2 naming the key -----------------------------------
BAD_CONFIG = {
    "items_text": ('[checklist]\nitems = "transparencia"\n', "'checklist.items'"),
    "items_table": ('[checklist.items]\nid = "x"\n', "'checklist.items'"),
    "items_of_text": ('[checklist]\nitems = ["a", "b"]\n', "'checklist.items'"),
    "log_folder": ('[log]\npath = "carpeta"\n', "'log.path'"),
    "log_inside_file": ('[log]\npath = "archivo/gelt.log"\n', "'log.path'"),
    "reports_file": ('[reports]\ndir = "archivo"\n', "'reports.dir'"),
    "unknown_profile": ('[checklist]\nprofiles = ["no-existe"]\n', "'checklist.profiles'"),
    "missing_manual": ('[checklist]\nmanual = "no-existe.toml"\n', "'checklist.manual'"),
}


@pytest.mark.parametrize("case", sorted(BAD_CONFIG))
def test_bad_config_value_is_exit_2_naming_the_key_from_run_and_status(case, site, tmp_path):
    extra, key = BAD_CONFIG[case]
    (tmp_path / "carpeta").mkdir()
    (tmp_path / "archivo").write_text("x", encoding="utf-8")
    config = write_config(tmp_path, site.url, extra)
    for args in (("run",), ("status",), ("report",)):
        result = run_cli(*args, "--config", str(config))
        assert result.returncode == 2, (args, result.stderr)
        line = one_line(result)
        assert line.startswith("Error de configuración:") and key in line, (args, line)
    assert rows(tmp_path / "gelt.db", "select id from crawls") == []  # run refused before crawling


@pytest.mark.parametrize("value", ["2026-02-30", "30/11/2026", "2026-13-01"])
def test_impossible_dates_are_exit_2_naming_the_argument(value, site, good_store, tmp_path):
    config, _ = workspace(tmp_path, site.url, good_store)
    for args, argument in (
        (("report", "--since", value), "--since"),
        (("diff", site.url, "--from", value), "--from"),
        (("diff", site.url, "--to", value), "--to"),
    ):
        result = run_cli(*args, "--config", str(config))
        assert result.returncode == 2, (args, result.stderr)
        line = one_line(result)
        assert argument in line and value in line, line


def test_diff_bounds_are_dates_that_select_versions(site, good_store, tmp_path):
    # "30/11/2026" used to be compared as a string, so every version was "before" it (exit 0);
    # it is refused above. Real dates still select: none before 2000, all before 2999.
    config, _ = workspace(tmp_path, site.url, good_store)
    early = run_cli("diff", site.url, "--to", "2000-01-01", "--config", str(config))
    assert early.returncode == 7, early.stderr
    assert "No hay versiones" in one_line(early)
    late = run_cli("diff", site.url, "--to", "2999-12-31", "--config", str(config))
    assert late.returncode == 0, late.stderr


# -- 5. a stale GELT_RUN_LOCK in the operator's environment ---------------------------------------
def test_stale_run_lock_variable_does_not_let_two_crawls_write_one_store(serve, tmp_path):
    # The slow page holds the first crawl under way until both others have tried (a fixed delay
    # was outrun by two process starts on a loaded machine).
    release = threading.Event()

    def held(path: str) -> None:
        if path == "/lenta/":
            release.wait(120)
        return None  # then the route table answers

    slow = serve({"/": page("Inicio", links=("/lenta/",)), "/lenta/": page("Lenta")}, dynamic=held)
    config = write_config(tmp_path, slow.url, timeout=150)
    db, lock = tmp_path / "gelt.db", tmp_path / "gelt.db.lock"
    env = {**os.environ, "GELT_RUN_LOCK": str(lock)}  # the old form: a bare path
    cmd = [sys.executable, "-m", "gelt_audit", "crawl", "--config", str(config)]
    first = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_for(lambda: rows(db, "select id from crawls where status = 'running'"), 30, "first crawl")
        # The new form with a descriptor that is not the lock file, then one that is the lock
        # file but does not hold its lock: both must take the lock for real, and be refused.
        second = subprocess.run(
            cmd, env={**env, "GELT_RUN_LOCK": f"0:{lock}"}, capture_output=True, text=True, timeout=60
        )
        assert second.returncode == 6, second.stderr
        assert "rastreo" in one_line(second)
        fd = os.open(lock, os.O_RDWR)
        try:
            third = subprocess.run(
                cmd,
                env={**env, "GELT_RUN_LOCK": f"{fd}:{lock}"},
                pass_fds=(fd,),
                capture_output=True,
                text=True,
                timeout=60,
            )
        finally:
            os.close(fd)
        assert third.returncode == 6, third.stderr
        assert "rastreo" in one_line(third)
        assert first.poll() is None  # still crawling while both were refused
        release.set()
        _, err = first.communicate(timeout=60)
    finally:
        release.set()
        if first.poll() is None:
            first.kill()
    assert first.returncode == 0, err
    assert rows(db, "select status from crawls") == [("finished",)]


def test_run_still_hands_its_lock_to_the_crawl(site, tmp_path):
    config = write_config(tmp_path, site.url)
    result = run_cli("run", "--reports", "none", "--config", str(config))
    assert result.returncode == 0, result.stderr
    assert rows(tmp_path / "gelt.db", "select result from runs") == [("ok",)]
    assert rows(tmp_path / "gelt.db", "select status from crawls") == [("finished",)]
    shutil.rmtree(tmp_path / "informes", ignore_errors=True)
