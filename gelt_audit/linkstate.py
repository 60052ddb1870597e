"""What a link check's answer means: shared by the crawler (external links) and the link audit.

Pure functions, no network: the crawler records answers, this names them.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

OK, BROKEN, BLOCKED, REDIRECT, SKIPPED = "ok", "broken", "blocked", "redirect", "skipped"
# Could not be checked from here (this machine offline, the server asked to wait longer than a
# crawl can): no verdict on the link either way.
UNVERIFIED = "unverified"
LINK_STATES = (OK, BROKEN, BLOCKED, REDIRECT, SKIPPED, UNVERIFIED)
WEB_SCHEMES = ("http", "https")
OFFLINE_REASON = "sin verificar: no se pudo consultar desde esta máquina"
# The words a download that failed on its DNS lookup is recorded with (crawler.errors): the name did
# not resolve from here, which says nothing of the page behind it.
DNS_REASON = "no se pudo resolver el nombre del servidor (DNS)"
SKIP_SCHEMES = {
    "mailto": "correo electrónico (mailto:)",
    "tel": "teléfono (tel:)",
    "javascript": "código JavaScript (javascript:)",
    "data": "datos incrustados (data:)",
    "sms": "mensaje de texto (sms:)",
    "whatsapp": "enlace de WhatsApp",
    "ftp": "FTP (no se verifica)",
}
REDIRECT_STATUSES = (301, 302, 303, 307, 308)
PERMANENT = (301, 308)
# The most redirects followed for one request, by the crawler, the link checker and the link audit.
MAX_REDIRECTS = 5
# Signs of a firewall or anti-bot page rather than a missing one.
CHALLENGE_MARKERS = (
    b"cf-chl", b"captcha", b"attention required", b"access denied", b"are you a robot",
    b"incapsula", b"ddos-guard", b"just a moment", b"sucuri", b"akamai",
)  # fmt: skip
HTTP_REASONS = {
    400: "solicitud inválida",
    401: "requiere autenticación",
    403: "acceso prohibido",
    # said of pages and documents alike (the answer does not say which the link expected): neutral (H289)
    404: "la dirección no existe",
    405: "método no permitido",
    408: "el servidor no respondió a tiempo",
    410: "la dirección fue eliminada",
    429: "demasiadas solicitudes",
    500: "error interno del servidor",
    502: "error de la pasarela",
    503: "servicio no disponible",
    504: "la pasarela no respondió a tiempo",
}


def skip_reason(url: str) -> str | None:
    """Why a link is not checked at all, or None when it is an http(s) link."""
    if url.startswith(("http://", "https://")):  # urlsplit's scheme, without splitting the rest
        return None
    scheme = urlsplit(url).scheme.lower()
    if scheme in ("http", "https"):
        return None
    return SKIP_SCHEMES.get(scheme, f"esquema {scheme or 'desconocido'}: no se verifica")


def rate_limit_reason(wait: float | None) -> str:
    """Why a link was not verified: its server answered 429 (and maybe how long to wait)."""
    if wait is None:
        return "limitado por el servidor (429, no indicó cuánto esperar)"
    return f"limitado por el servidor (429, pidió esperar {int(wait)} s)"


def scheme_not_allowed(url: str) -> str | None:
    """Why a redirect's target is a final answer (file:, data:, ftp:…), or None for the web's."""
    scheme = urlsplit(url).scheme.lower()
    if scheme in WEB_SCHEMES:
        return None
    return f"redirige a un esquema no permitido ({scheme or 'sin esquema'}:)"


def http_reason(status: int) -> str:
    words = HTTP_REASONS.get(status)
    if words:
        return f"HTTP {status}: {words}"
    if 400 <= status < 500:
        return f"HTTP {status}: error del cliente"
    if status >= 500:
        return f"HTTP {status}: error del servidor"
    return f"HTTP {status}"


def looks_blocked(status: int, headers: dict[str, str], body: bytes) -> bool:
    """A refusal of automated clients (firewall, rate limit, challenge), not a missing page."""
    if status == 429:
        return True
    if status not in (403, 503, 401, 406, 451):
        return False
    server = " ".join(f"{k}:{v}" for k, v in headers.items()).lower()
    if any(mark in server for mark in ("cloudflare", "cf-ray", "x-sucuri", "incapsula", "akamai", "ddos")):
        return True
    sample = body[:20000].lower()
    return status == 403 or any(mark in sample for mark in CHALLENGE_MARKERS)


# What a forward proxy answers by itself when its own rules refuse a request: 407 (it wants
# credentials), or a 403 carrying its error header (Squid's X-Squid-Error, RFC 9209 Proxy-Status).
PROXY_REFUSAL_STATUSES = (403, 407)
PROXY_REFUSED = "el proxy de esta máquina negó la consulta"


def proxy_refused(status: int, headers: dict[str, str]) -> bool:
    """Whether an answer to a request sent through a forward proxy is the proxy's own refusal
    (its policy, or its demand for credentials) rather than the server's: the server was not seen."""
    if status not in PROXY_REFUSAL_STATUSES:
        return False
    names = {k.lower(): v for k, v in headers.items()}
    return status == 407 or "x-squid-error" in names or "error=" in names.get("proxy-status", "")


