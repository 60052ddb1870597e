"""What patching the checklist index's link occurrences from the previous crawl would cost (H213).

The largest part of ``index_site`` that walks the whole site in a weekly audit is the loop of
``_phrase_indexes`` over every link occurrence of every live block (~290,000 at 10,000 pages):
each link text's and each target's occurrences, numbered block after block. The blocks come in
the pages' order, which is the URL order (``Store.snapshots``: ``order by p.url``), the same from
crawl to crawl; but an occurrence's number is its place in the whole site, so one page added,
removed or with one link more moves the number of every occurrence after it.

Here, on a copy of a kept bench run (a crawl and the one before it, both audited: ``--work`` of
``bench/index_ceiling.py``), both crawls' site indexes are built as the audit builds them and their
live blocks caught; then, ``--rounds`` times, timed with ``time.process_time``:

- **rebuild**: the loop as ``_phrase_indexes`` runs it over the new crawl's blocks;
- **patch**: the same result made from the previous crawl's (its texts in order, each text's and
  each target's occurrence numbers): a block kept (a content block: same page URL and body hash;
  a chrome block: same region, footer and links) has its numbers moved where it now starts (one
  remapping array, applied to every array in C: ``map(remap.__getitem__, …)``), a gone block's
  numbers dropped, a new block's links added, and the texts and targets put in the order of their
  first occurrence again.

Both results are compared (texts in order with their words, each text's and each target's numbers,
the targets' order): the patch must be the rebuild. Then what keeping the previous crawl's result
costs (marshal + zstd, and back). Nothing of the store is changed but the parse cache of the new
crawl's changed pages.

    python bench/occurrence_patch.py WORK --crawl 3 --rounds 4
"""

from __future__ import annotations

import argparse
import gc
import marshal
import os
import sqlite3
import sys
import time
from array import array
from bisect import bisect_right
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import zstandard

from gelt_audit.audits.checklist import audit, index, parse
from gelt_audit.audits.checklist.packed import Flat, index_rows
from gelt_audit.config import load_config
from gelt_audit.store import Store

GONE = 0xFFFFFFFF  # the new number of an occurrence whose block is gone
# what the loop makes: texts in order (norm, words), each text's occurrences, each target's (in
# order of first occurrence), targets linked from the Transparencia drop-down, embedded targets
Built = tuple[list[tuple[str, int]], list["array[int]"], dict[str, "array[int]"], set[str], set[str]]


def rebuild(blocks: Sequence[Any]) -> Built:
    """The link part of ``index._phrase_indexes``, as it is (its loop, without the PhraseIndex)."""
    text_ids: dict[str, array[int]] = {}
    texts: list[tuple[str, int]] = []
    text_occ: list[array[int]] = []
    target_occ: dict[str, array[int]] = {}
    tmenu: set[str] = set()
    embedded: set[str] = set()
    n = 0
    for b in blocks:
        for norm, nwords, key, embed, in_tmenu in index_rows(b.links):
            if not embed:
                ids = text_ids.get(norm)
                if ids is None:
                    texts.append((norm, nwords))
                    ids = text_ids[norm] = array("I")
                    text_occ.append(ids)
                ids.append(n)
            else:
                embedded.add(key)
            same = target_occ.get(key)
            if same is None:
                target_occ[key] = array("I", (n,))
            else:
                same.append(n)
            if in_tmenu:
                tmenu.add(key)
            n += 1
    return texts, text_occ, target_occ, tmenu, embedded


def _moved(arrays: dict[str, array[int]], remap: array[int]) -> dict[str, array[int]]:
    """Each array's numbers moved by ``remap`` (in C), the gone ones dropped, empty arrays dropped."""
    get, out = remap.__getitem__, {}
    for name, old in arrays.items():
        new = array("I", map(get, old))
        if new.count(GONE):
            new = array("I", [x for x in new if x != GONE])
        if new:
            out[name] = new
    return out


