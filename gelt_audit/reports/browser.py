"""What the reports show of the browser accessibility pass (axe-core in Chromium).

The pass's findings (``accessibility_browser``) grouped by template, each with axe's rule, the
WCAG 2.1 criterion and its level, where Res. 1519 de 2020 asks for it (its Anexo 1 adopts WCAG
2.1 AA as NTC 5854), the impact in Spanish, the selector and the HTML snippet; which pages were
rendered, and how many were judged from their HTML only. When the pass did not run, one plain
sentence says so: never an empty «sin hallazgos».
"""

from __future__ import annotations

import re
from typing import Any

from gelt_audit.audits.browser import TECHNICAL
from gelt_audit.reports.view import cut

BROWSER_ROWS = 60  # findings the HTML shows; the CSV has them all
RENDERED_ROWS = 40

IMPACT_LABELS = {"critical": "crítico", "serious": "grave", "moderate": "moderado", "minor": "leve"}
IMPACT_ORDER = {"critical": 0, "serious": 1, "moderate": 2, "minor": 3}

# WCAG 2.1 success criteria: level and name (names after the W3C's authorised Spanish
# translation). Level AAA criteria are listed for their level only: Res. 1519 asks for A and AA.
WCAG21: dict[str, tuple[str, str]] = {
    "1.1.1": ("A", "Contenido no textual"),
    "1.2.1": ("A", "Solo audio y solo video (grabado)"),
    "1.2.2": ("A", "Subtítulos (grabados)"),
    "1.2.3": ("A", "Audiodescripción o medio alternativo (grabado)"),
    "1.2.4": ("AA", "Subtítulos (en directo)"),
    "1.2.5": ("AA", "Audiodescripción (grabado)"),
    "1.2.6": ("AAA", "Lengua de señas (grabado)"),
    "1.2.7": ("AAA", "Audiodescripción ampliada (grabado)"),
    "1.2.8": ("AAA", "Medio alternativo (grabado)"),
    "1.2.9": ("AAA", "Solo audio (en directo)"),
    "1.3.1": ("A", "Información y relaciones"),
    "1.3.2": ("A", "Secuencia significativa"),
    "1.3.3": ("A", "Características sensoriales"),
    "1.3.4": ("AA", "Orientación"),
    "1.3.5": ("AA", "Identificar el propósito de la entrada"),
    "1.3.6": ("AAA", "Identificar el propósito"),
    "1.4.1": ("A", "Uso del color"),
    "1.4.2": ("A", "Control del audio"),
    "1.4.3": ("AA", "Contraste (mínimo)"),
    "1.4.4": ("AA", "Cambio de tamaño del texto"),
    "1.4.5": ("AA", "Imágenes de texto"),
    "1.4.6": ("AAA", "Contraste (mejorado)"),
    "1.4.7": ("AAA", "Sonido de fondo bajo o ausente"),
    "1.4.8": ("AAA", "Presentación visual"),
    "1.4.9": ("AAA", "Imágenes de texto (sin excepciones)"),
    "1.4.10": ("AA", "Reajuste del contenido"),
    "1.4.11": ("AA", "Contraste no textual"),
    "1.4.12": ("AA", "Espaciado del texto"),
    "1.4.13": ("AA", "Contenido con hover o foco"),
    "2.1.1": ("A", "Teclado"),
    "2.1.2": ("A", "Sin trampas para el foco del teclado"),
    "2.1.3": ("AAA", "Teclado (sin excepciones)"),
    "2.1.4": ("A", "Atajos de teclado con caracteres"),
    "2.2.1": ("A", "Tiempo ajustable"),
    "2.2.2": ("A", "Poner en pausa, detener, ocultar"),
    "2.2.3": ("AAA", "Sin tiempo"),
    "2.2.4": ("AAA", "Interrupciones"),
    "2.2.5": ("AAA", "Reautenticación"),
    "2.2.6": ("AAA", "Tiempos de espera"),
    "2.3.1": ("A", "Umbral de tres destellos o menos"),
    "2.3.2": ("AAA", "Tres destellos"),
    "2.3.3": ("AAA", "Animación desde las interacciones"),
    "2.4.1": ("A", "Evitar bloques"),
    "2.4.2": ("A", "Titulado de páginas"),
    "2.4.3": ("A", "Orden del foco"),
    "2.4.4": ("A", "Propósito de los enlaces (en contexto)"),
    "2.4.5": ("AA", "Múltiples vías"),
    "2.4.6": ("AA", "Encabezados y etiquetas"),
    "2.4.7": ("AA", "Foco visible"),
    "2.4.8": ("AAA", "Ubicación"),
    "2.4.9": ("AAA", "Propósito de los enlaces (solo enlaces)"),
    "2.4.10": ("AAA", "Encabezados de sección"),
    "2.5.1": ("A", "Gestos del puntero"),
    "2.5.2": ("A", "Cancelación del puntero"),
    "2.5.3": ("A", "Etiqueta en el nombre"),
    "2.5.4": ("A", "Activación mediante movimiento"),
    "2.5.5": ("AAA", "Tamaño del objetivo"),
    "2.5.6": ("AAA", "Mecanismos de entrada concurrentes"),
    "3.1.1": ("A", "Idioma de la página"),
    "3.1.2": ("AA", "Idioma de las partes"),
    "3.1.3": ("AAA", "Palabras inusuales"),
    "3.1.4": ("AAA", "Abreviaturas"),
    "3.1.5": ("AAA", "Nivel de lectura"),
    "3.1.6": ("AAA", "Pronunciación"),
    "3.2.1": ("A", "Al recibir el foco"),
    "3.2.2": ("A", "Al recibir entradas"),
    "3.2.3": ("AA", "Navegación coherente"),
    "3.2.4": ("AA", "Identificación coherente"),
    "3.2.5": ("AAA", "Cambios a petición"),
    "3.3.1": ("A", "Identificación de errores"),
    "3.3.2": ("A", "Etiquetas o instrucciones"),
    "3.3.3": ("AA", "Sugerencias ante errores"),
    "3.3.4": ("AA", "Prevención de errores (legales, financieros, datos)"),
    "3.3.5": ("AAA", "Ayuda"),
    "3.3.6": ("AAA", "Prevención de errores (todos)"),
    "4.1.1": ("A", "Procesamiento"),
    "4.1.2": ("A", "Nombre, función, valor"),
    "4.1.3": ("AA", "Mensajes de estado"),
}
NOT_RUN = {
    "desactivado": 'está desactivada en la configuración ([accessibility] browser = "off")',
    "sin navegador": "no hay navegador disponible",
}
FINDING_KEYS = ("rule", "criterion", "impact", "selector", "html", "url", "help", "template", "pages", "dependencia")


