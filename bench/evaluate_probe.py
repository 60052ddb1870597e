"""What each checklist ``evaluate`` of a cold JSON report's latest crawl holds (issue 21, H269).

    python bench/evaluate_probe.py COPY/gelt.toml          # the 20 lines each evaluate leaves held
    python bench/evaluate_probe.py COPY/gelt.toml 40       # the 40

Runs ``report --format json`` on a copy of a store with its audit caches emptied and, around each
``evaluate`` of the first crawl judged (one per profile), runs tracemalloc (4 frames): prints on
stderr the RSS and peak before and after, the Python heap the call leaves held and its peak inside
the call, and the source lines of what it left held (the allocating line first, then its
callers), largest first. Stops
after the first crawl's evaluations (the previous crawl's index is not built). ``PYTHONPATH``
chooses the code measured. Run it on a copy: it writes the audit caches.
"""

from __future__ import annotations

import functools
import sys
import tracemalloc
from pathlib import Path
from typing import Any

from memory_step_probe import proc_status as status

MB = 2**20


class _Done(Exception):
    pass


def main() -> int:
    cfg = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    import gelt_audit.audits.checklist.audit as audit
    import gelt_audit.reports.write as write
    from gelt_audit.config import load_config

    calls = {"evaluate": 0, "index": 0}
    evaluate, index_site = audit.evaluate, audit.index_site

    @functools.wraps(index_site)
    def indexed(*args: Any, **kwargs: Any) -> Any:
        calls["index"] += 1
        if calls["index"] > 1:
            raise _Done
        return index_site(*args, **kwargs)

    @functools.wraps(evaluate)
    def traced(*args: Any, **kwargs: Any) -> Any:
        calls["evaluate"] += 1
        before = status()
        tracemalloc.start(4)
        result = evaluate(*args, **kwargs)
        held, peak = tracemalloc.get_traced_memory()
        snap = tracemalloc.take_snapshot()
        tracemalloc.stop()
        after = status()
        print(
            f"evaluate {calls['evaluate']}: rss {before['VmRSS']:.1f} -> {after['VmRSS']:.1f}, "
            f"hwm {before['VmHWM']:.1f} -> {after['VmHWM']:.1f}; python held {held / MB:.1f} peak {peak / MB:.1f} MiB",
            file=sys.stderr,
            flush=True,
        )
        for stat in snap.statistics("traceback")[:top]:
            where = " <- ".join(f"{f.filename.split('gelt_audit/')[-1]}:{f.lineno}" for f in reversed(stat.traceback))
            print(f"    {stat.size / MB:7.2f} MB {stat.count:8} {where}", file=sys.stderr)
        return result

    audit.evaluate, audit.index_site = traced, indexed
    try:
        write.report_command(load_config(cfg), None, "json", str(Path(cfg).parent / "informe-eval.json"), None)
    except _Done:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
