"""A fork server for the tests' `gelt-audit` processes: Python and the CLI's modules are loaded once.

Most tests run the real CLI in a process of its own (Twisted's reactor runs once per process). As
two fresh processes, a crawl of a two-page site and its report cost ~2 s of CPU, most of it starting
Python and importing Scrapy, Twisted and the project again; forked from here, ~0.3 s. This server
imports them once (without installing a reactor) and forks one child per command; the child takes
the command's working directory, environment, argv and standard streams, and then runs exactly
what ``python -m gelt_audit`` runs (``raise SystemExit(main())``), ending as that process ends
(threads joined, ``atexit`` run, streams flushed). `tests.helpers.run_cli` talks to it; set
``GELT_TEST_SUBPROCESS=1`` to run every command as a fresh ``python -m gelt_audit`` instead.

What a child cannot take from the request, it shares with the server: what Python reads once as it
starts (``PYTHON*`` variables, the locale: `run_cli` starts a fresh process when ``env`` sets those)
and the hash seed (all children of one server order sets of strings alike).

Protocol, one JSON line each way on the server's stdin/stdout: the request
``{"argv", "cwd", "env", "out", "err"}`` (``out``/``err``: files for the child's stdout/stderr),
answered by ``{"pid"}`` once the child runs and ``{"status"}`` (its wait status) once it ended.
"""

from __future__ import annotations

import gc
import importlib
import importlib.util
import json
import os
import sys
import time
from typing import Any

# Imported before forking: what `crawl`, `report`, `audit` and `run` load (Scrapy and Twisted
# through them), never a module that installs Twisted's reactor (checked below) nor Playwright,
# which the report process loads only when the browser pass starts (tests/test_imports.py).
PRELOAD = (
    "gelt_audit.cli",
    "gelt_audit.commands.crawl",
    "gelt_audit.commands.report",
    "gelt_audit.commands.audit",
    "gelt_audit.commands.run",
    # what a crawl imports once Scrapy starts: its default extensions and middlewares, and the
    # libraries they load (recorded from a crawl of a two-page site; none installs a reactor)
    "scrapy.statscollectors",
    "scrapy.utils.request",
    "scrapy.logformatter",
    "gelt_audit.crawler.extensions",
    "scrapy.extensions",
    "scrapy.extensions.logstats",
    "scrapy.extensions.corestats",
    "scrapy.extensions.logcount",
    "scrapy.utils.engine",
    "scrapy.extensions.telnet",
    "scrapy.extensions.memusage",
    "scrapy.extensions.memdebug",
    "scrapy.extensions.closespider",
    "scrapy.extensions.postprocessing",
    "scrapy.utils.boto",
    "scrapy.utils.ftp",
    "scrapy.extensions.feedexport",
    "scrapy.extensions.spiderstate",
    "scrapy.extensions.throttle",
    "scrapy.utils._remote_control",
    "scrapy.extensions.remote_control",
    "scrapy.downloadermiddlewares.offsite",
    "scrapy.robotstxt",
    "scrapy.downloadermiddlewares.httpauth",
    "scrapy.downloadermiddlewares.downloadtimeout",
    "scrapy.downloadermiddlewares.defaultheaders",
    "scrapy.downloadermiddlewares.useragent",
    "scrapy.downloadermiddlewares.retry",
    "scrapy.spidermiddlewares",
    "scrapy.spidermiddlewares.base",
    "scrapy.spidermiddlewares.referer",
    "scrapy.downloadermiddlewares.redirect",
    "scrapy.downloadermiddlewares.httpcompression",
    "scrapy.http.cookies",
    "scrapy.downloadermiddlewares.cookies",
    "scrapy.downloadermiddlewares.httpproxy",
    "scrapy.downloadermiddlewares.stats",
    "scrapy.downloadermiddlewares.httpcache",
    "scrapy.spidermiddlewares.start",
    "scrapy.spidermiddlewares.httperror",
    "scrapy.spidermiddlewares.urllength",
    "scrapy.spidermiddlewares.depth",
    "scrapy.spidermiddlewares.metacopy",
    "gelt_audit.crawler.pipelines",
    "scrapy.dupefilters",
    "scrapy.squeues",
    "scrapy.pqueues",
    "aiohttp.web",
    "requests",
    "tldextract",
)


def preload() -> None:
    """Import :data:`PRELOAD` and fill two caches of packaged data every report reads; refuse to
    serve if that installed a reactor or loaded Playwright."""
    for name in PRELOAD:
        importlib.import_module(name)
    from gelt_audit.audits import html_rules
    from gelt_audit.audits.checklist.load import CHECKLIST_DIR, load_checklist

    # Babel's language list (~0.2 s of CPU) and the bundled checklists' TOML (~0.1 s): both pure
    # functions of files in the installed packages, cached by the code itself once read.
    html_rules._languages()
    for path in sorted(CHECKLIST_DIR.glob("*.toml")):
        load_checklist(path.stem)
    loaded = sorted(m for m in ("twisted.internet.reactor", "playwright.sync_api") if m in sys.modules)
    if loaded:
        raise SystemExit(f"cli_server: preloading imported {loaded}; a command must import them itself")


def serve(requests: Any, replies: Any) -> dict[str, Any] | None:
    """Fork one child per request and report its pid and wait status. In the child, return its
    request; in the server, return None at the end of the requests."""
    for line in requests:
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:
            requests.close()
            replies.close()
            return request
        replies.write(json.dumps({"pid": pid}) + "\n")
        replies.flush()
        _, status = os.waitpid(pid, 0)
        replies.write(json.dumps({"status": status}) + "\n")
        replies.flush()
    return None


def become(request: dict[str, Any]) -> None:
    """Turn this child into ``python -m gelt_audit ARGV`` run in ``cwd`` with ``env``."""
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    time.tzset()  # TZ is read at start-up; the request may name another one
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    for fd, path in ((1, request["out"]), (2, request["err"])):
        target = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(target, fd)
        os.close(target)
    os.close(null)
    sys.argv = [importlib.util.find_spec("gelt_audit.__main__").origin, *request["argv"]]  # as `-m` sets it
    sys.path[0] = os.getcwd()  # as `python -m` sets it
    from gelt_audit.cli import main

    raise SystemExit(main())


def _main() -> None:
    # The protocol moves off fds 0 and 1, which children take for their own streams.
    requests = os.fdopen(os.dup(0), "r", encoding="utf-8")
    replies = os.fdopen(os.dup(1), "w", encoding="utf-8")
    null = os.open(os.devnull, os.O_RDWR)
    os.dup2(null, 0)
    os.dup2(null, 1)
    os.close(null)
    preload()
    # Every child would otherwise copy most of the preloaded heap as its collector (at the latest
    # when the interpreter ends) walks those objects: a small crawl and its report took 0.76 s of
    # CPU with, 0.27 s without (tests/cli_server.py's children, measured with /proc's cutime).
    gc.freeze()
    replies.write(json.dumps({"ready": os.getpid()}) + "\n")
    replies.flush()
    request = serve(requests, replies)
    if request is not None:
        become(request)


if __name__ == "__main__":
    _main()
