"""Where the checklist's per-page parse spends its time, by function (pyinstrument, sampling).

Parses the pages of a store's latest crawl (``--store``) or of a folder's ``*.htm*`` files
(``--folder``; the same pages as ``bench/parse.py``) with one ``parse.Builder``, under pyinstrument
(``pip install -e ".[bench]"``), and prints each function's cumulative and own time as ms per page:
the sampled wall time scaled to the loop's CPU time (``process_time``), and the load around the run.
Cumulative counts a function once per stack (a recursive call is not counted twice)::

    python bench/parse_profile.py --store /tmp/copy/gelt.db --limit 2000
    python bench/parse_profile.py --folder /tmp/tuning-pages --rounds 2
"""

from __future__ import annotations

import argparse
import collections
import os
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from parse import _items  # noqa: E402


def _name(frame: Any) -> str:
    where = (frame.file_path_short or "").replace("gelt_audit/audits/checklist/", "")
    return f"{frame.function} ({where}:{frame.line_no})"


def _totals(root: Any) -> tuple[collections.Counter[str], collections.Counter[str]]:
    """Cumulative (once per stack) and own sampled seconds by function."""
    cum: collections.Counter[str] = collections.Counter()
    own: collections.Counter[str] = collections.Counter()
    stack = [(root, frozenset[str]())]
    while stack:
        frame, above = stack.pop()
        name = _name(frame)
        if name not in above:
            cum[name] += frame.time
        own[name] += frame.total_self_time
        stack += [(child, above | {name}) for child in frame.children]
    return cum, own


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--store")
    ap.add_argument("--folder")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--rounds", type=int, default=1, help="veces que se analizan las mismas páginas")
    ap.add_argument("--top", type=int, default=60)
    args = ap.parse_args()
    from pyinstrument import Profiler

    from gelt_audit.audits.checklist import load_checklist
    from gelt_audit.audits.checklist.model import PageDoc
    from gelt_audit.audits.checklist.parse import Builder, probe, text_rules

    source = args.store or args.folder
    if not source:
        ap.error("falta --store o --folder")
    items = _items(source, args.limit)
    htmls = [(key, url, read()) for key, url, read in items]
    rules = text_rules([load_checklist("gelt-2008"), load_checklist("ley1712-res1519")])
    probes = tuple(dict.fromkeys(probe(r) for r in rules))
    load = os.getloadavg()[0]
    profiler = Profiler(interval=0.0005)
    cpu, pages = 0.0, 0
    for _ in range(args.rounds):
        kept: dict[str, Any] = {}

        def cache(key: str, _audit: str, _version: str, compute: Any, kept: dict[str, Any] = kept) -> Any:
            if key not in kept:
                kept[key] = compute()
            return kept[key]

        builder = Builder(items[0][1] if items else "http://127.0.0.1/", probes, cache)
        docs = [
            PageDoc(url, 200, html, "text/html", "2026-12-07T00:00:00Z", 1, body_hash=key) for key, url, html in htmls
        ]
        profiler.start()
        start = time.process_time()
        for i, doc in enumerate(docs):
            builder._parse(doc, i)  # noqa: SLF001 - the parse itself, as bench/parse.py times it
        cpu += time.process_time() - start
        profiler.stop()
        pages += len(docs)
    cum, own = _totals(profiler.last_session.root_frame())
    whole = next((v for k, v in cum.items() if k.startswith("_parse (")), 0.0)
    scale = 1000 * cpu / max(pages, 1) / whole if whole else 0.0
    print(
        f"{pages} análisis, {1000 * cpu / max(pages, 1):.3f} ms de CPU por página (perfilado), carga {load:.1f} → {os.getloadavg()[0]:.1f}"
    )
    for title, table in (("acumulado", cum), ("propio", own)):
        print(f"{title} (ms por página, % de _parse):")
        for name, secs in table.most_common(args.top):
            print(f"  {secs * scale:7.3f}  {100 * secs / whole:5.1f} %  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
