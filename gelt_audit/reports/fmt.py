"""How reports write dates, numbers and URLs for a reader in Colombia (Babel, locale es_CO).

Every function here is also a Jinja2 filter (see :data:`FILTERS`). They accept ``None`` and
return a dash, so a template never has to guard a missing value itself.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Any
from urllib.parse import quote, urlsplit

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal, format_percent

from gelt_audit.clock import BOGOTA, local_date, to_datetime
from gelt_audit.linkstate import spoken_error

LOCALE = "es_CO"
DASH = "—"
# Only these schemes become clickable: a crawled page may link to javascript: or data: URLs,
# and an e-mail client may not honour the report's Content-Security-Policy.
SAFE_SCHEMES = ("http", "https", "mailto")


def fecha(value: Any) -> str:
    """``24 de noviembre de 2026``."""
    d = local_date(value)
    return format_date(d, "long", locale=LOCALE) if d else DASH


def dia_mes(value: Any) -> str:
    """``30 de noviembre``: a deadline within the current month, where the year is noise."""
    d = local_date(value)
    return format_date(d, "d 'de' MMMM", locale=LOCALE) if d else DASH


def dia_mes_corto(value: Any) -> str:
    """``23 nov``: a day of the last weeks, inside a sentence."""
    d = local_date(value)
    return format_date(d, "d MMM", locale=LOCALE).rstrip(".") if d else DASH


def fecha_corta(value: Any) -> str:
    """``24 nov 2026``: for table cells."""
    d = local_date(value)
    return format_date(d, "d MMM y", locale=LOCALE) if d else DASH


def fecha_hora(value: Any) -> str:
    """``24 de noviembre de 2026, 7:31 p. m.`` in Bogotá time."""
    dt = to_datetime(value)
    if dt is None:
        return DASH
    return format_datetime(dt, "d 'de' MMMM 'de' y, h:mm a", tzinfo=BOGOTA, locale=LOCALE)


def mes(value: Any) -> str:
    """``noviembre de 2026`` from ``2026-11``, a date or a timestamp."""
    d = _month(value)
    return format_date(d, "MMMM 'de' y", locale=LOCALE) if d else DASH


def mes_corto(value: Any) -> str:
    """``nov 2026``: for chart labels and table headers."""
    d = _month(value)
    return format_date(d, "MMM y", locale=LOCALE) if d else DASH


def _month(value: Any) -> date | None:
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}", value):
        return date(int(value[:4]), int(value[5:]), 1)
    return local_date(value)


def numero(value: Any, decimals: int = 1) -> str:
    """``12.345`` / ``62,5``: es_CO grouping and decimal marks."""
    if value is None or value == "":
        return DASH
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    pattern = "#,##0" + ("." + "#" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=LOCALE)


def porcentaje(value: Any) -> str:
    """A 0–100 score as ``62,5 %`` (Babel's es_CO percent pattern)."""
    if value is None or isinstance(value, bool) or not isinstance(value, int | float):
        return DASH if value is None else str(value)
    return format_percent(value / 100, format="#,##0.#%", locale=LOCALE)


def delta(value: Any, decimals: int = 1) -> str:
    """A signed change: ``+3``, ``−2`` (true minus sign), ``sin cambio``; empty when unknown."""
    if value is None:
        return ""
    if value == 0:
        return "sin cambio"
    sign = "+" if value > 0 else "−"
    return sign + numero(abs(value), decimals)


def plural(count: Any, one: str, many: str) -> str:
    """``1 enlace roto`` / ``3 enlaces rotos``, with the number formatted."""
    n = count if isinstance(count, int | float) else 0
    return f"{numero(n)} {one if n == 1 else many}"


def href(url: Any) -> str | None:
    """The URL if it is safe to make clickable (http, https, mailto), else None."""
    if not isinstance(url, str) or not url:
        return None
    scheme = urlsplit(url.strip()).scheme.lower()
    return url if scheme in SAFE_SCHEMES else None


_ESCAPES = re.compile(r"(?:%[0-9A-Fa-f]{2})+")
# Characters that change what a URL means, or that a reader cannot see: kept percent-encoded.
_KEEP_ENCODED = frozenset("/?#&=%+;:@[]")


def _legible_char(char: str) -> str:
    if char in _KEEP_ENCODED or unicodedata.category(char)[0] in "CZ" and char != " ":
        return quote(char, safe="")
    return char


def _decode_escapes(match: re.Match[str]) -> str:
    raw = match.group(0)
    try:
        text = bytes.fromhex(raw.replace("%", "")).decode("utf-8")
    except UnicodeDecodeError:  # not UTF-8 (an old Windows-1252 link): leave it as the site wrote it
        return raw
    return "".join(_legible_char(c) for c in text)


def _legible_host(url: str) -> str:
    scheme, sep, rest = url.partition("://")
    if not sep:
        return url
    host, slash, tail = rest.partition("/")
    if "xn--" not in host.lower():
        return url
    try:
        name, colon, port = host.rpartition(":") if host.rsplit(":", 1)[-1].isdigit() else (host, "", "")
        host = name.encode("ascii").decode("idna") + colon + port
    except UnicodeError:
        return url
    return f"{scheme}{sep}{host}{slash}{tail}"


def url_legible(url: Any) -> str:
    """A URL as a person reads it: ``/pdf/Resolución 063.pdf`` for ``/pdf/Resoluci%C3%B3n%20063.pdf``.

    Only for display: the JSON and the links keep the exact URL. Escapes of UTF-8 text are
    decoded, but not those of delimiters (``/ ? # & =`` …), control or invisible characters,
    nor bytes that are not UTF-8; an internationalised host (``xn--``) is shown in Unicode.
    """
    if not isinstance(url, str):
        return DASH
    return _ESCAPES.sub(_decode_escapes, _legible_host(url)) if "%" in url or "xn--" in url.lower() else url


def short_url(url: Any, site_url: str = "", limit: int = 70) -> str:
    """A URL as people read it (:func:`url_legible`): the path alone on the municipality's own
    site, cut in the middle."""
    if not isinstance(url, str):
        return DASH
    text = url
    if site_url:
        own, parts = urlsplit(site_url), urlsplit(url)
        if parts.netloc and parts.netloc.lower() == own.netloc.lower():
            text = parts.path or "/"
            if parts.query:
                text += "?" + parts.query
            if parts.fragment:
                text += "#" + parts.fragment
    text = url_legible(text)
    if text.startswith(("http://", "https://")):
        text = text.split("://", 1)[1]
    if len(text) > limit:
        keep = (limit - 1) // 2
        text = text[:keep] + "…" + text[-keep:]
    return text


def hace(days: Any) -> str:
    """``hoy``, ``ayer``, ``hace 5 días``."""
    if not isinstance(days, int):
        return DASH
    if days <= 0:
        return "hoy"
    if days == 1:
        return "ayer"
    return f"hace {numero(days)} días"


def duracion_ms(value: Any) -> str:
    """``850 ms`` / ``2,4 s``."""
    if not isinstance(value, int | float):
        return DASH
    if value < 1000:
        return f"{numero(value, 0)} ms"
    return f"{numero(value / 1000, 1)} s"


def duracion_rastreo(seconds: Any) -> str:
    """How long a crawl took, as its start and end are stored (to the second): «menos de un segundo»
    under one (never «0 ms»: the store does not know the milliseconds), else seconds, minutes and
    hours rounded down (``45 s``, ``3 min 20 s``, ``2 h 5 min``)."""
    if not isinstance(seconds, int | float) or seconds < 0:
        return DASH
    whole = int(seconds)
    if whole < 1:
        return "menos de un segundo"
    if whole < 60:
        return f"{whole} s"
    if whole < 3600:
        return f"{whole // 60} min" + (f" {whole % 60} s" if whole % 60 else "")
    return f"{numero(whole // 3600)} h" + (f" {whole % 3600 // 60} min" if whole % 3600 // 60 else "")


def ultima_publicacion(dep: dict[str, Any]) -> str:
    """A dependencia's last publication as the reports say it (``publicada el 27 feb · detectada el 24
    nov``): the date its pages declare and the day a crawl saw one change, each named for what it is.
    The weekly and the e-mail to its responsable say it with this one text."""
    published, detected = dep.get("last_published"), dep.get("last_detected")
    if published and detected:
        return f"publicada el {dia_mes_corto(published)} · detectada el {dia_mes_corto(detected)}"
    if published:
        return f"publicada el {dia_mes_corto(published)}"
    if detected:
        return f"detectada el {dia_mes_corto(detected)} (la página no declara fecha)"
    return f"el {dia_mes_corto(dep.get('last_update'))}" if dep.get("last_update") else "sin registro"


def nota_sitemap(dep: dict[str, Any]) -> str:
    """The sitemap date that does not count (``last_sitemap_date``, H291), with why; '' when none."""
    day = dep.get("last_sitemap_date")
    if not day:
        return ""
    return (
        f"el sitemap da el {dia_mes_corto(day)}, que no cuenta "
        "(ninguna página la muestra y ningún rastreo vio cambiar su texto desde entonces)"
    )


FILTERS = {
    "ultima_publicacion": ultima_publicacion,
    "nota_sitemap": nota_sitemap,
    "en_espanol": spoken_error,
    "fecha": fecha,
    "fecha_corta": fecha_corta,
    "dia_mes": dia_mes,
    "dia_mes_corto": dia_mes_corto,
    "fecha_hora": fecha_hora,
    "mes": mes,
    "mes_corto": mes_corto,
    "numero": numero,
    "porcentaje": porcentaje,
    "delta": delta,
    "plural": plural,
    "href": href,
    "short_url": short_url,
    "url_legible": url_legible,
    "duracion_ms": duracion_ms,
    "duracion_rastreo": duracion_rastreo,
    "hace": hace,
}
