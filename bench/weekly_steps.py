"""CPU seconds of each audit step of one audit (by default the latest crawl), on a copy of a store.

Takes a bench run folder (``gelt.db`` and ``gelt.toml``), copies it to ``--work`` (the audit
caches its results: each measurement needs a fresh copy), optionally audits an earlier crawl
first (``--warm 2``: the per-body caches the weekly audit finds in production), then runs
``audits.run.audit`` on the crawl with every step timed (``time.process_time``, this process
only). Steps run inside another one (the checklist evaluates the previous crawl's signals) count
in both; ``compare``, ``page_states`` (or ``changed_states``), ``frequency`` and ``inventory`` are
timed on their own too.
``--json`` writes the findings (``generated_at`` blanked) to compare two versions of the code.

    python bench/weekly_steps.py /tmp/gelt-bench-XXXX/n10000-run0 --work /tmp/w --warm 2
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gelt_audit.audits import changes, documents, run, updates
from gelt_audit.audits.context import AuditContext, run_audits
from gelt_audit.config import load_config
from gelt_audit.store import Store

SPENT: dict[str, float] = defaultdict(float)
CALLS: dict[str, int] = defaultdict(int)


def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            SPENT[name] += time.process_time() - start
            CALLS[name] += 1

    wrapper.__name__ = getattr(fn, "__name__", name)
    return wrapper


def instrument() -> None:
    """Time the helpers the weekly audit calls more than once, wherever they are called from."""
    compare = timed("changes.compare", changes.compare)
    changes.compare = updates.compare = compare
    for name in ("page_states", "changed_states"):  # the code before and after 2026-12-05
        if hasattr(changes, name):
            setattr(changes, name, timed(f"changes.{name}", getattr(changes, name)))
    updates.frequency = timed("updates.frequency", updates.frequency)
    documents.inventory = timed("documents.inventory", documents.inventory)


def copy(source: Path, work: Path, scratch: bool) -> Path:
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    with sqlite3.connect(source / "gelt.db") as conn:
        conn.execute("pragma wal_checkpoint(truncate)")
    shutil.copy(source / "gelt.db", work / "gelt.db")
    text = (source / "gelt.toml").read_text(encoding="utf-8")
    if "browser = " not in text:
        text += '\n[accessibility]\nbrowser = "off"\n'
    (work / "gelt.toml").write_text(text, encoding="utf-8")
    if scratch:
        with sqlite3.connect(work / "gelt.db") as conn:
            for table in ("body_audits", "crawl_summaries", "portfolio_summaries"):
                conn.execute(f"delete from {table}")
    return work / "gelt.toml"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("run", type=Path)
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--crawl", type=int, help="crawl to audit (default: the latest)")
    parser.add_argument("--warm", type=int, help="audit this crawl first (not timed)")
    parser.add_argument("--scratch", action="store_true", help="empty the audit caches of the copy")
    parser.add_argument("--json", type=Path, help="write the findings here (generated_at blanked)")
    args = parser.parse_args()
    cfg = copy(args.run, args.work, args.scratch)
    os.chdir(args.work)
    config = load_config(cfg)
    with Store(config.store_path) as store:
        if args.warm:
            run.audit(store, config, store.crawl(args.warm), browser=False)
            store.flush_audits()
        crawl = store.crawl(args.crawl) if args.crawl else store.latest_crawl(config.site_url)
        instrument()
        steps = tuple(timed(f"step {a.__module__.rsplit('.', 1)[-1]}.{a.__name__}", a) for a in run.WITHOUT_BROWSER)
        start = time.process_time()
        ctx = AuditContext(store, config, crawl, store.previous_crawl(crawl))
        findings = run_audits(ctx, steps)
        total = time.process_time() - start
    print(f"audit of crawl {crawl.id}: {total:.2f} CPU s; load average {os.getloadavg()}")
    for name, spent in sorted(SPENT.items(), key=lambda kv: -kv[1]):
        print(f"  {name:32} {spent:7.2f} s  {CALLS[name]:3} calls  {100 * spent / total:5.1f} %")
    if args.json:
        findings["generated_at"] = ""
        args.json.write_text(json.dumps(findings, sort_keys=True, ensure_ascii=False, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