# A download failure is recorded as Spanish words, then the exception's name and its English message in
# parentheses (crawler.errors.describe_failure): «el servidor rechazó la conexión (DownloadConnection…
# Error: Connection was refused by other side…)». The log and the JSON keep it whole; a person reads
# only the words (H289).
_TECHNICAL_DETAIL = re.compile(r"\s*\((?:[A-Za-z_][\w.]*(?:Error|Exception|Failure|Lost|Done)|[A-Z]\w+): [^\n]*\)\s*$")
_BARE_DETAIL = re.compile(r"^([A-Za-z_][\w.]*(?:Error|Exception|Failure|Lost|Done|Received|Failed)): ")
UNKNOWN_FAILURE = "la descarga falló por una causa de red que la herramienta no reconoce"
TIMEOUT_WORDS = "el servidor no respondió a tiempo"
CUT_WORDS = "la conexión se cortó antes de recibir la respuesta"
TOO_LARGE_WORDS = "la respuesta supera el tamaño máximo permitido"
# The words of a download failure, by the name of the exception class that ended it (Twisted's and
# Scrapy's >= 2.14 wrappers). crawler.errors names the classes; the names are kept here so a failure a
# store recorded bare («DownloadTimeoutError: …», before its class was known) is said as a new one is.
FAILURE_WORDS = {
    **dict.fromkeys(("DNSLookupError", "CannotResolveHostError"), DNS_REASON),
    **dict.fromkeys(("ConnectionRefusedError", "DownloadConnectionRefusedError"), "el servidor rechazó la conexión"),
    **dict.fromkeys(("TimeoutError", "TCPTimedOutError", "DownloadTimeoutError"), TIMEOUT_WORDS),
    "DownloadCancelledError": TOO_LARGE_WORDS,
    **dict.fromkeys(
        ("ResponseNeverReceived", "ConnectionLost", "ResponseFailed", "ConnectionDone", "ResponseDataLossError"),
        CUT_WORDS,
    ),
    "SSLError": "error del certificado o de la conexión segura (TLS)",
    "TunnelError": "el proxy no pudo abrir la conexión con el servidor (CONNECT)",
    "DownloadFailedError": "la descarga falló",
}
NOT_HTTP_WORDS = "el servidor respondió algo que no es una respuesta HTTP"
# Scrapy's DownloadFailedError names in its message the Twisted failures it wraps («[<twisted.python.failure.
# Failure twisted.web._newclient.ParseError: ('non-integer status code', …)>]»): said by what they were, not
# «la descarga falló» (H303). A reply the HTTP client could not read (no status line, garbage) is no HTTP
# answer; a connection closed before a whole answer came is cut.
_WRAPPED = (
    (re.compile(r"\b(?:_newclient\.)?(?:ParseError|BadHeaders|BadResponseVersion)\b"), NOT_HTTP_WORDS),
    (re.compile(r"\b(?:ConnectionDone|ConnectionLost|ResponseNeverReceived|ResponseFailed)\b"), CUT_WORDS),
)


def wrapped_words(error: str) -> str | None:
    """The words of a recorded «la descarga falló» by the failure Scrapy wrapped in it, or None."""
    if "DownloadFailedError" not in error:
        return None
    return next((words for pattern, words in _WRAPPED if pattern.search(error)), None)


# A link's HTTP answer as a store recorded it (http_reason's words of that version, «HTTP 404: la página no
# existe» before H289): said again with today's words, so an old store reads as a new one.
_HTTP_ANSWER = re.compile(r"^HTTP (\d{3})(?:: [^()\n]*)?$")


def with_detail(words: str, detail: str) -> str:
    """A recorded download failure: the Spanish ``words``, then the technical ``detail``."""
    return f"{words} ({detail})"


