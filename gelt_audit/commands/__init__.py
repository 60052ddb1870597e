"""The `gelt-audit` commands, one module per command (like ``scrapy/commands/``).

Each module has ``HELP`` (one Spanish line for the command list), optionally ``DESCRIPTION``,
``add_arguments(parser)`` (its options, right next to its code) and ``run(args) -> int``.
:mod:`gelt_audit.cli` builds the parser from them and is the only place that turns errors into
exit codes. This module holds what several commands (and the scheduler) share.
"""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import sys
from types import ModuleType

from gelt_audit import clock
from gelt_audit.audits.checklist.audit import checklists, manual_declarations
from gelt_audit.audits.checklist.load import load_checklist
from gelt_audit.config import Config, ConfigError, find_site, load_config, portfolio_of
from gelt_audit.config.portfolio import site_run_config
from gelt_audit.errors import EXIT_CONFIG, CommandError
from gelt_audit.formats import document_suffix
from gelt_audit.reports.labels import pages_and_documents
from gelt_audit.store import Store

# A crawl's status as a person reads it.
CRAWL_STATUS_ES = {
    "finished": "terminado",
    "failed": "fallido",
    "interrupted": "interrumpido",
    "running": "en curso",
    "suspect": "sospechoso",
    "partial": "parcial (tiempo máximo)",
}
# Set by `run` for the portfolio crawl it starts: the file where `crawl` writes each site's outcome
# (one JSON line per site: url, crawl_id, status, unreachable).
CRAWL_RESULTS_ENV = "GELT_CRAWL_RESULTS"


def setup_logging(config: Config) -> None:
    """Log everything (Scrapy included) to a rotating file next to the store; nothing on stdout.

    A log file that cannot be opened (its folder gone or not writable) is one Spanish line on
    stderr and the command goes on without it: the log is for afterwards, the work is now.
    """
    # A log that cannot be written (full disk) must not print tracebacks to cron's mail.
    logging.raiseExceptions = False
    root = logging.getLogger()
    if any(isinstance(h, (logging.handlers.RotatingFileHandler, _NoLogFile)) for h in root.handlers):
        return
    try:
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            config.log_path, maxBytes=5 * 1024 * 1024, backupCount=5, encoding="utf-8"
        )
    except OSError as exc:
        print(
            f"Aviso: no se puede escribir el registro {config.log_path} ({exc.strerror or exc}); "
            "se continúa sin registro en archivo.",
            file=sys.stderr,
        )
        # Without any handler, logging's last resort would print warnings and tracebacks on stderr.
        handler = _NoLogFile()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.setLevel(config.log.level.upper())
    root.addHandler(handler)
    root.setLevel(config.log.level.upper())


class _NoLogFile(logging.NullHandler):
    """Stands for the log file that could not be opened (so the warning is given once)."""


def crawl_figures(pages: int, errors: int, unreached: int, documents: int = 0) -> str:
    """«N respuestas, M errores» of a crawl as the site's: a page whose name did not resolve from this
    machine (``unreached`` of them, ``documents`` of which are documents, counted in both figures by the
    crawl) was never asked and is said apart, pages and documents named as the reports name them."""

    def said(n: int, one: str, many: str) -> str:
        return f"{n} {one if n == 1 else many}"

    text = f"{said(pages - unreached, 'respuesta', 'respuestas')}, {said(errors - unreached, 'error', 'errores')}"
    if unreached:
        where = pages_and_documents(unreached, documents, "del sitio sin consultar")
        text += f", {where} (su nombre no resolvió desde esta máquina)"
    return text


def unreached_counts(store: Store, crawl_id: int) -> tuple[int, int]:
    """(how many, how many of them documents) of the crawl's requests whose host name did not resolve
    from this machine (``Store.unreached``): what :func:`crawl_figures` says apart."""
    urls = store.unreached_urls(crawl_id)
    return len(urls), sum(1 for url in urls if document_suffix(url))


