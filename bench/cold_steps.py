"""Where a cold ``report --format json`` spends its CPU: a sampling profile with the stdlib only.

The project's ``[bench]`` profilers (py-spy, pyinstrument) are not always installed; this samples the
report's own stack on ``SIGPROF`` (``signal.setitimer(ITIMER_PROF)``: CPU time, every ``--interval``
seconds) in the report's process and prints, with each share scaled to the process's CPU seconds:

- per step: the audit step each sample is under (the outermost function called by
  ``findings_cache``/``context``'s step runners, e.g. ``checklist``, ``links.find``), or
  ``(fuera de los pasos)`` (start, the JSON's writing);
- per function: inclusive seconds (a function counted once per sample, recursion aside) and own
  seconds, the ``--top`` largest of each.

The store is copied first, with every audit cache emptied and the browser pass off (as
``bench/cold.py``); ``--src`` puts another source tree's ``gelt_audit`` first on the path::

    python bench/cold_steps.py /tmp/copy-of-n10000-run0 [--src /tmp/old] [--interval 0.005] [--top 60]

The sampler costs a little (a tuple of code objects per sample); its CPU is the report's too.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import PY  # noqa: E402
from weekly import prepare  # noqa: E402

# Runs in the child: the report under the sampler; the samples written as JSON.
_CHILD = r"""
import collections, json, os, resource, runpy, signal, sys, time
out_path, interval = sys.argv.pop(1), float(sys.argv.pop(1))
sys.argv[0] = "gelt-audit"
stacks = collections.Counter()

def on_prof(signum, frame):
    chain = []
    while frame is not None:
        chain.append(frame.f_code)
        frame = frame.f_back
    stacks[tuple(chain)] += 1

signal.signal(signal.SIGPROF, on_prof)
signal.setitimer(signal.ITIMER_PROF, interval, interval)
start = time.process_time()
try:
    runpy.run_module("gelt_audit", run_name="__main__")
except SystemExit:
    pass
finally:
    signal.setitimer(signal.ITIMER_PROF, 0, 0)
    cpu = time.process_time() - start
    def name(c):
        path = c.co_filename
        at = path.rfind("gelt_audit/")
        short = path[at:] if at >= 0 else os.path.basename(path)
        return f"{short}:{c.co_name}"
    rows = [[[name(c) for c in chain], n] for chain, n in stacks.items()]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with open(out_path, "w") as f:
        json.dump({"cpu": cpu, "peak_kib": peak, "stacks": rows}, f)
"""

# A frame of these files calls each audit step (``run_kept`` and ``run_audits``).
_RUNNERS = ("gelt_audit/audits/findings_cache.py:", "gelt_audit/audits/context.py:")


def _step(chain: list[str]) -> str:
    """The outermost function a step runner called, in a chain innermost first."""
    for i in range(len(chain) - 1, 0, -1):
        if chain[i].startswith(_RUNNERS) and not chain[i - 1].startswith(_RUNNERS):
            return chain[i - 1]
    return "(fuera de los pasos)"


def summarize(found: dict, top: int) -> str:
    """The per-step and per-function tables of one profile, in CPU seconds."""
    total = sum(n for _c, n in found["stacks"]) or 1
    scale = found["cpu"] / total
    steps: collections.Counter = collections.Counter()
    incl: collections.Counter = collections.Counter()
    own: collections.Counter = collections.Counter()
    for chain, n in found["stacks"]:
        steps[_step(chain)] += n
        for f in set(chain):
            incl[f] += n
        own[chain[0]] += n
    lines = [f"CPU {found['cpu']:.1f} s, {total} muestras, máximo propio {found['peak_kib'] / 1024:.1f} MiB", ""]
    lines.append("paso  s de CPU  %")
    for s, n in steps.most_common():
        lines.append(f"{s:<70} {n * scale:7.2f} {100 * n / total:5.1f}")
    lines += ["", f"inclusivo (los {top} mayores)"]
    for f, n in incl.most_common(top):
        lines.append(f"{f:<90} {n * scale:7.2f} {100 * n / total:5.1f}")
    lines += ["", f"propio (los {top} mayores)"]
    for f, n in own.most_common(top):
        lines.append(f"{f:<90} {n * scale:7.2f} {100 * n / total:5.1f}")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("run", type=Path, help="carpeta con gelt.db y gelt.toml (se copia)")
    ap.add_argument("--src", help="árbol de fuentes de otro código (su gelt_audit/ se importa)")
    ap.add_argument("--interval", type=float, default=0.005, help="segundos de CPU entre muestras")
    ap.add_argument("--top", type=int, default=60)
    ap.add_argument("--base", type=Path, help="carpeta de la copia (por omisión una temporal)")
    ap.add_argument("--samples", type=Path, help="guarda aquí las muestras (JSON)")
    args = ap.parse_args()
    # prepare makes the folder: a new one inside the temporary one (H306: mkdtemp's own made it fail)
    work = args.base or Path(tempfile.mkdtemp(prefix="gelt-steps-")) / "copia"
    cfg = prepare(args.run, work, scratch=True, browser_off=True)
    env = dict(os.environ)
    if args.src:
        env["PYTHONPATH"] = args.src
    samples = args.samples or work / "samples.json"
    cmd = [PY, "-c", _CHILD, str(samples), str(args.interval), "report", "--format", "json"]
    cmd += ["--output", str(work / "informe.json"), "--config", str(cfg)]
    load = os.getloadavg()[0]
    subprocess.run(cmd, cwd=work, env=env, check=True, stdout=subprocess.DEVNULL)
    print(f"carga {load:.2f} → {os.getloadavg()[0]:.2f}")
    print(summarize(json.loads(samples.read_text()), args.top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
