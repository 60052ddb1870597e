"""The cyclic garbage collector's policy, in one place: around a crawl, and before an audit.

Around a crawl: what the process holds before the crawl starts
(Scrapy's, Twisted's, lxml's and this package's modules, classes and functions: long-lived) is left
out of the collector's passes, and young objects are collected less often.

A first crawl of the bench's 2,000 pages (H106, load ~10) spent 9.8 % of its CPU in the collector
(1,095 young collections, 99 middle, 9 full: each full pass walks every imported module again); frozen,
with the young generation collected every 5,000 allocations instead of 700, 3.4 % (one crawl each,
the collector's time read by ``gc.callbacks``). Peak RSS of the crawl unchanged (136 MB both, bench/ab.py).
A leaf: the crawler and the audits call it.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

YOUNG_THRESHOLD = 5000  # allocations between young collections (Python's default: 700)


@contextmanager
def long_lived_frozen() -> Iterator[None]:
    """Within the block, objects alive at its start are frozen (``gc.freeze``) and young collections
    are rarer; at its end the collector is as it was, so that a later step of the same process (an
    audit after ``gelt-audit run``'s crawl) freezes what it holds by its own rule."""
    thresholds = gc.get_threshold()
    already = gc.get_freeze_count()
    gc.collect()  # so no garbage made so far is frozen with the rest
    gc.freeze()
    gc.set_threshold(YOUNG_THRESHOLD, *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        if not already:
            gc.unfreeze()


def settle_imports() -> None:
    """Leave what the process holds so far (its modules, classes, functions, the config) out of the
    cyclic garbage collector's later passes, once per process.

    A weekly audit at 10,000 pages made ~740 collections, whose full passes (0.13-0.15 s of CPU of
    its 7-8) walked these long-lived objects again and again; frozen, they cost ~0.03 s. Collected
    first, so no garbage made so far is frozen with them (~17 ms, once)."""
    if gc.get_freeze_count() == 0:
        gc.collect()
        gc.freeze()
