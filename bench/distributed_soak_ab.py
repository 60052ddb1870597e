"""Interleaved soak of the distributed crawl: several code trees, same soak, CPU of each run.

    git archive 96ea5cc gelt_audit bench | tar -x -C /tmp/old
    python bench/distributed_soak_ab.py --tree old=/tmp/old --tree new=. --rounds 6 --until 04:58 -- --kills 10

Runs ``bench/distributed_soak.py`` (this tree's copy, the same script for all) with
``PYTHONPATH`` set to one tree or another, from an empty working folder so that neither tree is
imported by accident (``python -m`` puts the working folder first on ``sys.path``); before each
run it checks in the same environment which ``gelt_audit`` is imported. Each round runs every tree once,
the order rotated by one each round, so that drift in the machine's load falls on all. CPU is user+sys of the
soak and every child it reaped (its workers, Redis, the coordinators), from ``os.wait4``. Appends
one JSON line per run to ``--log`` with the soak's summary.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def imported_from(tree: Path, cwd: Path) -> str:
    """The file of ``gelt_audit``'s protocol module that a run with this tree would import."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    code = "import gelt_audit.crawler.distributed.protocol as p; print(p.__file__)"
    return subprocess.run([sys.executable, "-c", code], env=env, cwd=cwd, capture_output=True, text=True).stdout.strip()


def run(tree: Path, cwd: Path, soak_args: list[str]) -> dict:
    """One soak with ``tree`` first on the path; its summary plus CPU seconds of the whole run."""
    protocol = imported_from(tree, cwd)
    if not protocol.startswith(str(tree.resolve())):
        raise SystemExit(f"{tree}: se importa {protocol}")
    out = Path(tempfile.mkstemp(prefix="soak-", suffix=".json")[1])
    env = {**os.environ, "PYTHONPATH": str(tree.resolve())}
    cmd = [sys.executable, str(HERE / "distributed_soak.py"), *soak_args, "--out", str(out)]
    proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    summary = json.loads(out.read_text(encoding="utf-8"))
    out.unlink()
    summary["cpu_user"] = round(usage.ru_utime, 2)
    summary["cpu_sys"] = round(usage.ru_stime, 2)
    summary["soak_exit"] = os.waitstatus_to_exitcode(status)
    summary["protocol_file"] = protocol
    summary["load1"] = os.getloadavg()[0]
    return summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", action="append", required=True, help="LABEL=PATH, once per code tree")
    parser.add_argument("--rounds", type=int, default=6, help="at least this many rounds")
    parser.add_argument("--until", default=None, help="HH:MM UTC: no new round after this once --rounds are done")
    parser.add_argument("--log", type=Path, default=Path("soak-ab.jsonl"))
    parser.add_argument("soak_args", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    soak_args = [a for a in args.soak_args if a != "--"]
    cwd = Path(tempfile.mkdtemp(prefix="soak-ab-"))
    log = args.log.resolve()
    trees = [(label, Path(path)) for label, path in (t.split("=", 1) for t in args.tree)]
    pair = 0
    while True:
        now = dt.datetime.now(dt.UTC).strftime("%H:%M")
        if pair >= args.rounds and (args.until is None or now >= args.until):
            break
        pair += 1
        shift = pair % len(trees)
        for label, tree in trees[shift:] + trees[:shift]:
            summary = run(tree, cwd, soak_args)
            summary.update(code=label, round=pair)
            with log.open("a", encoding="utf-8") as fh:
                fh.write(json.dumps(summary, ensure_ascii=False) + "\n")
            print(
                f"ronda {pair} {label}: perdidas {summary['lost']}, sobrantes {summary['extra']}, duplicadas "
                f"{summary['duplicated_rows']}, distintas {summary['different']}, pedidas dos veces "
                f"{summary['refetched']} (reencoladas {summary['requeued']}), vivos dados por muertos "
                f"{summary.get('presumed_dead', '-')}, CPU {summary['cpu_user']}+"
                f"{summary['cpu_sys']} s, carga {summary['load1']:.1f}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
