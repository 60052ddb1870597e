"""The ceiling of keeping a crawl's checklist site index and patching it the next crawl (H163).

On a copy of a kept bench run (``gelt.db`` and ``gelt.toml``, in ``--work``; crawls after
``--crawl`` hidden already): the crawl before ``--crawl`` is audited with ``--crawl`` hidden
(it keeps what the next index carries, as a week finds it); ``--crawl`` comes back and its
site index is built ``--rounds`` times, as the audit builds it (same arguments, the collector
paused), each part timed with ``time.process_time``:

- (a) what depends only on the bodies unchanged since the previous crawl (a generous bound):
  the carried pages rebuilt (``Builder._carried``), their records compacted, the share of the
  phrase indexes (labels, link texts, targets, URL words) that is theirs (the whole phrase build
  less the same build over the changed pages and the blocks only they show; removing the old
  entries not counted), reading and writing the carry (``decode``, ``encode``: a kept index would
  stand for it; its chunks are made and dropped, nothing is kept) and the phrase indexes' word
  lists (made while judging, at the first search; a kept index could bring them);
- (b) the rest: reading the crawl's documents and parsing the changed bodies from their HTML
  (every round, as the week does: the per-page cache is not read), the status and redirects, the
  live blocks, the phrase indexes of the changed pages, depth, home aliases, the transparency
  menu, placements, footers, link states.

Then the built index is serialised with pickle (protocol 5) and read back, timed, its bytes
(and zstd level 1's) printed: the price of keeping an index; and the same for the phrase and
target indexes' own arrays and strings alone (the pages carried as now). Nothing the audit
keeps is changed by the rounds (the carry's ``save`` drops what it is given). The link states
are the previous crawl's (caught while it is audited, kept in ``--work``).

    python bench/index_ceiling.py /tmp/run3 --work /tmp/w --crawl 3 --rounds 5
"""

from __future__ import annotations

import argparse
import copyreg
import gc
import os
import pickle
import sqlite3
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from types import MappingProxyType
from typing import Any

import zstandard

sys.path.insert(0, str(Path(__file__).resolve().parent))

from weekly_steps import copy  # noqa: E402

from gelt_audit.audits import run  # noqa: E402
from gelt_audit.audits.checklist import audit, index, parse  # noqa: E402
from gelt_audit.audits.checklist.audit import CARRY  # noqa: E402
from gelt_audit.audits.checklist.carry import Carry  # noqa: E402
from gelt_audit.audits.kept import crawl_key  # noqa: E402
from gelt_audit.config import load_config  # noqa: E402
from gelt_audit.store import Store  # noqa: E402

HIDDEN = "oculto-h163"


# the pages' shared empty mapping (index._NOTHING) pickled as the read-only mapping it is: once a
# blob (pickle's memo), every page that has it shares it again when read
def _proxy(items: dict[Any, Any]) -> MappingProxyType[Any, Any]:
    return MappingProxyType(items)


copyreg.pickle(MappingProxyType, lambda m: (_proxy, (dict(m),)))
# the site-level steps of index_site, timed whole (module globals it calls by name)
SITE_STEPS = (
    "_live_blocks", "_phrase_indexes", "encode", "_home", "_placements", "_bfs", "home_aliases",
    "_transparency_menu", "_footers", "_link_states", "decode", "forget_parse_caches",
)  # fmt: skip


def _status(db: Path, crawl_id: int, status: str) -> None:
    with sqlite3.connect(db) as conn:
        conn.execute("update crawls set status = ? where id = ?", [status, crawl_id])


