"""What a cold report holds when the checklist's ``index_site`` starts, step by step (issue 21, H224).

    python bench/before_index.py COPY/gelt.toml                # each step before the index; stop there
    python bench/before_index.py COPY/gelt.toml --trace 15     # + tracemalloc: the 15 lines each step leaves
    python bench/before_index.py COPY/gelt.toml --types 15     # + gc: the 15 types whose count grew most
    python bench/before_index.py COPY/gelt.toml --full         # the whole report (its JSON to COPY/informe-bi.json)

Runs ``report --format json`` (``reports.write.report_command``) in this process on a copy of a
store (it writes the audit caches: use a fresh copy with them emptied, ``bench/weekly.py``'s
``prepare``), each step of ``audits.run.AUDITS`` wrapped, and the checklist's ``index_site``. Per
step, on stderr: VmRSS before and after and **the step's own peak** (VmHWM set to zero through
``/proc/self/clear_refs`` on entering and leaving each step, H219's method: this also zeroes the
process's ``ru_maxrss``, so the process's peak is the largest of the steps' and the gaps'), CPU
seconds. With ``--trace N`` tracemalloc runs from the start (slow: several times the CPU) and each
step prints the Python heap it left (its net) and the N source lines (file:line) whose held bytes
grew most; ``--types N`` prints the N types whose live object count (``gc.get_objects``) grew most.

When ``index_site`` starts (its first call: the latest crawl), it prints what is held there:
VmRSS; glibc's heap (``mallinfo2``: arena, in use, free) and SQLite's own memory
(``sqlite3_memory_used``); with ``--trace N`` the N lines holding most of the Python heap. The
index's first read drops the store's packed rows of the crawl (``Store.forget_snapshots``): the
same figures there. Without ``--full`` the probe then goes on: ``pragma shrink_memory`` on every
store (SQLite's page cache given back), a full ``gc.collect()``, and, as a PROBE ONLY,
``malloc_trim(0)``, the RSS after each: what trimming gives back was freed but held by the
allocator (freed-but-held), the rest is live (Python objects, SQLite, the interpreter and its
libraries); and it stops there. ``--full`` runs the whole report without the probe.
``PYTHONPATH`` chooses the code measured.
"""

from __future__ import annotations

import collections
import ctypes
import functools
import gc
import os
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

from memory_step_probe import _LIBC, _SQLITE, MB
from memory_step_probe import proc_status as status

# glibc's and SQLite's handles and the /proc reader come from bench/memory_step_probe.py (H140)
_LIBC.malloc_trim.argtypes = [ctypes.c_size_t]
STORES: list[Any] = []  # every Store opened (for SQLite's memory)


class Stop(BaseException):
    """Raised when the index would start (without ``--full``): nothing after it runs."""


def reset_peak() -> None:
    """VmHWM := VmRSS (and ru_maxrss with it)."""
    with open("/proc/self/clear_refs", "w") as fh:
        fh.write("5")


