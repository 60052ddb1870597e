"""CPU of the checklist's site counts in one weekly run, old code or new (H249).

The weekly run (``gelt-audit run --no-crawl --reports all``, in this process) on a copy of a kept
bench store, with ``time.process_time`` around ``index_site`` and around the steps that count over
the pages: ``site_taglines`` and ``template_keys`` (code before H249: a walk over every page), or
``tallies.counted`` / ``load`` / ``dump`` and ``_kept_tallies`` (H249: the counts carried from the
previous crawl, patched by the changed pages). ``PYTHONPATH`` chooses the code; the store must have
been warmed by that code (its week of the crawl before: ``bench/weekly_ab.py`` does it), or the new
code finds no counts kept and counts every page. One line on stdout, with the load.

    PYTHONPATH=/tmp/old python bench/tally_steps.py COPY/gelt.toml viejo
"""

from __future__ import annotations

import functools
import os
import sys
import time
from collections import defaultdict
from typing import Any

import gelt_audit.audits.checklist.audit as audit
import gelt_audit.audits.checklist.index as index
import gelt_audit.scheduler.runs as runs

SPENT: dict[str, float] = defaultdict(float)


def timed(module: Any, name: str, label: str) -> None:
    """Replace ``module.name`` by itself timed (read by its callers through the module)."""
    fn = getattr(module, name)

    @functools.wraps(fn)
    def step(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            SPENT[label] += time.process_time() - start

    setattr(module, name, step)


def main() -> int:
    config, tag = sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else ""
    # H249's names, and H286's (the tallies' functions imported into the index module)
    for name in ("site_taglines", "template_keys", "_kept_tallies", "counted", "load_tallies", "dump_tallies"):
        if hasattr(index, name):
            timed(index, name, name)
    if hasattr(index, "tallies"):
        for name in ("counted", "load", "dump"):
            timed(index.tallies, name, f"tallies.{name}")
    timed(audit, "index_site", "index_site")
    start = time.process_time()
    runs.run_once(config, reports="all", crawl=False)
    total = time.process_time() - start
    counts = {k: v for k, v in sorted(SPENT.items()) if k != "index_site"}
    parts = " ".join(f"{k}={v:.3f}" for k, v in counts.items())
    print(
        f"{tag} total {total:.2f} index_site {SPENT['index_site']:.3f} counts {sum(counts.values()):.3f} "
        f"{parts} load {os.getloadavg()[0]:.1f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
