"""The `gelt-audit` command line: the parser, built from :mod:`gelt_audit.commands`, and `main`.

Each command lives in its own module under ``gelt_audit/commands/`` with its options next to its
code. :func:`main` is the one place where an error becomes an exit code and one Spanish line.
"""

from __future__ import annotations

import argparse
import errno
import importlib
import logging
import os
import re
import select
import signal
import sys
from types import ModuleType
from typing import Any

from gelt_audit import __version__, clock
from gelt_audit.config import ConfigError
from gelt_audit.errors import (
    EXIT_CONFIG,
    EXIT_DELIVERY_FAILED,
    EXIT_ERROR,
    EXIT_LOCKED,
    EXIT_NO_DATA,
    CommandError,
    DeliveryError,
    NoCrawlError,
    NoPortfolioData,
    ReportError,
)
from gelt_audit.lock import LockedError
from gelt_audit.store import StoreError

log = logging.getLogger("gelt_audit")

# Every command (a module of gelt_audit.commands), in the order `gelt-audit --help` lists them.
COMMANDS: tuple[str, ...] = (
    "init",
    "crawl",
    "audit",
    "report",
    "history",
    "diff",
    "evidence",
    "ack",
    "demo",
    "run",
    "schedule",
    "status",
    "worker",
    "ranking",
    "store",
)


def command(name: str) -> ModuleType:
    """The module of one command. Imported when asked: `gelt-audit report` need not load Scrapy,
    and every cron run and test starts in a fraction of the time."""
    return importlib.import_module(f"gelt_audit.commands.{name}")


# Domain errors a command lets through, with the exit code each one means (see the README).
EXIT_CODES: tuple[tuple[type[Exception], int], ...] = (
    (LockedError, EXIT_LOCKED),
    (NoCrawlError, EXIT_NO_DATA),
    (NoPortfolioData, EXIT_NO_DATA),
    (ReportError, EXIT_CONFIG),
    (DeliveryError, EXIT_DELIVERY_FAILED),
)


_ARGPARSE_ES = (
    (r"unrecognized arguments: ", "argumentos no reconocidos: "),
    (r"the following arguments are required: ", "faltan los argumentos obligatorios: "),
    (r"argument (\S+): invalid choice: (.*) \(choose from (.*)\)", r"argumento \1: opción inválida: \2 (opciones: \3)"),
    (r"argument (\S+): expected one argument", r"argumento \1: falta su valor"),
    (r"argument (\S+): ignored explicit argument (.*)", r"argumento \1: no admite un valor: \2"),
    (r"ambiguous option: (\S+) could match (.*)", r"opción ambigua: \1 puede ser \2"),
    (r"argument (\S+): not allowed with argument (.*)", r"argumento \1: no se puede usar con \2"),
    (r"^argument (\S+): ", r"argumento \1: "),
)


class SpanishParser(argparse.ArgumentParser):
    """argparse with its usage line, its -h and its errors in Spanish (the help texts already are)."""

    def __init__(self, *args: Any, add_help: bool = True, **kwargs: Any):
        super().__init__(*args, add_help=False, **kwargs)
        if add_help:
            self.add_argument("-h", "--help", action="help", help="muestra esta ayuda y termina")

    def format_usage(self) -> str:
        return super().format_usage().replace("usage:", "uso:", 1)

    def format_help(self) -> str:
        text = super().format_help().replace("usage:", "uso:", 1)
        return text.replace("\noptions:", "\nopciones:").replace("positional arguments:", "argumentos:")

    def error(self, message: str):  # type: ignore[override]
        for pattern, spanish in _ARGPARSE_ES:
            message = re.sub(pattern, spanish, message)
        self.print_usage(sys.stderr)
        self.exit(EXIT_CONFIG, f"{self.prog}: error: {message}\n")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The `gelt-audit` parser with one subcommand per module of :data:`COMMANDS`.

    With ``only`` (the command on the command line), the other commands' modules are not
    imported: their subparsers are named with no arguments, enough to parse the one that runs.
    """
    parser = SpanishParser(
        prog="gelt-audit",
        description="Control del sitio web municipal según el plan de acción GEL-T: rastrea el sitio, "
        "guarda cada versión de cada página, audita y produce informes.",
    )
    parser.add_argument(
        "--version", action="version", version=f"gelt-audit {__version__}", help="muestra la versión y termina"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMANDO", title="comandos")
    for name in COMMANDS:
        if only is not None and name != only:
            sub.add_parser(name)
            continue
        module = command(name)
        description = getattr(module, "DESCRIPTION", module.HELP[0].upper() + module.HELP[1:] + ".")
        p = sub.add_parser(name, help=module.HELP, description=description)
        module.add_arguments(p)
        p.set_defaults(func=module.run)
    return parser


def _stdout_closed() -> bool:
    """Whether standard output is a pipe nobody reads any more (its write end polls as an error);
    if so, point it at /dev/null so the interpreter's last flush at exit does not fail again."""
    try:
        fd = sys.stdout.fileno()
        poller = select.poll()
        poller.register(fd, select.POLLOUT)
        closed = any(event & select.POLLERR for _, event in poller.poll(0))
    except (OSError, ValueError):
        return False
    if closed:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, fd)
        os.close(devnull)
    return closed


def main(argv: list[str] | None = None) -> int:
    """Run `gelt-audit` with ``argv``; every outcome is an exit code (see the README's table)."""
    words = sys.argv[1:] if argv is None else argv
    first = next((w for w in words if not w.startswith("-")), None)
    parser = build_parser(first if first in COMMANDS else None)
    args = parser.parse_args(words)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_CONFIG
    try:
        clock.check_env()
        return args.func(args)
    except ConfigError as exc:
        print(f"Error de configuración: {exc}", file=sys.stderr)
        return EXIT_CONFIG
    except StoreError as exc:
        print(f"Error del almacén: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except CommandError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return exc.code
    except tuple(error for error, _ in EXIT_CODES) as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return next(code for error, code in EXIT_CODES if isinstance(exc, error))
    except KeyboardInterrupt:
        print("Interrumpido.", file=sys.stderr)
        return 130
    except Exception as exc:  # a person reads this: one line, the traceback goes to the log
        if isinstance(exc, BrokenPipeError) and _stdout_closed():
            # `gelt-audit evidence … | head`: the reader stopped reading. Nothing went wrong here: no
            # «Error inesperado: BrokenPipeError» and no traceback in the log; 128 + SIGPIPE, as a shell.
            return 128 + signal.SIGPIPE
        if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
            where = f" ({exc.filename})" if exc.filename else ""
            print(f"Error: no queda espacio en el disco{where}; libere espacio y vuelva a ejecutar.", file=sys.stderr)
            return EXIT_ERROR
        log.exception("Error inesperado en «%s»", args.command)
        print(f"Error inesperado: {type(exc).__name__}: {exc}. Detalles en el registro de gelt-audit.", file=sys.stderr)
        return EXIT_ERROR
