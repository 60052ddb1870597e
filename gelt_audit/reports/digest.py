"""Each responsable's own part of the weekly report, as a short e-mail ([email] per_responsable)."""

from __future__ import annotations

from typing import Any


def digest(findings: dict[str, Any], dependencia: dict[str, Any]) -> str:
    """Plain Spanish text: what this dependencia's responsable must do this week."""
    name = dependencia["name"]
    lines = [f"{dependencia['responsable'] or 'Responsable'} — {name}", ""]
    todo = []
    missing = dependencia["target"] - dependencia["updates_this_month"]
    if missing > 0:
        todo.append(
            f"Publicar {missing} actualización(es) más este mes: lleva {dependencia['updates_this_month']} "
            f"de {dependencia['target']} (última: {dependencia['last_update'] or 'sin registro'})."
        )
    for link in findings.get("links", []):
        if link["state"] != "broken" or link.get("acknowledged"):
            continue
        pages = [o["page"] for o in link.get("occurrences", []) if o.get("dependencia") == name]
        if pages:
            since = f", roto desde {link['broken_since'][:10]}" if link.get("broken_since") else ""
            todo.append(f"Arreglar el enlace {link['url']} ({link['error']}{since}) en: {', '.join(pages[:5])}")
    lines += [f"- {item}" for item in todo] or ["- Nada pendiente esta semana."]
    changed = [c for c in findings.get("changes", []) if c["dependencia"] == name]
    if changed:
        kinds = {"added": "nueva", "modified": "modificada", "removed": "eliminada"}
        lines += ["", "Páginas que cambiaron desde el rastreo anterior:"]
        lines += [f"- {c['url']} ({kinds.get(c['kind'], c['kind'])})" for c in changed[:30]]
    return "\n".join(lines)


def recipients(findings: dict[str, Any], dependencias: list[Any]) -> list[tuple[str, dict[str, Any]]]:
    """(e-mail, dependencia findings) for every dependencia whose config gives an address."""
    emails = {d.name: d.email for d in dependencias if d.email}
    return [(emails[d["name"]], d) for d in findings.get("dependencias", []) if d["name"] in emails]
