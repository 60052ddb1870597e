"""The portfolio report: the ranking as JSON, CSV (UTF-8 with BOM, formula-safe) and one HTML file.

Rendered like the other reports (``render``: autoescaping, ``[reports] templates`` and ``logo``,
the same Content-Security-Policy): site names and URLs come from a CSV anyone may have edited.
The portfolio itself (its sites and each site's config) is the caller's: this module gets
``(site, site config)`` pairs and never reads ``[portfolio]``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from gelt_audit.audits.portfolio import Site
from gelt_audit.audits.run import NoCrawlError, audit
from gelt_audit.config import Config
from gelt_audit.config.portfolio import site_stem
from gelt_audit.files import atomic_write
from gelt_audit.linkstate import spoken_error
from gelt_audit.reports import csv_export
from gelt_audit.reports import json_report as contract
from gelt_audit.reports.render import render
from gelt_audit.store import Store

TEMPLATE = "portfolio.html"
FORMATS = ("html", "json", "csv")
# A site's crawl status in the ranking (``audits.portfolio.site_entry``), as a reader sees it.
CRAWL_STATUS_LABELS = {
    "ok": "rastreado",
    "ultimo_fallido": "último rastreo fallido",
    # no finished crawl yet, the last attempt failed: for any reason (robots.txt, a moved home
    # page, a refused connection), said next to it; «sin respuesta» was false for the first two
    "fallido": "sin rastreo terminado",
    "sin_rastreo": "sin rastreo",
}
CSV_HEADER = (
    "posición", "posición anterior", "cambio de posición", "sitio", "departamento", "posición en el departamento",
    "código DANE", "dirección", "estado", "puntaje", "cambio del puntaje", "lista de chequeo (%)",
    "cambio lista de chequeo", "días con actualización en el mes", "meta mensual", "cumple la meta",
    "dependencias al día", "dependencias", "enlaces rotos", "cambio enlaces rotos", "páginas del sitio",
    "páginas con error", "rastreo",
    "fecha del rastreo", "rastreo anterior", "último error",
)  # fmt: skip


def to_json(data: dict[str, Any]) -> str:
    """The ranking as JSON, with the contract's encoder (compact, dates as ISO text)."""
    return contract.ENCODER.encode(data)


def csv_rows(data: dict[str, Any]) -> list[list[Any]]:
    rows = []
    for s in data["sites"]:
        change = s.get("change") or {}
        attempt = s.get("last_attempt") or {}
        rows.append(
            [
                s.get("rank"), s.get("previous_rank"), s.get("rank_change"), s["name"], s["department"],
                s.get("department_rank"), s.get("dane"), s["url"], CRAWL_STATUS_LABELS.get(s["status"], s["status"]),
                s.get("score"), change.get("score"), s.get("checklist_score"), change.get("checklist_score"),
                s.get("updates_this_month"), s.get("update_target"), s.get("meets_target"), s.get("deps_meeting"),
                s.get("deps_total"), s.get("broken_links"), change.get("broken_links"), s.get("pages_ok"), s.get("page_errors"),
                (s.get("crawl") or {}).get("id"), csv_export.iso_day((s.get("crawl") or {}).get("started_at")),
                (s.get("previous_crawl") or {}).get("id"), _attempt_error(attempt),
            ]
        )  # fmt: skip
    return rows


def _attempt_error(attempt: dict[str, Any]) -> str:
    """Why the last attempt failed, in the Spanish words the HTML shows (the JSON keeps the technical detail)."""
    if not attempt or attempt.get("status") == "finished":
        return ""
    return spoken_error(attempt.get("error")) or ""


def to_csv(data: dict[str, Any]) -> str:
    """One row per site, ranked; the text starts with a BOM so Excel reads it as UTF-8."""
    return csv_export.to_csv(CSV_HEADER, csv_rows(data))


def to_html(data: dict[str, Any], config: Config) -> str:
    """The ranking as one self-contained HTML page (Spanish, es_CO formats), with the config's branding."""
    by_url = {s["url"]: s for s in data["sites"]}
    model = {
        "p": data["portfolio"],
        "sites": data["sites"],
        "departments": [{**d, "members": [by_url[u] for u in d["ranking"]]} for d in data["departments"]],
        "status_labels": CRAWL_STATUS_LABELS,
    }
    return render(config, TEMPLATE, model)


def to_text(data: dict[str, Any], output_format: str, config: Config) -> str:
    """The ranking in ``output_format`` (html, json or csv)."""
    if output_format == "html":
        return to_html(data, config)
    return to_json(data) if output_format == "json" else to_csv(data)


def write_site_reports(store: Store, sites: Iterable[tuple[Site, Config]], directory: Path) -> list[Path]:
    """Each site's JSON report (the single-site contract) as ``<DANE or host>.json`` in ``directory``.

    ``sites``: each site of the portfolio with its own single-site config.
    """
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for site, site_config in sites:
        try:
            findings = audit(store, site_config)
        except NoCrawlError:
            continue
        path = directory / f"{site_stem(site)}.json"
        written.append(atomic_write(path, contract.dumps(findings)))
    return written
