"""Criterion D of docs/checklist-scope.md: a page titled with an item's name whose only text is the
general definition of the mechanism and the norm that creates it («Las consultas ciudadanas son un
mecanismo de participación… (Ley 134 de 1994)») says what the thing is, not that the entity has one:
named and empty. What such a text is, read from its folded words. (The same reading of a section of
a page was measured and not applied: it lowered a held-out figure; docs/checklist-accuracy.md, «H176».)"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from typing import Any

from .text import element_text, fold

# A norm cited (folded): «Ley 134 de 1994», «Decreto 1083 de 2015», «artículos 90 a 93», «Sentencia C-180»
_NORM_CITED = re.compile(
    r"\b(?:leyes|ley|decretos?(?: ley)?|resolucion(?:es)?|acuerdos?|ordenanzas?|circular(?:es)?|sentencias?|"
    r"articulos?|art|numeral(?:es)?|literal(?:es)?|paragrafos?|incisos?|capitulos?)\b\.?\s*(?:n[o°]\.?\s*)?"
    r"(?:[a-z]{1,2}-)?\d[\d.]*(?:\s*(?:a|y|,)\s*\d[\d.]*)*(?:\s+de\s+(?:19|20)\d\d)?"
)
# The opening that defines a name («<name> es un…», «se entiende por <name>…»); {name} is filled in
_DEFINES = (
    r"(?:(?:el|la|los|las|un|una)\s+)?{name}\s*,?\s+(?:(?:es|son)\s+(?:un|una|unos|unas|el|la|los|las|aquel|aquella|"
    r"aquellos|aquellas|mecanismos?|instrumentos?|herramientas?|procesos?|espacios?|derechos?)\b|"
    r"se\s+(?:entiende|define|concibe)n?\s+como\b|consisten?\s+en\b)",
    r"se\s+(?:entiende|define|denomina|conoce)n?\s+(?:por|como)\s+(?:(?:el|la|los|las)\s+)?{name}\b",
    r"\W*que\s+(?:es|son)\s+(?:(?:el|la|los|las)\s+)?{name}\W*\?",
)
# What only the entity's own text says: first person, its hearings and calls («se realizó», «convoca»)
_OWN_DEED = re.compile(
    r"\b(?:nuestr[oa]s?|somos|nosotros|invita(?:mos)?|convoca(?:mos)?|se realizo|se realizara|realizo|realizara|"
    r"se llevo a cabo|se llevara a cabo|inscri\w*|proxim[oa]s?)\b"
)
# A page of norms: citing them is its content (the normatividad items, never a definition's page)
_NORMS_NAME = re.compile(
    r"\b(?:normatividad|normativa|normativo|normograma|normas|marco (?:legal|juridico)|base legal|fundamento legal|"
    r"leyes|decretos|resoluciones|acuerdos|circulares|jurisprudencia)\b"
)
# A page of definitions (its folded title, h1 or h2): its terms each define their title, that is its content
_DEFINITIONS_PAGE = re.compile(r"\b(?:glosario|terminos|definiciones|diccionario|preguntas frecuentes|faq)\b")
LIST_TAGS = ("li", "dd", "dt", "select")  # a list of the entity's own (its spaces, its functions)
_DEFINITION_WORDS = 200  # longer, the text says more than what the thing is


def _name_pattern(name: str) -> str:
    """A folded name as a regex that takes either number («consulta ciudadana», «consultas
    ciudadanas»), its words apart by any spaces or punctuation."""
    words = []
    for w in re.findall(r"[a-z0-9]+", name):
        if len(w) > 4 and w.endswith("es") and w[-3] in "nlrdzj":
            w = w[:-2]
        elif len(w) > 3 and w.endswith("s"):
            w = w[:-1]
        words.append(re.escape(w) + "(?:es|s)?")
    return r"\W+".join(words)


def defined_name(folded: str, names: Iterable[str]) -> str:
    """The one of its ``names`` (folded) that a folded text (a page's own, past its title) opens by
    defining, when the text says nothing of the entity's own: no figure besides the norms it cites
    (a date, a year, an amount), no first person nor a hearing held or called, under two hundred
    words; else "". Never for a name of norms (normatividad, marco legal…): citing them is their
    content. The caller knows the text has no link, image, table, frame or list."""
    names = sorted(n for n in names if n)  # sorted: the same name whatever the set's order
    if not names or any(_NORMS_NAME.search(n) for n in names):
        return ""
    text = " ".join(folded.split()).lstrip(" \"'«“-–—:")
    if not text or text.count(" ") >= _DEFINITION_WORDS:
        return ""
    if _OWN_DEED.search(text) or re.search(r"\d", _NORM_CITED.sub(" ", text)):
        return ""
    for name in names:
        p = _name_pattern(name)
        if p and any(re.match(form.format(name=p), text) for form in _DEFINES):
            return name
    return ""


def cites_norm(folded: str) -> bool:
    """Whether a folded text cites a norm («Ley 134 de 1994», «artículo 90», «Sentencia C-180»)."""
    return _NORM_CITED.search(folded) is not None


def of_definitions(el: Any) -> bool:
    """Whether the page of an element is one of definitions (its title, an ``h1`` or ``h2`` names a
    glossary, frequent questions): its terms each define their title, and that is what it publishes."""
    root = el.getroottree().getroot()
    names = itertools.chain(root.iter("title"), root.iter("h1", "h2"))  # a template may title it with an h2
    return any(_DEFINITIONS_PAGE.search(fold(element_text(n))) for n in names)
