"""What the verdicts add up to: report rows, regressions between two evaluations, weighted
scores per profile and group, and the action plan's indicators."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from .load import load_checklist
from .model import STATUS_RANK, Checklist, Group, ItemResult

# The municipality's own action-plan group (Decreto 138 de 2008): not one of the five phases,
# so its score is given apart from theirs.
PLAN_GROUP = "plan"


def as_dict(result: ItemResult) -> dict[str, Any]:
    """One result as a row of the JSON report's ``checklist`` list (contract keys first:
    profile, item, phase, status, evidence), plus name, detail, snapshot_date, source, weight."""
    return {
        "profile": result.profile,
        "item": result.item,
        "phase": result.phase,
        "status": result.status,
        "evidence": list(result.evidence),
        "name": result.name,
        "detail": result.detail,
        "snapshot_date": result.snapshot_date,
        "source": result.source,
        "weight": result.weight,
    }


def _effective(r: ItemResult) -> str | None:
    """The status when it is one a site earns (not manual, no_aplica or sin_verificar)."""
    return r.status if r.status in STATUS_RANK else None


def regressions(current: list[ItemResult], previous: list[ItemResult]) -> list[dict[str, Any]]:
    """Compare two evaluations item by item.

    Returns one dict per change among cumple/parcial/no_cumple: ``kind`` is ``regression``
    (worse than before: an item that stopped complying), ``met`` (now ``cumple``) or
    ``improved`` (``no_cumple`` -> ``parcial``). Keys: profile, item, name, phase, kind, before,
    after, detail, evidence_before, evidence_after, snapshot_before, snapshot_after.
    """
    prev = {(r.profile, r.item): r for r in previous}
    out = []
    for r in current:
        p = prev.get((r.profile, r.item))
        if p is None:
            continue
        a, b = _effective(p), _effective(r)
        if a is None or b is None or a == b:
            continue
        if STATUS_RANK[b] < STATUS_RANK[a]:
            kind = "regression"
            detail = f"dejó de cumplir: pasó de {a} a {b}" + (f" ({r.detail})" if r.detail else "")
        elif b == "cumple":
            kind, detail = "met", f"ahora cumple (antes {a})"
        else:
            kind, detail = "improved", f"mejoró: pasó de {a} a {b}"
        out.append(
            {
                "profile": r.profile,
                "item": r.item,
                "name": r.name,
                "phase": r.phase,
                "kind": kind,
                "before": a,
                "after": b,
                "detail": detail,
                "evidence_before": list(p.evidence),
                "evidence_after": list(r.evidence),
                "snapshot_before": p.snapshot_date,
                "snapshot_after": r.snapshot_date,
            }
        )
    return out


def scores(results: list[ItemResult], checklists: Iterable[Checklist] | None = None) -> dict[str, Any]:
    """Weighted scores (0..100) per profile, per phase/section and overall.

    ``cumple`` counts 1, ``parcial`` the profile's ``parcial_value`` (0.5), ``no_cumple`` 0, each
    times the item weight. ``manual``, ``no_aplica`` and ``sin_verificar`` are left out of the denominator; an item
    the committee declared (source ``manual`` with cumple/parcial/no_cumple) counts. Group
    weights come from ``checklists`` or from the bundled profile of the same name (else 1).
    The overall score is the group-weighted mean of the group scores.

    Returns ``{profile: {"name", "overall", "groups": {group_id: {"name", "weight", "score",
    "cumple", "parcial", "no_cumple", "manual", "no_aplica", "sin_verificar"}}}}``, and the terms that let a
    reader recompute every number: each group's ``weights`` (item weight summed per status),
    ``earned`` and ``possible`` (score = 100 × earned / possible); each profile's
    ``parcial_value``, and ``phases_score`` / ``plan_score``: the group-weighted mean of every group but the
    municipality's own action-plan group (``PLAN_GROUP``, scored apart) and that group's score
    (None when the profile has no such group).
    """
    known = {c.profile: c for c in (checklists or ())}
    out: dict[str, Any] = {}
    for profile in dict.fromkeys(r.profile for r in results):
        c = known.get(profile)
        if c is None:
            try:
                c = load_checklist(profile)
            except ValueError:
                c = None
        pv = c.parcial_value if c else 0.5
        groups: dict[str, dict[str, Any]] = {}
        acc: dict[str, list[float]] = {}
        for r in results:
            if r.profile != profile:
                continue
            g = c.group(r.phase) if c else Group(r.phase, r.phase, 1.0)
            entry = groups.setdefault(
                r.phase,
                {
                    "name": g.name,
                    "weight": g.weight,
                    "score": None,
                    "cumple": 0,
                    "parcial": 0,
                    "no_cumple": 0,
                    "manual": 0,
                    "no_aplica": 0,
                    "sin_verificar": 0,
                    "weights": {"cumple": 0.0, "parcial": 0.0, "no_cumple": 0.0},
                    "earned": 0.0,
                    "possible": 0.0,
                },
            )
            entry[r.status] = entry.get(r.status, 0) + 1
            if r.status in STATUS_RANK:
                entry["weights"][r.status] += r.weight
                value = {"cumple": 1.0, "parcial": pv, "no_cumple": 0.0}[r.status]
                a = acc.setdefault(r.phase, [0.0, 0.0])
                a[0] += value * r.weight
                a[1] += r.weight
        for gid, entry in groups.items():
            got, total = acc.get(gid, [0.0, 0.0])
            entry["earned"], entry["possible"] = got, total
            if total > 0:
                entry["score"] = round(100.0 * got / total, 1)
        plan = groups.get(PLAN_GROUP)
        out[profile] = {
            "name": c.name if c else profile,
            "overall": weighted_mean(groups.values()),
            "groups": groups,
            "parcial_value": pv,
            "phases_score": weighted_mean(g for gid, g in groups.items() if gid != PLAN_GROUP) if plan else None,
            "plan_score": plan["score"] if plan else None,
        }
    return out


def weighted_mean(groups: Iterable[Mapping[str, Any]]) -> float | None:
    """The group-weighted mean of the group scores (groups with no score left out), rounded
    as the reports print it: sum(weight × score) / sum(weight)."""
    num = den = 0.0
    for g in groups:
        if g["score"] is not None:
            num += g["weight"] * g["score"]
            den += g["weight"]
    return round(num / den, 1) if den else None


PLAN_INDICATORS: tuple[tuple[str, str, Any], ...] = (
    ("frecuencia_actualizacion", "Frecuencia de actualización del sitio web", "4 veces al mes"),
    ("responsables_asignados", "Responsables asignados por dependencia", "1 por dependencia"),
    ("control_disponibilidad", "Mecanismo de control que mantiene la información disponible", 1),
    ("tramites_publicados", "Servicios y trámites publicados en SUIT / GOV.CO", "100 %"),
    ("canales_contacto", "Canales de contáctenos y quejas y reclamos funcionando", "funcionando"),
    ("entidades_aliadas", "Enlaces a entidades aliadas publicados", "enlaces publicados"),
    ("fases", "Avance en las cinco fases de Gobierno en Línea", "100 % por fase"),
    ("empalme", "Documento de empalme publicado en el sitio web", 1),
    ("control_periodico", "Mecanismo de control periódico de publicación y actualización", 1),
)


def indicators(
    results: list[ItemResult], manual: Mapping[str, Any] | None, auto_values: Mapping[str, object]
) -> list[dict[str, Any]]:
    """The action plan's indicators: id, name, target, value, source ('auto' | 'manual').

    Automatic values come from ``auto_values`` (other audits: ``frecuencia_actualizacion``,
    ``responsables_asignados``, ``entidades_aliadas``...) or, where this audit knows them, from
    the checklist results (``tramites_publicados``, ``canales_contacto``, ``fases``, ``empalme``).
    Indicators the committee declares in the manual file (``load_manual``) follow, labelled
    ``manual``; a declared indicator with the id of a plan indicator fills it only when no
    automatic value exists.
    """
    by_id = {r.item: r for r in results}
    declared = {d["id"]: d for d in (manual or {}).get("indicators", [])}
    derived: dict[str, Any] = {}
    tram = [r for r in results if r.item.startswith("tramite.")]
    if tram:
        derived["tramites_publicados"] = _tramites_value(tram)
    chans = [by_id[i] for i in ("info.contacto", "interaccion.pqrsd", "ley1712.1.10") if i in by_id]
    if chans:
        derived["canales_contacto"] = (
            "funcionando"
            if all(r.status == "cumple" for r in chans)
            else ", ".join(f"{r.name}: {r.status}" for r in chans)
        )
    gelt = [r for r in results if r.profile == "gelt-2008"]
    if gelt:
        sc = scores(gelt).get("gelt-2008", {}).get("groups", {})
        derived["fases"] = {gid: g["score"] for gid, g in sc.items() if gid != PLAN_GROUP}
    if "plan.empalme" in by_id and by_id["plan.empalme"].status == "sin_verificar":
        derived["empalme"] = unseen_value(by_id["plan.empalme"].detail)  # not 0: the crawl did not see it
    elif "plan.empalme" in by_id and by_id["plan.empalme"].status != "manual":
        derived["empalme"] = 1 if by_id["plan.empalme"].status == "cumple" else 0
    out = []
    for iid, name, target in PLAN_INDICATORS:
        value = auto_values.get(iid, derived.get(iid))
        if value is not None:
            out.append({"id": iid, "name": name, "target": target, "value": value, "source": "auto"})
        elif iid in declared:
            d = declared.pop(iid)
            out.append(
                {
                    "id": iid,
                    "name": d.get("name", name),
                    "target": d.get("target", target),
                    "value": d["value"],
                    "source": "manual",
                    "note": d.get("note", ""),
                    "date": _date_str(d.get("date")),
                }
            )
        else:
            out.append({"id": iid, "name": name, "target": target, "value": None, "source": "auto"})
    for d in declared.values():
        if d["id"] in {x[0] for x in PLAN_INDICATORS} and any(o["id"] == d["id"] for o in out):
            continue
        out.append(
            {
                "id": d["id"],
                "name": d["name"],
                "target": d.get("target"),
                "value": d["value"],
                "source": "manual",
                "note": d.get("note", ""),
                "date": _date_str(d.get("date")),
            }
        )
    return out


# The indicators a gelt-2008 plan item also judges: the item's verdict is the indicator's
INDICATOR_ITEMS = {
    "empalme": "plan.empalme",
    "entidades_aliadas": "plan.entidades_aliadas",
    "frecuencia_actualizacion": "plan.frecuencia_actualizacion",
    "tramites_publicados": "plan.tramites_suit",
    "control_periodico": "plan.control_periodico",
}
JUDGED = ("cumple", "parcial", "no_cumple", "sin_verificar")


def settle_indicators(
    indicators: list[dict[str, Any]], results: list[ItemResult], unseen: Mapping[str, str]
) -> list[dict[str, Any]]:
    """Each indicator's ``met``, decided here once for every report: an indicator a plan item
    also judges (``INDICATOR_ITEMS``) takes that item's verdict (met when it is cumple; None when
    it is ``sin_verificar``: neither met nor missed, the item's detail as its note); any other is
    met when its value reaches its target, where that can be read off the value."""
    by_item = {r.item: r for r in results if r.profile == "gelt-2008"}
    for ind in indicators:
        ind["met"] = _met(ind["value"], ind["target"])
        item = by_item.get(INDICATOR_ITEMS.get(ind["id"], ""))
        if item is not None and item.status in JUDGED:
            ind["met"] = None if item.status == "sin_verificar" else item.status == "cumple"
        if ind["source"] == "auto" and ind["id"] in unseen:
            ind["met"] = None
            ind["note"] = unseen[ind["id"]]
        elif ind["source"] == "auto" and item is not None and item.status == "sin_verificar":
            ind["note"] = item.detail
    return indicators


def _met(value: Any, target: Any) -> bool | None:
    """Whether a value meets its target, where that can be read off the value."""
    met: bool | None = None
    if value is None:
        return None
    if isinstance(value, (int, float)) and isinstance(target, (int, float)):
        met = value >= target
    elif isinstance(value, str) and value.startswith(tuple("0123456789")) and " de " in value:
        done, _, rest = value.partition(" de ")
        met = done.strip() == rest.split()[0]
    elif isinstance(value, dict):  # a score per phase; None where no item could be scored (unseen)
        scores = list(value.values())
        met = None if None in scores else all(v >= 100 for v in scores)
    elif value == target:
        met = True
    if met is None:  # a number written as text («1», «95,5 %», «80 %») against a number or another
        t, v = _number(target), _number(value)
        met = None if t is None or v is None else v >= t
    return met


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        m = re.fullmatch(r"\s*(\d+(?:[.,]\d+)?)\s*%?\s*", value)
        if m:
            return float(m.group(1).replace(",", "."))
    return None


def unseen_value(detail: str) -> str:
    """An indicator's value when its item rests on what the crawl did not see: the reason the
    item's detail gives (its first clause after «sin verificar: »), never a count the tool did
    not make."""
    _, said, reason = detail.partition("sin verificar: ")
    reason = re.split(r"[;(]", reason)[0].strip().rstrip(":,. ") if said else ""
    return f"sin verificar: {reason}" if reason else "sin verificar"


def _tramites_value(tram: list[ItemResult]) -> str:
    """The share of trámites published; those the crawl did not see (``sin_verificar``) are
    counted apart, never as unpublished."""
    seen = [r for r in tram if r.status != "sin_verificar"]
    unseen = len(tram) - len(seen)
    if not unseen:
        return f"{round(100 * sum(r.status == 'cumple' for r in tram) / len(tram))} %"
    done = sum(r.status == "cumple" for r in seen)
    return f"sin verificar: {unseen} de {len(tram)} trámites; de los vistos, {done} de {len(seen)} publicados"


def _date_str(value: Any) -> str | None:
    if value is None:
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)
