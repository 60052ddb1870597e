"""The memory a process and its children hold at once, sampled (issue 21, H231).

A report whose checklist parses pages in worker processes holds memory in several processes at
once: the peak of each (``os.wait4``, ``getrusage``) does not say how much they held together.
This samples, every ``--every`` seconds, the resident memory (VmRSS) of the processes whose
command line contains ``pattern`` (e.g. the report's working folder) and of all their
descendants, and prints the largest sum seen, each process's own largest, and when.

    python bench/tree_peak.py /tmp/h231/c50k/new-0 --every 0.1 --until-gone
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path


def _cmd(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def roots(pattern: bytes) -> set[int]:
    """The processes whose command line holds ``pattern``, but the bench's launcher (its command
    line holds the report's: ``os.wait4``) and this sampler (a whole scan of /proc: done until found)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            cmd = _cmd(int(entry.name))
            if pattern in cmd and b"os.wait4" not in cmd and b"tree_peak" not in cmd:
                found.add(int(entry.name))
    return found


def _rss(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    return next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)


def tree(top: set[int]) -> dict[int, int]:
    """pid -> VmRSS (KiB) of ``top`` and all their descendants alive (``/proc/<pid>/task/*/children``:
    no scan of every process at each sample)."""
    out: dict[int, int] = {}
    todo = list(top)
    while todo:
        pid = todo.pop()
        rss = _rss(pid)
        if not rss:
            continue
        out[pid] = rss
        try:
            for task in Path(f"/proc/{pid}/task").iterdir():
                todo.extend(int(c) for c in (task / "children").read_text().split())
        except OSError:
            pass
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pattern", help="texto de la línea de órdenes del proceso raíz (p. ej. su carpeta)")
    ap.add_argument("--every", type=float, default=0.1)
    ap.add_argument("--until-gone", action="store_true", help="termina cuando el árbol, visto, desaparece")
    args = ap.parse_args()
    pattern = args.pattern.encode()
    best, best_at, best_split, seen = 0, "", {}, False
    own: dict[int, int] = {}
    top: set[int] = set()
    while True:
        while not top:
            top = roots(pattern)
            if not top:
                time.sleep(2)
        rss = tree(top)
        seen = seen or bool(rss)
        if seen and not rss and args.until_gone:
            break
        for pid, kib in rss.items():
            own[pid] = max(own.get(pid, 0), kib)
        total = sum(rss.values())
        if total > best:
            best, best_at, best_split = total, time.strftime("%H:%M:%S"), dict(rss)
        time.sleep(args.every)
    print(f"suma máxima a la vez: {best / 1024:.1f} MiB a las {best_at} ({len(best_split)} procesos: ", end="")
    print(", ".join(f"{kib / 1024:.1f}" for kib in sorted(best_split.values(), reverse=True)) + ")")
    print("máximo de cada proceso (MiB): " + ", ".join(f"{pid}: {kib / 1024:.1f}" for pid, kib in sorted(own.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
