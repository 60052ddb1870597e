"""The browser pass in a process of its own, with a deadline.

Chromium is a large program driven over a pipe: when it dies while a page loads, a Playwright
call can wait for ever (seen by hand, killing Chromium mid-load). Under `run` that would hold the
store's lock for every later run. So the pass runs as ``python -m gelt_audit.audits.browser_process``
in its own session; past its deadline the whole group (Python, Playwright's driver, Chromium)
is killed and the pass says plainly that it did not run.

    python -m gelt_audit.audits.browser_process STORE CRAWL_ID PREVIOUS_ID MODE MAX_PAGES CHROMIUM
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

from gelt_audit.audits.browser import STATE_NO_BROWSER, TECHNICAL
from gelt_audit.audits.browser_pass import audit_browser, judged_nothing
from gelt_audit.store import Store

# What one page may take (load, axe, its share of the start-up), and the pass's fixed cost.
SECONDS_PER_PAGE = 30
SECONDS_BASE = 60


def deadline(max_pages: int) -> float:
    """Seconds a pass of ``max_pages`` pages may take before it is stopped."""
    return SECONDS_BASE + SECONDS_PER_PAGE * max_pages


def did_not_run(message: str) -> dict[str, Any]:
    """The pass's answer when it did not judge anything, with the reason."""
    return judged_nothing(STATE_NO_BROWSER, message)


def run_isolated(
    store_path: Path,
    crawl_id: int,
    previous_id: int | None,
    *,
    mode: str,
    max_pages: int,
    executable: str,
    timeout: float | None = None,
) -> dict[str, Any]:
    """:func:`audit_browser` in a child process; «sin navegador» with the reason when it fails or hangs."""
    timeout = deadline(max_pages) if timeout is None else timeout
    args = [str(store_path), str(crawl_id), str(previous_id or 0), mode, str(max_pages), executable]
    proc = subprocess.Popen(
        [sys.executable, "-m", "gelt_audit.audits.browser_process", *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own group: Chromium and the driver go with it
    )
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        return did_not_run(
            f"sin navegador: la revisión en Chromium no terminó en {timeout:g} s y se detuvo; "
            "no se evaluó la accesibilidad en el navegador"
        )
    if proc.returncode != 0:
        last = err.decode("utf-8", "replace").strip().splitlines()[-1:] or [f"código {proc.returncode}"]
        return did_not_run(f"sin navegador: la revisión en Chromium falló ({TECHNICAL}{last[0][:200]})")
    return json.loads(out)


def main(argv: list[str]) -> int:
    store_path, crawl_id, previous_id, mode, max_pages, executable = argv
    with Store(Path(store_path)) as store:
        crawl = store.crawl(int(crawl_id))
        previous = store.crawl(int(previous_id)) if int(previous_id) else None
        result = audit_browser(store, crawl, previous, mode=mode, max_pages=int(max_pages), executable=executable)
    sys.stdout.write(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
