"""What a section shows under its title, as a person reads it: its words, links and media, and the
marks of a section shown with nothing published under it (all «#», «Aun no hay documentos», a
template's stand-in text, the same block repeated under several titles, a category's short note)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from lxml import etree

from .accordion_items import alone_in_item
from .regions import HEADINGS, has_descendant, title_follows
from .scan import MIN_WORDS, Folded
from .text import element_text, fold, text_norm, without_entity

_SECTION_MEDIA = ("img", "table", "iframe", "video", "embed", "object")  # boolean(.//img | .//table | ...)
# an entry's number in a menu's list («1.1», «4.10», «9.»): it orders the entries, it says nothing
_LIST_NUMBER = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2}){1,3}\.?|\d{1,2}\.)$")


def _content_words(text: str) -> int:
    """Words of a text, the list numbers before its entries not counted (class 190)."""
    return sum(1 for t in text.split() if not _LIST_NUMBER.match(t))


def section_words_links(els: list[Any], lead: str = "") -> tuple[int, list[str], bool, str]:
    """Words not in links (list numbers not counted), the links' hrefs, media, and the text of a
    section's content elements. An ``<a href="">`` is a link, to the page it is on (class 190):
    «<strong>1.1</strong> <a href="">Misión, visión…</a>» is an entry that leads nowhere, not text."""
    words = _content_words(lead)
    hrefs: list[str] = []
    media = False
    texts = [lead]
    for s in els:
        if not isinstance(s.tag, str):
            continue
        if s.tag in ("img", "table", "iframe", "video") or has_descendant(s, *_SECTION_MEDIA):
            media = True
        text = element_text(s)
        texts.append(text)
        anchors = [a for a in s.iter("a") if a.get("href") is not None]  # iter includes s itself
        hrefs += [a.get("href") for a in anchors]
        words += (
            _content_words(text) - sum(_content_words(element_text(a)) for a in anchors) + _content_words(s.tail or "")
        )
    return words, hrefs, media, " ".join(texts)


def empty_pane(title: str, words: int, body: str, media: bool) -> bool:
    """Whether a section's content is its own title repeated and a few words more: a tab button
    whose pane opens with the button's label as a heading («6.3-Programas y proyectos de ejecución»)
    then «Aun no hay documentos en este item» has no content of its own, however long the title."""
    own = fold(title).strip()
    return not media and bool(own) and own in fold(body) and words - len(own.split()) < 12


# The words that make a «there is none» say «for now» (folded): what is published is missing, not what
# the entity produces. applies._NOT_YET holds them too: a sentence with one is this empty notice, never
# the timeless «La entidad no expide normas» that proposes ``no_aplica`` (applies.denial_sentence).
_NOW = (
    r"a la fecha|hasta la fecha|hasta el momento|hasta ahora|por el momento|en el momento|en este momento|"
    r"por ahora|aun|todavia|actualmente"
)
FOR_NOW = rf"publicad[oa]s?|disponibles?|{_NOW}"
# «La entidad no cuenta con proyectos de normas publicados a la fecha», «No se han publicado actos
# administrativos por el momento», «Actualmente no hay convocatorias»: a «there is none» (of anything)
# that says «for now» before or after, within the clause (no comma between: «no hay costo, está
# disponible en línea» is no notice; nor what is classified or reserved, as below) (H178)
_NONE = r"no (?:cuenta|cuentan|contamos|tiene|tienen|tenemos|hay|existen|se han publicado|se encuentran|dispone)"
_NONE_FOR_NOW = (
    rf"{_NONE}\b(?:(?!clasificad|reservad)[^.;:,\n]){{0,80}}?\b(?:{FOR_NOW})"
    rf"|(?:{_NOW}),? [^.;:,\n]{{0,40}}?\b{_NONE}\b"
)
# «Ninguno publicado a la fecha», «Ningún proyecto publicado a la fecha», «Sin documentos disponibles»,
# «Sin información publicada por el momento»: a «none» said without «no», with a «for now» word in
# the same clause (H183). Not «sin costo / cargo / embargo / perjuicio / que…»: they deny nothing published.
_NONE_WORDLESS = (
    r"(?:ningun[oa]?s?|sin)\b(?! (?:costo|cargo|embargo|perjuicio|excepcion|importar|necesidad|que)\b)"
    rf"(?:(?!clasificad|reservad)[^.;:,\n]){{0,60}}?\b(?:{FOR_NOW})"
)
# What a page or a section says when it publishes nothing yet, in the words docs/checklist-states.md
# («Nombrado y vacío», «Alcance») names beside «en construcción»: «Aún no hay documentos en este ítem»,
# «La entidad no cuenta con información publicada» (folded). Not «no cuenta con información
# clasificada / reservada»: that says what the entity does not hold, not that the page is empty.
NOTHING_YET = (
    r"(?:aun|todavia) no (?:hay|existen|se han publicado|se encuentran) (?:documentos|archivos|registros|informacion)"
    r"|no (?:cuenta|contamos|cuentan) con (?:informacion|documentos|registros|publicaciones)(?! clasificada| reservada)"
    rf"|{_NONE_FOR_NOW}|{_NONE_WORDLESS}"
)
# What an entity writes where the content will go and is not there yet (folded): «Contenido por
# completar», «Pendiente de publicación», «Pendiente por cargar», «Información en actualización»,
# «En proceso de elaboración», «Por publicar», «Próximamente», «En construcción». A status, not
# content: the section or the entry it marks is named and publishes nothing (H216). «Pendiente de
# pago / de respuesta» say nothing of what is published: not here.
# The narrower family that speaks of publishing itself («por completar», «pendiente de publicación /
# por cargar», «información por publicar»): what marks one entry of a list as not there
# (pending.pending_entry). The words of a whole page or section under works («en construcción»,
# «en actualización», «próximamente») were measured on entries too and not applied: they lowered a
# held-out figure (docs/checklist-accuracy.md, «H216»).
PUBLISHING = (
    r"por completar|pendientes? (?:de|por) (?:publicacion|publicar|cargue|cargar|carga|subir)"
    r"|(?:informacion|documentos?|contenido) por publicar"
)
PENDING = (
    rf"{PUBLISHING}|pendientes? (?:de|por) (?:aprobacion|actualizacion|actualizar)"
    r"|(?:en )?proceso de (?:publicacion|actualizacion|construccion|elaboracion|cargue)|en actualizacion"
    r"|en construccion|proximamente"
)
PENDING_NOTICE = re.compile(rf"\b(?:{PENDING})\b")


def pending(body: str, media: bool) -> bool:
    """Whether a section's text carries a notice that its content is not published yet
    (:data:`PENDING`) and no picture, table or frame: a line describing what will go there and
    «Contenido por completar» publishes nothing, however many words the line has (H216)."""
    return not media and PENDING_NOTICE.search(fold(body)) is not None


# what a section says when it has nothing to show: as a page «en construcción»
EMPTY_NOTICE = re.compile(
    r"\b(?:(?:aun |todavia )?no (?:hay|existen|se han publicado|se encuentran) (?:documentos|archivos|registros)"
    rf"|sin documentos|no hay informacion|sin informacion|{PENDING}|{NOTHING_YET})\b"
)

_BOXES = ("div", "section", "ul", "ol", "article")
_DECOR = re.compile(r"clear|spac|separ|divid|line|gap|\bhr\b")


def empty_box(el: Any) -> bool:
    """Whether an element is a box with nothing in it (what a script fills), not a spacer or a line
    break; the caller knows it has no words."""
    return el.tag in _BOXES and not _DECOR.search((el.get("class") or "").lower()) and not len(el)


DEAD_ENTRIES = "#"  # only_links value of a section whose every entry links to «#» or a script
EMPTY_SECTION = "-"  # only_links value of a section that says it has nothing yet («Aun no hay documentos»)
BARE_ENTRY = "0"  # only_links value of an entry a heading lists with nothing under it
BLANK_SECTION = "_"  # only_links value of a titled section whose content is an empty element
# only_links value of a section whose whole content is a sentence saying the entity does not produce
# something («La entidad no expide normas de carácter general», applies.denial_sentence): the item
# whose object that is is proposed ``no_aplica``; for any other it is shown with nothing in it
DENIAL_ONLY = "!"
SCRIPTED = "~"  # only_links value of an entry (or a section of entries) that opens by script: not seen
REPEATED_BODY = "="  # only_links value of a section whose content is, word for word, other sections'
DEAD_HREF = re.compile(r"^\s*(?:#|javascript:|$)", re.I)  # a link that leads nowhere: «#», a script, the page itself
STAND_IN = "*"  # only_links value of a section whose content is a template's stand-in text (class 191)
# only_links value of a category of the menu's list (its title opens with the category's number, «9.»)
# whose content is a short note and nothing else (class 192)
CATEGORY_NOTE = "^"
# sections a page shows with nothing published under them (all «#», «Aun no hay documentos», an
# empty box, a listed entry with nothing after it, the template's filler, a category's short note)
SHOWN_EMPTY = (
    [EMPTY_SECTION],
    [DEAD_ENTRIES],
    [BLANK_SECTION],
    [BARE_ENTRY],
    [REPEATED_BODY],
    [STAND_IN],
    [CATEGORY_NOTE],
    [DENIAL_ONLY],
)
# A template's stand-in text, never replaced (folded): Bootstrap's documentation paragraph the
# accordion example ships with («Placeholder content for this accordion, which is intended to
# demonstrate the .accordion-flush class»), the theme's «lorem ipsum». It fills a box; it publishes
# nothing. (emptiness.py reads a whole page of «lorem ipsum» the same way.)
_STAND_IN_TEXT = re.compile(r"\b(?:placeholder content for this|lorem ipsum)\b")


def stand_in_body(body: str, hrefs: Sequence[str], media: bool) -> bool:
    """Whether a section's content is a template's stand-in text and nothing else a person can use:
    no media, no link that leads anywhere."""
    return not media and all(DEAD_HREF.match(h) for h in hrefs) and bool(_STAND_IN_TEXT.search(fold(body)))


REPEATS = 3  # titles over one same content: a template's stand-in, nothing of any of them
REPEATED_MIN_WORDS = 12


def repeated_bodies(bodies: Sequence[tuple[str, str]]) -> set[str]:
    """The titles of the sections whose text content (REPEATED_MIN_WORDS words or more) is, word for
    word, that of sections of REPEATS titles or more on the page: «3.4. Organigrama», «7.4. Entes de
    control»… each opening the entity's same contact block show nothing of their own."""
    by_body: dict[str, set[str]] = {}
    for title, body in bodies:
        key = " ".join(fold(body).split())
        if key.count(" ") + 1 >= REPEATED_MIN_WORDS:
            by_body.setdefault(key, set()).add(title)
    shared = [key for key, titles in by_body.items() if len(titles) >= REPEATS]
    out = {t for key in shared for t in by_body[key]}
    if not out:
        return out
    # a section holding only such sections («4. Normatividad» over «4.1. Normatividad» and its
    # copy of the block) has nothing of its own either
    parts = sorted([*shared, *(" ".join(fold(t).split()) for t in out)], key=len, reverse=True)
    for title, body in bodies:
        rest = " ".join(fold(body).split())
        if title in out or not any(key in rest for key in shared):
            continue
        for part in parts:
            rest = rest.replace(part, " ")
        if len(rest.split()) <= 2:
            out.add(title)
    return out


