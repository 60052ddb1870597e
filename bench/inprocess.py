"""The weekly run (``gelt-audit run --no-crawl --reports all``) in this process, for the benches that patch
a class first and count what it does while the week runs (bench/page_makes.py, bench/snapshot_walks.py)."""

from __future__ import annotations

import resource
import time

from gelt_audit.cli import main


def run_week(config: str) -> tuple[float, float]:
    """Run the week on the store of CONFIG; return its CPU seconds and this process's peak RSS in MB."""
    start = time.process_time()
    try:
        main(["run", "--no-crawl", "--reports", "all", "--config", config])
    except SystemExit:
        pass
    return time.process_time() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
