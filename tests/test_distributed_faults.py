"""Distributed crawls under faults: real redis-server, real worker and coordinator processes.

Workers SIGKILLed at random moments of a site whose pages carry many links, a coordinator killed,
stopped by systemd (SIGTERM) and restarted, Redis restarted mid-crawl or gone, two coordinators
on one Redis, a site that answers 503 everywhere. Each ends with the store, status and exit code
one process gives, or with a crawl plainly marked interrupted that the next crawl supersedes.
The long version (50+ random kills) is bench/distributed_soak.py.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from gelt_audit.demo.server import Resource
from tests.helpers import open_db, page, run_cli, write_config
from tests.test_distributed import REDIS_SERVER, free_port

pytestmark = pytest.mark.skipif(REDIS_SERVER is None, reason="redis-server no está instalado")
redis = pytest.importorskip("redis", reason="falta el paquete redis (pip install -e '.[distributed]')")

FAST = "\n[distributed]\nlease_seconds = 2\nredis_outage_seconds = 20\nno_workers_warning_seconds = 1\n"


class RedisServer:
    """A private redis-server on 127.0.0.1 that a test can stop and start again on the same port."""

    def __init__(self, data: Path):
        self.port = free_port()
        self.data = data
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.data), "--save", "",
             "--appendonly", "no", "--protected-mode", "yes"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        client = redis.Redis.from_url(self.url)
        deadline = time.monotonic() + 10
        while True:
            try:
                client.ping()
                return
            except redis.ConnectionError:
                if time.monotonic() > deadline or self.proc.poll() is not None:
                    pytest.fail("redis-server no arrancó")
                time.sleep(0.05)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)


@pytest.fixture
def rs(tmp_path: Path) -> Iterator[RedisServer]:
    (tmp_path / "redis").mkdir()
    server = RedisServer(tmp_path / "redis")
    server.start()
    yield server
    server.stop()


@pytest.fixture
def pool(rs: RedisServer) -> Iterator[callable]:
    """Start `gelt-audit worker` processes (heartbeat 1.5 s); all stopped at the end."""
    procs: list[subprocess.Popen] = []

    def start(n: int, *extra: str) -> list[subprocess.Popen]:
        env = {**os.environ, "GELT_WORKER_HEARTBEAT": "1.5"}
        new = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gelt_audit",
                    "worker",
                    "--redis",
                    rs.url,
                    "--exit-idle",
                    "60",
                    "--redis-outage",
                    "5",
                    *extra,
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                env=env,
            )  # fmt: skip
            for _ in range(n)
        ]
        procs.extend(new)
        return new

    start.procs = procs  # type: ignore[attr-defined]
    yield start
    for proc in procs:
        if proc.poll() is None:
            proc.terminate()
    for proc in procs:
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def grid_site(n: int, links: int, seed: int = 7) -> dict[str, Resource]:
    """``n`` pages, each linking to ``links`` others (a callback yields many requests at once)."""
    rng = random.Random(seed)
    routes = {"/": page("Inicio", links=tuple(f"/g{i}/" for i in range(8)))}
    for i in range(n):
        targets = tuple(f"/g{j}/" for j in rng.sample(range(n), links))
        routes[f"/g{i}/"] = page(f"Página {i}", f"<p>Texto {i}</p>", links=targets)
    return routes


def slow(seconds: float) -> callable:
    def hold(path: str) -> None:
        time.sleep(seconds)

    return hold


def coordinator(config: Path, url: str, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "gelt_audit", "crawl", "--config", str(config), "--redis", url, *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return run_cli(*args, timeout=timeout)


def crawls(db: Path) -> list[tuple]:
    with open_db(db) as conn:
        return conn.execute("select status, pages, error from crawls order by id").fetchall()


def pages_of(db: Path, nth: int = -1) -> set[tuple]:
    """(url, status, kind, depth) of the nth crawl's snapshots."""
    with open_db(db) as conn:
        ids = [r[0] for r in conn.execute("select id from crawls order by id")]
        rows = conn.execute(
            "select p.url, s.status, s.kind, s.depth from snapshots s join pages p on p.id = s.page_id "
            "where s.crawl_id = ?",
            [ids[nth]],
        ).fetchall()
    return {tuple(r) for r in rows}


