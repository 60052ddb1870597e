"""CSV tables a committee opens in a spreadsheet: UTF-8 with BOM, every cell safe to open.

Excel only reads a CSV as UTF-8 (accents intact) when it starts with a byte-order mark. A cell
that starts with ``=``, ``+``, ``-``, ``@`` (or a tab / carriage return) is a formula to a
spreadsheet; crawled text is hostile, so such cells get a leading apostrophe, which the
spreadsheet shows as plain text (OWASP "CSV injection"). Numbers are left alone.
Every table is written twice: ``-tabla.csv`` (comma, decimal point: for scripts and tools) and
``-tabla-excel.csv`` (``;`` and decimal comma: Excel with Colombian regional settings splits it
into columns on a double click). The HTML shows the first rows of long lists; these files always hold all of them. URLs are
written as a reader reads them (:func:`fmt.url_legible`); the JSON keeps them exact.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Sequence
from itertools import chain
from typing import IO, Any

from gelt_audit.reports import dossier, fmt
from gelt_audit.reports.broken import broken_rows
from gelt_audit.reports.browser import grouped
from gelt_audit.reports.committee import indicator_rows
from gelt_audit.reports.placeholders import placeholder_rows
from gelt_audit.reports.view import ITEM_STATUS_LABELS, KIND_LABELS, checklist_changes

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"
_PLAIN = frozenset((str, int))  # cell types the Excel twin writes as they are


def neutralise(value: Any) -> Any:
    """A cell value a spreadsheet cannot run: strings starting like a formula get ``'``."""
    if type(value) is str:  # most cells: the checks below give the same for a plain str
        return "'" + value if value.startswith(FORMULA_START) else value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "sí" if value else "no"
    if isinstance(value, int | float):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


class CsvText(str):
    """A CSV table (comma-separated, decimal point: what scripts and most tools read) that also
    carries ``excel``: the same table for Excel configured for Colombia (list separator ``;``,
    decimal comma), which opens it with a double click, without the import wizard."""

    excel: str


def to_csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> CsvText:
    """CSV text with BOM and CRLF line ends (what Excel on Windows expects), and its Excel es-CO twin."""
    cells = [[neutralise(h) for h in header], *([neutralise(v) for v in row] for row in rows)]
    out = CsvText(BOM + _write(cells, ","))
    out.excel = BOM + _write([[_decimal_comma(v) for v in row] for row in cells], ";")
    return out


class CsvTable:
    """A table written row by row into its two files (:meth:`write`), never held whole: a large
    site's tables (a template link on every page) weigh tens of MB. ``rows`` gives the rows anew
    on each call; :meth:`text` is the :class:`CsvText` of :func:`to_csv`, byte for byte."""

    def __init__(self, header: Sequence[str], rows: Callable[[], Iterable[Sequence[Any]]]):
        self.header = header
        self.rows = rows

    def text(self) -> CsvText:
        return to_csv(self.header, self.rows())

    def write(self, plain: IO[str], excel: IO[str]) -> None:
        """The table into ``plain`` (comma) and ``excel`` (``;``, decimal comma), one row at a time."""
        plain.write(BOM)
        excel.write(BOM)
        to_plain = csv.writer(plain, delimiter=",", lineterminator="\r\n")
        to_excel = csv.writer(excel, delimiter=";", lineterminator="\r\n")
        for row in chain([self.header], self.rows()):
            cells = list(map(neutralise, row))
            to_plain.writerow(cells)
            # only a real number differs in the Excel twin (decimal comma); most rows have none
            to_excel.writerow(cells if _PLAIN.issuperset(map(type, cells)) else list(map(_decimal_comma, cells)))


