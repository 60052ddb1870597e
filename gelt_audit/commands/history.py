"""`gelt-audit history URL`: the stored versions of one page."""

from __future__ import annotations

import argparse
from typing import Any

from gelt_audit.commands import CRAWL_STATUS_ES, add_config, load, local_minute
from gelt_audit.config import Config
from gelt_audit.errors import EXIT_NO_DATA, EXIT_OK, CommandError
from gelt_audit.store import Store

HELP = "lista las versiones guardadas de una página"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_config(parser)
    parser.add_argument("url", help="dirección completa de la página")


def run(args: argparse.Namespace) -> int:
    config = load(args)
    print(f"{'fecha (Bogotá)':<17} {'rastreo':>7} {'estado':>6} {'contenido':<12} {'tamaño':>8}  nota")
    for v in versions(config, args.url):
        note = "sin cambios (304)" if v["not_modified"] else ""
        if v["crawl_status"] != "finished":
            note = f"rastreo {CRAWL_STATUS_ES.get(v['crawl_status'], v['crawl_status'])}"
        print(
            f"{local_minute(v['fetched_at']):<17} {v['crawl_id']:>7} {v['status']:>6} "
            f"{(v['main_hash'] or '-')[:12]:<12} {v['size'] or 0:>8}  {note}".rstrip()
        )
    return EXIT_OK


def versions(config: Config, url: str) -> list[dict[str, Any]]:
    """Every stored version of ``url``, oldest first; an error a person reads when there is none."""
    with Store(config.store_path) as store:
        found = store.history(url)
    if not found:
        raise CommandError(f"La página {url} no está en el almacén {config.store_path}.", EXIT_NO_DATA)
    return found
