"""Many sites in one config: a gobernación's portfolio, crawled concurrently in one process.

A single municipality never pays for this: without a ``[portfolio]`` table nothing here runs and
the config, the store and every command behave exactly as before.

With ``[portfolio]`` the config lists sites inline (``[[portfolio.sites]]``) and/or in a CSV
(``sites_csv``: name, department, dane, url). ``[site]`` then holds the politeness defaults every
site shares; each site gets its own :class:`~gelt_audit.config.Config` (see
:func:`portfolio_configs`), so the spider, the pipeline and the audits need no change.
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import io
import logging
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from gelt_audit.config import (
    Config,
    ConfigError,
    Dependencia,
    _check_str_list,
    _check_table,
    _parse_dependencias,
    load_config,
)

if TYPE_CHECKING:
    from gelt_audit.crawler.run import CrawlPlan
    from gelt_audit.crawler.run import CrawlResult as SiteResult  # the name cmd_crawl uses

log = logging.getLogger("gelt_audit.portfolio")

_REQUIRED = object()
PORTFOLIO_KEYS: dict[str, tuple[tuple[type, ...], Any]] = {
    "sites_csv": ((str,), ""),
    "max_sites_at_once": ((int,), 8),
    "concurrency_total": ((int,), 64),
    "site_timeout_minutes": ((int, float), 0),
    "sites": ((list,), []),
}
SITE_KEYS: dict[str, tuple[tuple[type, ...], Any]] = {
    "name": ((str,), ""),
    "url": ((str,), _REQUIRED),
    "department": ((str,), ""),
    "dane": ((str,), ""),
    "hosts": ((list,), []),
    "dependencias": ((list,), []),
}
# CSV headers: the documented English ones, plus the Spanish ones a DANE/MinTIC export uses.
CSV_COLUMNS = {
    "name": "name", "nombre": "name", "municipio": "name", "entidad": "name",
    "department": "department", "departamento": "department",
    "dane": "dane", "codigo_dane": "dane", "código_dane": "dane", "cod_dane": "dane", "divipola": "dane",
    "url": "url", "sitio": "url", "sitio_web": "url", "direccion": "url", "dirección": "url",
}  # fmt: skip
_DANE = re.compile(r"^\d{2}(\d{3})?$")  # 2 digits: a department; 5: a municipality (DIVIPOLA)
STORE_TABLE = "portfolio_sites"


@dataclass(frozen=True)
class PortfolioSite:
    """One website of the portfolio."""

    name: str
    url: str
    department: str = ""
    dane: str = ""
    hosts: tuple[str, ...] = ()
    dependencias: tuple[Dependencia, ...] = ()
    source: str = ""  # where it was declared, for messages: "portfolio.sites[3]" or "municipios.csv, fila 7"

    @property
    def label(self) -> str:
        return self.name or urlsplit(self.url).hostname or self.url


@dataclass(frozen=True)
class Portfolio:
    """The ``[portfolio]`` table, validated, with its sites (CSV rows first, then inline entries)."""

    sites: tuple[PortfolioSite, ...]
    max_sites_at_once: int = 8
    concurrency_total: int = 64
    site_timeout_minutes: float = 0
    sites_csv: Path | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def per_crawler_concurrency(self) -> int:
        """CONCURRENT_REQUESTS of each site crawler, so all running at once stay under the cap."""
        return max(1, self.concurrency_total // max(1, min(self.max_sites_at_once, len(self.sites))))


# -- parsing ----------------------------------------------------------------------------------
def _header_line(text: str, header: str, nth: int = 1) -> int | None:
    """The line of the nth ``[header]`` / ``[[header]]`` in ``text`` (1-based), if any."""
    pattern = re.compile(r"^\s*\[\[?\s*" + re.escape(header) + r"\s*\]\]?\s*(#.*)?$")
    count = 0
    for i, line in enumerate(text.splitlines(), 1):
        if pattern.match(line):
            count += 1
            if count == nth:
                return i
    return None


def _at(line: int | None) -> str:
    return f" (línea {line})" if line else ""


def _check_url(url: str, where: str) -> str:
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(f"{where}: la dirección debe ser http:// o https:// completa, se encontró {url!r}.")
    # A bare host is the home page: "https://x.gov.co" and "https://x.gov.co/" are one site.
    return url.strip() if parts.path else url.strip() + "/"


def _check_dane(value: str, where: str) -> str:
    value = value.strip()
    if value and not _DANE.match(value):
        raise ConfigError(
            f'{where}: código DANE inválido {value!r}; use 5 dígitos para un municipio (p. ej. "73124") '
            "o 2 para un departamento, como texto (entre comillas) para conservar el cero inicial."
        )
    return value


def _site_dependencias(items: Any, text: str, label: str, line: int | None) -> tuple[Dependencia, ...]:
    return tuple(_parse_dependencias(items, text, "portfolio.sites", f"{label}.", _at(line)))


def _inline_sites(items: Any, text: str) -> list[PortfolioSite]:
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise ConfigError(
            f"'portfolio.sites'{_at(_header_line(text, 'portfolio'))} debe escribirse como [[portfolio.sites]]."
        )
    sites = []
    for n, item in enumerate(items, 1):
        label = f"portfolio.sites[{n}]"
        line = _header_line(text, "portfolio.sites", n)
        if isinstance(item.get("dane"), int):
            raise ConfigError(
                f"'{label}.dane'{_at(line)} debe ir entre comillas (\"05001\"): como número se pierde el cero inicial."
            )
        # _check_table names the key and line for unknown keys and wrong types.
        values = _check_table(item, SITE_KEYS, "portfolio.sites", text, label)
        url = _check_url(values["url"], f"'{label}.url'{_at(line)}")
        hosts = tuple(h.lower() for h in _check_str_list(values["hosts"], f"{label}.hosts", text, "portfolio.sites"))
        sites.append(
            PortfolioSite(
                name=values["name"].strip(),
                url=url,
                department=values["department"].strip(),
                dane=_check_dane(values["dane"], f"'{label}.dane'{_at(line)}"),
                hosts=hosts,
                dependencias=_site_dependencias(values["dependencias"], text, label, line),
                source=label,
            )
        )
    return sites


def read_sites_csv(path: Path) -> list[PortfolioSite]:
    """Sites from a CSV (UTF-8, with or without BOM; comma or semicolon); bad rows name their line."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"'portfolio.sites_csv': no se pudo leer {path}: {exc}") from None
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"'portfolio.sites_csv': {path.name} no está en UTF-8 (byte {exc.start}); guárdelo como «CSV UTF-8»."
        ) from None
    first = content.split("\n", 1)[0]
    # Excel in Spanish locales writes ';' between fields: take whichever separates the header.
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise ConfigError(f"'portfolio.sites_csv': {path.name} está vacío.") from None
    columns: dict[str, int] = {}
    for i, name in enumerate(header):
        key = CSV_COLUMNS.get(name.strip().lower().replace(" ", "_"))
        if key and key not in columns:
            columns[key] = i
    if "url" not in columns:
        raise ConfigError(
            f"'portfolio.sites_csv': {path.name} no tiene columna 'url' (columnas esperadas: name, department, dane, url; "
            f"encontradas: {', '.join(h.strip() for h in header)})."
        )
    sites = []
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue  # blank lines are common at the end of exported files
        where = f"{path.name}, fila {line}"
        if len(row) < len(header):
            raise ConfigError(
                f"'portfolio.sites_csv' ({where}): la fila tiene {len(row)} columnas, se esperaban {len(header)}."
            )

        def cell(key: str, row: list[str] = row) -> str:
            return row[columns[key]].strip() if key in columns else ""

        if not cell("url"):
            raise ConfigError(f"'portfolio.sites_csv' ({where}): falta la dirección (columna url).")
        sites.append(
            PortfolioSite(
                name=cell("name"),
                url=_check_url(cell("url"), f"'portfolio.sites_csv' ({where})"),
                department=cell("department"),
                dane=_check_dane(cell("dane"), f"'portfolio.sites_csv' ({where})"),
                source=where,
            )
        )
    return sites


