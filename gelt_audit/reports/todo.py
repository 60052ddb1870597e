"""The weekly's to-do list: one card per responsable, tasks ranked by severity, the monthly quota
paced through the month, and the one-line «Lo urgente» strip.

The quota is a task only for a dependencia behind the plan's pace, ``ceil(target × day /
days_in_month)`` days with publication by today; it asks for what is due by the end of this
week (or of the month, when that comes first), never the whole month's remainder on day 4.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from gelt_audit.audits.updates import pace
from gelt_audit.reports.view import cut

TODO_EXAMPLES = 2
SEVERE = ("alta", "high", "crítica", "critica")

# Severity of each kind of task: 0 urgent, 1 to fix, 2 behind the plan, 3 housekeeping.
URGENT, FIX, BEHIND, INFO = 0, 1, 2, 3
SEVERITY = {
    "regressions": URGENT,
    "security": URGENT,
    "links": FIX,
    "template_links": FIX,
    "errors": FIX,
    "updates": BEHIND,
    "assign": INFO,
    "unassigned": INFO,
}


def severity(task: dict[str, Any]) -> int:
    """A task's rank: a new broken link is urgent; otherwise by kind."""
    if task["kind"] in ("links", "template_links") and task.get("new"):
        return URGENT
    return SEVERITY.get(task["kind"], INFO)


def week_end(today: date, month_end: date) -> date:
    """The deadline of this week's tasks: six days from today, within the month."""
    return min(today + timedelta(days=6), month_end)


def quota(view: dict[str, Any], today: date | None, month_end: date | None) -> dict[str, Any] | None:
    """This week's quota task of a dependencia behind pace, or None when it is on pace (or has no target)."""
    target, have = view.get("target") or 0, view.get("updates") or 0
    if not target or today is None or month_end is None or have >= target:
        return None
    expected = view.get("pace") if isinstance(view.get("pace"), int) else pace(target, today)
    if have >= expected:
        return None
    deadline = week_end(today, month_end)
    due = min(target - have, max(expected - have, pace(target, deadline) - have))
    days_left = (month_end - today).days
    return {
        "kind": "updates",
        "dependencia": view["name"],
        "have": have,
        "target": target,
        "pace": expected,
        "missing": due,
        "deadline": deadline,
        "can_still_meet": have + days_left + 1 >= target,
        "anchor": view["anchor"],
    }


def links_task(rows: list[dict[str, Any]], dependencia: str | None, anchor: str) -> dict[str, Any]:
    # New links first: they are what changed this week.
    rows = sorted(rows, key=lambda r: not r["new"])
    examples, more = cut(rows, TODO_EXAMPLES)
    return {
        "kind": "links",
        "dependencia": dependencia,
        "count": len(rows),
        "pages": len({r["page"] for r in rows}),
        "new": sum(1 for r in rows if r["new"]),
        "examples": examples,
        "more": more,
        "anchor": anchor,
    }


def _owner_key(dep: dict[str, Any]) -> str:
    # One card per person: a responsable with two dependencias gets one to-do list.
    return (dep.get("responsable") or "").strip() or f"dep:{dep['name']}"


def _new_card(view: dict[str, Any]) -> dict[str, Any]:
    return {
        "responsable": (view.get("responsable") or "").strip(),
        "email": view.get("email") or "",
        "dependencias": [],
        "tasks": [],
        "on_pace": [],
        "last_month": [],
        "anchor": view["anchor"],
        "site": False,
    }


def todo(
    dep_views: list[dict[str, Any]],
    broken_by_dep: dict[str | None, list[dict[str, Any]]],
    site_tasks: list[dict[str, Any]],
    site_person: dict[str, str],
    today: date | None,
    month_end: date | None,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The cards with something to do, most severe first (the responsable visible's card among
    them), and the responsables with nothing to do."""
    cards: dict[str, dict[str, Any]] = {}
    for view in dep_views:
        card = cards.setdefault(_owner_key(view), _new_card(view))
        card["dependencias"].append(view["name"])
        card["email"] = card["email"] or view.get("email") or ""
        rows = broken_by_dep.get(view["name"], [])
        if rows:
            card["tasks"].append(links_task(rows, view["name"], view["anchor"]))
        task = quota(view, today, month_end)
        if task:
            card["tasks"].append(task)
        elif view.get("target"):
            card["on_pace"].append({"dependencia": view["name"], "have": view["updates"], "target": view["target"]})
        if view.get("last_month"):
            card["last_month"].append({"dependencia": view["name"], **view["last_month"]})
        if not card["responsable"]:
            card["tasks"].append({"kind": "assign", "dependencia": view["name"]})
    site = {
        **_new_card(
            {"responsable": site_person.get("name") or "", "email": site_person.get("email"), "anchor": "sitio"}
        ),
        "dependencias": ["Todo el sitio y páginas sin dependencia"],
        "tasks": site_tasks,
        "site": True,
        "role": "Responsable visible",
    }
    everyone = [*cards.values(), site]
    for card in everyone:
        for task in card["tasks"]:
            task["severity"] = severity(task)
        card["tasks"].sort(key=lambda t: t["severity"])  # stable: same rank keeps its order
        card["severity"] = min((t["severity"] for t in card["tasks"]), default=INFO + 1)
        card["count"] = sum(1 for t in card["tasks"] if t["severity"] < INFO)
    busy = [c for c in everyone if c["tasks"]]
    busy.sort(key=lambda c: (c["severity"], -c["count"]))  # stable: config order within a rank
    return busy, [c for c in everyone if not c["tasks"]]


def urgent(
    broken_rows: list[dict[str, Any]],
    template: list[dict[str, Any]],
    checklist: dict[str, list[dict[str, Any]]] | None,
    security: list[dict[str, Any]],
) -> list[dict[str, Any]]:
    """The «Lo urgente» strip: checklist items lost, broken links new this week, high-severity
    security findings; each with a count, an example and where to read more."""
    out = []
    lost = (checklist or {}).get("lost") or []
    if lost:
        first = lost[0]
        out.append({"kind": "regressions", "count": len(lost), "example": first.get("name") or "", "anchor": "lista"})
    new_links = {r["url"]: r for r in broken_rows if r.get("new")} | {r["url"]: r for r in template if r.get("new")}
    if new_links:
        out.append({"kind": "links", "count": len(new_links), "example": "", "anchor": "enlaces"})
    severe = severe_security(security)
    if severe:
        # each kind named with its count: «5 (formulario…)» named one kind for two (H289)
        kinds: dict[str, int] = {}
        for x in severe:
            name = x.get("plain") or ""
            kinds[name] = kinds.get(name, 0) + 1
        out.append(
            {
                "kind": "security",
                "count": len(severe),
                "example": severe[0].get("plain") or "",
                "kinds": [{"name": name, "count": n} for name, n in kinds.items() if name],
                "anchor": "salud",
            }
        )
    return out


def severe_security(security: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [x for x in security if str(x.get("severity") or "").lower() in SEVERE]