class Probe:
    """The wrapped steps' figures, printed as they come."""

    def __init__(self, trace: int, types: int, full: bool) -> None:
        self.trace, self.types, self.full = trace, types, full
        self.peak = 0.0  # the process's peak: the largest of every step's and gap's
        self.t0 = time.process_time()
        self.snapshot = tracemalloc.take_snapshot() if trace else None
        self.counts = self._counts() if types else None
        self.index_seen = False
        self.forgot = False

    def _counts(self) -> collections.Counter[str]:
        return collections.Counter(type(o).__name__ for o in gc.get_objects())

    def _gap(self) -> float:
        """The peak since the last reset (a gap between steps, or a step), then reset."""
        hwm = status()["VmHWM"]
        self.peak = max(self.peak, hwm)
        reset_peak()
        return hwm

    def wrap(self, fn: Any, name: str) -> Any:
        @functools.wraps(fn)
        def step(*args: Any, **kwargs: Any) -> Any:
            self._gap()
            before, cpu = status()["VmRSS"], time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                peak = self._gap()
                after = status()["VmRSS"]
                info = _LIBC.mallinfo2()
                self.say(
                    f"{name:34} rss {before:6.1f} -> {after:6.1f} peak {peak:6.1f} cpu {time.process_time() - cpu:6.1f}"
                    f" | glibc in use {info.uordblks / MB:6.1f} free {info.fordblks / MB:6.1f} mmapped"
                    f" {info.hblkhd / MB:5.1f} sqlite {_SQLITE.sqlite3_memory_used() / MB:5.1f}"
                )
                self.held(name)

        return step

    def say(self, text: str) -> None:
        print(f"[{time.process_time() - self.t0:7.1f}] {text}", file=sys.stderr, flush=True)

    def held(self, name: str) -> None:
        """What the step left: tracemalloc's lines, gc's types (optional)."""
        if self.trace:
            snap = tracemalloc.take_snapshot()
            diff = snap.compare_to(self.snapshot, "lineno")
            net = sum(d.size_diff for d in diff)
            self.say(f"    python heap net {net / MB:+7.1f} MB (now {tracemalloc.get_traced_memory()[0] / MB:6.1f})")
            for d in sorted(diff, key=lambda d: -d.size_diff)[: self.trace]:
                frame = d.traceback[0]
                where = f"{frame.filename.split('site-packages/')[-1].split('gelt_audit/')[-1]}:{frame.lineno}"
                print(f"      {d.size_diff / MB:+7.2f} MB {d.count_diff:+9} objs  {where}", file=sys.stderr)
            self.snapshot = snap
        if self.types:
            counts = self._counts()
            grew = (counts - self.counts).most_common(self.types)  # type: ignore[operator]
            print("      types " + ", ".join(f"{k} +{v}" for k, v in grew), file=sys.stderr)
            self.counts = counts

    def at_index(self, fn: Any) -> Any:
        @functools.wraps(fn)
        def index_site(*args: Any, **kwargs: Any) -> Any:
            if not self.index_seen:
                self.index_seen = True
                self.report_held(probe=False)
            return fn(*args, **kwargs)

        return index_site

    def report_held(self, probe: bool) -> None:
        """What is held (see the module's docstring); with ``probe``, then gc, shrink and trim."""
        self._gap()
        info = _LIBC.mallinfo2()
        self.say(
            f"AT index_site: rss {status()['VmRSS']:6.1f}; glibc arena {info.arena / MB:6.1f} in use"
            f" {info.uordblks / MB:6.1f} free {info.fordblks / MB:6.1f} mmapped {info.hblkhd / MB:6.1f};"
            f" sqlite {_SQLITE.sqlite3_memory_used() / MB:6.1f}"
        )
        if self.trace:  # what is alive, by the line that made it (imports included)
            self.say(f"    python heap (tracemalloc) {tracemalloc.get_traced_memory()[0] / MB:6.1f} MB, largest lines:")
            for stat in tracemalloc.take_snapshot().statistics("lineno")[: self.trace]:
                frame = stat.traceback[0]
                where = f"{frame.filename.split('site-packages/')[-1].split('gelt_audit/')[-1]}:{frame.lineno}"
                print(f"      {stat.size / MB:7.2f} MB {stat.count:9} objs  {where}", file=sys.stderr)
        if not probe:
            return
        for store in STORES:  # what of SQLite's memory is its page cache (given back) and what not
            store.db.execute("pragma shrink_memory")
        self.say(
            f"    after pragma shrink_memory: sqlite {_SQLITE.sqlite3_memory_used() / MB:6.1f}; rss {status()['VmRSS']:6.1f}"
        )
        for store in STORES:  # the connection's temporary tables: their rows, then dropped
            names = [r[0] for r in store.db.execute("select name from temp.sqlite_master where type = 'table'")]
            counts = {n: store.db.execute(f"select count(*) from temp.{n}").fetchone()[0] for n in names}
            for name in names:
                store.db.execute(f"drop table temp.{name}")
            store.db.execute("pragma shrink_memory")
            self.say(f"    temp tables {counts} dropped: sqlite {_SQLITE.sqlite3_memory_used() / MB:6.1f}")
        found = gc.collect()
        self.say(f"    after gc.collect() ({found} unreachable): rss {status()['VmRSS']:6.1f}")
        _LIBC.malloc_trim(0)  # a probe: what the allocator held of freed memory goes back
        info = _LIBC.mallinfo2()
        self.say(
            f"    after malloc_trim(0): rss {status()['VmRSS']:6.1f}; glibc arena {info.arena / MB:6.1f}"
            f" in use {info.uordblks / MB:6.1f} free {info.fordblks / MB:6.1f}"
        )


def main() -> int:
    cfg_path = sys.argv[1]
    trace = int(sys.argv[sys.argv.index("--trace") + 1]) if "--trace" in sys.argv else 0
    types = int(sys.argv[sys.argv.index("--types") + 1]) if "--types" in sys.argv else 0
    full = "--full" in sys.argv
    if trace:
        tracemalloc.start(1)
    reset_peak()
    import gelt_audit.audits.checklist.audit as checklist
    import gelt_audit.audits.run as run
    import gelt_audit.reports.write as write
    import gelt_audit.store as store_module
    from gelt_audit.config import load_config

    probe = Probe(trace, types, full)
    opened = store_module.Store.__init__

    def init(self: Any, *args: Any, **kwargs: Any) -> None:
        opened(self, *args, **kwargs)
        STORES.append(self)

    store_module.Store.__init__ = init  # type: ignore[method-assign]
    forget = store_module.Store.forget_snapshots

    def forget_snapshots(self: Any) -> None:  # the index's first read drops the crawl's packed rows
        forget(self)
        if probe.index_seen and not probe.forgot:
            probe.forgot = True
            info = _LIBC.mallinfo2()
            probe.say(
                f"index dropped the store's packed rows: rss {status()['VmRSS']:6.1f}; glibc in use"
                f" {info.uordblks / MB:6.1f} free {info.fordblks / MB:6.1f}"
            )
            if not probe.full:
                probe.report_held(probe=True)
                raise Stop

    store_module.Store.forget_snapshots = forget_snapshots  # type: ignore[method-assign]
    probe.say(f"start (imports): rss {status()['VmRSS']:6.1f}")
    # the step tuples hold the functions: replaced everywhere at once (run_kept compares them)
    steps = {f: probe.wrap(f, f"{f.__module__.split('.')[-1]}.{f.__qualname__}") for f in set(run.AUDITS)}
    for attr in ("AUDITS", "WITHOUT_BROWSER", "VOLATILE", "SIGNALS"):
        setattr(run, attr, tuple(steps.get(f, f) for f in getattr(run, attr)))
    run.crawls, run.stamp, run.checklist = steps[run.crawls], steps[run.stamp], steps[run.checklist]
    checklist.index_site = probe.at_index(probe.wrap(checklist.index_site, "checklist.index_site"))
    config = load_config(cfg_path)
    out = Path(cfg_path).parent / "informe-bi.json"
    try:
        write.report_command(config, None, "json", str(out), None)
    except Stop:
        probe.say(f"stopped at index_site; process peak {max(probe.peak, probe._gap()):6.1f} MiB")
        os._exit(0)  # nothing else runs (no exit handlers writing the store)
    probe.say(f"end: rss {status()['VmRSS']:6.1f}; process peak {max(probe.peak, probe._gap()):6.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
