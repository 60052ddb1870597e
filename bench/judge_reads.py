"""What each checklist item reads of a site, for two consecutive crawls, against what changed between them.

A measure for the design of carrying an item's verdict from last week (H150, issue 21): on a store
(a copy: the audit writes its caches and this hides later crawls), the crawls after ``--crawl`` are
hidden, the kept findings and checklist evaluations dropped, and ``run.audit`` of ``--crawl`` judges
it and the crawl before it (for its regressions). While each profile is judged, every item records
a **lower bound** of the pages it reads: the URLs of the hits its rules return (the hit's address
and the page it was found on) and the pages the finder ranks to show a block on (``best_of``).
Printed: the pages that changed between the two crawls (URL, status, body, redirect), the pages
whose clicks from home changed, whether the site-wide inputs (home, Transparencia menu, header and
footer placements, link states, home aliases) are equal, and how many items read, in either crawl,
a page that changed: those an item-level carry must judge again whatever its design.

    python bench/judge_reads.py /tmp/copy --crawl 3
"""

from __future__ import annotations

import argparse
import sqlite3
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from gelt_audit.audits import run
from gelt_audit.audits.checklist import audit, evidence, judge
from gelt_audit.audits.checklist.kinds import KINDS, EvidenceKind
from gelt_audit.audits.checklist.urls import url_key
from gelt_audit.config import load_config
from gelt_audit.store import Store

_current: list[tuple[int, str, str]] = []  # (index id, profile, item) being judged
_reads: dict[tuple[int, str, str], set[str]] = defaultdict(set)
_hit_reads: dict[tuple[int, str, str], set[str]] = defaultdict(set)  # the hits' URLs alone
_cpu: dict[tuple[int, str, str], float] = defaultdict(float)  # CPU seconds judging each item


def _instrument() -> None:
    """Record, per item judged, the URL keys its hits and ranked blocks read."""
    real_item = judge._evaluate_item

    def item(case: Any, finder: Any, today: Any) -> Any:
        key = (id(finder.idx), case.profile, case.item.id)
        _current.append(key)
        start = time.process_time()
        try:
            return real_item(case, finder, today)
        finally:
            _cpu[key] += time.process_time() - start
            _current.pop()

    judge._evaluate_item = item
    real_best = evidence.Finder.best_of

    def best_of(self: Any, ids: Any) -> Any:
        ids = list(ids)
        if _current:
            _reads[_current[-1]].update(self.by_idx[i].key for i in ids if i in self.by_idx)
        return real_best(self, ids)

    evidence.Finder.best_of = best_of
    for cls in {c for c in KINDS.values() if isinstance(c, type) and issubclass(c, EvidenceKind)}:
        real = cls.hits.__func__  # the kind's own, or the one it inherits (PageTextKind)

        def hits(klass: Any, finder: Any, rule: Any, it: Any, _real: Any = real) -> Any:
            found = _real(klass, finder, rule, it)
            if _current:
                keys = {url_key(u) for h in found for u in (h.url, h.found_on) if u}
                _reads[_current[-1]].update(keys)
                _hit_reads[_current[-1]].update(keys)
            return found

        cls.hits = classmethod(hits)


