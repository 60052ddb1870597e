"""What a page says does not apply to the entity: «no aplica» under a section, at the head of a
section's content, or on the numbered line that names the item («4.1. Presupuesto general…, NO
APLICA: …»); or, in other words, that the entity does not produce the item's object («La entidad no
expide normas de carácter general», criterion M of docs/checklist-scope.md). The committee confirms
every such proposal (docs/checklist-states.md, «no_aplica»)."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from typing import Any

from lxml import etree

from .contents import BARE_ENTRY, DENIAL_ONLY, FOR_NOW
from .regions import has_descendant, scripted_entry
from .text import WORD, element_text, fold, norm_tokens
from .urls import url_key

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
# «a la E.S.E. Hospital … no le aplica el reporte…»: the pronoun «le» stands for the entity named
# before it by its kind, as whom the statement is for (the abbreviation's points end no sentence)
_NA_TO_KIND = re.compile(
    r"\ba (?:la |el |esta |este |nuestra |nuestro )?(?:e\.?\s?s\.?\s?e\.?\s+)?"
    r"(?:entidad|personeria|concejo|contraloria|curaduria|hospital|empresa|instituto|corporacion|camara|"
    r"alcaldia|municipio|gobernacion)\b[^;:\n]{0,120}?\bno (?:le|les) aplica\b"
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


def no_aplica_sentence(text: str, about_entry: bool = False, skip: Collection[str] = ()) -> str:
    """The sentence of a section's content saying it does not apply to the entity, if any: «no
    aplica» or the same in other words (``_NA_SAYS``), in a sentence that names what it is about
    (the entity, the section, the obliged subject: ``_NA_SUBJECT``). Under an
    entry (``about_entry``, :func:`entry_no_aplica`) the entry is what it is about: it needs no
    subject. Sentences in ``skip`` (said of an entry inside the section) are not the section's."""
    folded = fold(text)
    for m in _NA_SAYS.finditer(folded):
        i, start = m.start(), m.end()
        a = _sentence_start(folded, i)
        ends = [e for c in ".;\n" if (e := folded.find(c, start)) != -1]
        b = min(ends) if ends else len(folded)
        sentence = folded[a:b]
        if _in_notes(folded, i, skip):
            continue
        if about_entry or _NA_SUBJECT.search(sentence) or _NA_FOR_KIND.search(sentence):
            source = text if len(text) == len(folded) else folded  # a ligature folded changes offsets
            return " ".join(source[a:b].split()).strip(" .") + "."
    if (m := _NA_TO_KIND.search(folded)) and not _in_notes(folded, m.end() - 12, skip):
        a, b = _sentence_start(folded, m.start()), folded.find(".", m.end())
        source = text if len(text) == len(folded) else folded
        return " ".join(source[a : b if b != -1 else len(folded)].split()).strip(" .") + "."
    return ""


def _in_notes(folded: str, i: int, notes: Collection[str]) -> bool:
    """Whether the words of ``folded`` from ``i`` (where it says «no aplica») are those of one of the
    ``notes`` (folded, spaces made single): a statement an entry's note makes, not its section's."""
    if not notes:
        return False
    fragment = " ".join(folded[i : i + 60].split()[:-1]) or folded[i : i + 60].strip()
    return any(fragment in note for note in notes)


# A list's only entry, named with no link and nothing under it, then a paragraph: the paragraph is
# the entry's note («<ul><li>Plan Anual de Adquisiciones.</li></ul><p>Las Cámaras de Comercio… no
# están obligadas a contar con el Plan Anual de Adquisiciones</p>»), when it is a note (no link, at
# most this many words) and not a page of text
ENTRY_NOTE_WORDS = 100


def _next_element(el: Any) -> Any:
    """The element right after ``el`` among its siblings (comments and processing instructions skipped)."""
    return next(el.itersiblings(etree.Element), None)


def _opens_something(entry: Any) -> bool:
    """Whether a list entry leads somewhere: a link inside it, or it opens by a script."""
    return has_descendant(entry, "a") or bool(scripted_entry(entry))


def entry_note(el: Any) -> Any:
    """The paragraph that is a list entry's note (see ``ENTRY_NOTE_WORDS``), or None: ``el`` is a
    ``li`` with no link or block inside, the last of its ``ul``/``ol``, alone in it or the only one
    there that leads nowhere (the others open their content: the note says why this one does not),
    and the list is followed right by a ``p`` with no link."""
    parent = el.getparent()
    if parent is None or parent.tag not in ("ul", "ol") or _next_element(el) is not None:
        return None
    if has_descendant(el, *_LINE_BLOCKS, "li") or scripted_entry(el):
        return None
    if not all(_opens_something(c) for c in parent if isinstance(c.tag, str) and c is not el):
        return None
    note = _next_element(parent)
    if note is None or note.tag != "p" or has_descendant(note, "a"):
        return None
    return note


