"""Dates a page publishes about itself: meta tags, <time> elements, dates written in Spanish."""

from __future__ import annotations

import re
from datetime import date

from lxml import etree

MONTHS = {
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
}  # fmt: skip
META_NAMES = (
    "article:published_time", "article:modified_time", "og:updated_time", "dc.date", "dc.date.issued",
    "dcterms.created", "dcterms.modified", "date", "fecha", "last-modified", "datepublished", "datemodified",
)  # fmt: skip
_META_XPATH = etree.XPath("//meta[@content and (@property or @name or @itemprop)] | //time[@datetime]")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_SPANISH = re.compile(r"(?i)\b(\d{1,2})\s+de\s+(" + "|".join(MONTHS) + r")\s+(?:de|del)\s+(\d{4})\b")
_NUMERIC = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
_ANY_DATE = re.compile(
    r"(?i)\b(\d{1,2})\s+de\s+(" + "|".join(MONTHS) + r")\s+(?:de|del)\s+(\d{4})\b"
    r"|\b(\d{1,2})/(\d{1,2})/(\d{4})\b"
    r"|(\d{4})-(\d{2})-(\d{2})"
)
MAX_DATES = 60


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat() if 1990 <= year <= 2100 else None
    except ValueError:
        return None


def meta_dates(root: etree._Element) -> set[str]:
    """Dates from meta tags (Open Graph, Dublin Core, schema.org) and <time datetime>."""
    found = set()
    for el in _META_XPATH(root):
        if el.tag == "meta":
            key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
            if key not in META_NAMES:
                continue
            value = el.get("content", "")
        else:
            value = el.get("datetime", "")
        match = _ISO.search(value)
        if match and (iso := _valid(*map(int, match.groups()))):
            found.add(iso)
    return found


def text_dates(text: str) -> set[str]:
    """Dates written in the text: '24 de noviembre de 2026', '24/11/2026', '2026-11-24'."""
    found = set()
    for m in _ANY_DATE.finditer(text):  # one pass over the text for the three forms
        g = m.groups()
        if g[0]:
            iso = _valid(int(g[2]), MONTHS[g[1].lower()], int(g[0]))
        elif g[3]:
            iso = _valid(int(g[5]), int(g[4]), int(g[3]))
        else:
            iso = _valid(int(g[6]), int(g[7]), int(g[8]))
        if iso:
            found.add(iso)
    return found
