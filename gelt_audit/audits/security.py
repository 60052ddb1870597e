"""Minimum digital-security conditions (MinTIC Res. 1519, Anexo 3) judged from what the crawl recorded."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

from gelt_audit import clock
from gelt_audit.audits.context import AuditContext
from gelt_audit.audits.findings import Findings
from gelt_audit.audits.pages import BodyJudge
from gelt_audit.store import Crawl, Store

VERSION = 2  # bump when a rule changes: cached judgements are then recomputed
HIGH, MEDIUM, LOW = "alta", "media", "baja"
EXPOSED = re.compile(
    r"(/\.git(/|$)|/\.svn(/|$)|/\.env$|\.(bak|old|orig|swp|sql|sql\.gz|tar\.gz|tgz)$|~$|/phpinfo(\.php)?$|"
    r"/backup[^/]*\.(zip|rar|7z)$|/wp-config\.php\.)",
    re.IGNORECASE,
)
# A substring every URL whose path EXPOSED matches contains (each alternative above needs one):
# most URLs have none, and their path is then never split out of them.
_EXPOSED_HINT = re.compile(r"\.git|\.svn|\.env|\.(bak|old|orig|swp|sql|tar|tgz)|~|phpinfo|backup|wp-config", re.I)


def exposed(url: str) -> bool:
    """Whether ``url``'s path names an internal file or a backup (EXPOSED)."""
    return bool(_EXPOSED_HINT.search(url)) and bool(EXPOSED.search(urlsplit(url).path))


PERSONAL_FIELDS = ("password", "email", "tel", "file")
PERSONAL_NAMES = re.compile(
    r"(?i)(clave|contrase|password|correo|email|cedula|cédula|documento|telefono|teléfono|celular)"
)


def finding(url: str, check: str, severity: str, detail: str) -> dict[str, str]:
    return {"url": url, "check": check, "severity": severity, "detail": detail}


def header_findings(site: str, headers: dict[str, str], https: bool) -> list[dict[str, str]]:
    """Security headers of the home page: what is missing and what is disclosed."""
    out = []
    csp = headers.get("content-security-policy", "")
    if https and "strict-transport-security" not in headers:
        out.append(
            finding(
                site,
                "hsts",
                MEDIUM,
                "falta Strict-Transport-Security (HSTS): los navegadores pueden "
                "volver a entrar por http://. Configure «max-age=31536000» en el servidor.",
            )
        )
    if not csp:
        out.append(
            finding(
                site,
                "csp",
                MEDIUM,
                "falta Content-Security-Policy: defina qué orígenes pueden cargar "
                "scripts y estilos para reducir el riesgo de inyección de código.",
            )
        )
    if headers.get("x-content-type-options", "").lower() != "nosniff":
        out.append(finding(site, "x-content-type-options", LOW, "falta «X-Content-Type-Options: nosniff»."))
    if "x-frame-options" not in headers and "frame-ancestors" not in csp:
        out.append(
            finding(
                site,
                "frame-ancestors",
                MEDIUM,
                "el sitio puede incrustarse en páginas ajenas "
                "(clickjacking): use «X-Frame-Options: SAMEORIGIN» o «frame-ancestors 'self'».",
            )
        )
    if "referrer-policy" not in headers:
        out.append(
            finding(site, "referrer-policy", LOW, "falta Referrer-Policy (p. ej. «strict-origin-when-cross-origin»).")
        )
    server = headers.get("server", "")
    if re.search(r"\d", server) or headers.get("x-powered-by") or headers.get("x-aspnet-version"):
        banner = " · ".join(
            v for v in (server, headers.get("x-powered-by", ""), headers.get("x-aspnet-version", "")) if v
        )
        out.append(
            finding(
                site,
                "version-servidor",
                LOW,
                f"el servidor revela su software y versión ({banner}): "
                "oculte las versiones en la configuración del servidor.",
            )
        )
    return out


def certificate_findings(rows: list[dict[str, Any]], now: datetime) -> list[dict[str, str]]:
    out = []
    for row in rows:
        host = row["host"]
        if not row.get("not_after"):
            out.append(finding(host, "certificado", HIGH, "no se pudo leer el certificado TLS del servidor."))
            continue
        days = (datetime.fromisoformat(row["not_after"]) - now).days
        names = row.get("names") or []
        if days < 0:
            out.append(finding(host, "certificado", HIGH, f"el certificado venció hace {-days} días: renuévelo."))
        elif days < 30:
            out.append(finding(host, "certificado", MEDIUM, f"el certificado vence en {days} días: renuévelo pronto."))
        if row.get("self_signed"):
            out.append(
                finding(
                    host,
                    "certificado",
                    HIGH,
                    "el certificado es autofirmado: los navegadores muestran "
                    "una advertencia. Use uno emitido por una autoridad reconocida.",
                )
            )
        if names and not any(_matches(host, n) for n in names):
            out.append(
                finding(
                    host,
                    "certificado",
                    HIGH,
                    f"el certificado no corresponde al nombre {host} (cubre: {', '.join(names[:5])}).",
                )
            )
    return out


def _matches(host: str, name: str) -> bool:
    if name.startswith("*."):
        return host.endswith(name[1:]) and host.count(".") == name.count(".")
    return host == name


