"""Grouping the site index's link occurrences by text and by target: one at a time, or by a sort.

``index_site`` numbers every link occurrence in block order and keeps, for each distinct link text and
each target key, the numbers of its occurrences (first met first, each list ascending): ~290,000
occurrences at 10,000 pages, ~0.4 s of CPU in the weekly audit, the largest whole-site walk inside
``index_site`` (H286). It cannot follow the week's change (a changed page's own block shifts the
numbers of every block after it), so H286 tried to make it cheaper instead: each group found by a
stable sort on the number of its first occurrence, every per-occurrence step a ``map`` run in C
(``sort_grouped`` below; never in the engine: it measured slower).

Runs the weekly audit (``gelt-audit run --no-crawl --reports all``, in this process) on a copy of a
warmed store, keeps the blocks the checklist's ``_phrase_indexes`` is given, then groups their link
occurrences ``--rounds`` times each way, alternated, timed with ``time.thread_time``, and prints each
round, the medians and whether both ways give the same lists. ``--pin`` stands for ``code_version()``
(the hash the store's caches were kept under).

    python bench/grouped_links.py COPY/gelt.toml --pin h286pin000000000 --rounds 7
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from array import array
from bisect import bisect_left
from collections.abc import Sequence
from itertools import compress
from operator import ne
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from occurrence_patch import rebuild  # noqa: E402


def per_occurrence(blocks: list[Any]) -> tuple[Any, ...]:
    """The grouping as ``_phrase_indexes`` made it before H286, one occurrence at a time (the loop
    ``bench/occurrence_patch.py`` keeps, in this script's order of results)."""
    texts, text_occ, target_occ, tmenu, embedded = rebuild(blocks)
    return texts, text_occ, list(target_occ.items()), embedded, tmenu


def _runs(first: Sequence[int], places: Sequence[int]) -> tuple[array[int], array[int]]:
    """``places`` sorted by the first occurrence of their group (``first[i]`` for place ``i``),
    stably, and where each group starts in that order (with the end)."""
    order = sorted(range(len(first)), key=first.__getitem__)
    firsts = list(map(first.__getitem__, order))
    starts = array("I", (0,))
    if order:
        starts.extend(compress(range(1, len(order)), map(ne, firsts[1:], firsts[:-1])))
        starts.append(len(order))
    return array("I", map(places.__getitem__, order)), starts


def sort_grouped(blocks: list[Any]) -> tuple[Any, ...]:
    """The same lists, each group found by a stable sort (H286's try)."""
    from gelt_audit.audits.checklist.packed import index_rows

    seen_keys: dict[str, int] = {}  # key -> its first occurrence (first met first)
    seen_texts: dict[str, int] = {}
    key_first, text_first, text_at, text_words = array("I"), array("I"), array("I"), array("I")
    embedded: set[str] = set()
    tmenu: set[str] = set()
    n = 0
    for b in blocks:
        cols = tuple(zip(*index_rows(b.links), strict=True))  # transposed in C
        if not cols:
            continue
        norms, nwords, keys, embed, in_tmenu = cols
        span = range(n, n + len(keys))
        key_first.extend(map(seen_keys.setdefault, keys, span))
        own: Sequence[int] = span
        if any(embed):
            embedded.update(compress(keys, embed))
            shown = [not e for e in embed]
            own = list(compress(span, shown))
            norms, nwords = tuple(compress(norms, shown)), tuple(compress(nwords, shown))
        text_at.extend(own)
        text_words.extend(nwords)
        text_first.extend(map(seen_texts.setdefault, norms, own))
        if any(in_tmenu):
            tmenu.update(compress(keys, in_tmenu))
        n += len(keys)
    data, starts = _runs(key_first, range(n))
    targets = [(k, data[starts[i] : starts[i + 1]]) for i, k in enumerate(seen_keys)]
    data, starts = _runs(text_first, text_at)
    texts = [data[starts[i] : starts[i + 1]] for i in range(len(seen_texts))]
    words = [text_words[bisect_left(text_at, first)] for first in seen_texts.values()]
    return list(zip(seen_texts, words, strict=True)), texts, targets, embedded, tmenu


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("config")
    ap.add_argument("--pin", default="")
    ap.add_argument("--rounds", type=int, default=7)
    args = ap.parse_args()
    import gelt_audit.audits.source_hash as source_hash

    if args.pin:
        source_hash.code_version = lambda: args.pin
    import gelt_audit.audits.checklist.index as index
    import gelt_audit.scheduler.runs as runs

    caught: list[list[Any]] = []
    build = index._phrase_indexes

    def catching(ok_pages: Any, blocks: list[Any], *rest: Any) -> Any:
        caught.append(blocks)
        return build(ok_pages, blocks, *rest)

    index._phrase_indexes = catching
    runs.run_once(args.config, reports="all", crawl=False)
    blocks = caught[0]
    print(f"{len(blocks)} bloques, {sum(len(b.links) for b in blocks)} apariciones de enlaces", flush=True)
    spent: dict[str, list[float]] = {"por aparición": [], "por orden": []}
    results = {}
    for r in range(args.rounds):
        ways = [("por aparición", per_occurrence), ("por orden", sort_grouped)]
        for name, fn in ways if r % 2 == 0 else ways[::-1]:
            start = time.thread_time()
            results[name] = fn(blocks)
            spent[name].append(time.thread_time() - start)
        print(f"ronda {r}: " + ", ".join(f"{k} {v[-1]:.3f} s" for k, v in spent.items()), flush=True)
    for name, times in spent.items():
        print(f"{name}: mediana {statistics.median(times):.3f} s")
    same = results["por aparición"] == results["por orden"]
    print(f"listas idénticas: {'sí' if same else 'NO'}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
