"""What a cold JSON report's process holds live and what it keeps free around each checklist
``index_site`` and ``evaluate`` (issue 21, H269).

    python bench/live_probe.py COPY/gelt.toml
    PROBE_ARENAS=1 python bench/live_probe.py COPY/gelt.toml   # + pymalloc's arenas

Runs ``report --format json`` on a copy of a store with its audit caches emptied and prints on
stderr, before and after each ``index_site`` and ``evaluate`` of the checklist (both crawls) and
after the whole checklist step, ``bench/memory_step_probe.py``'s line: RSS and its peak, glibc's
heap (in use and free), SQLite's memory, and Python's live small blocks
(``sys.getallocatedblocks``). RSS far above the bytes in use is memory freed but not given back.
``PYTHONPATH`` chooses the code measured. Run it on a copy: it writes the audit caches.
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path
from typing import Any

from memory_step_probe import state


def main() -> int:
    cfg = sys.argv[1]
    import gelt_audit.audits.checklist.audit as audit
    import gelt_audit.audits.run as run
    import gelt_audit.reports.write as write
    from gelt_audit.config import load_config

    def probed(fn: Any, name: str) -> Any:
        count = [0]

        @functools.wraps(fn)
        def call(*args: Any, **kwargs: Any) -> Any:
            count[0] += 1
            state(f"before {name} {count[0]} (blocks {sys.getallocatedblocks()})")
            result = fn(*args, **kwargs)
            state(f"after  {name} {count[0]} (blocks {sys.getallocatedblocks()})")
            return result

        return call

    audit.index_site = probed(audit.index_site, "index_site")
    audit.evaluate = probed(audit.evaluate, "evaluate")
    step = probed(run.checklist, "checklist step")
    for attr in ("AUDITS", "WITHOUT_BROWSER", "VOLATILE", "SIGNALS"):
        setattr(run, attr, tuple(step if f is run.checklist else f for f in getattr(run, attr)))
    run.checklist = step
    write.report_command(load_config(cfg), None, "json", str(Path(cfg).parent / "informe-live.json"), None)
    state(f"end (blocks {sys.getallocatedblocks()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