def wait_for(predicate: callable, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "la condición no se cumplió a tiempo"
        time.sleep(0.05)


def test_workers_killed_at_random_moments_lose_and_duplicate_no_page(serve, tmp_path, rs, pool):
    site = serve(grid_site(80, 40), dynamic=slow(0.02))
    (tmp_path / "uno").mkdir()
    (tmp_path / "red").mkdir()
    one = write_config(tmp_path / "uno", site.url, concurrency=4)
    many = write_config(tmp_path / "red", site.url, FAST, concurrency=4)
    assert cli("crawl", "--config", str(one)).returncode == 0
    expected = pages_of(tmp_path / "uno" / "gelt.db")
    assert len(expected) > 80
    site.requests.clear()

    pool(3)
    proc = coordinator(many, rs.url)
    rng = random.Random()
    kills = 0
    client = redis.Redis.from_url(rs.url)
    while proc.poll() is None and kills < 3:
        time.sleep(rng.uniform(0.2, 1.0))
        holding = set()
        for key in client.keys("gelt:*:inflight"):  # tokens are host:pid:uuid#n
            holding |= {t.decode().rsplit("#", 1)[0].split(":")[1] for t in client.hkeys(key)}
        live = [p for p in pool.procs if p.poll() is None and str(p.pid) in holding]
        if proc.poll() is None and live:
            rng.choice(live).send_signal(signal.SIGKILL)  # during callbacks: pages yield 40 requests each
            kills += 1
            pool(1)
    out, err = proc.communicate(timeout=120)
    assert kills >= 1, "el rastreo terminó antes de matar un trabajador"
    assert proc.returncode == 0, err
    assert crawls(tmp_path / "red" / "gelt.db") == [("finished", len(expected), None)]
    assert pages_of(tmp_path / "red" / "gelt.db") == expected  # every page, once, at one process's depth
    fetched = [p for m, p, _ in site.requests if p != "/robots.txt" and m == "GET"]
    # A page is fetched again only when the worker holding it died before its results were sent.
    assert len(fetched) - len(set(fetched)) <= int(client.get("gelt:stats:requeued") or 0)


def test_a_site_answering_503_everywhere_fails_as_in_one_process(serve, tmp_path, rs, pool):
    site = serve({}, dynamic=lambda path: Resource(b"<h1>Mantenimiento</h1>", status=503))
    (tmp_path / "uno").mkdir()
    (tmp_path / "red").mkdir()
    one = write_config(tmp_path / "uno", site.url)
    many = write_config(tmp_path / "red", site.url, FAST)
    alone = cli("crawl", "--config", str(one))
    pool(2)
    result = cli("crawl", "--config", str(many), "--redis", rs.url)
    assert (alone.returncode, result.returncode) == (3, 3), result.stderr
    assert crawls(tmp_path / "red" / "gelt.db") == crawls(tmp_path / "uno" / "gelt.db")
    assert crawls(tmp_path / "red" / "gelt.db")[0][0] == "failed"


def test_sigterm_interrupts_and_a_killed_coordinator_is_dropped_then_replaced(serve, tmp_path, rs, pool):
    site = serve(grid_site(40, 10), dynamic=slow(0.05))
    config = write_config(tmp_path, site.url, FAST, concurrency=2)
    client = redis.Redis.from_url(rs.url)
    pool(2)

    # systemd stops the coordinator: the crawl is interrupted, its keys gone, no traceback.
    proc = coordinator(config, rs.url)
    wait_for(lambda: len(site.requests) >= 5)
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    assert crawls(tmp_path / "gelt.db")[0][0] == "interrupted"
    assert not client.exists("gelt:coordinator") and not client.smembers("gelt:active")

    # Killed outright: the workers drop the dead run's site once its lease expires; the next
    # coordinator cleans its keys and crawls the site.
    proc = coordinator(config, rs.url)
    wait_for(lambda: client.exists("gelt:active") and len(site.requests) >= 15)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    wait_for(lambda: not client.exists("gelt:coordinator"))
    time.sleep(1.5)  # requests already sent finish
    served = len(site.requests)
    time.sleep(1.5)
    assert len(site.requests) == served  # nobody crawls for a coordinator that is gone
    again = cli("crawl", "--config", str(config), "--redis", rs.url)
    assert again.returncode == 0, again.stderr
    statuses = [row[0] for row in crawls(tmp_path / "gelt.db")]
    assert statuses == ["interrupted", "interrupted", "finished"]
    assert crawls(tmp_path / "gelt.db")[2][1] == 41
    left = {k.decode() for k in client.keys("gelt:*")}
    assert not {k for k in left if not k.startswith(("gelt:worker:", "gelt:next:", "gelt:lease:", "gelt:stats:"))}


def test_two_coordinators_on_one_redis_and_namespaces(serve, tmp_path, rs, pool):
    release = threading.Event()

    def held(path: str) -> None:
        if path == "/g5/":  # the first crawl cannot end before the test has tried the others
            release.wait(60)

    site = serve(grid_site(40, 8), dynamic=held)
    other = serve(grid_site(20, 5, seed=3))
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = write_config(tmp_path / "a", site.url, FAST, concurrency=2)
    second = write_config(tmp_path / "b", other.url, FAST)
    pool(2)
    pool(1, "--namespace", "otro")
    proc = coordinator(first, rs.url)
    wait_for(lambda: len(site.requests) >= 3)
    same = cli("crawl", "--config", str(second), "--redis", rs.url)
    assert same.returncode == 6 and "Ya hay un coordinador activo en el espacio «gelt»" in same.stderr
    separate = cli("crawl", "--config", str(second), "--redis", rs.url, "--namespace", "otro")
    assert separate.returncode == 0, separate.stderr
    release.set()
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert crawls(tmp_path / "a" / "gelt.db") == [("finished", 41, None)]
    assert crawls(tmp_path / "b" / "gelt.db") == [("finished", 21, None)]
    assert not [u for u, *_ in pages_of(tmp_path / "a" / "gelt.db") if not u.startswith(site.url)]


def test_redis_restarted_mid_crawl_or_gone_ends_interrupted_without_traceback(serve, tmp_path, rs, pool):
    site = serve(grid_site(40, 10), dynamic=slow(0.05))
    config = write_config(tmp_path, site.url, FAST, concurrency=2)
    pool(2)
    proc = coordinator(config, rs.url)
    wait_for(lambda: len(site.requests) >= 10)
    rs.stop()  # restarted without persistence: the crawl's state in Redis is gone
    time.sleep(1)
    rs.start()
    out, err = proc.communicate(timeout=90)
    assert proc.returncode == 4, err
    assert "Traceback" not in err
    status, _, error = crawls(tmp_path / "gelt.db")[0]
    assert status == "interrupted" and "Redis perdió el estado" in error

    # Redis gone for longer than distributed.redis_outage_seconds: interrupted in the store alone.
    config.write_text(config.read_text().replace("redis_outage_seconds = 20", "redis_outage_seconds = 2"))
    client = redis.Redis.from_url(rs.url)
    proc = coordinator(config, rs.url)
    wait_for(lambda: client.scard("gelt:active") == 1)
    before = len(site.requests)
    wait_for(lambda: len(site.requests) >= before + 5)
    rs.stop()
    out, err = proc.communicate(timeout=90)
    assert proc.returncode == 4, err
    assert "Traceback" not in err and "se perdió la conexión con Redis" in err
    assert [row[0] for row in crawls(tmp_path / "gelt.db")] == ["interrupted", "interrupted"]
    for worker in pool.procs:  # blocked in their own Redis retries: SIGTERM would wait for them
        worker.kill()


def test_operator_errors_version_mismatch_purge_and_no_workers(tmp_path, rs, serve):
    bad = cli("worker", "--redis", "http://127.0.0.1:6379/")
    assert bad.returncode == 2 and "no es una dirección de Redis" in bad.stderr and "Traceback" not in bad.stderr

    # A coordinator of another version: the worker refuses its sites and says why.
    from gelt_audit.crawler.distributed.protocol import dumps

    client = redis.Redis.from_url(rs.url)
    client.set("gelt:coordinator", "viejo", px=60000)
    client.set("gelt:site:viejo:1", dumps({"k": "viejo:1", "version": "0.0.1/protocolo 1", "settings": {}}))
    client.sadd("gelt:active", "viejo:1")
    worker = subprocess.Popen([sys.executable, "-m", "gelt_audit", "worker", "--redis", rs.url],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        wait_for(lambda: client.hlen("gelt:refused") == 1)
    finally:
        worker.terminate()
        worker.wait(timeout=15)
    assert "instale la misma versión" in next(iter(client.hvals("gelt:refused"))).decode()

    # Clearing a stuck run: refused while its coordinator's lease lives, then done with --force.
    held = cli("worker", "--redis", rs.url, "--purge")
    assert held.returncode == 6 and "sigue activo" in held.stderr
    done = cli("worker", "--redis", rs.url, "--purge", "--force")
    assert done.returncode == 0, done.stderr
    assert not client.keys("gelt:*")

    # A coordinator with no worker says so instead of waiting in silence.
    site = serve({"/": page("Inicio")})
    config = write_config(tmp_path, site.url, FAST)
    proc = coordinator(config, rs.url)
    line = proc.stderr.readline()
    proc.send_signal(signal.SIGTERM)
    proc.communicate(timeout=30)
    assert "ningún trabajador conectado" in line


def test_run_crawls_through_redis_under_its_lock(serve, tmp_path, rs, pool):
    site = serve(grid_site(6, 3))
    config = write_config(tmp_path, site.url, FAST)
    pool(1)
    result = cli("run", "--config", str(config), "--redis", rs.url, "--reports", "none")
    assert result.returncode == 0, result.stderr
    assert crawls(tmp_path / "gelt.db") == [("finished", 9, None)]  # 6 pages, 2 links to 404s, home
    with open_db(tmp_path / "gelt.db") as conn:
        assert conn.execute("select job, result from runs").fetchall() == [("run", "ok")]
    assert {m for m, p, _ in site.requests if p == "/g0/"} == {"GET"}  # crawled by the worker, once
