"""Who holds the memory when the checklist's site index is built: each field of the ``SiteIndex``
with what it reaches (deep, each object counted once, to the first field that reaches it), the
largest object types of the whole index, and the process's RSS (issue 21, H192).

    python bench/index_holders.py COPY/gelt.toml            # report --format json, stopped after the first index
    python bench/index_holders.py COPY/gelt.toml --all      # the whole report (prints each index built)
    python bench/index_holders.py COPY/gelt.toml --fields   # and each field of the pages and blocks

Runs ``report --format json`` on a copy of a store (it writes the audit caches: a copy) and, each
time ``checklist.index_site`` returns, prints on stderr the RSS (VmRSS, VmHWM), the Python heap
(``sys.getallocatedblocks`` is not bytes: tracemalloc is not used, so the CPU is the report's) and
the holders: ``sys.getsizeof`` summed over the objects each field reaches through
``gc.get_referents`` (strings, numbers, arrays and bytes included; modules, classes and functions
not followed). ``PYTHONPATH`` chooses the code measured.
"""

from __future__ import annotations

import dataclasses
import gc
import sys
import time
import types
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from memory_step_probe import proc_status  # noqa: E402

_SKIP = (types.ModuleType, type, types.FunctionType, types.BuiltinFunctionType, types.MethodType, types.CodeType)


def rss() -> str:
    """VmRSS and VmHWM of this process, MiB."""
    out = proc_status()
    return f"rss {out['VmRSS']:.0f} MiB, hwm {out['VmHWM']:.0f} MiB"


def reached(root: Any, seen: set[int]) -> Iterator[Any]:
    """The objects ``root`` reaches (itself included) that ``seen`` does not hold yet, each added to
    ``seen`` as it is given (modules, types and code are not followed)."""
    stack = [root]
    while stack:
        obj = stack.pop()
        i = id(obj)
        if i in seen or isinstance(obj, _SKIP):
            continue
        seen.add(i)
        yield obj
        stack.extend(gc.get_referents(obj))


def reach(root: Any, seen: set[int], by_type: Counter[str], counts: Counter[str]) -> int:
    """Bytes (``sys.getsizeof``) of the objects ``root`` reaches that ``seen`` does not hold yet."""
    total = 0
    for obj in reached(root, seen):
        size = sys.getsizeof(obj)
        name = type(obj).__name__
        by_type[name] += size
        counts[name] += 1
        total += size
    return total


def holders(index: Any) -> None:
    """Print each field of ``index`` with the bytes it reaches first, and the largest types."""
    seen: set[int] = {id(index)}
    by_type: Counter[str] = Counter()
    counts: Counter[str] = Counter()
    t0 = time.process_time()
    rows = []
    for f in dataclasses.fields(index):
        rows.append((reach(getattr(index, f.name), seen, by_type, counts), f.name))
    total = sum(size for size, _ in rows)
    print(
        f"  index reaches {total / 2**20:.1f} MB in {len(seen)} objects ({time.process_time() - t0:.1f} s)",
        file=sys.stderr,
    )
    for size, name in sorted(rows, reverse=True):
        print(f"    {size / 2**20:7.1f} MB  {name}", file=sys.stderr)
    if "--fields" in sys.argv:
        per_field(index)
        duplicate_strings(index)
    print("  by type:", file=sys.stderr)
    for name, size in by_type.most_common(15):
        print(f"    {size / 2**20:7.1f} MB {counts[name]:9}  {name}", file=sys.stderr)


def per_field(index: Any) -> None:
    """Print, for the blocks and then the pages of ``index`` (blocks first: a page reaches its
    blocks), the bytes each field of theirs reaches first over all blocks / pages (each object
    counted once), per page of the index, and the largest types of each."""
    n = max(len(index.pages), 1)
    seen: set[int] = {id(index), id(index.pages), id(index.blocks)}
    seen.update(id(x) for x in index.blocks)
    seen.update(id(x) for x in index.pages)
    for name, items in (("Block", index.blocks), ("Page", index.pages)):
        by_type: Counter[str] = Counter()
        counts: Counter[str] = Counter()
        rows = []
        for f in type(items[0]).__slots__ if items else ():
            rows.append((sum(reach(getattr(x, f), seen, by_type, counts) for x in items), f))
        shell = sum(sys.getsizeof(x) for x in items)
        print(f"  {name} fields ({len(items)}; the objects themselves {shell / n:.0f} B/page):", file=sys.stderr)
        for size, f in sorted(rows, reverse=True):
            print(f"    {size / 2**20:7.2f} MB {size / n:8.0f} B/page  {f}", file=sys.stderr)
        print(
            "    " + ", ".join(f"{t} {by_type[t] / n:.0f} B/page ({counts[t]})" for t, _ in by_type.most_common(6)),
            file=sys.stderr,
        )


def duplicate_strings(index: Any) -> None:
    """Print the bytes of the strings the index reaches whose value another reached string already
    has (what one string per distinct value would save): by the field (of the index, or of its
    blocks and pages) that reaches the copy, with a few of their values."""
    seen: set[int] = set()
    first: dict[str, int] = {}
    wasted: Counter[str] = Counter()
    copies: Counter[str] = Counter()
    samples: dict[str, list[str]] = {}
    roots = [(f"Block.{f}", getattr(b, f)) for b in index.blocks for f in type(b).__slots__]
    roots += [(f"Page.{f}", getattr(p, f)) for p in index.pages for f in type(p).__slots__]
    roots += [(f.name, getattr(index, f.name)) for f in dataclasses.fields(index) if f.name not in ("pages", "blocks")]
    seen.update(id(x) for x in (*index.pages, *index.blocks))
    for name, root in roots:
        for obj in reached(root, seen):
            if type(obj) is str and first.setdefault(obj, id(obj)) != id(obj):
                wasted[name] += sys.getsizeof(obj)
                copies[name] += 1
                if len(got := samples.setdefault(name, [])) < 3:
                    got.append(obj[:60])
    n = max(len(index.pages), 1)
    total = sum(wasted.values())
    print(f"  equal strings held twice: {sum(copies.values())} copies, {total / n:.0f} B/page", file=sys.stderr)
    for name, size in wasted.most_common(8):
        print(f"    {size / n:6.0f} B/page {copies[name]:7}  {name}  {samples[name]}", file=sys.stderr)


def main() -> int:
    cfg_path = sys.argv[1]
    whole = "--all" in sys.argv
    import gelt_audit.audits.checklist.audit as checklist
    import gelt_audit.reports.write as write
    from gelt_audit.config import load_config

    built = checklist.index_site

    class Stop(Exception):
        pass

    def index_site(*args: Any, **kwargs: Any) -> Any:
        index = built(*args, **kwargs)
        gc.collect()
        print(f"checklist.index_site: {rss()}, {len(index.pages)} pages", file=sys.stderr, flush=True)
        holders(index)
        if not whole:
            raise Stop
        return index

    checklist.index_site = index_site
    out = Path(cfg_path).parent / "informe-holders.json"
    try:
        write.report_command(load_config(cfg_path), None, "json", str(out), None, stream=sys.stdout)
    except Stop:
        pass
    print(f"end: {rss()}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