class Clock:
    """CPU seconds by part, for one build."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = defaultdict(float)
        self.carried: set[int] = set()  # the pages taken from the carry (their idx)
        self.known: dict[str, Any] = {}

    def wrap(self, name: str, real: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*a: Any, **k: Any) -> Any:
            start = time.process_time()
            try:
                return real(*a, **k)
            finally:
                self.spent[name] += time.process_time() - start

        return timed


def _instrument(clock: Clock) -> None:
    """index_site's steps timed by ``clock`` (module globals and methods replaced)."""
    for name in SITE_STEPS:
        real = getattr(index, name)
        setattr(index, name, clock.wrap(name, getattr(real, "__wrapped_h163__", real)))
        getattr(index, name).__wrapped_h163__ = getattr(real, "__wrapped_h163__", real)
    real_read = getattr(index._read_pages, "__wrapped_h163__", index._read_pages)
    index._read_pages = clock.wrap("_read_pages", real_read)
    index._read_pages.__wrapped_h163__ = real_read
    real_carried = getattr(parse.Builder._carried, "__wrapped_h163__", parse.Builder._carried)

    def carried(self: Any, key: str, *rest: Any) -> Any:
        start = time.process_time()
        page = real_carried(self, key, *rest)
        clock.spent["carried pages"] += time.process_time() - start
        clock.carried.add(page.idx)
        return page

    carried.__wrapped_h163__ = real_carried  # type: ignore[attr-defined]
    parse.Builder._carried = carried  # type: ignore[method-assign]
    real_compact = getattr(index._Compact.__call__, "__wrapped_h163__", index._Compact.__call__)

    def compact(self: Any, page: Any) -> None:
        start = time.process_time()
        real_compact(self, page)
        part = "compact carried" if page.idx in clock.carried else "compact changed"
        clock.spent[part] += time.process_time() - start

    compact.__wrapped_h163__ = real_compact  # type: ignore[attr-defined]
    index._Compact.__call__ = compact  # type: ignore[method-assign]
    real_parse = getattr(parse.Builder._parse, "__wrapped_h163__", parse.Builder._parse)
    parse.Builder._parse = clock.wrap("parse html", real_parse)  # type: ignore[method-assign]
    parse.Builder._parse.__wrapped_h163__ = real_parse  # type: ignore[attr-defined]
    real_decode = getattr(index.decode, "__wrapped_h163__", index.decode)

    def decode(*a: Any, **k: Any) -> Any:
        got = real_decode(*a, **k)
        clock.known = dict(got.norms) if got is not None else {}
        return got

    decode.__wrapped_h163__ = real_decode  # type: ignore[attr-defined]
    index.decode = clock.wrap("decode", decode)
    index.decode.__wrapped_h163__ = real_decode


def _timed_docs(docs: Any, clock: Clock) -> Any:
    """The crawl's documents, the CPU of reading them from the store timed."""
    it = iter(docs)
    while True:
        start = time.process_time()
        try:
            doc = next(it)
        except StopIteration:
            clock.spent["read documents"] += time.process_time() - start
            return
        clock.spent["read documents"] += time.process_time() - start
        yield doc


def _word_lists(idx: Any) -> float:
    """CPU of the phrase indexes' word lists, made at the first search (while judging): a kept
    index could keep them too."""
    start = time.process_time()
    for phrases in (idx.labels, idx.link_texts, idx.urls):
        phrases._list_words()
    return time.process_time() - start


def _phrase_parts(idx: Any) -> tuple[Any, ...]:
    """The phrase indexes' own numbers and strings (no page, block or link object): what a kept
    phrase index alone would write, the pages coming from the carry as now."""
    labels, texts, urls, targets = idx.labels, idx.link_texts, idx.urls, idx.targets
    return (
        labels.entries, labels.nwords, labels.payloads.places.data, labels.payloads.places.starts,
        texts.entries, texts.nwords, texts.payloads.ids.data, texts.payloads.ids.starts, texts.payloads.occ.starts,
        urls.entries, urls.payloads.values, urls.payloads.places.data, urls.payloads.places.starts,
        targets.ids.places, targets.ids.flat.data, targets.ids.flat.starts, targets.embedded,
    )  # fmt: skip


def _serialised(value: Any) -> tuple[int, int, float, float]:
    """Bytes (pickle protocol 5; zstd level 1) and CPU to write them and to read them back."""
    start = time.process_time()
    blob = zstandard.ZstdCompressor(level=1).compress(pickle.dumps(value, protocol=5))
    dump = time.process_time() - start
    start = time.process_time()
    raw = zstandard.ZstdDecompressor().decompress(blob)
    again = pickle.loads(raw)
    load = time.process_time() - start
    del again
    return len(raw), len(blob), dump, load


