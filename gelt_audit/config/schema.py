"""The tables of gelt.toml as typed, frozen sections, and the checks every table shares.

Each ``[table]`` is one frozen dataclass (``SiteConfig``, ``LinksConfig``, …): its fields are the
keys, their types and defaults. :data:`SCHEMA` (accepted types and default of every key, what the
validation and its messages use) is generated from them, so a key is declared once.

A section reads both ways: ``config.site.max_pages`` (typed) and ``config.site["max_pages"]`` or
``config.site.get("max_pages")`` (the ``Mapping`` interface, for code written against the old
dict tables).
"""

from __future__ import annotations

import functools
import math
import re
import typing
from collections.abc import Iterator, Mapping
from dataclasses import MISSING, dataclass, field, fields
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from gelt_audit.errors import ConfigError


def site_url_problem(url: str) -> str | None:
    """Why ``url`` cannot be a site's address (in Spanish), or None when it can.

    Credentials are refused, not stripped: a user name and password in the address would end
    up in the store, the log, the reports and the e-mails, and the tool audits public sites.
    The message never repeats an address that carries them.
    """
    try:
        parts = urlsplit(url.strip())
        host, _ = parts.hostname, parts.port  # .port raises ValueError when out of range
    except ValueError:  # "http://[::1/", "http://[zz]/": a bracketed host that is not an IP address
        return f"debe ser una dirección http:// o https:// completa, se encontró {url!r}"
    if parts.username is not None or parts.password is not None:
        return (
            "lleva usuario o contraseña (usuario:clave@…): gelt-audit rastrea el sitio público y no guarda "
            "credenciales; quítelos de la dirección"
        )
    if not host or parts.scheme not in ("http", "https"):
        return f"debe ser una dirección http:// o https:// completa, se encontró {url!r}"
    # An address the site's own links do not write: with «//» the home page is crawled twice (as «//»
    # and as the «/» its links give); with the default port («:80») the crawl's hosts hold «host:80»
    # and the links to «host» are taken for another site's. Refused, not rewritten: the store knows
    # the site's crawls by the configured address, and a silent rewrite would hide them.
    default_port = {"http": 80, "https": 443}[parts.scheme]
    if "//" in parts.path or parts.port == default_port:
        netloc = parts.netloc.rsplit(":", 1)[0] if parts.port == default_port else parts.netloc
        single = re.sub("/{2,}", "/", parts.path)
        written = f"{parts.scheme}://{netloc.lower()}{single}" + (f"?{parts.query}" if parts.query else "")
        if "//" in parts.path:
            why = (
                "tiene una barra doble en la ruta («//»): la página de inicio se rastrearía dos veces, "
                "con esa dirección y con la que dan los enlaces del sitio"
            )
        else:
            why = (
                f"lleva el puerto que {parts.scheme}:// usa por omisión (:{default_port}): los enlaces del sitio "
                "escritos sin él se tomarían por enlaces a otro sitio"
            )
        return f"{why}; escriba {written!r}"
    return None


class Section(Mapping[str, Any]):
    """A config table: typed attributes that also read like a read-only mapping.

    A key that would hide a ``Mapping`` method (``[[checklist.items]]``) is a field with a
    trailing underscore and ``metadata={"key": ...}``: ``checklist.items_`` or ``checklist["items"]``.
    """

    @classmethod
    @functools.cache
    def keys_to_fields(cls) -> dict[str, str]:
        """TOML key -> attribute name, in declaration order."""
        return {f.metadata.get("key", f.name): f.name for f in fields(cls)}  # type: ignore[arg-type]

    @classmethod
    def from_table(cls, table: Mapping[str, Any]) -> Any:
        """The section of a table whose keys are the TOML keys (validated: unknown keys raise)."""
        names = cls.keys_to_fields()
        return cls(**{names[key]: value for key, value in table.items()})

    def __getitem__(self, key: str) -> Any:
        name = self.keys_to_fields().get(key)
        if name is None:
            raise KeyError(key)
        return getattr(self, name)

    def __iter__(self) -> Iterator[str]:
        return iter(self.keys_to_fields())

    def __len__(self) -> int:
        return len(fields(self))  # type: ignore[arg-type]


