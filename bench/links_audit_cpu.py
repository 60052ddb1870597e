"""CPU of the links audit on a store's last two crawls: the link index built from every link row, then
carried from that one to the next crawl (the weekly path). Issue 21; the lead, twenty-second session,
to price the link index's count of followed occurrences (``linkindex`` version 4).

    PYTHONPATH=OLD python bench/links_audit_cpu.py COPY/gelt.toml   # code chosen by PYTHONPATH, run
    python bench/links_audit_cpu.py COPY2/gelt.toml                 # from that tree; one copy each

The kept link indexes are deleted first (an index of another version is rebuilt anyway), so both
codes build crawl N-1's index from every row and carry it to crawl N. Writes the store (the audit
caches): use copies. Prints the code's path, the CPU seconds of each step (``time.process_time``),
how many link targets and allied entities crawl N has.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import gelt_audit
from gelt_audit.audits.links import audit_links
from gelt_audit.config import load_config
from gelt_audit.store import Store


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("config", type=Path, help="gelt.toml of a copy of a store with two crawls or more")
    args = ap.parse_args()
    cfg = load_config(args.config)
    with Store(cfg.store_path) as store:
        store.db.execute("delete from body_audits where audit = 'link-index'")
        store.db.commit()
        cpu = []
        for crawl in reversed(store.finished_crawls(cfg.site["url"])[:2]):  # newest first: the last two
            start = time.process_time()
            found = audit_links(store, crawl, cfg)
            store.flush_audits()
            cpu.append(time.process_time() - start)
    print(
        f"{gelt_audit.__file__}: built {cpu[0]:.2f} s, carried {cpu[-1]:.2f} s; "
        f"{len(found['links'])} targets, {found['allied']['count']} allied entities"
    )


if __name__ == "__main__":
    main()
