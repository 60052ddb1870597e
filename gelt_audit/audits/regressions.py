"""How the checklist moved since an older crawl that a report knows only by its items' statuses.

The reports compare with a baseline crawl's summary (last week's, the last committee's), which
keeps each item's status and nothing else. The verdict (got worse, now complies, improved) is
the checklist engine's own ``regressions``, the one the checklist audit uses between two crawls:
the baseline is the current evaluation with the statuses it had then.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from gelt_audit.audits import checklist as engine

KINDS = ("regression", "met", "improved")


def item_result(row: dict[str, Any]) -> engine.ItemResult:
    """A ``checklist`` row of the findings as the engine's result (missing keys left empty)."""
    return engine.ItemResult(
        profile=row.get("profile") or "",
        item=row.get("item") or "",
        phase=row.get("phase") or "",
        name=row.get("name") or "",
        status=row.get("status") or "",
        evidence=tuple(row.get("evidence") or ()),
        detail=row.get("detail") or "",
        snapshot_date=row.get("snapshot_date"),
        source=row.get("source") or "",
        weight=row.get("weight") or 0,
    )


def since(current: list[dict[str, Any]], before: dict[str, str]) -> dict[str, list[dict[str, Any]]]:
    """The current ``checklist`` rows that moved since ``before`` ("profile|item" -> status), by
    kind (``regression``, ``met``, ``improved``), each with its ``before`` and ``after`` status."""
    out: dict[str, list[dict[str, Any]]] = {kind: [] for kind in KINDS}
    for row in current:
        old = before.get(f"{row.get('profile')}|{row.get('item')}")
        if old is None:
            continue
        now = item_result(row)
        for change in engine.regressions([now], [dataclasses.replace(now, status=old)]):
            out[change["kind"]].append({**row, "before": change["before"], "after": change["after"]})
    return out
