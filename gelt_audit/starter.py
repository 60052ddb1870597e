"""`gelt-audit init`: a commented starter gelt.toml, with dependencias read off the site's menu."""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin, urlsplit

import requests

from gelt_audit import __version__
from gelt_audit.markup import collapse, parse

# Words that name a dependencia in Colombian municipal menus.
DEPENDENCIA_WORDS = re.compile(
    r"(?i)\b(secretar[ií]a|oficina|despacho|direcci[oó]n|inspecci[oó]n|comisar[ií]a|tesorer[ií]a|"
    r"personer[ií]a|control interno|almac[eé]n|jefatura|gerencia|unidad)\b"
)

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


def propose_dependencias(html: str, url: str) -> list[dict[str, str]]:
    """Dependencias named by links in the site's menus, with the path of their section."""
    root = parse(html)
    if root is None:
        return []
    host = urlsplit(url).netloc
    found: dict[str, dict[str, str]] = {}
    for a in root.xpath("//nav//a[@href] | //*[contains(@class,'menu')]//a[@href]"):
        text = collapse(a.text_content())
        if not text or len(text) > 80 or not DEPENDENCIA_WORDS.search(text):
            continue
        target = urlsplit(urljoin(url, a.get("href")))
        if target.netloc != host or target.path in ("", "/"):
            continue
        path = target.path if target.path.endswith("/") else target.path.rsplit("/", 1)[0] + "/"
        if path == "/":
            path = target.path
        found.setdefault(text, {"name": text, "match": path})
    return list(found.values())


def _toml_str(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def starter_config(url: str, name: str = "", timeout: float = 15) -> tuple[str, int]:
    """The text of a starter gelt.toml, and how many dependencias were proposed."""
    html = ""
    try:
        response = requests.get(url, timeout=timeout, headers={"User-Agent": f"gelt-audit/{__version__} (init)"})
        html = response.text
    except requests.RequestException:
        pass  # the site may be down today; the starter config is still useful
    root = parse(html) if html else None
    if not name and root is not None:
        title = root.find(".//title")
        name = collapse(title.text_content()) if title is not None else ""
    name = name or urlsplit(url).hostname or url
    deps = propose_dependencias(html, url) if html else []
    blocks = [
        "[[dependencias]]\n"
        f"name = {_toml_str(d['name'])}\n"
        'responsable = ""           # nombre del funcionario responsable\n'
        'email = ""\n'
        f"match = [{_toml_str(d['match'])}]\n"
        for d in deps
    ]
    text = TEMPLATE.format(
        name=name,
        version=__version__,
        name_q=_toml_str(name),
        url_q=_toml_str(url),
        dependencias="\n".join(blocks) if blocks else EXAMPLE,
    )
    return text, len(deps)
