"""`gelt-audit evidence ITEM`: one checklist item's verdict, its legal basis and the stored copies
of its evidence pages (when fetched, unchanged since when, SHA-256); optionally written as HTML
copies or exported as a WARC file."""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import Any

from gelt_audit.audits.run import audit
from gelt_audit.commands import add_config, add_site, check_checklist, load, site_of
from gelt_audit.config import Config
from gelt_audit.errors import EXIT_CONFIG, EXIT_OK, CommandError
from gelt_audit.reports import fmt
from gelt_audit.reports.evidence import evidence_pages, write_evidence
from gelt_audit.reports.view import ITEM_STATUS_LABELS
from gelt_audit.reports.warc import crawl_versions, write_warc
from gelt_audit.store import Crawl, Store

HELP = "muestra la evidencia guardada de un ítem de la lista de chequeo (copias, fechas, huella)"
DESCRIPTION = (
    "Muestra el veredicto de un ítem, su base legal y cada copia guardada de sus páginas de "
    "evidencia: dirección, fecha en que se descargó, fecha desde la que no cambia y huella SHA-256. "
    "Con --html escribe las copias (sin scripts ni cargas externas); con --warc las exporta en WARC."
)
# Terminal control characters a crawled text could carry (ESC sequences, BEL...): never printed.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_config(parser)
    add_site(parser)
    parser.add_argument("item", metavar="ITEM", help="identificador del ítem, p. ej. ley1712.1.2 o info.organigrama")
    parser.add_argument("--profile", metavar="PERFIL", help="perfil de la lista de chequeo (si el ítem está en varios)")
    parser.add_argument("--crawl", type=int, metavar="N", help="número del rastreo (por defecto, el último terminado)")
    parser.add_argument("--html", metavar="CARPETA", help="escribe las copias guardadas en CARPETA/evidencia/")
    parser.add_argument("--warc", metavar="ARCHIVO", help="exporta las páginas de evidencia a un archivo WARC")
    parser.add_argument(
        "--all", action="store_true", help="con --warc: exporta todas las páginas guardadas del rastreo"
    )


def _clean(text: Any) -> str:
    return _CONTROL.sub("", str(text))


def _crawl(store: Store, config: Config, number: int | None) -> Crawl | None:
    if number is None:
        return None
    found = [c for c in store.finished_crawls(config.site_url) if c.id == number]
    if not found:
        raise CommandError(f"El rastreo {number} no existe o no terminó para {config.site_url}.", EXIT_CONFIG)
    return found[0]


def _records(checklist: list[dict[str, Any]], item: str, profile: str | None) -> list[dict[str, Any]]:
    found = [r for r in checklist if r["item"] == item and (profile is None or r["profile"] == profile)]
    if not found:
        where = f" en el perfil {profile}" if profile else ""
        raise CommandError(
            f"El ítem «{_clean(item)}» no existe{where}. Los identificadores están en el informe JSON "
            "(clave «item» de la lista «checklist»), p. ej. ley1712.1.2 o info.organigrama.",
            EXIT_CONFIG,
        )
    return found


def _print(record: dict[str, Any], folder: Path | None) -> None:
    """One item as the terminal shows it; ``folder``: where --html writes the copies (None: not written)."""
    status = ITEM_STATUS_LABELS.get(record["status"], record["status"])
    print(f"{_clean(record['item'])} ({_clean(record['profile'])}): {_clean(record.get('name', ''))}")
    print(f"  Veredicto: {status} — {_clean(record.get('detail', ''))}")
    print(f"  Base legal: {_clean(record.get('legal_basis') or 'sin base legal en el perfil')}")
    if record.get("requires"):
        print(f"  Requisito: {_clean(record['requires'])}")
    copies = record.get("evidence_copies") or []
    if not copies:
        print("  Copias guardadas: ninguna (sin evidencia en páginas del sitio guardadas en este rastreo)")
    for copy in copies:
        print(f"  - {_clean(copy['url'])}")
        print(f"    descargada el {fmt.fecha_hora(copy['fetched_at'])} (rastreo {copy['crawl_id']})")
        print(f"    contenido sin cambios desde el {fmt.fecha_hora(copy['content_changed_at'])}")
        print(f"    huella SHA-256 {copy['content_hash']}")
        if folder is None:  # nothing written: a bare «copia: evidencia/…» named a file that is not there
            print(f"    copia (se escribe con --html CARPETA): {copy['copy']}")
        else:
            print(f"    copia: {folder / copy['copy']}")
    others = [u for u in record.get("evidence") or [] if u not in {c["url"] for c in copies}]
    for url in others:
        print(f"  - {_clean(url)} (sin copia guardada: externa, documento o no guardada en este rastreo)")


def run(args: argparse.Namespace) -> int:
    if args.all and not args.warc:
        raise CommandError("--all sólo se usa con --warc.", EXIT_CONFIG)
    config = site_of(load(args), args, "evidence")
    check_checklist(config)
    with Store(config.store_path) as store:
        crawl = _crawl(store, config, args.crawl)
        findings = audit(store, config, crawl, browser=False)
        records = _records(findings.get("checklist") or [], args.item, args.profile)
        for record in records:
            _print(record, Path(args.html) if args.html else None)
        if args.html:
            folder = Path(args.html)
            written = write_evidence(folder, evidence_pages(store, records))
            print(f"Copias escritas en {folder / 'evidencia'}: {len(written)}")
        if args.warc:
            crawl_id = findings["crawl"]["id"]
            versions = (
                crawl_versions(store, crawl_id) if args.all else [c for r in records for c in r["evidence_copies"]]
            )
            count = write_warc(store, versions, Path(args.warc))
            print(f"WARC escrito en {args.warc}: {count} respuestas del rastreo {crawl_id}")
    return EXIT_OK