def norma(criterion: str | None) -> str:
    """Where Res. 1519 de 2020 asks for a WCAG criterion: its Anexo 1 adopts WCAG 2.1 AA."""
    if not criterion:
        return "Res. 1519/2020, Anexo 1 — WCAG 2.1 (axe no indica el criterio)"
    level = WCAG21.get(criterion, ("?", ""))[0]
    return f"Res. 1519/2020, Anexo 1 — WCAG 2.1 criterio {criterion} (nivel {level})"


def finding_row(finding: dict[str, Any]) -> dict[str, Any]:
    """One finding as the reports and the CSV show it."""
    f = {**dict.fromkeys(FINDING_KEYS), **finding}
    level, name = WCAG21.get(f["criterion"] or "", (None, None))
    return {
        **f,
        "level": level,
        "criterion_name": name,
        "norma": norma(f["criterion"]),
        "impact_label": IMPACT_LABELS.get(f["impact"] or "", f["impact"] or "—"),
    }


# Playwright's own first line (English, technical) → what a person reads; the JSON keeps the line.
# Playwright names the call that failed first («Page.goto: …», «Page.evaluate: …»): what follows an
# evaluate's «Error: » is the page's own text (hostile input), so a script error is told apart before
# any word is looked for. Then the kind of failure, then the step that failed.
_SCRIPT_ERROR = re.compile(r"^(?:Page|Frame)\.evaluate: (?:[A-Za-z]*Error|Uncaught)\b")
_BROWSER_ERRORS = (
    ("page.goto: timeout", "la página no terminó de cargar a tiempo en el navegador"),
    ("timeout", "el navegador no terminó de evaluar la página a tiempo"),
    ("crash", "el navegador falló (se cerró de golpe) mientras evaluaba la página"),
    ("closed", "el navegador se cerró mientras evaluaba la página"),
    ("net::err_", "el navegador no pudo cargar la página"),
    ("interrupted by another navigation", "la página pasó a otra dirección mientras cargaba"),
    ("execution context was destroyed", "la página se reemplazó a sí misma mientras se evaluaba"),
    ("frame was detached", "la página se reemplazó a sí misma mientras se evaluaba"),
    ("protocol error", "falló la comunicación entre la herramienta y el navegador"),
    ("page.goto:", "el navegador no pudo abrir la página"),
    ("page.evaluate:", "axe-core no pudo terminar de evaluar la página"),
    ("page.add_script_tag:", "no se pudo cargar axe-core en la página"),
    ("browsercontext.", "el navegador no pudo abrir una pestaña para la página"),
    ("browser.", "el navegador no pudo abrir una pestaña para la página"),
)
SCRIPT_ERROR_SAID = "axe-core se detuvo con un error de JavaScript al evaluar la página"
UNKNOWN_BROWSER_ERROR = "el navegador no pudo evaluarla por una causa que la herramienta no reconoce"


def spoken_browser_error(error: str | None) -> str:
    """The Spanish sentence a report shows for a page the browser could not evaluate: the kind of
    failure (a time-out, a load that failed, a crash, a script error…) as far as Playwright's line
    says it; the line itself stays in the JSON (``accessibility_browser.errors[].error``)."""
    line = error or ""
    if _SCRIPT_ERROR.match(line):
        return SCRIPT_ERROR_SAID
    low = re.sub(r"\b[a-z][\w+.-]*://\S*", "", line.lower())  # the page's address says nothing of the failure
    return next((said for key, said in _BROWSER_ERRORS if key in low), UNKNOWN_BROWSER_ERROR)


