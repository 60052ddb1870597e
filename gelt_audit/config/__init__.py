"""Read and validate gelt.toml: every bad key or value is named, with its line.

The tables are typed sections (:mod:`gelt_audit.config.schema`); ``[portfolio]`` is parsed by
:mod:`gelt_audit.config.portfolio`. Everything a caller needs is importable from here.
"""

from __future__ import annotations

import os
import re
import tomllib
import unicodedata
from collections.abc import Callable
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from gelt_audit.config.portfolio import (
    Portfolio,
    PortfolioSite,
    find_site,
    parse_portfolio,
    portfolio_configs,
    portfolio_of,
    read_sites_csv,
    site_config,
)
from gelt_audit.config.schema import (
    NOISE_RULE_KEYS,
    SCHEMA,
    SECTIONS,
    AlertsConfig,
    ChecklistConfig,
    Config,
    Dependencia,
    EmailConfig,
    LinksConfig,
    LogConfig,
    NoiseConfig,
    NoiseRule,
    ReportsConfig,
    ScheduleConfig,
    Section,
    SiteConfig,
    StoreConfig,
    TargetsConfig,
    check_str_list,
    check_table,
    line_of,
    parse_dependencias,
    site_url_problem,
    where,
)
from gelt_audit.config.toml_errors import spoken_toml_error
from gelt_audit.errors import ConfigError

__all__ = [
    "SCHEMA",
    "SECTIONS",
    "WEEKDAYS",
    "AlertsConfig",
    "ChecklistConfig",
    "Config",
    "ConfigError",
    "Dependencia",
    "EmailConfig",
    "LinksConfig",
    "LogConfig",
    "NoiseConfig",
    "NoiseRule",
    "Portfolio",
    "PortfolioSite",
    "ReportsConfig",
    "ScheduleConfig",
    "Section",
    "SiteConfig",
    "StoreConfig",
    "TargetsConfig",
    "dependencia_for",
    "dependencia_lookup",
    "find_site",
    "line_of",
    "load_config",
    "parse_config",
    "portfolio_configs",
    "portfolio_of",
    "read_sites_csv",
    "site_config",
]


def _check_regexes(patterns: tuple[str, ...], key: str, text: str, table: str) -> None:
    for p in patterns:
        try:
            re.compile(p)
        except re.error as exc:
            raise ConfigError(
                f"Expresión regular inválida en '{key}'{where(text, key.split('.')[-1], table)}: {p!r} ({exc})."
            ) from None


