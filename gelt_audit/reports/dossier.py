"""The committee dossier's reproducible parts: every score with the formula that gives it, what
raises the score most, and per item what it requires, its legal basis, its stored copies and
since when it complies.

A score is printed next to its terms, rounded exactly as the checklist engine rounds them
(``audits/checklist/scoring.py``), so a reader with a calculator gets the same number: a
group's score is 100 × (weight complying × 1 + weight partial × parcial_value) / weight
judged; a profile's score the group-weighted mean of its group scores. GEL-T's own action-plan
group is scored apart from the five phases.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from gelt_audit.audits.checklist import load_checklist, manual_declarations
from gelt_audit.audits.checklist.scoring import PLAN_GROUP
from gelt_audit.errors import ConfigError
from gelt_audit.reports.fmt import local_date, numero, porcentaje
from gelt_audit.reports.view import FALLBACK_GROUP_NAMES, PROFILE_SHORT

JUDGED = ("cumple", "parcial", "no_cumple")
GAINS_SHOWN = 5
# A stored copy's path as the evidence module writes it, relative to the committee report.
COPY_PATH = re.compile(r"evidencia/[A-Za-z0-9._-]+\.html?")


# -- scores and their formulas ---------------------------------------------------------------------------
def _key(row: Mapping[str, Any]) -> str:
    return f"{row.get('profile')}|{row.get('item')}"


def rescore(rows: list[dict[str, Any]], entry: Mapping[str, Any], statuses: Mapping[str, str] | None = None) -> dict:
    """Group terms and scores of one profile from its checklist ``rows`` (statuses replaced by
    ``statuses``, "profile|item" → status, when given: an older crawl judged with today's
    weights). Returns {"groups": {gid: {...}}, "overall", "phases", "plan"} like scoring."""
    pv = float(entry.get("parcial_value", 0.5) or 0.5)
    known = entry.get("groups") or {}
    groups: dict[str, dict[str, Any]] = {}
    for row in rows:
        status = row.get("status") if statuses is None else statuses.get(_key(row))
        gid = row.get("phase") or ""
        g = groups.setdefault(gid, {"weight": float((known.get(gid) or {}).get("weight", 1.0) or 1.0), "w": {}})
        if status in JUDGED:
            w = float(row.get("weight") or 1.0)
            g["w"][status] = g["w"].get(status, 0.0) + w
    out: dict[str, Any] = {"groups": {}, "parcial_value": pv}
    for gid, g in groups.items():
        w = g["w"]
        earned = w.get("cumple", 0.0) + pv * w.get("parcial", 0.0)
        possible = sum(w.values())
        score = round(100.0 * earned / possible, 1) if possible else None
        out["groups"][gid] = {
            "weight": g["weight"],
            "weights": w,
            "earned": earned,
            "possible": possible,
            "score": score,
        }
    out["overall"] = _mean(out["groups"].items())
    has_plan = PLAN_GROUP in out["groups"]
    out["phases"] = _mean((k, g) for k, g in out["groups"].items() if k != PLAN_GROUP) if has_plan else None
    out["plan"] = out["groups"][PLAN_GROUP]["score"] if has_plan else None
    return out


def _mean(groups: Iterable[tuple[str, Mapping[str, Any]]]) -> float | None:
    num = den = 0.0
    for _, g in groups:
        if g["score"] is not None:
            num += g["weight"] * g["score"]
            den += g["weight"]
    return round(num / den, 1) if den else None


def _n(value: float) -> str:
    return numero(round(value, 2), 2)


def group_formula(g: Mapping[str, Any], pv: float) -> str | None:
    """«(30 × 1 + 2 × 0,5) / 33 = 93,9 %»: weight complying, partial, judged."""
    if not g.get("possible"):
        return None
    w = g["weights"]
    return (
        f"({_n(w.get('cumple', 0.0))} × 1 + {_n(w.get('parcial', 0.0))} × {_n(pv)}) / {_n(g['possible'])}"
        f" = {porcentaje(g['score'])}"
    )


def mean_formula(groups: list[tuple[str, Mapping[str, Any]]], result: float | None) -> str | None:
    """«(96,8 × 1 + 87,5 × 1 + …) / 5 = 71,9 %»: group scores times their weights."""
    scored = [(name, g) for name, g in groups if g["score"] is not None]
    if not scored or result is None:
        return None
    terms = " + ".join(f"{numero(g['score'])} × {_n(g['weight'])}" for _, g in scored)
    return f"({terms}) / {_n(sum(g['weight'] for _, g in scored))} = {porcentaje(result)}"


def _group_name(gid: str, names: Mapping[str, str]) -> str:
    return names.get(gid) or FALLBACK_GROUP_NAMES.get(gid) or gid


def _names(profile: str, entry: Mapping[str, Any]) -> dict[str, str]:
    names = {gid: (g or {}).get("name") for gid, g in (entry.get("groups") or {}).items()}
    try:
        names.update({g.id: g.name for g in load_checklist(profile).groups})
    except (ValueError, OSError):
        pass
    return {k: v for k, v in names.items() if v}


def score_cards(
    checklist: list[dict[str, Any]] | None,
    scores: Mapping[str, Any],
    baseline: Mapping[str, Any] | None,
) -> list[dict[str, Any]]:
    """One card per score the committee reads (GEL-T's five phases, GEL-T's action plan, each
    other profile): the number, its formula, the groups it averages and the change since the
    baseline summary (the older crawl's statuses scored with today's weights)."""
    if not checklist:
        return []
    before_items = (baseline or {}).get("items")
    cards = []
    for profile in dict.fromkeys(r.get("profile") for r in checklist):
        entry = scores.get(profile) if isinstance(scores.get(profile), Mapping) else {}
        rows = [r for r in checklist if r.get("profile") == profile]
        now = rescore(rows, entry)
        old = rescore(rows, entry, before_items) if isinstance(before_items, Mapping) else None
        names = _names(profile, entry)
        pv = now["parcial_value"]
        short = PROFILE_SHORT.get(profile, profile).split(" (")[0]
        gids = list(now["groups"])
        parts = [("overall", short, [g for g in gids])]
        if now["plan"] is not None:
            parts = [
                ("phases", f"{short} · cinco fases", [g for g in gids if g != PLAN_GROUP]),
                ("plan", f"{short} · plan de acción del municipio", [PLAN_GROUP]),
            ]
        for key, label, members in parts:
            value = now[key]
            groups = [(gid, now["groups"][gid]) for gid in members]
            if key == "plan":
                formula = group_formula(now["groups"][PLAN_GROUP], pv)
            else:
                formula = mean_formula([(_group_name(gid, names), g) for gid, g in groups], value)
            previous = old[key] if old else None
            cards.append(
                {
                    "profile": profile,
                    "key": key,
                    "label": label,
                    "score": value,
                    "formula": formula,
                    "delta": round(value - previous, 1) if value is not None and previous is not None else None,
                    "groups": [
                        {
                            "id": gid,
                            "name": _group_name(gid, names),
                            "weight": g["weight"],
                            "score": g["score"],
                            "formula": group_formula(g, pv),
                        }
                        for gid, g in groups
                    ],
                }
            )
    return cards


def gains(checklist: list[dict[str, Any]] | None, scores: Mapping[str, Any], limit: int = GAINS_SHOWN) -> list[dict]:
    """The items whose fix raises a score the most: points gained on the card's score if the
    item went to «cumple» and nothing else changed. Ties keep the checklist's order."""
    out = []
    for profile in dict.fromkeys(r.get("profile") for r in checklist or []):
        entry = scores.get(profile) if isinstance(scores.get(profile), Mapping) else {}
        rows = [r for r in checklist or [] if r.get("profile") == profile]
        now = rescore(rows, entry)
        names = _names(profile, entry)
        short = PROFILE_SHORT.get(profile, profile).split(" (")[0]
        for row in rows:
            if row.get("status") not in ("parcial", "no_cumple"):
                continue
            fixed = {_key(r): ("cumple" if r is row else r.get("status")) for r in rows}
            after = rescore(rows, entry, fixed)
            key = "overall" if now["plan"] is None else ("plan" if row.get("phase") == PLAN_GROUP else "phases")
            if now[key] is None or after[key] is None:
                continue
            label = {"overall": short, "phases": f"{short} · cinco fases", "plan": f"{short} · plan de acción"}[key]
            out.append(
                {
                    "profile": profile,
                    "item": row.get("item"),
                    "name": row.get("name") or row.get("item"),
                    "group": _group_name(row.get("phase") or "", names),
                    "status": row.get("status"),
                    "score_label": label,
                    "gain": round(after[key] - now[key], 1),
                    "legal_basis": row.get("legal_basis"),
                }
            )
    out.sort(key=lambda g: -g["gain"])
    return [g for g in out if g["gain"] > 0][:limit]


