"""The two reports of the weekly run (``gelt-audit run --no-crawl --reports all``) timed step by step.

    PIN=HASH PYTHONPATH=CODE python bench/report_steps.py COPY/gelt.toml

Runs the week in this process (``code_version()`` replaced by ``$PIN`` when set, as
``bench/weekly_ab.py --pin``: the caches of a warmed store are read as the code's own) and prints, on
stderr, the CPU seconds (``thread_time``) spent inside each wrapped step of the report writer, summed
over its calls (steps nest: a step's time includes the steps it calls), then the week's CPU and peak
RSS. Run it on a copy of a store: it writes the reports and the audit caches. ``PYTHONPATH`` chooses
the code measured.
"""

from __future__ import annotations

import functools
import os
import resource
import sys
import time
from collections import defaultdict
from typing import Any

SPENT: dict[str, list[float]] = defaultdict(lambda: [0.0, 0])


def wrap(fn: Any, name: str) -> Any:
    @functools.wraps(fn)
    def step(*args: Any, **kwargs: Any) -> Any:
        start = time.thread_time()
        try:
            return fn(*args, **kwargs)
        finally:
            SPENT[name][0] += time.thread_time() - start
            SPENT[name][1] += 1

    return step


def patch(module: Any, attr: str, name: str | None = None) -> None:
    if hasattr(module, attr):
        setattr(module, attr, wrap(getattr(module, attr), name or f"{module.__name__.split('.')[-1]}.{attr}"))


def main() -> int:
    pin = os.environ.get("PIN")
    if pin:
        import gelt_audit.audits.source_hash as source_hash

        source_hash.code_version = lambda: pin
    import gelt_audit.reports.csv_export as csv_export
    import gelt_audit.reports.json_file as json_file
    import gelt_audit.reports.json_kept as json_kept
    import gelt_audit.reports.write as write
    import gelt_audit.scheduler.runs as runs
    from gelt_audit.cli import main as cli

    patch(runs, "write_reports", "reports (write_reports)")
    for attr in (
        "_context", "_week_changes", "weekly", "committee", "render", "write_built", "write_evidence",
        "evidence_pages", "copy_file", "write_index", "history_items", "summary_for", "broken_rows",
        "page_titles",
    ):  # fmt: skip
        patch(write, attr)
    write.BUILDERS.update({k: wrap(f, f"build {k}") for k, f in write.BUILDERS.items()})
    write.write_report_json = wrap(json_file.write_report_json, "json_file.write_report_json")
    json_file._write_members = wrap(json_file._write_members, "json_file._write_members")
    json_file._copy_bytes = wrap(json_file._copy_bytes, "json_file._copy_bytes")
    json_kept.keep = wrap(json_kept.keep, "json_kept.keep")
    table_write = csv_export.CsvTable.write

    def write_table(self: Any, plain: Any, excel: Any) -> None:  # also each table by its header
        before = SPENT["CsvTable.write"][0]
        wrap(table_write, "CsvTable.write")(self, plain, excel)
        mine = SPENT[f"  tabla «{self.header[0]}, {self.header[1]}…»"]
        mine[0] += SPENT["CsvTable.write"][0] - before
        mine[1] += 1

    csv_export.CsvTable.write = write_table
    start = time.process_time()
    try:
        cli(["run", "--no-crawl", "--reports", "all", "--config", sys.argv[1]])
    except SystemExit:
        pass
    cpu = time.process_time() - start
    for name, (spent, calls) in sorted(SPENT.items(), key=lambda kv: -kv[1][0]):
        print(f"{name:36} {spent:7.3f} s  {calls:4} llamadas", file=sys.stderr)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"semana {cpu:.2f} s de CPU, RSS máximo {rss:.0f} MB, carga {os.getloadavg()[0]:.1f}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
