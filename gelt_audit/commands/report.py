"""`gelt-audit report`: the report of the last crawl (weekly, committee or the JSON contract)."""

from __future__ import annotations

import argparse
import sys

from gelt_audit.commands import add_config, add_site, check_checklist, load, say, site_of
from gelt_audit.errors import EXIT_OK
from gelt_audit.reports.write import report_command

HELP = "produce el informe del último rastreo (JSON, HTML o CSV)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_config(parser)
    add_site(parser)
    kind = parser.add_mutually_exclusive_group()
    kind.add_argument(
        "--weekly",
        dest="kind",
        action="store_const",
        const="weekly",
        help="informe semanal para el responsable visible (por defecto)",
    )
    kind.add_argument(
        "--committee", dest="kind", action="store_const", const="committee", help="informe para el comité GEL-T"
    )
    parser.add_argument(
        "--since",
        metavar="FECHA",
        help="compara con el rastreo de esta fecha o anterior (AAAA-MM-DD); por defecto, "
        "hace una semana (semanal) o el último informe al comité (comité)",
    )
    parser.add_argument(
        "--format",
        choices=["html", "json", "csv", "matriz"],
        default=None,
        help="html (por defecto), json o csv; --format json sin --weekly/--committee da el JSON del contrato; "
        "matriz: la lista de chequeo del comité como la matriz de la revisión nacional (ITA, Res. 1519), "
        "en .xlsx y .csv separado por «;»",
    )
    parser.add_argument(
        "--output",
        metavar="RUTA",
        help="archivo de salida (csv: carpeta); sin --output, html y csv van a la carpeta de "
        "informes y json a la salida estándar",
    )


def run(args: argparse.Namespace) -> int:
    config = site_of(load(args), args, "report")
    check_checklist(config)
    text = report_command(config, args.kind, args.format, args.output, args.since, stream=sys.stdout)
    if args.output:
        say(f"Informe escrito en {text}")
    else:
        sys.stdout.write(text + "\n")
    return EXIT_OK
