"""Whether giving glibc's free heap back to the system around the checklist's site indexes lowers a
cold JSON report's peak (issue 21, H269).

    python bench/trim_probe.py COPY/gelt.toml           # as is
    python bench/trim_probe.py COPY/gelt.toml --trim    # malloc_trim(0) before and after each index_site

Runs ``report --format json`` in this process on a copy of a store with its audit caches emptied
and prints on stderr its peak (``ru_maxrss``), CPU and the sha256 of the JSON without
``generated_at`` (as ``bench/slope_probe.py``). With ``--trim`` glibc's ``malloc_trim(0)`` runs
before and after each ``index_site`` of the checklist and after each ``evaluate`` (the free
chunks of its heap given back: ``bench/live_probe.py`` shows ~50 MiB free there at the end of the
first index at 50,000 pages). Run the two at once on two copies. ``PYTHONPATH`` chooses the code.
"""

from __future__ import annotations

import ctypes
import functools
import hashlib
import re
import resource
import sys
import time
from pathlib import Path
from typing import Any

_GENERATED = re.compile(rb'"generated_at": ?"[^"]*"')
_LIBC = ctypes.CDLL("libc.so.6")


def trimmed(fn: Any) -> Any:
    """``fn`` with ``malloc_trim(0)`` before and after it."""

    @functools.wraps(fn)
    def call(*args: Any, **kwargs: Any) -> Any:
        _LIBC.malloc_trim(0)
        try:
            return fn(*args, **kwargs)
        finally:
            _LIBC.malloc_trim(0)

    return call


def main() -> int:
    cfg = sys.argv[1]
    import gelt_audit.audits.checklist.audit as audit
    import gelt_audit.reports.write as write
    from gelt_audit.config import load_config

    if "--trim" in sys.argv:
        audit.index_site, audit.evaluate = trimmed(audit.index_site), trimmed(audit.evaluate)
    out = Path(cfg).parent / "informe-trim.json"
    t0 = time.process_time()
    write.report_command(load_config(cfg), None, "json", str(out), None)
    cpu = time.process_time() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    digest = hashlib.sha256(_GENERATED.sub(b'"generated_at": ""', out.read_bytes())).hexdigest()[:12]
    print(f"RESULT trim={'--trim' in sys.argv} peak {peak:.1f} MiB, cpu {cpu:.1f} s, json {digest}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
