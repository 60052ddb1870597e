"""The page's own title written in the site's header band (class 2702, H270).

Some templates draw a page's title inside the box they mark as the header: a breadcrumb banner inside
``<header class="header-area">`` («<h2>Rectoria</h2>» on ``/rectoria.html``), or a band
``<div class="encabezado">`` holding the escutcheon and «<h1>Testimonios y Participación Ciudadana</h1>»
on ``/Testimonios``. The header is taken out with the chrome, and the page, with no ``h1`` of its own
content, is named by nothing but its ``<title>`` («INEM» on every page, «Vite + React + TS»). A person
reads that heading as the title of the page the link opened: the address says the same words. The
site's own name in its header (on every page) is no such title: its words are not the page's address."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote, urlsplit

from .chrome import in_header
from .text import element_text, fold

_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_WORD = re.compile(r"[a-z]{3,}")
_NO_NAME = frozenset(("index", "default", "home", "inicio", "main", "html", "php", "aspx", "jsp"))
_MAX_CHARS = 120


def _address_words(url: str) -> list[str]:
    """The words of the last step of a page's address («/Mision_vision» → mision, vision), none for the
    home page or an index file."""
    path = unquote(urlsplit(url).path).rstrip("/")
    last = path.rsplit("/", 1)[-1].rsplit(".", 1)[0] if path else ""
    words = _WORD.findall(fold(_CAMEL.sub(" ", last)))
    return [] if not words or any(w in _NO_NAME for w in words) else words


def banner_name(root: Any, url: str) -> str:
    """The text of an ``h1``/``h2`` inside the site's header box (not in a link or a menu) holding every
    word of the page's address, or "" when there is none."""
    words = _address_words(url)
    if not words:
        return ""
    for h in root.iter("h1", "h2"):
        ancestors = list(h.iterancestors())
        if any(a.tag in ("a", "nav") for a in ancestors) or not any(in_header(a) for a in ancestors):
            continue
        text = element_text(h)
        squeezed = re.sub(r"[^a-z]", "", fold(text))
        if 0 < len(text) <= _MAX_CHARS and all(w in squeezed for w in words):
            return text
    return ""