def parse_config(text: str, path: Path) -> Config:
    """Validate TOML text; raise ConfigError naming the offending key and line."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: {spoken_toml_error(exc)}") from None
    allowed = set(SCHEMA) | {"dependencias", "portfolio"}
    for key in data:
        if key not in allowed:
            raise ConfigError(
                f"Sección desconocida '{key}'{where(text, key, key)}. Secciones válidas: {', '.join(sorted(allowed))}."
            )
    for table in SCHEMA:
        if table in data and not isinstance(data[table], dict):
            raise ConfigError(f"'{table}'{where(text, table, None)} debe ser una tabla [{table}].")
    portfolio = None
    if "portfolio" in data:
        portfolio = parse_portfolio(data["portfolio"], text, path)
        site_table = data.setdefault("site", {})
        if isinstance(site_table, dict) and "url" not in site_table:
            # [site] then holds the shared politeness; its url stands for the portfolio's first site
            site_table["url"] = portfolio.sites[0].url
    if "site" not in data:
        raise ConfigError(f"{path}: falta la sección [site] con la clave obligatoria 'site.url'.")
    if isinstance(data.get("email"), dict) and "password" in data["email"]:
        raise ConfigError(
            f"'email.password'{where(text, 'password', 'email')}: la contraseña SMTP no va en el archivo; "
            "póngala en la variable de entorno que nombra 'email.password_env' (por defecto GELT_SMTP_PASSWORD)."
        )
    tables = {t: check_table(data.get(t, {}), SCHEMA[t], t, text) for t in SCHEMA}
    _check_site(tables["site"], text)
    _check_tables(tables, text)
    store_path = _check_store_path(path.parent / tables["store"]["path"], text)
    log_file = path.parent / tables["log"]["path"] if tables["log"]["path"] else store_path.with_suffix(".log")
    _check_not_under_file(log_file, "log.path", text, want_dir=False)
    _check_not_under_file(path.parent / tables["reports"]["dir"], "reports.dir", text, want_dir=True)
    dependencias = parse_dependencias(data.get("dependencias", []), text)
    noise = _parse_noise(tables["noise"], text)
    sections = {name: SECTIONS[name].from_table(tables[name]) for name in tables if name not in ("store", "noise")}
    return Config(
        path=path,
        store_path=store_path,
        dependencias=dependencias,
        noise=noise,
        portfolio=portfolio,
        raw=data,
        **sections,
    )


def _check_site(site: dict[str, Any], text: str) -> None:
    """Normalise and check the [site] table in place."""
    _check_url(site["url"], text)
    site["hosts"] = list(check_str_list(site["hosts"], "site.hosts", text, "site"))
    site["exclude"] = list(check_str_list(site["exclude"], "site.exclude", text, "site"))
    site["session_params"] = [
        p.lower() for p in check_str_list(site["session_params"], "site.session_params", text, "site")
    ]
    _check_regexes(tuple(site["exclude"]), "site.exclude", text, "site")
    for key in (
        "max_pages",
        "max_depth",
        "max_query_variants",
        "concurrency",
        "max_response_mb",
        "timeout",
        "max_links_per_page",
    ):
        if site[key] <= 0:
            raise ConfigError(f"'site.{key}'{where(text, key, 'site')} debe ser mayor que cero (es {site[key]}).")
    if site["delay"] < 0:
        raise ConfigError(f"'site.delay'{where(text, 'delay', 'site')} no puede ser negativo.")
    # Ranges the crawler can use: 0 bytes would mean "no size limit" to Scrapy.
    for key, low, high in (
        ("max_response_mb", 0.001, 4096),
        ("timeout", 0.001, 3600),
        ("delay", 0, 3600),
        ("max_duration_minutes", 0.01, 10080),
    ):
        if not low <= site[key] <= high:
            raise ConfigError(
                f"'site.{key}'{where(text, key, 'site')} debe estar entre {low} y {high} (es {site[key]})."
            )


def _check_tables(tables: dict[str, dict[str, Any]], text: str) -> None:
    """Normalise and check every table but [site], [store] and [noise] in place."""
    if tables["targets"]["updates_per_month"] < 0:
        raise ConfigError(
            f"'targets.updates_per_month'{where(text, 'updates_per_month', 'targets')} no puede ser negativo."
        )
    if tables["log"]["level"].upper() not in ("DEBUG", "INFO", "WARNING", "ERROR"):
        raise ConfigError(f"'log.level'{where(text, 'level', 'log')} debe ser DEBUG, INFO, WARNING o ERROR.")

    for table, key in (
        ("links", "exclude"),
        ("links", "entidades"),
        ("checklist", "profiles"),
        ("schedule", "committee_dates"),
        ("email", "to"),
        ("alerts", "apprise"),
    ):
        tables[table][key] = list(check_str_list(tables[table][key], f"{table}.{key}", text, table))
    _check_regexes(tuple(tables["links"]["exclude"]), "links.exclude", text, "links")
    links = tables["links"]
    for key, low, high in (
        ("timeout", 0.001, 3600),
        ("per_host", 1, 64),
        ("delay", 0, 3600),
        ("recheck_ok_days", 0, 3650),
    ):
        if not low <= links[key] <= high:
            raise ConfigError(
                f"'links.{key}'{where(text, key, 'links')} debe estar entre {low} y {high} (es {links[key]})."
            )
    if not 1 <= tables["email"]["port"] <= 65535:
        raise ConfigError(f"'email.port'{where(text, 'port', 'email')} debe estar entre 1 y 65535.")
    if not all(isinstance(item, dict) for item in tables["checklist"]["items"]):
        raise ConfigError(
            f"'checklist.items'{where(text, 'items', 'checklist')} debe escribirse como [[checklist.items]] "
            "(una tabla por ítem, con id, name y sus reglas)."
        )
    for alias, values in tables["checklist"]["hosts"].items():
        tables["checklist"]["hosts"][alias] = list(
            check_str_list(
                values if isinstance(values, list) else [None], f"checklist.hosts.{alias}", text, "checklist"
            )
        )
    _check_schedule(tables["schedule"], text)
    if tables["links"]["private_addresses"] not in ("auto", "allow", "block"):
        raise ConfigError(
            f"'links.private_addresses'{where(text, 'private_addresses', 'links')} debe ser \"auto\" (bloquear "
            'direcciones privadas salvo que el sitio mismo esté en una), "allow" o "block".'
        )


WEEKDAYS = {
    "lunes": "monday", "martes": "tuesday", "miercoles": "wednesday", "miércoles": "wednesday",
    "jueves": "thursday", "viernes": "friday", "sabado": "saturday", "sábado": "saturday", "domingo": "sunday",
}  # fmt: skip
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


def _check_schedule(schedule: dict[str, Any], text: str) -> None:
    if schedule["crawl"] and not _TIME.match(schedule["crawl"]):
        raise ConfigError(
            f"'schedule.crawl'{where(text, 'crawl', 'schedule')} debe ser una hora HH:MM, p. ej. \"06:00\"."
        )
    weekly = schedule["weekly_report"].split()
    if schedule["weekly_report"] and (
        len(weekly) != 2 or weekly[0].lower() not in WEEKDAYS or not _TIME.match(weekly[1])
    ):
        raise ConfigError(
            f"'schedule.weekly_report'{where(text, 'weekly_report', 'schedule')} debe ser un día y una hora, "
            f'p. ej. "lunes 07:00".'
        )
    for value in schedule["committee_dates"]:
        try:
            date.fromisoformat(value)
        except ValueError:
            raise ConfigError(
                f"'schedule.committee_dates'{where(text, 'committee_dates', 'schedule')}: fecha inválida {value!r} "
                "(use AAAA-MM-DD)."
            ) from None


def _check_url(url: str, text: str) -> None:
    if problem := site_url_problem(url):
        raise ConfigError(f"'site.url'{where(text, 'url', 'site')} {problem}.")


def _check_store_path(store: Path, text: str) -> Path:
    if "\x00" in str(store) or store.is_dir():
        raise ConfigError(f"'store.path'{where(text, 'path', 'store')} debe ser un archivo, p. ej. \"gelt.db\".")
    parent = store.parent
    if not parent.is_dir():
        raise ConfigError(
            f"'store.path'{where(text, 'path', 'store')}: la carpeta {parent} no existe; créela o cambie la ruta."
        )
    if not os.access(parent, os.W_OK) or (store.exists() and not os.access(store, os.W_OK)):
        raise ConfigError(f"'store.path'{where(text, 'path', 'store')}: no se puede escribir en {store}.")
    return store


def _check_not_under_file(target: Path, key: str, text: str, want_dir: bool) -> None:
    """A file or folder the tool will write: refuse what can never work (a missing folder may
    still be created, or come back, by the time it is written)."""
    table, name = key.split(".")
    at = f"'{key}'{where(text, name, table)}"
    if "\x00" in str(target):
        raise ConfigError(f"{at} no puede contener el carácter nulo.")
    if target.exists() and target.is_dir() != want_dir:
        found, wanted = ("un archivo", "una carpeta") if want_dir else ("una carpeta", "un archivo")
        raise ConfigError(f"{at}: {target} es {found}; debe ser {wanted}.")
    for parent in target.parents:
        if parent.exists():
            if not parent.is_dir():
                raise ConfigError(f"{at}: {parent} es un archivo, no una carpeta; cambie la ruta.")
            return


def _check_selectors(selectors: tuple[str, ...], key: str, text: str, table: str) -> None:
    from cssselect import SelectorError
    from lxml.cssselect import CSSSelector

    for s in selectors:
        try:
            CSSSelector(s)
        except (SelectorError, ValueError) as exc:
            raise ConfigError(
                f"Selector CSS inválido en '{key}'{where(text, key.split('.')[-1], table)}: {s!r} ({exc})."
            ) from None


def _parse_noise(noise: dict[str, Any], text: str) -> list[NoiseRule]:
    selectors = check_str_list(noise["selectors"], "noise.selectors", text, "noise")
    _check_selectors(selectors, "noise.selectors", text, "noise")
    patterns = check_str_list(noise["patterns"], "noise.patterns", text, "noise")
    _check_regexes(patterns, "noise.patterns", text, "noise")
    rules = [NoiseRule("", selectors, patterns)]
    for n, item in enumerate(noise["rules"], 1):
        label = f"noise.rules[{n}]"
        if not isinstance(item, dict):
            raise ConfigError(f"'{label}' debe escribirse como [[noise.rules]].")
        values = check_table(item, NOISE_RULE_KEYS, "noise.rules", text, label)
        rule = NoiseRule(
            values["prefix"],
            check_str_list(values["selectors"], f"{label}.selectors", text, "noise.rules"),
            check_str_list(values["patterns"], f"{label}.patterns", text, "noise.rules"),
        )
        _check_regexes(rule.patterns, f"{label}.patterns", text, "noise.rules")
        _check_selectors(rule.selectors, f"{label}.selectors", text, "noise.rules")
        rules.append(rule)
    return rules


def load_config(path: str | os.PathLike[str]) -> Config:
    """Read and validate the config file at ``path``."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(
            f"No se encontró el archivo de configuración {p}. Créelo con: gelt-audit init --url URL"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"No se pudo leer {p}: {exc}") from None
    return parse_config(text, p.resolve())