_COUNT = re.compile(r"^\(?\s*(\d+)\s+(?:documentos?|archivos?|elementos?|publicaciones?|registros?)\b")
_LETTERS = re.compile(r"[^\W\d_]{2,}")


def counted_category(el: Any) -> tuple[str, str, int, str] | None:
    """A filter button that names a category, describes it and counts what it holds («💰
    Presupuesto · Presupuesto general, ejecución presupuestal… · 0 documento(s)»), as its parts
    (``span``s) show them: (name, description, count, the counter as written). A person reads the
    name with its description; the count says whether the page has anything under it. None for any
    other button."""
    parts = [element_text(c) for c in el if isinstance(c.tag, str)]
    parts = [t for t in parts if t and (_LETTERS.search(t) or _COUNT.match(fold(t)))]
    if len(parts) != 3 or not (m := _COUNT.match(fold(parts[2]))):
        return None
    name, description = parts[0], parts[1]
    if not 0 < len(name.split()) <= 8 or not 3 <= len(description.split()) <= 25:
        return None
    return name, description, int(m.group(1)), parts[2]


_CATEGORY_EMPTY = re.compile(
    r"\bno hay (?:documentos|archivos|publicaciones|registros|elementos) (?:disponibles |publicados )?"
    r"en (?:la|el|esta|este) (?:categoria|seccion|tipo|modulo|carpeta) [\"'“«]?([^\"'”».]{2,60})[\"'”»]?"
)


