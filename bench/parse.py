"""The checklist's per-page parse: CPU per page, old code against new, and the same record per page.

Every audit pays the checklist's parse of each page it has not parsed before (``parse.Builder``:
read the HTML, parse it, read its links, headings, sections, forms and state). This script parses a
set of pages with two versions of the code (``--old``: a source tree, e.g. ``git archive main
gelt_audit | tar -x -C /tmp/old``; ``new``: this worktree) in child processes, alternating which
goes first, and prints per version:

- the floor: read (and decompress) + ``read_document`` (the lxml parse the checklist makes), CPU ms
  per page;
- the whole parse (``Builder._parse``, what the index calls for a page not in the cache), CPU ms
  per page;
- whether every page's record (what the parse cache keeps, ``json.dumps`` sorted) and the chrome
  blocks it made are byte-identical between the versions.

Pages: the HTML bodies of a store's latest crawl (``--store``), or every ``*.htm*`` file under a
folder (``--folder``, e.g. ``tests/fixtures``; each file's URL ``http://127.0.0.1/<its path>``).
The text rules are those of both bundled profiles, as a default config's audit asks them::

    python bench/parse.py --store /tmp/copy/gelt.db --old /tmp/old [--rounds 3] [--limit N]
    python bench/parse.py --folder tests/fixtures --old /tmp/old --rounds 1
    python bench/parse.py --store /tmp/copy/gelt.db --old /tmp/old --previous --limit 1000

``--previous`` (H306): then the pages of the crawl before the latest at the same URLs, with a new
builder and the same cache, as a cold report builds the previous crawl's index after the latest's;
their CPU per page apart; with ``--folder``, the same pages again (all read back from the cache kept by
the first pass: ``checklist/residue.py``). Records compared also by what the index reads of each page that the record
keeps only in part (labels' and sections' normal forms, its own links whole).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent.parent


def _items(source: str, limit: int | None, previous: bool = False) -> list[tuple[str, str, Any]]:
    """(key, url, read) of each page to parse: ``read()`` gives its HTML. ``previous``: then those
    of the crawl before the latest at the same URLs (a store only), as a cold report judges it."""
    folder = Path(source)
    if folder.is_dir():
        files = sorted(f for f in folder.rglob("*.htm*") if f.is_file())[:limit]
        files += files if previous else []
        return [
            (
                str(f),
                "http://127.0.0.1/" + f.relative_to(folder).as_posix(),
                lambda f=f: f.read_text(encoding="utf-8", errors="replace"),
            )
            for f in files
        ]
    from gelt_audit.audits import pages
    from gelt_audit.store import Store

    store = Store(source)
    crawl = store.latest_crawl()
    bodies: dict[str, str] = {}
    for snap in store.snapshots(crawl.id):
        if pages.is_html_page(snap):
            bodies.setdefault(snap["body_hash"], snap["url"])
    chosen = list(bodies.items())[:limit]
    if previous:  # (of a folder: the same pages again, all read back from the cache)
        urls = {url for _h, url in chosen}
        before = store.previous_crawl(crawl)
        older: dict[str, str] = {}
        for snap in store.snapshots(before.id) if before is not None else ():
            if pages.is_html_page(snap) and snap["url"] in urls:
                older.setdefault(snap["body_hash"], snap["url"])
        chosen += list(older.items())
    return [(h, url, lambda h=h: store.html(h) or "") for h, url in chosen]


def child(source: str, limit: int | None, out: str, previous: bool = False) -> None:
    """Parse every page twice (floor, then the whole parse); write timings and digests to ``out``.
    ``previous``: the pages of the latest crawl, then those of the one before (another builder, the
    same cache, as a cold report builds the two indexes), the second's time apart."""
    from gelt_audit.audits.checklist import load_checklist
    from gelt_audit.audits.checklist.model import PageDoc
    from gelt_audit.audits.checklist.pages import read_document
    from gelt_audit.audits.checklist.parse import Builder, probe, text_rules

    items = _items(source, limit, previous)
    last = len(_items(source, limit)) if previous else len(items)
    htmls = [(key, url, read()) for key, url, read in items]  # read once: the floor times it apart
    cpu = time.process_time
    start = cpu()
    for _key, _url, read in items:
        read_document(read())
    floor = cpu() - start
    rules = text_rules([load_checklist("gelt-2008"), load_checklist("ley1712-res1519")])
    probes = tuple(dict.fromkeys(probe(r) for r in rules))
    kept: dict[tuple[str, str], Any] = {}

    def cache(key: str, audit: str, _version: str, compute: Any) -> Any:
        if (key, audit) not in kept:
            kept[key, audit] = compute()
        return kept[key, audit]

    # one builder for all, as an audit parses a site: chrome blocks met again are shared, not read again
    builder = Builder(items[0][1] if items else "http://127.0.0.1/", probes, cache)
    builder.version = "bench"  # the records are compared, not their version tags
    digests: dict[str, str] = {}
    total = later = 0.0
    for i, (key, url, html) in enumerate(htmls):
        if i == last:  # the previous crawl: its own index, the same cache
            builder = Builder(url, probes, cache)
            builder.version = "bench"
        doc = PageDoc(url, 200, html, "text/html", "2026-12-06T00:00:00Z", 1, body_hash=key)
        t0 = cpu()
        parsed = builder._parse(doc, i)  # noqa: SLF001 - the parse itself, not the cache around it
        if i < last:
            total += cpu() - t0
        else:
            later += cpu() - t0
        blob = json.dumps(parsed[1] if parsed else None, sort_keys=True, ensure_ascii=False)
        key = key if i < last else "anterior " + key
        digests[key] = hashlib.sha1(blob.encode()).hexdigest()
        if parsed:  # and what the index reads that the record keeps only in part (normal forms, keys)
            page = parsed[0]
            own = [repr(x) for x in page.blocks[-1].links] if page.blocks else []
            seen = repr((page.labels, page.sections, page.text_hits, own))
            digests[key + " page"] = hashlib.sha1(seen.encode("utf-8", "surrogatepass")).hexdigest()
    # every chrome block the parses made, as the cache keeps them
    # (not the content readings a parse keeps since H306: the old code keeps none)
    chrome = sorted((k, v) for (k, audit), v in kept.items() if audit == "checklist-chrome")
    blocks = json.dumps(chrome, sort_keys=True, ensure_ascii=False)
    digests["(chrome blocks)"] = hashlib.sha1(blocks.encode()).hexdigest()
    n, m = max(last, 1), max(len(htmls) - last, 1)
    Path(out).write_text(
        json.dumps(
            {
                "pages": last,
                "previous": len(htmls) - last,
                "floor_ms": 1000 * floor / len(htmls or [0]),
                "parse_ms": 1000 * total / n,
                "previous_ms": 1000 * later / m,
                "digests": digests,
            }
        )
    )


