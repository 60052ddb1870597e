"""The CPU of judging the checklist profiles on one built site index, in one process.

On a store (a copy: the audit writes its caches), the crawl ``--crawl`` is audited once
(``run.audit``, browser off) with the kept findings and checklist evaluations dropped, and the
site index it builds is caught as ``audit.evaluate`` receives it; then, ``--rounds`` times, the
index's lazily built parts are dropped (``SiteIndex.memo``, the phrase indexes' word lists, the
occurrences' columns where the code has them) and every profile is judged again on it, timed
with ``time.process_time`` (the collector paused, as the audit does). ``--profile FILE``: one
more round under cProfile (``process_time`` as its clock), its tables printed. The results'
digest (every verdict, detail and evidence of every round) is printed, to compare two copies of
the code (``PYTHONPATH`` chooses which).

    PYTHONPATH=/tmp/old python bench/judge_cpu.py /tmp/copy --crawl 3 --rounds 3
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import os
import sqlite3
import statistics
import sys
import time
from pathlib import Path
from typing import Any

# bench/profile.py would stand for the standard library's module cProfile and pstats import
_HERE = str(Path(__file__).resolve().parent)
sys.path[:] = [p for p in sys.path if p and Path(p).resolve() != Path(_HERE)]
import cProfile  # noqa: E402
import pstats  # noqa: E402

from gelt_audit.audits import run  # noqa: E402
from gelt_audit.audits.checklist import audit  # noqa: E402
from gelt_audit.audits.checklist.scoring import as_dict  # noqa: E402
from gelt_audit.config import load_config  # noqa: E402
from gelt_audit.store import Store  # noqa: E402


def _caught(cfg: Path, crawl_id: int) -> list[tuple[Any, Any, dict[str, Any]]]:
    """The (checklist, index, keyword arguments) of each profile judged for the crawl."""
    with sqlite3.connect(cfg.parent / "gelt.db") as conn:
        conn.execute("delete from body_audits where audit in ('checklist', 'findings')")
    calls: list[tuple[Any, Any, dict[str, Any]]] = []
    real = audit.evaluate

    def catch(checklist: Any, pages: Any, **kw: Any) -> Any:
        calls.append((checklist, pages, kw))
        return real(checklist, pages, **kw)

    audit.evaluate = catch  # what audit._index_and_judge calls
    config = load_config(cfg)
    with Store(config.store_path) as store:
        run.audit(store, config, store.crawl(crawl_id), browser=False)
    audit.evaluate = real
    first = calls[0][1]  # the crawl's own index (the previous crawl's comes after, if judged)
    return [c for c in calls if c[1] is first]


def _judge(calls: list[tuple[Any, Any, dict[str, Any]]]) -> tuple[float, str]:
    """Every profile judged on the index as new: CPU seconds and the results' digest."""
    idx = calls[0][1]
    idx.memo.clear()
    if hasattr(idx.targets.occ, "columns"):  # the occurrences' columns (H138, 4c3feed, reverted), made again
        idx.targets.occ.columns = None
    for phrases in (idx.labels, idx.link_texts, idx.urls):
        phrases.build()  # its word lists and scan text made again at the first search
    gc.disable()
    start = time.process_time()
    results = [r for checklist, index, kw in calls for r in audit.evaluate(checklist, index, **kw)]
    spent = time.process_time() - start
    gc.enable()
    text = json.dumps([as_dict(r) for r in results], ensure_ascii=False, sort_keys=True, default=str)
    return spent, hashlib.sha256(text.encode()).hexdigest()[:16]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("store", type=Path, help="carpeta con gelt.db y gelt.toml (una copia)")
    ap.add_argument("--crawl", type=int, required=True)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--profile", type=Path, help="perfil (pstats) de una ronda más")
    args = ap.parse_args()
    os.chdir(args.store)
    calls = _caught(args.store / "gelt.toml", args.crawl)
    times, digests = [], set()
    for r in range(args.rounds):
        load = os.getloadavg()[0]
        spent, digest = _judge(calls)
        times.append(spent)
        digests.add(digest)
        print(f"ronda {r}: evaluar {spent:.3f} s de CPU; carga {load:.1f}; resultados {digest}", flush=True)
    print(f"mediana {statistics.median(times):.3f} s; {len(calls)} perfiles; resultados {' '.join(sorted(digests))}")
    if args.profile:
        prof = cProfile.Profile(time.process_time)
        prof.enable()
        _judge(calls)
        prof.disable()
        prof.dump_stats(args.profile)
        stats = pstats.Stats(str(args.profile))
        stats.sort_stats("cumulative").print_stats(45)
        stats.sort_stats("tottime").print_stats(25)
    return 0 if len(digests) == 1 else 1


if __name__ == "__main__":
    sys.exit(main())
