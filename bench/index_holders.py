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
    """Print, for the blocks and then the page rows of ``index`` (blocks first: a row reaches its
    blocks), the bytes and objects each field reaches first over all blocks (each object counted
    once), per page of the index, and the largest types of each; then the same for each column of
    the pages' :class:`~gelt_audit.audits.checklist.paged.PageStore` (H225: pages are rows there,
    no ``Page`` objects; the blocks are the store's, every block any page has)."""
    store = index.pages.store
    n = max(len(store), 1)
    blocks = store._blocks
    seen: set[int] = {id(index), id(index.pages), id(store), id(blocks), id(index.blocks)}
    seen.update(id(x) for x in blocks)
    _string_table(blocks, seen, n)
    by_type: Counter[str] = Counter()
    counts: Counter[str] = Counter()
    rows = []
    for f in type(blocks[0]).__slots__ if blocks else ():
        rows.append((sum(reach(getattr(x, f), seen, by_type, counts) for x in blocks), f))
    shell = sum(sys.getsizeof(x) for x in blocks)
    print(f"  Block fields ({len(blocks)} blocks; the objects themselves {shell / n:.0f} B/page):", file=sys.stderr)
    _field_rows(rows, n, by_type, counts)
    by_type, counts, rows = Counter(), Counter(), []
    for f in type(store).__slots__:
        before = sum(counts.values())
        rows.append((reach(getattr(store, f), seen, by_type, counts), f, sum(counts.values()) - before))
    print(f"  PageStore columns ({len(store)} rows; {store.made} pages made so far):", file=sys.stderr)
    for size, f, objs in sorted(rows, reverse=True):
        print(f"    {size / 2**20:7.2f} MB {size / n:8.0f} B/page {objs:9} objects  {f}", file=sys.stderr)
    _types(by_type, counts, n)
    _shared_values(store, n)


def _string_table(blocks: Any, seen: set[int], n: int) -> None:
    """The packed links' string table (``LinkStrings``: every distinct target, key, text and
    heading of the index's links), column by column, counted before the blocks that reach it."""
    from gelt_audit.audits.checklist.packed import PackedLinks

    strings = next((b.links.strings for b in blocks if isinstance(b.links, PackedLinks)), None)
    if strings is None:
        return
    seen.add(id(strings))
    rows = []
    for f in type(strings).__slots__:
        counts: Counter[str] = Counter()
        rows.append((reach(getattr(strings, f), seen, Counter(), counts), f, sum(counts.values())))
    total = sum(size for size, _, _ in rows)
    print(f"  LinkStrings (the links' string table): {total / 2**20:.2f} MB, {total / n:.0f} B/page", file=sys.stderr)
    for size, f, objs in sorted(rows, reverse=True):
        print(f"    {size / 2**20:7.2f} MB {size / n:8.0f} B/page {objs:9} objects  {f}", file=sys.stderr)


def _field_rows(rows: list[tuple[int, str]], n: int, by_type: Counter[str], counts: Counter[str]) -> None:
    for size, f in sorted(rows, reverse=True):
        print(f"    {size / 2**20:7.2f} MB {size / n:8.0f} B/page  {f}", file=sys.stderr)
    _types(by_type, counts, n)


def _types(by_type: Counter[str], counts: Counter[str], n: int) -> None:
    print(
        "    " + ", ".join(f"{t} {by_type[t] / n:.0f} B/page ({counts[t]})" for t, _ in by_type.most_common(6)),
        file=sys.stderr,
    )


def _shared_values(store: Any, n: int) -> None:
    """The store's shared values by the page field they are (their place in a page's row says
    which): bytes reached by the values of each field, each object counted once, in field order.
    Before H298 the rows held numbers (``_refs``) into ``_values``; now the values (``_shared``)."""
    from gelt_audit.audits.checklist.paged import _SHARED, _WIDTH

    by_id: dict[int, tuple[int, Any]] = {}  # each distinct value once, with the first field it is
    if hasattr(store, "_refs"):
        for at, v in enumerate(store._refs):
            by_id.setdefault(v, (at % _WIDTH, store._values[v]))
    else:
        for at, value in enumerate(store._shared):
            by_id.setdefault(id(value), (at % _WIDTH, value))
    seen: set[int] = set()
    sizes: Counter[str] = Counter()
    counts: Counter[str] = Counter()
    for at, value in by_id.values():
        name = _SHARED[at]
        for obj in reached(value, seen):
            sizes[name] += sys.getsizeof(obj)
            counts[name] += 1
    print("  shared values by page field:", file=sys.stderr)
    for name, size in sizes.most_common():
        print(f"    {size / 2**20:7.2f} MB {size / n:8.0f} B/page {counts[name]:9} objects  {name}", file=sys.stderr)


def duplicate_strings(index: Any) -> None:
    """Print the bytes of the strings the index reaches whose value another reached string already
    has (what one string per distinct value would save): by the field (of the index, or of its
    blocks and pages) that reaches the copy, with a few of their values."""
    seen: set[int] = set()
    first: dict[str, int] = {}
    wasted: Counter[str] = Counter()
    copies: Counter[str] = Counter()
    samples: dict[str, list[str]] = {}
    store = index.pages.store
    roots = [(f"Block.{f}", getattr(b, f)) for b in store._blocks for f in type(b).__slots__]
    roots += [(f"PageStore.{f}", getattr(store, f)) for f in type(store).__slots__]
    roots += [(f.name, getattr(index, f.name)) for f in dataclasses.fields(index) if f.name not in ("pages", "blocks")]
    seen.update(id(x) for x in (index.pages, store, *store._blocks))
    for name, root in roots:
        for obj in reached(root, seen):
            if type(obj) is str and first.setdefault(obj, id(obj)) != id(obj):
                wasted[name] += sys.getsizeof(obj)
                copies[name] += 1
                if len(got := samples.setdefault(name, [])) < 3:
                    got.append(obj[:60])
    n = max(len(store), 1)
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
        gc.collect()
        print(f"before checklist.index_site: {rss()}", file=sys.stderr, flush=True)
        index = built(*args, **kwargs)
        gc.collect()
        print(
            f"checklist.index_site: {rss()}, {len(index.pages)} pages, {len(index.pages.store)} rows",
            file=sys.stderr,
            flush=True,
        )
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
