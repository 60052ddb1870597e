"""Run both accessibility engines on the ACT corpus and write docs/ACT-IMPLEMENTATION.md.

Usage: python bench/act_report.py [--browser-cache FILE] [--no-bench]

The browser engine (axe-core in Chromium) implements the ACT rules its rules name in ``actIds``;
the HTML engine implements the rules listed in ``gelt_audit.audits.html_rules.CLAIMED``. For each
example an engine "fails" the ACT rule when one of its rules for that ACT rule reports a failure.
Precision and recall count failed examples flagged (true positives) against passed or inapplicable
examples flagged (false positives). The examples whose id hashes into the held-out third (see
bench/act_corpus.py) are only measured, never used to adjust the HTML rules.
"""

from __future__ import annotations

import argparse
import json
import mimetypes
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from gelt_audit.audits import html_rules
from gelt_audit.audits.browser import AxeBrowser
from gelt_audit.markup import parse

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests/fixtures/act"
ORIGIN = "https://act-rules.test"


def load_index() -> dict[str, Any]:
    """The corpus index written by bench/act_corpus.py."""
    return json.loads((CORPUS / "index.json").read_text(encoding="utf-8"))


def example_url(example: dict[str, Any]) -> str:
    """Where the example is served during the browser pass."""
    return f"{ORIGIN}/testcases/{example['file']}"


def corpus_resolver(url: str) -> tuple[bytes, str] | None:
    """Answer a request from the corpus files (test cases and their small assets), refuse the rest."""
    if not url.startswith(ORIGIN + "/"):
        return None
    path = url[len(ORIGIN) :].split("#")[0].split("?")[0]
    if path.startswith("/testcases/"):
        target = CORPUS / path.removeprefix("/testcases/")
    elif path.startswith("/test-assets/"):
        target = CORPUS / "assets" / path.removeprefix("/test-assets/")
    else:
        return None
    if not target.is_file() or CORPUS.resolve() not in target.resolve().parents:
        return None
    return target.read_bytes(), mimetypes.guess_type(target.name)[0] or "application/octet-stream"


def browser_outcomes(examples: list[dict[str, Any]]) -> tuple[dict[str, list[str]], dict[str, set[str]], str]:
    """Per example, the axe rules that reported a violation; the ACT -> axe rule map; axe's version."""
    flagged: dict[str, list[str]] = {}
    with AxeBrowser() as browser:
        act_map: dict[str, set[str]] = defaultdict(set)
        for rule in browser.rule_table():
            if rule["enabled"] and set(rule["tags"]) & {"wcag2a", "wcag2aa", "wcag21a", "wcag21aa"}:
                for act_id in rule["actIds"]:
                    act_map[act_id].add(rule["id"])
        for i, example in enumerate(examples):
            start = time.monotonic()
            result = browser.check(example_url(example), corpus_resolver)
            if result.error or time.monotonic() - start > 3:
                print(f"{i} {example['id']}: {time.monotonic() - start:.1f} s {result.error or ''}", file=sys.stderr)
            flagged[example["id"]] = sorted({v["id"] for v in result.violations})
        version = browser.axe_version
    return flagged, act_map, version


def html_outcomes(examples: list[dict[str, Any]]) -> dict[str, list[str]]:
    """Per example, the ACT rules the HTML engine fails."""
    out = {}
    for example in examples:
        root = parse((CORPUS / example["file"]).read_text(encoding="utf-8"))
        out[example["id"]] = sorted(html_rules.failed_act_rules(root))
    return out


def score(rows: list[tuple[str, bool]]) -> dict[str, Any]:
    """Counts, precision and recall from (expected outcome, engine failed it) pairs."""
    tp = sum(1 for exp, hit in rows if exp == "failed" and hit)
    fn = sum(1 for exp, hit in rows if exp == "failed" and not hit)
    fp = sum(1 for exp, hit in rows if exp != "failed" and hit)
    tn = len(rows) - tp - fn - fp
    return {
        "tp": tp,
        "fn": fn,
        "fp": fp,
        "tn": tn,
        "precision": tp / (tp + fp) if tp + fp else None,
        "recall": tp / (tp + fn) if tp + fn else None,
        "consistent": fp == 0 and (tp > 0 or fn == 0),
    }


def pct(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.1f} %"


def evaluate(index: dict[str, Any], browser: dict[str, list[str]], act_map: dict[str, set[str]]) -> dict:
    """Scores per ACT rule, engine and split, plus the totals of each engine."""
    html = html_outcomes(index["examples"])
    per_rule: dict[str, dict] = {}
    totals: dict[tuple[str, str], list] = defaultdict(list)
    for rule in index["rules"]:
        examples = [e for e in index["examples"] if e["rule"] == rule["id"]]
        engines = {}
        if act_map.get(rule["id"]):
            engines["navegador"] = {
                e["id"]: bool(set(browser.get(e["id"], [])) & act_map[rule["id"]]) for e in examples
            }
        if rule["id"] in html_rules.CLAIMED:
            engines["HTML"] = {e["id"]: rule["id"] in html[e["id"]] for e in examples}
        scores = {}
        for engine, hits in engines.items():
            for split in ("tuned", "heldout", "all"):
                rows = [(e["expected"], hits[e["id"]]) for e in examples if split == "all" or e["split"] == split]
                scores[(engine, split)] = score(rows)
                if split != "all":
                    totals[(engine, split)].extend(rows)
                else:
                    totals[(engine, "all")].extend(rows)
        per_rule[rule["id"]] = {"rule": rule, "n": len(examples), "scores": scores, "axe": sorted(act_map.get(rule["id"], []))}
    return {"per_rule": per_rule, "totals": {k: score(v) for k, v in totals.items()}}


def bench_pages(n: int = 50) -> dict[str, float]:
    """Pages per second of the browser pass and peak RSS (this process and its children) on demo pages."""
    from gelt_audit.demo.site import build_site  # noqa: F401  (imported for its pages below)

    raise NotImplementedError


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--browser-cache", type=Path, help="reuse (or write) the browser results here")
    parser.add_argument("--no-bench", action="store_true")
    args = parser.parse_args()
    index = load_index()
    if args.browser_cache and args.browser_cache.exists():
        cached = json.loads(args.browser_cache.read_text())
        flagged, act_map, version = cached["flagged"], {k: set(v) for k, v in cached["act_map"].items()}, cached["axe"]
    else:
        start = time.monotonic()
        flagged, act_map, version = browser_outcomes(index["examples"])
        print(f"navegador: {len(flagged)} ejemplos en {time.monotonic() - start:.0f} s", file=sys.stderr)
        if args.browser_cache:
            args.browser_cache.write_text(
                json.dumps({"flagged": flagged, "act_map": {k: sorted(v) for k, v in act_map.items()}, "axe": version})
            )
    result = evaluate(index, flagged, act_map)
    print(json.dumps({f"{k[0]}/{k[1]}": v for k, v in result["totals"].items()}, indent=1))


if __name__ == "__main__":
    main()
