"""`gelt-audit demo`: serve the demonstration site, crawl it twice and write the reports."""

from __future__ import annotations

import argparse
from pathlib import Path

from gelt_audit.commands import add_config
from gelt_audit.demo.run import run_demo

HELP = "sirve el sitio de demostración, lo rastrea dos veces y produce los informes"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_config(parser)  # accepted like every command's; the demo writes its own config in --dir
    parser.add_argument(
        "--dir", default="gelt-demo", help="carpeta de trabajo de la demostración (por defecto: ./gelt-demo)"
    )
    parser.add_argument("--serve", action="store_true", help="deja el sitio de demostración en línea al terminar")


def run(args: argparse.Namespace) -> int:
    return run_demo(Path(args.dir), keep_serving=args.serve)