def entry_no_aplica(el: Any, note: Any) -> tuple[str, str] | None:
    """(the entry's name, the statement) when a list entry's note (:func:`entry_note`) says it does
    not apply: opens with «No aplica», or says so in a sentence (the entry is what it is about, no
    subject needed: «… no les aplica los planes…»), or that the entity does not produce its object."""
    name, text = element_text(el), element_text(note)
    if not name or len(name.split()) > 20 or not text or len(text.split()) > ENTRY_NOTE_WORDS:
        return None
    said = leading_no_aplica(text) or no_aplica_sentence(text, about_entry=True) or denial_sentence(text)
    return (name, said) if said else None


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


# «La entidad no expide normas de carácter general»: the entity, named by its kind, says it does not
# produce (issue, have, run…) something. Whether that something is the item's object is for the item
# to say (:func:`denies`): the parse keeps the sentence, the item's rule reads it.
_DENIAL_VERBS = (
    "expide", "produce", "tiene", "cuenta con", "maneja", "realiza", "ejecuta", "genera", "emite", "presta",
    "administra", "posee", "elabora", "adelanta", "dispone de", "celebra", "suscribe", "ofrece", "tramita",
)  # fmt: skip
_SUBJECT = (
    r"\b(?:la|el|esta|este|nuestra|nuestro)\s+(?:entidad|municipio|alcaldia|gobernacion|departamento|empresa|"
    r"personeria|concejo|contraloria|curaduria|hospital|instituto|corporacion|camara|secretaria|asamblea)\b"
)
_DENIAL = re.compile(
    _SUBJECT
    + r"[^.;:\n]{0,150}?(?P<says>\bno\s+(?:"
    + "|".join(v.replace(" ", "n? ", 1) if " " in v else v + "n?" for v in _DENIAL_VERBS)
    + r")\s+(?P<object>[^.;:,()\n]{3,200}))"
)
# where the object ends and the reason begins («… normas de carácter general por ser una empresa»)
_REASON = re.compile(r"\s(?:por|porque|ya que|pues|dado|debido|toda vez|segun|conforme|de acuerdo|sino|y por)\s")
# what makes the sentence say the item is empty for now, not that it does not apply («La entidad no
# cuenta con proyectos de normas publicados a la fecha»: nombrado y vacío, docs/checklist-states.md):
# contents.FOR_NOW, what the empty notice reads (contents.NOTHING_YET), and a few more
_NOT_YET = re.compile(rf"\b(?:{FOR_NOW}|momentaneamente|vigencia|durante|este ano|periodo|pendiente|publicad)")
# words before the object's noun («ningún tipo de normas»), stemmed as :func:`norm_tokens` stems them
_DETERMINERS = frozenset(
    "ningun ninguna ninguno algun alguna alguno este esta esto dicho dicha tal otro otra propio propia "
    "mas solo sola tipo clase".split()
)
# an object that names no item: «no cuenta con información» is an empty section (nombrado y vacío)
_GENERIC = frozenset(
    "informacion documento documentacion dato archivo publicacion contenido registro soporte evidencia "
    "material nada elemento item tema".split()
)


PAGE_TEXT = ""  # ``Page.no_aplica``'s key for what a page says in its own text, outside its sections
# A section or page whose content is such a sentence publishes nothing else: fewer words than this
# (a page: three times as many, its title and breadcrumb with them), no media, no document link, a
# page at most this many other links (its breadcrumb); a longer one publishes, the sentence is a remark
DENIAL_WORDS = 50
DENIAL_LINKS = 4
_MEDIA = ("img", "table", "iframe", "video", "object", "embed")


def _head(tokens: tuple[str, ...]) -> str:
    """The first word of a phrase's tokens that is not a determiner: its noun, as a rule."""
    return next((t for t in tokens if t not in _DETERMINERS), "")


def denial_sentence(text: str) -> str:
    """The sentence of a text saying the entity does not produce something (``_DENIAL``) that is a
    thing (not «información»), and not for now («a la fecha», «aún»), if any."""
    folded = fold(text)
    if " no " not in folded:
        return ""
    for m in _DENIAL.finditer(folded):
        a = _sentence_start(folded, m.start())
        ends = [e for c in ".;\n" if (e := folded.find(c, m.end("object"))) != -1]
        b = min(ends) if ends else len(folded)
        head = _head(norm_tokens(_REASON.split(m.group("object"), 1)[0]))
        if head and head not in _GENERIC and not _NOT_YET.search(folded[a:b]):
            source = text if len(text) == len(folded) else folded  # a ligature folded changes offsets
            return " ".join(source[a:b].split()).strip(" .") + "."
    return ""


def denied_object(statement: str) -> str:
    """What a stored statement says the entity does not produce (folded), or "" when the statement
    says «no aplica» itself (it needs no object: it is about its section)."""
    folded = fold(statement)
    if statement.startswith(STATED) or _NA_SAYS.search(folded):
        return ""
    m = _DENIAL.search(folded)
    return _REASON.split(m.group("object"), 1)[0] if m else ""