def parse_portfolio(values: Any, text: str, path: Path) -> Portfolio:
    """Validate the ``[portfolio]`` table of the config at ``path`` (TOML ``text``); raise ConfigError."""
    line = _header_line(text, "portfolio")
    if not isinstance(values, dict):
        raise ConfigError(f"'portfolio'{_at(line)} debe ser una tabla [portfolio].")
    table = _check_table(values, PORTFOLIO_KEYS, "portfolio", text)
    for key in ("max_sites_at_once", "concurrency_total"):
        if table[key] <= 0:
            raise ConfigError(f"'portfolio.{key}'{_at(line)} debe ser mayor que cero (es {table[key]}).")
    if table["site_timeout_minutes"] < 0:
        raise ConfigError(f"'portfolio.site_timeout_minutes'{_at(line)} no puede ser negativo.")
    csv_path = None
    sites: list[PortfolioSite] = []
    if table["sites_csv"]:
        csv_path = (path.parent / table["sites_csv"]).resolve()
        if not csv_path.is_file():
            raise ConfigError(f"'portfolio.sites_csv'{_at(line)}: no existe el archivo {csv_path}.")
        sites = read_sites_csv(csv_path)
    by_url = {s.url: i for i, s in enumerate(sites)}
    for site in _inline_sites(table["sites"], text):
        if site.url in by_url:
            # An inline entry completes its CSV row (dependencias, hosts, a better name).
            i = by_url[site.url]
            base = sites[i]
            if base.source.startswith("portfolio.sites"):
                raise ConfigError(f"'{site.source}.url': el sitio {site.url} ya está en {base.source}.")
            sites[i] = dataclasses.replace(
                base,
                name=site.name or base.name,
                department=site.department or base.department,
                dane=site.dane or base.dane,
                hosts=site.hosts or base.hosts,
                dependencias=site.dependencias or base.dependencias,
                source=site.source,
            )
        else:
            by_url[site.url] = len(sites)
            sites.append(site)
    if not sites:
        raise ConfigError(
            f"'portfolio'{_at(line)}: la cartera no tiene sitios; use 'sites_csv' o entradas [[portfolio.sites]]."
        )
    return Portfolio(
        sites=tuple(sites),
        max_sites_at_once=table["max_sites_at_once"],
        concurrency_total=table["concurrency_total"],
        site_timeout_minutes=table["site_timeout_minutes"],
        sites_csv=csv_path,
    )