def _snapshots(db: Path, crawl_id: int) -> dict[str, tuple[Any, ...]]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "select p.url, s.kind, s.status, s.body_hash, s.location from snapshots s join pages p on p.id = s.page_id"
            " where s.crawl_id = ?",
            [crawl_id],
        ).fetchall()
    return {url_key(r[0]): tuple(r[1:5]) for r in rows if r[1] not in ("probe", "resource")}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("store", type=Path, help="a copy of a bench run (gelt.toml, gelt.db)")
    ap.add_argument("--crawl", type=int, required=True)
    args = ap.parse_args()
    db = args.store / "gelt.db"
    with sqlite3.connect(db) as conn:
        conn.execute("update crawls set status = 'oculto-h150' where id > ?", [args.crawl])
        conn.execute("delete from body_audits where audit in ('checklist', 'findings')")
    caught: list[Any] = []
    real_eval = audit.evaluate

    def catch(checklist: Any, pages: Any, **kw: Any) -> Any:
        caught.append(pages)
        return real_eval(checklist, pages, **kw)

    audit.evaluate = catch
    _instrument()
    config = load_config(args.store / "gelt.toml")
    with Store(config.store_path) as store:
        crawl = store.crawl(args.crawl)
        previous = store.previous_crawl(crawl)
        run.audit(store, config, crawl, browser=False)
    new, old = caught[0], caught[-1]
    assert new is not old, "the previous crawl was not judged"
    a, b = _snapshots(db, previous.id), _snapshots(db, crawl.id)
    changed = {k for k in a.keys() | b.keys() if a.get(k) != b.get(k)}
    deep = {k for k in old.depth.keys() | new.depth.keys() if old.depth.get(k) != new.depth.get(k)}
    print(f"crawls {previous.id} -> {crawl.id}: {len(a)} / {len(b)} addresses, {len(changed)} changed")
    print(f"clicks from home changed: {len(deep)} pages ({len(deep - changed)} of them unchanged)")
    same = {
        "home": (old.home.key if old.home else None) == (new.home.key if new.home else None)
        and (old.home.key if old.home else "") not in changed,
        "menu_keys": old.menu_keys == new.menu_keys,
        "menu_prefixes": old.menu_prefixes == new.menu_prefixes,
        "placements": old.placements == new.placements,
        "link_states": old.link_states == new.link_states,
        "home_aliases": old.home_aliases == new.home_aliases,
    }
    print("site-wide inputs equal:", same)
    print(
        f"menu keys: {len(old.menu_keys)} -> {len(new.menu_keys)}, {len(old.menu_keys ^ new.menu_keys)} differ;"
        f" prefixes {len(old.menu_prefixes)} -> {len(new.menu_prefixes)}"
        f" ({len(set(old.menu_prefixes))} -> {len(set(new.menu_prefixes))} distinct,"
        f" {len(set(old.menu_prefixes) ^ set(new.menu_prefixes))} differ);"
        f" menu keys that differ and did not change: {len((old.menu_keys ^ new.menu_keys) - changed)}"
    )
    moved = {
        k for k in old.link_states.keys() | new.link_states.keys() if old.link_states.get(k) != new.link_states.get(k)
    }
    print(f"link states: {len(old.link_states)} -> {len(new.link_states)}, {len(moved)} differ: {sorted(moved)[:5]}")
    shared = [bl for bl in new.blocks if len(bl.pages) > 100]
    keys = {p.idx: p.key for p in new.pages}
    on_changed = sum(1 for bl in shared if any(keys.get(i) in changed for i in bl.pages))
    print(f"blocks on more than 100 pages: {len(shared)}, {on_changed} of them on a changed page")
    items: dict[tuple[str, str], dict[int, set[str]]] = defaultdict(dict)
    for (ix, profile, item), read in _reads.items():
        items[(profile, item)][ix] = read
    total = sum(1 for _ in items)
    touched = [k for k, r in items.items() if any(v & changed for v in r.values())]
    touched_deep = [k for k, r in items.items() if any(v & (changed | deep) for v in r.values())]
    reading = [k for k, r in items.items() if any(r.values())]
    print(f"items judged on evidence (in either crawl): {total}; reading some page: {len(reading)}")
    print(f"items reading a changed page (lower bound of those to judge again): {len(touched)}")
    print(f"... or a page whose clicks from home changed: {len(touched_deep)}")
    by_hits = {(p, i) for (ix, p, i), r in _hit_reads.items() if r & changed}
    print(f"items whose hits (not the pages a shared block is on) touch a changed page: {len(by_hits)}")
    cost = {(p, i): c for (ix, p, i), c in _cpu.items() if ix == id(new)}
    whole = sum(cost.values())
    must = sum(c for k, c in cost.items() if k in set(touched))
    print(
        f"CPU judging the items of crawl {crawl.id} (instrumented): {whole:.2f} s over {len(cost)} items;"
        f" items reading a changed page {must:.2f} s, the others {whole - must:.2f} s;"
        f" items whose hits touch one {sum(c for k, c in cost.items() if k in by_hits):.2f} s"
    )
    for k, c in sorted(cost.items(), key=lambda kc: -kc[1])[:12]:
        print(
            f"  {c:6.3f} s  {k[0]} {k[1]}  reads {len(set().union(*items.get(k, {0: set()}).values()))}"
            f"  {'changed' if k in set(touched) else ''} {'by-hits' if k in by_hits else ''}"
        )
    sizes = sorted(len(set().union(*r.values())) for r in items.values())
    print(f"pages read per item (lower bound): median {sizes[len(sizes) // 2]}, max {sizes[-1]}")


if __name__ == "__main__":
    main()
