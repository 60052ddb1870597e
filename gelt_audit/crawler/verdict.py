"""Whether a crawl saw the site: the status a crawl ends with, decided from what it met.

Only a ``finished`` crawl is a baseline for the reports. A crawl that could not see the site
(home page gone, moved or forbidden, the server dead half-way) is ``failed``; one that saw
something else than the site — a firewall answering 403/429 to most pages, a maintenance page in
place of most of last week's pages — is ``suspect``: kept for the record, never used to declare
pages removed or links broken. Pure: the pipeline gathers the counts, this decides.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from gelt_audit.linkstate import REDIRECT_STATUSES, http_reason

# The close reason of a crawl its home page's answer stopped (spiders.site: moved, gone, silent): failed with
# the home page's reason, as a crawl that ran to its end with it (H303).
HOME_STOP = "home_page_not_seen"
# A crawl with fewer pages than this is too small to call a share of it «most».
MIN_PAGES = 5
MOST = 0.5  # «most» of the pages


@dataclass(frozen=True)
class CrawlCounts:
    """What the crawl met, as the pipeline counted it when the spider closed."""

    reason: str  # Scrapy's close reason
    write_error: str | None = None
    home_error: str | None = None
    network_errors: int = 0
    pages: int = 0  # responses and failures of pages (documents and resources apart)
    blocked: int = 0  # pages answered 403 or 429
    previous_pages: int = 0  # pages the last finished crawl saw answer 2xx
    lost: int = 0  # of those, pages this crawl never reached (no answer at all, not even 404/410)
    limited: bool = False  # max_pages cut the crawl: absent pages say nothing
    seen: int | None = None  # HTML pages that answered 2xx (a 304 of a known one too); None: not counted


def is_seen(kind: str, status: int) -> bool:
    """Whether a snapshot is a page of the site seen with its content (the spider's and the
    distributed coordinator's one count of them)."""
    return kind == "page" and 200 <= status < 300


@dataclass(frozen=True)
class Verdict:
    status: str  # finished | failed | interrupted | suspect | partial
    error: str | None = None
    site_unreachable: bool = False


def verdict(c: CrawlCounts, last_network_error: str | None = None) -> Verdict:
    """The crawl's status and, when it is not ``finished``, why (one Spanish sentence)."""
    answered = c.pages - c.network_errors
    if c.write_error is not None:
        return Verdict("failed", f"no se pudieron guardar los resultados en el almacén: {c.write_error}")
    if c.reason == "shutdown":
        return Verdict("interrupted", "rastreo detenido antes de terminar")
    if c.reason == "closespider_timeout":
        return Verdict(
            "partial",
            "el rastreo llegó a su tiempo máximo (site.max_duration_minutes) y se detuvo sin terminar: no se usa "
            "para declarar páginas eliminadas; los informes siguen con el último rastreo terminado",
        )
    if c.home_error and c.reason == HOME_STOP:
        return Verdict("failed", c.home_error, site_unreachable=True)
    if c.reason != "finished":
        return Verdict("failed", f"rastreo terminado por: {c.reason}")
    if c.home_error:
        return Verdict("failed", c.home_error, site_unreachable=True)
    if c.seen == 0 and answered:
        # a home page that only redirects within the site (a loop) or is no HTML page: the crawl
        # ends «finished» with nothing to audit; judged, every item would read as missing
        return Verdict("failed", nothing_seen(answered))
    if c.network_errors >= 3 and c.network_errors >= answered:
        return Verdict(
            "failed",
            f"el sitio dejó de responder durante el rastreo: {c.network_errors} de {c.pages} solicitudes "
            f"sin respuesta (la última: {last_network_error})",
            site_unreachable=True,
        )
    if answered >= MIN_PAGES and c.blocked > MOST * answered:
        return Verdict(
            "suspect",
            f"rastreo sospechoso: el sitio respondió 403 o 429 a {c.blocked} de {answered} páginas (un cortafuegos "
            "o un límite de solicitudes); no se usa para declarar páginas eliminadas ni enlaces rotos",
        )
    if not c.limited and c.previous_pages >= MIN_PAGES and c.lost > MOST * c.previous_pages:
        return Verdict(
            "suspect",
            f"rastreo sospechoso: se perdieron {c.lost} de las {c.previous_pages} páginas del rastreo anterior sin "
            "que respondieran 404 o 410 (¿una página de mantenimiento, un cambio de robots.txt o de exclusiones?); "
            "no se usa para declarar páginas eliminadas. Si el sitio de verdad se reorganizó, rastree con "
            "gelt-audit crawl --accept-lost-pages",
        )
    return Verdict("finished")


def nothing_seen(answered: int) -> str:
    """Why a crawl whose answers held no page of the site is no view of it (one Spanish sentence)."""
    return (
        f"ninguna página del sitio respondió con contenido ({answered} respuesta(s): redirecciones, errores o "
        "archivos que no son páginas HTML); nada del sitio se pudo ver: revise la página de inicio "
        "(¿un bucle de redirecciones dentro del sitio?)"
    )


ROBOTS_FORBID = (
    "robots.txt no permite rastrear la página de inicio (Disallow): nada del sitio se pudo ver; "
    "pida al administrador del sitio que permita el acceso de gelt-audit"
)


def home_problem(home: str, status: int, location: bytes | None) -> str | None:
    """Why the home page's answer means the site was not seen, or None when it was.

    An error status is the site down or gone (not a site without pages); a redirect to another
    scheme, host or port is a site that moved: following it would report every known page as
    removed and every page of the new address as new.
    """
    if status >= 400:
        return f"la página de inicio respondió {http_reason(status)}"
    if status in REDIRECT_STATUSES and location:
        target = urljoin(home, location.decode("latin-1"))
        old, new = urlsplit(home), urlsplit(target)
        if (old.scheme, old.netloc.lower()) != (new.scheme, new.netloc.lower()):
            return f"el sitio se mudó a {target}: actualice site.url"
    return None
