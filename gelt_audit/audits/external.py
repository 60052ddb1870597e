"""What the external links of a crawl say about the site as a whole.

- ``external_links``: whether they could be verified from this machine at all. When the check is
  switched off (``[links] check_external = false``) or no external server answered the whole
  crawl (this machine is offline or behind a firewall), every external link is «sin verificar»,
  never broken, and the reports say so once.
- ``dev_host_links``: links of a public site to a developer's or an intranet's server
  (``localhost``, ``*.test``, a private address…): nobody outside can open them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from gelt_audit.audits.context import AuditContext
from gelt_audit.audits.findings import Findings
from gelt_audit.audits.linktable import links_where
from gelt_audit.audits.pages import dependencia_name
from gelt_audit.linkstate import DEV_HOST_LABEL, DISABLED_REASON, OFFLINE_REASON, UNVERIFIED, is_dev_host

DISABLED, OFFLINE, CHECKED = "desactivada", "sin_conexion", "verificados"
NOTES = {
    DISABLED: (
        "Los enlaces externos no se verificaron: la verificación está desactivada en la configuración "
        "([links] check_external = false). Quedan «sin verificar», no rotos, y no cuentan contra ningún ítem."
    ),
    OFFLINE: (
        "Los enlaces externos no se pudieron verificar: ningún servidor externo respondió durante el rastreo "
        "(esta máquina no tiene salida a internet, un cortafuegos la bloquea o su proxy no llega a internet). Quedan «sin verificar», no rotos, "
        "y no cuentan contra ningún ítem."
    ),
}


def external_links(links: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """status (verificados | desactivada | sin_conexion), unverified (how many links), note (one
    Spanish sentence for the reports, None when the links were verified)."""
    external = [link for link in links if not link.get("internal") and link.get("state") == UNVERIFIED]
    errors = [link.get("error") or "" for link in external]
    if any(e.startswith(DISABLED_REASON) for e in errors):
        status = DISABLED
    elif any(e.startswith(OFFLINE_REASON) for e in errors):
        status = OFFLINE
    else:
        status = CHECKED
    return {"status": status, "unverified": len(external), "note": NOTES.get(status)}


def dev_host_links(links: Iterable[dict[str, Any]], site_url: str, config: Any) -> list[dict[str, Any]]:
    """url, host, found_on, dependencia, kind, detail: the links to a developer or intranet host."""
    site_host = urlsplit(site_url).hostname or ""
    out = []
    for link in links:
        url = link.get("url") or ""
        if link.get("internal") or not url.lower().startswith(("http://", "https://")):
            continue
        host = urlsplit(url).hostname or ""
        if not is_dev_host(host, site_host):
            continue
        pages = link.get("found_on") or []
        out.append(
            {
                "url": url,
                "host": host,
                "found_on": pages,
                "dependencia": dependencia_name(pages[0], config.dependencias) if pages else None,
                "kind": DEV_HOST_LABEL,
                "detail": (
                    f"el enlace apunta a {host}, un servidor de desarrollo o de una red interna: "
                    "nadie fuera de esa red puede abrirlo"
                ),
            }
        )
    return out


def find(ctx: AuditContext) -> Findings:
    """external_links (could the external links be verified) and dev_host_links (links to a
    developer's or an intranet's server), from the links audit's ``links``."""
    links = ctx.findings.get("links") or []
    # only the external ones: the internal links of a large site are never built here
    return {
        "external_links": external_links(links_where(links, "internal", False)),
        "dev_host_links": dev_host_links(links_where(links, "internal", False), ctx.config.site_url, ctx.config),
    }
