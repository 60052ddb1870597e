"""What a cold report holds per page: its peak in this process, what each garbage collection
frees, and what the checklist's first site index allocates that is still alive (issue 21, H263).

    python bench/slope_probe.py COPY/gelt.toml                # peak RSS, CPU, JSON digest
    python bench/slope_probe.py COPY/gelt.toml --gc           # and each collection (cycles freed)
    python bench/slope_probe.py COPY/gelt.toml --trace 30     # tracemalloc: the 30 lines holding most

Runs ``report --format json`` (``reports.write.report_command``, as ``bench/malloc_lever.py``) in
this process on a copy of a store with its audit caches emptied (``bench/weekly.py``'s ``prepare``;
never the bench's own store: ``prepare`` checkpoints it). Prints on stderr the process's peak
(``ru_maxrss``, read before the JSON is), its CPU and the sha256 of the JSON without
``generated_at``. ``--gc``: each full collection with what it freed and the RSS around it, and the
count per generation (a parse that made reference cycles would free thousands each time).
``--trace N``: tracemalloc started when the first ``index_site`` starts and read where it forgets
the parse caches (after reading the pages, after the phrase indexes): the N source lines whose
allocations since then are alive (tracemalloc's own tables inflate the RSS printed). Measure two
sizes (e.g. 2,000 and 6,000 pages) to read a slope. ``PYTHONPATH`` chooses the code measured;
``PYTHONMALLOC=malloc`` in the environment measures glibc's allocator for every object.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import re
import resource
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

from memory_step_probe import proc_status as status

_GENERATED = re.compile(rb'"generated_at": ?"[^"]*"')
COUNTS = {0: [0, 0], 1: [0, 0], 2: [0, 0]}  # generation -> [collections, objects freed]
_STARTED: dict[str, float] = {}


def _collected(phase: str, info: dict[str, Any]) -> None:
    generation = info["generation"]
    if phase == "start":
        _STARTED["cpu"], _STARTED["rss"] = time.process_time(), status()["VmRSS"]
        return
    COUNTS[generation][0] += 1
    COUNTS[generation][1] += info["collected"]
    if generation == 2:
        took = time.process_time() - _STARTED["cpu"]
        print(
            f"  gc2 freed {info['collected']:8d}  rss {_STARTED['rss']:.1f} -> {status()['VmRSS']:.1f}  {took:.2f} s",
            file=sys.stderr,
            flush=True,
        )


def _trace(lines: int) -> None:
    """tracemalloc from the first ``index_site`` to its second ``forget_parse_caches``."""
    import gelt_audit.audits.checklist as checklist
    import gelt_audit.audits.checklist.audit as audit
    import gelt_audit.audits.checklist.index as index
    import gelt_audit.audits.checklist.judge as judge

    forget, index_site, calls = index.forget_parse_caches, index.index_site, [0]

    def traced_forget() -> None:
        calls[0] += 1
        if calls[0] <= 2 and tracemalloc.is_tracing():
            stats = tracemalloc.take_snapshot().statistics("lineno")
            total = sum(s.size for s in stats)
            print(f"== forget_parse_caches #{calls[0]}: {total / 1e6:.1f} MB alive since index_site", file=sys.stderr)
            for s in stats[:lines]:
                where = s.traceback[0]
                name = where.filename.split("gelt_audit/")[-1]
                print(f"  {s.size / 1e6:7.2f} MB {s.count:8d}  {name}:{where.lineno}", file=sys.stderr)
            if calls[0] == 2:
                tracemalloc.stop()
        forget()

    def traced_index_site(*args: Any, **kwargs: Any) -> Any:
        if calls[0] == 0:
            tracemalloc.start(1)
        return index_site(*args, **kwargs)

    index.forget_parse_caches = audit.forget_parse_caches = traced_forget  # type: ignore[assignment]
    for module in (checklist, judge, audit):
        module.index_site = traced_index_site  # type: ignore[attr-defined]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("config", help="gelt.toml de una copia del almacén con las cachés vaciadas")
    ap.add_argument("--gc", action="store_true", help="cada recolección completa y lo que libera")
    ap.add_argument("--trace", type=int, default=0, metavar="N", help="las N líneas con más memoria viva (lento)")
    args = ap.parse_args()
    if args.gc:
        gc.callbacks.append(_collected)
    if args.trace:
        _trace(args.trace)
    import gelt_audit.reports.write as write
    from gelt_audit.config import load_config

    out = Path(args.config).parent / "informe-slope.json"
    t0 = time.process_time()
    write.report_command(load_config(args.config), None, "json", str(out), None)
    cpu = time.process_time() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # before this script reads the JSON
    digest = hashlib.sha256(_GENERATED.sub(b'"generated_at": ""', out.read_bytes())).hexdigest()[:12]
    print(f"RESULT peak {peak:.1f} MiB, cpu {cpu:.1f} s, json {digest}, gc {COUNTS}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