def not_run_sentence(result: dict[str, Any]) -> str:
    """The one sentence a report says when the pass did not run (state and reason)."""
    reason = NOT_RUN.get(result.get("state") or "", "no se ejecutó")
    detail = result.get("message") or ""
    if result.get("state") == "sin navegador" and detail:
        reason = detail.removeprefix("sin navegador: ").split("; no se evaluó")[0]
        reason = re.sub(rf"\s*\({TECHNICAL}[^\n]*\)$", "", reason)  # the JSON keeps the technical line
    return (
        f"La revisión de accesibilidad en el navegador (axe-core) no se hizo: {reason}. "
        "Ninguna página se evaluó en el navegador; la accesibilidad se juzgó sólo desde el HTML."
    )


def browser_view(findings: dict[str, Any], titles: dict[str, str | None]) -> dict[str, Any] | None:
    """The browser pass as both reports show it, or None when the findings do not have it."""
    result = findings.get("accessibility_browser")
    if not isinstance(result, dict):
        return None
    ran = result.get("state") == "ok"
    groups = grouped(result, titles)
    rows = [row for group in groups for row in group["findings"]]
    shown = 0
    for group in groups:  # the first BROWSER_ROWS findings, template after template
        room = max(0, BROWSER_ROWS - shown)
        group["more"] = max(0, len(group["findings"]) - room)
        group["findings"] = group["findings"][:room]
        shown += len(group["findings"])
    checked = [u for u in result.get("pages_checked") or [] if isinstance(u, str)]
    rendered, rendered_more = cut([{"url": u, "title": titles.get(u)} for u in checked], RENDERED_ROWS)
    total_pages = result.get("pages_total")
    return {
        "state": result.get("state"),
        "ran": ran,
        "not_run": None if ran else not_run_sentence(result),
        "message": result.get("message") or "",
        "axe_version": result.get("axe_version"),
        "total": len(rows),
        "groups": [g for g in groups if g["findings"] or g["more"]],
        "rendered": rendered,
        "rendered_more": rendered_more,
        "rendered_total": len(checked),
        "pages_total": total_pages,
        "html_only": max(0, total_pages - len(checked)) if isinstance(total_pages, int) else None,
        "errors": [
            {**e, "said": spoken_browser_error(e.get("error"))}
            for e in result.get("errors") or []
            if isinstance(e, dict)
        ],
        "by_impact": _by_impact(rows),
        "review": to_review(result),
    }


def to_review(result: dict[str, Any]) -> list[dict[str, Any]]:
    """What axe left «to review» (it could not decide: not a fault), per axe rule over all templates,
    the rule with the most elements first."""
    rules: dict[str, dict[str, Any]] = {}
    for item in result.get("review") or []:
        if not isinstance(item, dict) or not isinstance(item.get("rule"), str):
            continue
        level, name = WCAG21.get(item.get("criterion") or "", (None, None))
        row = rules.setdefault(
            item["rule"],
            {
                "rule": item["rule"],
                "criterion": item.get("criterion"),
                "level": level,
                "criterion_name": name,
                "help": item.get("help") or "",
                "nodes": 0,
                "templates": 0,
            },
        )
        row["nodes"] += item.get("nodes") or 0
        row["templates"] += 1
    return sorted(rules.values(), key=lambda r: (-r["nodes"], r["rule"]))


def grouped(result: dict[str, Any], titles: dict[str, str | None]) -> list[dict[str, Any]]:
    """All the pass's findings per template, the template with the most pages first, the most
    severe findings first in each; templates numbered as the reader sees them (HTML and CSV)."""
    rows = [finding_row(f) for f in result.get("findings") or [] if isinstance(f, dict)]
    rows.sort(key=lambda r: (IMPACT_ORDER.get(r["impact"] or "", 9), r["rule"] or "", r["url"] or ""))
    groups: dict[str, dict[str, Any]] = {}
    for row in rows:
        key = row["template"] or row["url"] or "?"
        group = groups.setdefault(
            key,
            {"template": key, "pages": row["pages"] or 1, "example": row["url"], "findings": []},
        )
        group["findings"].append(row)
    out = sorted(groups.values(), key=lambda g: (-g["pages"], g["example"] or ""))
    for n, group in enumerate(out, 1):
        group["number"] = n
        group["example_title"] = titles.get(group["example"] or "")
    return out


def _by_impact(rows: list[dict[str, Any]]) -> list[tuple[str, int]]:
    counts: dict[str, int] = {}
    for row in rows:
        counts[row["impact_label"]] = counts.get(row["impact_label"], 0) + 1
    order = list(IMPACT_LABELS.values())
    return sorted(counts.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else 9)
