"""What a page says does not apply to the entity: «no aplica» under a section, at the head of a
section's content, or on the numbered line that names the item («4.1. Presupuesto general…, NO
APLICA: …»). The committee confirms every such proposal (docs/checklist-states.md, «no_aplica»)."""

from __future__ import annotations

import re
from typing import Any

from .regions import has_descendant
from .text import element_text, fold

_NA_SUBJECT = re.compile(
    r"\b(?:entidad(?:es)?|subcategoria|categoria|seccion|numeral|item|sujetos? obligados?|municipio|gobernacion|"
    r"alcaldia|departamento|secretaria)\b"
)
# «no aplica para la Personería Municipal»: the entity names itself by its kind, as what the statement
# is for (a kind mentioned elsewhere in the sentence, «documentos que reposen en la cámara», is not)
_NA_FOR_KIND = re.compile(
    r"\bno (?:le |les )?aplica (?:para|a) (?:la |el |esta |este |nuestra |nuestro )?"
    r"(?:personeria|concejo|contraloria|curaduria|hospital|empresa|instituto|corporacion|camara)\b"
)
# How an entity says an item does not apply to it: «no aplica», and in other words «no les aplica»,
# «no están obligadas a…», «solo aplica para entidades del nivel territorial» (folded text).
_NA_SAYS = re.compile(r"\bno (?:le |les )?aplica\b|\bno (?:esta|estan) obligad[oa]s?\b|\bsolo aplica para\b")


def _sentence_start(folded: str, i: int) -> int:
    """Where the sentence around position ``i`` starts: after the last full stop, semicolon, colon or
    line break before it, the point of a numeral («10.1 No aplica…») not one."""
    j = i
    while (a := max(folded.rfind(c, 0, j) for c in ".;:\n")) > 0 and folded[a - 1 : a + 2].replace(".", "").isdigit():
        j = a
    return a + 1


def no_aplica_sentence(text: str) -> str:
    """The sentence of a section's content saying it does not apply to the entity, if any: «no
    aplica» or the same in other words (``_NA_SAYS``), in a sentence that names what it is about
    (the entity, the section, the obliged subject: ``_NA_SUBJECT``)."""
    folded = fold(text)
    for m in _NA_SAYS.finditer(folded):
        i, start = m.start(), m.end()
        a = _sentence_start(folded, i)
        ends = [e for c in ".;\n" if (e := folded.find(c, start)) != -1]
        b = min(ends) if ends else len(folded)
        if _NA_SUBJECT.search(folded[a:b]) or _NA_FOR_KIND.search(folded[a:b]):
            source = text if len(text) == len(folded) else folded  # a ligature folded changes offsets
            return " ".join(source[a:b].split()).strip(" .") + "."
    return ""


STATED = "NO APLICA"  # how the statements this module makes begin


def _first_sentence(text: str) -> str:
    """A text up to the end of its first sentence (a full stop before a capital, or 300 characters):
    «artículo 2.2.6.1.1.3» and «1077/2015» do not end it."""
    m = re.search(r"[.;](?=\s+[A-ZÁÉÍÓÚÑ])", text)
    out = text[: m.start()] if m else text
    return " ".join(out[:300].split()).strip(" .;:,") + "."


def leading_no_aplica(body: str) -> str:
    """The statement when a section's content opens with «No aplica» (a line of its own, «<h5>NO
    APLICA</h5>» then the reason): the whole section does not apply."""
    head = body.lstrip()
    if not re.match(r"no aplica\b", fold(head[:12])):
        return ""
    return f"{STATED}: " + _first_sentence(head[len("no aplica") :].lstrip(" :.,-–—"))


# «4.1. Presupuesto general de ingresos, gastos e inversión, NO APLICA: El ejercicio…»: the numbered
# line names its item, then says it does not apply, then why
_NUMBERED_NA = re.compile(
    r"^\s*(\d{1,2}(?:\.\d{1,2}){0,3}\.?(?:\s?[a-z]\.)?)\s+(\S.{2,200}?)[\s,:;–—-]*\bno aplica\b[\s:.,;–—-]*(.*)$",
    re.I | re.S,
)
_LINE_BLOCKS = ("p", "div", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "a")


def numbered_no_aplica(el: Any) -> tuple[str, str] | None:
    """(the item's label, the statement) when a line (``p``, ``li``, ``div`` with no block or link
    inside) is a numbered entry that says it does not apply: the line titles its own section."""
    if has_descendant(el, *_LINE_BLOCKS):
        return None
    m = _NUMBERED_NA.match(element_text(el))
    if not m or len(m.group(2).split()) > 20:
        return None
    title = m.group(2).strip(" ,:;-–—")
    reason = m.group(3).strip()
    label = f"{m.group(1)} {title}"
    return label, f"{STATED} ({label})" + (": " + _first_sentence(reason) if reason else ".")


def states_the_whole(statement: str) -> bool:
    """Whether a statement is the whole of its section (a numbered line that says it does not
    apply, a content that opens with «No aplica»), not a sentence somewhere in a longer section:
    such a section publishes nothing, it is no evidence that the item is published."""
    return statement.startswith(STATED)