_SESSION_PARAMS = ["sid", "sessionid", "phpsessid", "jsessionid", "sesskey", "session_id"]


@dataclass(frozen=True, kw_only=True)
class SiteConfig(Section):
    name: str = ""
    url: str  # required
    hosts: list[str] = field(default_factory=list)
    max_pages: int = 5000
    max_depth: int = 20
    max_query_variants: int = 10
    max_links_per_page: int = 2000  # links kept per page, first in document order; the cut is a finding
    max_response_mb: float = 10
    delay: float = 0.5
    concurrency: int = 2
    autothrottle: bool = True
    timeout: float = 30
    obey_robots: bool = True
    contact: str = ""
    responsable: str = ""  # the responsable visible, named on the weekly's own to-do card
    email: str = ""  # the responsable visible's address
    exclude: list[str] = field(default_factory=list)
    session_params: list[str] = field(default_factory=lambda: list(_SESSION_PARAMS))
    # Past this, a crawl stops as partial (never the reports' baseline) instead of hanging for days.
    max_duration_minutes: float = 720


@dataclass(frozen=True, kw_only=True)
class StoreConfig(Section):
    path: str = "gelt.db"


@dataclass(frozen=True, kw_only=True)
class TargetsConfig(Section):
    updates_per_month: int = 4


@dataclass(frozen=True, kw_only=True)
class NoiseConfig(Section):
    selectors: list[str] = field(default_factory=list)
    patterns: list[str] = field(default_factory=list)
    rules: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True)
class ReportsConfig(Section):
    dir: str = "informes"
    logo: str = ""
    templates: str = ""
    slow_page_seconds: float = 3.0  # the weekly lists pages slower than this (a loopback crawl lists none)


@dataclass(frozen=True, kw_only=True)
class LogConfig(Section):
    path: str = ""
    level: str = "INFO"


@dataclass(frozen=True, kw_only=True)
class LinksConfig(Section):
    check_external: bool = True
    recheck_ok_days: int = 7
    timeout: float = 15
    per_host: int = 2
    delay: float = 0.5
    exclude: list[str] = field(default_factory=list)
    private_addresses: str = "auto"
    entidades: list[str] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True)
class ChecklistConfig(Section):
    profiles: list[str] = field(default_factory=lambda: ["gelt-2008", "ley1712-res1519"])
    items_: list[dict[str, Any]] = field(default_factory=list, metadata={"key": "items"})
    file: str = ""
    manual: str = ""
    hosts: dict[str, list[str]] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True)
class ScheduleConfig(Section):
    crawl: str = "06:00"
    weekly_report: str = "lunes 07:00"
    committee_dates: list[str] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True)
class EmailConfig(Section):
    host: str = ""
    port: int = 587
    username: str = ""
    password_env: str = "GELT_SMTP_PASSWORD"
    sender: str = ""
    to: list[str] = field(default_factory=list)
    starttls: bool = True
    ssl: bool = False
    per_responsable: bool = False


@dataclass(frozen=True, kw_only=True)
class AlertsConfig(Section):
    email: bool = True
    apprise: list[str] = field(default_factory=list)


BROWSER_MODES = ("auto", "off")


@dataclass(frozen=True, kw_only=True)
class AccessibilityConfig(Section):
    """``[accessibility]``: the axe-core pass in a headless Chromium (see ``audits/browser_pass``).

    ``browser = "auto"`` renders up to ``max_pages`` stored pages when Chromium and Playwright are
    installed, and says plainly when they are not; ``"off"`` never starts a browser.
    """

    browser: str = "auto"
    max_pages: int = 20
    chromium: str = "/usr/bin/chromium"

    def __post_init__(self) -> None:
        # Types are checked (with their line) before a section is built; these are the values.
        if self.browser not in BROWSER_MODES:
            raise ConfigError(
                '\'accessibility.browser\' debe ser "auto" (usar Chromium si está instalado) u "off" '
                f"(no usar navegador), se encontró {self.browser!r}."
            )
        if not 1 <= self.max_pages <= 1000:
            raise ConfigError(f"'accessibility.max_pages' debe estar entre 1 y 1000 (es {self.max_pages}).")
        if not self.chromium.strip() or "\x00" in self.chromium:
            raise ConfigError(
                "'accessibility.chromium' debe ser la ruta del ejecutable de Chromium, p. ej. \"/usr/bin/chromium\"."
            )


