"""Both accessibility engines measured against the W3C ACT Rules examples (tests/fixtures/act)."""

from __future__ import annotations

import json
import mimetypes
from collections import defaultdict
from pathlib import Path

import pytest

from bench import act_report
from gelt_audit.audits import html_rules
from gelt_audit.audits.browser import STATE_NO_BROWSER, STATE_OK, AxeBrowser, BrowserUnavailable
from gelt_audit.audits.browser_pass import audit_browser, select_pages
from gelt_audit.markup import parse
from gelt_audit.store import Store
from tests.helpers import crawl, needs_chromium, page

CORPUS = Path(__file__).parent / "fixtures" / "act"
INDEX = json.loads((CORPUS / "index.json").read_text(encoding="utf-8"))
ORIGIN = "https://act-rules.test"


def test_the_corpus_keeps_its_origin_and_licence():
    assert INDEX["source"].endswith("act-rules/act-rules.github.io") and len(INDEX["commit"]) == 40
    assert "W3C" in (CORPUS / "LICENSE.md").read_text(encoding="utf-8")
    for example in INDEX["examples"]:
        assert (CORPUS / example["file"]).is_file()
        assert example["expected"] in ("passed", "failed", "inapplicable")
        assert example["split"] in ("tuned", "heldout")


def test_each_claimed_html_rule_reaches_the_precision_bar_on_the_act_examples():
    hits = defaultdict(lambda: [0, 0, 0])  # true positives, false positives, failed examples
    for example in INDEX["examples"]:
        if example["rule"] not in html_rules.CLAIMED:
            continue
        root = parse((CORPUS / example["file"]).read_text(encoding="utf-8"))
        flagged = example["rule"] in html_rules.failed_act_rules(root, {example["rule"]: ""})
        failed = example["expected"] == "failed"
        hits[example["rule"]][0] += flagged and failed
        hits[example["rule"]][1] += flagged and not failed
        hits[example["rule"]][2] += failed
    assert set(hits) == set(html_rules.CLAIMED)
    for rule, (tp, fp, _failed) in hits.items():
        assert tp + fp > 0, f"{rule}: no failed example detected"
        assert tp / (tp + fp) >= 0.95, f"{rule}: precision {tp}/{tp + fp}"


def _corpus(url: str):
    path = url.removeprefix(ORIGIN)
    if path.startswith("/testcases/"):
        target = CORPUS / path.removeprefix("/testcases/")
    elif path.startswith("/test-assets/"):
        target = CORPUS / "assets" / path.removeprefix("/test-assets/")
    else:
        return None
    return (target.read_bytes(), mimetypes.guess_type(target.name)[0] or "text/html") if target.is_file() else None


@needs_chromium
def test_axe_in_chromium_gives_the_act_outcome_on_examples():
    cases = ["23a2a8/failed-1", "23a2a8/passed-1", "b5c3f8/failed-1", "b5c3f8/passed-1", "c487ae/failed-1"]
    cases += ["c487ae/passed-1", "cae760/failed-1", "cae760/passed-1", "97a4e1/failed-1", "97a4e1/passed-1"]
    # axe's experimental rules for 1.3.4 and 2.5.3 run; an !important spacing that reaches no text, or
    # text it does not make too tight, is no fault; only the first valid meta refresh counts
    cases += ["b33eff/failed-1", "2ee8b8/failed-3", "9e45ec/passed-6", "9e45ec/inapplicable-2", "9e45ec/failed-1"]
    cases += ["bisz58/passed-2", "bc659a/failed-1"]
    examples = {e["id"]: e for e in INDEX["examples"]}
    with AxeBrowser() as browser:
        act_map = defaultdict(set)
        for rule in browser.rule_table():
            for act_id in rule["actIds"]:
                act_map[act_id].add(rule["id"])
        for case in cases:
            example = examples[case]
            result = browser.check(f"{ORIGIN}/testcases/{example['file']}", _corpus)
            assert result.error is None
            failed = bool({v["id"] for v in result.violations} & act_map[example["rule"]])
            assert failed == (example["expected"] == "failed"), case


