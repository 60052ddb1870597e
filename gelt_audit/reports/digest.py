"""Each responsable's own part of the weekly report, as a short e-mail ([email] per_responsable).

The HTML follows what Outlook (Word's renderer) and Gmail (which drops ``<style>``) display:
nested presentation tables, every style inline, no CSS grid or flex, no script, no image, a
600-pixel column that shrinks on a phone. Dates and plurals are es-CO, as in the reports; every
text from the crawled site is escaped by the autoescaping template.
"""

from __future__ import annotations

from typing import Any

from gelt_audit.reports import fmt
from gelt_audit.reports.broken import broken_rows
from gelt_audit.reports.render import render
from gelt_audit.reports.todo import quota
from gelt_audit.reports.weekly import month_end

TEMPLATE = "email_digest.html"
MAX_LINKS = 20
MAX_CHANGES = 30


def digest_model(findings: dict[str, Any], dependencia: dict[str, Any]) -> dict[str, Any]:
    """What one responsable must do this week, from the JSON findings."""
    name = dependencia["name"]
    today = fmt.local_date((findings.get("crawl") or {}).get("started_at"))
    view = {
        **dependencia,
        "anchor": "",
        "updates": dependencia.get("updates_this_month") or 0,
        "target": dependencia.get("target") or 0,
    }
    task = quota(view, today, month_end(today) if today else None)
    links = [r for r in broken_rows(findings, None)["rows"] if r["owner_dep"] == name]
    changes = [c for c in findings.get("changes") or [] if c.get("dependencia") == name]
    return {
        "site_name": (findings.get("site") or {}).get("name") or "",
        "today": today,
        "dependencia": name,
        "responsable": dependencia.get("responsable") or "",
        "quota": task,
        "have": view["updates"],
        "target": view["target"],
        "pace": dependencia.get("pace"),
        "last_month": dependencia.get("last_month"),
        # what the weekly says of the dependencia's last publication, in its words (fmt.ultima_publicacion),
        # and the sitemap date that does not count, said apart as the weekly says it (H291)
        "last_publication": fmt.ultima_publicacion(dependencia) if dependencia.get("last_update") else None,
        "sitemap_note": fmt.nota_sitemap(dependencia),
        "links": links[:MAX_LINKS],
        "links_total": len(links),
        "changes": changes[:MAX_CHANGES],
        "changes_total": len(changes),
        "kinds": {"added": "nueva", "modified": "modificada", "removed": "eliminada"},
    }


def digest(findings: dict[str, Any], dependencia: dict[str, Any]) -> str:
    """Plain Spanish text: what this dependencia's responsable must do this week."""
    m = digest_model(findings, dependencia)
    lines = [f"{m['responsable'] or 'Responsable'} — {m['dependencia']}", ""]
    todo = []
    task = m["quota"]
    if task and task["can_still_meet"]:
        todo.append(
            f"Publicar en {fmt.plural(task['missing'], 'día distinto', 'días distintos')} antes del "
            f"{fmt.dia_mes(task['deadline'])}: lleva {m['have']} de {m['target']} días con publicación; "
            f"a esta altura del mes debería llevar {task['pace']}."
        )
    elif task:
        todo.append(
            f"Ponerse al día: lleva {m['have']} de {m['target']} días con publicación y la meta del mes ya no se alcanza."
        )
    for r in m["links"]:
        since = f", roto desde el {fmt.fecha(r['since'])}" if r["since"] else ""
        todo.append(
            f"Arreglar el enlace «{r['text'] or 'sin texto'}» → {fmt.url_legible(r['url'])} ({r['reason']}{since}) "
            f"en {r['page_title'] or fmt.url_legible(r['page'])} ({fmt.url_legible(r['page'])})"
        )
    if m["links_total"] > len(m["links"]):
        todo.append(f"… y {fmt.plural(m['links_total'] - len(m['links']), 'enlace roto más', 'enlaces rotos más')}.")
    lines += [f"- {item}" for item in todo] or ["- Nada pendiente esta semana."]
    if not task and m["target"]:
        lines += ["", f"Al día: {m['have']} de {m['target']} días con publicación este mes."]
    if m["last_publication"] or m["sitemap_note"]:
        lines.append(f"Última publicación: {_last_publication(m)}.")
    if m["last_month"]:
        lm = m["last_month"]
        verdict = "cumplió" if lm["met"] else "no cumplió"
        lines += [
            f"{fmt.mes(lm['month']).capitalize()}: {lm['days']} de {lm['target']} días con publicación ({verdict})."
        ]
    if m["changes"]:
        lines += ["", "Páginas que cambiaron desde el rastreo anterior:"]
        lines += [f"- {fmt.url_legible(c['url'])} ({m['kinds'].get(c['kind'], c['kind'])})" for c in m["changes"]]
    return "\n".join(lines)


def _last_publication(m: dict[str, Any]) -> str:
    """The «Última publicación» line's text, as the weekly's dependencia section says it."""
    text = m["last_publication"] or "sin registro"
    return f"{text}; {m['sitemap_note']}" if m["sitemap_note"] else text


def digest_html(config: Any, findings: dict[str, Any], dependencia: dict[str, Any], subject: str) -> str:
    """The same as :func:`digest`, as an e-mail HTML body that Outlook and Gmail display as meant."""
    return render(config, TEMPLATE, {**digest_model(findings, dependencia), "subject": subject})


def recipients(findings: dict[str, Any], dependencias: list[Any]) -> list[tuple[str, dict[str, Any]]]:
    """(e-mail, dependencia findings) for every dependencia whose config gives an address."""
    emails = {d.name: d.email for d in dependencias if d.email}
    return [(emails[d["name"]], d) for d in findings.get("dependencias", []) if d["name"] in emails]