def patch(old: Built, old_keys: Sequence[Any], old_lens: Sequence[int], blocks: Sequence[Any], keys: Sequence[Any]):
    """The rebuild's texts and targets made from the previous crawl's (see the module's doc)."""
    texts, text_occ, target_occ, _tmenu, _embedded = old
    at = {k: i for i, k in enumerate(old_keys)}
    starts, n = [], 0
    for length in old_lens:
        starts.append(n)
        n += length
    remap = array("I", [GONE]) * n
    fresh, n = [], 0  # the new blocks, where they start
    for b, k in zip(blocks, keys, strict=True):
        length = len(b.links)
        i = at.pop(k, None)
        if i is None:
            fresh.append((b, n))
        elif length:
            remap[starts[i] : starts[i] + length] = array("I", range(n, n + length))
        n += length
    by_text = _moved({norm: occ for (norm, _w), occ in zip(texts, text_occ, strict=True)}, remap)
    by_target = _moved(target_occ, remap)
    words = dict(texts)
    touched: list[tuple[dict[str, array[int]], str]] = []
    for b, start in fresh:
        for j, (norm, nwords, key, embed, _in_tmenu) in enumerate(index_rows(b.links)):
            for arrays, name, skip in ((by_text, norm, embed), (by_target, key, False)):
                if skip:
                    continue
                got = arrays.get(name)
                if got is None:
                    arrays[name] = array("I", (start + j,))
                    if arrays is by_text:
                        words.setdefault(name, nwords)
                else:
                    got.append(start + j)
                    touched.append((arrays, name))
    for arrays, name in touched:  # a kept block may also have moved before another (chrome)
        arrays[name] = array("I", sorted(arrays[name]))
    text_order = sorted(by_text, key=lambda t: by_text[t][0])
    target_order = sorted(by_target, key=lambda k: by_target[k][0])
    return text_order, by_text, target_order, by_target, words


def _flat_patch(
    names: Sequence[str], data: array[int], starts: array[int], remap: array[int], added: dict[str, list[int]]
) -> tuple[list[str], array[int], array[int]]:
    """A crawl's lists kept end to end (``Flat``: the index's own layout), patched: every number
    moved by ``remap`` in one pass in C, only the lists with a gone or a new occurrence remade, the
    lists put in order of their first occurrence again (a number belongs to one list: no ties; an
    emptied list sorts last, as ``GONE``, and is dropped). Assumes the kept blocks keep their order
    (checked by the caller's comparison)."""
    moved = array("I", map(remap.__getitem__, data))
    remade: dict[int, array[int]] = {}
    pos = 0
    while True:
        try:
            pos = moved.index(GONE, pos)
        except ValueError:
            break
        i = bisect_right(starts, pos) - 1
        remade.setdefault(i, array("I"))
        pos += 1
    places = dict(zip(names, range(len(names)), strict=True))
    out_names = list(names)
    for name, nums in added.items():
        i = places.get(name)
        if i is None:
            places[name] = len(out_names)
            out_names.append(name)
            remade[places[name]] = array("I", nums)
        else:
            remade.setdefault(i, array("I"))
    firsts = array("I", map(moved.__getitem__, starts[:-1]))
    for i, seg in remade.items():
        if i < len(names):
            old = moved[starts[i] : starts[i + 1]]
            if old.count(GONE):
                old = array("I", [x for x in old if x != GONE])
            extra = added.get(names[i])
            seg = array("I", sorted(old + array("I", extra))) if extra else old
            remade[i] = seg
        if i >= len(firsts):
            firsts.append(seg[0] if seg else GONE)
        else:
            firsts[i] = seg[0] if seg else GONE
    order = sorted(range(len(firsts)), key=firsts.__getitem__)
    while order and firsts[order[-1]] == GONE:
        order.pop()
    new_data, new_starts = array("I"), array("I", (0,))
    for i in order:
        seg = remade.get(i)
        new_data.extend(moved[starts[i] : starts[i + 1]] if seg is None else seg)
        new_starts.append(len(new_data))
    return [out_names[i] for i in order], new_data, new_starts