def portfolio_of(config: Config) -> Portfolio | None:
    """The portfolio of a config, or None for a single-site config."""
    found = config.portfolio
    if isinstance(found, Portfolio):
        return found
    if isinstance(config.raw, dict) and "portfolio" in config.raw:
        text = config.path.read_text(encoding="utf-8") if config.path.is_file() else ""
        return parse_portfolio(config.raw["portfolio"], text, config.path)
    return None


def site_config(config: Config, site: PortfolioSite) -> Config:
    """The single-site Config of one portfolio site: shared settings, its own URL and dependencias."""
    site_table = {**config.site, "url": site.url, "name": site.name, "hosts": list(site.hosts)}
    new = dataclasses.replace(config, site=site_table, dependencias=list(site.dependencias))
    new.portfolio = None  # type: ignore[attr-defined]  # a site config is a plain single-site config
    return new


def portfolio_configs(config: Config) -> list[Config]:
    """One Config per site of the portfolio (the config itself when it has no portfolio)."""
    portfolio = portfolio_of(config)
    if portfolio is None:
        return [config]
    return [site_config(config, s) for s in portfolio.sites]


def find_site(config: Config, selector: str) -> tuple[PortfolioSite, Config]:
    """The site a person named by DANE code, URL or name (accents and case ignored)."""
    portfolio = portfolio_of(config)
    if portfolio is None:
        raise ConfigError("la configuración no tiene [portfolio]; --site sólo aplica a una cartera de sitios.")
    wanted = _fold(selector)
    for test in (
        lambda s: s.dane and s.dane == selector.strip(),
        lambda s: s.url.rstrip("/") == selector.strip().rstrip("/"),
        lambda s: _fold(s.name) == wanted,
    ):
        found = [s for s in portfolio.sites if test(s)]
        if len(found) == 1:
            return found[0], site_config(config, found[0])
        if len(found) > 1:
            names = ", ".join(f"{s.label} ({s.department or s.url})" for s in found)
            raise ConfigError(f"'{selector}' corresponde a varios sitios: {names}; use el código DANE o la dirección.")
    raise ConfigError(f"No hay en la cartera un sitio con nombre, código DANE o dirección '{selector}'.")


