"""Res. 1519's annexes 1 and 3 shaped like the national review's questions (ITA): accessibility
as one yes/no question per WCAG criterion with an example page and element, a problem repeated
by the site's template counted once, and digital-security controls named in Spanish with the
technical term in parentheses.

An answer is «SÍ» only for a criterion the tool judged (from the HTML, or in Chromium when the
browser pass ran) and found nothing against; «NO» when it found something; «revisión manual»
for what the tool does not judge (keyboard use, captions, contrast without the browser pass, the
rules implemented but not claimed)...
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from gelt_audit.audits import html_rules
from gelt_audit.audits.accessibility import CRITERIA
from gelt_audit.reports.labels import SECURITY_CONTROLS

# criterion -> the review's question (Res. 1519 de 2020, Anexo 1: WCAG 2.1 A and AA)
QUESTIONS: tuple[tuple[str, str], ...] = (
    ("1.1.1", "¿Las imágenes y demás contenidos no textuales tienen texto alternativo?"),
    ("1.2.2", "¿Los videos tienen subtítulos?"),
    ("1.3.1", "¿Los encabezados, listas, tablas y formularios están marcados como tales en el código?"),
    ("1.4.2", "¿El audio que suena solo se puede detener?"),
    ("1.4.3", "¿El texto tiene contraste suficiente con el fondo?"),
    ("1.4.4", "¿El texto se puede ampliar al 200 % sin perder contenido?"),
    ("2.1.1", "¿Todo se puede usar sólo con el teclado?"),
    ("2.2.1", "¿Se evita que la página se actualice o cambie sola sin control del usuario?"),
    ("2.4.1", "¿Hay un enlace para saltar al contenido principal?"),
    ("2.4.2", "¿Cada página tiene un título que la describe?"),
    ("2.4.4", "¿Cada enlace dice a dónde lleva o qué archivo abre?"),
    ("3.1.1", "¿Cada página declara su idioma?"),
    ("3.3.2", "¿Los campos de los formularios tienen etiqueta o instrucciones?"),
    ("4.1.2", "¿Los controles tienen nombre y función accesibles?"),
)
# Judged from the HTML on every page: the criteria of the ACT rules the engine stands behind
# (html_rules.CLAIMED; 1.4.2 and 2.4.1 are implemented but never reported, so a «SÍ» for them would
# say what the tool did not look at, H284) and those audits/accessibility.py checks itself
# (headings and data tables 1.3.1, link purpose 2.4.4). The rest need the browser pass.
HTML_JUDGED = (set(html_rules.CLAIMED.values()) | {"1.3.1", "2.4.4"}) & set(CRITERIA)
# What the HTML checks looked at, said beside a «SÍ»: the question may ask more than that.
HTML_CHECKED = {
    "1.1.1": "imágenes, gráficos y botones de imagen con texto alternativo",
    "1.3.1": "un encabezado <h1>, encabezados sin saltos de nivel y tablas con encabezados",
    "1.4.4": "ninguna impide ampliar con el zoom; si se pierde contenido al 200 % no se revisó",
    "2.2.1": "ninguna se recarga ni redirige sola",
    "2.4.2": "cada una tiene título (<title>); si lo describe no se revisó",
    "2.4.4": "enlaces con texto, PDF anunciados y un mismo texto para un solo destino",
    "3.1.1": "<html> declara un idioma válido",
    "3.3.2": "campos de formulario con etiqueta",
    "4.1.2": "controles y marcos con nombre, ARIA válido",
}
BROWSER_JUDGED = {"1.1.1", "1.3.1", "1.4.3", "2.4.2", "2.4.4", "3.1.1", "3.3.2", "4.1.2"}
# A finding repeated on at least this many pages with the same element and detail is the template's.
TEMPLATE_PAGES = 3


def _template_groups(items: list[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Findings of one criterion grouped by (element, detail): a group seen on many pages is one
    problem of the template, counted once with its number of pages."""
    groups: dict[tuple[str, str], list[Mapping[str, Any]]] = defaultdict(list)
    for a in items:
        groups[(str(a.get("element") or ""), str(a.get("detail") or ""))].append(a)
    out = []
    for (element, detail), found in groups.items():
        pages = len({a.get("url") for a in found})
        out.append(
            {
                "element": element,
                "detail": detail,
                "url": found[0].get("url"),
                "pages": pages,
                "template": pages >= TEMPLATE_PAGES,
            }
        )
    return sorted(out, key=lambda g: -g["pages"])


def accessibility_questions(findings: Mapping[str, Any]) -> list[dict[str, Any]] | None:
    """One row per question: criterion, question, answer (SÍ / NO / revisión manual), problems
    (template problems counted once), pages affected, and an example URL and element."""
    if "accessibility" not in findings and "accessibility_browser" not in findings:
        return None
    by_criterion: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for a in findings.get("accessibility") or []:
        if isinstance(a, Mapping):
            by_criterion[str(a.get("criterion") or "")].append(a)
    browser = findings.get("accessibility_browser")
    browser_ok = isinstance(browser, Mapping) and browser.get("state") == "ok"
    for f in (browser or {}).get("findings") or [] if browser_ok else []:
        if isinstance(f, Mapping):
            by_criterion[str(f.get("criterion") or "")].append(
                {
                    "url": f.get("url"),
                    "element": f.get("selector") or f.get("html"),
                    "detail": f.get("help") or f.get("rule"),
                    "template_pages": f.get("pages"),
                }
            )
    judged = HTML_JUDGED | (BROWSER_JUDGED if browser_ok else set())
    rendered = len((browser or {}).get("pages_checked") or []) if browser_ok else 0
    rows = []
    for criterion, question in QUESTIONS:
        found = by_criterion.get(criterion, [])
        groups = _template_groups(found)
        for g, raw in ((g, next(a for a in found if a.get("url") == g["url"])) for g in groups):
            if raw.get("template_pages"):  # the browser pass already grouped by template
                g["pages"], g["template"] = max(g["pages"], int(raw["template_pages"])), True
        answer = "NO" if found else ("SÍ" if criterion in judged else "revisión manual")
        scope = None
        if answer == "SÍ":
            if criterion in HTML_JUDGED:
                checked = HTML_CHECKED.get(criterion)
                scope = "en todas las páginas (HTML)" + (f": {checked}" if checked else "")
            else:
                scope = f"en {rendered} páginas renderizadas"
        rows.append(
            {
                "scope": scope,
                "criterion": criterion,
                "question": question,
                "answer": answer,
                "problems": len(groups),
                "pages": len({a.get("url") for a in found}),
                "findings": len(found),
                "example": groups[0] if groups else None,
                "template": [g for g in groups if g["template"]][:3],
            }
        )
    return rows


def security_rows(findings: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Security findings per control, in Spanish with the technical term, the gravest first."""
    rows: dict[str, dict[str, Any]] = {}
    order = {"alta": 0, "media": 1, "baja": 2}
    for x in findings.get("security") or []:
        if not isinstance(x, Mapping):
            continue
        check = str(x.get("check") or "")
        row = rows.setdefault(
            check,
            {
                "check": check,
                "name": SECURITY_CONTROLS.get(check, check),
                "severity": x.get("severity"),
                "count": 0,
                "detail": x.get("detail") or "",
                "url": x.get("url"),
            },
        )
        row["count"] += 1
        if order.get(str(x.get("severity")), 9) < order.get(str(row["severity"]), 9):
            row["severity"] = x.get("severity")
    return sorted(rows.values(), key=lambda r: (order.get(str(r["severity"]), 9), r["name"]))