def patch_flat(
    old: Built, old_keys: Sequence[Any], old_lens: Sequence[int], blocks: Sequence[Any], keys: Sequence[Any]
):
    """:func:`patch` on the index's own layout (each list end to end in one array, ``Flat``):
    what a carried index would hold. Returns texts in order with their lists, targets likewise."""
    texts, text_occ, target_occ, _tmenu, _embedded = old
    names, tflat = [t for t, _ in texts], Flat(text_occ)
    gnames, gflat = list(target_occ), Flat(target_occ.values())
    start = time.process_time()
    at = {k: i for i, k in enumerate(old_keys)}
    starts, n = [], 0
    for length in old_lens:
        starts.append(n)
        n += length
    remap = array("I", [GONE]) * n
    fresh, n = [], 0
    for b, k in zip(blocks, keys, strict=True):
        length = len(b.links)
        i = at.pop(k, None)
        if i is None:
            fresh.append((b, n))
        elif length:
            remap[starts[i] : starts[i] + length] = array("I", range(n, n + length))
        n += length
    add_t: dict[str, list[int]] = {}
    add_g: dict[str, list[int]] = {}
    for b, first in fresh:
        for j, (norm, _nwords, key, embed, _in_tmenu) in enumerate(index_rows(b.links)):
            if not embed:
                add_t.setdefault(norm, []).append(first + j)
            add_g.setdefault(key, []).append(first + j)
    got = (
        _flat_patch(names, tflat.data, tflat.starts, remap, add_t),
        _flat_patch(gnames, gflat.data, gflat.starts, remap, add_g),
    )
    return time.process_time() - start, got


def _keys(blocks: Sequence[Any], pages: dict[int, Any], bodies: dict[str, str]) -> list[Any]:
    """What a block is across crawls: a content block its page's URL and body hash (as the carry
    keys a page), a chrome block its region, footer and links (standing for its chrome ref)."""
    out = []
    for b in blocks:
        if b.region:
            out.append((b.region, b.footer, tuple(index_rows(b.links))))
        else:
            url = pages[b.pages[0]].url
            out.append(("", url, bodies.get(url)))
    return out


def _bodies(db: Path, crawl_id: int) -> dict[str, str]:
    with sqlite3.connect(db) as conn:
        q = "select p.url, s.body_hash from snapshots s join pages p on p.id = s.page_id where s.crawl_id = ?"
        return dict(conn.execute(q, [crawl_id]))


def _kept_cost(built: Built) -> tuple[int, float, float]:
    """Bytes (zstd 1) and CPU of writing the previous crawl's result and of reading it back."""
    texts, text_occ, target_occ, tmenu, embedded = built
    start = time.process_time()
    data = (texts, [a.tobytes() for a in text_occ], list(target_occ), [a.tobytes() for a in target_occ.values()])
    blob = zstandard.ZstdCompressor(level=1).compress(marshal.dumps((data, list(tmenu), list(embedded))))
    write = time.process_time() - start
    start = time.process_time()
    (texts2, occ, keys, arrays), _t, _e = marshal.loads(zstandard.ZstdDecompressor().decompress(blob))
    [array("I", a) for a in occ]
    dict(zip(keys, (array("I", a) for a in arrays), strict=True))
    read = time.process_time() - start
    return len(blob), write, read


