"""What the site index keeps for the judging after each ``evaluate`` of a cold JSON report, memo by
memo (issue 21, H305).

    python bench/memo_sizes.py COPY/gelt.toml

Runs ``report --format json`` (``reports.write.report_command``, as ``bench/peak_where.py``) in this
process on a copy of a store with its audit caches emptied. After each ``evaluate`` (each crawl's
index, each profile) prints on stderr the RSS and its peak, then for each memo of
``SiteIndex.memo`` and each lazily built part of the index's ``PhraseIndex`` es (their word lists,
the spaced blob) and ``text_hits``: its entries and the bytes of the objects reachable only
through it that are containers (dicts, tuples, lists, sets, arrays, ``Run``) and, apart, of the
strings it reaches (which may be the index's own). ``PYTHONPATH`` chooses the code measured. Run
it on a copy: it writes the audit caches.
"""

from __future__ import annotations

import argparse
import sys
from array import array
from pathlib import Path
from typing import Any

from memory_step_probe import proc_status

MB = 1024 * 1024


def deep(root: Any, seen: set[int]) -> tuple[int, int, int]:
    """Bytes of the containers and of the strings reachable from ``root`` not yet in ``seen``, and
    the containers' count (strings, numbers and other objects are leaves)."""
    from gelt_audit.audits.checklist.packed import Flat, Run

    cont = strs = n = 0
    stack = [root]
    while stack:
        o = stack.pop()
        if id(o) in seen:
            continue
        seen.add(id(o))
        t = type(o)
        if t is str or t is bytes:
            strs += sys.getsizeof(o)
            continue
        if t in (int, float, bool) or o is None:
            cont += sys.getsizeof(o) if t is int and not -5 <= o <= 256 else 0
            continue
        if t is dict:
            cont += sys.getsizeof(o)
            n += 1
            stack.extend(o.keys())
            stack.extend(o.values())
        elif t in (tuple, list, set, frozenset):
            cont += sys.getsizeof(o)
            n += 1
            stack.extend(o)
        elif t is array or t is bytearray:
            cont += sys.getsizeof(o)
            n += 1
        elif t is Run:
            cont += sys.getsizeof(o)
            n += 1
            stack.append(o.ids)  # its ``occ`` is the index's
        elif t is Flat:
            cont += sys.getsizeof(o)
            n += 1
            stack.extend((o.data, o.starts))
        # anything else (pages, blocks, links, rules): the index's own, not counted
    return cont, strs, n


def report_state(tag: str, idx: Any) -> None:
    """RSS and each memo's size after an ``evaluate``."""
    rss = proc_status()
    print(f"== {tag}: RSS {rss.get('VmRSS', 0):.1f} MiB, peak {rss.get('VmHWM', 0):.1f}", file=sys.stderr)
    seen: set[int] = {id(idx.memo)}
    rows = []
    for name, memo in idx.memo.items():
        c, s, n = deep(memo, seen)
        rows.append(
            (
                c + s,
                f"  memo {name:<22} {len(memo):>8} entradas  contenedores {c / MB:6.1f} MB ({n} obj.)  cadenas {s / MB:5.1f}",
            )
        )
    for field in ("labels", "link_texts", "urls"):
        pi = getattr(idx, field)
        for part in ("_ids", "_words", "_word_ids", "_blob", "_offsets"):
            val = getattr(pi, part, None)
            if val is None:
                continue
            c, s, n = deep(val, seen)
            rows.append(
                (c + s, f"  {field}.{part:<16} contenedores {c / MB:6.1f} MB ({n} obj.)  cadenas {s / MB:5.1f}")
            )
    c, s, n = deep(idx.text_hits, seen)
    rows.append((c + s, f"  text_hits {len(idx.text_hits)}: contenedores {c / MB:6.1f} MB  cadenas {s / MB:5.1f}"))
    for _size, line in sorted(rows, reverse=True):
        print(line, file=sys.stderr)
    total = sum(r[0] for r in rows)
    print(f"  total {total / MB:.1f} MB", file=sys.stderr)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("config", type=Path)
    args = ap.parse_args()
    from gelt_audit.audits.checklist import audit
    from gelt_audit.config import load_config
    from gelt_audit.reports import write

    evaluate = audit.evaluate
    calls = {"n": 0}

    def wrapped(checklist, index, **kw):  # type: ignore[no-untyped-def]
        out = evaluate(checklist, index, **kw)
        calls["n"] += 1
        report_state(f"evaluate {calls['n']} ({checklist.profile})", index)
        return out

    audit.evaluate = wrapped
    write.report_command(load_config(args.config), None, "json", str(args.config.parent / "informe.json"), None)
    rss = proc_status()
    print(f"fin: peak {rss.get('VmHWM', 0):.1f} MiB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
