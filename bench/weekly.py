"""Weekly audit with cached audits (incremental) against the same audit from scratch, same store.

Takes a bench run kept with ``bench/run.py --keep`` (its ``n<N>-run<R>`` folder: three crawls, the
last after ~3 % of pages changed, the second audited): for each round, two copies of the store:

- incremental: the store as the bench leaves it (the audits of crawl 2 cached: each body's
  parse and judgements, crawl 2's checklist evaluation);
- from scratch: the same copy with every audit cache emptied (``body_audits``,
  ``crawl_summaries``, ``portfolio_summaries``);

on each, the weekly audit with both reports (HTML, JSON, CSV: ``write_reports``, as
``gelt-audit run``), then ``report --format json``; the order alternates between rounds. Prints
wall seconds, CPU seconds and peak RSS of each phase, and whether the two JSON reports are
byte-identical (``generated_at`` aside).

    python bench/weekly.py /tmp/gelt-bench-XXXX/n2000-run0 --rounds 3
"""

from __future__ import annotations

import argparse
import re
import shutil
import sqlite3
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import HTML_REPORTS, PY, run_child  # noqa: E402

CACHE_TABLES = ("body_audits", "crawl_summaries", "portfolio_summaries")
_GENERATED = re.compile(rb'"generated_at": ?"[^"]*"')


def prepare(run: Path, work: Path, scratch: bool, browser_off: bool = False) -> Path:
    """A copy of the run's store and config in ``work``; caches emptied when ``scratch``."""
    work.mkdir(parents=True)
    with sqlite3.connect(run / "gelt.db") as conn:
        conn.execute("pragma wal_checkpoint(truncate)")
    shutil.copy(run / "gelt.db", work / "gelt.db")
    text = (run / "gelt.toml").read_text(encoding="utf-8")
    if browser_off:  # the audits alone, without the browser accessibility pass (Chromium)
        text += '\n[accessibility]\nbrowser = "off"\n'
    (work / "gelt.toml").write_text(text, encoding="utf-8")
    if scratch:
        with sqlite3.connect(work / "gelt.db") as conn:
            for table in CACHE_TABLES:
                conn.execute(f"delete from {table}")
    return work / "gelt.toml"


def weekly(cfg: Path) -> dict:
    """The weekly audit with both reports, then the JSON report: each phase's figures."""
    work = cfg.parent
    html = run_child([PY, "-c", HTML_REPORTS, str(cfg)], work, "html")
    out = work / "informe.json"
    cmd = [PY, "-m", "gelt_audit", "report", "--format", "json", "--output", str(out), "--config", str(cfg)]
    report = run_child(cmd, work, "report")
    return {"html": html, "report": report, "json": _GENERATED.sub(b'"generated_at": ""', out.read_bytes())}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("run", type=Path, help="carpeta n<N>-run<R> de bench/run.py --keep (tres rastreos)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--browser-off", action="store_true", help="sin la pasada de accesibilidad en navegador")
    args = ap.parse_args()
    base = args.run / "incremental"
    shutil.rmtree(base, ignore_errors=True)
    res: dict[str, list[dict]] = {"incremental": [], "scratch": []}
    identical = True
    for r in range(args.rounds):
        order = ("incremental", "scratch") if r % 2 == 0 else ("scratch", "incremental")
        got = {}
        for mode in order:
            got[mode] = weekly(prepare(args.run, base / f"{mode}-{r}", mode == "scratch", args.browser_off))
            res[mode].append(got[mode])
        identical = identical and got["incremental"]["json"] == got["scratch"]["json"]
    print(f"{'fase':<34}{'incremental':>14}{'desde cero':>14}{'razón':>8}")
    for phase, label in (("html", "auditoría semanal + informes, s"), ("report", "informe JSON, s")):
        for key, unit in (("wall", label), ("cpu", label.replace(", s", ", CPU s"))):
            inc = statistics.median(x[phase][key] for x in res["incremental"])
            scr = statistics.median(x[phase][key] for x in res["scratch"])
            print(f"{unit:<34}{inc:>14.2f}{scr:>14.2f}{inc / scr:>8.2f}")
        inc = max(x[phase]["rss_mb"] for x in res["incremental"])
        scr = max(x[phase]["rss_mb"] for x in res["scratch"])
        print(f"{'  RSS máx., MB':<34}{inc:>14.0f}{scr:>14.0f}")
    print(f"informes JSON idénticos (salvo generated_at) en {args.rounds} rondas: {'sí' if identical else 'NO'}")
    return 0 if identical else 1


if __name__ == "__main__":
    raise SystemExit(main())
