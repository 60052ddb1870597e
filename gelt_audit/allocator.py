"""glibc's allocator policy for the audits: large blocks mapped on their own (issue 21, H276).

glibc serves a request of at least its *mmap threshold* with a mapping of its own, given back to
the system when freed; smaller ones come from its heap, whose free holes stay resident. The
threshold starts at 128 KiB but rises (up to 32 MiB) each time a mapped block is freed, so in a
cold report the arrays, lists and dict tables the checklist's first site index freed make the
second index's large blocks come from the heap, which grew there by ~60 MiB with ~84 MiB of it
free at 50,000 pages (H269). Fixed at 128 KiB (a fixed value switches the rise off), with the heap
trimmed past 128 KiB free, the 50,000-page cold JSON report peaked at 380.0 MiB (379.8 with the
same setting made from outside, ``bench/malloc_lever.py``) where it peaked at 395.0–402.8 in seven
runs without it, JSON identical; at 10,000 pages ~4 MiB less, CPU within 0.5 % (docs/PERFORMANCE.md,
H276).
A leaf: the audits call it.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable

LARGE_BLOCK = 128 * 1024  # bytes: glibc's own default threshold, kept fixed
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3  # mallopt's parameter numbers (malloc.h)


def _glibc_mallopt() -> Callable[[int, int], int] | None:
    """glibc's ``mallopt``, or None where the C library is another (musl, macOS, Windows)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None)  # the C library this process already runs on
        if not hasattr(libc, "gnu_get_libc_version"):  # only glibc has it (musl's mallopt does nothing)
            return None
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return None
    mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    return mallopt


def map_large_blocks() -> bool:
    """Fix glibc's mmap and trim thresholds at :data:`LARGE_BLOCK` for the rest of the process;
    whether they were set (False without glibc, or with ``GELT_AUDIT_MALLOPT=off``: the same run
    without it, to compare). Nothing allocated moves: only where later blocks come from."""
    mallopt = _glibc_mallopt()
    if mallopt is None or os.environ.get("GELT_AUDIT_MALLOPT") == "off":
        return False
    return bool(mallopt(_M_MMAP_THRESHOLD, LARGE_BLOCK)) and bool(mallopt(_M_TRIM_THRESHOLD, LARGE_BLOCK))