@dataclass(frozen=True, kw_only=True)
class DistributedConfig(Section):
    """``[distributed]``: the coordinator of ``crawl --redis`` (see docs/OPERATIONS.md)."""

    namespace: str = "gelt"  # the Redis key prefix of this portfolio's runs (``--namespace`` overrides it)
    redis_outage_seconds: int = 120  # how long Redis may not answer before the crawls end interrupted
    no_workers_warning_seconds: int = 30  # say so when no worker is connected this long
    lease_seconds: int = 15  # a coordinator silent this long is dead: workers drop its sites, another may start

    def __post_init__(self) -> None:
        if not self.namespace or not all(c.isalnum() or c in "-_." for c in self.namespace):
            raise ConfigError(
                f"'distributed.namespace' admite letras, números, '-', '_' y '.' (es {self.namespace!r})."
            )
        if self.redis_outage_seconds < 0 or self.no_workers_warning_seconds < 1 or self.lease_seconds < 2:
            raise ConfigError(
                "'distributed.redis_outage_seconds' debe ser 0 o más, 'distributed.no_workers_warning_seconds' 1 o más "
                "y 'distributed.lease_seconds' 2 o más."
            )


SECTIONS: dict[str, type[Section]] = {
    "site": SiteConfig,
    "store": StoreConfig,
    "targets": TargetsConfig,
    "noise": NoiseConfig,
    "reports": ReportsConfig,
    "log": LogConfig,
    "links": LinksConfig,
    "checklist": ChecklistConfig,
    "schedule": ScheduleConfig,
    "email": EmailConfig,
    "alerts": AlertsConfig,
    "accessibility": AccessibilityConfig,
    "distributed": DistributedConfig,
}

REQUIRED = object()
KeySchema = dict[str, tuple[tuple[type, ...], Any]]


def _schema_of(section: type[Section]) -> KeySchema:
    """key -> (accepted TOML types, default or REQUIRED), read off a section's fields."""
    hints = typing.get_type_hints(section)
    out: KeySchema = {}
    for f in fields(section):
        kind = typing.get_origin(hints[f.name]) or hints[f.name]
        types = (int, float) if kind is float else (kind,)  # TOML writes 10 for 10.0
        if f.default is not MISSING:
            default = f.default
        elif f.default_factory is not MISSING:
            default = f.default_factory()
        else:
            default = REQUIRED
        out[f.metadata.get("key", f.name)] = (types, default)
    return out


