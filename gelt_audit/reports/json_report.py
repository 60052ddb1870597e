"""The machine-readable report of DESIGN.md's JSON contract."""

from __future__ import annotations

import json
from typing import Any

CONTRACT_KEYS = (
    "site",
    "crawl",
    "previous_crawl",
    "pages",
    "changes",
    "dependencias",
    "links",
    "checklist",
    "indicators",
    "accessibility",
    "security",
)


def build(findings: dict[str, Any]) -> dict[str, Any]:
    """The contract's keys, in order, from the audits' findings; lists default to empty."""
    report: dict[str, Any] = {}
    for key in CONTRACT_KEYS:
        default: Any = None if key in ("crawl", "previous_crawl") else []
        report[key] = findings.get(key, default)
    # Beyond the contract: what explains the contract's figures.
    for key in ("last_attempt", "template_changes", "page_errors", "ignored_changes", "unassigned", "allied", "insecure",
                "documents", "accessibility_summary", "checklist_scores", "regressions",
                "newly_met", "generated_at"):
        if key in findings:
            report[key] = findings[key]
    return report


def dumps(findings: dict[str, Any]) -> str:
    """The JSON report (compact: with an indent, json falls back to its pure-Python encoder)."""
    return json.dumps(build(findings), ensure_ascii=False, separators=(",", ":"))
