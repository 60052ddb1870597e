"""The portfolio report: the ranking as JSON, CSV (UTF-8 with BOM, formula-safe) and one HTML file.

The HTML is self-contained (inline CSS, no script, no external request) and rendered with
Jinja2 autoescaping: site names and URLs come from a CSV anyone may have edited.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import jinja2

from gelt_audit.config import Config
from gelt_audit.files import atomic_write
from gelt_audit.reports import fmt
from gelt_audit.reports.csv_export import BOM, neutralise
from gelt_audit.store import Store

TEMPLATE = "portfolio.html.j2"
STATUS_LABELS = {
    "ok": "rastreado",
    "ultimo_fallido": "último rastreo fallido",
    "fallido": "sin respuesta",
    "sin_rastreo": "sin rastreo",
}
CSV_HEADER = (
    "posición", "posición anterior", "cambio de posición", "sitio", "departamento", "posición en el departamento",
    "código DANE", "dirección", "estado", "puntaje", "cambio del puntaje", "lista de chequeo (%)",
    "cambio lista de chequeo", "días con actualización en el mes", "meta mensual", "cumple la meta",
    "dependencias al día", "dependencias", "enlaces rotos", "cambio enlaces rotos", "páginas", "rastreo",
    "fecha del rastreo", "rastreo anterior", "último error",
)  # fmt: skip


def to_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def csv_rows(data: dict[str, Any]) -> list[list[Any]]:
    rows = []
    for s in data["sites"]:
        change = s.get("change") or {}
        attempt = s.get("last_attempt") or {}
        rows.append(
            [
                s.get("rank"), s.get("previous_rank"), s.get("rank_change"), s["name"], s["department"],
                s.get("department_rank"), s.get("dane"), s["url"], STATUS_LABELS.get(s["status"], s["status"]),
                s.get("score"), change.get("score"), s.get("checklist_score"), change.get("checklist_score"),
                s.get("updates_this_month"), s.get("update_target"), s.get("meets_target"), s.get("deps_meeting"),
                s.get("deps_total"), s.get("broken_links"), change.get("broken_links"), s.get("pages"),
                (s.get("crawl") or {}).get("id"), _date((s.get("crawl") or {}).get("started_at")),
                (s.get("previous_crawl") or {}).get("id"), attempt.get("error") if attempt.get("status") != "finished" else "",
            ]
        )  # fmt: skip
    return rows


def _date(value: Any) -> str:
    d = fmt.local_date(value)
    return d.isoformat() if d else ""


def to_csv(data: dict[str, Any]) -> str:
    """One row per site, ranked; the text starts with a BOM so Excel reads it as UTF-8."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for row in csv_rows(data):
        writer.writerow([neutralise(v) for v in row])
    return BOM + buf.getvalue()


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(Path(__file__).with_name("templates"))),
        autoescape=True,  # every value, the template's name notwithstanding
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(fmt.FILTERS)
    env.filters["enlace"] = fmt.href
    return env


def to_html(data: dict[str, Any]) -> str:
    """The ranking as one self-contained HTML page (Spanish, es_CO formats)."""
    by_url = {s["url"]: s for s in data["sites"]}
    return (
        _environment()
        .get_template(TEMPLATE)
        .render(
            p=data["portfolio"],
            sites=data["sites"],
            departments=[{**d, "members": [by_url[u] for u in d["ranking"]]} for d in data["departments"]],
            status_labels=STATUS_LABELS,
            csp="default-src 'none'; style-src 'unsafe-inline'",
        )
    )


def write_site_reports(store: Store, config: Config, directory: Path) -> list[Path]:
    """Each site's JSON report (the single-site contract) as ``<DANE or host>.json`` in ``directory``."""
    from gelt_audit.audits.run import NoCrawlError, audit
    from gelt_audit.config.portfolio import portfolio_of, site_config
    from gelt_audit.reports import json_report

    portfolio = portfolio_of(config)
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for site in portfolio.sites if portfolio else ():
        try:
            findings = audit(store, site_config(config, site))
        except NoCrawlError:
            continue
        stem = site.dane or "".join(c if c.isalnum() or c in "-." else "_" for c in site.url.split("://", 1)[-1])
        path = directory / f"{stem.strip('_')}.json"
        written.append(atomic_write(path, json_report.dumps(findings)))
    return written
