"""WCAG 2.1 criteria that can be judged from a page's markup alone (MinTIC Res. 1519, Anexo 1).

The rules run on the stored HTML; each body is judged once and the judgement cached in the
store, so re-crawls of unchanged pages cost nothing.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from lxml import etree

from gelt_audit.audits import html_rules
from gelt_audit.audits.accname import Page, page_of
from gelt_audit.audits.context import AuditContext
from gelt_audit.audits.findings import Findings
from gelt_audit.audits.pages import BodyJudge, dependencia_name, is_html_page
from gelt_audit.audits.tree import parse_body
from gelt_audit.config import Dependencia
from gelt_audit.markup import collapse
from gelt_audit.store import Crawl, Store

VERSION = 3  # bump when a rule changes: cached judgements are then recomputed (3: sections closed as a browser does)
CRITERIA = {
    "1.1.1": "Contenido no textual (texto alternativo)",
    "1.3.1": "Información y relaciones (estructura)",
    "1.4.2": "Control del audio",
    "1.4.4": "Cambio de tamaño del texto (zoom)",
    "2.2.1": "Tiempo ajustable (actualización automática)",
    "2.4.1": "Evitar bloques (enlace para saltar al contenido)",
    "2.4.2": "Título de la página",
    "2.4.4": "Propósito de los enlaces",
    "3.1.1": "Idioma de la página",
    "3.1.2": "Idioma de las partes",
    "3.3.2": "Etiquetas o instrucciones",
    "4.1.1": "Procesamiento (identificadores únicos)",
    "4.1.2": "Nombre, función, valor",
}
GENERIC_TEXTS = {
    "clic aqui", "click aqui", "haga clic aqui", "aqui", "ver mas", "leer mas", "mas", "mas informacion",
    "clic", "click", "enlace", "link", "descargar", "ver",
}  # fmt: skip
DETAILS = {
    "2779a5": "la página no tiene título (<title>)",
    "b5c3f8": 'la etiqueta <html> no declara el idioma (lang="es")',
    "bf051a": "el idioma declarado en <html> no es un código de idioma válido",
    "5b7ae0": "los atributos lang y xml:lang de <html> declaran idiomas distintos",
    "de46e4": "el idioma declarado en un elemento no es un código de idioma válido",
    "23a2a8": "imagen sin texto alternativo (alt)",
    "7d6734": "gráfico SVG con función de imagen sin nombre accesible",
    "59796f": "botón de imagen sin texto alternativo",
    "97a4e1": "botón sin nombre accesible",
    "c487ae": "enlace sin texto ni nombre accesible",
    "e086e5": "campo de formulario sin etiqueta",
    "cae760": "marco (iframe) sin título ni nombre accesible",
    "2t702h": "resumen (<summary>) sin nombre accesible",
    "b4f0c3": "la página impide ampliar con el zoom (viewport)",
    "80f0bf": "audio o video que se reproduce solo (autoplay)",
    "bc659a": "la página se recarga o redirige sola con retraso (meta refresh)",
    "bisz58": "la página se recarga o redirige sola con retraso (meta refresh)",
    "5f99a7": "atributo ARIA que no existe en WAI-ARIA",
    "674b10": "atributo role sin ninguna función ARIA válida",
    "6cfa84": "contenido oculto con aria-hidden que recibe el foco del teclado",
    "cf77f2": "no hay enlace para saltar al contenido principal, región principal (<main>) ni encabezados",
}
_ACCENTS = str.maketrans("áéíóúüñÁÉÍÓÚÜÑ", "aeiouunAEIOUUN")


_NOT_WORD = re.compile(r"[^\w ]")


@lru_cache(maxsize=16384)
def _plain(text: str) -> str:
    # cached: a site's menus give the same link names on every page
    return _NOT_WORD.sub("", collapse(text).translate(_ACCENTS).lower()).strip()


def forget_plain() -> None:
    """Drop the link names :func:`_plain` remembers (~4.5 MB when full): nothing reads them while
    the checklist builds its site index (issue 21, H285)."""
    _plain.cache_clear()


def element_path(el: etree._Element) -> str:
    """A short CSS-like path to an element: what the editor looks for in the page."""
    parts = []
    node: etree._Element | None = el
    while node is not None and isinstance(node.tag, str) and len(parts) < 4:
        part = node.tag
        if node.get("id"):
            parts.append(f"{part}#{node.get('id')}")
            break
        if node.get("class"):
            part += "." + ".".join(node.get("class").split()[:2])
        parts.append(part)
        node = node.getparent()
    return " > ".join(reversed(parts))[:160]


def judge_html(html: str) -> list[dict[str, str]]:
    """Findings for one page's HTML: criterion, element, detail (Spanish)."""
    return judge_root(parse_body(html))


