"""`gelt-audit ack URL`: mark a broken link as reviewed (a false alarm), until a date or for good."""

from __future__ import annotations

import argparse
import getpass
from datetime import date

from gelt_audit.commands import add_config, load
from gelt_audit.errors import EXIT_CONFIG, EXIT_OK, CommandError
from gelt_audit.store import Store

HELP = "marca un enlace roto como revisado (falsa alarma) hasta una fecha"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_config(parser)
    parser.add_argument("url", help="dirección del enlace")
    parser.add_argument("--reason", required=True, metavar="TEXTO", help="por qué no es un enlace roto")
    parser.add_argument("--until", metavar="FECHA", help="hasta qué fecha (AAAA-MM-DD); sin fecha, indefinidamente")
    parser.add_argument("--page", metavar="URL", help="sólo en esta página (por defecto, en todas)")


def run(args: argparse.Namespace) -> int:
    config = load(args)
    if args.until:
        try:
            date.fromisoformat(args.until)
        except ValueError:
            raise CommandError(f"Fecha inválida en --until: {args.until!r} (use AAAA-MM-DD).", EXIT_CONFIG) from None
    with Store(config.store_path) as store:
        store.add_ack(args.url, args.page, args.reason, args.until, getpass.getuser())
    where = f" en {args.page}" if args.page else ""
    until = f" hasta el {args.until}" if args.until else ""
    print(f"Enlace {args.url}{where} marcado como revisado{until}: {args.reason}")
    return EXIT_OK