def run_one(src: str | None, source: str, limit: int | None, out: Path, previous: bool = False) -> dict[str, Any]:
    """One child process (``src``: a source tree to import first, None for this worktree)."""
    env = dict(os.environ)
    if src:
        env["PYTHONPATH"] = src
    cmd = [sys.executable, __file__, "--child", source, "--out", str(out)]
    if limit:
        cmd += ["--limit", str(limit)]
    if previous:
        cmd.append("--previous")
    load = os.getloadavg()[0]
    subprocess.run(cmd, env=env, check=True, cwd=str(HERE))
    data = json.loads(out.read_text())
    data["load"] = load
    return data


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--store")
    ap.add_argument("--folder")
    ap.add_argument("--old", help="source tree of the old code (has gelt_audit/)")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--previous", action="store_true", help="then the previous crawl's pages (a store)")
    ap.add_argument("--child")
    ap.add_argument("--out")
    args = ap.parse_args()
    if args.child:
        child(args.child, args.limit, args.out, args.previous)
        return 0
    source = args.store or args.folder
    if not source:
        ap.error("falta --store o --folder")
    versions = [("new", None)] + ([("old", args.old)] if args.old else [])
    results: dict[str, list[dict[str, Any]]] = {name: [] for name, _ in versions}
    tmp = Path(os.environ.get("TMPDIR", "/tmp"))
    for r in range(args.rounds):
        order = versions if r % 2 == 0 else versions[::-1]
        for name, src in order:
            data = run_one(src, source, args.limit, tmp / f"parse-bench-{os.getpid()}-{name}.json", args.previous)
            results[name].append(data)
            print(
                f"ronda {r + 1} {name}: {data['pages']} páginas, piso {data['floor_ms']:.3f} ms/página, "
                f"análisis {data['parse_ms']:.3f} ms/página"
                + (f", rastreo anterior ({data['previous']}) {data['previous_ms']:.3f}" if args.previous else "")
                + f", carga {data['load']:.1f}",
                flush=True,
            )
    if args.old:
        new, old = results["new"][0]["digests"], results["old"][0]["digests"]
        differ = sorted(k for k in new if new[k] != old.get(k))
        same = not differ and new.keys() == old.keys()
        print(f"registros idénticos: {'sí' if same else 'no'} ({len(differ)} distintos de {len(new)})")
        for k in differ[:20]:
            print("  distinto:", k)
    return 0


if __name__ == "__main__":
    sys.exit(main())
