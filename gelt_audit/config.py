"""Read and validate gelt.toml: every bad key or value is named, with its line."""

from __future__ import annotations

import math
import os
import re
import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from gelt_audit.errors import ConfigError

# table -> key -> (accepted types, default). None as default means "required".
_REQUIRED = object()
SCHEMA: dict[str, dict[str, tuple[tuple[type, ...], Any]]] = {
    "site": {
        "name": ((str,), ""),
        "url": ((str,), _REQUIRED),
        "hosts": ((list,), []),
        "max_pages": ((int,), 5000),
        "max_depth": ((int,), 20),
        "max_query_variants": ((int,), 10),
        "max_response_mb": ((int, float), 10),
        "delay": ((int, float), 0.5),
        "concurrency": ((int,), 2),
        "autothrottle": ((bool,), True),
        "timeout": ((int, float), 30),
        "obey_robots": ((bool,), True),
        "contact": ((str,), ""),
        "exclude": ((list,), []),
        "session_params": ((list,), ["sid", "sessionid", "phpsessid", "jsessionid", "sesskey", "session_id"]),
    },
    "store": {
        "path": ((str,), "gelt.db"),
    },
    "targets": {
        "updates_per_month": ((int,), 4),
    },
    "noise": {
        "selectors": ((list,), []),
        "patterns": ((list,), []),
        "rules": ((list,), []),
    },
    "reports": {
        "dir": ((str,), "informes"),
        "logo": ((str,), ""),
        "templates": ((str,), ""),
    },
    "log": {
        "path": ((str,), ""),
        "level": ((str,), "INFO"),
    },
    "links": {
        "check_external": ((bool,), True),
        "recheck_ok_days": ((int,), 7),
        "timeout": ((int, float), 15),
        "per_host": ((int,), 2),
        "delay": ((int, float), 0.5),
        "exclude": ((list,), []),
        "private_addresses": ((str,), "auto"),
        "entidades": ((list,), []),
    },
    "checklist": {
        "profiles": ((list,), ["gelt-2008", "ley1712-res1519"]),
        "items": ((list,), []),
        "file": ((str,), ""),
        "manual": ((str,), ""),
        "hosts": ((dict,), {}),
    },
    "schedule": {
        "crawl": ((str,), "06:00"),
        "weekly_report": ((str,), "lunes 07:00"),
        "committee_dates": ((list,), []),
    },
    "email": {
        "host": ((str,), ""),
        "port": ((int,), 587),
        "username": ((str,), ""),
        "password_env": ((str,), "GELT_SMTP_PASSWORD"),
        "sender": ((str,), ""),
        "to": ((list,), []),
        "starttls": ((bool,), True),
        "ssl": ((bool,), False),
        "per_responsable": ((bool,), False),
    },
    "alerts": {
        "email": ((bool,), True),
        "apprise": ((list,), []),
    },
}
DEPENDENCIA_KEYS: dict[str, tuple[tuple[type, ...], Any]] = {
    "name": ((str,), _REQUIRED),
    "responsable": ((str,), ""),
    "email": ((str,), ""),
    "match": ((list,), _REQUIRED),
}
NOISE_RULE_KEYS: dict[str, tuple[tuple[type, ...], Any]] = {
    "prefix": ((str,), _REQUIRED),
    "selectors": ((list,), []),
    "patterns": ((list,), []),
}
_TYPE_NAMES = {str: "texto", int: "entero", float: "número", bool: "true/false", list: "lista", dict: "tabla"}


@dataclass(frozen=True)
class Dependencia:
    name: str
    responsable: str
    email: str
    match: tuple[str, ...]


@dataclass(frozen=True)
class NoiseRule:
    """CSS selectors and regular expressions to ignore; prefix "" applies site-wide."""

    prefix: str
    selectors: tuple[str, ...]
    patterns: tuple[str, ...]


@dataclass
class Config:
    path: Path
    site: dict[str, Any]
    store_path: Path
    dependencias: list[Dependencia]
    targets: dict[str, Any]
    noise: list[NoiseRule]
    reports: dict[str, Any]
    log: dict[str, Any]
    links: dict[str, Any] = field(default_factory=dict)
    checklist: dict[str, Any] = field(default_factory=dict)
    schedule: dict[str, Any] = field(default_factory=dict)
    email: dict[str, Any] = field(default_factory=dict)
    alerts: dict[str, Any] = field(default_factory=dict)
    portfolio: Any = None  # gelt_audit.portfolio.Portfolio when the config lists many sites
    raw: dict[str, Any] = field(default_factory=dict)

    @property
    def site_url(self) -> str:
        return self.site["url"]

    @property
    def site_name(self) -> str:
        return self.site["name"] or urlsplit(self.site["url"]).hostname or self.site["url"]

    @property
    def hosts(self) -> tuple[str, ...]:
        """The netlocs (host[:port]) the crawler may visit."""
        own = urlsplit(self.site["url"]).netloc.lower()
        return tuple(dict.fromkeys([own, *(h.lower() for h in self.site["hosts"])]))

    @property
    def reports_dir(self) -> Path:
        return self.path.parent / self.reports["dir"]

    @property
    def log_path(self) -> Path:
        if self.log["path"]:
            return self.path.parent / self.log["path"]
        return self.store_path.with_suffix(".log")