def _about(name: str) -> str:
    """The noun an item's name is about: the head of what follows its first «de» («Proyectos de
    normas para comentarios» is about «normas»), else its own head («Sedes»)."""
    words = [w for w in WORD.findall(fold(name)) if not w.isdigit()]  # «4.4 Proyectos de inversión»
    cut = next((i for i, w in enumerate(words) if w in ("de", "del")), None)
    return _head(norm_tokens(" ".join(words[cut + 1 :] if cut is not None else words)))


def denies(obj: str, keywords: Sequence[Sequence[str]], name: str) -> bool:
    """Whether an object the entity says it does not produce is the item's object: it holds one of
    the item's ``keywords`` (normalised tokens) or its ``name`` whole, or its noun is the noun the
    name is about («normas de carácter general» for «Proyectos de normas para comentarios»; never
    «proyectos de inversión» for it)."""
    tokens = norm_tokens(obj)
    if not tokens:
        return False
    spaced = f" {' '.join(tokens)} "
    if _head(tokens) == _about(name):
        return True
    return any(own and f" {' '.join(own)} " in spaced for own in (*keywords, norm_tokens(name)))


def says_of_item(statement: str, keywords: Sequence[Sequence[str]], name: str) -> bool:
    """Whether a section's (or page's) stored statement says the item does not apply: «no aplica»
    itself, or that the entity does not produce the item's object (:func:`denies`)."""
    obj = denied_object(statement)
    return not obj or denies(obj, keywords, name)


def note_denial(
    label: tuple[str, int, str],
    body: str,
    linked: bool,
    words: int,
    na: dict[str, str],
    sections: list[tuple[str, int, str]],
    only_links: dict[str, list[str]],
) -> None:
    """Keep a section's :func:`denial_sentence` in ``na`` when the section publishes nothing else
    (short, no link and no media: ``linked``): for the item whose object it names, a proposal of
    «no aplica» (:func:`says_of_item`). A section that is no section without it (too short) is one,
    shown with nothing in it (``DENIAL_ONLY``): no other item's evidence."""
    denied = "" if linked or words >= DENIAL_WORDS else denial_sentence(body)
    if not denied:
        return
    na.setdefault(label[2], denied)
    if label not in sections:
        sections.append(label)
        only_links.setdefault(label[2], [DENIAL_ONLY])


def page_denial(root: Any, folded: str, sections: list[str], links: list[bool]) -> str:
    """The sentence of a page's own text (outside its ``sections``' text) that says the entity does
    not produce something (:func:`denial_sentence`), when the page publishes nothing else (short,
    no media, no document among its content ``links``, whether each is one, a few other links);
    ``folded``: the page's folded main text."""
    if len(links) > DENIAL_LINKS or any(links) or " no " not in folded:
        return ""
    if _DENIAL.search(folded) is None or len(folded.split()) >= 3 * DENIAL_WORDS:
        return ""
    body = root.find("body")
    main = body if body is not None else root
    if next(main.iter(*_MEDIA), None) is not None:
        return ""
    said = denial_sentence(element_text(main))
    m = _DENIAL.search(folded := fold(said))
    if m is None or any(m.group("says") in " ".join(fold(s).split()) for s in sections):
        return ""
    # the page's title and headings run into the sentence (no full stop between blocks): from its
    # last subject before what it says («Proyectos de normas … La entidad no expide…»)
    start = [x.start() for x in re.finditer(_SUBJECT, folded[: m.start("says")])][-1]
    said = said[start:] if len(said) == len(folded) else folded[start:]
    return said[:1].upper() + said[1:]


def leads_to_no_aplica(page: Any, raw: str, said: Mapping[str, str]) -> str:
    """What the page a section leads to says, when every link of the section (``raw`` on ``page``)
    leads to a page that says the item does not apply (``said``: page URL -> its statement):
    «Proyectos de normas para comentarios» over one entry, the page that says «Este ITEM no aplica a
    la entidad»; the section publishes only that statement (H241)."""
    if page is None or not raw or not said:
        return ""
    keys = page.section_keys.get(raw) or page.only_links.get(raw) or ()
    by_key = {url_key(u): f"{LEADS}{u}: {s}" for u, s in said.items()}
    got = [by_key.get(k, "") for k in keys]
    return got[0] if got and all(got) else ""


LEADS = "→ "  # how a statement :func:`leads_to_no_aplica` carries from the page it leads to begins


def carried(page: Any, raw: str, publishes: bool, said: str) -> str:
    """The statement a page's hit for an item carries (``said``: what a label of the page matched
    for the item says), given the label chosen for the hit (``raw``, ``publishes``: not shown
    empty). An entry's note (class 2730: an entry marked as publishing nothing) speaks for its
    entry: when the page's chosen section for the item publishes and says nothing of the kind
    («Contratación» with its SECOP link, over «Publicación de la ejecución de los contratos» and
    «No aplica por el régimen…»), the item is published there, not declared out."""
    if not said or page is None or not publishes or page.no_aplica.get(raw):
        return said
    saying = [t for t, s in page.no_aplica.items() if s == said]
    if saying and all(page.only_links.get(t) == [BARE_ENTRY] for t in saying):
        return ""
    return said