def judge_root(root: etree._Element | None) -> list[dict[str, str]]:
    """Findings for one parsed page (see judge_html)."""
    if root is None:
        return []
    page = page_of(root)  # what the rules work out about an element is worked out once
    out: list[dict[str, str]] = []

    def find(criterion: str, el: etree._Element | None, detail: str) -> None:
        out.append(
            {"criterion": criterion, "element": element_path(el) if el is not None else "html", "detail": detail}
        )

    for rule, elements in html_rules.failures(root, html_rules.CLAIMED, page):
        criterion = html_rules.CLAIMED[rule]
        if rule == "3ea0c8":  # one finding per repeated id, as before
            for dup, count in Counter(el.get("id") for el in elements).items():
                find(criterion, None, f"el id «{dup}» se repite {count} veces")
            continue
        for el in elements:
            find(criterion, el, _detail(rule, el))
    _link_texts(page, find)
    _structure(page, find)
    return out


def _detail(rule: str, el: etree._Element) -> str:
    """The Spanish description of one failing element of an ACT rule."""
    detail = DETAILS[rule]
    if rule == "23a2a8":
        detail += f": {(el.get('src') or '')[:80]}"
    elif rule == "c487ae":
        detail += f": {(el.get('href') or '')[:80]}"
    elif rule == "e086e5":
        detail += f": {el.get('name') or el.tag}"
    elif rule in ("bf051a", "de46e4"):
        detail += f" («{(el.get('lang') or '')[:20]}»)"
    return detail


def _link_texts(page: Page, find: Callable[[str, etree._Element | None, str], None]) -> None:
    """Links whose text says nothing (one text, several targets) and PDF links that do not say so."""
    targets_by_text: dict[str, set[str]] = defaultdict(set)
    first_by_text: dict[str, etree._Element] = {}
    for a in page.selected("links"):
        name = page.name(a)  # "" for a hidden link
        if not name:
            continue  # hidden, or reported by the link-name rule
        plain = _plain(name)
        if plain in GENERIC_TEXTS:
            targets_by_text[plain].add(a.get("href"))
            first_by_text.setdefault(plain, a)
        href = (a.get("href") or "").lower().split("?")[0]
        if href.endswith(".pdf") and "pdf" not in plain and "pdf" not in (a.get("title") or "").lower():
            find("2.4.4", a, f"enlace a un PDF que no lo indica: «{name[:60]}»")
    for plain, targets in targets_by_text.items():
        if len(targets) > 1:
            find("2.4.4", first_by_text[plain], f"el texto «{plain}» lleva a {len(targets)} destinos distintos")


def _structure(page: Page, find: Callable[[str, etree._Element | None, str], None]) -> None:
    """Headings (a main one, no skipped levels) and data tables with header cells."""
    root = page.root
    headings = [h for h in root.iter("h1", "h2", "h3", "h4", "h5", "h6") if not page.hidden(h)]
    levels = [int(h.tag[1]) for h in headings]
    if levels and 1 not in levels:
        find("1.3.1", None, "la página no tiene un encabezado principal <h1>")
    previous = 0
    for h in headings:
        level = int(h.tag[1])
        if previous and level > previous + 1:
            find("1.3.1", h, f"salto de nivel de encabezado: de h{previous} a h{level}")
        previous = level
    for table in root.iter("table"):
        if table.get("role") in ("presentation", "none") or len(table.findall(".//tr")) < 2 or page.hidden(table):
            continue
        if table.find(".//th") is None:
            find("1.3.1", table, "tabla de datos sin celdas de encabezado (<th>)")


JUDGE = BodyJudge("accessibility", VERSION, lambda root, url: judge_root(root))


def audit_accessibility(store: Store, crawl: Crawl, dependencias: list[Dependencia]) -> dict[str, Any]:
    """Findings per page, with counts per dependencia and the most frequent criteria."""
    findings = []
    judge = JUDGE.of_crawl(store, crawl.id)
    for snap in store.snapshots(crawl.id):
        if not is_html_page(snap):
            continue
        judged = judge(snap["body_hash"], snap["url"])
        dep = dependencia_name(snap["url"], dependencias)
        findings.extend({"url": snap["url"], **f, "dependencia": dep} for f in judged)
    store.flush_audits()
    per_dep = Counter(f["dependencia"] for f in findings)
    return {
        "findings": findings,
        "summary": {
            "total": len(findings),
            "pages": len({f["url"] for f in findings}),
            "by_criterion": [
                {"criterion": c, "name": CRITERIA.get(c, c), "count": n}
                for c, n in Counter(f["criterion"] for f in findings).most_common()
            ],
            "by_dependencia": [{"dependencia": d, "count": n} for d, n in per_dep.most_common()],
        },
    }


def find(ctx: AuditContext) -> Findings:
    """accessibility (one row per finding) and accessibility_summary (counts)."""
    found = audit_accessibility(ctx.store, ctx.crawl, ctx.config.dependencias)
    return {"accessibility": found["findings"], "accessibility_summary": found["summary"]}
