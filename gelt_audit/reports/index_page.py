"""``index.html`` in the reports folder: every report written there, newest first, each with its
JSON and CSV companions (moved whole out of ``write.py``)."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

from gelt_audit import clock
from gelt_audit.config import Config
from gelt_audit.files import atomic_write
from gelt_audit.reports.render import render

TITLES = {"weekly": "Informe semanal", "committee": "Informe para el comité GEL-T"}
REPORT_FILE = re.compile(r"^(semanal|comite)-(\d{4}-\d{2}-\d{2})\.html$")
CSV_LABELS = {
    "enlaces-rotos": "enlaces rotos", "cambios": "cambios", "dependencias": "dependencias",
    "sin-asignar": "páginas sin asignar", "items": "ítems", "indicadores": "indicadores", "documentos": "documentos",
    "accesibilidad-navegador": "accesibilidad en el navegador",
}  # fmt: skip


def list_reports(folder: Path) -> list[dict[str, Any]]:
    """The reports in a folder, newest first, each with its JSON/CSV companions."""
    if not folder.is_dir():
        return []
    names = sorted(p.name for p in folder.iterdir() if p.is_file())
    entries = []
    for name in names:
        m = REPORT_FILE.match(name)
        if not m:
            continue
        stem = name[:-5]
        kind = "weekly" if m.group(1) == "semanal" else "committee"
        others = [(n, "JSON") for n in names if n == f"{stem}.json"]
        others += [
            _csv_entry(n, n[len(stem) + 1 : -4]) for n in names if n.startswith(f"{stem}-") and n.endswith(".csv")
        ]
        entries.append(
            {
                "date": date.fromisoformat(m.group(2)),
                "kind": kind,
                "title": TITLES[kind],
                "html": name,
                "others": others,
            }
        )
    entries.sort(key=lambda e: (e["date"], e["kind"] == "committee"), reverse=True)
    return entries


def _csv_entry(name: str, table: str) -> tuple[str, str]:
    """(file, label): «CSV enlaces rotos», or «Excel enlaces rotos» for the ``;`` twin."""
    if table.endswith("-excel"):
        base = table[: -len("-excel")]
        return name, "Excel " + CSV_LABELS.get(base, base)
    return name, "CSV " + CSV_LABELS.get(table, table)


def write_index(config: Config, now: datetime | None = None) -> Path:
    """(Re)write ``index.html`` in the reports folder: every report there, newest first."""
    folder = config.reports_dir
    html = render(
        config,
        "index.html",
        {
            "entries": list_reports(folder),
            "site": {"name": config.site_name, "url": config.site_url},
            "crawl": None,
            "last_attempt": None,
            "generated_at": now or clock.now(),
        },
    )
    return atomic_write(folder / "index.html", html)
