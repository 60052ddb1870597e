"""The machine-readable report of DESIGN.md's JSON contract."""

from __future__ import annotations

import json
from datetime import date, datetime
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
    for key in (
        "last_attempt",
        "template_changes",
        "page_errors",
        "ignored_changes",
        "unassigned",
        "allied",
        "insecure",
        "documents",
        "accessibility_summary",
        "checklist_scores",
        "regressions",
        "newly_met",
        "generated_at",
    ):
        if key in findings:
            report[key] = findings[key]
    return report


def _default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, set | tuple):
        return list(value)
    raise TypeError(f"no serializable: {type(value).__name__}")


# Compact: with an indent, json falls back to its pure-Python encoder (seconds at 10,000 pages).
ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=_default)


def dumps(findings: dict[str, Any]) -> str:
    """The JSON report as text."""
    return ENCODER.encode(build(findings))
