"""The browser pass runs in its own process group with a deadline: it never hangs a report or a run."""

from __future__ import annotations

import os
import shutil
import time

import pytest

from gelt_audit.audits.browser import STATE_NO_BROWSER, STATE_OK
from gelt_audit.audits.browser_process import run_isolated
from gelt_audit.store import Store
from tests.helpers import crawl, page

CHROMIUM = "/usr/bin/chromium"
needs_chromium = pytest.mark.skipif(not shutil.which(CHROMIUM), reason="sin Chromium de Debian")


@pytest.fixture
def crawled(serve, config_for):
    site = serve({"/": page("Inicio", "<img src='/logo.png'>", links=("/a",)), "/a": page("A")})
    config = config_for(site.url)
    crawl(config)
    with Store(config.parent / "gelt.db") as store:
        return config.parent / "gelt.db", store.latest_crawl(site.url).id


@needs_chromium
def test_a_pass_past_its_deadline_is_stopped_with_its_browser_and_said_plainly(crawled, monkeypatch):
    store_path, crawl_id = crawled
    started: list[int] = []
    real_popen = __import__("subprocess").Popen

    def recording_popen(*args, **kwargs):
        proc = real_popen(*args, **kwargs)
        started.append(proc.pid)
        return proc

    monkeypatch.setattr("gelt_audit.audits.browser_process.subprocess.Popen", recording_popen)
    result = run_isolated(store_path, crawl_id, None, mode="auto", max_pages=5, executable=CHROMIUM, timeout=0.3)
    assert result["state"] == STATE_NO_BROWSER and "no terminó" in result["message"]
    assert result["findings"] == []  # nothing judged, and nothing said to be fine
    assert _group_ends(started[0])  # killed processes may stay zombies a moment, then the group is gone


def _group_ends(pgid: int, seconds: float = 15) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.2)
    return False


@needs_chromium
def test_a_pass_within_its_deadline_answers_as_in_process(crawled):
    store_path, crawl_id = crawled
    result = run_isolated(store_path, crawl_id, None, mode="auto", max_pages=2, executable=CHROMIUM)
    assert result["state"] == STATE_OK and result["pages_checked"]


def test_a_missing_browser_is_said_not_crashed(crawled):
    store_path, crawl_id = crawled
    result = run_isolated(store_path, crawl_id, None, mode="auto", max_pages=2, executable="/nonexistent/chromium")
    assert result["state"] == STATE_NO_BROWSER and result["findings"] == []