def trend_scores(trend: list[dict[str, Any]], checklist: list[dict[str, Any]] | None, scores: Mapping[str, Any]):
    """Per trend point, the cards' scores recomputed from that crawl's stored statuses (today's
    weights); a point without stored statuses keeps its summary's overall score."""
    series: dict[str, list[float | None]] = {}
    labels: dict[str, str] = {}
    for card in score_cards(checklist, scores, None):
        series[f"{card['profile']}|{card['key']}"] = []
        labels[f"{card['profile']}|{card['key']}"] = card["label"]
    for t in trend:
        items = t.get("items")
        for key, values in series.items():
            profile, part = key.split("|")
            if isinstance(items, Mapping):
                entry = scores.get(profile) if isinstance(scores.get(profile), Mapping) else {}
                rows = [r for r in checklist or [] if r.get("profile") == profile]
                values.append(rescore(rows, entry, items)[part])
            else:
                values.append((t.get("scores") or {}).get(profile) if part == "overall" else None)
    return [{"name": labels[k], "values": v} for k, v in series.items()]


# -- items: requirement, legal basis, stored copies, since when -------------------------------------------
def profile_items(profile: str) -> dict[str, dict[str, str]]:
    """``requires`` and ``source`` of each item of a bundled profile (empty when unknown)."""
    try:
        checklist = load_checklist(profile)
    except (ValueError, OSError):
        return {}
    return {i.id: {"requires": i.requires, "source": i.source} for i in checklist.items}


