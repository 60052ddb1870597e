"""Volatile text: the patterns of what changes on every visit without the page changing (counters,
today's date, session tokens, random ids), and the cheap tests that tell when one cannot match.

A leaf of markup.py (its :func:`~gelt_audit.markup.content_of` removes what these match), kept apart
because the prefilter's folding is a subject of its own: each test here answers exactly what the
pattern's own search would, only faster on a page that cannot hold it.
"""

from __future__ import annotations

import codecs
import re

# Volatile text that changes on every visit without the page changing. Each has a name so the
# change audit can say which rule suppressed what.
DEFAULT_PATTERNS: tuple[tuple[str, str], ...] = (
    (
        "contador de visitas",
        r"(?i)\b(visitas|visitantes|visitante n[uú]mero|usuarios en l[ií]nea|contador)\s*:?\s*[\d.,]+",
    ),
    ("fecha de hoy", r"(?i)\bhoy\s+es\s+[^.\n]{0,40}?\d{4}"),
    ("token de sesión", r"(?i)\b(sid|sessionid|phpsessid|jsessionid|token|csrf[_-]?token)\s*[=:]\s*[\w-]+"),
    ("identificador aleatorio", r"\b[0-9a-fA-F]{24,}\b"),
)

# Words without which each default pattern cannot match (casefolded); None: always run it.
PREFILTER: dict[str, tuple[str, ...] | None] = {
    "contador de visitas": ("visita", "usuarios en l", "contador"),
    "fecha de hoy": ("hoy",),
    "token de sesión": ("sid", "session", "token", "csrf"),
    "identificador aleatorio": None,
}
DEFAULT_COMPILED = [(name, re.compile(p), PREFILTER.get(name)) for name, p in DEFAULT_PATTERNS]
# «identificador aleatorio» needs 24 hex digits in a row: bytes.translate marks them (a C table
# lookup per byte; UTF-8 sequences are bytes >= 0x80, never hex) and a substring search finds a
# run of 24, 30x cheaper than letting the pattern try every character of a page that has none.
_HEX_MARKS = bytes(0x78 if chr(b) in "0123456789abcdefABCDEF" else 0x20 for b in range(256))
_HEX_RUN = b"x" * 24


def may_hold_hex_id(text: str) -> bool:
    return _HEX_RUN in text.encode("utf-8", "surrogatepass").translate(_HEX_MARKS)


def _fold_outside_latin1(error: UnicodeEncodeError) -> tuple[str, int]:
    """Encoding error handler: each character outside Latin-1 becomes its casefold with every
    character outside ASCII written "\xff" (an ASCII word matches only ASCII, so those need
    only stay non-ASCII and in place)."""
    chunk = error.object[error.start : error.end]
    return "".join(ch if ch.isascii() else "\xff" for ch in chunk.casefold()), error.end


codecs.register_error("gelt-casefold-ascii", _fold_outside_latin1)


def prefilter_fold(text: str) -> str | bytes:
    """What answers ``word in`` as ``text.casefold()`` does, for the prefilter's ASCII words.

    In Latin-1, «ß» is the only character outside ASCII whose casefold holds an ASCII letter
    (tests/test_extract.py checks it against unicodedata): without it, the text's Latin-1 bytes
    with ASCII lowered hold an ASCII word exactly where the casefold does, the characters
    outside Latin-1 (quotes, dashes; İ, ſ, K, ﬁ…) folded by :func:`_fold_outside_latin1`. Cheaper
    than ``casefold`` on a 20 KB text by ~10x.
    """
    if "\u00df" in text:
        return text.casefold()
    return text.encode("latin-1", "gelt-casefold-ascii").lower()


# The prefilter's words as bytes, for a prefilter_fold() that returned bytes.
PREFILTER_BYTES = {
    name: None if words is None else tuple(w.encode("ascii") for w in words) for name, words in PREFILTER.items()
}
# Words a default pattern needs, as they can show in a text with some of its words removed
# (:func:`content_of`'s text outside links): a word with a space can form across a removed
# link, so only its first word is a necessary condition.
_NEEDED_SPLIT = {
    name: None if words is None else tuple(dict.fromkeys(w.split(" ", 1)[0] for w in words))
    for name, words in PREFILTER.items()
}


_NEEDED_SPLIT_BYTES = {
    name: None if words is None else tuple(w.encode("ascii") for w in words) for name, words in _NEEDED_SPLIT.items()
}


def may_match(text: str) -> dict[str, bool]:
    """For each default pattern, whether it may match in ``text`` or in a text whose tokens are
    some of ``text``'s in the same order (:data:`_NEEDED_SPLIT`, and the hex run's test).

    The hex run is looked for in the folded bytes when there are some: each ASCII character
    of the text is one byte of them, in place (hex digits stay hex digits), a Latin-1 one a byte
    >= 0x80 (never hex), and a character outside Latin-1 its casefold: a run of 24 hex digits of
    the text is one there. A run there that is not one in the text (a casefold such as «ﬀ» gives
    ASCII letters) only sends the text to :func:`_denoise`'s own test of the text."""
    folded = prefilter_fold(text)
    as_bytes = isinstance(folded, bytes)
    may = {}
    for name, words in (_NEEDED_SPLIT_BYTES if as_bytes else _NEEDED_SPLIT).items():
        if words is None:
            if name != "identificador aleatorio":
                may[name] = True
            elif as_bytes:
                may[name] = _HEX_RUN in folded.translate(_HEX_MARKS)  # type: ignore[arg-type]
            else:
                may[name] = may_hold_hex_id(text)
        else:
            may[name] = any(w in folded for w in words)  # type: ignore[operator]
    return may