def _fold(text: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.strip().lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# -- the store's list of sites -----------------------------------------------------------------
def register_sites(store: Any, portfolio: Portfolio) -> None:
    """Keep the portfolio's sites as rows of the store (name, department, DANE code, URL).

    Crawls refer to a site by ``crawls.site_url``; this table gives the rest, so Datasette or any
    SQL tool can group a portfolio's crawls by department. (Proposed as store migration 5.)
    """
    from gelt_audit.store import utcnow

    db = store.db
    db[STORE_TABLE].create(
        {"url": str, "name": str, "department": str, "dane": str, "updated_at": str}, pk="url", if_not_exists=True
    )
    now = utcnow()
    with db.conn:
        db[STORE_TABLE].upsert_all(
            [{"url": s.url, "name": s.name, "department": s.department, "dane": s.dane, "updated_at": now}
             for s in portfolio.sites],
            pk="url",
        )  # fmt: skip


# -- crawling: the portfolio as the crawler's plan (the crawler runs it, in one process or through Redis)
def crawl_plan(config: Config, sites: Sequence[PortfolioSite] | None = None) -> CrawlPlan:
    """The crawler's plan for a config: each site with its own Config (a single site: itself)."""
    # Scrapy loads only when something is crawled: every other command starts faster.
    from gelt_audit.crawler.run import CrawlPlan

    portfolio = portfolio_of(config)
    if portfolio is None:  # one site through Redis: a portfolio of one
        site = PortfolioSite(config.site_name, config.site_url, dependencias=tuple(config.dependencias))
        return CrawlPlan(sites=((site, config),))
    return CrawlPlan(
        sites=tuple((site, site_config(config, site)) for site in (sites or portfolio.sites)),
        max_at_once=portfolio.max_sites_at_once,
        concurrency=portfolio.per_crawler_concurrency,
        site_timeout=portfolio.site_timeout_minutes * 60,
        progress=False,
        register=functools.partial(register_sites, portfolio=portfolio),
    )


def crawl_portfolio(
    config: Config, on_done: Callable[[SiteResult], None] | None = None, sites: Sequence[PortfolioSite] | None = None
) -> list[SiteResult]:
    """Crawl every site of the portfolio into the one store, at most ``max_sites_at_once`` at a time."""
    from gelt_audit.crawler.run import crawl_sites  # Scrapy loads only when something is crawled

    if portfolio_of(config) is None:
        raise ConfigError("la configuración no tiene [portfolio].")
    return crawl_sites(crawl_plan(config, sites), on_done)


# -- command line ---------------------------------------------------------------------------------
_STATUS_ES = {"finished": "terminado", "failed": "fallido", "interrupted": "interrumpido", "running": "en curso"}


def _say(message: str) -> None:
    if sys.stdout.isatty():
        print(message, flush=True)


def cmd_crawl(args: Any) -> int:
    """`gelt-audit crawl` for a portfolio (one process) or through Redis (``--redis URL``)."""
    from gelt_audit.cli import setup_logging
    from gelt_audit.errors import EXIT_CRAWL_FAILED, EXIT_LOCKED, EXIT_OK, EXIT_UNREACHABLE, CommandError
    from gelt_audit.lock import LockedError, crawl_guard

    config = load_config(args.config)
    setup_logging(config)
    portfolio = portfolio_of(config)
    redis_url = getattr(args, "redis", None)
    if portfolio is None and not redis_url:
        from gelt_audit.cli import cmd_crawl as single

        return single(args)

    def report(result: SiteResult) -> None:
        status = _STATUS_ES.get(result.status, result.status)
        _say(f"{result.site.label}: {result.pages} respuestas, {result.errors} errores, {status}.")

    sites = portfolio.sites if portfolio else ()
    _say(f"Rastreando {len(sites) or 1} sitio(s) …")
    try:
        with crawl_guard(config.store_path):
            if redis_url:
                crawl_distributed = _distributed().crawl_distributed
                results = crawl_distributed(crawl_plan(config), redis_url, on_done=report)
            else:
                results = crawl_portfolio(config, on_done=report)
    except LockedError as exc:
        raise CommandError(str(exc), EXIT_LOCKED) from None
    failed = [r for r in results if r.status != "finished"]
    summary = f"{len(results) - len(failed)} de {len(results)} sitios rastreados sin problemas."
    log.info(summary)
    if not failed:
        _say(summary)
        return EXIT_OK
    for r in failed:
        why = r.error or _STATUS_ES.get(r.status, r.status)
        print(f"{r.site.label} ({r.site.url}): {why}", file=sys.stderr)
    print(summary, file=sys.stderr)
    return (
        EXIT_UNREACHABLE
        if all(r.site_unreachable for r in failed) and len(failed) == len(results)
        else EXIT_CRAWL_FAILED
    )


def _distributed() -> Any:
    """The Redis module, or a clear error when the optional dependencies are missing."""
    from gelt_audit.errors import EXIT_CONFIG, CommandError

    try:
        from gelt_audit.crawler import distributed
    except ImportError as exc:
        raise CommandError(
            f"El rastreo distribuido necesita scrapy-redis y redis ({exc.name} no está instalado): "
            "pip install 'gelt-audit[distributed]'",
            EXIT_CONFIG,
        ) from None
    return distributed


def cmd_worker(args: Any) -> int:
    """`gelt-audit worker --redis URL`: crawl what the coordinator puts in Redis, until stopped."""
    run_worker = _distributed().run_worker
    return run_worker(args.redis, exit_idle=args.exit_idle, log_level=args.log_level)


def cmd_ranking(args: Any) -> int:
    """`gelt-audit ranking`: the portfolio report (HTML, JSON or CSV)."""
    from gelt_audit.audits.portfolio import NoPortfolioData, ranking
    from gelt_audit.cli import setup_logging
    from gelt_audit.errors import EXIT_CONFIG, EXIT_NO_DATA, EXIT_OK, CommandError
    from gelt_audit.files import atomic_write
    from gelt_audit.reports import portfolio as report
    from gelt_audit.store import Store

    config = load_config(args.config)
    setup_logging(config)
    if portfolio_of(config) is None:
        raise CommandError(
            "La configuración no tiene [portfolio]: use 'gelt-audit report' para un solo sitio.", EXIT_CONFIG
        )
    with Store(config.store_path) as store:
        try:
            data = ranking(store, config)
        except NoPortfolioData as exc:
            raise CommandError(str(exc), EXIT_NO_DATA) from None
        if args.sites_dir:
            report.write_site_reports(store, config, Path(args.sites_dir))
    render = {"json": report.to_json, "csv": report.to_csv, "html": report.to_html}[args.format]
    text = render(data)
    if args.output:
        atomic_write(Path(args.output), text)  # to_csv's text starts with the BOM that makes Excel read UTF-8
        _say(f"Informe de la cartera escrito en {args.output}")
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return EXIT_OK


def add_commands(sub: Any, add_config: Callable[[Any], None]) -> None:
    """Add `worker` and `ranking`, and `--redis` to `crawl`, to the CLI's subparsers."""
    if "worker" in sub.choices:
        return
    crawl = sub.choices.get("crawl")
    if crawl is not None:
        crawl.add_argument(
            "--redis",
            metavar="URL",
            help="rastreo distribuido: siembra los sitios en Redis y espera a los trabajadores",
        )
        crawl.set_defaults(func=cmd_crawl)
    p = sub.add_parser(
        "worker",
        help="trabajador de un rastreo distribuido: toma las páginas de Redis y devuelve los resultados",
        description="Trabajador de un rastreo distribuido: toma las páginas de Redis y devuelve los resultados. "
        "No usa el almacén SQLite: el proceso 'crawl --redis' lo escribe.",
    )
    p.add_argument("--redis", required=True, metavar="URL", help="dirección de Redis, p. ej. redis://10.0.0.5:6379/0")
    p.add_argument("--exit-idle", type=float, default=0, metavar="SEGUNDOS",
                   help="terminar tras estos segundos sin sitios por rastrear (por defecto: nunca)")  # fmt: skip
    p.add_argument(
        "--log-level", default="INFO", choices=["DEBUG", "INFO", "WARNING", "ERROR"], help="detalle del registro"
    )
    p.set_defaults(func=cmd_worker)
    p = sub.add_parser(
        "ranking",
        help="informe de la cartera: sitios ordenados por lista de chequeo, actualización y enlaces rotos",
        description="Informe de la cartera de sitios: clasificación por lista de chequeo, frecuencia de "
        "actualización y enlaces rotos, con el cambio desde el periodo anterior, por departamento.",
    )
    add_config(p)
    p.add_argument("--format", choices=["html", "json", "csv"], default="html", help="formato del informe")
    p.add_argument("--output", metavar="ARCHIVO", help="archivo de salida (por defecto, la salida estándar)")
    p.add_argument(
        "--sites-dir", metavar="CARPETA", help="escribe además el informe JSON de cada sitio en esta carpeta"
    )
    p.set_defaults(func=cmd_ranking)
