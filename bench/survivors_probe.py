"""What the checklist's first site index leaves alive in a cold JSON report (issue 21, H276).

    python bench/survivors_probe.py COPY/gelt.toml            # the 30 places holding most blocks
    python bench/survivors_probe.py COPY/gelt.toml --top 50 --frames 8

Runs ``report --format json`` (as ``bench/live_probe.py``) on a copy of a store with its audit
caches emptied. tracemalloc starts when the first ``index_site`` starts; when the second one (the
previous crawl's) starts, every block allocated since then and still alive is grouped by where it
was allocated (``--frames`` frames, ``gelt_audit`` and the library) and the places holding most
blocks are printed on stderr, with pymalloc's arena count (``bench/memory_step_probe.py``'s
``PROBE_ARENAS`` line): blocks surviving an index keep its pymalloc arenas (1 MiB each) from being
given back. Slow (tracemalloc traces every allocation of the index); its RSS is not the report's.
``PYTHONPATH`` chooses the code measured. Run it on a copy: it writes the audit caches.
"""

from __future__ import annotations

import argparse
import functools
import sys
import tracemalloc
from pathlib import Path
from typing import Any

from memory_step_probe import _arenas, state


def _report(top: int) -> None:
    snap = tracemalloc.take_snapshot()
    small = [t for t in snap.traces._traces if t[1] <= 512]  # pymalloc's blocks (≤ 512 bytes)
    print(f"alive since the first index: {len(snap.traces)} blocks, {len(small)} of ≤ 512 bytes", file=sys.stderr)
    for stat in snap.statistics("traceback")[:top]:
        print(f"{stat.count:8d} blocks {stat.size / 2**20:7.2f} MiB", file=sys.stderr)
        for frame in stat.traceback.format()[-12:]:
            if frame.strip().startswith("File"):
                print(f"      {frame.strip()}", file=sys.stderr)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("config")
    ap.add_argument("--top", type=int, default=30)
    ap.add_argument("--frames", type=int, default=6)
    args = ap.parse_args()
    import gelt_audit.audits.checklist.audit as audit
    import gelt_audit.reports.write as write
    from gelt_audit.config import load_config

    fn, count = audit.index_site, [0]

    @functools.wraps(fn)
    def index_site(*a: Any, **k: Any) -> Any:
        count[0] += 1
        if count[0] == 1:
            state(f"before index 1 (blocks {sys.getallocatedblocks()}) {_arenas()}")
            tracemalloc.start(args.frames)
        elif count[0] == 2 and tracemalloc.is_tracing():
            _report(args.top)
            tracemalloc.stop()
            state(f"before index 2 (blocks {sys.getallocatedblocks()}) {_arenas()}")
        return fn(*a, **k)

    audit.index_site = index_site
    write.report_command(
        load_config(args.config), None, "json", str(Path(args.config).parent / "informe-surv.json"), None
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
