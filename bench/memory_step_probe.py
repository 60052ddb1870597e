"""What one audit step of a cold JSON report keeps and what it only passes through (issue 21, H140).

    python bench/memory_step_probe.py COPY/gelt.toml links.find          # the 25 largest differences
    python bench/memory_step_probe.py COPY/gelt.toml links.find 40       # the 40 largest
    PROBE_ARENAS=1 python bench/memory_step_probe.py COPY/gelt.toml links.find   # + pymalloc's arenas

Runs ``report --format json`` on a copy of a store until the checklist's index would start (it
stops there) and, around the first run of the step named (``module.function`` of ``audits.run``,
as ``bench/memory_steps.py`` prints them), prints on stderr: the process's RSS and peak (VmRSS,
VmHWM), glibc's heap (``mallinfo2``: its arena, the bytes in use and free), the memory SQLite
holds (``sqlite3_memory_used``, and its peak since the last look), and with ``PROBE_ARENAS`` the
arenas of Python's small-object allocator. tracemalloc runs during the step only (4 frames): the
Python heap the step leaves held, its peak inside the step, and the source lines (with their
callers) of what it left held, largest first. What RSS grows beyond what the step holds is free
space it left behind (the heap's free chunks, pymalloc arenas not emptied) or SQLite's.
``PYTHONPATH`` chooses the code measured. Run it on a copy: it writes the audit caches.
"""

from __future__ import annotations

import ctypes
import functools
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

_FIELDS = ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")


class _MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in _FIELDS]


_LIBC = ctypes.CDLL("libc.so.6")
_LIBC.mallinfo2.restype = _MallInfo2
_SQLITE = ctypes.CDLL("libsqlite3.so.0")  # the library Python's sqlite3 module is linked to
_SQLITE.sqlite3_memory_used.restype = ctypes.c_int64
_SQLITE.sqlite3_memory_highwater.restype = ctypes.c_int64
_SQLITE.sqlite3_memory_highwater.argtypes = [ctypes.c_int]
MB = 2**20


def proc_status() -> dict[str, float]:
    """VmRSS and VmHWM of this process, MiB."""
    out = {}
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(("VmRSS", "VmHWM")):
                key, value = line.split(":")
                out[key] = int(value.split()[0]) / 1024
    return out


def mallocstats() -> str:
    """What ``sys._debugmallocstats`` says (it writes to the C stderr: a file, not a pipe, takes all
    of it)."""
    with tempfile.TemporaryFile() as out:
        saved = os.dup(2)
        os.dup2(out.fileno(), 2)
        try:
            sys._debugmallocstats()
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        out.seek(0)
        return out.read().decode(errors="replace")


def _arenas() -> str:
    """pymalloc's arena lines of ``sys._debugmallocstats``."""
    text = mallocstats()
    wanted = ("# arenas allocated current", "# arenas highwater mark")
    return " | ".join(" ".join(line.split()) for line in text.splitlines() if line.startswith(wanted))


def state(tag: str) -> None:
    """One line on stderr: RSS, its peak, glibc's heap, SQLite's memory (and pymalloc's arenas)."""
    heap, rss = _LIBC.mallinfo2(), proc_status()
    print(
        f"{tag}: rss {rss['VmRSS']:.1f} hwm {rss['VmHWM']:.1f} heap {heap.arena / MB:.1f}"
        f" in-use {heap.uordblks / MB:.1f} free {heap.fordblks / MB:.1f} mmapped {heap.hblkhd / MB:.1f}"
        f" sqlite {_SQLITE.sqlite3_memory_used() / MB:.1f} sqlite-peak {_SQLITE.sqlite3_memory_highwater(1) / MB:.1f}",
        file=sys.stderr,
        flush=True,
    )
    if os.environ.get("PROBE_ARENAS"):
        print(f"    pymalloc {_arenas()}", file=sys.stderr, flush=True)


def probed(step: Any, name: str, lines: int) -> Any:
    """``step`` traced the first time it runs (the latest crawl's), as itself afterwards."""
    done = False

    @functools.wraps(step)
    def run(ctx: Any) -> Any:
        nonlocal done
        if done:
            return step(ctx)
        done = True
        state(f"before {name}")
        tracemalloc.start(4)
        before = tracemalloc.take_snapshot()
        cpu = time.process_time()
        result = step(ctx)
        cpu = time.process_time() - cpu
        held, peak = tracemalloc.get_traced_memory()
        after = tracemalloc.take_snapshot()
        tracemalloc.stop()  # (pymalloc's statistics are not printed while it traces)
        state(f"after {name}")
        print(f"python held {held / MB:.1f} MB, peak in the step {peak / MB:.1f} MB, CPU {cpu:.1f} s", file=sys.stderr)
        for stat in after.compare_to(before, "traceback")[:lines]:
            where = " <- ".join(f"{f.filename.split('/')[-1]}:{f.lineno}" for f in reversed(stat.traceback))
            print(f"   {stat.size_diff / MB:7.2f} MB {stat.count_diff:8} {where}", file=sys.stderr)
        return result

    return run


class _Stop(Exception):
    """Raised where the checklist's index would start: the probe ends there."""


def main() -> int:
    cfg, name = sys.argv[1], sys.argv[2]
    lines = int(sys.argv[3]) if len(sys.argv) > 3 else 25
    import gelt_audit.audits.checklist.audit as checklist
    import gelt_audit.audits.run as run
    import gelt_audit.reports.write as write
    from gelt_audit.config import load_config

    target = next(f for f in run.AUDITS if f"{f.__module__.split('.')[-1]}.{f.__qualname__}" == name)
    wrapped = probed(target, name, lines)
    # the step tuples hold the functions: replaced everywhere at once (run_kept compares them)
    for attr in ("AUDITS", "WITHOUT_BROWSER", "VOLATILE", "SIGNALS"):
        setattr(run, attr, tuple(wrapped if f is target else f for f in getattr(run, attr)))
    if getattr(run, target.__name__, None) is target:  # audit() names the checklist step itself
        setattr(run, target.__name__, wrapped)

    def stop(*args: Any, **kwargs: Any) -> Any:
        state("before the checklist")
        raise _Stop

    checklist.index_site = stop
    state("start")
    try:
        write.report_command(
            load_config(cfg), None, "json", str(Path(cfg).parent / "informe-probe.json"), None, stream=sys.stdout
        )
    except _Stop:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
