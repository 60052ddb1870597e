"""The weekly audit of a kept bench run with two copies of the code, interleaved, each warmed by itself.

What an audit keeps (findings, the checklist's evaluation, the summaries) is keyed by the code's hash
(``code_version()``): another copy of the code finds none of it, so the weekly audit of the last
crawl measured straight on the bench's store is a cold audit for every code but the bench's own.
Here, each round and each code: a copy of the store; the last crawl hidden while the weekly reports
and ``report --format json`` of the crawl before it run with that code (untimed: what the bench
leaves); the last crawl back, then the weekly audit with both reports (``HTML_REPORTS``, as
``gelt-audit run``) and ``report --format json``, timed (CPU of each child, ``os.wait4``). The order
of the codes alternates between rounds; the browser pass is off. The JSON reports are compared
between the codes (``generated_at`` aside).

    python bench/weekly_ab.py /tmp/gelt-bench-XXXX/n10000-run0 --code viejo=/tmp/old --code nuevo=. --rounds 4

``--run``: the week timed as production runs it, ``gelt-audit run --no-crawl --reports all`` (one
process: the audit, then each report kind written by its own ``write_reports`` call), with the
reports' JSON and CSV files compared; ``--pin``: no warming, every code reads the caches the store
holds as if it were the code that wrote them (``code_version()`` replaced by the store's); valid
only for a change that does not change what is found or written, which the compared files check
(H191; H180 did the same by hand):

    python bench/weekly_ab.py RUN --code viejo=/tmp/old --code nuevo=/tmp/new --rounds 3 --run --pin HASH

``--code NAME=DIR``: a folder holding ``gelt_audit`` (a ``git archive`` of a commit, or the tree).
Each folder is compiled to bytecode first (``compileall``), as installing the package does: a copy
without its ``.pyc`` files, run where ``PYTHONDONTWRITEBYTECODE`` is set, compiles every module it
imports in every child (0,05–0,2 s more per process, measured on the JSON phase at load ~6).
"""

from __future__ import annotations

import argparse
import compileall
import hashlib
import os
import shutil
import sqlite3
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import HTML_REPORTS, PY, run_child  # noqa: E402
from weekly import _GENERATED, browser_off_config  # noqa: E402

HIDDEN = "oculto-weekly-ab"  # not 'finished': the store's queries do not see the crawl
# gelt-audit run without its crawl; argv[2], when not empty, stands for code_version() (--pin): set
# before any module binds it
RUN = """
import sys
import gelt_audit.audits.source_hash as source_hash
if sys.argv[2]:
    source_hash.code_version = lambda: sys.argv[2]
from gelt_audit.cli import main
sys.exit(main(["run", "--no-crawl", "--reports", "all", "--config", sys.argv[1]]))
"""


def _copy(run: Path, work: Path) -> Path:
    """The run's store and config (browser off) in ``work``; the config's path."""
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    with sqlite3.connect(run / "gelt.db") as conn:
        conn.execute("pragma wal_checkpoint(truncate)")
    shutil.copy(run / "gelt.db", work / "gelt.db")
    cfg = work / "gelt.toml"
    cfg.write_text(browser_off_config((run / "gelt.toml").read_text(encoding="utf-8")), encoding="utf-8")
    return cfg


def _set_status(db: Path, crawl_id: int, status: str) -> None:
    with sqlite3.connect(db) as conn:
        conn.execute("update crawls set status = ? where id = ?", [status, crawl_id])


def _week(cfg: Path, code: str, tag: str) -> dict:
    """Both phases of one weekly audit with the code in ``code``: their figures and the JSON."""
    work = cfg.parent
    env = {**os.environ, "PYTHONPATH": code}
    html = run_child([PY, "-c", HTML_REPORTS, str(cfg)], work, f"html{tag}", env=env)
    out = work / f"informe{tag}.json"
    cmd = [PY, "-m", "gelt_audit", "report", "--format", "json", "--output", str(out), "--config", str(cfg)]
    report = run_child(cmd, work, f"report{tag}", env=env)
    return {"html": html, "report": report, "json": _GENERATED.sub(b'"generated_at": ""', out.read_bytes())}


