"""cProfile of the checklist step of one weekly audit, as the week finds its caches.

On a copy of a kept bench run (``gelt.db`` and ``gelt.toml``, in ``--work``): the crawl before
``--crawl`` is audited first with the crawl itself hidden (then it is the latest: it keeps what
the next audit carries, as the bench's weeks do), the crawl comes back and is audited with
``audit_checklist`` under cProfile (``time.process_time`` as its clock: CPU, inflated by the
profiler's own calls; the table gives shares). Crawls after ``--crawl`` must be hidden already.

    python bench/weekly_checklist_profile.py /tmp/run3 --work /tmp/w --crawl 3 --out /tmp/p.prof
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

# bench/profile.py would stand for the standard library's module cProfile and pstats import
_HERE = str(Path(__file__).resolve().parent)
sys.path[:] = [p for p in sys.path if p and Path(p).resolve() != Path(_HERE)]
import cProfile  # noqa: E402
import pstats  # noqa: E402

sys.path.insert(0, _HERE)

from weekly_steps import copy  # noqa: E402

from gelt_audit.audits import run  # noqa: E402
from gelt_audit.config import load_config  # noqa: E402
from gelt_audit.store import Store  # noqa: E402

HIDDEN = "oculto-perfil"


def _status(db: Path, crawl_id: int, status: str) -> None:
    with sqlite3.connect(db) as conn:
        conn.execute("update crawls set status = ? where id = ?", [status, crawl_id])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("run", type=Path)
    ap.add_argument("--work", type=Path, required=True)
    ap.add_argument("--crawl", type=int, required=True, help="the week's crawl")
    ap.add_argument("--out", type=Path, required=True, help="the profile (pstats)")
    args = ap.parse_args()
    cfg = copy(args.run, args.work, False)
    os.chdir(args.work)
    _status(args.work / "gelt.db", args.crawl, HIDDEN)
    config = load_config(cfg)
    with Store(config.store_path) as store:
        run.audit(store, config, store.crawl(args.crawl - 1), browser=False)
        store.flush_audits()
    _status(args.work / "gelt.db", args.crawl, "finished")
    prof = cProfile.Profile(time.process_time)
    real = run.audit_checklist
    spent: list[float] = []

    def profiled(*a: Any, **k: Any) -> Any:
        start = time.process_time()
        prof.enable()
        try:
            return real(*a, **k)
        finally:
            prof.disable()
            spent.append(time.process_time() - start)

    run.audit_checklist = profiled  # what run.audit calls
    with Store(config.store_path) as store:
        run.audit(store, config, store.crawl(args.crawl), browser=False)
    print(f"checklist step: {sum(spent):.2f} CPU s with the profiler; load {os.getloadavg()}")
    prof.dump_stats(args.out)
    stats = pstats.Stats(str(args.out))
    stats.sort_stats("cumulative").print_stats(40)
    stats.sort_stats("tottime").print_stats(20)
    return 0


if __name__ == "__main__":
    sys.exit(main())
