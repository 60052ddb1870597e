"""Broken links as rows of work: each occurrence (page, link, reason, since), split by who fixes it.

A link on so many pages that it sits in the site template is one task for the responsable
visible, not one per dependencia: that is the audits' rule (``audits.changes.site_wide``).
"""

from __future__ import annotations

from typing import Any

from gelt_audit.audits.changes import site_wide
from gelt_audit.audits.linktable import links_where
from gelt_audit.audits.pages import count_pages_ok
from gelt_audit.linkstate import spoken_error, technical_detail
from gelt_audit.reports.view import page_titles


def broken_rows(
    findings: dict[str, Any], previous_broken: set[str] | None, titles: dict[str, str | None] | None = None
) -> dict[str, Any]:
    """Every broken link occurrence as a row (page, link, reason, since), split by who fixes it.

    Returns ``{"rows": [...], "acknowledged": [...], "template": [...], "pages_ok": n}``; each row
    has ``owner_dep`` (dependencia name, or None for pages no dependencia claims), ``reason`` (in Spanish)
    and ``detail`` (the technical line the check recorded, when it says more). ``titles``:
    :func:`page_titles` of the findings' pages, when the caller has them.
    """
    pages = findings.get("pages") or []
    titles = page_titles(pages) if titles is None else titles
    pages_ok = count_pages_ok(pages)
    rows: list[dict[str, Any]] = []
    acknowledged: list[dict[str, Any]] = []
    template: list[dict[str, Any]] = []
    for link in links_where(findings.get("links"), "state", "broken"):
        occurrences = link.get("occurrences") or [
            {"page": page, "text": "", "dependencia": link.get("dependencia")} for page in link.get("found_on") or []
        ]
        recorded = link.get("error") or (f"HTTP {link['status']}" if link.get("status") else "no responde")
        # what a person reads (HTML, e-mail, CSV «motivo»): the Spanish words, said as today's code says
        # them even for a check an older version stored; the recorded line stays in «detail» (CSV, JSON)
        reason = spoken_error(recorded) or recorded
        base = {
            "url": link["url"],
            "reason": reason,
            "detail": technical_detail(recorded),
            "short_reason": _short_reason(reason, link.get("status")),
            "status": link.get("status"),
            "since": link.get("broken_since"),
            "internal": link.get("internal"),
            "new": previous_broken is not None and link["url"] not in previous_broken,
        }
        if link.get("acknowledged"):
            ack = link["acknowledged"]
            acknowledged.append(
                {
                    **base,
                    "text": _first_text(occurrences),
                    "pages": len(link.get("found_on") or []),
                    "ack_reason": ack.get("reason"),
                    "ack_until": ack.get("until"),
                    "ack_by": ack.get("by"),
                }
            )
            continue
        distinct_pages = list(dict.fromkeys(o["page"] for o in occurrences))
        if site_wide(len(distinct_pages), pages_ok):
            template.append(
                {
                    **base,
                    "text": _first_text(occurrences),
                    "pages": len(distinct_pages),
                    "example": distinct_pages[0],
                    "owner_dep": None,
                    "template": True,
                    "page": distinct_pages[0],
                    "page_title": "plantilla del sitio",
                }
            )
            continue
        seen: set[str] = set()
        for occ in occurrences:
            if occ["page"] in seen:
                continue  # the same link twice on one page is one edit
            seen.add(occ["page"])
            rows.append(
                {
                    **base,
                    "text": (occ.get("text") or "").strip(),
                    "page": occ["page"],
                    "page_title": titles.get(occ["page"]),
                    "owner_dep": occ.get("dependencia"),
                    "template": False,
                }
            )
    rows.sort(key=lambda r: (r["owner_dep"] or "\uffff", r["page"], r["url"]))
    return {"rows": rows, "acknowledged": acknowledged, "template": template, "pages_ok": pages_ok}


def _short_reason(reason: str, status: Any) -> str:
    """``HTTP 404`` rather than the whole sentence: what fits on one line of a to-do card."""
    if isinstance(status, int) and status >= 400 and reason.startswith("HTTP"):
        return reason.split(":", 1)[0]
    if "ancla" in reason:
        return "ancla inexistente"
    return reason if len(reason) <= 32 else reason[:31] + "…"


def _first_text(occurrences: list[dict[str, Any]]) -> str:
    return next((o.get("text").strip() for o in occurrences if (o.get("text") or "").strip()), "")