def _production_week(cfg: Path, code: str, pin: str) -> dict:
    """``gelt-audit run --no-crawl --reports all`` with the code in ``code``: its figures and the
    JSON and CSV files it wrote (``generated_at`` blanked), as one blob in name order."""
    env = {**os.environ, "PYTHONPATH": code}
    res = run_child([PY, "-c", RUN, str(cfg), pin], cfg.parent, "run", env=env)
    written = sorted(p for p in (cfg.parent / "informes").iterdir() if p.suffix in (".json", ".csv"))
    blob = b"".join(p.name.encode() + b"\0" + _GENERATED.sub(b'"generated_at": ""', p.read_bytes()) for p in written)
    return {"html": res, "report": {"cpu": 0.0, "rss_mb": 0.0}, "json": blob}


def one(run: Path, work: Path, code: str, production: bool = False, pin: str | None = None) -> dict:
    """The weekly audit of the run's last crawl, after the crawl before it was audited by ``code``
    (with ``pin``, production's week on the caches as they are: no warming)."""
    cfg = _copy(run, work)
    if pin is not None:
        return _production_week(cfg, code, pin)
    with sqlite3.connect(work / "gelt.db") as conn:
        last = conn.execute("select max(id) from crawls where status = 'finished'").fetchone()[0]
    _set_status(work / "gelt.db", last, HIDDEN)
    _week(cfg, code, "-calentar")
    _set_status(work / "gelt.db", last, "finished")
    return _production_week(cfg, code, "") if production else _week(cfg, code, "")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "run", type=Path, help="carpeta n<N>-run<R> de bench/run.py --keep, o una copia de su gelt.db y gelt.toml"
    )
    ap.add_argument("--code", action="append", required=True, help="NOMBRE=CARPETA con gelt_audit (dos o más)")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--work", type=Path, help="carpeta de trabajo (por defecto RUN/weekly-ab)")
    ap.add_argument(
        "--run", dest="production", action="store_true", help="medir gelt-audit run --no-crawl --reports all"
    )
    ap.add_argument("--pin", help="sin calentar: code_version() de todos los códigos es este (el del almacén)")
    args = ap.parse_args()
    if args.pin and not args.production:
        ap.error("--pin sólo con --run")
    codes = [tuple(c.split("=", 1)) for c in args.code]
    for _, code in codes:
        compileall.compile_dir(str(Path(code) / "gelt_audit"), quiet=1)
    work = args.work or args.run / "weekly-ab"
    got: dict[str, list[dict]] = {name: [] for name, _ in codes}
    for r in range(args.rounds):
        for name, code in codes if r % 2 == 0 else codes[::-1]:
            load = os.getloadavg()[0]
            res = one(args.run, work / f"{name}-{r}", str(Path(code).resolve()), args.production, args.pin)
            # only the digest is held: a child forked later inherits this process's peak RSS (Linux
            # keeps it across exec), so holding each round's reports (~100 MB at 10k) inflated the
            # next rounds' peak (H191: 145, 235, 344, 453 MB round after round, either code)
            res["json"] = hashlib.sha256(res["json"]).digest()
            got[name].append(res)
            digest = res["json"].hex()[:12]
            print(
                f"{name} ronda {r}: semanal {res['html']['cpu']:.2f} s de CPU (RSS {res['html']['rss_mb']:.0f} MB), "
                f"JSON {res['report']['cpu']:.2f} s; carga {load:.1f}; informe {digest}",
                flush=True,
            )
    for name, runs in got.items():
        html = statistics.median(x["html"]["cpu"] for x in runs)
        report = statistics.median(x["report"]["cpu"] for x in runs)
        print(f"{name}: mediana semanal {html:.2f} + JSON {report:.2f} = {html + report:.2f} s de CPU")
    same = len({x["json"] for runs in got.values() for x in runs}) == 1
    print(f"informes JSON idénticos entre códigos y rondas: {'sí' if same else 'NO'}")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