def _changed_share(idx: Any, clock: Clock) -> float:
    """CPU of the phrase indexes over the changed pages and the blocks only they show (what a
    patch would add; a patch's removals not counted: the ceiling)."""
    changed = [p for p in idx.pages if p.idx not in clock.carried]
    ids = {p.idx for p in changed}
    blocks = [b for b in idx.blocks if all(i in ids for i in b.pages)]
    status = {k: s for k, s in idx.status.items() if s.page is not None and s.page.idx in ids}
    real = index._phrase_indexes.__wrapped_h163__  # type: ignore[attr-defined]
    start = time.process_time()
    real(changed, blocks, status, clock.known)
    return time.process_time() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("run", type=Path)
    ap.add_argument("--work", type=Path, required=True)
    ap.add_argument("--crawl", type=int, required=True, help="the week's crawl")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--warmed", action="store_true", help="--work is warmed already (by a run of this script)")
    args = ap.parse_args()
    db = args.work / "gelt.db"
    cfg = args.work / "gelt.toml"
    warm = not args.warmed
    if warm:
        copy(args.run, args.work, False)
    os.chdir(args.work)
    _status(db, args.crawl, HIDDEN)
    config = load_config(cfg)
    caught: list[dict[str, str]] = []  # the link states the previous crawl's index is given
    real_judge = audit._index_and_judge

    def judge(*a: Any) -> Any:
        caught.append(a[-1])
        return real_judge(*a)

    audit._index_and_judge = judge
    with Store(config.store_path) as store:
        if warm:
            run.audit(store, config, store.crawl(args.crawl - 1), browser=False)
            store.flush_audits()
            (args.work / "link-states.pickle").write_bytes(pickle.dumps(caught[0]))
    audit._index_and_judge = real_judge
    _status(db, args.crawl, "finished")
    lists = audit.checklists(config)
    rules = parse.text_rules(lists)
    rows: list[dict[str, float]] = []
    with Store(config.store_path) as store:
        crawl = store.crawl(args.crawl)
        previous = store.previous_crawl(crawl)
        kept = store.kept_blob(crawl_key(previous.id), CARRY)
        assert kept is not None, "the previous crawl kept no carry"
        # the previous crawl's (this one's differ in the changed pages' links)
        link_states = pickle.loads((args.work / "link-states.pickle").read_bytes())
        # the keys asked of the per-page cache (the pages not carried, parsed from their HTML as
        # the week does, and the chrome blocks their parse keeps, "chrome:…")
        fresh: set[str] = set()

        def cache(key: str, kind: str, version: str, compute: Callable[[], Any]) -> Any:
            fresh.add(key)  # not the per-page cache: its writes would make the next round's reads
            return compute()

        for r in range(args.rounds):
            clock = Clock()
            _instrument(clock)
            carry = Carry(crawl_key(crawl.id), kept, lambda name: store.kept_blob(name, CARRY), lambda *a: None)
            gc.collect()
            gc.disable()
            start = time.process_time()
            built = index.index_site(
                _timed_docs(audit.page_docs(store, crawl), clock),
                home_url=config.site_url,
                link_states=link_states,
                text_rules=rules,
                cache=cache,
                carry=carry,
            )
            total = time.process_time() - start
            changed = _changed_share(built, clock)
            words = _word_lists(built)
            start = time.process_time()
            blob = pickle.dumps(built, protocol=5)
            dump = time.process_time() - start
            start = time.process_time()
            again = pickle.loads(blob)
            load = time.process_time() - start
            start = time.process_time()
            packed = zstandard.ZstdCompressor(level=1).compress(blob)
            zdump = time.process_time() - start
            start = time.process_time()
            zstandard.ZstdDecompressor().decompress(packed)
            zload = time.process_time() - start
            del again
            phrase_bytes, phrase_zstd, phrase_dump, phrase_load = _serialised(_phrase_parts(built))
            gc.enable()
            s = clock.spent
            row = {
                "total": total,
                "pages": len(built.pages),
                "carried": len(clock.carried),
                "parsed pages": sum(not k.startswith("chrome:") for k in fresh),
                "chrome keys kept": sum(k.startswith("chrome:") for k in fresh),
                "read_pages": s["_read_pages"],
                "carried pages": s["carried pages"],
                "compact carried": s["compact carried"],
                "compact changed": s["compact changed"],
                "phrase": s["_phrase_indexes"],
                "phrase changed": changed,
                "word lists": words,
                "read documents": s["read documents"],
                "parse html": s["parse html"],
                "pickle bytes": len(blob),
                "zstd bytes": len(packed),
                "dump": dump,
                "load": load,
                "zstd dump": zdump,
                "zstd load": zload,
                "phrase-only bytes": phrase_bytes,
                "phrase-only zstd bytes": phrase_zstd,
                "phrase-only dump+zstd": phrase_dump,
                "phrase-only unzstd+load": phrase_load,
                "load avg": os.getloadavg()[0],
            }
            row.update({f"step {n}": s[n] for n in SITE_STEPS if n not in ("_phrase_indexes",)})
            # the ceiling: a kept index would also spare reading and writing the carry, and the
            # word lists (of the unchanged pages' strings: all of them counted)
            a = row["carried pages"] + row["compact carried"] + max(0.0, row["phrase"] - changed)
            a += s["decode"] + s["encode"] + words
            row["(a)"] = a
            row["(b)"] = total - a
            rows.append(row)
            print(
                f"round {r}: "
                + ", ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in row.items())
            )
            del built
    print("medians:")
    for k in rows[0]:
        print(f"  {k}: {statistics.median(x[k] for x in rows):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
