"""Peak memory of one report process, step by step: what each audit and report stage leaves held.

    python bench/memory_steps.py COPY/gelt.toml json    # report --format json --output COPY/informe-steps.json
    python bench/memory_steps.py COPY/gelt.toml html    # the weekly and committee reports (as gelt-audit run)
    python bench/memory_steps.py COPY/gelt.toml run     # gelt-audit run --no-crawl --reports all itself
    python bench/memory_steps.py COPY/gelt.toml json --trace 12   # with tracemalloc: the 12 lines holding most
    python bench/memory_steps.py COPY/gelt.toml json --without checklist  # every step but the checklist

Wraps each step of ``audits.run`` (and the checklist's ``index_site`` and ``evaluate``, and the
report writer's stages) and prints, on stderr, after each: the process's resident memory (VmRSS)
and its peak so far (VmHWM) in MB, and the CPU seconds so far. ``--trace N`` also prints the
Python heap (tracemalloc: slow, several times the CPU) and the N source lines holding most of it.
``--without checklist`` (step names, comma separated) runs those
steps as if they found nothing: what the rest of the run holds, without the checklist's index. Run
it on a copy of a store: it writes the audit caches as the reports do. ``PYTHONPATH`` chooses
the code measured (e.g. another worktree).
"""

from __future__ import annotations

import functools
import resource
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

T0 = time.process_time()


def memory() -> dict[str, int]:
    out = {}
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(("VmRSS", "VmHWM")):
                key, value = line.split(":")
                out[key] = int(value.split()[0]) // 1024
    return out


def log(name: str, trace: int) -> None:
    m = memory()
    extra = ""
    if trace:
        held, peak = tracemalloc.get_traced_memory()
        extra = f" python {held / 2**20:6.1f} python-peak {peak / 2**20:6.1f}"
    cpu = time.process_time() - T0
    print(f"{name:32} rss {m['VmRSS']:5} hwm {m['VmHWM']:5} cpu {cpu:7.1f}{extra}", file=sys.stderr, flush=True)
    if trace:
        for stat in tracemalloc.take_snapshot().statistics("lineno")[:trace]:
            frame = stat.traceback[0]
            where = f"{frame.filename.split('gelt_audit/')[-1]}:{frame.lineno}"
            print(f"    {stat.size / 2**20:7.1f} MB {stat.count:8} {where}", file=sys.stderr)
        tracemalloc.reset_peak()


def wrap(fn: Any, name: str, trace: int) -> Any:
    @functools.wraps(fn)
    def step(*args: Any, **kwargs: Any) -> Any:
        result = fn(*args, **kwargs)
        log(name, trace)
        return result

    return step


def main() -> int:
    cfg_path, mode = sys.argv[1], sys.argv[2]
    trace = int(sys.argv[sys.argv.index("--trace") + 1]) if "--trace" in sys.argv else 0
    without = sys.argv[sys.argv.index("--without") + 1].split(",") if "--without" in sys.argv else []
    if trace:
        tracemalloc.start(1)
    import gelt_audit.audits.checklist.audit as checklist
    import gelt_audit.audits.run as run
    import gelt_audit.reports.json_kept as json_kept
    import gelt_audit.reports.write as write
    import gelt_audit.scheduler.runs as runs
    from gelt_audit.config import load_config

    # the step tuples hold the functions: replaced everywhere at once (run_kept compares them)
    steps = {f: wrap(f, f"{f.__module__.split('.')[-1]}.{f.__qualname__}", trace) for f in set(run.AUDITS)}
    for f in run.AUDITS:
        if f.__qualname__ in without:  # found nothing: the findings lack its keys
            steps[f] = wrap(lambda ctx: {}, f"{f.__qualname__} (left out)", trace)
    for attr in ("AUDITS", "WITHOUT_BROWSER", "VOLATILE", "SIGNALS"):
        setattr(run, attr, tuple(steps.get(f, f) for f in getattr(run, attr)))
    run.crawls, run.stamp, run.checklist = steps[run.crawls], steps[run.stamp], steps[run.checklist]
    for name in ("index_site", "evaluate"):
        setattr(checklist, name, wrap(getattr(checklist, name), f"checklist.{name}", trace))
    for name in ("audit", "summary_for", "write_json", "render", "write_built", "write_report_json", "write_index"):
        if hasattr(write, name):
            setattr(write, name, wrap(getattr(write, name), f"write.{name}", trace))
    # the report writer's later stages (H155): each kind's builder, the kept JSON members
    write.BUILDERS.update({k: wrap(f, f"write.BUILDERS[{k}]", trace) for k, f in write.BUILDERS.items()})
    json_kept.keep = wrap(json_kept.keep, "json_kept.keep", trace)
    log("start", trace)
    if mode == "run":  # the unattended run without its crawl: the scheduler holds the findings
        runs.audit = wrap(runs.audit, "runs.audit", trace)
        runs.write_reports = wrap(runs.write_reports, "runs.write_reports", trace)
        runs.run_once(cfg_path, reports="all", crawl=False)
        log("end", trace)
        usage = resource.getrusage(resource.RUSAGE_SELF)
        print(f"peak RSS {usage.ru_maxrss / 1024:.0f} MB, CPU {usage.ru_utime + usage.ru_stime:.1f} s", file=sys.stderr)
        return 0
    config = load_config(cfg_path)
    if mode == "html":
        write.write_reports(config, ["weekly", "committee"])
    else:
        out = Path(cfg_path).parent / "informe-steps.json"
        write.report_command(config, None, "json", str(out), None, stream=sys.stdout)
    log("end", trace)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(f"peak RSS {usage.ru_maxrss / 1024:.0f} MB, CPU {usage.ru_utime + usage.ru_stime:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
