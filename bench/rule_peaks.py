"""What each evidence rule of a cold JSON report's ``evaluate`` leaves in resident memory and in
the index's memos, rule by rule (issue 21, H310: ``bench/item_peaks.py`` one level down).

    python bench/rule_peaks.py COPY/gelt.toml [--top 15]

Runs ``report --format json`` (``reports.write.report_command``) in this process on a copy of a
store with its audit caches emptied (``bench/weekly.py``'s ``prepare``). Around each evidence rule
judged (the kind's ``hits``, through ``judge.evidence_kind``) it resets the process's peak RSS
(``/proc/self/clear_refs`` ``5``, Linux) and reads it after, and counts the entries of each memo of
``SiteIndex.memo`` before and after. Prints on stderr, after each ``evaluate``, the ``--top``
rules by what they left (RSS after minus before), their rise of the peak and the memos that
grew (name +entries). ``PYTHONPATH`` chooses the code measured. Run it on a copy: it writes the
audit caches.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from pathlib import Path
from typing import Any

from item_peaks import _reset_peak, _status

_GENERATED = re.compile(rb'"generated_at": ?"[^"]*"')


def _sizes(finder: Any) -> dict[str, int]:
    return {name: len(m) for name, m in finder.idx.memo.items() if hasattr(m, "__len__")}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("config", type=Path)
    ap.add_argument("--top", type=int, default=15)
    args = ap.parse_args()
    from gelt_audit.audits.checklist import audit, judge
    from gelt_audit.config import load_config
    from gelt_audit.reports import write

    rows: list[tuple[float, float, str, str]] = []
    kind_of = judge.evidence_kind

    class Probe:
        def __init__(self, kind: Any) -> None:
            self.kind = kind

        def hits(self, finder: Any, rule: Any, item: Any) -> Any:
            was = _sizes(finder)
            _reset_peak()
            before, _ = _status()
            out = self.kind.hits(finder, rule, item)
            after, high = _status()
            now = _sizes(finder)
            grew = " ".join(f"{k}+{v - was.get(k, 0)}" for k, v in now.items() if v != was.get(k, 0))
            rows.append((after - before, high - before, f"{item.id} {rule.kind}", grew))
            return out

    def probed(rule: Any) -> Any:
        kind = kind_of(rule)
        return None if kind is None else Probe(kind)

    judge.evidence_kind = probed
    evaluate = audit.evaluate
    calls = {"n": 0}

    def wrapped(checklist: Any, index: Any, **kw: Any) -> Any:
        rows.clear()
        start, _ = _status()
        out = evaluate(checklist, index, **kw)
        calls["n"] += 1
        rss, _ = _status()
        print(f"== evaluate {calls['n']} ({checklist.profile}): RSS {start:.1f} -> {rss:.1f} MiB", file=sys.stderr)
        for left, rise, name, grew in sorted(rows, reverse=True)[: args.top]:
            print(f"  {name:<52} deja {left:5.1f} sube {rise:5.1f}  {grew}", file=sys.stderr)
        return out

    audit.evaluate = wrapped
    out = args.config.parent / "informe.json"
    write.report_command(load_config(args.config), None, "json", str(out), None)
    digest = hashlib.sha256(_GENERATED.sub(b'"generated_at": ""', out.read_bytes())).hexdigest()[:12]
    print(f"fin: JSON {digest}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
