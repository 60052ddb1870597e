"""Plain Spanish names for the technical terms the audits use, with the term in parentheses."""

from __future__ import annotations

from typing import Any

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
