"""`gelt-audit init`: write a commented starter gelt.toml for a site."""

from __future__ import annotations

import argparse
from pathlib import Path

from gelt_audit.commands import add_config
from gelt_audit.errors import EXIT_CONFIG, EXIT_OK, CommandError
from gelt_audit.starter import explain, starter_config

HELP = "escribe una configuración inicial comentada para un sitio"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_config(parser)
    parser.add_argument("--url", required=True, help="dirección del sitio web municipal (http:// o https://)")
    parser.add_argument("--name", default="", help="nombre de la entidad (por defecto, el título del sitio)")
    parser.add_argument("--force", action="store_true", help="reemplaza un archivo de configuración existente")


def run(args: argparse.Namespace) -> int:
    path = Path(args.config)
    if path.exists() and not args.force:
        raise CommandError(f"{path} ya existe; use --force para reemplazarlo.", EXIT_CONFIG)
    text, found = starter_config(args.url, name=args.name)
    path.write_text(text, encoding="utf-8")
    print("\n".join(explain(found, str(path))))
    return EXIT_OK