# table -> key -> (accepted types, default); REQUIRED as default means "required".
SCHEMA: dict[str, KeySchema] = {name: _schema_of(section) for name, section in SECTIONS.items()}
DEPENDENCIA_KEYS: KeySchema = {
    "name": ((str,), REQUIRED),
    "responsable": ((str,), ""),
    "email": ((str,), ""),
    "match": ((list,), REQUIRED),
}
NOISE_RULE_KEYS: KeySchema = {
    "prefix": ((str,), REQUIRED),
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


def _section(kind: type[Section], value: Any) -> Any:
    return value if isinstance(value, kind) else kind.from_table(value)


@dataclass
class Config:
    """A validated gelt.toml: one typed section per table, plus what is derived from them."""

    path: Path
    site: SiteConfig
    store_path: Path
    dependencias: list[Dependencia]
    targets: TargetsConfig
    noise: list[NoiseRule]
    reports: ReportsConfig
    log: LogConfig
    links: LinksConfig = field(default_factory=LinksConfig)
    checklist: ChecklistConfig = field(default_factory=ChecklistConfig)
    schedule: ScheduleConfig = field(default_factory=ScheduleConfig)
    email: EmailConfig = field(default_factory=EmailConfig)
    alerts: AlertsConfig = field(default_factory=AlertsConfig)
    accessibility: AccessibilityConfig = field(default_factory=AccessibilityConfig)
    distributed: DistributedConfig = field(default_factory=DistributedConfig)
    portfolio: Portfolio | None = None  # when the config lists many sites
    raw: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # A config rebuilt from plain tables (a distributed worker's) gets typed sections too.
        for name in (
            "site", "targets", "reports", "log", "links", "checklist", "schedule", "email", "alerts", "accessibility",
            "distributed",
        ):  # fmt: skip
            setattr(self, name, _section(SECTIONS[name], getattr(self, name)))

    @property
    def site_url(self) -> str:
        """The site's home page (``[site] url``)."""
        return self.site.url

    @property
    def site_name(self) -> str:
        """The entity's name for people: ``[site] name``, else the site's host."""
        return self.site.name or urlsplit(self.site.url).hostname or self.site.url

    @property
    def hosts(self) -> tuple[str, ...]:
        """The netlocs (host[:port]) the crawler may visit."""
        own = urlsplit(self.site.url).netloc.lower()
        return tuple(dict.fromkeys([own, *(h.lower() for h in self.site.hosts)]))

    @property
    def reports_dir(self) -> Path:
        """Where reports are written: ``[reports] dir``, relative to the config file."""
        return self.path.parent / self.reports.dir

    @property
    def log_path(self) -> Path:
        """The log file: ``[log] path`` relative to the config file, else the store's name with .log."""
        if self.log.path:
            return self.path.parent / self.log.path
        return self.store_path.with_suffix(".log")


# -- checks shared by every table ----------------------------------------------------------------
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


def where(text: str, key: str, table: str | None) -> str:
    """`` (línea N)`` for a message about ``key`` of ``table``, or "" when the line is unknown."""
    line = line_of(text, key, table)
    return f" (línea {line})" if line else ""


def check_table(
    values: dict[str, Any],
    schema: KeySchema,
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
                f"Clave desconocida '{label}.{key}'{where(text, key, table)}. Claves válidas en [{label}]: {known}."
            )
        types, _ = schema[key]
        # bool is an int in Python; do not accept true where a number is expected
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            expected = " o ".join(_TYPE_NAMES[t] for t in types)
            raise ConfigError(
                f"Valor inválido para '{label}.{key}'{where(text, key, table)}: se esperaba {expected}, "
                f"se encontró {value!r}."
            )
        if isinstance(value, float) and not math.isfinite(value):
            raise ConfigError(
                f"Valor inválido para '{label}.{key}'{where(text, key, table)}: debe ser un número finito, "
                f"se encontró {value!r}."
            )
        out[key] = value
    for key, (_, default) in schema.items():
        if key not in out:
            if default is REQUIRED:
                raise ConfigError(f"Falta la clave obligatoria '{label}.{key}'{where(text, table or key, None)}.")
            out[key] = type(default)(default) if isinstance(default, (list, dict)) else default
    return out


def check_str_list(values: list, key: str, text: str, table: str) -> tuple[str, ...]:
    """``values`` as a tuple, or a ConfigError naming ``key`` when one of them is not text."""
    if not all(isinstance(v, str) for v in values):
        raise ConfigError(f"'{key}'{where(text, key.split('.')[-1], table)} debe ser una lista de textos.")
    return tuple(values)


def parse_dependencias(
    items: Any, text: str, table: str = "dependencias", prefix: str = "", at: str | None = None
) -> list[Dependencia]:
    """[[dependencias]] of the config (or the dependencias of a portfolio site, under ``prefix``)."""
    at = where(text, "dependencias", None) if at is None else at
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise ConfigError(
            f"'{prefix}dependencias'{at} debe escribirse como [[dependencias]] (tablas con name y match)."
        )
    out = []
    names = set()
    for n, item in enumerate(items, 1):
        label = f"{prefix}dependencias[{n}]"
        values = check_table(item, DEPENDENCIA_KEYS, table, text, label)
        match = check_str_list(values["match"], f"{label}.match", text, table)
        bad = [m for m in match if not m.startswith("/")]
        if bad:
            raise ConfigError(f"'{label}.match'{at}: cada prefijo debe empezar por '/', se encontró {bad[0]!r}.")
        if values["name"] in names:
            raise ConfigError(f"'{label}.name'{at}: la dependencia {values['name']!r} está repetida.")
        names.add(values["name"])
        out.append(Dependencia(values["name"], values["responsable"], values["email"], match))
    return out
