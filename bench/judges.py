"""Per-body judgements: CPU per page, old code against new, and the same JSON for every body.

The per-body judges (``audits.run.BODY_JUDGES``: accessibility, security-forms, anchors,
page-names) run on every HTML body of a crawl on a cold audit and on every changed body in a weekly
one. This script judges every body of a store's latest crawl with two versions of the code (``--old``:
a source tree, e.g. ``git archive main | tar -x -C /tmp/old``; ``new``: this worktree) in child
processes, alternating which goes first, and prints:

- the read-and-parse floor: read + decompress + lxml parse of every body (``Store.html`` and
  ``markup.parse``), CPU ms per page;
- the judges' own parse (``pages.parse_body`` where it exists, else ``markup.parse``) and the four
  judges on it, CPU ms per page;
- whether every body's judgement, as the store keeps it (``json.dumps``), is byte-identical.

Nothing is written to the store: the judges are called directly. Usage::

    python bench/judges.py --store /tmp/copy/gelt.db --old /tmp/old [--rounds 2] [--limit N] [--changed]

``--changed`` judges only the bodies the previous crawl did not have: a weekly audit's work.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent


def child(store_path: str, limit: int | None, out: str, changed: bool = False) -> None:
    """Judge every body of the latest crawl; write timings and per-body digests to ``out``.

    ``store_path`` may instead be a folder of HTML files (``*.htm*``, read as UTF-8): each file is
    a body, its URL ``http://127.0.0.1/<its path>``.
    """
    from gelt_audit.audits import pages
    from gelt_audit.store import Store

    folder = Path(store_path)
    if folder.is_dir():
        files = sorted(f for f in folder.rglob("*.htm*") if f.is_file())
        items = [(str(f), "http://127.0.0.1/" + f.relative_to(folder).as_posix()) for f in files][:limit]
        _measure(items, lambda key: Path(key).read_text(encoding="utf-8", errors="replace"), out)
        return
    with Store(store_path) as store:
        crawl = store.latest_crawl()
        before = store.previous_crawl(crawl) if changed else None
        # --changed: only the bodies the previous crawl did not have (what a weekly audit judges)
        known = {s["body_hash"] for s in store.snapshots(before.id)} if before else set()
        bodies: dict[str, str] = {}
        for snap in store.snapshots(crawl.id):
            if pages.is_html_page(snap) and snap["body_hash"] not in known:
                bodies.setdefault(snap["body_hash"], snap["url"])
        _measure(list(bodies.items())[:limit], lambda key: store.html(key) or "", out)


def _measure(items: list[tuple[str, str]], read_body: Callable[[str], str], out: str) -> None:
    from gelt_audit import markup
    from gelt_audit.audits import pages, run

    parse_body = getattr(pages, "parse_body", markup.parse)
    cpu = time.process_time
    start = cpu()
    for key, _url in items:  # the floor: read, decompress, parse
        markup.parse(read_body(key))
    floor = cpu() - start
    read = parse = judged = 0.0
    digests = {}
    for key, url in items:
        t0 = cpu()
        html = read_body(key)
        t1 = cpu()
        root = parse_body(html)
        t2 = cpu()
        results = [(j.name(url), json.dumps(j.judge(root, url))) for j in run.BODY_JUDGES]
        t3 = cpu()
        read, parse, judged = read + t1 - t0, parse + t2 - t1, judged + t3 - t2
        for name, blob in results:
            digests[f"{key} {name}"] = hashlib.sha256(blob.encode()).hexdigest()
    Path(out).write_text(
        json.dumps(
            {"pages": len(items), "floor": floor, "read": read, "parse": parse, "judge": judged, "digests": digests}
        )  # fmt: skip
    )


def run_child(which: str, src: str, store: str, limit: int | None, out: Path, changed: bool = False) -> dict:
    env = dict(os.environ)
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", "--store", store, "--out", str(out)]
    if limit:
        cmd += ["--limit", str(limit)]
    if changed:
        cmd += ["--changed"]
    # Run outside the worktree so that PYTHONPATH (the old tree) comes before the editable install.
    env["PYTHONPATH"] = src
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = time.monotonic()
    subprocess.run(cmd, env=env, cwd="/", check=True)
    wall = time.monotonic() - wall
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    found = json.loads(out.read_text())
    found["process_cpu"] = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    found["wall"] = wall
    found["which"] = which
    return found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", required=True, help="a COPY of a store (gelt.db), or a folder of HTML files")
    ap.add_argument("--old", help="source tree of the old code (its gelt_audit/ is imported)")
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--changed", action="store_true", help="sólo los cuerpos que el rastreo anterior no tenía")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    opts = ap.parse_args()
    if opts.child:
        child(opts.store, opts.limit, opts.out, opts.changed)
        return
    work = Path(os.environ.get("TMPDIR", "/tmp")) / f"gelt-judges-{os.getpid()}"
    work.mkdir(exist_ok=True)
    versions = [("new", str(HERE))] + ([("old", opts.old)] if opts.old else [])
    runs = []
    for r in range(opts.rounds):
        order = versions if r % 2 == 0 else versions[::-1]
        for which, src in order:
            print(f"ronda {r + 1}: {which} (carga {os.getloadavg()[0]:.2f})", file=sys.stderr)
            runs.append(run_child(which, src, opts.store, opts.limit, work / f"{which}-{r}.json", opts.changed))
    print(f"Carga (1, 5, 15 min) al final: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print("versión  páginas  piso ms/pág  lectura ms/pág  parse ms/pág  jueces ms/pág  CPU proceso s  pared s")
    for found in runs:
        n = found["pages"] or 1
        print(
            f"{found['which']:<8} {found['pages']:>7} {found['floor'] / n * 1000:>12.2f} {found['read'] / n * 1000:>15.2f}"
            f" {found['parse'] / n * 1000:>13.2f} {found['judge'] / n * 1000:>14.2f}"
            f" {found['process_cpu']:>14.1f} {found['wall']:>8.1f}"
        )
    if opts.old:
        new = next(f for f in runs if f["which"] == "new")["digests"]
        old = next(f for f in runs if f["which"] == "old")["digests"]
        differ = sorted(k for k in old.keys() | new.keys() if old.get(k) != new.get(k))
        print(f"Juicios comparados: {len(old)}; distintos: {len(differ)}")
        for key in differ[:20]:
            print("  distinto:", key)
        if differ:
            sys.exit(1)


if __name__ == "__main__":
    main()
