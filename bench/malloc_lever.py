"""glibc's allocator as a lever on a cold report's peak, variant by variant (issue 21, H232).

    python bench/malloc_lever.py COPY/gelt.toml none
    python bench/malloc_lever.py COPY/gelt.toml trim-forget,trim-steps
    python bench/malloc_lever.py COPY/gelt.toml mmap=65536,trimthr=65536
    python bench/malloc_lever.py COPY/gelt.toml arenas=1

Runs ``report --format json`` (``reports.write.report_command``) in this process on a copy of a
store (it writes the audit caches: use a fresh copy with them emptied, ``bench/weekly.py``'s
``prepare``), with the variants named (comma-separated) applied from outside the engine:

- ``trim-forget``: ``malloc_trim(0)`` each time the checklist's index drops the store's packed rows
  of a crawl (``Store.forget_snapshots``: its first read; the hallazgos of the earlier steps are
  already out of the process there, H152/H192/H224);
- ``trim-steps``: ``malloc_trim(0)`` after each step of ``audits.run.AUDITS``;
- ``trim-gc2``: ``malloc_trim(0)`` after each full (generation 2) collection;
- ``mmap=N``, ``trimthr=N``, ``arenas=N``: ``mallopt`` M_MMAP_THRESHOLD, M_TRIM_THRESHOLD,
  M_ARENA_MAX set first (fixed values also switch off glibc's dynamic mmap threshold).

On stderr, each trim with the RSS before and after; at the end, the process's peak (``ru_maxrss``,
read as the report returns: before this script reads its JSON),
its CPU (user + system), glibc's heap (``mallinfo2``) and the sha256 of the JSON without
``generated_at``. With ``none`` the engine runs as it is (the baseline of the same load).
``PYTHONPATH`` chooses the code measured.
"""

from __future__ import annotations

import ctypes
import functools
import gc
import hashlib
import re
import resource
import sys
import time
from pathlib import Path
from typing import Any

from memory_step_probe import _LIBC, MB
from memory_step_probe import proc_status as status

_LIBC.malloc_trim.argtypes = [ctypes.c_size_t]
_LIBC.mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
_MALLOPT = {"trimthr": -1, "mmap": -3, "arenas": -8}  # M_TRIM_THRESHOLD, M_MMAP_THRESHOLD, M_ARENA_MAX
_GENERATED = re.compile(rb'"generated_at": ?"[^"]*"')
TRIMS: list[tuple[str, float, float, float]] = []  # where, RSS before, after, seconds


def trim(where: str) -> None:
    """``malloc_trim(0)``, its RSS before and after said."""
    before, t0 = status()["VmRSS"], time.perf_counter()
    _LIBC.malloc_trim(0)
    took = time.perf_counter() - t0
    after = status()["VmRSS"]
    TRIMS.append((where, before, after, took))
    print(f"  trim {where:28} rss {before:7.1f} -> {after:7.1f} ({took * 1000:.0f} ms)", file=sys.stderr, flush=True)


def _after(fn: Any, name: str) -> Any:
    @functools.wraps(fn)
    def step(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        finally:
            trim(name)

    return step


def main() -> int:
    cfg_path, variants = sys.argv[1], set(sys.argv[2].split(","))
    for v in variants:
        if "=" in v:
            key, value = v.split("=")
            ok = _LIBC.mallopt(_MALLOPT[key], int(value))
            print(f"mallopt {key}={value}: {ok}", file=sys.stderr)
    import gelt_audit.audits.run as run
    import gelt_audit.reports.write as write
    import gelt_audit.store as store_module
    from gelt_audit.config import load_config

    if "trim-forget" in variants:
        forget = store_module.Store.forget_snapshots

        def forget_snapshots(self: Any) -> None:
            forget(self)
            trim("forget_snapshots")

        store_module.Store.forget_snapshots = forget_snapshots  # type: ignore[method-assign]
    if "trim-steps" in variants:  # the step tuples hold the functions: replaced everywhere at once
        steps = {f: _after(f, f"{f.__module__.split('.')[-1]}.{f.__qualname__}") for f in set(run.AUDITS)}
        for attr in ("AUDITS", "WITHOUT_BROWSER", "VOLATILE", "SIGNALS"):
            setattr(run, attr, tuple(steps.get(f, f) for f in getattr(run, attr)))
        run.crawls, run.stamp, run.checklist = steps[run.crawls], steps[run.stamp], steps[run.checklist]
    if "trim-gc2" in variants:
        gc.callbacks.append(lambda phase, info: phase == "stop" and info["generation"] == 2 and trim("gc2"))
    out = Path(cfg_path).parent / "informe-ml.json"
    t0 = time.process_time()
    write.report_command(load_config(cfg_path), None, "json", str(out), None)
    cpu = time.process_time() - t0
    info = _LIBC.mallinfo2()
    # read before the JSON is: its two copies here would be this script's peak, not the report's
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    digest = hashlib.sha256(_GENERATED.sub(b'"generated_at": ""', out.read_bytes())).hexdigest()[:12]
    print(
        f"RESULT {sys.argv[2]}: peak {peak:.1f} MiB, cpu {cpu:.1f} s, end rss {status()['VmRSS']:.1f},"
        f" glibc in use {info.uordblks / MB:.1f} free {info.fordblks / MB:.1f} mmapped {info.hblkhd / MB:.1f},"
        f" trims {len(TRIMS)} ({sum(t[3] for t in TRIMS):.2f} s, {sum(t[1] - t[2] for t in TRIMS):.1f} MiB given back),"
        f" json {digest}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
