"""One vocabulary for the link texts that name no document (issue 15): a document's own button
(«Descargar», «Ver documento», «Descargar PDF») and a bare pointer («Link aquí», «Ingresar»).

Two readers share it. :func:`generic_text` (the link's name is then read before it: a bold label,
the table row, the card's title) takes both kinds; :func:`document_button` (class 920: a page whose
listed documents all have their button to «#» publishes none) takes only the first. A pointer is
not a document's button: «Ingresar» opens a system or a form, «Link aquí» anything at all, so a
«Ingresar» to «#» is no document the page lists and fails to publish.

Both read a text the same way, by :func:`~.text.text_norm` (folded, stemmed, without stop words nor
punctuation): «Ver el documento», «Ver documentos» and «Ver documento:» are one text."""

from __future__ import annotations

import re
from functools import lru_cache

from .text import text_norm

# the verbs of a document's own button: what a person does to the document the entry names
_OPENS = r"(?:descargar|descarga|download|ver|abrir|consultar)"
# what the button may add: the document's kind (stemmed: «documentos» is «documento») or «aquí»
_WHAT = r"(?:documento|archivo|pdf|informe|formato|aqui|aca)"
_DOCUMENT_BUTTON = re.compile(rf"{_OPENS}(?: {_WHAT})?")
# a pointer: a link that says where to click or to enter, not what opens there («de» is a stop word:
# «De clic aquí» is «clic aqui»); «Consulte aquí» and «Ingrese aquí» speak to the reader as
# «Ingresar» does, and lead as often to a system's query as to a document
_POINTER = re.compile(r"(?:(?:link|enlace|clic|click|haga clic) )?(?:aqui|aca)|ingresar|ingrese aqui|consulte aqui")


@lru_cache(maxsize=65_536)
def document_button(text: str) -> bool:
    """Whether a link's text is a document's own button («Descargar», «Ver documento», «Descargar
    PDF», «Download»): it names the act of opening a document, not which."""
    return _DOCUMENT_BUTTON.fullmatch(text_norm(text)[0]) is not None


@lru_cache(maxsize=65_536)
def generic_text(text: str) -> bool:
    """Whether a link's text names no document: a document's button (:func:`document_button`) or a
    pointer («Link aquí», «Haga clic aquí», «Ingresar»)."""
    if document_button(text):
        return True
    return _POINTER.fullmatch(text_norm(text)[0]) is not None
