"""Distributed crawl benchmark: pages/s and CPU per page for 1, 2 and 4 Redis workers on one machine.

    python bench/distributed.py                      # 100 sites x 200 pages, workers 1, 2, 4 (~15 min on 2 cores)
    python bench/distributed.py --sites 20 --pages 100 --workers 1,2   # a quick look

Needs Debian's nginx and redis-server (``apt-get install nginx redis-server``); installs nothing.
Everything listens on 127.0.0.1 only, in a temporary folder removed at the end.

One synthetic municipal site (bench/sitegen.py) is served by nginx on one port per site, so the
portfolio has ``--sites`` distinct hosts. Per worker count: a fresh store, the workers started and
ready, then ``gelt-audit crawl --redis`` timed from start to exit. Also the same portfolio in one
process (``crawl`` without Redis) for comparison. CPU time of each process comes from /proc (workers,
Redis, nginx) and from wait4 (the coordinator); "CPU per page" adds workers, coordinator and Redis.
The politeness delay is 0 and each site's concurrency 4: the figures measure the tool's CPU cost,
not a municipal server's speed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from gelt_audit import clock

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from servers import Nginx, free_port  # noqa: E402
from sitegen import Generator  # noqa: E402

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a live process (and its waited-for children), from /proc."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    utime, stime, cutime, cstime = (int(x) for x in fields[11:15])
    return (utime + stime + cutime + cstime) / TICKS


def config_text(store: str, urls: list[str], at_once: int) -> str:
    sites = "".join(
        f'\n[[portfolio.sites]]\nname = "Sitio {i}"\ndepartment = "D{i % 5}"\nurl = "{u}"\n' for i, u in enumerate(urls)
    )
    return (
        "[site]\ndelay = 0\nautothrottle = false\nconcurrency = 4\nmax_pages = 100000\n\n"
        f'[store]\npath = "{store}"\n\n[links]\ncheck_external = false\n\n'
        f"[portfolio]\nmax_sites_at_once = {at_once}\nconcurrency_total = {4 * at_once}\n{sites}"
    )


def wait_for(predicate, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise SystemExit(f"tiempo agotado esperando {what}")
        time.sleep(0.1)


def pages_in(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("select count(*) from snapshots").fetchone()[0]


def run_coordinator(args: list[str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and exit code of one `gelt-audit` child."""
    start = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "gelt_audit", *args],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # fmt: skip
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 4):
        raise SystemExit(f"gelt-audit {' '.join(args)} terminó con {code}: {proc.stderr.read().decode()[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime, code


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sites", type=int, default=100)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--workers", default="1,2,4")
    parser.add_argument("--at-once", type=int, default=16, help="max_sites_at_once")
    parser.add_argument("--no-single", action="store_true", help="skip the one-process comparison")
    parser.add_argument("--output", type=Path, default=None)
    args = parser.parse_args()
    redis_server = shutil.which("redis-server") or "/usr/bin/redis-server"
    if not os.access(redis_server, os.X_OK):
        raise SystemExit("Falta redis-server: sudo apt-get install redis-server")
    import redis

    tmp = Path(tempfile.mkdtemp(prefix="gelt-bench-dist-"))
    tmp.chmod(0o755)  # nginx workers run as another user: they must reach the site files
    results: list[dict] = []
    nginx = redis_proc = None
    try:
        root = tmp / "sitio"
        info = Generator(args.pages, root, "http://127.0.0.1:1", "http://127.0.0.1:1", externals=0).write()
        ports = [free_port() for _ in range(args.sites)]
        nginx = Nginx(tmp / "nginx", {p: root for p in ports})
        nginx.start()
        urls = [f"http://127.0.0.1:{p}/" for p in ports]
        rport = free_port()
        (tmp / "redis").mkdir()
        redis_proc = subprocess.Popen([redis_server, "--port", str(rport), "--bind", "127.0.0.1", "--dir",
                                       str(tmp / "redis"), "--save", "", "--appendonly", "no"],
                                      stdout=subprocess.DEVNULL)  # fmt: skip
        rurl = f"redis://127.0.0.1:{rport}/0"
        client = redis.Redis.from_url(rurl)
        wait_for(lambda: _ping(client), 10, "Redis")
        print(f"{args.sites} sitios x {info.pages} páginas (+{info.documents} documentos c/u), "
              f"{os.cpu_count()} núcleos", flush=True)  # fmt: skip

        if not args.no_single:
            work = tmp / "single"
            work.mkdir()
            (work / "gelt.toml").write_text(config_text("gelt.db", urls, args.at_once))
            nginx_cpu = cpu_seconds(nginx.proc.pid)
            wall, cpu, _ = run_coordinator(["crawl", "--config", str(work / "gelt.toml")])
            pages = pages_in(work / "gelt.db")
            results.append({"mode": "un proceso", "workers": 0, "pages": pages, "wall_s": wall, "pages_per_s": pages / wall,
                            "cpu_workers_s": 0.0, "cpu_coordinator_s": cpu, "cpu_redis_s": 0.0,
                            "cpu_nginx_s": cpu_seconds(nginx.proc.pid) - nginx_cpu})  # fmt: skip
            _show(results[-1])

        for n in [int(x) for x in args.workers.split(",")]:
            client.flushall()
            work = tmp / f"w{n}"
            work.mkdir()
            (work / "gelt.toml").write_text(config_text("gelt.db", urls, args.at_once))
            env = {**os.environ, "GELT_WORKER_HEARTBEAT": "10"}
            procs = [subprocess.Popen([sys.executable, "-m", "gelt_audit", "worker", "--redis", rurl,
                                       "--log-level", "WARNING"], stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL, env=env) for _ in range(n)]  # fmt: skip
            wait_for(lambda n=n: len(client.keys("gelt:worker:*")) >= n, 30, "los trabajadores")
            before = {p.pid: cpu_seconds(p.pid) for p in procs}
            redis_cpu, nginx_cpu = cpu_seconds(redis_proc.pid), cpu_seconds(nginx.proc.pid)
            wall, cpu, _ = run_coordinator(["crawl", "--config", str(work / "gelt.toml"), "--redis", rurl])
            workers_cpu = sum(cpu_seconds(p.pid) - before[p.pid] for p in procs)
            redis_cpu = cpu_seconds(redis_proc.pid) - redis_cpu
            nginx_cpu = cpu_seconds(nginx.proc.pid) - nginx_cpu
            for p in procs:
                p.terminate()
            for p in procs:
                p.wait(30)
            pages = pages_in(work / "gelt.db")
            results.append({"mode": "Redis", "workers": n, "pages": pages, "wall_s": wall, "pages_per_s": pages / wall,
                            "cpu_workers_s": workers_cpu, "cpu_coordinator_s": cpu, "cpu_redis_s": redis_cpu,
                            "cpu_nginx_s": nginx_cpu})  # fmt: skip
            _show(results[-1])
    finally:
        if redis_proc:
            redis_proc.terminate()
            redis_proc.wait(10)
        if nginx:
            nginx.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    report = {
        "date": clock.today().isoformat(), "sites": args.sites, "pages_per_site": args.pages,
        "cores": os.cpu_count(), "max_sites_at_once": args.at_once, "results": results,
    }  # fmt: skip
    out = args.output or HERE / f"results-distributed-{report['date']}.json"
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(f"Resultados en {out}")
    return 0


def _ping(client) -> bool:
    try:
        return bool(client.ping())
    except Exception:
        return False


def _show(r: dict) -> None:
    tool_cpu = r["cpu_workers_s"] + r["cpu_coordinator_s"] + r["cpu_redis_s"]
    print(
        f"{r['mode']:>10} {r['workers']} trab.: {r['pages']} respuestas en {r['wall_s']:.1f} s = "
        f"{r['pages_per_s']:.1f} pág/s; CPU por página {1000 * tool_cpu / max(r['pages'], 1):.1f} ms "
        f"(trabajadores {r['cpu_workers_s']:.0f} s, coordinador {r['cpu_coordinator_s']:.0f} s, "
        f"Redis {r['cpu_redis_s']:.0f} s; nginx {r['cpu_nginx_s']:.0f} s)",
        flush=True,
    )


if __name__ == "__main__":
    socket.setdefaulttimeout(30)
    sys.exit(main())
