"""`gelt-audit worker --redis URL`: crawl what a `crawl --redis` coordinator puts in Redis."""

from __future__ import annotations

import argparse

from gelt_audit.commands import distributed

HELP = "trabajador de un rastreo distribuido: toma las páginas de Redis y devuelve los resultados"
DESCRIPTION = (
    "Trabajador de un rastreo distribuido: toma las páginas de Redis y devuelve los resultados. "
    "No usa el almacén SQLite: el proceso 'crawl --redis' lo escribe."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--redis", required=True, metavar="URL", help="dirección de Redis, p. ej. redis://10.0.0.5:6379/0"
    )
    parser.add_argument(
        "--exit-idle",
        type=float,
        default=0,
        metavar="SEGUNDOS",
        help="terminar tras estos segundos sin sitios por rastrear (por defecto: nunca)",
    )
    parser.add_argument(
        "--namespace",
        default="gelt",
        metavar="NOMBRE",
        help="el espacio de claves en Redis del coordinador a servir (por defecto «gelt»)",
    )
    parser.add_argument(
        "--redis-outage",
        type=float,
        default=120,
        metavar="SEGUNDOS",
        help="cuánto esperar a un Redis que no responde, reintentando (por defecto 120)",
    )
    parser.add_argument(
        "--purge",
        action="store_true",
        help="borra las claves de una ejecución atascada en el espacio --namespace y termina "
        "(se niega si su coordinador sigue activo)",
    )
    parser.add_argument(
        "--force", action="store_true", help="con --purge: borra aunque el turno del coordinador no haya vencido"
    )
    parser.add_argument(
        "--log-level", default="INFO", choices=["DEBUG", "INFO", "WARNING", "ERROR"], help="detalle del registro"
    )


def run(args: argparse.Namespace) -> int:
    module = distributed()
    if args.purge:
        return module.purge(args.redis, ns=args.namespace, force=args.force)
    return module.run_worker(
        args.redis, exit_idle=args.exit_idle, log_level=args.log_level, ns=args.namespace, outage=args.redis_outage
    )