def copies(item: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """The item's stored copies by evidence URL, only those whose path is the evidence folder's."""
    out = {}
    for c in item.get("evidence_copies") or []:
        if isinstance(c, Mapping) and isinstance(c.get("copy"), str) and COPY_PATH.fullmatch(c["copy"]):
            out[str(c.get("url"))] = {"stored_copy": c["copy"], "fetched_at": c.get("fetched_at")}
    return out


def history_items(store: Any, fp: str) -> list[tuple[int, date, dict[str, str]]]:
    """The stored checklist statuses of past crawls (the summaries cached in the store, same
    settings), oldest first: (crawl id, day, {"profile|item": status})."""
    out = []
    for crawl_id, blob in store.db.execute("select crawl_id, json from crawl_summaries order by crawl_id"):
        try:
            data = json.loads(blob)
        except ValueError:
            continue
        items, day = data.get("items"), local_date(data.get("started_at"))
        if data.get("fp") == fp and isinstance(items, dict) and day is not None:
            out.append((crawl_id, day, items))
    return out


def complies_since(history: list[tuple[int, date, dict[str, str]]], key: str) -> tuple[date | None, bool]:
    """The first crawl of the unbroken run of «cumple» that ends at the newest crawl of
    ``history``, and whether that run reaches back to the oldest stored crawl (then the item may
    have complied earlier). (None, False) when the newest crawl does not say «cumple»."""
    since = None
    for _, day, items in reversed(history):
        if items.get(key) != "cumple":
            return since, False
        since = day
    return since, since is not None


# -- the executive page ------------------------------------------------------------------------------------
def failing(checklist: list[dict[str, Any]] | None, pages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Items that do not comply (no cumple, parcial, sin verificar), with their legal basis and
    the dependencia of their first evidence page («todo el sitio» when nothing was found)."""
    deps = {p.get("url"): p.get("dependencia") for p in pages if isinstance(p, Mapping)}
    known: dict[str, dict[str, dict[str, str]]] = {}
    out = []
    for row in checklist or []:
        if row.get("status") not in ("no_cumple", "parcial", "sin_verificar"):
            continue
        profile = row.get("profile") or ""
        if profile not in known:
            known[profile] = profile_items(profile)
        basis = row.get("legal_basis") or known[profile].get(row.get("item") or "", {}).get("source") or ""
        dep = next((deps[u] for u in row.get("evidence") or [] if deps.get(u)), None)
        out.append(
            {
                "profile": profile,
                "short": PROFILE_SHORT.get(profile, profile).split(" (")[0],
                "item": row.get("item"),
                "name": row.get("name") or row.get("item"),
                "status": row.get("status"),
                "basis": basis,
                # the executive page cites the first norm only; the checklist gives the whole basis
                "basis_short": basis.split(";")[0].strip(),
                "dependencia": dep,
            }
        )
    rank = {"no_cumple": 0, "sin_verificar": 1, "parcial": 2}
    return sorted(out, key=lambda r: rank.get(r["status"], 9))


def declarations(config: Any, checklist: list[dict[str, Any]] | None) -> dict[str, Any]:
    """What the committee must declare and how: the declarations file named in the config (or
    the key to add), the undeclared items, and who declared the others and when."""
    from_file: dict[str, Any] = {}
    problem = None
    try:
        if config is not None:
            from_file = (manual_declarations(config) or {}).get("items") or {}
    except ConfigError as exc:
        problem = str(exc)
    pending = [r for r in checklist or [] if r.get("status") == "manual"]
    declared = []
    for row in checklist or []:
        decl = from_file.get(row.get("item") or "")
        decl = decl if isinstance(decl, Mapping) else {}
        if not (decl or is_declared(row)) or row.get("status") == "manual":
            continue
        when = decl.get("date") or row.get("snapshot_date")
        declared.append(
            {
                "item": row.get("item"),
                "name": row.get("name") or row.get("item"),
                "status": row.get("status"),
                "by": decl.get("declared_by") or None,
                "date": when.isoformat() if hasattr(when, "isoformat") else when,
                "note": decl.get("note") or "",
            }
        )
    example = pending[0]["item"] if pending else "transformacion.intranet"
    return {
        "file": getattr(config, "checklist", {}).get("manual") or None,
        "problem": problem,
        "pending": pending,
        "declared": declared,
        "example": [
            f'[items."{example}"]',
            'status = "cumple"            # cumple, parcial, no_cumple o no_aplica',
            'declared_by = "Nombre, cargo"; date = 2026-12-01; note = "acta 12 del comité"',
        ],
    }


def is_declared(row: Mapping[str, Any]) -> bool:
    """The committee declared this item's status (not a profile's standing «no aplica»)."""
    return (
        row.get("source") == "manual"
        and row.get("status") != "manual"
        and not str(row.get("detail") or "").startswith("no aplica:")
    )


def css_string(text: str) -> str:
    """``text`` as the inside of a CSS string: every character but ASCII letters and digits as
    a six-digit escape (spaces too: CSS swallows one space after an escape), so no name can
    close the string or the style element."""
    return "".join(ch if ch.isascii() and ch.isalnum() else f"\\{ord(ch):06x}" for ch in text)
