"""What rereads.reread costs on a site whose template always leaves a div open in its header.

    .venv/bin/python bench/rereads_cost.py WORK SITE BASE_SRC [--weeks 2]

SITE: a bench site (bench/sitegen.py; copied to WORK, never written in place); each page's
``<header>`` gets a ``<div class="marca">`` it never closes (the template's fault). Crawl 1, then
``--weeks`` times: 3 % of the pages edited (bench/run.change_pages), a crawl, and ``report --format
json`` run twice on copies of the store by this tree and by BASE_SRC (a source root for
PYTHONPATH, e.g. ``git archive <commit> | tar -x``), interleaved (base, new, new, base), with the
CPU seconds of each child (os.wait4). The JSON reports of both must be identical but for generated_at.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import change_pages, write_config  # noqa: E402
from servers import Nginx, free_port  # noqa: E402

PY = sys.executable
CACHES = ("body_audits", "crawl_summaries", "portfolio_summaries")
GENERATED = re.compile(rb'"generated_at": ?"[^"]*"')


def child(cmd: list[str], cwd: Path, env: dict[str, str], out: Path) -> tuple[float, float]:
    start = time.time()
    with out.open("wb") as stdout:
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=stdout, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
    if status:
        raise SystemExit(f"{cmd} failed: {proc.stderr.read().decode()[-2000:]}")
    return time.time() - start, usage.ru_utime + usage.ru_stime


def open_the_header(site: Path) -> int:
    opened = 0
    for page in site.rglob("*.html"):
        html = page.read_bytes()
        if b"<header>" in html:
            page.write_bytes(html.replace(b"<header>", b'<header><div class="marca">', 1))
            opened += 1
    return opened


def main() -> None:
    work, site_src, base_src = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    weeks = int(sys.argv[sys.argv.index("--weeks") + 1]) if "--weeks" in sys.argv else 2
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    site = work / "sitio"
    shutil.copytree(site_src, site)
    print("pages with the header left open:", open_the_header(site), flush=True)
    port = free_port()
    n = sum(1 for _ in site.rglob("*.html"))
    crawls = work / "rastreos"
    crawls.mkdir()
    cfg = write_config(crawls, f"http://127.0.0.1:{port}/", n)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    with Nginx(work / "nginx", {port: site}):
        for week in range(weeks + 1):
            if week:
                print(f"week {week}: pages edited", change_pages(site, 0.03, seed=week), flush=True)
            wall, cpu = child([PY, "-m", "gelt_audit", "crawl", "--config", str(cfg)], crawls, env, work / "crawl.out")
            print(f"crawl {week + 1}: wall {wall:.1f} s, CPU {cpu:.1f} s, load {os.getloadavg()[0]:.1f}", flush=True)
            if not week:
                continue
            for name in ("base", "new"):  # each version audits its own copy of the store
                copy = work / f"{name}-{week}"
                copy.mkdir()
                shutil.copy(crawls / "gelt.db", copy / "gelt.db")
                shutil.copy(cfg, copy / "gelt.toml")
                if week > 1:  # what that version kept when it audited last week
                    with sqlite3.connect(copy / "gelt.db") as db:
                        db.execute("attach ? as before", [str(work / f"{name}-{week - 1}" / "gelt.db")])
                        for table in CACHES:
                            db.execute(f"delete from {table}")
                            db.execute(f"insert into {table} select * from before.{table}")
            reports: dict[str, list[bytes]] = {}
            for run, name in enumerate(("base", "new", "new", "base")):
                copy = work / f"{name}-{week}"
                run_env = {**env, "PYTHONPATH": base_src} if name == "base" else env
                out = copy / f"informe-{run}.json"
                cmd = [PY, "-m", "gelt_audit", "report", "--format", "json", "--config", str(copy / "gelt.toml")]
                wall, cpu = child(cmd, copy, run_env, out)
                reports.setdefault(name, []).append(GENERATED.sub(b"", out.read_bytes()))
                print(f"week {week} report {name}: wall {wall:.2f} s, CPU {cpu:.2f} s, load {os.getloadavg()[0]:.1f}")
            same = len({r for rs in reports.values() for r in rs}) == 1
            print(f"week {week}: JSON reports identical across versions and runs: {same}", flush=True)


if __name__ == "__main__":
    main()