def line_of(text: str, key: str, table: str | None = None) -> int | None:
    """The line where ``key`` is set (inside ``[table]`` when given), or where the table starts."""
    lines = text.splitlines()
    start = 0
    if table:
        header = re.compile(r"^\s*\[\[?\s*" + re.escape(table) + r"\s*\]\]?\s*(#.*)?$")
        for i, line in enumerate(lines):
            if header.match(line):
                start = i
                break
    pattern = re.compile(r"^\s*[\"']?" + re.escape(key) + r"[\"']?\s*=")
    for i in range(start, len(lines)):
        if pattern.match(lines[i]):
            return i + 1
    if table:
        return start + 1 if start or (lines and table in lines[0]) else None
    return None


def _where(text: str, key: str, table: str | None) -> str:
    line = line_of(text, key, table)
    return f" (línea {line})" if line else ""


def _check_table(
    values: dict[str, Any],
    schema: dict[str, tuple[tuple[type, ...], Any]],
    table: str,
    text: str,
    label: str | None = None,
) -> dict[str, Any]:
    """Check keys and types of one table; return it with defaults filled in."""
    label = label or table
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key not in schema:
            known = ", ".join(sorted(schema))
            raise ConfigError(
                f"Clave desconocida '{label}.{key}'{_where(text, key, table)}. Claves válidas en [{label}]: {known}."
            )
        types, _ = schema[key]
        # bool is an int in Python; do not accept true where a number is expected
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            expected = " o ".join(_TYPE_NAMES[t] for t in types)
            raise ConfigError(
                f"Valor inválido para '{label}.{key}'{_where(text, key, table)}: se esperaba {expected}, "
                f"se encontró {value!r}."
            )
        if isinstance(value, float) and not math.isfinite(value):
            raise ConfigError(
                f"Valor inválido para '{label}.{key}'{_where(text, key, table)}: debe ser un número finito, "
                f"se encontró {value!r}."
            )
        out[key] = value
    for key, (_, default) in schema.items():
        if key not in out:
            if default is _REQUIRED:
                raise ConfigError(f"Falta la clave obligatoria '{label}.{key}'{_where(text, table or key, None)}.")
            out[key] = type(default)(default) if isinstance(default, (list, dict)) else default
    return out


def _check_str_list(values: list, key: str, text: str, table: str) -> tuple[str, ...]:
    if not all(isinstance(v, str) for v in values):
        raise ConfigError(f"'{key}'{_where(text, key.split('.')[-1], table)} debe ser una lista de textos.")
    return tuple(values)


def _check_regexes(patterns: tuple[str, ...], key: str, text: str, table: str) -> None:
    for p in patterns:
        try:
            re.compile(p)
        except re.error as exc:
            raise ConfigError(
                f"Expresión regular inválida en '{key}'{_where(text, key.split('.')[-1], table)}: {p!r} ({exc})."
            ) from None


