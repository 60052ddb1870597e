"""The cyclic garbage collector's policy, in one place: around a crawl, and before an audit.

Around a crawl: what the process holds before the crawl starts
(Scrapy's, Twisted's, lxml's and this package's modules, classes and functions: long-lived) is left
out of the collector's passes, and young objects are collected less often.

A first crawl of the bench's 2,000 pages (H106, load ~10) spent 9.8 % of its CPU in the collector
(1,095 young collections, 99 middle, 9 full: each full pass walks every imported module again); frozen,
with the young generation collected every 5,000 allocations instead of 700, 3.4 % (one crawl each,
the collector's time read by ``gc.callbacks``). Peak RSS of the crawl unchanged (136 MB both, bench/ab.py).
And what glibc's allocator keeps of memory Python freed (:func:`give_back_freed`).
A leaf: the crawler, the store and the audits call it.
"""

from __future__ import annotations

import ctypes
import gc
import logging
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

log = logging.getLogger("gelt_audit.collector")

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


def _glibc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, or None where the C library is another (musl, macOS, Windows)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None)  # the C library this process already runs on
        # only glibc has gnu_get_libc_version (musl has no malloc_trim to call)
        trim = libc.malloc_trim if hasattr(libc, "gnu_get_libc_version") else None
        if trim is None:
            return None
    except (OSError, AttributeError):
        return None
    trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    return trim


_TRIM = _glibc_trim()
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _rss() -> int:
    """This process's resident bytes (``/proc/self/statm``)."""
    with open("/proc/self/statm", "rb") as fh:
        return int(fh.read().split()[1]) * _PAGE


def give_back_freed(where: str) -> int | None:
    """Hand back to the system the memory glibc still holds of what the process freed
    (``malloc_trim(0)``: the free pages inside its heap, not only its top); the bytes of RSS given
    back, logged, or None where it cannot (no glibc) or is switched off (``GELT_AUDIT_MALLOC_TRIM=off``,
    read at each call: the same run without it, for diagnosis). Nothing alive moves: a later allocation
    that needs those pages takes them again.

    Called where a step has just let go of much (issue 21, H232): glibc only returns the top of
    its heap by itself, so the holes that freed rows and findings leave in the middle stayed
    resident under the checklist's index, which fills them only with its large allocations
    (its small objects go to pymalloc's own arenas)."""
    if _TRIM is None or os.environ.get("GELT_AUDIT_MALLOC_TRIM") == "off":  # off: to compare runs
        return None
    before = _rss()
    _TRIM(0)
    given = before - _rss()
    log.info("Memoria: %s MiB devueltos al sistema (%s)", f"{given / 2**20:.1f}".replace(".", ","), where)
    return given
