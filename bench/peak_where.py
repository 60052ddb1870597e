"""Where in the code a cold JSON report reaches its peak memory (issue 21, H269).

    python bench/peak_where.py COPY/gelt.toml                 # sampled every 0.2 s
    python bench/peak_where.py COPY/gelt.toml --every 0.05    # finer

Runs ``report --format json`` (``reports.write.report_command``, as ``bench/slope_probe.py``) in
this process on a copy of a store with its audit caches emptied, while a thread samples the
process's resident memory (VmRSS) and, each time it passes its highest so far by 1 MiB, the main
thread's Python stack (``sys._current_frames``: the functions of ``gelt_audit`` only). Prints on
stderr, at the end: the stack where the highest sample was taken, and the RSS at each change of
the innermost checklist step (which crawl's ``index_site`` or ``evaluate``, the previous crawl's
signal audits), so a peak falls in a named step. Sampling cannot see a spike shorter than
``--every``; ``ru_maxrss`` (printed too) is the true peak. ``PYTHONPATH`` chooses the code
measured. Run it on a copy: it writes the audit caches.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import resource
import sys
import threading
import time
from pathlib import Path

from memory_step_probe import proc_status as status

_GENERATED = re.compile(rb'"generated_at": ?"[^"]*"')
_STEPS = ("index_site", "_read_pages", "_phrase_indexes", "encode", "evaluate", "run_audits", "regressions")


def _stack(frame) -> list[str]:  # type: ignore[no-untyped-def]
    """The ``gelt_audit`` frames of ``frame``'s stack, outermost first, as ``module:function:line``."""
    out = []
    while frame is not None:
        name = frame.f_code.co_filename
        if "gelt_audit" in name:
            out.append(f"{name.split('gelt_audit/')[-1]}:{frame.f_code.co_name}:{frame.f_lineno}")
        frame = frame.f_back
    return out[::-1]


def _sampler(main_id: int, every: float, found: dict, stop: threading.Event) -> None:
    """Sample RSS and, at each new high, the main thread's stack; note each step change."""
    high = 0.0
    last_step = ""
    while not stop.wait(every):
        rss = status()["VmRSS"]
        frame = sys._current_frames().get(main_id)
        stack = _stack(frame) if frame is not None else []
        step = " > ".join(s.split(":")[1] for s in stack if s.split(":")[1] in _STEPS)
        if step != last_step:
            found["steps"].append((time.process_time(), rss, step))
            last_step = step
        if rss > high + 1:
            high = rss
            found["high"] = (rss, stack)
        found["max_by_step"][step] = max(found["max_by_step"].get(step, 0.0), rss)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("config", help="gelt.toml de una copia del almacén con las cachés vaciadas")
    ap.add_argument("--every", type=float, default=0.2, help="segundos entre muestras")
    args = ap.parse_args()
    import gelt_audit.reports.write as write
    from gelt_audit.config import load_config

    found: dict = {"steps": [], "high": (0.0, []), "max_by_step": {}}
    stop = threading.Event()
    thread = threading.Thread(target=_sampler, args=(threading.get_ident(), args.every, found, stop), daemon=True)
    thread.start()
    out = Path(args.config).parent / "informe-peak.json"
    t0 = time.process_time()
    write.report_command(load_config(args.config), None, "json", str(out), None)
    cpu = time.process_time() - t0
    stop.set()
    thread.join()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    digest = hashlib.sha256(_GENERATED.sub(b'"generated_at": ""', out.read_bytes())).hexdigest()[:12]
    rss, stack = found["high"]
    print(f"highest sample {rss:.1f} MiB at:", file=sys.stderr)
    for line in stack:
        print(f"    {line}", file=sys.stderr)
    print("step changes (cpu s, rss MiB, step):", file=sys.stderr)
    for cpu_at, rss_at, step in found["steps"]:
        print(f"  {cpu_at:7.1f} {rss_at:7.1f}  {step or '-'}", file=sys.stderr)
    print("highest sample per step:", file=sys.stderr)
    for step, high in found["max_by_step"].items():
        print(f"  {high:7.1f}  {step or '-'}", file=sys.stderr)
    print(f"RESULT peak {peak:.1f} MiB, cpu {cpu:.1f} s, json {digest}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