def path_key(path: str) -> str:
    """A URL path as a person reads it: percent-escapes decoded, accents in one Unicode form.

    Servers send ``/plan-de-acci%C3%B3n/`` where the config says ``/plan-de-acción/`` (and some
    editors write the accent as two code points): both must name the same section.
    """
    return unicodedata.normalize("NFC", unquote(path))


@lru_cache(maxsize=1024)
def _match_keys(match: tuple[str, ...]) -> tuple[str, ...]:
    """A dependencia's prefixes as :func:`path_key` reads them (read once, not once per URL)."""
    return tuple(map(path_key, match))


def dependencia_for(path: str, dependencias: list[Dependencia]) -> Dependencia | None:
    """The dependencia whose longest match prefix starts ``path``; config order breaks ties.

    Path and prefixes are compared as :func:`path_key` reads them.
    """
    return dependencia_lookup(tuple(dependencias))(path)


class _Prefixes:
    """The configured prefixes grouped by length, longest first: a path is looked up once per
    length (audits ask for every page and link of a site), not against every prefix."""

    def __init__(self, dependencias: tuple[Dependencia, ...]) -> None:
        first: dict[str, Dependencia] = {}
        for dep in dependencias:
            for prefix in _match_keys(dep.match):
                first.setdefault(prefix, dep)  # config order breaks ties between equal prefixes
        lengths = sorted({len(p) for p in first}, reverse=True)
        self.by_length = [(n, {p: d for p, d in first.items() if len(p) == n}) for n in lengths]

    def find(self, path: str) -> Dependencia | None:
        if "%" in path or not path.isascii():  # else path_key(path) is path
            path = path_key(path)
        for length, prefixes in self.by_length:
            if len(path) >= length and (found := prefixes.get(path[:length])) is not None:
                return found
        return None


@lru_cache(maxsize=64)
def dependencia_lookup(dependencias: tuple[Dependencia, ...]) -> Callable[[str], Dependencia | None]:
    """:func:`dependencia_for` of these dependencias, as a function of the path alone (for callers
    that ask for many paths)."""
    return _Prefixes(dependencias).find
