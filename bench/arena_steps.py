"""pymalloc's arenas, live blocks and holes inside the checklist's ``index_site``, step by step
(issue 21, H298).

    python bench/arena_steps.py COPY/gelt.toml            # report --format json, the whole of it
    python bench/arena_steps.py COPY/gelt.toml --every 5000   # a line each 5,000 pages read

Runs ``report --format json`` on a copy of a store with its audit caches emptied and prints on
stderr, at each step of the checklist's index (every ``--every`` pages of ``_read_pages``, after
it, after ``_phrase_indexes``, the carry's ``encode``, the index's return) and around each
``evaluate``: RSS and its peak, pymalloc's arenas (1 MiB each), the bytes of its live blocks, of
its free blocks inside used pools (``avail``) and of its unused pools inside used arenas
(``pools``), glibc's heap (in use, free, ``mmap``). At the end of ``_read_pages`` and of the
index, the size classes with the most free bytes inside used pools. What the arenas hold beyond
the live blocks is what the allocator cannot give back. ``PYTHONPATH`` chooses the code measured.
Run it on a copy: it writes the audit caches.
"""

from __future__ import annotations

import argparse
import functools
import re
import sys
from pathlib import Path
from typing import Any

from memory_step_probe import _LIBC, MB, mallocstats, proc_status

_ROW = re.compile(r"^\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*$")


def _num(text: str, label: str) -> int:
    m = re.search(re.escape(label) + r"\s*=\s*([\d,]+)", text)
    return int(m.group(1).replace(",", "")) if m else -1


def state(tag: str, classes: bool = False) -> None:
    """One line on stderr (and with ``classes`` the size classes holding most free bytes)."""
    text = mallocstats()
    heap, rss = _LIBC.mallinfo2(), proc_status()
    pools = re.search(r"(\d+) unused pools \* (\d+) bytes", text)
    unused = int(pools.group(1)) * int(pools.group(2)) if pools else -1
    print(
        f"{tag}: rss {rss['VmRSS']:.1f} hwm {rss['VmHWM']:.1f} | arenas {_num(text, '# arenas allocated current')}"
        f" live {_num(text, '# bytes in allocated blocks') / MB:.1f} avail {_num(text, '# bytes in available blocks') / MB:.1f}"
        f" pools {unused / MB:.1f} | glibc in-use {heap.uordblks / MB:.1f} free {heap.fordblks / MB:.1f}"
        f" mmap {heap.hblkhd / MB:.1f}",
        file=sys.stderr,
        flush=True,
    )
    if classes:
        rows = []
        for line in text.splitlines():
            m = _ROW.match(line)
            if m:
                _cls, size, npools, used, avail = map(int, m.groups())
                rows.append((avail * size, size, npools, used * size))
        rows.sort(reverse=True)
        print(
            "   free by size: "
            + ", ".join(f"{s}B {a / MB:.1f} (live {u / MB:.1f}, pools {p})" for a, s, p, u in rows[:8]),
            file=sys.stderr,
            flush=True,
        )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("config")
    ap.add_argument("--every", type=int, default=10_000)
    args = ap.parse_args()
    import gelt_audit.audits.checklist.audit as audit
    import gelt_audit.audits.checklist.index as index
    import gelt_audit.reports.write as write
    from gelt_audit.audits.checklist.parse import Builder
    from gelt_audit.config import load_config

    def probed(owner: Any, name: str, classes: bool = False) -> None:
        fn = getattr(owner, name)

        @functools.wraps(fn)
        def call(*a: Any, **k: Any) -> Any:
            state(f"before {name}")
            out = fn(*a, **k)
            state(f"after  {name}", classes)
            return out

        setattr(owner, name, call)

    parse = Builder.parse
    seen = [0]

    def counted(self: Any, doc: Any, idx: int) -> Any:
        seen[0] += 1
        if seen[0] % args.every == 0:
            state(f"   read {seen[0]}")
        return parse(self, doc, idx)

    Builder.parse = counted  # type: ignore[method-assign]
    probed(index, "_read_pages", classes=True)
    probed(index, "_phrase_indexes")
    probed(index, "encode")
    probed(audit, "index_site", classes=True)
    probed(audit, "evaluate")
    write.report_command(load_config(args.config), None, "json", str(Path(args.config).parent / "informe-a.json"), None)
    state("end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
