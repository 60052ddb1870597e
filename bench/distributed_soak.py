"""Soak of the distributed crawl: many random worker SIGKILLs, compared with a one-process crawl.

    python bench/distributed_soak.py                    # >= 50 kills, 3 workers, 200 pages x 40 links
    python bench/distributed_soak.py --kills 10 --pages 100   # a quick look

Needs Debian's redis-server; everything listens on 127.0.0.1, in a temporary folder removed at
the end. The site (gelt_audit.demo.server, in this process) has ``--pages`` pages that each link
to ``--links`` others, answered after ``--latency`` seconds, so callbacks yield many requests and
requests are in flight when a worker dies. First one crawl in one process: the reference. Then
rounds of ``crawl --redis`` with ``--workers`` workers; during each round a random worker holding
requests in flight is SIGKILLed every 0.1-0.8 s (random) and replaced, at most ``--per-round``
times, until ``--kills`` kills in all. Per round:

- lost: pages of the reference missing from the round's crawl;
- extra: pages the round stored that the reference did not;
- duplicated rows: (crawl, page) pairs stored more than once;
- depth/status differences with the reference (same URL, another depth or status);
- refetched: GETs the site served more than once in the round (a page whose worker died
  before its results were sent is fetched again: expected, and bounded by the requeued count);
- the crawl's status and the coordinator's exit code;
- presumed dead: workers the coordinator declared dead (heartbeat expired: its warning «sin señal
  de vida») that the soak never killed, a live worker too slow to renew its heartbeat (whose
  requests in flight are then fetched twice).

Writes bench/results-distributed-soak-<date>.json and prints a summary.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import redis

from gelt_audit import clock
from gelt_audit.demo.server import Resource, SiteServer

HERE = Path(__file__).resolve().parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def html(title: str, links: list[str]) -> Resource:
    anchors = "".join(f'<li><a href="{u}">Enlace {u}</a></li>' for u in links)
    body = f"<!doctype html><html lang='es'><head><title>{title}</title></head><body><main><h1>{title}</h1>"
    body += f"<ul>{anchors}</ul></main></body></html>"
    return Resource(body.encode(), headers={"Content-Type": "text/html; charset=utf-8"})


def grid_site(pages: int, links: int, seed: int = 7) -> dict[str, Resource]:
    rng = random.Random(seed)
    routes = {"/": html("Inicio", [f"/g{i}/" for i in range(10)])}
    for i in range(pages):
        routes[f"/g{i}/"] = html(f"Página {i}", [f"/g{j}/" for j in rng.sample(range(pages), links)])
    return routes


def write_config(folder: Path, url: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "gelt.toml"
    path.write_text(
        f'[site]\nname = "Soak"\nurl = "{url}"\ndelay = 0\nautothrottle = false\nconcurrency = 4\n\n'
        '[store]\npath = "gelt.db"\n\n[accessibility]\nbrowser = "off"\n',
        encoding="utf-8",
    )
    return path


def snapshots(db: Path) -> list[dict]:
    with sqlite3.connect(db) as conn:
        crawls = conn.execute("select id, status, pages from crawls order by id").fetchall()
        out = []
        for crawl_id, status, pages in crawls:
            rows = conn.execute(
                "select p.url, s.status, s.depth from snapshots s join pages p on p.id = s.page_id where s.crawl_id = ?",
                [crawl_id],
            ).fetchall()
            out.append({"id": crawl_id, "status": status, "pages": pages, "rows": rows})
    return out


def worker(url: str, env: dict) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "gelt_audit", "worker", "--redis", url, "--exit-idle", "120"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
    )  # fmt: skip


def holders(client: redis.Redis, procs: list[subprocess.Popen]) -> list[subprocess.Popen]:
    """The live workers that hold requests in flight now (tokens are host:pid:uuid#n)."""
    pids = set()
    for key in client.keys("gelt:*:inflight"):
        pids |= {t.decode().rsplit("#", 1)[0].split(":")[1] for t in client.hkeys(key)}
    return [p for p in procs if p.poll() is None and str(p.pid) in pids]


def declared_dead(log: str) -> set[str]:
    """Worker ids (host:pid:random) the coordinator's log says lost their heartbeat."""
    found = re.findall(r"sin señal de vida: (.*?); \d+ petición", log)
    return {w for names in found for w in names.split(", ")}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--per-round", type=int, default=10, help="kills per crawl (then the next crawl)")
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--links", type=int, default=40)
    parser.add_argument("--latency", type=float, default=0.02)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    redis_server = shutil.which("redis-server") or "/usr/bin/redis-server"
    tmp = Path(tempfile.mkdtemp(prefix="gelt-soak-"))
    port = free_port()
    rproc = subprocess.Popen(
        [redis_server, "--port", str(port), "--bind", "127.0.0.1", "--dir", str(tmp), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url)
    site = SiteServer(grid_site(args.pages, args.links), dynamic=lambda path: time.sleep(args.latency)).start()
    env = {**os.environ, "GELT_WORKER_HEARTBEAT": "1.5"}
    procs: list[subprocess.Popen] = []
    rounds = []
    try:
        for _ in range(100):
            try:
                client.ping()
                break
            except redis.ConnectionError:
                time.sleep(0.05)
        started = time.monotonic()
        one = subprocess.run(
            [sys.executable, "-m", "gelt_audit", "crawl", "--config", str(write_config(tmp / "uno", site.url))],
            capture_output=True, text=True,
        )  # fmt: skip
        reference = snapshots(tmp / "uno" / "gelt.db")[0]
        expected = {url: (status, depth) for url, status, depth in reference["rows"]}
        print(f"Referencia (un proceso): {len(expected)} páginas, {reference['status']}, código {one.returncode}, "
              f"{time.monotonic() - started:.1f} s")  # fmt: skip
        config = write_config(tmp / "red", site.url)
        rng = random.Random()
        kills = 0
        killed: set[str] = set()  # pids, as in the worker ids the coordinator names
        n = 0
        while kills < args.kills:
            n += 1
            procs += [worker(url, env) for _ in range(args.workers)]
            time.sleep(2)  # workers ready
            site.requests.clear()
            requeued_before = int(client.get("gelt:stats:requeued") or 0)
            coordinator = subprocess.Popen(
                [sys.executable, "-m", "gelt_audit", "crawl", "--config", str(config), "--redis", url],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            )  # fmt: skip
            round_kills = 0
            t0 = time.monotonic()
            while coordinator.poll() is None:
                time.sleep(rng.uniform(0.1, 0.8))
                live = holders(client, procs)
                if coordinator.poll() is None and live and kills < args.kills and round_kills < args.per_round:
                    victim = rng.choice(live)
                    victim.send_signal(signal.SIGKILL)
                    killed.add(str(victim.pid))
                    kills += 1
                    round_kills += 1
                    procs.append(worker(url, env))
            _, err = coordinator.communicate()
            crawl = snapshots(tmp / "red" / "gelt.db")[-1]
            got = Counter(u for u, _, _ in crawl["rows"])
            rows = {u: (s, d) for u, s, d in crawl["rows"]}
            fetched = Counter(p for m, p, _ in site.requests if m == "GET" and p != "/robots.txt")
            result = {
                "round": n,
                "kills": round_kills,
                "exit": coordinator.returncode,
                "status": crawl["status"],
                "pages": len(rows),
                "lost": sorted(set(expected) - set(rows)),
                "extra": sorted(set(rows) - set(expected)),
                "duplicated_rows": sum(c - 1 for c in got.values() if c > 1),
                "different": sorted(u for u in rows if u in expected and rows[u] != expected[u]),
                "refetched": sum(c - 1 for c in fetched.values() if c > 1),
                "requeued": int(client.get("gelt:stats:requeued") or 0) - requeued_before,
                "seconds": round(time.monotonic() - t0, 1),
                "presumed_dead": sorted(w for w in declared_dead(err) if w.split(":")[1] not in killed),
                "stderr_tail": err.strip().splitlines()[-2:],
            }
            rounds.append(result)
            print(
                f"Ronda {n}: {round_kills} muertes, código {result['exit']}, {result['status']}, {result['pages']} "
                f"páginas, perdidas {len(result['lost'])}, sobrantes {len(result['extra'])}, filas duplicadas "
                f"{result['duplicated_rows']}, distintas {len(result['different'])}, repetidas en el servidor "
                f"{result['refetched']} (reencoladas {result['requeued']}), vivos dados por muertos "
                f"{len(result['presumed_dead'])}, {result['seconds']} s"
            )
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
        # Reaped, so that the CPU of the workers still alive at the end (and of Redis) counts
        # in this process's children (os.wait4, time -v), not only that of the killed ones.
        for proc in procs:
            proc.wait()
        site.stop()
        rproc.kill()
        rproc.wait()
        shutil.rmtree(tmp, ignore_errors=True)
    summary = {
        "date": clock.now().isoformat(timespec="seconds"),
        "params": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
        "reference_pages": len(expected),
        "kills": sum(r["kills"] for r in rounds),
        "rounds": len(rounds),
        "lost": sum(len(r["lost"]) for r in rounds),
        "extra": sum(len(r["extra"]) for r in rounds),
        "duplicated_rows": sum(r["duplicated_rows"] for r in rounds),
        "different": sum(len(r["different"]) for r in rounds),
        "refetched": sum(r["refetched"] for r in rounds),
        "requeued": sum(r["requeued"] for r in rounds),
        "presumed_dead": sum(len(r["presumed_dead"]) for r in rounds),
        "not_finished": sum(1 for r in rounds if r["status"] != "finished" or r["exit"] != 0),
        "per_round": rounds,
    }
    out = args.out or HERE / f"results-distributed-soak-{clock.now().date().isoformat()}.json"
    out.write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    print(json.dumps({k: v for k, v in summary.items() if k != "per_round"}, ensure_ascii=False))
    return 0 if summary["lost"] == summary["duplicated_rows"] == summary["not_finished"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
