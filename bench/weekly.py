"""Weekly audit with cached audits (incremental) against the same audit from scratch, same store.

Takes a bench run kept with ``bench/run.py --keep`` (its ``n<N>-run<R>`` folder: three crawls, the
last after ~3 % of pages changed, the second audited): for each round, two copies of the store:

- incremental: the store as the bench leaves it (the audits of crawl 2 cached: each body's
  parse and judgements, crawl 2's checklist evaluation);
- from scratch: the same copy with every audit cache emptied (``body_audits``,
  ``crawl_summaries``, ``portfolio_summaries``);

on each, the weekly audit with both reports (HTML, JSON, CSV: ``write_reports``, as
``gelt-audit run``), then ``report --format json``; the order alternates between rounds. Prints
wall seconds, CPU seconds and peak RSS of each phase, and whether the JSON reports (those the
weekly audit wrote and ``report --format json``) are byte-identical (``generated_at`` aside).
``bench/run.py`` runs the same comparison in its weekly scenario (:func:`compare`).

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


def browser_off_config(text: str) -> str:
    """The config ``text`` with ``[accessibility] browser = "off"``: set in the table when the config
    has one (a second ``[accessibility]`` header would not load), added when it has none."""
    lines = text.splitlines()
    head = next((i for i, line in enumerate(lines) if line.strip() == "[accessibility]"), None)
    if head is None:
        return text + '\n[accessibility]\nbrowser = "off"\n'
    end = next((i for i in range(head + 1, len(lines)) if lines[i].lstrip().startswith("[")), len(lines))
    kept = [line for line in lines[head + 1 : end] if not line.split("=", 1)[0].strip() == "browser"]
    return "\n".join([*lines[:head], "[accessibility]", 'browser = "off"', *kept, *lines[end:]]) + "\n"


def prepare(run: Path, work: Path, scratch: bool, browser_off: bool = False) -> Path:
    """A copy of the run's store and config in ``work``; caches emptied when ``scratch``."""
    work.mkdir(parents=True)
    with sqlite3.connect(run / "gelt.db") as conn:
        conn.execute("pragma wal_checkpoint(truncate)")
    shutil.copy(run / "gelt.db", work / "gelt.db")
    text = (run / "gelt.toml").read_text(encoding="utf-8")
    if browser_off:  # the audits alone, without the browser accessibility pass (Chromium)
        text = browser_off_config(text)
    (work / "gelt.toml").write_text(text, encoding="utf-8")
    if scratch:
        with sqlite3.connect(work / "gelt.db") as conn:
            for table in CACHE_TABLES:
                conn.execute(f"delete from {table}")
    return work / "gelt.toml"


def weekly(cfg: Path) -> dict:
    """The weekly audit with both reports, then the JSON report: each phase's figures, and the
    JSON the reports wrote (``generated_at`` blanked)."""
    work = cfg.parent
    html = run_child([PY, "-c", HTML_REPORTS, str(cfg)], work, "html")
    written = b"".join(_GENERATED.sub(b'"generated_at": ""', p.read_bytes()) for p in sorted(work.rglob("*.json")))
    out = work / "informe.json"
    cmd = [PY, "-m", "gelt_audit", "report", "--format", "json", "--output", str(out), "--config", str(cfg)]
    report = run_child(cmd, work, "report")
    json_bytes = _GENERATED.sub(b'"generated_at": ""', out.read_bytes())
    return {"html": html, "report": report, "json": json_bytes, "written": written}


def compare(run: Path, rounds: int = 1, browser_off: bool = False, tag: str = "") -> dict:
    """``rounds`` rounds of the weekly audit on an incremental and a from-scratch copy of the run's
    store (order alternating): per mode and phase the median wall and CPU seconds and the peak RSS,
    and whether every JSON (the reports' own and ``report --format json``) was identical. The
    incremental copies stay in ``run/incremental<tag>/incremental-<round>``."""
    base = run / f"incremental{tag}"
    shutil.rmtree(base, ignore_errors=True)
    res: dict[str, list[dict]] = {"incremental": [], "scratch": []}
    identical = True
    for r in range(rounds):
        order = ("incremental", "scratch") if r % 2 == 0 else ("scratch", "incremental")
        got = {}
        for mode in order:
            got[mode] = weekly(prepare(run, base / f"{mode}-{r}", mode == "scratch", browser_off))
            res[mode].append(got[mode])
        for key in ("json", "written"):
            identical = identical and got["incremental"][key] == got["scratch"][key]
    out: dict = {"rounds": rounds, "identical": identical, "browser_off": browser_off}
    for mode, runs in res.items():
        out[mode] = {
            phase: {
                "wall": statistics.median(x[phase]["wall"] for x in runs),
                "cpu": statistics.median(x[phase]["cpu"] for x in runs),
                "rss_mb": max(x[phase]["rss_mb"] for x in runs),
            }
            for phase in ("html", "report")
        }
    return out


def keep_incremental(run: Path, tag: str = "") -> None:
    """Make the run's store the first incremental copy of :func:`compare`: the audits of its last
    crawl cached, as a weekly run leaves them (for the next crawl's weekly audit)."""
    db = run / f"incremental{tag}" / "incremental-0" / "gelt.db"
    with sqlite3.connect(db) as conn:
        conn.execute("pragma wal_checkpoint(truncate)")
    for extra in ("gelt.db-wal", "gelt.db-shm"):
        (run / extra).unlink(missing_ok=True)
    shutil.copy(db, run / "gelt.db")


def table(res: dict) -> str:
    """The figures of :func:`compare` as a table (Spanish, as the bench prints)."""
    lines = [f"{'fase':<34}{'incremental':>14}{'desde cero':>14}{'razón':>8}"]
    for phase, label in (("html", "auditoría semanal + informes, s"), ("report", "informe JSON, s")):
        inc, scr = res["incremental"][phase], res["scratch"][phase]
        for key, unit in (("wall", label), ("cpu", label.replace(", s", ", CPU s"))):
            lines.append(f"{unit:<34}{inc[key]:>14.2f}{scr[key]:>14.2f}{inc[key] / scr[key]:>8.2f}")
        lines.append(f"{'  RSS máx., MB':<34}{inc['rss_mb']:>14.0f}{scr['rss_mb']:>14.0f}")
    same = "sí" if res["identical"] else "NO"
    lines.append(f"informes JSON idénticos (salvo generated_at) en {res['rounds']} rondas: {same}")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("run", type=Path, help="carpeta n<N>-run<R> de bench/run.py --keep (tres rastreos)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--browser-off", action="store_true", help="sin la pasada de accesibilidad en navegador")
    args = ap.parse_args()
    res = compare(args.run, args.rounds, args.browser_off)
    print(table(res))
    return 0 if res["identical"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
