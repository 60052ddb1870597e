"""Crawled text quoted in a detail (what a committee reads): the notice as the page writes it, on one
line, cut at a word, its «» made plain so it cannot close the detail's own quote. The text stays
text: every report escapes it (the HTML templates autoescape; the CSV guards formula cells)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .text import element_text, fold

QUOTE_CHARS = 120  # longer, a quoted notice is cut at a word


def shorten(text: str) -> str:
    """A crawled text to quote in a detail: on one line, at most ``QUOTE_CHARS`` characters, cut at a
    word with «…»; its «» (the detail's own quotes) made plain so it cannot close the quote."""
    text = " ".join(text.split()).replace("«", '"').replace("»", '"')
    if len(text) <= QUOTE_CHARS:
        return text
    cut = text[:QUOTE_CHARS].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.") + "…"


def says_nothing(notice: str) -> str:
    """What a detail says of a page or a section whose only content is a notice (or a counter,
    «0 documento(s)») that it has nothing: the notice, already quoted (:func:`shorten`), then why."""
    return f"dice «{notice}»: no tiene nada publicado"


def holding(roots: Iterable[Any], folded: str, limit: int) -> str:
    """The shortest text of an element under ``roots`` (themselves included) whose folded text has
    ``folded`` (``limit`` characters at most), else ""."""
    best = ""
    for root in roots:
        for el in root.iter():
            if not isinstance(el.tag, str):
                continue
            text = element_text(el)
            if folded in fold(text) and (not best or len(text) < len(best)):
                best = text
    return best if 0 < len(best) <= limit else ""


def placeholder(body: Any, folded: str, limit: int = 120) -> str:
    """The placeholder as the page writes it («Cargando noticias…»): the shortest text of an
    element whose folded text has it (``limit`` characters at most), else the folded match;
    :func:`shorten`-ed, as every quoted text (one line, its «» made plain)."""
    return shorten(holding((body,), folded, limit) or folded)


def quote(body: Any, folded: str) -> str:
    """A notice as the page writes it: the shortest element text that holds the folded match (the
    whole sentence, «La entidad no cuenta con proyectos de normas publicados a la fecha.»), shortened."""
    return shorten(placeholder(body, folded, limit=4 * QUOTE_CHARS))


def quote_section(region: Iterable[Any], folded: str, said: str) -> str:
    """A section's notice as the page writes it (:func:`quote` over the elements under its title);
    ``said``, the section's own text, when no element holds it (the notice is the title's tail)."""
    return shorten(holding(region, folded, 4 * QUOTE_CHARS) or said)
