"""Which pages each checklist item's evaluation reads, against the pages a week changed (issue 21, H275).

Whether an item's verdict could be carried from the previous crawl depends first on whether judging
it reads any page the new crawl changed, added or removed. This script catches the site index of a
crawl as the audit builds it (``bench/judge_cpu.py``'s ``_caught``: a copy of a store, its kept
checklist evaluations dropped), judges every profile again on it with ``PageStore.page`` and
``Finder._best_number`` (the pages compared to show a block on) recorded per item (``judge._evaluate_item`` and ``shown_by_entries``), times
each item (``time.process_time``) and prints, per profile, how many items read no changed page and
what share of the evaluation's CPU they take: the ceiling of carrying verdicts by the pages read.

It is a lower bound of what an item depends on: what one item's memo (``SiteIndex.memo``) derived
from pages is read by later items without a page made; a link found through the link-text or URL
phrase indexes is a ``Block`` of shared chrome, whose pages are read only when one is chosen; and a
changed page that newly matches an item's phrases or text rules is read by no evaluation of the old
crawl. Read-only on the index; writes the copy's caches (run it on a copy).

``--rounds N`` first times, N times, every profile judged with the index's derived parts emptied
(``judge_cpu._judge``: ``SiteIndex.memo`` and the phrase indexes' word lists, as a new crawl's index
has them) and then again with them as the first judging left them: the ceiling of carrying what the
finder derives from the index (runs per link text and target, the guards' answers) to the next crawl.

With ``--families``, each round also judges with everything derived kept but one family of
``SiteIndex.memo`` (``text_occurrences``, ``run_best``…) emptied: what that family alone costs.

    python bench/evaluate_reads.py /tmp/copy --crawl 3 --previous 2 [--rounds 3] [--families]
"""

from __future__ import annotations

import argparse
import gc
import os
import sqlite3
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from judge_cpu import _caught, _judge  # noqa: E402

from gelt_audit.audits.checklist import evidence, judge, paged  # noqa: E402


