"""`gelt-audit demo` end to end: the bundled site served, crawled twice, audited, reported."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest

from gelt_audit.demo.site import EXPECTED_CHANGES, LEGACY_PAGES, demo_site
from gelt_audit.store import Store
from tests.helpers import run_cli


def rel(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    directory = tmp_path_factory.mktemp("demo")
    result = run_cli("demo", "--dir", str(directory), timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads((directory / "informes" / "informe.json").read_text(encoding="utf-8"))
    return directory, result.stdout, report


def test_demo_prints_where_the_results_are(demo):
    directory, stdout, _ = demo
    assert str(directory / "demo.db") in stdout and "informe.json" in stdout


def test_demo_report_lists_every_page_with_status_and_title(demo):
    _, _, report = demo
    pages = {rel(p["url"]): p for p in report["pages"]}
    html_paths = [
        path
        for path, res in demo_site(2).items()
        if res.status == 200 and "html" in res.headers.get("Content-Type", "") and not path.startswith(("/admin", "/calendario"))
        and "sid=" not in path
    ]
    missing = [path for path in html_paths if path not in pages]
    assert missing == []
    assert all(pages[path]["status"] == 200 and pages[path]["title"] for path in html_paths)
    assert not any(path.startswith("/admin") for path in pages)  # robots.txt
    assert sum(1 for path in pages if path.startswith("/calendario/?mes=")) == 10  # the endless calendar, bounded


def test_demo_legacy_pages_are_decoded(demo):
    directory, _, report = demo
    with Store(directory / "demo.db") as store:
        crawl = store.latest_crawl()
        texts = {rel(s["url"]): store.body(s["body_hash"])["main_text"] for s in store.snapshots(crawl.id) if s["body_hash"]}
    for legacy in LEGACY_PAGES:
        if legacy["path"] in texts:
            assert legacy["sample"] in texts[legacy["path"]], legacy
    assert sum(1 for legacy in LEGACY_PAGES if legacy["path"] in texts) >= 4


def test_demo_changes_are_exactly_the_planted_ones(demo):
    _, _, report = demo
    got = {(rel(c["url"]), c["kind"], c["dependencia"]) for c in report["changes"]}
    expected = {(e["path"], e["kind"], e["dependencia"]) for e in EXPECTED_CHANGES}
    assert got == expected
    assert len(report["template_changes"]) == 1  # the footer's new WhatsApp line, once
    deps = {d["name"]: d for d in report["dependencias"]}
    changed = {e["dependencia"] for e in EXPECTED_CHANGES if e["dependencia"]}
    for name, dep in deps.items():
        assert (dep["updates_by_signal"]["rastreo"] == 1) == (name in changed), name
        assert set(dep) >= {"name", "responsable", "pages", "updates_this_month", "target", "last_update", "meets_target"}