def table(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> CsvTable:
    """A :class:`CsvTable` of rows already at hand (a short table)."""
    kept = list(rows)
    return CsvTable(header, lambda: kept)


def _write(cells: list[list[Any]], delimiter: str) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    writer.writerows(cells)
    return buf.getvalue()


def _decimal_comma(value: Any) -> Any:
    # Only real numbers: a text like «numeral 1.5» stays as written.
    return str(value).replace(".", ",") if isinstance(value, float) else value


def excel_name(name: str) -> str:
    """The file name of a table's Excel (es-CO) twin: ``…-enlaces-rotos-excel.csv``."""
    return f"{name}-excel"


def iso_day(value: Any) -> str:
    """A date or timestamp as its Bogotá day (AAAA-MM-DD), or "" when there is none."""
    d = fmt.local_date(value)
    return d.isoformat() if d else ""


def legible(url: Any) -> str:
    """A URL as the reader reads it (accents and spaces, not percent-escapes); "" when missing."""
    return fmt.url_legible(url) if url else ""


BROKEN_HEADER = (
    "dependencia",
    "página",
    "título de la página",
    "texto del enlace",
    "enlace",
    "motivo",
    "estado HTTP",
    "roto desde",
    "nuevo esta semana",
    "detalle técnico",
)


def broken_links_table(
    findings: dict[str, Any], previous: set[str] | None = None, found: dict[str, Any] | None = None
) -> CsvTable:
    """Every broken link occurrence (see :func:`broken.broken_rows`), made as the file is written
    (``found``: those rows, when the caller already made them)."""

    def rows() -> Iterable[list[Any]]:
        nonlocal found
        if found is None:
            found = broken_rows(findings, previous)
        for r in found["rows"] + found["template"]:
            yield [
                r["owner_dep"] or ("(plantilla del sitio)" if r["template"] else "(sin dependencia)"),
                legible(r["page"]),
                r.get("page_title") or "",
                r["text"],
                legible(r["url"]),
                r["reason"],
                r["status"],
                iso_day(r["since"]),
                "sí" if r["new"] else "no",
                r.get("detail") or "",
            ]
        for r in found["acknowledged"]:
            yield [
                "(revisado: " + (r.get("ack_reason") or "") + ")",
                "",
                "",
                r["text"],
                legible(r["url"]),
                r["reason"],
                r["status"],
                iso_day(r["since"]),
                "no",
                r.get("detail") or "",
            ]

    return CsvTable(BROKEN_HEADER, rows)


def placeholder_links_table(findings: dict[str, Any]) -> CsvTable:
    """«Enlaces sin destino»: every occurrence, with the page, line and what the href says."""
    template = {r["text"] for r in placeholder_rows(findings) if r["template"]}
    rows = [
        [
            "(plantilla del sitio)"
            if (occ.get("text") or "") in template
            else occ.get("dependencia") or "(sin dependencia)",
            legible(occ.get("page")),
            occ.get("text"),
            occ.get("line"),
            occ.get("href") if occ.get("href") else "(vacío)",
        ]
        for occ in findings.get("placeholder_links") or []
    ]
    return table(["dependencia", "página", "texto del enlace", "línea", "enlace escrito como"], rows)


def dev_host_links_table(findings: dict[str, Any]) -> CsvTable:
    """«Enlaces a servidores de desarrollo»: each link of the public site to a developer's or an
    intranet's server, one row per page that has it."""

    def rows() -> Iterable[list[Any]]:
        for d in findings.get("dev_host_links") or []:
            for page in d.get("found_on") or [""]:
                yield [d.get("url"), d.get("host"), legible(page), d.get("dependencia") or "(sin dependencia)"]

    return CsvTable(["enlace", "servidor", "página que lo enlaza", "dependencia"], rows)


def changes_table(changes: list[dict[str, Any]], titles: dict[str, Any]) -> CsvTable:
    rows = []
    for c in changes:
        diff = " ".join(
            f"[-{text}-]" if op == "delete" else f"{{+{text}+}}" if op == "insert" else text
            for op, text in c.get("diff") or []
        )
        rows.append(
            [
                c.get("dependencia") or "(sin dependencia)",
                legible(c["url"]),
                titles.get(c["url"]) or "",
                KIND_LABELS.get(c.get("kind"), c.get("kind")),
                iso_day(c.get("detected_at")),
                diff,
            ]
        )
    return table(["dependencia", "página", "título", "cambio", "fecha", "diferencias ([-quitado-] {+agregado+})"], rows)


def dependencias_table(findings: dict[str, Any]) -> CsvTable:
    rows = [
        [
            d["name"],
            d.get("responsable"),
            d.get("email"),
            d.get("pages"),
            d.get("month"),
            d.get("updates_this_month"),
            d.get("target"),
            d.get("meets_target"),
            iso_day(d.get("last_update")),
            d.get("days_since_update"),
            d.get("pace"),
            iso_day(d.get("last_published")),
            iso_day(d.get("last_detected")),
            iso_day(d.get("last_sitemap_date")),
        ]
        for d in findings.get("dependencias") or []
    ]
    return table(
        [
            "dependencia",
            "responsable",
            "correo",
            "páginas",
            "mes",
            "días con publicación en el mes",
            "meta",
            "cumple la meta",
            "última publicación",
            "días desde la última",
            "debería llevar a hoy",
            "publicada el (fecha que declara la página)",
            "detectada el (rastreo)",
            "fecha del sitemap que no cuenta (ninguna página la muestra ni se vio cambiar su texto desde entonces)",
        ],
        rows,
    )


def unassigned_table(findings: dict[str, Any]) -> CsvTable:
    def rows() -> Iterable[list[Any]]:
        titles = {p["url"]: p.get("title") for p in findings.get("pages") or []}
        return ([legible(u), titles.get(u) or ""] for u in findings.get("unassigned") or [])

    return CsvTable(["página", "título"], rows)


def _item_source(c: dict[str, Any]) -> str:
    if c.get("status") == "manual":
        return "por declarar"
    return "declarado por el comité" if dossier.is_declared(c) else "automático"


def items_table(findings: dict[str, Any]) -> CsvTable:
    """Every checklist item; after the original columns, what it requires, its norm (the
    record's legal basis, else the profile's source) and its stored copies."""
    known: dict[str, dict[str, dict[str, str]]] = {}
    rows = []
    for c in findings.get("checklist") or []:
        profile = str(c.get("profile") or "")
        if profile not in known:
            known[profile] = dossier.profile_items(profile)
        item = known[profile].get(str(c.get("item") or ""), {})
        rows.append(
            [
                c.get("profile"),
                c.get("phase"),
                c.get("item"),
                c.get("name"),
                ITEM_STATUS_LABELS.get(c.get("status"), c.get("status")),
                _item_source(c),
                iso_day(c.get("snapshot_date")),
                " ".join(c.get("evidence") or []),
                c.get("detail"),
                c.get("requires") or item.get("requires") or "",
                c.get("legal_basis") or item.get("source") or "",
                " ".join(v["stored_copy"] for v in dossier.copies(c).values()),
            ]
        )
    return table(
        [
            "perfil",
            "fase o sección",
            "ítem",
            "nombre",
            "estado",
            "fuente",
            "fecha de la evidencia",
            "evidencia",
            "detalle",
            "exige",
            "norma",
            "copia guardada",
        ],
        rows,
    )


def indicators_table(findings: dict[str, Any]) -> CsvTable:
    rows = []
    for ind in indicator_rows(findings.get("indicators"), findings.get("checklist")) or []:
        value = ind.get("value")
        if isinstance(value, dict):
            value = "; ".join(f"{k}: {v}" for k, v in value.items())
        met = ind.get("met")
        rows.append(
            [
                ind.get("id"),
                ind.get("name"),
                ind.get("target"),
                value,
                "manual" if ind.get("source") == "manual" else "automática",
                _met_cell(met, ind.get("status")),
            ]
        )
    return table(["id", "indicador", "meta", "valor medido", "fuente", "cumple"], rows)


def _met_cell(met: bool | None, status: str | None) -> str:
    """«sí» / «no» as the audit settled it; an indicator whose item the crawl could not see
    neither meets nor misses its target: «sin verificar», not an empty cell."""
    if met is None:
        return "sin verificar" if status == "sin_verificar" else ""
    return "sí" if met else "no"


def item_changes_table(findings: dict[str, Any], before: dict[str, str] | None) -> CsvTable:
    changes = checklist_changes(findings.get("checklist"), before) or {"lost": [], "gained": [], "moved": []}
    labels = {"lost": "perdido", "gained": "ganado", "moved": "mejoró"}
    rows = [
        [
            labels[kind],
            c.get("profile"),
            c.get("phase"),
            c.get("item"),
            c.get("name"),
            ITEM_STATUS_LABELS.get(c["before"], c["before"]),
            ITEM_STATUS_LABELS.get(c["after"], c["after"]),
            " ".join(c.get("evidence") or []),
        ]
        for kind in ("lost", "gained", "moved")
        for c in changes[kind]
    ]
    return table(["cambio", "perfil", "fase o sección", "ítem", "nombre", "antes", "ahora", "evidencia"], rows)


def documents_table(findings: dict[str, Any]) -> CsvTable:
    def rows() -> Iterable[list[Any]]:
        for d in findings.get("documents") or []:
            yield [
                d.get("title"),
                d.get("format"),
                d.get("years") or d.get("year"),  # a period («2024–2027») as it is named
                legible(d.get("url")),
                legible(d.get("page")),
                d.get("dependencia") or "",
            ]

    return CsvTable(["título", "formato", "año", "documento", "página que lo enlaza", "dependencia"], rows)


def browser_table(findings: dict[str, Any]) -> CsvTable | None:
    """The browser accessibility pass's findings, one row each, or None when the pass did not run
    (an empty table would read as «no problems»; the HTML says why it did not run)."""
    result = findings.get("accessibility_browser")
    if not isinstance(result, dict) or result.get("state") != "ok":
        return None
    titles = {p["url"]: p.get("title") for p in findings.get("pages") or []}
    rows = [
        [
            g["number"],
            g["pages"],
            f["rule"],
            f["criterion"],
            f["level"],
            f["criterion_name"],
            f["norma"],
            f["impact_label"],
            f["selector"],
            f["html"],
            f["url"],
            titles.get(f["url"]) or "",
            f["help"],
            f.get("dependencia") or "",
        ]
        for g in grouped(result, titles)
        for f in g["findings"]
    ]
    return table(
        [
            "plantilla",
            "páginas en la plantilla",
            "regla de axe",
            "criterio WCAG",
            "nivel",
            "nombre del criterio",
            "norma",
            "impacto",
            "selector",
            "HTML",
            "página de ejemplo",
            "título de la página",
            "ayuda de axe",
            "dependencia",
        ],
        rows,
    )


def rendered_pages_table(findings: dict[str, Any]) -> CsvTable | None:
    """The pages the browser pass rendered (the report lists the first ones), or None when the
    pass did not run."""
    result = findings.get("accessibility_browser")
    if not isinstance(result, dict) or result.get("state") != "ok":
        return None
    pages = {p["url"]: p for p in findings.get("pages") or []}
    checked = [u for u in result.get("pages_checked") or [] if isinstance(u, str)]
    rows = [
        [u, (pages.get(u) or {}).get("title") or "", (pages.get(u) or {}).get("dependencia") or ""] for u in checked
    ]
    return table(["página", "título", "dependencia"], rows)
