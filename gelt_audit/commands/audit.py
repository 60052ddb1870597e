"""`gelt-audit audit`: audit the last finished crawl and print a few lines about it."""

from __future__ import annotations

import argparse
from typing import Any

from gelt_audit.audits.run import audit
from gelt_audit.commands import add_config, add_site, check_checklist, load, site_of
from gelt_audit.errors import EXIT_OK
from gelt_audit.store import Store

HELP = "audita el último rastreo terminado y muestra un resumen"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_config(parser)
    add_site(parser)


def run(args: argparse.Namespace) -> int:
    config = site_of(load(args), args, "audit")
    check_checklist(config)
    with Store(config.store_path) as store:
        findings = audit(store, config)
    print(audit_summary(findings))
    return EXIT_OK


def audit_summary(findings: dict[str, Any]) -> str:
    """A few Spanish lines on what the audits found, for a person at a terminal."""
    pages = findings["pages"]
    errors = sum(1 for p in pages if (p["status"] or 0) >= 400 or p["status"] == 0)
    changes = findings.get("changes", [])
    kinds = {k: sum(1 for c in changes if c["kind"] == k) for k in ("added", "modified", "removed")}
    deps = findings.get("dependencias", [])
    broken = [link for link in findings.get("links", []) if link["state"] == "broken" and not link.get("acknowledged")]
    lines = [
        f"Sitio: {findings['site']['name']} ({findings['site']['url']})",
        f"Rastreo {findings['crawl']['id']}: {len(pages)} páginas, {errors} con error, "
        f"{len(findings.get('unassigned', []))} sin asignar a una dependencia.",
        f"Cambios desde el rastreo anterior: {kinds['added']} nuevas, {kinds['modified']} modificadas, "
        f"{kinds['removed']} eliminadas.",
        f"Dependencias que cumplen la meta de actualización: {sum(1 for d in deps if d['meets_target'])} de {len(deps)}.",
        f"Enlaces rotos: {len(broken)}; bloqueados (no verificables): "
        f"{sum(1 for link in findings.get('links', []) if link['state'] == 'blocked')}.",
    ]
    if findings.get("checklist_scores"):
        scores = ", ".join(f"{p}: {s['overall']:.0f} %" for p, s in findings["checklist_scores"].items())
        lines.append(f"Lista de chequeo: {scores}; regresiones: {len(findings.get('regressions', []))}.")
    lines.append(
        f"Accesibilidad: {len(findings.get('accessibility', []))} hallazgos; "
        f"seguridad: {len(findings.get('security', []))} hallazgos."
    )
    if findings.get("last_attempt"):
        attempt = findings["last_attempt"]
        lines.append(
            f"Atención: el último rastreo ({attempt['id']}) no terminó: {attempt['error'] or attempt['status']}."
        )
    return "\n".join(lines)