def empty_category_notice(el: Any) -> str:
    """The category a notice says has nothing («No hay documentos disponibles en la categoría
    "Normatividad"», the page a filter opens), as the page writes it; else ""."""
    if "hay" not in "".join(el.itertext()).lower():  # most paragraphs: no notice, no text made
        return ""
    text = element_text(el)
    if not text or len(text) > 200:
        return ""
    m = _CATEGORY_EMPTY.search(fold(text))
    if m is None:
        return ""
    folded = fold(text)
    start, end = m.span(1)
    return text[start:end].strip() if len(folded) == len(text) else m.group(1).strip()


_ENTRY_NUMERAL = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2}){1,3}\.?(?:\s|$)")


def numbered_entry(h: Any, text: str) -> bool:
    """Whether a heading is a numbered entry of a menu's list (``3.3``, ``4.1.``: a numeral with its
    section's number): its text opens with the numeral («4.5 Informes de empalme»), or the element
    just before it is that numeral alone, a badge over the title (``<span>3.3</span><h4>Publicación
    de la ejecución de contratos</h4>``), and the heading links nowhere: no link in it, and none
    around it (a card ``<a href="/"><h3>3.2. Funciones y deberes</h3></a>`` is a linked entry, judged
    by where its link leads, not one the list names with nothing published: class 1870)."""
    if any(a.get("href") for a in h.iter("a")) or any(a.tag == "a" and a.get("href") for a in h.iterancestors()):
        return False
    if _ENTRY_NUMERAL.match(text):
        return True
    prev = h.getprevious()
    while prev is not None and not isinstance(prev.tag, str):  # a comment between them
        prev = prev.getprevious()
    return (
        prev is not None
        and not (prev.tail or "").strip()
        and not len(prev)
        and bool(_ENTRY_NUMERAL.match(prev.text or ""))
        and not (prev.text or "").strip().rstrip(".").count(" ")
    )