def check_checklist(config: Config) -> None:
    """Load the checklist profiles, files and the committee's declarations now.

    They are read by the audits, after a crawl: a misspelt profile or a missing file would
    otherwise surface late, as a failed run (exit 1) after a whole crawl, and never in `status`.
    A ConfigError naming the key (exit 2).
    """
    key = "checklist.profiles"
    try:
        for name in config.checklist.profiles:
            load_checklist(name)
        if config.checklist.file:
            key = "checklist.file"
            load_checklist(config.path.parent / config.checklist.file)
        key = "checklist.items"
        checklists(config)
    except (ValueError, OSError) as exc:
        raise ConfigError(f"'{key}': lista de chequeo inválida: {exc}") from None
    except ConfigError as exc:
        raise ConfigError(f"'{key}': {exc}") from None
    manual_declarations(config)  # its ConfigError names 'checklist.manual'


def say(message: str) -> None:
    """Progress for a person at a terminal; silent under cron."""
    if sys.stdout.isatty():
        print(message, flush=True)


def local_minute(timestamp: str | None) -> str:
    """A stored timestamp as Bogotá's ``YYYY-MM-DD HH:MM`` ("-" when there is none)."""
    moment = clock.to_datetime(timestamp)
    return moment.astimezone(clock.BOGOTA).strftime("%Y-%m-%d %H:%M") if moment else "-"


def add_config(parser: argparse.ArgumentParser) -> None:
    """The ``--config`` option every command that reads gelt.toml takes."""
    parser.add_argument(
        "--config",
        default="gelt.toml",
        metavar="RUTA",
        help="archivo de configuración (por defecto: ./gelt.toml)",
    )


def add_redis(parser: argparse.ArgumentParser) -> None:
    """``--redis`` and ``--namespace`` of the commands that run whole cycles (``run``, ``schedule``)."""
    parser.add_argument(
        "--redis",
        metavar="URL",
        help="rastreo distribuido: el rastreo siembra los sitios en Redis y espera a los trabajadores "
        "(gelt-audit worker); bloqueo, informes y correo como siempre",
    )
    parser.add_argument("--namespace", metavar="NOMBRE", help="con --redis: el espacio de claves en Redis")


def load(args: argparse.Namespace) -> Config:
    """The config named by ``--config``, with logging set up from it."""
    config = load_config(args.config)
    setup_logging(config)
    return config


def warn_first_site(config: Config, command: str) -> None:
    """A one-site command given a ``[portfolio]`` config works on its first site (``[site].url``
    stands for it): say so on stderr, with where each site's report is, rather than let a
    report titled with one site pass for the portfolio's."""
    portfolio = portfolio_of(config)
    if portfolio is None:
        return
    first = portfolio.sites[0]
    print(
        f"Aviso: la configuración tiene [portfolio]; gelt-audit {command} trabaja sólo sobre el primer sitio, "
        f"{first.label} ({config.site_url}), con los valores de [site] y no los suyos de [[portfolio.sites]]. "
        f"Para un sitio con los suyos: gelt-audit {command} --site NOMBRE; el informe de cada sitio: "
        "gelt-audit ranking --sites-dir CARPETA.",
        file=sys.stderr,
    )


def add_site(parser: argparse.ArgumentParser) -> None:
    """``--site`` of the one-site commands that read a store (``report``, ``audit``, ``evidence``)."""
    parser.add_argument(
        "--site",
        metavar="SITIO",
        help="con [portfolio]: el sitio de la cartera (nombre, código DANE o dirección), con sus propios "
        "valores de [[portfolio.sites]] y sus informes en su carpeta; sin esta opción, el primero",
    )


def site_of(config: Config, args: argparse.Namespace, command: str) -> Config:
    """The config a one-site command reads: the portfolio site named by ``--site`` (its own values, its
    reports folder as `run` writes it), else the config itself, with the first-site warning."""
    if getattr(args, "site", None) is None:
        warn_first_site(config, command)
        return config
    site, _ = find_site(config, args.site)  # a ConfigError naming the known sites when none is that one
    return site_run_config(config, site)


def distributed() -> ModuleType:
    """The Redis crawl module, or a clear error when its optional dependencies are missing."""
    try:
        # Imported here, not at the top: scrapy-redis and redis are an optional extra.
        from gelt_audit.crawler import distributed as module
    except ImportError as exc:
        raise CommandError(
            f"El rastreo distribuido necesita scrapy-redis y redis ({exc.name} no está instalado): "
            "pip install 'gelt-audit[distributed]'",
            EXIT_CONFIG,
        ) from None
    return module