def parse_config(text: str, path: Path) -> Config:
    """Validate TOML text; raise ConfigError naming the offending key and line."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: TOML inválido: {exc}") from None
    allowed = set(SCHEMA) | {"dependencias", "portfolio"}
    for key in data:
        if key not in allowed:
            raise ConfigError(
                f"Sección desconocida '{key}'{_where(text, key, key)}. Secciones válidas: {', '.join(sorted(allowed))}."
            )
    for table in SCHEMA:
        if table in data and not isinstance(data[table], dict):
            raise ConfigError(f"'{table}'{_where(text, table, None)} debe ser una tabla [{table}].")
    portfolio = None
    if "portfolio" in data:
        from gelt_audit.portfolio import parse_portfolio  # lazy: portfolio imports this module

        portfolio = parse_portfolio(data["portfolio"], text, path)
        site_table = data.setdefault("site", {})
        if isinstance(site_table, dict) and "url" not in site_table:
            # [site] then holds the shared politeness; its url stands for the portfolio's first site
            site_table["url"] = portfolio.sites[0].url
    if "site" not in data:
        raise ConfigError(f"{path}: falta la sección [site] con la clave obligatoria 'site.url'.")
    if isinstance(data.get("email"), dict) and "password" in data["email"]:
        raise ConfigError(
            f"'email.password'{_where(text, 'password', 'email')}: la contraseña SMTP no va en el archivo; "
            "póngala en la variable de entorno que nombra 'email.password_env' (por defecto GELT_SMTP_PASSWORD)."
        )
    tables = {t: _check_table(data.get(t, {}), SCHEMA[t], t, text) for t in SCHEMA}
    site = tables["site"]
    _check_url(site["url"], text)
    site["hosts"] = list(_check_str_list(site["hosts"], "site.hosts", text, "site"))
    site["exclude"] = list(_check_str_list(site["exclude"], "site.exclude", text, "site"))
    site["session_params"] = [
        p.lower() for p in _check_str_list(site["session_params"], "site.session_params", text, "site")
    ]
    _check_regexes(tuple(site["exclude"]), "site.exclude", text, "site")
    for key in ("max_pages", "max_depth", "max_query_variants", "concurrency", "max_response_mb", "timeout"):
        if site[key] <= 0:
            raise ConfigError(f"'site.{key}'{_where(text, key, 'site')} debe ser mayor que cero (es {site[key]}).")
    if site["delay"] < 0:
        raise ConfigError(f"'site.delay'{_where(text, 'delay', 'site')} no puede ser negativo.")
    # Ranges the crawler can use: 0 bytes would mean "no size limit" to Scrapy.
    for key, low, high in (("max_response_mb", 0.001, 4096), ("timeout", 0.001, 3600), ("delay", 0, 3600)):
        if not low <= site[key] <= high:
            raise ConfigError(
                f"'site.{key}'{_where(text, key, 'site')} debe estar entre {low} y {high} (es {site[key]})."
            )
    if tables["targets"]["updates_per_month"] < 0:
        raise ConfigError(
            f"'targets.updates_per_month'{_where(text, 'updates_per_month', 'targets')} no puede ser negativo."
        )
    if tables["log"]["level"].upper() not in ("DEBUG", "INFO", "WARNING", "ERROR"):
        raise ConfigError(f"'log.level'{_where(text, 'level', 'log')} debe ser DEBUG, INFO, WARNING o ERROR.")

    for table, key in (
        ("links", "exclude"),
        ("links", "entidades"),
        ("checklist", "profiles"),
        ("schedule", "committee_dates"),
        ("email", "to"),
        ("alerts", "apprise"),
    ):
        tables[table][key] = list(_check_str_list(tables[table][key], f"{table}.{key}", text, table))
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
                f"'links.{key}'{_where(text, key, 'links')} debe estar entre {low} y {high} (es {links[key]})."
            )
    if not 1 <= tables["email"]["port"] <= 65535:
        raise ConfigError(f"'email.port'{_where(text, 'port', 'email')} debe estar entre 1 y 65535.")
    for alias, values in tables["checklist"]["hosts"].items():
        tables["checklist"]["hosts"][alias] = list(
            _check_str_list(
                values if isinstance(values, list) else [None], f"checklist.hosts.{alias}", text, "checklist"
            )
        )
    _check_schedule(tables["schedule"], text)
    if tables["links"]["private_addresses"] not in ("auto", "allow", "block"):
        raise ConfigError(
            f"'links.private_addresses'{_where(text, 'private_addresses', 'links')} debe ser \"auto\" (bloquear "
            'direcciones privadas salvo que el sitio mismo esté en una), "allow" o "block".'
        )
    store_path = _check_store_path(path.parent / tables["store"]["path"], text)
    dependencias = _parse_dependencias(data.get("dependencias", []), text)
    noise = _parse_noise(tables["noise"], text)
    return Config(
        path=path,
        site=site,
        store_path=store_path,
        dependencias=dependencias,
        targets=tables["targets"],
        noise=noise,
        reports=tables["reports"],
        log=tables["log"],
        links=tables["links"],
        checklist=tables["checklist"],
        schedule=tables["schedule"],
        email=tables["email"],
        alerts=tables["alerts"],
        portfolio=portfolio,
        raw=data,
    )


WEEKDAYS = {
    "lunes": "monday", "martes": "tuesday", "miercoles": "wednesday", "miércoles": "wednesday",
    "jueves": "thursday", "viernes": "friday", "sabado": "saturday", "sábado": "saturday", "domingo": "sunday",
}  # fmt: skip
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


def _check_schedule(schedule: dict[str, Any], text: str) -> None:
    if schedule["crawl"] and not _TIME.match(schedule["crawl"]):
        raise ConfigError(
            f"'schedule.crawl'{_where(text, 'crawl', 'schedule')} debe ser una hora HH:MM, p. ej. \"06:00\"."
        )
    weekly = schedule["weekly_report"].split()
    if schedule["weekly_report"] and (
        len(weekly) != 2 or weekly[0].lower() not in WEEKDAYS or not _TIME.match(weekly[1])
    ):
        raise ConfigError(
            f"'schedule.weekly_report'{_where(text, 'weekly_report', 'schedule')} debe ser un día y una hora, "
            f'p. ej. "lunes 07:00".'
        )
    for value in schedule["committee_dates"]:
        try:
            date.fromisoformat(value)
        except ValueError:
            raise ConfigError(
                f"'schedule.committee_dates'{_where(text, 'committee_dates', 'schedule')}: fecha inválida {value!r} "
                "(use AAAA-MM-DD)."
            ) from None


def _check_url(url: str, text: str) -> None:
    try:
        parts = urlsplit(url)
        host, _ = parts.hostname, parts.port  # .port raises ValueError when out of range
    except ValueError:  # "http://[::1/", "http://[zz]/": a bracketed host that is not an IP address
        host = None
    if not host or parts.scheme not in ("http", "https"):
        raise ConfigError(
            f"'site.url'{_where(text, 'url', 'site')} debe ser una dirección http:// o https:// completa, "
            f"se encontró {url!r}."
        )


def _check_store_path(store: Path, text: str) -> Path:
    if "\x00" in str(store) or store.is_dir():
        raise ConfigError(f"'store.path'{_where(text, 'path', 'store')} debe ser un archivo, p. ej. \"gelt.db\".")
    parent = store.parent
    if not parent.is_dir():
        raise ConfigError(
            f"'store.path'{_where(text, 'path', 'store')}: la carpeta {parent} no existe; créela o cambie la ruta."
        )
    if not os.access(parent, os.W_OK) or (store.exists() and not os.access(store, os.W_OK)):
        raise ConfigError(f"'store.path'{_where(text, 'path', 'store')}: no se puede escribir en {store}.")
    return store


def _parse_dependencias(
    items: Any, text: str, table: str = "dependencias", prefix: str = "", where: str | None = None
) -> list[Dependencia]:
    """[[dependencias]] of the config (or the dependencias of a portfolio site, under ``prefix``)."""
    where = _where(text, "dependencias", None) if where is None else where
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise ConfigError(
            f"'{prefix}dependencias'{where} debe escribirse como [[dependencias]] (tablas con name y match)."
        )
    out = []
    names = set()
    for n, item in enumerate(items, 1):
        label = f"{prefix}dependencias[{n}]"
        values = _check_table(item, DEPENDENCIA_KEYS, table, text, label)
        match = _check_str_list(values["match"], f"{label}.match", text, table)
        bad = [m for m in match if not m.startswith("/")]
        if bad:
            raise ConfigError(f"'{label}.match'{where}: cada prefijo debe empezar por '/', se encontró {bad[0]!r}.")
        if values["name"] in names:
            raise ConfigError(f"'{label}.name'{where}: la dependencia {values['name']!r} está repetida.")
        names.add(values["name"])
        out.append(Dependencia(values["name"], values["responsable"], values["email"], match))
    return out


def _check_selectors(selectors: tuple[str, ...], key: str, text: str, table: str) -> None:
    from cssselect import SelectorError
    from lxml.cssselect import CSSSelector

    for s in selectors:
        try:
            CSSSelector(s)
        except (SelectorError, ValueError) as exc:
            raise ConfigError(
                f"Selector CSS inválido en '{key}'{_where(text, key.split('.')[-1], table)}: {s!r} ({exc})."
            ) from None


def _parse_noise(noise: dict[str, Any], text: str) -> list[NoiseRule]:
    selectors = _check_str_list(noise["selectors"], "noise.selectors", text, "noise")
    _check_selectors(selectors, "noise.selectors", text, "noise")
    patterns = _check_str_list(noise["patterns"], "noise.patterns", text, "noise")
    _check_regexes(patterns, "noise.patterns", text, "noise")
    rules = [NoiseRule("", selectors, patterns)]
    for n, item in enumerate(noise["rules"], 1):
        label = f"noise.rules[{n}]"
        if not isinstance(item, dict):
            raise ConfigError(f"'{label}' debe escribirse como [[noise.rules]].")
        values = _check_table(item, NOISE_RULE_KEYS, "noise.rules", text, label)
        rule = NoiseRule(
            values["prefix"],
            _check_str_list(values["selectors"], f"{label}.selectors", text, "noise.rules"),
            _check_str_list(values["patterns"], f"{label}.patterns", text, "noise.rules"),
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


def dependencia_for(path: str, dependencias: list[Dependencia]) -> Dependencia | None:
    """The dependencia whose longest match prefix starts ``path``; config order breaks ties."""
    best: Dependencia | None = None
    best_len = -1
    for dep in dependencias:
        for prefix in dep.match:
            if path.startswith(prefix) and len(prefix) > best_len:
                best, best_len = dep, len(prefix)
    return best
