"""A cold ``report --format json`` against its read-and-parse floor, two versions of the code interleaved.

Takes a folder with a store and its config (``gelt.db``, ``gelt.toml``: a bench run kept with
``bench/run.py --keep``, or a copy of one). Each round, for each version (``new``: this worktree;
``--old``: a source tree, e.g. ``git archive <commit> gelt_audit | tar -x -C /tmp/old``), order
alternating: a fresh copy of the store with every audit cache emptied and the browser pass off
(``bench/weekly.py``'s ``prepare``), then ``gelt-audit report --format json --output`` in a child
process. Prints CPU seconds (user + system, ``os.wait4``), wall seconds, peak RSS and the load
average around each run, whether the JSON reports are byte-identical (``generated_at`` aside), and
the floor: reading, decompressing and parsing (``markup.parse``, as ``bench/judges.py``) every
distinct HTML body of the last crawl, and of the crawl before it (a cold report of a store with
several crawls also evaluates the previous one: its checklist and the signals it reads).

    python bench/cold.py /tmp/copy-of-n10000-run0 --old /tmp/old --rounds 2

Per run: the launcher's peak RSS (the largest of the report and the processes it reaped) and the
report's own peak. H231 measured its parse workers (reverted) with an option ``--new-workers`` that
wrote their config key and read each worker's peak from the log; it went with them (``git show
a11b7a5:bench/cold.py``; bench/results-2026-12-07-parse-workers-h231.md).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import PY, run_child  # noqa: E402
from weekly import prepare  # noqa: E402

_GENERATED = re.compile(rb'"generated_at": ?"[^"]*"')
_FLOOR = """
import json, sys, time
from gelt_audit import markup
from gelt_audit.audits.pages import is_html_page
from gelt_audit.store import Store
out = {}
with Store(sys.argv[1]) as store:
    crawl = store.latest_crawl()
    for name, c in (("last", crawl), ("previous", store.previous_crawl(crawl))):
        if c is None:
            continue
        bodies = {s["body_hash"] for s in store.snapshots(c.id) if is_html_page(s)}
        start = time.process_time()
        for h in bodies:
            markup.parse(store.html(h) or "")
        out[name] = {"bodies": len(bodies), "cpu": time.process_time() - start}
print(json.dumps(out))
"""


# The report run so that it says its own peak RSS (KiB) in a file: the launcher's figure (os.wait4)
# is the largest of the report and the processes it reaped (H231's parse workers, when it had them).
_OWN_PEAK = """
import resource, runpy, sys
peak = sys.argv.pop(1)
sys.argv[0] = "gelt-audit"
try:
    runpy.run_module("gelt_audit", run_name="__main__")
finally:
    with open(peak, "w") as f:
        f.write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))
"""


def cold_report(run: Path, work: Path, src: str | None) -> dict:
    """One cold report on a fresh copy; its figures and JSON (``generated_at`` blanked). Besides the
    launcher's peak (``rss_mb``, the largest process), the report's own peak (``own_mb``)."""
    cfg = prepare(run, work, scratch=True, browser_off=True)
    env = dict(os.environ)
    if src:
        env["PYTHONPATH"] = src  # before the editable install of this worktree
    out = work / "informe.json"
    peak = work / "own-peak"
    cmd = [PY, "-c", _OWN_PEAK, str(peak), "report", "--format", "json", "--output", str(out), "--config", str(cfg)]
    load = os.getloadavg()[0]
    found = run_child(cmd, work, "report", env=env)
    found["load"] = (load, os.getloadavg()[0])
    found["json"] = _GENERATED.sub(b'"generated_at": ""', out.read_bytes())
    found["own_mb"] = int(peak.read_text()) / 1024
    return found


def _figures(res: dict) -> str:
    """CPU, wall, the largest process's peak RSS and the report's own (MB), the load before/after,
    and the JSON's hash."""
    return (
        f"{res['cpu']:6.1f} {res['wall']:8.1f} {res['rss_mb']:10.0f} {res['own_mb']:7.1f}"
        f"  {res['load'][0]:.2f}/{res['load'][1]:.2f}  {hashlib.sha256(res['json']).hexdigest()[:12]}"
    )


def floor(run: Path, work: Path) -> dict:
    """Read + decompress + parse of every distinct HTML body of the last crawl and the one before."""
    cfg = prepare(run, work, scratch=False)
    run_child([PY, "-c", _FLOOR, str(cfg.parent / "gelt.db")], work, "floor")
    return json.loads((work / "floor.stdout").read_text())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("run", type=Path, help="carpeta con gelt.db y gelt.toml (una copia: se copia otra vez)")
    ap.add_argument("--old", help="árbol de fuentes del código anterior (su gelt_audit/ se importa)")
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--base", type=Path, help="carpeta de las copias (por omisión una temporal)")
    args = ap.parse_args()
    base = args.base or Path(tempfile.mkdtemp(prefix="gelt-cold-"))
    versions = [("new", None)] + ([("old", args.old)] if args.old else [])
    runs = []
    for r in range(args.rounds):
        for which, src in versions if r % 2 == 0 else versions[::-1]:
            print(f"ronda {r + 1}: {which} (carga {os.getloadavg()[0]:.2f}, {time.strftime('%H:%M')})", file=sys.stderr)
            runs.append((which, cold_report(args.run, base / f"{which}-{r}", src)))
            done = runs[-1][1]  # said at once: a run stopped later keeps the figures of this one
            print(f"  {which}: {_figures(done)}", file=sys.stderr)
    found = floor(args.run, base / "floor")
    print("versión  CPU s  pared s  RSS máx. MB (el mayor)  propio  carga antes/después  JSON")
    for which, res in runs:
        print(f"{which:<8} {_figures(res)}")
    for name, f in found.items():
        print(f"piso ({name}): {f['bodies']} cuerpos, {f['cpu']:.1f} s de CPU")
    total = sum(f["cpu"] for f in found.values())
    for which in dict(runs):
        cpus = [res["cpu"] for w, res in runs if w == which]
        last = found.get("last", {}).get("cpu") or float("nan")
        print(
            f"{which}: mediana {sorted(cpus)[len(cpus) // 2]:.1f} s = {sorted(cpus)[len(cpus) // 2] / last:.1f}x el piso"
            f" del último rastreo, {sorted(cpus)[len(cpus) // 2] / total:.1f}x el de los dos"
        )
    blobs = {res["json"] for _w, res in runs}
    print(f"JSON idénticos (salvo generated_at): {'sí' if len(blobs) == 1 else 'NO'}")
    print(f"(copias en {base}; {time.strftime('%H:%M:%S')})")
    return 0 if len(blobs) == 1 else 1


if __name__ == "__main__":
    sys.exit(main())
