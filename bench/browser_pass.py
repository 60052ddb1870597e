"""Cost of the browser accessibility pass on a weekly run of a 2,000-page site (2-core machine).

Usage: python bench/browser_pass.py [--pages 2000] [--max-pages 20] [--output bench/results-browser-<date>.json]

Generates the synthetic municipal site of bench/sitegen.py, serves it with nginx on 127.0.0.1,
crawls it with the tool, then runs the browser pass exactly as a weekly run does (its own process,
``python -m gelt_audit.audits.browser_process``: page selection over every stored page, Chromium,
axe-core on up to ``max_pages`` pages). Measured: wall time of the pass, pages rendered per second
(over the pass's wall time, start-up and page selection included; and over the time left once the
page selection, timed apart, is taken out), and the peak resident memory of the
pass's whole process tree (Python, Playwright's driver, Chromium), sampled from /proc every 0.1 s.
Needs Debian's nginx and chromium.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from act_report import _tree_rss_kib  # noqa: E402
from run import PY, run_child, write_config  # noqa: E402
from servers import BlackHole, Nginx, free_port  # noqa: E402
from sitegen import Generator, write_externals  # noqa: E402

from gelt_audit import clock  # noqa: E402
from gelt_audit.audits.browser import CHROMIUM  # noqa: E402
from gelt_audit.audits.browser_pass import select_pages  # noqa: E402
from gelt_audit.store import Store  # noqa: E402


def measure_pass(db: Path, max_pages: int) -> dict:
    """Run the isolated browser pass on the last crawl of ``db``; time, pages, peak tree RSS."""
    with Store(db) as store:
        crawl = store.latest_crawl()
        html_pages = sum(1 for s in store.snapshots(crawl.id) if "html" in (s["content_type"] or ""))
        start = time.monotonic()
        select_pages(store, crawl, max_pages)  # the pass does it again: this is its share of the time
        selection = time.monotonic() - start
    cmd = [PY, "-m", "gelt_audit.audits.browser_process", str(db), str(crawl.id), "0", "auto", str(max_pages), CHROMIUM]
    peak = [0]
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], _tree_rss_kib(proc.pid))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate(timeout=1800)
    seconds = time.monotonic() - start
    done.set()
    sampler.join()
    if proc.returncode != 0:
        raise RuntimeError(err.decode(errors="replace")[-2000:])
    result = json.loads(out)
    rendered = len(result["pages_checked"])
    return {
        "state": result["state"],
        "html_pages_stored": html_pages,
        "max_pages": max_pages,
        "pages_rendered": rendered,
        "findings": len(result["findings"]),
        "templates_with_findings": len({f["template"] for f in result["findings"]}),
        "seconds": round(seconds, 1),
        "selection_seconds": round(selection, 1),
        "render_pages_per_s": round(rendered / (seconds - selection), 2) if seconds > selection else None,
        "pages_per_s": round(rendered / seconds, 2) if seconds else None,
        "peak_rss_mib": round(peak[0] / 1024),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=2000)
    ap.add_argument("--max-pages", type=int, default=20, help="[accessibility] max_pages (default of the tool: 20)")
    ap.add_argument("--output", type=Path)
    args = ap.parse_args()
    base = Path(tempfile.mkdtemp(prefix="gelt-bench-browser-"))
    os.chmod(base, 0o755)
    site_port, hang_port = free_port(), free_port()
    url = f"http://127.0.0.1:{site_port}/"
    write_externals(base / "externos", 10)
    with BlackHole(hang_port):
        Generator(
            args.pages, base / "sitio", f"http://localhost:{free_port()}/", f"http://localhost:{hang_port}/", 10
        ).write()
        with Nginx(base, {site_port: base / "sitio"}):
            work = base / "trabajo"
            work.mkdir()
            cfg = write_config(work, url, args.pages)
            crawl = run_child([PY, "-m", "gelt_audit", "crawl", "--config", str(cfg)], work, "crawl")
    figures = measure_pass(work / "gelt.db", args.max_pages)
    figures["load_avg"] = round(os.getloadavg()[0], 1)  # other processes on the machine skew the figures
    figures.update(date=clock.today().isoformat(), crawl_seconds=round(crawl["wall"], 1), cores=os.cpu_count())
    output = args.output or HERE / f"results-browser-{figures['date']}.json"
    output.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
