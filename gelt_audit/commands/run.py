"""`gelt-audit run`: one complete unattended run, for cron (see docs/OPERATIONS.md)."""

from __future__ import annotations

import argparse

from gelt_audit.commands import add_config, add_redis
from gelt_audit.scheduler.once import run_once
from gelt_audit.scheduler.slots import REPORT_MODES

HELP = "una ejecución completa para cron: rastreo, auditorías, informes pendientes, envío y alertas"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_config(parser)
    add_redis(parser)
    parser.add_argument(
        "--reports",
        choices=REPORT_MODES,
        default="due",
        help="qué informes producir: due (los que tocan hoy, por defecto), overdue (sólo el semanal "
        "atrasado), none, weekly, committee o all",
    )
    parser.add_argument("--no-crawl", action="store_true", help="no rastrea: audita el último rastreo terminado")


def run(args: argparse.Namespace) -> int:
    return run_once(
        args.config, reports=args.reports, crawl=not args.no_crawl, redis=args.redis, namespace=args.namespace
    )