_SUB_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
_CONTENT_MARK = re.compile(r"\d|@")


def bare_title(text: str) -> bool:
    """Whether a heading's text can be a section's bare title: a name of twelve words at most, with no
    digit or e-mail (an address, a phone or hours written as a heading are content, not a title over
    nothing; a numbered entry is :func:`numbered_entry`'s)."""
    return len(text.split()) <= 12 and not _CONTENT_MARK.search(text)


def title_over_nothing(h: Any, text: str) -> bool:
    """Whether a heading (``h2``-``h6``) is a section's title with nothing under it, the next title
    right after it (:func:`regions.title_follows`); not a heading that is itself content (an address,
    a phone, an e-mail: :func:`bare_title`)."""
    return h.tag in _SUB_HEADINGS and bare_title(text) and title_follows(h)


def bare_mark(el: Any, text: str, words: int, hrefs: bool, media: bool, pane: bool = False) -> str:
    """The ``only_links`` marker of a section with nothing published under it, else "": an entry
    (``li``, ``dt``) over nothing or over an empty sub-list or definition, a heading numbered as a
    list's entry over at most a line (:func:`numbered_entry`): ``BARE_ENTRY``; a title over nothing,
    the next title right after it (:func:`title_over_nothing`), or an accordion's button (a
    ``summary``) over a ``pane`` with nothing in it: ``BLANK_SECTION``, as a title over an empty box
    (on a page that runs a script, what may fill it was not seen)."""
    if hrefs or media:
        return ""
    if not words and pane and el.tag in ("button", "summary"):
        return BLANK_SECTION
    if not words and not pane and el.tag == "div" and alone_in_item(el):
        return BLANK_SECTION  # an accordion item holding only its header: the title over nothing (class 3020)
    if not words and el.tag in ("li", "dt"):
        return BARE_ENTRY
    if el.tag in HEADINGS and words < 12 and numbered_entry(el, text):
        return BARE_ENTRY
    return BLANK_SECTION if not words and title_over_nothing(el, text) else ""


