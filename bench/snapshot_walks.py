"""CPU spent inside ``Store.snapshots`` in one weekly audit: the walks of each crawl (H267).

Runs ``gelt-audit run --no-crawl --reports all`` in this process on a config (a copy of a bench
store warmed by the code measured or pinned to it: the run writes its caches and reports) and prints,
per crawl, how many walks the audits made, how many rows they were given, how many distinct dict
objects those were, and the CPU seconds (``time.thread_time``) spent inside the generator (its SQL
read and the making of each dict, not what the caller does with it); then the whole week's CPU and
peak RSS. ``PIN`` stands for ``code_version()`` (as ``weekly_ab.py --pin``); ``PYTHONPATH`` chooses
the code. Alternate old and new on fresh copies and take medians:

    cp -a WARM /tmp/w && cd /tmp/w && PIN=HASH PYTHONPATH=/tmp/old python bench/snapshot_walks.py gelt.toml
"""

from __future__ import annotations

import os
import sys
import time
from collections import defaultdict
from typing import Any

import gelt_audit.audits.source_hash as source_hash

if os.environ.get("PIN"):  # before any module binds code_version
    source_hash.code_version = lambda: os.environ["PIN"]

from gelt_audit.store import Store  # noqa: E402

SEEN: dict[int, dict[str, Any]] = defaultdict(lambda: {"walks": 0, "rows": 0, "ids": set(), "cpu": 0.0})
_snapshots = Store.snapshots


def _timed(self: Store, crawl_id: int) -> Any:
    seen = SEEN[crawl_id]
    seen["walks"] += 1
    walk = _snapshots(self, crawl_id)
    while True:
        start = time.thread_time()
        try:
            snap = next(walk)
        except StopIteration:
            seen["cpu"] += time.thread_time() - start
            return
        seen["cpu"] += time.thread_time() - start
        seen["rows"] += 1
        seen["ids"].add(id(snap))  # a freed dict's id may be reused: a lower bound for the old code
        yield snap


Store.snapshots = _timed  # type: ignore[method-assign]

from inprocess import run_week  # noqa: E402


def run(config: str) -> None:
    cpu, rss = run_week(config)
    for crawl_id, seen in sorted(SEEN.items()):
        print(
            f"rastreo {crawl_id}: {seen['walks']} recorridos, {seen['rows']} filas, "
            f"{len(seen['ids'])} dict distintos (cota inferior), {seen['cpu']:.3f} s de CPU dentro"
        )
    inside = sum(s["cpu"] for s in SEEN.values())
    print(f"CPU {cpu:.2f} s (dentro de snapshots {inside:.3f}); RSS máx. {rss:.0f} MB; carga {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    run(sys.argv[1])
