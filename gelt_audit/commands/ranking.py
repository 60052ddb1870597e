"""`gelt-audit ranking`: the portfolio report (HTML, JSON or CSV)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gelt_audit.audits.portfolio import ranking
from gelt_audit.commands import add_config, load, say
from gelt_audit.config.portfolio import portfolio_of, site_config
from gelt_audit.errors import EXIT_CONFIG, EXIT_OK, CommandError
from gelt_audit.files import write_output
from gelt_audit.reports import portfolio as report
from gelt_audit.store import Store

HELP = "informe de la cartera: sitios ordenados por lista de chequeo, actualización y enlaces rotos"
DESCRIPTION = (
    "Informe de la cartera de sitios: clasificación por lista de chequeo, frecuencia de "
    "actualización y enlaces rotos, con el cambio desde el periodo anterior, por departamento."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_config(parser)
    parser.add_argument("--format", choices=["html", "json", "csv"], default="html", help="formato del informe")
    parser.add_argument("--output", metavar="ARCHIVO", help="archivo de salida (por defecto, la salida estándar)")
    parser.add_argument(
        "--sites-dir", metavar="CARPETA", help="escribe además el informe JSON de cada sitio en esta carpeta"
    )


def run(args: argparse.Namespace) -> int:
    config = load(args)
    portfolio = portfolio_of(config)
    if portfolio is None:
        raise CommandError(
            "La configuración no tiene [portfolio]: use 'gelt-audit report' para un solo sitio.", EXIT_CONFIG
        )
    sites = [(site, site_config(config, site)) for site in portfolio.sites]
    with Store(config.store_path) as store:
        data = ranking(store, config, sites)
        if args.sites_dir:
            report.write_site_reports(store, sites, Path(args.sites_dir))
    text = report.to_text(data, args.format, config)
    if args.output:
        write_output(Path(args.output), text)  # to_csv's text starts with the BOM that makes Excel read UTF-8
        say(f"Informe de la cartera escrito en {args.output}")
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return EXIT_OK
