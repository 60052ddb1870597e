"""Entries of a list that the page marks as not published yet: «<li><strong>Plan de Mejoramiento
Institucional</strong><span>Pendiente de publicación</span></li>», «<p>Informe de gestión — Pendiente por cargar</p>».
The entry is named, and publishes nothing (docs/checklist-states.md, «Nombrado y vacío»; H216)."""

from __future__ import annotations

import re
from typing import Any

from .contents import PENDING_NOTICE, PUBLISHING
from .literals import required
from .text import element_text, fold

# what makes an entry more than a name and a status: a link, a picture, a list of its own
_NOT_BARE = ("a", "ul", "ol", "img", "iframe", "embed", "object", "video", "table", "form")
_TITLE_TAGS = ("strong", "b", "h3", "h4", "h5", "h6")
# «Informe de gestión — Pendiente de publicación», «Informe de gestión: pendiente por cargar», «… (por completar)»
_SEPARATOR = re.compile(r"\s+[—–-]+\s+|\s*[:|(]\s*")
# what marks the entry: a notice about its publication (contents.PUBLISHING), not the wider words of a
# page under works
_NOTICE = re.compile(rf"\b(?:{PUBLISHING})\b")
# the words one of which :data:`_NOTICE` cannot match without («pendiente», «por completar», «por publicar»)
_NOTICE_WORDS = required(_NOTICE.pattern)
_MAX_WORDS = 25  # longer, it is a paragraph that mentions a pending document, not an entry
_NAME_WORDS = 15


def pending_entry(el: Any) -> tuple[str, str] | None:
    """The name and the notice of a list entry (an ``li`` or a ``p``) whose whole content is its name
    and a notice that it is not published yet; None for any other element. The name is the entry's
    own bold or heading title, else the words before a dash or a colon; a sentence that only says a
    document is pending («El informe de 2025 está pendiente de publicación») names no entry."""
    if el.tag not in ("li", "p") or next(el.iter(*_NOT_BARE), None) is not None:
        return None
    text = element_text(el)
    if not text or len(text.split()) > _MAX_WORDS or not _NOTICE.search(fold(text)):
        return None
    title = next((element_text(t) for t in el.iter(*_TITLE_TAGS) if element_text(t)), "")
    if not title:
        title = _SEPARATOR.split(text, maxsplit=1)[0]
    name = title.strip(" .:—–-|")
    if not name or len(name.split()) > _NAME_WORDS or PENDING_NOTICE.search(fold(name)) or name == text.strip():
        return None
    # the notice as the page shows it: its own element («<span>Pendiente de publicación</span>»), else
    # what follows the name
    marked = [t for x in el.iter() if _NOTICE.search(fold(t := element_text(x))) and name not in t]
    return name, min(marked, key=len) if marked else text.replace(title, "", 1).strip(" .:—–-|()")


def may_be_pending(root: Any, folded: str) -> bool:
    """Whether some entry of a page may be :func:`pending_entry`: a pre-filter asked once of a page
    rather than of every ``li`` and ``p`` (~0.27 ms a page of the bench, where none is; H250). An
    element's folded text is a run of the page's folded main text (``folded``, see
    ``contents.may_hold``) when every ``li`` and ``p`` is in the page's body; else (or with no body) the
    entries are asked one by one."""
    body = root.find("body")
    if body is None or any(c is not body and next(c.iter("li", "p"), None) is not None for c in root):
        return True
    return all(any(word in folded for word in clause) for clause in _NOTICE_WORDS)