def _changed(db: Path, crawl: int, previous: int) -> set[str]:
    """The URLs whose body or status differ between the two crawls, or that only one has."""
    q = "select p.url, s.body_hash, s.status from snapshots s join pages p on p.id = s.page_id where crawl_id = ?"
    with sqlite3.connect(db) as conn:
        new = {u: (h, st) for u, h, st in conn.execute(q, (crawl,))}
        old = {u: (h, st) for u, h, st in conn.execute(q, (previous,))}
    return {u for u in new.keys() | old.keys() if new.get(u) != old.get(u)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("store", type=Path)
    ap.add_argument("--crawl", type=int, required=True)
    ap.add_argument("--previous", type=int, required=True)
    ap.add_argument("--rounds", type=int, default=0)
    ap.add_argument("--families", action="store_true")
    args = ap.parse_args()
    changed = _changed(args.store / "gelt.db", args.crawl, args.previous)
    calls = _caught(args.store / "gelt.toml", args.crawl)
    idx = calls[0][1]
    gc.disable()
    for r in range(args.rounds):
        load = os.getloadavg()[0]
        emptied, digest = _judge(calls)
        start = time.process_time()
        again = [x for checklist, index, kw in calls for x in judge.evaluate(checklist, index, **kw)]
        kept = time.process_time() - start
        print(
            f"ronda {r}: derivados vacíos {emptied:.3f} s, guardados {kept:.3f} s ({len(again)} ítems; carga {load:.1f})"
        )
        if args.families:
            full = {name: dict(values) for name, values in idx.memo.items()}
            for name in full:
                idx.memo.clear()
                idx.memo.update({k: dict(v) for k, v in full.items() if k != name})
                start = time.process_time()
                for checklist, index, kw in calls:
                    judge.evaluate(checklist, index, **kw)
                print(f"    sin {name} ({len(full[name])} entradas): {time.process_time() - start:.3f} s")
    idx.memo.clear()
    store = idx.pages.store
    changed_ids = {i for i, u in enumerate(store.urls) if u in changed}
    current: list[set[int]] = [set(), set()]  # pages made or compared; pages made
    reads: dict[str, set[int]] = defaultdict(set)
    made: dict[str, set[int]] = defaultdict(set)
    spent: dict[str, float] = defaultdict(float)

    real_page, real_best = paged.PageStore.page, evidence.Finder._best_number

    def page(self: Any, i: int) -> Any:
        current[0].add(i)
        current[1].add(i)
        return real_page(self, i)

    def best(self: Any, ids: Any) -> Any:
        ids = list(ids)
        current[0].update(ids)
        return real_best(self, ids)

    def scoped(name: str, real: Any) -> Any:
        def run(case: Any, *a: Any, **kw: Any) -> Any:
            key = f"{case.profile}:{case.item.id}"
            current[:] = reads[key], made[key]
            start = time.process_time()
            try:
                return real(case, *a, **kw)
            finally:
                spent[key] += time.process_time() - start
                current[:] = set(), set()

        return run

    by_kind: dict[str, float] = defaultdict(float)
    real_kind = judge.evidence_kind

    class Timed:  # a rule kind whose hits are timed by kind
        def __init__(self, kind: Any) -> None:
            self.kind = kind

        def hits(self, *a: Any) -> Any:
            start = time.process_time()
            try:
                return self.kind.hits(*a)
            finally:
                by_kind[self.kind.kind] += time.process_time() - start

    def kind_of(rule: Any) -> Any:
        kind = real_kind(rule)
        return None if kind is None else Timed(kind)

    paged.PageStore.page, evidence.Finder._best_number = page, best
    judge.evidence_kind = kind_of
    judge._evaluate_item = scoped("item", judge._evaluate_item)
    judge.shown_by_entries = scoped("shown", judge.shown_by_entries)
    gc.disable()
    start = time.process_time()
    results = [r for checklist, index, kw in calls for r in judge.evaluate(checklist, index, **kw)]
    total = time.process_time() - start
    print(f"{len(changed)} URL cambiadas; {len(changed_ids)} de {len(store.urls)} páginas del índice")
    print(f"evaluar: {total:.3f} s de CPU, {len(results)} ítems; medido por ítem {sum(spent.values()):.3f} s")
    for profile in dict.fromkeys(r.profile for r in results):
        keys = [k for k in reads if k.startswith(profile + ":")]
        clean = [k for k in keys if not reads[k] & changed_ids]
        unmade = [k for k in keys if not made[k] & changed_ids]
        cpu = sum(spent[k] for k in keys)
        print(
            f"  {profile}: {len(clean)} de {len(keys)} ítems no leen página cambiada "
            f"({sum(spent[k] for k in clean):.3f} de {cpu:.3f} s); páginas leídas por ítem, mediana "
            f"{sorted(len(reads[k]) for k in keys)[len(keys) // 2]}, máx. {max(len(reads[k]) for k in keys)}; "
            f"contando sólo las hechas (no las comparadas para mostrar un bloque): {len(unmade)} ítems, "
            f"{sum(spent[k] for k in unmade):.3f} s"
        )
    home = idx.home.idx if idx.home is not None else -1
    print(
        f"  la página de inicio {'cambió' if home in changed_ids else 'no cambió'}; la leen "
        f"{sum(1 for k in reads if home in reads[k])} de {len(reads)} ítems"
    )
    rest = sum(spent.values()) - sum(by_kind.values())
    print("  por clase de regla: " + ", ".join(f"{k} {v:.3f}" for k, v in sorted(by_kind.items(), key=lambda x: -x[1])))
    print(f"  fuera de las reglas (juzgar, periodos, secciones mostradas): {rest:.3f} s")
    slow = sorted(spent, key=spent.get, reverse=True)[:12]
    for k in slow:
        print(
            f"    {spent[k]:.3f} s  {len(reads[k]):6} páginas ({len(made[k])} hechas), "
            f"{len(reads[k] & changed_ids):4} cambiadas ({len(made[k] & changed_ids)} hechas)  {k}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
