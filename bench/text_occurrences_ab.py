"""``Finder._text_occurrences`` with the packed columns read in place, against the engine's, in one process (H275).

The one family of the checklist finder's derived parts that weighs (``bench/evaluate_reads.py
--families``) is built per link text by a loop that makes two calls per occurrence
(``Occurrences.named``, ``PackedLinks.named``). Here the same loop reads the columns itself (the
layout is ``packed``'s: a try, not engine code); the crawl's index is caught as ``judge_cpu.py``
does and every profile judged on it with its derived parts emptied, the two versions alternated
``ROUNDS`` times; prints each pair, the medians, the median of the differences and the results'
digests (one: identical).

    python bench/text_occurrences_ab.py /tmp/copy ROUNDS [CRAWL]   # CRAWL: 3 unless given
"""

from __future__ import annotations

import gc
import os
import statistics
import sys
from array import array
from bisect import bisect_right
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from judge_cpu import _caught, _judge  # noqa: E402

from gelt_audit.audits.checklist import evidence  # noqa: E402
from gelt_audit.audits.checklist.packed import _FRAGMENT, _WIDTH, PackedLinks, Run  # noqa: E402

real = evidence.Finder._text_occurrences


def inlined(self: Any, i: int) -> Any:
    """``Finder._text_occurrences`` reading each occurrence's columns in place (same value, same memo)."""
    memo = self._memo("text_occurrences")
    got = memo.get(i)
    if got is None:
        lists = self.idx.link_texts.payloads
        occ = lists.occ
        blocks, starts = occ.blocks, occ.starts
        ids = {}
        firsts = {}
        fragments = False
        for n in lists.ids[i]:
            b = bisect_right(starts, n) - 1
            links = blocks[b].links
            if isinstance(links, PackedLinks):
                s, cols = links.strings, links._all
                at = links._at + (n - starts[b]) * _WIDTH
                t = cols[at]
                key, target = s.keys[t], s.targets[t]
                fragment = cols[at + 2] & _FRAGMENT
            else:
                link = links[n - starts[b]]
                key, target, fragment = link.key, link.target, link.fragment
            got = ids.get(key)
            if got is not None:
                got.append(n)
            else:  # the target's first occurrence of this text
                ids[key] = array("I", (n,))
            if target not in firsts:
                firsts[target] = s.texts[cols[at + 1]] if isinstance(links, PackedLinks) else link.text
            fragments = fragments or bool(fragment)
        runs = tuple([Run(occ, run) for run in ids.values()])
        got = memo[i] = (tuple(ids), runs, fragments, tuple(firsts), tuple(firsts.values()))
    return got


def main() -> int:
    """The alternated rounds; 0 when every round gave the same results."""
    calls = _caught(Path(sys.argv[1]) / "gelt.toml", int(sys.argv[3]) if len(sys.argv) > 3 else 3)
    gc.disable()
    t: dict[str, list[float]] = {"viejo": [], "nuevo": []}
    digests = set()
    for r in range(int(sys.argv[2])):
        for name in ("viejo", "nuevo") if r % 2 == 0 else ("nuevo", "viejo"):
            evidence.Finder._text_occurrences = real if name == "viejo" else inlined  # type: ignore[method-assign]
            spent, digest = _judge(calls)
            t[name].append(spent)
            digests.add(digest)
        print(f"ronda {r}: carga {os.getloadavg()[0]:.1f}; viejo {t['viejo'][-1]:.3f} s, nuevo {t['nuevo'][-1]:.3f} s")
    diffs = [b - a for a, b in zip(t["viejo"], t["nuevo"], strict=True)]
    print(
        f"medianas viejo {statistics.median(t['viejo']):.3f}, nuevo {statistics.median(t['nuevo']):.3f} s; "
        f"mediana de las diferencias {statistics.median(diffs):+.3f} s; resultados {' '.join(sorted(digests))}"
    )
    return 0 if len(digests) == 1 else 1


if __name__ == "__main__":
    sys.exit(main())
