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


def _procs() -> dict[int, tuple[int, int, bytes]]:
    """pid -> (parent pid, VmRSS KiB, command line) of every process readable now."""
    out = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmd = (entry / "cmdline").read_bytes()
            status = (entry / "status").read_text()
        except OSError:
            continue
        rss = next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)
        out[int(entry.name)] = (int(stat.rsplit(")", 1)[1].split()[1]), rss, cmd)
    return out


def tree(pattern: bytes, procs: dict[int, tuple[int, int, bytes]], skip: bytes = b"os.wait4") -> dict[int, int]:
    """pid -> VmRSS of the processes matching ``pattern`` (not ``skip``: the bench's launcher, whose
    command line holds the report's, nor this sampler) and all their descendants."""
    roots = {
        pid for pid, (_pp, _r, cmd) in procs.items() if pattern in cmd and skip not in cmd and b"tree_peak" not in cmd
    }
    found = set(roots)
    grew = True
    while grew:
        more = {pid for pid, (pp, _r, _c) in procs.items() if pp in found and pid not in found}
        found |= more
        grew = bool(more)
    return {pid: procs[pid][1] for pid in found}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pattern", help="texto de la línea de órdenes del proceso raíz (p. ej. su carpeta)")
    ap.add_argument("--every", type=float, default=0.1)
    ap.add_argument("--until-gone", action="store_true", help="termina cuando el árbol, visto, desaparece")
    args = ap.parse_args()
    pattern = args.pattern.encode()
    best, best_at, best_split, seen = 0, "", {}, False
    own: dict[int, int] = {}
    while True:
        rss = tree(pattern, _procs())
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
