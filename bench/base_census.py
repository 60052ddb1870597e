"""What a cold report holds when the checklist's first ``index_site`` starts (issue 21, H285).

    python bench/base_census.py COPY/gelt.toml

Runs ``report --format json`` (``reports.write.report_command``) in this process on a copy of a
store with its audit caches emptied (``bench/weekly.py``'s ``prepare``; it writes the audit caches)
and stops when the checklist's first site index would start. Prints on stderr there: the
``bench/memory_step_probe.py`` line (RSS and its peak, glibc's heap, SQLite's memory); after a full
collection, the objects the cyclic collector tracks outside its frozen generation
(``collector.settle_imports`` freezes what the imports made) by type, with their shallow sizes;
the mapping of link states the index is given (entries, and the bytes of its table, keys and
values: ``gc.get_referents`` does not list a str-keyed dict's keys); and every ``lru_cache`` of a
``gelt_audit`` module holding more than 1,000 entries. For which source lines hold the Python heap
there, use ``bench/before_index.py --trace N``. ``PYTHONPATH`` chooses the code measured.
"""

from __future__ import annotations

import collections
import gc
import sys
from pathlib import Path
from typing import Any

from memory_step_probe import state


class Stop(BaseException):
    """Raised where the index would start: nothing after it runs."""


def _mapping_bytes(mapping: dict[Any, Any]) -> int:
    """The bytes of a dict's table and of its keys and values (each distinct object once)."""
    seen: set[int] = set()
    total = sys.getsizeof(mapping)
    for obj in (*mapping.keys(), *mapping.values()):
        if id(obj) not in seen:
            seen.add(id(obj))
            total += sys.getsizeof(obj)
    return total


def census(link_states: dict[str, str] | None) -> None:
    """Print what is held (see the module's docstring)."""
    state("AT index_site")
    gc.collect()
    objects = gc.get_objects()
    count: collections.Counter[str] = collections.Counter()
    size: collections.Counter[str] = collections.Counter()
    for obj in objects:
        count[type(obj).__name__] += 1
        size[type(obj).__name__] += sys.getsizeof(obj)
    print(f"tracked objects (not frozen) {len(objects)}, allocated blocks {sys.getallocatedblocks()}", file=sys.stderr)
    for name, total in size.most_common(15):
        print(f"   {name:30} {count[name]:9} objects {total / 2**20:7.2f} MiB", file=sys.stderr)
    states = link_states or {}
    print(f"link states: {len(states)} URLs, {_mapping_bytes(states) / 2**20:.2f} MiB", file=sys.stderr)
    for name, module in list(sys.modules.items()):
        if not name.startswith("gelt_audit"):
            continue
        for attr, value in list(vars(module).items()):
            info = getattr(value, "cache_info", None)
            if callable(info) and info().currsize > 1000:
                print(f"   lru_cache {name}.{attr}: {info()}", file=sys.stderr)
    resolvers = getattr(sys.modules.get("gelt_audit.audits.pages"), "_LAST_RESOLVER", None)
    if resolvers:
        names = resolvers[1].names
        print(f"   pages resolver: {len(names)} URLs, {_mapping_bytes(names) / 2**20:.2f} MiB", file=sys.stderr)


def main() -> int:
    cfg = sys.argv[1]
    import gelt_audit.audits.checklist.audit as audit
    import gelt_audit.reports.write as write
    from gelt_audit.config import load_config

    def index_site(*args: Any, **kwargs: Any) -> Any:
        census(kwargs.get("link_states"))
        raise Stop

    audit.index_site = index_site  # type: ignore[assignment]
    try:
        write.report_command(load_config(Path(cfg)), None, "json", str(Path(cfg).parent / "informe-census.json"), None)
    except Stop:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
