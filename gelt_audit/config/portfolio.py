"""The ``[portfolio]`` table: many sites in one config (a gobernación's portfolio).

The config lists sites inline (``[[portfolio.sites]]``) and/or in a CSV (``sites_csv``: name,
department, dane, url). ``[site]`` then holds the politeness defaults every site shares; each site
gets its own single-site :class:`Config` (:func:`site_config`), so the crawler, the store and the
audits need no change. Without ``[portfolio]`` nothing here runs.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import re
import unicodedata
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from gelt_audit.config.schema import (
    REQUIRED,
    Config,
    Dependencia,
    KeySchema,
    Portfolio,
    PortfolioSite,
    check_str_list,
    check_table,
    parse_dependencias,
    site_url_problem,
)
from gelt_audit.errors import ConfigError

PORTFOLIO_KEYS: KeySchema = {
    "sites_csv": ((str,), ""),
    "max_sites_at_once": ((int,), 8),
    "concurrency_total": ((int,), 64),
    "site_timeout_minutes": ((int, float), 0),
    "sites": ((list,), []),
}
SITE_KEYS: KeySchema = {
    "name": ((str,), ""),
    "url": ((str,), REQUIRED),
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
    if problem := site_url_problem(url):
        raise ConfigError(f"{where}: la dirección {problem}.")
    parts = urlsplit(url.strip())
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
    return tuple(parse_dependencias(items, text, "portfolio.sites", f"{label}.", _at(line)))


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
        values = check_table(item, SITE_KEYS, "portfolio.sites", text, label)
        url = _check_url(values["url"], f"'{label}.url'{_at(line)}")
        hosts = tuple(h.lower() for h in check_str_list(values["hosts"], f"{label}.hosts", text, "portfolio.sites"))
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
    table = check_table(values, PORTFOLIO_KEYS, "portfolio", text)
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
    site_table = dataclasses.replace(config.site, url=site.url, name=site.name, hosts=list(site.hosts))
    # portfolio=None: a site config is a plain single-site config
    return dataclasses.replace(config, site=site_table, dependencias=list(site.dependencias), portfolio=None)


def site_stem(site: PortfolioSite) -> str:
    """The one name of a portfolio site's files: its DANE code, else its host (and path), made safe.

    ``ranking --sites-dir`` names each site's JSON report with it, and ``run`` each site's reports folder.
    """
    stem = site.dane or "".join(c if c.isalnum() or c in "-." else "_" for c in site.url.split("://", 1)[-1])
    return stem.strip("_")


def site_run_config(config: Config, site: PortfolioSite) -> Config:
    """A portfolio site's config for ``run`` and ``schedule``: :func:`site_config`, its reports in its
    own folder under ``[reports] dir`` (named by :func:`site_stem`)."""
    own = site_config(config, site)
    reports = dataclasses.replace(own.reports, dir=str(Path(config.reports.dir) / site_stem(site)))
    return dataclasses.replace(own, reports=reports)


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
    known = "; ".join(f"{s.label} ({s.dane or s.url})" for s in portfolio.sites[:30])
    more = f"; y {len(portfolio.sites) - 30} más" if len(portfolio.sites) > 30 else ""
    raise ConfigError(
        f"No hay en la cartera un sitio con nombre, código DANE o dirección '{selector}'. Sitios de la cartera: "
        f"{known}{more}."
    )


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.strip().lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
