"""What the checklist index's page reading (``index._read_pages``) holds alive partway, by source
line (issue 21, H298).

    python bench/read_pages_trace.py COPY/gelt.toml 3000      # the first 3,000 pages, 25 lines
    python bench/read_pages_trace.py COPY/gelt.toml 3000 40   # 40 lines

Builds the last crawl's site index from only its first N page documents (``page_docs``, the
checklist's text rules and the store's parse cache, as ``audit._index_and_judge``; no carry), with
tracemalloc on (6 frames) from the first page read, and prints on stderr, when ``_read_pages``
returns, the Python heap it left alive and the source lines (with callers) of most of it: what
the reading keeps per page beyond the index's rows. Run it on a copy: it writes the parse cache.
``PYTHONPATH`` chooses the code measured.
"""

from __future__ import annotations

import itertools
import sys
import tracemalloc


def main() -> int:
    cfg, n = sys.argv[1], int(sys.argv[2])
    top = int(sys.argv[3]) if len(sys.argv) > 3 else 25
    import gelt_audit.audits.checklist.index as index
    from gelt_audit.audits.checklist.audit import checklists, page_docs
    from gelt_audit.audits.checklist.parse import text_rules
    from gelt_audit.config import load_config
    from gelt_audit.store import Store

    config = load_config(cfg)
    read = index._read_pages

    def traced(pages, builder):  # type: ignore[no-untyped-def]
        tracemalloc.start(6)
        out = read(pages, builder)
        snap = tracemalloc.take_snapshot()
        size, peak = tracemalloc.get_traced_memory()
        print(f"after _read_pages of {n}: traced {size / 2**20:.1f} MiB (peak {peak / 2**20:.1f})", file=sys.stderr)
        for stat in snap.statistics("lineno")[:top]:
            f = stat.traceback[0]
            print(
                f"  {stat.size / 2**20:6.2f} MiB {stat.count:8d} blocks  {f.filename.split('gelt_audit/')[-1]}:{f.lineno}",
                file=sys.stderr,
            )
        print("by traceback (innermost first):", file=sys.stderr)
        for stat in snap.statistics("traceback")[:top]:
            frames = " <- ".join(
                f"{f.filename.split('gelt_audit/')[-1]}:{f.lineno}" for f in list(stat.traceback)[::-1][:4]
            )
            print(f"  {stat.size / 2**20:6.2f} MiB {stat.count:8d} blocks  {frames}", file=sys.stderr)
        tracemalloc.stop()
        return out

    index._read_pages = traced
    with Store(config.store_path) as store:
        crawl = store.latest_crawl()
        lists = checklists(config)
        index.index_site(
            itertools.islice(page_docs(store, crawl), n),
            home_url=config.site_url,
            link_states={},
            text_rules=text_rules(lists),
            cache=store.cached_audit,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