def _forms_over_http(root: Any, page_url: str) -> list[dict[str, str]]:
    """Forms that send personal data over plain http: their action and the personal fields."""
    if root is None:
        return []
    out = []
    for form in root.iter("form"):
        try:
            action = urljoin(page_url, (form.get("action") or "").strip() or page_url)
        except ValueError:  # an unparsable action ("http://[x"): the form cannot send anything
            continue
        if not action.startswith("http://"):
            continue
        personal = [
            inp
            for inp in form.iter("input", "textarea")
            if (inp.get("type") or "").lower() in PERSONAL_FIELDS or PERSONAL_NAMES.search(inp.get("name") or "")
        ]
        if personal:
            names = ", ".join(sorted({inp.get("name") or inp.get("type") or "campo" for inp in personal}))[:120]
            out.append({"action": action[:300], "fields": names})
    return out


FORMS = BodyJudge("security-forms", VERSION, _forms_over_http, per_scheme=True)


def _page_findings(
    store: Store, crawl_id: int, snaps: Iterable[dict[str, Any]], https: bool
) -> tuple[list[dict[str, str]], dict[tuple[str, str], list[str]]]:
    """Findings on each response (unencrypted pages, exposed files, directory listings), and the
    forms that send personal data over http: (action, fields) -> pages they appear on."""
    out: list[dict[str, str]] = []
    forms: dict[tuple[str, str], list[str]] = {}
    judge = FORMS.of_crawl(store, crawl_id)
    for snap in snaps:
        url, status = snap["url"], snap["status"] or 0
        if https and url.startswith("http://") and snap["kind"] == "page" and 200 <= status < 300:
            out.append(finding(url, "https", MEDIUM, "página servida sin cifrar dentro de un sitio https."))
        if 200 <= status < 300 and exposed(url):
            out.append(
                finding(
                    url,
                    "archivo-expuesto",
                    HIGH,
                    "archivo interno o copia de seguridad accesible al público: "
                    "retírelo del servidor o bloquee su acceso.",
                )
            )
        if snap["kind"] == "page" and (snap["title"] or "").lower().startswith("index of /"):
            out.append(
                finding(
                    url,
                    "listado-directorio",
                    MEDIUM,
                    "el servidor muestra el listado de archivos de la carpeta: "
                    "desactive el índice automático de directorios.",
                )
            )
        if snap["kind"] == "page" and snap["body_hash"] and 200 <= status < 300:
            found = judge(snap["body_hash"], url)
            for form in found:
                forms.setdefault((form["action"], form["fields"]), []).append(url)
    store.flush_audits()
    return out, forms


def audit_security(
    store: Store, crawl: Crawl, insecure_links: list[dict[str, Any]], now: datetime | None = None
) -> list[dict[str, str]]:
    """Findings with severity and the fix in plain Spanish, most severe first."""
    now = now or clock.now()
    site = crawl.site_url
    https = site.startswith("https://")
    # the home page and the probe: the other rows are walked once, one at a time (a list of every
    # row as a dict weighed ~70 MB at 50,000 pages)
    home = probe = None
    for s in store.snapshots(crawl.id):
        if home is None and s["url"] == site and s["kind"] in ("page", "redirect"):
            home = s
        if probe is None and s["kind"] == "probe":
            probe = s
    header_sets = store.header_sets()
    out: list[dict[str, str]] = []
    if not https:
        out.append(
            finding(
                site,
                "https",
                HIGH,
                "el sitio no usa HTTPS: la información viaja sin cifrar. "
                "Instale un certificado (p. ej. Let's Encrypt) y redirija http:// a https://.",
            )
        )
    if home and home.get("headers_id"):
        out.extend(header_findings(site, header_sets.get(home["headers_id"], {}), https))
    elif home:
        out.extend(header_findings(site, {}, https))
    if https and probe is not None:
        to_https = probe["status"] in (301, 302, 307, 308) and (probe["location"] or "").startswith("https://")
        if not to_https:
            out.append(
                finding(
                    probe["url"],
                    "redireccion-https",
                    MEDIUM,
                    "la dirección http:// no redirige a https://: configure una redirección permanente (301).",
                )
            )
    out.extend(certificate_findings(store.tls(crawl.id), now))
    page_findings, forms = _page_findings(store, crawl.id, store.snapshots(crawl.id), https)
    out.extend(page_findings)
    # A form in the site template appears on every page: one finding per form, not per page.
    for (action, fields), pages in sorted(forms.items()):
        where = f"en {len(pages)} páginas, p. ej. {pages[0]}" if len(pages) > 1 else f"en {pages[0]}"
        out.append(
            finding(
                action,
                "formulario-inseguro",
                HIGH,
                f"un formulario ({where}) envía datos personales "
                f"({fields}) sin cifrar: publíquelo y envíelo por https://.",
            )
        )
    for link in insecure_links:
        out.append(
            finding(
                link["page"],
                "contenido-mixto" if link["kind"] == "contenido mixto" else "enlace-inseguro",
                MEDIUM if link["kind"] == "contenido mixto" else LOW,
                f"{link['detail']}: {link['url']}",
            )
        )
    order = {HIGH: 0, MEDIUM: 1, LOW: 2}
    return sorted(out, key=lambda f: (order[f["severity"]], f["check"], f["url"]))


def find(ctx: AuditContext) -> Findings:
    """security: the site's and its pages' findings, with the insecure links the links audit found."""
    return {"security": audit_security(ctx.store, ctx.crawl, ctx.findings["insecure"])}
