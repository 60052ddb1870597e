"""The machine-readable report of DESIGN.md's JSON contract; its keys are ``audits.findings``'."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from gelt_audit.audits.findings import CONTRACT_KEYS, REPORTED_KEYS, Findings, empty
from gelt_audit.audits.linktable import LinkTable
from gelt_audit.audits.rowtable import RowTable


def build(findings: Findings) -> dict[str, Any]:
    """The contract's keys, in order, from the audits' findings (a missing list is written empty),
    then the keys beyond the contract that the findings carry (see ``audits.findings``)."""
    report: dict[str, Any] = {key: findings.get(key, empty(key)) for key in CONTRACT_KEYS}
    report.update({key: findings[key] for key in REPORTED_KEYS if key in findings})
    return report


def _default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, set | tuple | LinkTable | RowTable):
        return list(value)
    raise TypeError(f"no serializable: {type(value).__name__}")


# Compact: with an indent, json falls back to its pure-Python encoder (seconds at 10,000 pages).
ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=_default)


def dumps(findings: Findings) -> str:
    """The JSON report as text."""
    return ENCODER.encode(build(findings))
