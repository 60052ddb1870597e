"""The `gelt-audit` command: a thin layer over crawler/, audits/ and reports/."""

from __future__ import annotations

import argparse
import errno
import logging
import logging.handlers
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gelt_audit import __version__, clock
from gelt_audit.config import Config, ConfigError, load_config
from gelt_audit.errors import (
    EXIT_CONFIG,
    EXIT_CRAWL_FAILED,
    EXIT_ERROR,
    EXIT_LOCKED,
    EXIT_NO_DATA,
    EXIT_OK,
    EXIT_UNREACHABLE,
    CommandError,
)
from gelt_audit.store import Store, StoreError

log = logging.getLogger("gelt_audit")


def setup_logging(config: Config) -> None:
    """Log everything (Scrapy included) to a rotating file next to the store; nothing on stdout."""
    # A log that cannot be written (full disk) must not print tracebacks to cron's mail.
    logging.raiseExceptions = False
    root = logging.getLogger()
    if any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        return
    handler = logging.handlers.RotatingFileHandler(
        config.log_path, maxBytes=5 * 1024 * 1024, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.setLevel(config.log["level"].upper())
    root.addHandler(handler)
    root.setLevel(config.log["level"].upper())


def say(message: str) -> None:
    """Progress for a person at a terminal; silent under cron."""
    if sys.stdout.isatty():
        print(message)


def _config(args: argparse.Namespace) -> Config:
    config = load_config(args.config)
    setup_logging(config)
    return config


# -- commands -------------------------------------------------------------------
def cmd_init(args: argparse.Namespace) -> int:
    from gelt_audit.init import starter_config

    path = Path(args.config)
    if path.exists() and not args.force:
        raise CommandError(f"{path} ya existe; use --force para reemplazarlo.", EXIT_CONFIG)
    text, found = starter_config(args.url, name=args.name)
    path.write_text(text, encoding="utf-8")
    print(f"Configuración escrita en {path}.")
    if found:
        print(f"Se propusieron {found} dependencias a partir del menú del sitio; revíselas.")
    else:
        print("No se encontraron dependencias en el menú del sitio; complete [[dependencias]] a mano.")
    return EXIT_OK


def cmd_crawl(args: argparse.Namespace) -> int:
    from gelt_audit.crawler.run import crawl

    config = _config(args)
    from gelt_audit.lock import LockedError, crawl_guard

    say(f"Rastreando {config.site_url} …")
    try:
        with crawl_guard(config.store_path):
            result = crawl(config)
    except LockedError as exc:
        raise CommandError(str(exc), EXIT_LOCKED) from None
    if result.crawl_id is None:
        raise CommandError("El rastreo no pudo empezar; vea el registro en " + str(config.log_path), EXIT_CRAWL_FAILED)
    with Store(config.store_path) as store:
        done = store.crawl(result.crawl_id)
    summary = f"Rastreo {done.id}: {done.pages} respuestas, {done.errors} errores, estado: {_STATUS_ES.get(done.status, done.status)}."
    log.info(summary)
    if result.site_unreachable:
        print(f"El sitio {config.site_url} no respondió: {done.error}", file=sys.stderr)
        return EXIT_UNREACHABLE
    if done.status != "finished":
        print(f"{summary} {done.error or ''}".strip(), file=sys.stderr)
        return EXIT_CRAWL_FAILED
    say(summary)
    return EXIT_OK


_STATUS_ES = {"finished": "terminado", "failed": "fallido", "interrupted": "interrumpido", "running": "en curso"}


def _findings(config: Config) -> dict[str, Any]:
    from gelt_audit.audits.run import NoCrawlError, audit

    with Store(config.store_path) as store:
        try:
            return audit(store, config)
        except NoCrawlError as exc:
            raise CommandError(str(exc), EXIT_NO_DATA) from None


def cmd_audit(args: argparse.Namespace) -> int:
    config = _config(args)
    print(audit_summary(_findings(config)))
    return EXIT_OK


def audit_summary(findings: dict[str, Any]) -> str:
    """A few Spanish lines on what the audits found, for a person at a terminal."""
    pages = findings["pages"]
    errors = sum(1 for p in pages if (p["status"] or 0) >= 400 or p["status"] == 0)
    changes = findings.get("changes", [])
    kinds = {k: sum(1 for c in changes if c["kind"] == k) for k in ("added", "modified", "removed")}
    deps = findings.get("dependencias", [])
    broken = [link for link in findings.get("links", []) if link["state"] == "broken" and not link.get("acknowledged")]
    lines = [
        f"Sitio: {findings['site']['name']} ({findings['site']['url']})",
        f"Rastreo {findings['crawl']['id']}: {len(pages)} páginas, {errors} con error, "
        f"{len(findings.get('unassigned', []))} sin asignar a una dependencia.",
        f"Cambios desde el rastreo anterior: {kinds['added']} nuevas, {kinds['modified']} modificadas, "
        f"{kinds['removed']} eliminadas.",
        f"Dependencias que cumplen la meta de actualización: {sum(1 for d in deps if d['meets_target'])} de {len(deps)}.",
        f"Enlaces rotos: {len(broken)}; bloqueados (no verificables): "
        f"{sum(1 for link in findings.get('links', []) if link['state'] == 'blocked')}.",
    ]
    if findings.get("checklist_scores"):
        scores = ", ".join(f"{p}: {s['overall']:.0f} %" for p, s in findings["checklist_scores"].items())
        lines.append(f"Lista de chequeo: {scores}; regresiones: {len(findings.get('regressions', []))}.")
    lines.append(
        f"Accesibilidad: {len(findings.get('accessibility', []))} hallazgos; "
        f"seguridad: {len(findings.get('security', []))} hallazgos."
    )
    if findings.get("last_attempt"):
        attempt = findings["last_attempt"]
        lines.append(
            f"Atención: el último rastreo ({attempt['id']}) no terminó: {attempt['error'] or attempt['status']}."
        )
    return "\n".join(lines)


def cmd_report(args: argparse.Namespace) -> int:
    from gelt_audit.audits.run import NoCrawlError
    from gelt_audit.reports.render import ReportError
    from gelt_audit.reports.write import report_command

    config = _config(args)
    try:
        text = report_command(config, args.kind, args.format, args.output, args.since)
    except NoCrawlError as exc:
        raise CommandError(str(exc), EXIT_NO_DATA) from None
    except ReportError as exc:
        raise CommandError(str(exc), EXIT_CONFIG) from None
    if args.output:
        say(f"Informe escrito en {text}")
    else:
        sys.stdout.write(text + "\n")
    return EXIT_OK


def _local(timestamp: str) -> str:
    return clock.to_datetime(timestamp).astimezone(clock.BOGOTA).strftime("%Y-%m-%d %H:%M")


def _versions(config: Config, url: str) -> list[dict[str, Any]]:
    with Store(config.store_path) as store:
        versions = store.history(url)
    if not versions:
        raise CommandError(f"La página {url} no está en el almacén {config.store_path}.", EXIT_NO_DATA)
    return versions


def cmd_history(args: argparse.Namespace) -> int:
    config = _config(args)
    print(f"{'fecha (Bogotá)':<17} {'rastreo':>7} {'estado':>6} {'contenido':<12} {'tamaño':>8}  nota")
    for v in _versions(config, args.url):
        note = "sin cambios (304)" if v["not_modified"] else ""
        if v["crawl_status"] != "finished":
            note = f"rastreo {_STATUS_ES.get(v['crawl_status'], v['crawl_status'])}"
        print(
            f"{_local(v['fetched_at']):<17} {v['crawl_id']:>7} {v['status']:>6} "
            f"{(v['main_hash'] or '-')[:12]:<12} {v['size'] or 0:>8}  {note}".rstrip()
        )
    return EXIT_OK


def cmd_diff(args: argparse.Namespace) -> int:
    from gelt_audit.audits.changes import render_diff, word_diff

    config = _config(args)
    versions = [v for v in _versions(config, args.url) if v["crawl_status"] == "finished" and v["main_hash"]]
    if args.to:
        versions = [v for v in versions if _local(v["fetched_at"])[:10] <= args.to]
    if not versions:
        raise CommandError("No hay versiones de la página en esas fechas.", EXIT_NO_DATA)
    new = versions[-1]
    older = [v for v in versions[:-1] if v["main_hash"] != new["main_hash"]]
    if args.since:
        older = [v for v in versions if _local(v["fetched_at"])[:10] <= args.since] or older
    if not older:
        print(f"El contenido de {args.url} no cambió en las versiones guardadas.")
        return EXIT_OK
    old = older[-1]
    with Store(config.store_path) as store:
        texts = [
            store.db.execute("select main_text from bodies where hash = ?", [v["body_hash"]]).fetchone()[0] or ""
            for v in (old, new)
        ]
    print(f"{args.url}\n  desde {_local(old['fetched_at'])} (rastreo {old['crawl_id']})")
    print(f"  hasta {_local(new['fetched_at'])} (rastreo {new['crawl_id']})\n")
    print(render_diff(word_diff(*texts)) if texts[0] != texts[1] else "Sin diferencias en el contenido principal.")
    return EXIT_OK


def cmd_ack(args: argparse.Namespace) -> int:
    import getpass
    from datetime import date

    config = _config(args)
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


def cmd_demo(args: argparse.Namespace) -> int:
    from gelt_audit.demo.run import run_demo

    return run_demo(Path(args.dir), keep_serving=args.serve)


# -- parser ---------------------------------------------------------------------
def _add_config(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--config",
        default="gelt.toml",
        metavar="RUTA",
        help="archivo de configuración (por defecto: ./gelt.toml)",
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


def build_parser() -> argparse.ArgumentParser:
    parser = SpanishParser(
        prog="gelt-audit",
        description="Control del sitio web municipal según el plan de acción GEL-T: rastrea el sitio, "
        "guarda cada versión de cada página, audita y produce informes.",
    )
    parser.add_argument(
        "--version", action="version", version=f"gelt-audit {__version__}", help="muestra la versión y termina"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMANDO", title="comandos")

    commands: list[tuple[str, str, Callable[[argparse.Namespace], int]]] = [
        ("init", "escribe una configuración inicial comentada para un sitio", cmd_init),
        ("crawl", "rastrea el sitio y guarda una instantánea de cada página", cmd_crawl),
        ("audit", "audita el último rastreo terminado y muestra un resumen", cmd_audit),
        ("report", "produce el informe del último rastreo (JSON, HTML o CSV)", cmd_report),
        ("history", "lista las versiones guardadas de una página", cmd_history),
        ("diff", "muestra qué cambió en una página entre dos versiones", cmd_diff),
        ("ack", "marca un enlace roto como revisado (falsa alarma) hasta una fecha", cmd_ack),
        ("demo", "sirve el sitio de demostración, lo rastrea dos veces y produce los informes", cmd_demo),
    ]
    for name, help_text, func in commands:
        p = sub.add_parser(name, help=help_text, description=help_text[0].upper() + help_text[1:] + ".")
        _add_config(p)
        p.set_defaults(func=func)
        if name == "init":
            p.add_argument("--url", required=True, help="dirección del sitio web municipal (http:// o https://)")
            p.add_argument("--name", default="", help="nombre de la entidad (por defecto, el título del sitio)")
            p.add_argument("--force", action="store_true", help="reemplaza un archivo de configuración existente")
        elif name == "report":
            kind = p.add_mutually_exclusive_group()
            kind.add_argument(
                "--weekly",
                dest="kind",
                action="store_const",
                const="weekly",
                help="informe semanal para el responsable visible (por defecto)",
            )
            kind.add_argument(
                "--committee", dest="kind", action="store_const", const="committee", help="informe para el comité GEL-T"
            )
            p.add_argument(
                "--since",
                metavar="FECHA",
                help="compara con el rastreo de esta fecha o anterior (AAAA-MM-DD); por defecto, "
                "hace una semana (semanal) o el último informe al comité (comité)",
            )
            p.add_argument(
                "--format",
                choices=["html", "json", "csv"],
                default=None,
                help="html (por defecto), json o csv; --format json sin --weekly/--committee da el JSON del contrato",
            )
            p.add_argument(
                "--output",
                metavar="RUTA",
                help="archivo de salida (csv: carpeta); sin --output, html y csv van a la carpeta de "
                "informes y json a la salida estándar",
            )
        elif name in ("history", "diff"):
            p.add_argument("url", help="dirección completa de la página")
            if name == "diff":
                p.add_argument(
                    "--from", dest="since", metavar="FECHA", help="versión en esta fecha o antes (AAAA-MM-DD)"
                )
                p.add_argument(
                    "--to", metavar="FECHA", help="versión en esta fecha o antes (AAAA-MM-DD); por defecto la última"
                )
        elif name == "ack":
            p.add_argument("url", help="dirección del enlace")
            p.add_argument("--reason", required=True, metavar="TEXTO", help="por qué no es un enlace roto")
            p.add_argument("--until", metavar="FECHA", help="hasta qué fecha (AAAA-MM-DD); sin fecha, indefinidamente")
            p.add_argument("--page", metavar="URL", help="sólo en esta página (por defecto, en todas)")
        elif name == "demo":
            p.add_argument(
                "--dir", default="gelt-demo", help="carpeta de trabajo de la demostración (por defecto: ./gelt-demo)"
            )
            p.add_argument("--serve", action="store_true", help="deja el sitio de demostración en línea al terminar")
    from gelt_audit.scheduler import add_commands  # lazy: scheduler imports cli's exit codes

    add_commands(sub, _add_config)
    from gelt_audit.portfolio import add_commands as add_portfolio_commands

    add_portfolio_commands(sub, _add_config)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
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
    except KeyboardInterrupt:
        print("Interrumpido.", file=sys.stderr)
        return 130
    except OSError as exc:
        if exc.errno != errno.ENOSPC:
            raise_unexpected = exc
        else:
            where = f" ({exc.filename})" if exc.filename else ""
            print(f"Error: no queda espacio en el disco{where}; libere espacio y vuelva a ejecutar.", file=sys.stderr)
            return EXIT_ERROR
        log.exception("Error inesperado en «%s»", args.command)
        print(
            f"Error inesperado: {type(raise_unexpected).__name__}: {raise_unexpected}. Detalles en el registro de gelt-audit.",
            file=sys.stderr,
        )
        return EXIT_ERROR
    except Exception as exc:  # a person reads this: one line, the traceback goes to the log
        log.exception("Error inesperado en «%s»", args.command)
        print(f"Error inesperado: {type(exc).__name__}: {exc}. Detalles en el registro de gelt-audit.", file=sys.stderr)
        return EXIT_ERROR
