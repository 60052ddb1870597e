"""The checklist shaped like the national review's matrix (ITA, Procuraduría; Res. MinTIC 1519
de 2020, Anexo 2): one row per item with numeral, requirement, SÍ / NO / N.A., evidence URL,
stored copy, date and observations, so the committee fills the national form from it.

Two files: a workbook (``.xlsx``, openpyxl; one sheet per checklist profile, the Ley 1712 /
Res. 1519 matrix first) and a CSV of the Ley 1712 / Res. 1519 sheet with ``;`` as separator
(what Excel configured for Colombia splits without the import wizard), UTF-8 with BOM. Cells
are crawled text: anything a spreadsheet would run as a formula gets a leading apostrophe
(:func:`csv_export.neutralise`), and openpyxl writes every string as a string.

What the tool could not decide is left blank for the committee: «por declarar» items, items it
could not verify from here. A partial item answers NO (the review's criteria are met or not)
and says «parcial» and what is missing in the observations.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from typing import Any

from gelt_audit.reports import fmt
from gelt_audit.reports.csv_export import BOM, iso_day, neutralise
from gelt_audit.reports.dossier import COPY_PATH, profile_items
from gelt_audit.reports.view import PROFILE_SHORT

HEADER = (
    "Numeral",
    "Ítem",
    "Requisito",
    "Cumple (SÍ / NO / N.A.)",
    "URL de la evidencia",
    "Copia guardada",
    "Fecha de verificación",
    "Norma",
    "Observaciones",
)
ANSWER = {"cumple": "SÍ", "parcial": "NO", "no_cumple": "NO", "no_aplica": "N.A."}
ITA_PROFILE = "ley1712-res1519"
NUMERAL = re.compile(r"(?:numeral|Anexo \d+,)\s*(\d+(?:\.\d+)*)")


def numeral(row: Mapping[str, Any], basis: str) -> str:
    """The review's numeral: from the legal basis («…, numeral 2.4.2», «Anexo 2, 3.5»), else
    the item id's numeric tail (``ley1712.1.10`` → ``1.10``), else ""."""
    m = NUMERAL.search(basis or "")
    if m:
        return m.group(1)
    tail = str(row.get("item") or "").split(".", 1)[-1]
    return tail if re.fullmatch(r"\d+(?:\.\d+)*", tail) else ""


def observations(row: Mapping[str, Any]) -> str:
    status, detail = row.get("status"), str(row.get("detail") or "")
    lead = {
        "parcial": "Parcial",
        "manual": "Por declarar por el comité (no se puede verificar en el sitio)",
        "sin_verificar": "Sin verificar desde aquí (enlace externo que no se pudo consultar o entrada que se abre con un script)",
    }.get(status or "")
    parts = [p for p in (lead, detail) if p]
    extra = [e for e in row.get("evidence") or [] if isinstance(e, str)][1:]
    if extra:
        parts.append("Otras evidencias: " + " ".join(extra))
    return ". ".join(parts)


def rows(findings: Mapping[str, Any]) -> dict[str, list[list[Any]]]:
    """The matrix rows per checklist profile (the ITA profile first), in checklist order."""
    checklist = findings.get("checklist") if isinstance(findings.get("checklist"), list) else []
    crawl_day = iso_day((findings.get("crawl") or {}).get("started_at"))
    out: dict[str, list[list[Any]]] = {}
    known: dict[str, dict[str, dict[str, str]]] = {}
    for row in checklist:
        if not isinstance(row, Mapping):
            continue
        profile = str(row.get("profile") or "")
        if profile not in known:
            known[profile] = profile_items(profile)
        item = known[profile].get(str(row.get("item") or ""), {})
        basis = row.get("legal_basis") or item.get("source") or ""
        evidence = [e for e in row.get("evidence") or [] if isinstance(e, str)]
        copies = [
            c
            for c in row.get("evidence_copies") or []
            if isinstance(c, Mapping) and isinstance(c.get("copy"), str) and COPY_PATH.fullmatch(c["copy"])
        ]
        out.setdefault(profile, []).append(
            [
                numeral(row, basis),
                row.get("item") or "",
                row.get("requires") or item.get("requires") or row.get("name") or "",
                ANSWER.get(str(row.get("status")), ""),
                evidence[0] if evidence else "",
                copies[0]["copy"] if copies else "",
                iso_day(row.get("snapshot_date")) or crawl_day,
                basis,
                observations(row),
            ]
        )
    ordered = {ITA_PROFILE: out.pop(ITA_PROFILE)} if ITA_PROFILE in out else {}
    ordered.update(out)
    return ordered


def csv_text(findings: Mapping[str, Any]) -> str | None:
    """The Ley 1712 / Res. 1519 matrix as a ``;``-separated CSV (None without that profile)."""
    table = rows(findings).get(ITA_PROFILE)
    if table is None:
        return None
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    for r in table:
        writer.writerow([neutralise(v) for v in r])
    return BOM + buf.getvalue()


def xlsx_bytes(findings: Mapping[str, Any]) -> bytes:
    """The matrix workbook: one sheet per profile, header frozen, URLs as hyperlinks."""
    from openpyxl import Workbook  # imported here: only this export needs it, and it is slow to load
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    book.remove(book.active)
    site = (findings.get("site") or {}).get("name") or ""
    for profile, table in rows(findings).items() or {ITA_PROFILE: []}.items():
        sheet = book.create_sheet(_sheet_title(profile))
        sheet.append(list(HEADER))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for r in table:
            sheet.append([neutralise(v) for v in r])
            evidence = sheet.cell(row=sheet.max_row, column=5)
            if fmt.href(r[4]):
                evidence.hyperlink = r[4]
        sheet.freeze_panes = "A2"
        for col, width in zip("ABCDEFGHI", (10, 26, 60, 12, 50, 30, 14, 40, 60), strict=True):
            sheet.column_dimensions[col].width = width
        for line in sheet.iter_rows(min_row=2):
            for cell in line:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    book.properties.title = f"Matriz de cumplimiento — {site}"
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def _sheet_title(profile: str) -> str:
    name = PROFILE_SHORT.get(profile, profile).split(" (")[0]
    return re.sub(r"[\[\]:*?/\\]", "-", name)[:31]
