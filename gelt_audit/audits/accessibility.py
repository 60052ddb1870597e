"""WCAG 2.1 criteria that can be judged from a page's markup alone (MinTIC Res. 1519, Anexo 1).

The rules run on the stored HTML; each body is judged once and the judgement cached in the
store, so re-crawls of unchanged pages cost nothing.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Any

from lxml import etree

from gelt_audit.audits.context import AuditContext
from gelt_audit.audits.findings import Findings
from gelt_audit.audits.pages import BodyJudge, dependencia_name, is_html_page
from gelt_audit.config import Dependencia
from gelt_audit.markup import collapse, parse
from gelt_audit.store import Crawl, Store

VERSION = 1  # bump when a rule changes: cached judgements are then recomputed
CRITERIA = {
    "1.1.1": "Contenido no textual (texto alternativo)",
    "1.3.1": "Información y relaciones (estructura)",
    "1.4.2": "Control del audio",
    "1.4.4": "Cambio de tamaño del texto (zoom)",
    "2.4.1": "Evitar bloques (enlace para saltar al contenido)",
    "2.4.2": "Título de la página",
    "2.4.4": "Propósito de los enlaces",
    "3.1.1": "Idioma de la página",
    "3.3.2": "Etiquetas o instrucciones",
    "4.1.1": "Procesamiento (identificadores únicos)",
    "4.1.2": "Nombre, función, valor",
}
GENERIC_TEXTS = {
    "clic aqui", "click aqui", "haga clic aqui", "aqui", "ver mas", "leer mas", "mas", "mas informacion",
    "clic", "click", "enlace", "link", "descargar", "ver",
}  # fmt: skip
_FIELDS = etree.XPath(
    "//input[not(@type) or not(contains('hidden submit button image reset', translate(@type,"
    "'ABCDEFGHIJKLMNOPQRSTUVWXYZ','abcdefghijklmnopqrstuvwxyz')))] | //select | //textarea"
)
_ACCENTS = str.maketrans("áéíóúüñÁÉÍÓÚÜÑ", "aeiouunAEIOUUN")


def _plain(text: str) -> str:
    return re.sub(r"[^\w ]", "", collapse(text).translate(_ACCENTS).lower()).strip()


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


def _name(el: etree._Element) -> str:
    text = collapse(el.text_content()) if isinstance(el.tag, str) else ""
    if text:
        return text
    for img in el.iter("img"):
        if (img.get("alt") or "").strip():
            return img.get("alt").strip()
    return (el.get("aria-label") or el.get("title") or "").strip() or ("x" if el.get("aria-labelledby") else "")


def judge_html(html: str) -> list[dict[str, str]]:
    """Findings for one page's HTML: criterion, element, detail (Spanish)."""
    return judge_root(parse(html))


def judge_root(root: etree._Element | None) -> list[dict[str, str]]:
    """Findings for one parsed page (see judge_html)."""
    if root is None:
        return []
    out: list[dict[str, str]] = []

    def find(criterion: str, el: etree._Element | None, detail: str) -> None:
        out.append(
            {"criterion": criterion, "element": element_path(el) if el is not None else "html", "detail": detail}
        )

    html_el = root if root.tag == "html" else root.find(".//html")
    if html_el is None or not (html_el.get("lang") or "").strip():
        find("3.1.1", html_el, 'la etiqueta <html> no declara el idioma (lang="es")')
    title = root.find(".//title")
    if title is None or not collapse(title.text_content()):
        find("2.4.2", title, "la página no tiene título (<title>)")
    for img in root.iter("img"):
        if img.get("alt") is None and img.get("role") != "presentation" and img.get("aria-hidden") != "true":
            find("1.1.1", img, f"imagen sin texto alternativo (alt): {(img.get('src') or '')[:80]}")
    for inp in root.xpath("//input[@type='image'][not(@alt)] | //area[not(@alt)]"):
        find("1.1.1", inp, "control o zona de imagen sin texto alternativo")
    targets_by_text: dict[str, set[str]] = defaultdict(set)
    first_by_text: dict[str, etree._Element] = {}
    for a in root.xpath("//a[@href]"):
        name = _name(a)
        if not name:
            find("2.4.4", a, f"enlace sin texto ni nombre accesible: {(a.get('href') or '')[:80]}")
            continue
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
    for button in root.xpath("//button | //input[@type='submit' or @type='button']"):
        if not _name(button) and not (button.get("value") or "").strip():
            find("4.1.2", button, "botón sin nombre accesible")
    labelled = {lab.get("for") for lab in root.iter("label") if lab.get("for")}
    for field in _FIELDS(root):
        inside_label = any(anc.tag == "label" for anc in field.iterancestors())
        if not (
            field.get("id") in labelled
            or inside_label
            or field.get("aria-label")
            or field.get("aria-labelledby")
            or field.get("title")
        ):
            find("3.3.2", field, f"campo de formulario sin etiqueta: {field.get('name') or field.tag}")
    levels = [int(h.tag[1]) for h in root.iter("h1", "h2", "h3", "h4", "h5", "h6")]
    if levels and 1 not in levels:
        find("1.3.1", None, "la página no tiene un encabezado principal <h1>")
    previous = 0
    for h in root.iter("h1", "h2", "h3", "h4", "h5", "h6"):
        level = int(h.tag[1])
        if previous and level > previous + 1:
            find("1.3.1", h, f"salto de nivel de encabezado: de h{previous} a h{level}")
        previous = level
    for table in root.iter("table"):
        if table.get("role") in ("presentation", "none") or len(table.findall(".//tr")) < 2:
            continue
        if table.find(".//th") is None:
            find("1.3.1", table, "tabla de datos sin celdas de encabezado (<th>)")
    ids = Counter(el.get("id") for el in root.iter() if isinstance(el.tag, str) and el.get("id"))
    for dup, count in ids.items():
        if count > 1:
            find("4.1.1", None, f"el id «{dup}» se repite {count} veces")
    links = root.xpath("//body//a[@href]")
    if root.find(".//nav") is not None and links and not (links[0].get("href") or "").startswith("#"):
        find("2.4.1", links[0], "no hay enlace para saltar al contenido principal antes del menú")
    for media in root.xpath("//video[@autoplay] | //audio[@autoplay]"):
        find("1.4.2", media, "audio o video que se reproduce solo (autoplay)")
    for meta in root.xpath("//meta[@name='viewport']"):
        content = (meta.get("content") or "").replace(" ", "").lower()
        scale = re.search(r"maximum-scale=([\d.]+)", content)
        if "user-scalable=no" in content or "user-scalable=0" in content or (scale and float(scale.group(1)) < 2):
            find("1.4.4", meta, "la página impide ampliar con el zoom (viewport)")
    return out


JUDGE = BodyJudge("accessibility", VERSION, lambda root, url: judge_root(root))


def audit_accessibility(store: Store, crawl: Crawl, dependencias: list[Dependencia]) -> dict[str, Any]:
    """Findings per page, with counts per dependencia and the most frequent criteria."""
    findings = []
    for snap in store.snapshots(crawl.id):
        if not is_html_page(snap):
            continue
        judged = JUDGE.cached(store, snap["body_hash"], snap["url"])
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