# a template's notice that the content will come later, from elsewhere: «Los documentos de esta
# subcategoría se cargarán desde la base de datos» (m-buga), «La información se publicará próximamente»
LOADED_LATER = re.compile(r"\bse (?:cargara|publicara|subira|mostrara)n?\b")
_CARD_LEVELS = 4  # a card's title sits a few boxes deep (number, title, description, buttons)
_CARD_MEDIA = ("img", "iframe", "video", "embed", "object", "form", "table")


def card_notice(h: Any) -> str:
    """The notice, in a heading's card, that its content will be loaded later (:data:`LOADED_LATER`),
    when the card shows nothing else of its own: the nearest boxes around the heading, up to the
    first that holds another heading, with no link and no picture or table (a sample file name
    beside a «Descargar» button is the template's, not a document). The notice sits outside the
    heading's own block (its description), so the block alone reads as content (class 2291, H229);
    "" otherwise."""
    box = h
    for _ in range(_CARD_LEVELS):
        box = box.getparent()
        if box is None or any(x is not h for x in box.iterdescendants(*HEADINGS)):
            return ""
        if any(a.get("href") for a in box.iter("a")) or has_descendant(box, *_CARD_MEDIA):
            return ""
        for x in box.iter("p", "span", "div", "small", "em", "i"):
            said = element_text(x)
            if len(said.split()) <= 25 and LOADED_LATER.search(fold(said)):
                return said
    return ""


_ROW_MEDIA = ("img", "iframe", "video", "embed", "object", "form", "button", "input")


def _links(el: Any) -> bool:
    """Whether an element has a link with an address (itself or inside)."""
    return any(a.get("href") is not None for a in el.iter("a"))


def listed_row_name(el: Any) -> str:
    """The name of a table row written as plain text with nothing beside it, in a table that names
    entries (another row of it links): «<td>Defensa judicial</td><td></td>» among rows whose cells
    link — «nombrado y vacío» (docs/checklist-states.md, its «Alcance»); "" otherwise. The row's name
    is its first cell, every other cell empty; the name is a bare title (:func:`bare_title`). (The
    same reading of a plain-text ``li`` in a list of links was tried and left out: docs/checklist-
    accuracy.md, «H169».)"""
    row = el.getparent()
    cells = [c for c in row if c.tag in ("td", "th")] if row is not None and row.tag == "tr" else []
    if not cells or cells[0] is not el or row.getparent() is None:
        return ""
    if any(element_text(c) or has_descendant(c, *_ROW_MEDIA) or _links(c) for c in cells[1:]):
        return ""
    others = [r for r in row.getparent() if r is not row and r.tag == "tr"]
    if _links(row) or has_descendant(row, *_ROW_MEDIA) or not any(_links(o) for o in others):
        return ""
    name = element_text(el)
    return name if name and bare_title(name) else ""


