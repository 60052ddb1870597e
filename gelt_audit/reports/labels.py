"""Plain Spanish names for the technical terms the audits use, with the term in parentheses."""

from __future__ import annotations

from typing import Any

from gelt_audit.reports.fmt import plural

SECURITY = {
    "https": "sitio o página sin cifrar",
    "hsts": "el navegador puede volver a entrar sin cifrar",
    "csp": "sin política de contenido contra código inyectado",
    "x-content-type-options": "el navegador puede adivinar el tipo de archivo",
    "referrer-policy": "sin política de qué dirección se comparte al salir",
    "frame-ancestors": "el sitio puede incrustarse en páginas ajenas",
    "version-servidor": "el servidor anuncia su versión",
    "certificado": "problema con el certificado de seguridad",
    "archivo-expuesto": "archivo interno visible en internet",
    "listado-directorio": "carpeta del servidor que lista sus archivos",
    "redireccion-https": "la dirección sin cifrar no lleva a la cifrada",
    "formulario-inseguro": "formulario que envía datos sin cifrar",
    "contenido-mixto": "página cifrada que carga partes sin cifrar",
    "enlace-inseguro": "enlace a una dirección sin cifrar",
}
# The same checks named as the control a review asks about (the committee's ITA-shaped annex).
SECURITY_CONTROLS = {
    "https": "Páginas servidas con cifrado (HTTPS)",
    "redireccion-https": "Redirección de http a https (redirección HTTPS)",
    "hsts": "Obligar al navegador a usar siempre https (Strict-Transport-Security, HSTS)",
    "certificado": "Certificado digital del servidor vigente (certificado TLS)",
    "csp": "Política que limita qué contenido puede cargar el sitio (Content-Security-Policy, CSP)",
    "frame-ancestors": "Protección contra la inserción del sitio en páginas ajenas (frame-ancestors / X-Frame-Options)",
    "x-content-type-options": "Bloqueo de la lectura errónea del tipo de archivo (X-Content-Type-Options)",
    "referrer-policy": "Control de la dirección de origen enviada a otros sitios (Referrer-Policy)",
    "server": "Servidor que no anuncia su software (cabecera Server)",
    "version-servidor": "Servidor que no anuncia su versión (versión del servidor)",
    "formulario-inseguro": "Formularios que envían datos personales sin cifrar (formulario sin HTTPS)",
    "enlace-inseguro": "Enlaces a formularios o trámites sin cifrar (enlace http)",
    "archivo-expuesto": "Archivos internos publicados por error (archivo expuesto)",
    "listado-directorio": "Carpetas del servidor que muestran su contenido (listado de directorio)",
}

SEVERITY = {"alta": "grave", "high": "grave", "media": "moderado", "medium": "moderado", "baja": "leve", "low": "leve"}


def security_label(check: Any) -> str:
    """«formulario que envía datos sin cifrar (formulario-inseguro)»."""
    term = str(check or "").strip()
    plain = SECURITY.get(term)
    return f"{plain} ({term})" if plain else term or "hallazgo de seguridad"


def security_plain(check: Any) -> str:
    """The plain Spanish name alone, for a one-line summary."""
    return SECURITY.get(str(check or "").strip(), str(check or ""))


def severity_label(value: Any) -> str:
    """«grave» for «alta»: what the severity means to a reader."""
    return SEVERITY.get(str(value or "").lower(), str(value or "—"))


# what the weekly's «Páginas del sitio» tile and the crawl's message add to the pages and documents of
# the site whose name did not resolve (the reports' sentence is :func:`unreached_said`)
UNREACHED_APART = "sin consultar (su nombre no resolvió)"


def pages_and_documents(count: int, documents: int = 0, tail: str = "") -> str:
    """«2 páginas», «1 página y 1 documento», «2 documentos», then ``tail`` («del sitio»): ``count`` pages of
    which ``documents`` are documents (PDF…), each named as what it is. The one wording of the pages and
    documents the crawl could not consult, in the reports, the weekly's tile and the crawl's message (H303,
    H309)."""
    pages = count - documents
    if documents and pages:
        what = f"{plural(pages, 'página', 'páginas')} y {plural(documents, 'documento', 'documentos')}"
    elif documents:
        what = plural(documents, "documento", "documentos")
    else:
        what = plural(count, "página", "páginas")
    return f"{what} {tail}" if tail else what


def unreached_said(count: int, documents: int = 0) -> str:
    """What every report says of the pages of the site the crawl could not fetch because their name
    did not resolve from this machine (``audits.pages.is_unreached``): not the site's error, said so.
    ``documents``: how many of the ``count`` are documents (PDF…), named as such, not as pages (H303)."""
    many = count != 1
    what = pages_and_documents(count, documents, "del sitio")
    verb = "no se pudieron" if many else "no se pudo"
    counted = "no se cuentan como errores" if many else "no se cuenta como error"
    return f"{what} {verb} consultar desde esta máquina: su nombre no resolvió (DNS); {counted} del sitio."
