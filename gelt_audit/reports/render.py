"""Jinja2 rendering: autoescaping everywhere, templates overridable from the config's folder.

``[reports] templates = "carpeta"`` puts that folder first in a ChoiceLoader: a file there
named like a bundled one (``weekly.html``, ``_style.css``, ``_macros.html``…) replaces it, and
can ``{% extends "base.html" %}`` the rest. ``[reports] logo`` is embedded as a ``data:`` URI so
the report stays a single file that opens offline and inside an e-mail.
"""

from __future__ import annotations

import base64
import hashlib
import logging
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

from gelt_audit.errors import ReportError
from gelt_audit.reports import fmt
from gelt_audit.reports.view import ITEM_STATUS_LABELS

log = logging.getLogger("gelt_audit.reports")

TEMPLATES = Path(__file__).with_name("templates")
LOGO_TYPES = {
    ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
    ".svg": "image/svg+xml", ".webp": "image/webp",
}  # fmt: skip
LOGO_MAX_BYTES = 512 * 1024  # every e-mail carries it: a photo-sized logo would bloat each report
# The report can load nothing: no script, no font, no image but data: URIs. A network request
# attempted anyway is refused by the browser and shows up as a console error.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


_OPTIONS = {"autoescape": True, "undefined": jinja2.StrictUndefined, "trim_blocks": True, "lstrip_blocks": True}


class _CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """The templates compiled by an earlier report process, in Jinja's per-user folder (which
    Jinja checks is the user's alone). Jinja reads a kept template only when its source is the same;
    the file name carries Jinja's version and the environment's options, which the compiled code
    depends on. A folder that cannot be used costs the compilation, never the report."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, ValueError, EOFError, TypeError):
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def _compiled_templates() -> jinja2.BytecodeCache | None:
    tag = hashlib.sha256(f"{jinja2.__version__}{sorted(_OPTIONS.items(), key=str)}".encode()).hexdigest()[:12]
    try:
        return _CompiledTemplates(pattern=f"__gelt_audit_{tag}_%s.cache")
    except (OSError, RuntimeError):
        return None


def environment(templates_dir: Path | None = None) -> jinja2.Environment:
    """A Jinja2 environment with the es_CO filters; ``templates_dir`` (if any) searched first."""
    return _environment(str(templates_dir) if templates_dir else "")


@lru_cache(maxsize=8)
def _environment(templates_dir: str) -> jinja2.Environment:
    loaders: list[jinja2.BaseLoader] = []
    if templates_dir:
        loaders.append(jinja2.FileSystemLoader(templates_dir))
    loaders.append(jinja2.FileSystemLoader(str(TEMPLATES)))
    # autoescape: every template, whatever its extension (all text may come from crawled pages);
    # StrictUndefined: a typo in a template is an error, not a silently empty cell
    env = jinja2.Environment(loader=jinja2.ChoiceLoader(loaders), bytecode_cache=_compiled_templates(), **_OPTIONS)
    env.filters.update(fmt.FILTERS)
    env.globals.update({"ITEM_STATUS_LABELS": ITEM_STATUS_LABELS, "CSP": CSP})
    return env


def templates_dir(config: Any) -> Path | None:
    """The config's template folder (relative to the config file), checked to exist."""
    value = (getattr(config, "reports", None) or {}).get("templates") or ""
    if not value:
        return None
    path = Path(value)
    if not path.is_absolute():
        path = config.path.parent / path
    if not path.is_dir():
        raise ReportError(f"'reports.templates': la carpeta de plantillas {path} no existe.")
    return path


def logo(config: Any) -> tuple[str | None, str | None]:
    """(data: URI, None) for ``[reports] logo``, or (None, why not) — never an exception:
    a wrong logo path must not stop the weekly report from going out."""
    value = (getattr(config, "reports", None) or {}).get("logo") or ""
    if not value:
        return None, None
    path = Path(value)
    if not path.is_absolute():
        path = config.path.parent / path
    mime = LOGO_TYPES.get(path.suffix.lower())
    if mime is None:
        return None, f"el logo {path.name} no es PNG, JPG, GIF, SVG ni WebP"
    try:
        data = path.read_bytes()
    except OSError as exc:
        log.warning("No se pudo leer el logo %s: %s", path, exc)
        return None, f"no se pudo leer el logo {path} ({exc.strerror or exc})"
    if len(data) > LOGO_MAX_BYTES:
        return None, f"el logo {path.name} pesa más de {LOGO_MAX_BYTES // 1024} KB; use una versión más liviana"
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}", None


def render(config: Any, template: str, model: dict[str, Any]) -> str:
    """Render one report template with the config's branding."""
    env = environment(templates_dir(config))
    logo_uri, logo_problem = logo(config)
    try:
        return env.get_template(template).render(**model, logo=logo_uri, logo_problem=logo_problem)
    except jinja2.TemplateError as exc:
        where = f" ({exc.filename}, línea {exc.lineno})" if getattr(exc, "lineno", None) else ""
        raise ReportError(f"Error en la plantilla {template}{where}: {exc.message or exc}") from exc
