"""Two versions of the tool (two source trees) and the fair baseline, crawling the same site, interleaved.

    python bench/ab.py --a /tmp/tree-a --b /tmp/tree-b [--c /tmp/tree-c] [--n 1000] [--rounds 3] [--server nginx|http.server]

Each tree is a copy of the repository (``git archive REV | tar -x -C DIR``); its ``gelt_audit`` is
put first on PYTHONPATH for its crawls. Per round, in an order that rotates: the fair baseline
(bench/baseline.py --fair), the first crawl of A, the first crawl of B (and of C, if given), each
in a fresh store.
Prints CPU per response (user + system of the child) and wall time, and the A/B and
tool/fair-baseline ratios round by round: on a machine shared with other work, ratios measured
side by side mean more than absolute times. ``--server http.server`` serves the site with
Python's http.server (HTTP/1.0, a new connection per request) instead of nginx.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import CONCURRENCY, PY, baseline_crawl, run_child, scrapy_stats_from_log, write_config  # noqa: E402
from servers import Nginx, free_port  # noqa: E402
from sitegen import Generator  # noqa: E402


def tool_crawl(tree: Path, work: Path, url: str, n: int) -> dict:
    work.mkdir(parents=True)
    cfg = write_config(work, url, n)
    env = {**os.environ, "PYTHONPATH": str(tree)}
    res = run_child([PY, "-m", "gelt_audit", "crawl", "--config", str(cfg)], work, "crawl", env=env)
    stats = scrapy_stats_from_log(work / "gelt.log")
    res["responses"] = stats.get("response_received_count", 0)
    return res


class HttpServer:
    """python -m http.server on 127.0.0.1 (HTTP/1.0: the server closes every connection)."""

    def __init__(self, root: Path, port: int):
        self.root, self.port = root, port

    def __enter__(self) -> HttpServer:
        self.proc = subprocess.Popen(
            [PY, "-m", "http.server", str(self.port), "--bind", "127.0.0.1", "--directory", str(self.root)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(1.0)
        return self

    def __exit__(self, *exc: object) -> None:
        self.proc.terminate()
        self.proc.wait(10)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--a", required=True, help="source tree A")
    ap.add_argument("--b", required=True, help="source tree B")
    ap.add_argument("--c", help="source tree C (optional: a third version in the same rounds)")
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--server", choices=["nginx", "http.server"], default="nginx")
    args = ap.parse_args()
    base = Path(tempfile.mkdtemp(prefix="gelt-ab-"))
    base.chmod(0o755)
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    trees = {"A": Path(args.a).resolve(), "B": Path(args.b).resolve()}
    if args.c:
        trees["C"] = Path(args.c).resolve()
    rows: list[dict] = []
    print(f"carga al empezar: {os.getloadavg()[0]:.1f}", flush=True)
    try:
        Generator(args.n, base / "sitio", f"http://localhost:{free_port()}/", "http://localhost:9/", 100).write()
        server = (
            Nginx(base / "nginx", {port: base / "sitio"})
            if args.server == "nginx"
            else HttpServer(base / "sitio", port)
        )
        with server:
            for r in range(args.rounds):
                order = ["fair", *trees]
                order = order[r % len(order) :] + order[: r % len(order)]
                row: dict = {}
                for name in order:
                    work = base / f"r{r}-{name}"
                    if name == "fair":
                        work.mkdir()
                        row[name] = baseline_crawl(url, work, fair=True)
                    else:
                        row[name] = tool_crawl(trees[name], work, url, args.n)
                    p = row[name]
                    print(
                        f"ronda {r + 1} {name}: {p['responses']:.0f} resp., {p['wall']:.1f} s, "
                        f"CPU {p['cpu']:.1f} s = {1000 * p['cpu'] / p['responses']:.2f} ms/resp., "
                        f"RSS máx. {p['rss_mb']:.0f} MB, carga {os.getloadavg()[0]:.1f}",
                        flush=True,
                    )
                rows.append(row)
    finally:
        shutil.rmtree(base, ignore_errors=True)

    def per(p: dict) -> float:
        return p["cpu"] / p["responses"]

    others = [name for name in trees if name != "A"]
    ratios = [(f"{x}/A CPU por respuesta", lambda w, x=x: per(w[x]) / per(w["A"])) for x in others]
    ratios += [(f"{x}/base justa CPU por respuesta", lambda w, x=x: per(w[x]) / per(w["fair"])) for x in trees]
    ratios += [(f"{x}/A tiempo", lambda w, x=x: w[x]["wall"] / w["A"]["wall"]) for x in others]
    ratios += [(f"{x}/A RSS máximo", lambda w, x=x: w[x]["rss_mb"] / w["A"]["rss_mb"]) for x in others]
    for label, fn in ratios:
        values = [fn(w) for w in rows]
        print(f"{label}: mediana {statistics.median(values):.2f} ({', '.join(f'{v:.2f}' for v in values)})")
    print(f"carga al terminar: {os.getloadavg()[0]:.1f} (2 núcleos); servidor {args.server}; N = {args.n}; "
          f"concurrencia {CONCURRENCY}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