def spoken_error(error: str | None) -> str | None:
    """What a person reads of a recorded failure: its Spanish words without the technical detail
    (exception name and English message) that :func:`with_detail` appended; a bare technical
    detail is said by its exception's name (:data:`FAILURE_WORDS`, else :data:`UNKNOWN_FAILURE`); an
    HTTP answer («HTTP 404: …») is said with today's words for its status, whatever words it was stored with."""
    if not error:
        return error
    if answer := _HTTP_ANSWER.match(error):
        return http_reason(int(answer.group(1)))
    words = _TECHNICAL_DETAIL.sub("", error)
    if words != error:
        if words.rstrip(" :") == FAILURE_WORDS["DownloadFailedError"]:  # a store's record before H303
            return wrapped_words(error) or FAILURE_WORDS["DownloadFailedError"]
        return words.rstrip(" :") if words.strip(" :") else UNKNOWN_FAILURE
    if bare := _BARE_DETAIL.match(error):
        return wrapped_words(error) or FAILURE_WORDS.get(bare.group(1).rsplit(".", 1)[-1], UNKNOWN_FAILURE)
    return error


def technical_detail(error: str | None) -> str:
    """The technical part of a recorded failure (exception name and English message), or "" when the
    record is only words a person reads (an HTTP answer's among them)."""
    if not error or _HTTP_ANSWER.match(error):
        return ""
    if tail := _TECHNICAL_DETAIL.search(error):
        return tail.group(0).strip().removeprefix("(").removesuffix(")")
    return error if _BARE_DETAIL.match(error) else ""


def dns_failed(error: str | None) -> bool:
    """Whether a recorded download error is a DNS lookup that failed (:data:`DNS_REASON`)."""
    return bool(error) and error.startswith(DNS_REASON)


def unreached(status: int | None, error: str | None) -> bool:
    """Whether a fetch got no answer because its host name did not resolve from this machine: a
    request the site never received, no error of the site's. The one decision of «unreached»: the
    reports (``audits.pages.is_unreached``), the store's count (:data:`UNREACHED_SQL`) and the
    checklist (``checklist.unseen``) ask it here."""
    return status == 0 and dns_failed(error)


# :func:`unreached` over a snapshots row in SQL, with its one parameter (``UNREACHED_ARGS``): the
# error's first characters compared, as ``str.startswith``, on what older crawls stored too
UNREACHED_SQL = "status = 0 and substr(error, 1, ?) = ?"
UNREACHED_ARGS = (len(DNS_REASON), DNS_REASON)


def classify(status: int | None, error: str | None = None, chain: list | None = None) -> tuple[str, str | None]:
    """(state, reason in Spanish) for a final answer, given the redirect chain that led to it."""
    if error:
        return BROKEN, error
    if status is None:
        return SKIPPED, "no verificado"
    if status >= 400:
        return BROKEN, http_reason(status)
    if chain:
        hops = len(chain)
        first = chain[0][1] if chain and len(chain[0]) > 1 else None
        kind = "permanente: actualice el enlace" if first in PERMANENT else "temporal"
        return REDIRECT, f"redirección {kind} ({hops} salto{'s' if hops > 1 else ''})"
    return OK, None


def is_private_address(address: str) -> bool:
    """Loopback, private, link-local, reserved or otherwise non-public IP address."""
    try:
        ip = ipaddress.ip_address(address.strip("[]"))
    except ValueError:
        return False
    return not ip.is_global or ip.is_multicast


def host_is_private(host: str) -> bool:
    """Whether a URL host is literally a private address or a local name."""
    host = (host or "").lower().strip("[]")
    return host in ("localhost", "localhost.localdomain") or host.endswith(".localhost") or is_private_address(host)


# Why external links are «sin verificar» for the whole crawl: the check was switched off.
DISABLED_REASON = "sin verificar: la verificación de enlaces externos está desactivada ([links] check_external = false)"
DEV_HOST_LABEL = "enlace a un servidor de desarrollo"
# Names that never belong to a public site: reserved for tests, documentation, local networks
# (RFC 2606, RFC 6761, RFC 6762) and common intranet suffixes.
DEV_SUFFIXES = (".test", ".local", ".localhost", ".invalid", ".example", ".localdomain", ".internal", ".lan")


def is_dev_host(host: str, site_host: str = "") -> bool:
    """Whether a link's host is a developer's or an intranet's, never a public server's.

    ``localhost``, names under .test, .local, .localhost, .invalid, .example (and intranet
    suffixes), ``example.*`` names, and private or loopback addresses. The site's own host never
    is; private addresses are not either when the site itself lives on one (an intranet or a test
    bed: its neighbours are its peers).
    """
    host = (host or "").lower().strip("[]").rstrip(".")
    site = (site_host or "").lower().strip("[]").rstrip(".")
    if not host or host == site:
        return False
    if is_private_address(host):
        return not host_is_private(site)
    bare = host.removeprefix("www.")
    return (
        host in ("localhost", "localhost.localdomain")
        or host.endswith(DEV_SUFFIXES)
        or bare.startswith("example.")
        or bare == "example"
    )