def test_the_implementation_report_is_what_the_script_writes(tmp_path):
    """docs/ACT-IMPLEMENTATION.md = bench/act_report.py on the recorded axe answers and today's HTML engine."""
    results = json.loads(act_report.RESULTS.read_text(encoding="utf-8"))
    assert set(results["flagged"]) == {e["id"] for e in INDEX["examples"]}
    out = tmp_path / "ACT-IMPLEMENTATION.md"
    result = act_report.build(INDEX, results, out)
    doc = Path(__file__).parent.parent / "docs" / "ACT-IMPLEMENTATION.md"
    assert out.read_text(encoding="utf-8") == doc.read_text(encoding="utf-8"), "run: python bench/act_report.py"
    text = doc.read_text(encoding="utf-8")
    for example_id, reason in result["excluded"].items():  # every exclusion is listed with its reason
        assert f"| {example_id} | " in text and f"| {reason} |" in text


def test_without_a_browser_the_pass_says_so():
    with pytest.raises(BrowserUnavailable):
        with AxeBrowser("/nonexistent/chromium"):
            pass


@needs_chromium
def test_the_browser_pass_renders_again_only_pages_whose_bytes_changed(serve, config_for, tmp_path):
    routes = {
        "/": page("Inicio", "<img src='/escudo.png'>", links=("/pqrsd", "/noticias")),
        "/pqrsd": page("PQRSD", "<form><input name='q'></form>", links=("/",)),
        "/noticias": page("Noticias", "<p>Sin novedades</p>", links=("/",)),
    }
    server = serve(dict(routes))
    base = server.url.rstrip("/")
    config = config_for(base + "/")
    crawl(config)
    crawl(config)  # the same bytes again
    not_a_browser = "/bin/false"  # exists, so the pass starts; launching it as Chromium fails
    with Store(tmp_path / "gelt.db") as store:
        second = store.latest_crawl()
        first = store.previous_crawl(second)
        rendered = audit_browser(store, first, max_pages=5)
        assert rendered["state"] == STATE_OK and ("image-alt", base + "/") in {
            (f["rule"], f["url"]) for f in rendered["findings"]
        }
        kept = audit_browser(store, second, first, max_pages=5, executable=not_a_browser)
        assert kept["state"] == STATE_OK, kept["message"]  # nothing had to be rendered
        assert kept["findings"] == rendered["findings"] and kept["pages_checked"] == rendered["pages_checked"]
    server.routes["/"] = page("Inicio", "<img src='/escudo.png' alt='Escudo'>", links=("/pqrsd", "/noticias"))
    crawl(config)
    with Store(tmp_path / "gelt.db") as store:
        third = store.latest_crawl()
        needs_render = audit_browser(store, third, second, max_pages=5, executable=not_a_browser)
        assert needs_render["state"] == STATE_NO_BROWSER  # the changed home page must be rendered
        fresh = audit_browser(store, third, second, max_pages=5)
        assert fresh["state"] == STATE_OK
        assert ("image-alt", base + "/") not in {(f["rule"], f["url"]) for f in fresh["findings"]}


@needs_chromium
def test_the_browser_pass_renders_stored_pages_offline(serve, config_for, tmp_path):
    broken = page("Trámites", "<img src='/escudo.png'><a href='/pqrsd'></a>", links=("/pqrsd", "/noticias"))
    server = serve(
        {
            "/": broken,
            "/pqrsd": page("PQRSD", "<form><input name='q'></form>", links=("/",)),
            "/noticias": page("Noticias", "<p>Sin novedades</p>", links=("/",)),
        }
    )
    base = server.url.rstrip("/")
    config = config_for(base + "/")
    crawl(config)
    server.stop()  # the pass must not need the site: it renders what the store kept
    with Store(tmp_path / "gelt.db") as store:
        last = store.latest_crawl()
        urls, templates = select_pages(store, last, max_pages=5)
        assert set(urls) >= {base + "/", base + "/pqrsd"}
        result = audit_browser(store, last, max_pages=5)
        assert result["state"] == STATE_OK and result["axe_version"]
        rules = {(f["rule"], f["url"]) for f in result["findings"]}
        assert ("image-alt", base + "/") in rules and ("link-name", base + "/") in rules
        assert any(f["rule"] == "label" and f["criterion"] == "4.1.2" for f in result["findings"])
        missing = audit_browser(store, last, executable="/nonexistent/chromium")
        assert missing["state"] == STATE_NO_BROWSER and "sin navegador" in missing["message"]
        assert missing["findings"] == []
