"""`gelt-audit init`: a commented starter gelt.toml, with the dependencias a person would find on
the site (its menus, its home page, the pages about the entity, the directory of officials)."""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable
from urllib.parse import urlsplit

import requests

from gelt_audit import __version__
from gelt_audit.starter.discover import Discovery, Proposal, discover

TEMPLATE = """\
# Configuración de gelt-audit para {name}
# Generada por gelt-audit {version}. Documentación: README.md del proyecto.

[site]
name = {name_q}
url = {url_q}
max_pages = 5000            # páginas como máximo por rastreo
# max_depth = 20            # clics como máximo desde la página de inicio
# max_query_variants = 10   # variantes de ?consulta por ruta (evita calendarios sin fin)
# delay = 0.5               # segundos entre solicitudes al mismo servidor
# concurrency = 2           # solicitudes simultáneas al sitio
# contact = "webmaster@example.gov.co"   # aparece en el User-Agent del rastreador
# exclude = ["/buscar", "\\\\?print="]     # expresiones regulares de URL que no se rastrean

[store]
path = "gelt.db"            # archivo SQLite con todas las versiones de todas las páginas

[targets]
updates_per_month = 4       # meta del plan de acción: actualizaciones por dependencia al mes

# Cada dependencia: su responsable y los prefijos de ruta de su sección del sitio.
# Una página pertenece a la dependencia cuyo prefijo más largo coincide con su ruta;
# las páginas que ninguna regla reclama aparecen como "sin asignar".
{dependencias}
# Ruido que no cuenta como cambio (además de contadores de visitas, fecha del día y tokens):
# [noise]
# selectors = [".banner-rotativo"]
# patterns = ["Última visita: .*"]
"""

EXAMPLE = """\
# [[dependencias]]
# name = "Secretaría de Hacienda"
# responsable = "Nombre del funcionario"
# email = "hacienda@example.gov.co"
# match = ["/hacienda/"]
"""
MAX_PAGE_BYTES = 5 * 1024 * 1024


def fetcher(timeout: float) -> Callable[[str], str | None]:
    """Read one page (the standard proxy variables apply); None when it cannot be read."""
    session = requests.Session()
    session.headers["User-Agent"] = f"gelt-audit/{__version__} (init)"

    def fetch(url: str) -> str | None:
        try:
            with session.get(url, timeout=timeout, stream=True) as response:
                if response.status_code >= 400 or "html" not in response.headers.get("Content-Type", "html"):
                    return None
                body = response.raw.read(MAX_PAGE_BYTES, decode_content=True)
                return body.decode(_charset(response.headers.get("Content-Type", ""), body), errors="replace")
        except (requests.RequestException, OSError, ValueError):
            return None  # the site may be down today; the starter config is still useful

    return fetch


def _charset(content_type: str, body: bytes) -> str:
    """The page's declared encoding (header, else <meta charset>), UTF-8 when none is valid."""
    found = re.search(r"charset=[\"']?([\w.:-]+)", content_type, re.I) or re.search(
        rb"<meta[^>]+charset=[\"']?([\w.:-]+)", body[:4096], re.I
    )
    name = found.group(1) if found else "utf-8"
    name = name.decode("ascii", "replace") if isinstance(name, bytes) else name
    try:
        return codecs.lookup(name).name
    except LookupError:
        return "utf-8"


def _toml_str(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _block(p: Proposal) -> str:
    why = "; ".join(p.reasons)
    lines = [f"# vista en: {why}"]
    if p.contact_from:
        lines.append(f"# responsable y correo: directorio de funcionarios ({p.contact_from})")
    if p.note:
        lines.append(f"# {p.note}")
    lines += [
        "[[dependencias]]",
        f"name = {_toml_str(p.name)}",
        f"responsable = {_toml_str(p.responsable)}" + ("" if p.responsable else "           # nombre del funcionario"),
        f"email = {_toml_str(p.email)}",
        f"match = [{', '.join(_toml_str(m) for m in p.match)}]",
    ]
    return "\n".join(lines) + "\n"


def starter_text(found: Discovery) -> str:
    """The text of a starter gelt.toml for what ``discover`` found."""
    blocks = [_block(p) for p in found.proposals]
    name = found.name or urlsplit(found.url).hostname or found.url
    return TEMPLATE.format(
        name=name,
        version=__version__,
        name_q=_toml_str(name),
        url_q=_toml_str(found.url),
        dependencias="\n".join(blocks) if blocks else EXAMPLE,
    )


def starter_config(url: str, name: str = "", timeout: float = 15) -> tuple[str, Discovery]:
    """The text of a starter gelt.toml, and what was found (and why) to write it."""
    found = discover(url, fetcher(timeout), name=name)
    return starter_text(found), found


def explain(found: Discovery, path: str) -> list[str]:
    """What `init` proposed and why, in Spanish, one line each."""
    lines = [f"Configuración escrita en {path}."]
    lines.append(f"Nombre del sitio: «{found.name}» (origen: {found.name_reason}).")
    if found.problem:
        lines.append(f"Aviso: {found.problem}; complete [[dependencias]] a mano.")
        return lines
    read = "; ".join(what if what == "la página de inicio" else f"{what} {url}" for what, url in found.read)
    lines.append(f"Páginas leídas ({len(found.read)}): {read}.")
    if not found.proposals:
        lines.append(
            "No se encontraron dependencias en el menú, la página de inicio, las páginas de la entidad "
            "ni el directorio de funcionarios; complete [[dependencias]] a mano."
        )
        return lines
    count = len(found.proposals)
    lines.append(f"Se propusieron {count} dependencia{'s' if count != 1 else ''}; revíselas en {path}:")
    for p in found.proposals:
        where = f"prefijo {', '.join(p.match)}" if p.match else "sin prefijo"
        parts = [f"  - {p.name}: {where} (vista en {' y en '.join(p.reasons)})"]
        if p.responsable:
            parts.append(f"responsable {p.responsable}" + (f", {p.email}" if p.email else "") + ", del directorio")
        if p.note:
            parts.append(p.note)
        lines.append("; ".join(parts))
    return lines