# What a list's entry may hold and still be its name alone (inline marks); a block inside makes it a container
_NAME_INLINE = frozenset({"span", "strong", "b", "em", "i", "small", "br", "font", "u", "sup", "sub", "mark", "abbr"})
_NAME_MAX_WORDS = 20


def _opens_with_digit(el: Any) -> bool:
    """Whether an element's first text (its own, or its first inline child's or link's) opens with a
    digit: a cheap test before reading its whole text."""
    lead = (el.text or "").lstrip()
    if not lead and len(el) and isinstance(el[0].tag, str) and (el[0].tag in _NAME_INLINE or el[0].tag == "a"):
        lead = (el[0].text or "").lstrip()
    return lead[:1].isdigit()


def _entry_numeral(el: Any) -> str:
    """The entry numeral an element's text opens with («5.1.» of «5.1. Presupuesto general
    asignado», without its final dot), or ""."""
    if not isinstance(el.tag, str) or not _opens_with_digit(el):
        return ""
    m = _ENTRY_NUMERAL.match(element_text(el))
    return m.group(0).strip().rstrip(".") if m else ""


def name_only(el: Any) -> bool:
    """Whether an element shows a name and nothing else: text and inline marks only (no link, no
    image, no block), a name's length, and no link around it."""
    if any(c.tag not in _NAME_INLINE for c in el.iterdescendants() if isinstance(c.tag, str)):
        return False
    if any(a.tag == "a" and a.get("href") for a in el.iterancestors()):
        return False
    return 0 < len(element_text(el).split()) <= _NAME_MAX_WORDS


def listed_name(el: Any) -> str:
    """The name of a numbered entry a list shows with no link and nothing under it («<div
    class="list-group">5.1. Presupuesto general asignado</div>» among the entries of an accordion's
    panel, «<li>8.4. Plan Anual de Adquisiciones</li>»): «nombrado y vacío» (docs/checklist-states.md,
    «La lista»); "" otherwise. The list is its parent, whose every element is a numbered entry (linked
    or not), two or more; the entry is the name alone (:func:`name_only`), its numeral a section's
    entry («5.1», not «5.»), and the next entry is not one of its own (a «1.4» over «1.4.1» and «1.4.2»
    titles them)."""
    if el.tag not in ("div", "li", "p") or not _opens_with_digit(el):
        return ""
    numeral = _entry_numeral(el)
    parent = el.getparent()
    if "." not in numeral or parent is None or not name_only(el):
        return ""
    entries = [c for c in parent if isinstance(c.tag, str)]
    if len(entries) < 2 or not all(_entry_numeral(c) for c in entries):
        return ""
    nxt = el.getnext()
    while nxt is not None and not isinstance(nxt.tag, str):
        nxt = nxt.getnext()
    if nxt is not None and _entry_numeral(nxt).startswith(numeral + "."):
        return ""
    return element_text(el)


def names_only(region: Sequence[Any], numeral: str = "") -> bool:
    """Whether a section's content is a list of entries each named with nothing under it
    (:func:`listed_name`), two or more, and nothing else: «6. Planeación» over «6.1. Políticas,
    lineamientos y manuales», «6.2. Plan de Acción»… is named, and publishes nothing in any. A section
    numbered ``numeral`` («9.») over a single such name numbered as its own entry («9.1. Trámites y
    servicios», alone in the panel) is too."""
    names: list[Any] = []
    for s in region:
        if not isinstance(s.tag, str):
            continue
        lists = [s] if listed_name(s) else [x for x in s.iterdescendants("div", "li", "p") if listed_name(x)]
        if not lists and numeral:
            lists = [x for x in (s, *s.iterdescendants("div", "li", "p")) if _own_entry(x, numeral)][:1]
        # every word of the content is an entry's name: no paragraph beside them
        if len(element_text(s).split()) != sum(len(element_text(x).split()) for x in lists):
            return False
        names += lists
    return len(names) >= 2 or (len(names) == 1 and _own_entry(names[0], numeral))