def _kept_flat_cost(built: Built) -> tuple[int, float, float]:
    """:func:`_kept_cost` of the index's own layout: names, and each ``Flat``'s two arrays."""
    texts, text_occ, target_occ, tmenu, embedded = built
    tflat, gflat = Flat(text_occ), Flat(target_occ.values())
    start = time.process_time()
    arrays = [a.tobytes() for a in (tflat.data, tflat.starts, gflat.data, gflat.starts)]
    data = (texts, list(target_occ), arrays, list(tmenu), list(embedded))
    blob = zstandard.ZstdCompressor(level=1).compress(marshal.dumps(data))
    write = time.process_time() - start
    start = time.process_time()
    _texts, _keys, arrays, _t, _e = marshal.loads(zstandard.ZstdDecompressor().decompress(blob))
    [array("I", a) for a in arrays]
    read = time.process_time() - start
    return len(blob), write, read


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("work", type=Path, help="a copy of a kept run with both crawls audited")
    ap.add_argument("--crawl", type=int, required=True, help="the week's crawl (the one before it is patched)")
    ap.add_argument("--rounds", type=int, default=4)
    args = ap.parse_args()
    os.chdir(args.work)
    config = load_config(args.work / "gelt.toml")
    rules = parse.text_rules(audit.checklists(config))
    caught: list[tuple[Any, ...]] = []
    real = index._phrase_indexes

    def catch(*a: Any) -> Any:
        caught.append(a)
        return real(*a)

    index._phrase_indexes = catch
    built, keys = [], []
    with Store(config.store_path) as store:
        for c in (args.crawl - 1, args.crawl):
            gc.disable()
            idx = index.index_site(
                audit.page_docs(store, store.crawl(c)),
                home_url=config.site_url,
                link_states={},
                text_rules=rules,
                cache=store.cached_audit,
            )
            gc.enable()
            blocks = caught[-1][1]
            keys.append(_keys(blocks, {p.idx: p for p in idx.pages}, _bodies(args.work / "gelt.db", c)))
            built.append((idx, blocks))
    (_, old_blocks), (_, blocks) = built
    kept = len(set(keys[0]) & set(keys[1]))
    print(f"bloques: antes {len(old_blocks)}, ahora {len(blocks)}, los mismos {kept}")
    old = rebuild(old_blocks)
    lens = [len(b.links) for b in old_blocks]
    for r in range(args.rounds):
        load = os.getloadavg()[0]
        gc.disable()
        start = time.process_time()
        ref = rebuild(blocks)
        t_rebuild = time.process_time() - start
        start = time.process_time()
        got = patch(old, keys[0], lens, blocks, keys[1])
        t_patch = time.process_time() - start
        t_flat, flat = patch_flat(old, keys[0], lens, blocks, keys[1])
        gc.enable()
        print(
            f"ronda {r}: rehacer {t_rebuild:.3f} s, parchear {t_patch:.3f} s, parchear en Flat {t_flat:.3f} s "
            f"de CPU; carga {load:.1f}",
            flush=True,
        )
    texts, text_occ, target_occ, _tmenu, _embedded = ref
    order, by_text, target_order, by_target, words = got
    same = {
        "textos en orden": [t for t, _ in texts] == order,
        "palabras de cada texto": [w for _, w in texts] == [words[t] for t in order],
        "ocurrencias de cada texto": text_occ == [by_text[t] for t in order],
        "destinos en orden": list(target_occ) == target_order,
        "ocurrencias de cada destino": all(target_occ[k] == by_target[k] for k in target_order),
        "en Flat, textos": flat[0][0] == [t for t, _ in texts],
        "en Flat, sus ocurrencias": (flat[0][1], flat[0][2]) == (Flat(text_occ).data, Flat(text_occ).starts),
        "en Flat, destinos": flat[1][0] == list(target_occ),
        "en Flat, sus ocurrencias ": (flat[1][1], flat[1][2])
        == (Flat(target_occ.values()).data, Flat(target_occ.values()).starts),
    }
    print("; ".join(f"{k}: {'iguales' if v else 'DISTINTOS'}" for k, v in same.items()))
    size, write, read = _kept_cost(old)
    print(f"guardar lo del rastreo anterior: {size / 1e6:.1f} MB con zstd, escribir {write:.3f} s, leer {read:.3f} s")
    size, write, read = _kept_flat_cost(old)
    print(f"en Flat: {size / 1e6:.1f} MB con zstd, escribir {write:.3f} s, leer {read:.3f} s")
    return 0 if all(same.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
