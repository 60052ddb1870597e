"""`gelt-audit diff URL`: what changed in a page's main content between two stored versions."""

from __future__ import annotations

import argparse

from gelt_audit import clock
from gelt_audit.audits.diffs import render_diff, word_diff
from gelt_audit.commands import add_config, load, local_minute
from gelt_audit.commands.history import versions
from gelt_audit.errors import EXIT_NO_DATA, EXIT_OK, CommandError
from gelt_audit.reports.write import parse_since
from gelt_audit.store import Store

HELP = "muestra qué cambió en una página entre dos versiones"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_config(parser)
    parser.add_argument("url", help="dirección completa de la página")
    parser.add_argument("--from", dest="since", metavar="FECHA", help="versión en esta fecha o antes (AAAA-MM-DD)")
    parser.add_argument(
        "--to", metavar="FECHA", help="versión en esta fecha o antes (AAAA-MM-DD); por defecto la última"
    )


def run(args: argparse.Namespace) -> int:
    # Dates, not strings: "30/11/2026" or "2026-02-30" is exit 2, not a silent lexical compare.
    since, to = parse_since(args.since, "--from"), parse_since(args.to, "--to")
    config = load(args)
    found = [v for v in versions(config, args.url) if v["crawl_status"] == "finished" and v["main_hash"]]
    if to:
        found = [v for v in found if clock.local_date(v["fetched_at"]) <= to]
    if not found:
        raise CommandError("No hay versiones de la página en esas fechas.", EXIT_NO_DATA)
    new = found[-1]
    older = [v for v in found[:-1] if v["main_hash"] != new["main_hash"]]
    if since:
        older = [v for v in found if clock.local_date(v["fetched_at"]) <= since] or older
    if not older:
        print(f"El contenido de {args.url} no cambió en las versiones guardadas.")
        return EXIT_OK
    old = older[-1]
    with Store(config.store_path) as store:
        texts = [store.main_text(v["body_hash"]) for v in (old, new)]
    print(f"{args.url}\n  desde {local_minute(old['fetched_at'])} (rastreo {old['crawl_id']})")
    print(f"  hasta {local_minute(new['fetched_at'])} (rastreo {new['crawl_id']})\n")
    print(render_diff(word_diff(*texts)) if texts[0] != texts[1] else "Sin diferencias en el contenido principal.")
    return EXIT_OK
