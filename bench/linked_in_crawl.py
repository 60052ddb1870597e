"""Time ``Store.linked_in_crawl`` (H284: a page still linked but not fetched is not «removed»).

Run on a copy of a bench store (the query fills temporary tables only, but never point it at the
shared original)::

    cp -a /tmp/s26/m10k /tmp/hNNN/m10k
    .venv/bin/python bench/linked_in_crawl.py /tmp/hNNN/m10k/gelt.db

It asks for the pages of crawl 2 that crawl 3 did not fetch (the week's disappearances); when there
are none (the 10k bench store has none: the query is then never run by an audit), for 50 pages of
crawl 3, and prints the median of three timings.
"""

from __future__ import annotations

import statistics
import sys
import time

from gelt_audit.store import Store


def main(path: str) -> None:
    """Print how many URLs were asked, how many are linked, and the median time."""
    store = Store(path)
    urls = [
        row[0]
        for row in store.db.execute(
            """select p.url from snapshots s join pages p on p.id = s.page_id
               where s.crawl_id = 2 and s.kind = 'page'
                 and s.page_id not in (select page_id from snapshots where crawl_id = 3)"""
        )
    ]
    print("pages of crawl 2 missing in crawl 3:", len(urls))
    if not urls:
        urls = [
            row[0]
            for row in store.db.execute(
                """select p.url from snapshots s join pages p on p.id = s.page_id
                   where s.crawl_id = 3 and s.kind = 'page' limit 50"""
            )
        ]
    timings = []
    for _ in range(3):
        start = time.perf_counter()
        found = store.linked_in_crawl(3, urls)
        timings.append(time.perf_counter() - start)
    print(f"{len(urls)} asked, {len(found)} linked; median {statistics.median(timings):.3f} s")


if __name__ == "__main__":
    main(sys.argv[1])