def _own_entry(el: Any, numeral: str) -> bool:
    """Whether an element is a name alone numbered as an entry of section ``numeral`` («9.1» of «9.»)."""
    return (
        bool(numeral)
        and el.tag in ("div", "li", "p")
        and _entry_numeral(el).startswith(numeral + ".")
        and name_only(el)
    )


def note_listed_row(el: Any, sections: list[tuple[str, int, str]], only_links: dict[str, list[str]]) -> None:
    """A plain-text row of a table of entries (:func:`listed_row_name`) as a section of the page: shown,
    nothing published (``BARE_ENTRY``)."""
    if name := listed_row_name(el):
        n, w = text_norm(without_entity(name))
        if (n, w, name) not in sections:
            sections.append((n, w, name))
            only_links.setdefault(name, [BARE_ENTRY])


def consent_box(region: Sequence[Any]) -> bool:
    """Whether a heading's content is a form's consent: a checkbox to tick («Acepto la política de
    tratamiento de datos personales y autorizo…») with no more than its sentence. «Términos y
    condiciones» over it is what the sender accepts, not the site's terms of use."""
    boxes = [x for s in region if isinstance(s.tag, str) for x in s.iter("input") if x.get("type") == "checkbox"]
    if not boxes or len(boxes) > 2:
        return False
    return sum(len(element_text(s).split()) for s in region if isinstance(s.tag, str)) <= 80


# A pre-filter asked once of a page rather than of every paragraph and line: what
# ``empty_category_notice`` finds has «no hay» in a paragraph's folded text, what
# ``numbered_no_aplica`` finds has «no aplica» (re.I: only ASCII A, P, L match a, p, l) in a line's.
# Each element's text (``element_text``) is a run of the page's words, so its folded text is in the
# page's folded main text (:func:`main_fold`) when the element is in the page's body; for a page
# with such elements outside its body, in the page's whole text (one serialisation, in C) lower-cased
# as ASCII (only ASCII letters lower-case to a, h, l, p, y).


def folded_text(el: Any) -> str:
    """``fold(element_text(el))``: an element's text, its pieces apart by single spaces, folded; a
    ``scan.Folded`` (with its distinct pieces) when it has ``scan.MIN_WORDS`` words or more.

    ``element_text``'s own steps, its whitespace split kept for the distinct words. Folding is per
    character but for its context rules, which no space crosses (NFKD reorders only the marks after
    a character, and a space is none; lower-case's final sigma looks past no space): the fold of the
    text is its pieces' folds joined by spaces, and so is the fold of its distinct pieces joined so."""
    if not len(el):  # no child: its own text is all there is (as element_text)
        text = el.text
        return fold(" ".join(text.split())) if text else ""
    pieces = " ".join(el.itertext()).split()
    folded = fold(" ".join(pieces))
    if len(pieces) < MIN_WORDS:
        return folded
    return Folded(folded, fold(" ".join(dict.fromkeys(pieces))))


def main_fold(root: Any) -> str:
    """A page's folded main text: its body's (its whole document's when it has no body); a long one
    answers ``word in text`` from its distinct words (``scan.Folded``, H287)."""
    body = root.find("body")
    return folded_text(body if body is not None else root)


def may_hold(root: Any, folded: str) -> tuple[bool, bool]:
    """Whether some paragraph of the page may say «no hay…» and some line «… no aplica»;
    ``folded``: the page's :func:`main_fold`."""
    body = root.find("body")
    if body is None or not any(c is not body and next(c.iter("li", "p", "div"), None) is not None for c in root):
        return "hay" in folded, "apl" in folded
    text = etree.tostring(root, method="text", encoding="utf-8").lower()
    return b"hay" in text, b"apl" in text
