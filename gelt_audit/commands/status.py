"""`gelt-audit status`: the last runs and the next scheduled ones."""

from __future__ import annotations

import argparse

from gelt_audit.commands import add_config, check_checklist
from gelt_audit.config import load_config
from gelt_audit.errors import EXIT_OK
from gelt_audit.scheduler.status import status

HELP = "muestra las últimas ejecuciones y las próximas programadas"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_config(parser)


def run(args: argparse.Namespace) -> int:
    config = load_config(args.config)
    check_checklist(config)  # a bad profile or file would only show at the next run's audits
    print(status(config))
    return EXIT_OK
