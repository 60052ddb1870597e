"""Which checklist item's judging raises the resident memory inside an ``evaluate`` of a cold JSON
report, item by item (issue 21, H305).

    python bench/item_peaks.py COPY/gelt.toml [--top 12]

Runs ``report --format json`` (``reports.write.report_command``, as ``bench/peak_where.py``) in this
process on a copy of a store with its audit caches emptied. Around each item judged
(``judge._evaluate_item``) it resets the process's peak RSS (``/proc/self/clear_refs`` ``5``,
Linux) and reads it after: the item's rise of the peak over the RSS it started at, and what it
left (RSS after minus before). Prints on stderr, after each ``evaluate``, its RSS, its peak and
the ``--top`` items by rise. The reset also resets ``ru_maxrss``: the process's peak is measured
by ``bench/cold.py``, not here. An item
that rises little may still allocate a lot inside memory the allocator already had free: the
rise is what it costs the peak at that point. ``PYTHONPATH`` chooses the code measured. Run it on
a copy: it writes the audit caches.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from pathlib import Path
from typing import Any

_GENERATED = re.compile(rb'"generated_at": ?"[^"]*"')


def _status() -> tuple[float, float]:
    """VmRSS and VmHWM, MiB."""
    rss = hwm = 0.0
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS"):
                rss = int(line.split()[1]) / 1024
            elif line.startswith("VmHWM"):
                hwm = int(line.split()[1]) / 1024
    return rss, hwm


def _reset_peak() -> None:
    with open("/proc/self/clear_refs", "w") as fh:
        fh.write("5")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("config", type=Path)
    ap.add_argument("--top", type=int, default=12)
    args = ap.parse_args()
    from gelt_audit.audits.checklist import audit, judge
    from gelt_audit.config import load_config
    from gelt_audit.reports import write

    rows: list[tuple[float, float, str, float]] = []
    one = judge._evaluate_item

    def item(case: Any, finder: Any, today: Any) -> Any:
        _reset_peak()
        before, _ = _status()
        out = one(case, finder, today)
        after, high = _status()
        rows.append((high - before, after - before, case.item.id, before))
        return out

    judge._evaluate_item = item
    evaluate = audit.evaluate
    calls = {"n": 0}

    def wrapped(checklist: Any, index: Any, **kw: Any) -> Any:
        rows.clear()
        _reset_peak()
        start, _ = _status()
        out = evaluate(checklist, index, **kw)
        calls["n"] += 1
        rss, _ = _status()
        high = max((r[0] + r[3] for r in rows), default=rss)
        print(
            f"== evaluate {calls['n']} ({checklist.profile}): RSS {start:.1f} -> {rss:.1f} MiB, "
            f"its items' peak {high:.1f}",
            file=sys.stderr,
        )
        for rise, left, name, before in sorted(rows, reverse=True)[: args.top]:
            print(f"  {name:<48} desde {before:6.1f} sube {rise:6.1f}  deja {left:6.1f}", file=sys.stderr)
        return out

    audit.evaluate = wrapped
    out = args.config.parent / "informe.json"
    write.report_command(load_config(args.config), None, "json", str(out), None)
    digest = hashlib.sha256(_GENERATED.sub(b'"generated_at": ""', out.read_bytes())).hexdigest()[:12]
    print(f"fin: JSON {digest}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
