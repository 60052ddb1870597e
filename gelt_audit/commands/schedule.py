"""`gelt-audit schedule`: the long-running scheduler that follows [schedule] (Bogotá time)."""

from __future__ import annotations

import argparse

from gelt_audit.commands import add_config, add_redis
from gelt_audit.scheduler.loop import run_forever

HELP = "proceso permanente que rastrea y produce los informes a las horas de [schedule] (hora de Bogotá)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_config(parser)
    add_redis(parser)


def run(args: argparse.Namespace) -> int:
    return run_forever(args.config, redis=args.redis, namespace=args.namespace)
