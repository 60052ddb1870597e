"""Dates a page publishes about itself: meta tags, <time> elements, dates written in Spanish."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from datetime import date

from lxml import etree

MONTHS = {
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
}  # fmt: skip
# Meta tags naming when the page was published or made, and those naming when it was last saved: a
# content manager moves a modification date each time it saves a page again, text unchanged (as the
# sitemap's lastmod), so it is no date the page declares as its publication (H293).
PUBLISHED_META = (
    "article:published_time", "dc.date", "dc.date.issued", "dcterms.created", "date", "fecha", "datepublished",
)  # fmt: skip
MODIFIED_META = ("article:modified_time", "og:updated_time", "dcterms.modified", "last-modified", "datemodified")
META_NAMES = PUBLISHED_META + MODIFIED_META
# How a page's stored dates mark a modification date ("m2026-11-20"): stored beside the dates it declares,
# in the same list, so a store written before keeps its meaning (every plain date is a declared one).
MODIFIED_MARK = "m"
MAX_MODIFIED = 4
_META_XPATH = etree.XPath("//meta[@content and (@property or @name or @itemprop)] | //time[@datetime]")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_SPANISH = re.compile(r"(?i)\b(\d{1,2})\s+de\s+(" + "|".join(MONTHS) + r")\s+(?:de|del)\s+(\d{4})\b")
_NUMERIC = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
_ANY_DATE = re.compile(
    r"(?i)\b(\d{1,2})\s+de\s+(" + "|".join(MONTHS) + r")\s+(?:de|del)\s+(\d{4})\b"
    r"|\b(\d{1,2})/(\d{1,2})/(\d{4})\b"
    r"|(\d{4})-(\d{2})-(\d{2})"
)
_DIGIT_RUN = re.compile(r"\d+")
MAX_DATES = 60


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat() if 1990 <= year <= 2100 else None
    except ValueError:
        return None


def meta_dates(root: etree._Element) -> set[str]:
    """Dates of publication from meta tags (Open Graph, Dublin Core, schema.org) and <time datetime>."""
    return page_meta_dates(root)[0]


def page_meta_dates(root: etree._Element) -> tuple[set[str], set[str]]:
    """(dates of publication, dates of modification) from meta tags and <time datetime> (publication)."""
    published: set[str] = set()
    modified: set[str] = set()
    for el in _META_XPATH(root):
        found = published
        if el.tag == "meta":
            key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
            if key not in META_NAMES:
                continue
            if key in MODIFIED_META:
                found = modified
            value = el.get("content", "")
        else:
            value = el.get("datetime", "")
        match = _ISO.search(value)
        if match and (iso := _valid(*map(int, match.groups()))):
            found.add(iso)
    return published, modified


def stored_dates(declared: set[str], modified: set[str]) -> list[str]:
    """What a page's body keeps of its dates: those it declares (sorted, the newest MAX_DATES), then
    its modification dates it does not also declare, each marked (MODIFIED_MARK, the newest MAX_MODIFIED)."""
    plain = sorted(declared)[-MAX_DATES:]
    marked = sorted(modified - set(plain))[-MAX_MODIFIED:]
    return plain + [MODIFIED_MARK + iso for iso in marked]


def split_stored(dates: list[str]) -> tuple[list[str], list[str]]:
    """(declared dates, modification dates) of a page's stored dates (:func:`stored_dates`)."""
    declared, modified = [], []
    for value in dates:
        if value.startswith(MODIFIED_MARK):
            modified.append(value[len(MODIFIED_MARK) :])
        else:
            declared.append(value)
    return declared, modified


def _iso_of(m: re.Match[str]) -> str | None:
    g = m.groups()
    if g[0]:
        return _valid(int(g[2]), MONTHS[g[1].lower()], int(g[0]))
    if g[3]:
        return _valid(int(g[5]), int(g[4]), int(g[3]))
    return _valid(int(g[6]), int(g[7]), int(g[8]))


def _digit_marks(error: UnicodeEncodeError) -> tuple[str, int]:
    """Encoding error handler: a character outside Latin-1 becomes "0" if it is a digit for
    ``\\d`` (Unicode category Nd: str.isdecimal), else a space, one byte per character."""
    chunk = error.object[error.start : error.end]
    return "".join("0" if c.isdecimal() else " " for c in chunk), error.end


codecs.register_error("gelt-digit-marks", _digit_marks)
# Latin-1's only characters in category Nd are 0-9: after the handler above, a byte is a digit
# of the text's \d exactly when it is b"0"-b"9", at the same index as the character.
_DIGIT_MARKS = bytes(0x78 if 0x30 <= b <= 0x39 else 0x20 for b in range(256))


def _digit_runs(text: str) -> Iterator[tuple[int, int]]:
    """The spans of ``\\d+`` in text, as ``_DIGIT_RUN.finditer`` gives them, found with C-level
    byte searches: sre tries ``\\d`` at every character of a str, ~40 ns each."""
    marks = text.encode("latin-1", "gelt-digit-marks").translate(_DIGIT_MARKS)
    find = marks.find
    size = len(marks)
    start = find(b"x")
    while start != -1:
        end = find(b" ", start)
        if end == -1:
            end = size
        yield start, end
        start = find(b"x", end)


def text_dates(text: str) -> set[str]:
    """Dates written in the text: '24 de noviembre de 2026', '24/11/2026', '2026-11-24'.

    Finds what ``_ANY_DATE.finditer`` finds (:func:`text_dates_regex`; tests/test_dates.py checks
    it) without trying the pattern at every character: every match starts in a run of digits,
    at its start (the two forms that begin at a word boundary) or at its last four digits (ISO,
    whose year is followed by "-"). So the scan jumps from digit run to digit run
    (:func:`_digit_runs`) and tries the pattern there only.
    """
    found = set()
    pos = 0  # matches do not overlap: the next one starts where the last ended
    match_at = _ANY_DATE.match
    for start, end in _digit_runs(text):
        for at in (start, end - 4) if end - start > 4 else (start,):
            if at < pos:
                continue
            m = match_at(text, at)
            if m is not None:
                pos = m.end()
                if iso := _iso_of(m):
                    found.add(iso)
                break
    return found


def text_dates_regex(text: str) -> set[str]:
    """The reference for :func:`text_dates`: one regex pass over the whole text."""
    return {iso for m in _ANY_DATE.finditer(text) if (iso := _iso_of(m))}
