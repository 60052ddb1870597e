"""«Enlaces sin destino» as rows of work: one per text and page, or one for the whole site template.

The links audit lists every occurrence (page, text, line); a menu item that goes nowhere sits
on most pages and is one task for the responsable visible (``audits.changes.site_wide``).
"""

from __future__ import annotations

from typing import Any

from gelt_audit.audits.changes import site_wide
from gelt_audit.audits.pages import count_pages_ok

# Rows shown in the weekly report; the CSV file has them all.
PLACEHOLDER_ROWS = 15


def placeholder_rows(findings: dict[str, Any]) -> list[dict[str, Any]]:
    """Rows (text, page, line, dependencia, pages, template), template ones first, then by
    dependencia and page; a text repeated on one page is one row (its first line)."""
    occurrences = findings.get("placeholder_links") or []
    pages_ok = count_pages_ok(findings.get("pages"))
    pages_by_text: dict[str, list[dict[str, Any]]] = {}
    for occ in occurrences:
        pages_by_text.setdefault(occ.get("text") or "", []).append(occ)
    rows: list[dict[str, Any]] = []
    for text, occs in pages_by_text.items():
        first: dict[str, dict[str, Any]] = {}
        for occ in occs:
            first.setdefault(occ["page"], occ)
        template = site_wide(len(first), pages_ok)
        for occ in list(first.values())[:1] if template else first.values():
            rows.append(
                {
                    "text": text,
                    "page": occ["page"],
                    "line": occ.get("line"),
                    "href": occ.get("href"),
                    "dependencia": None if template else occ.get("dependencia"),
                    "pages": len(first) if template else 1,
                    "template": template,
                }
            )
    rows.sort(key=lambda r: (not r["template"], r["dependencia"] or "\uffff", r["page"], r["line"] or 0))
    return rows
