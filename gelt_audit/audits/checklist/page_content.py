"""A page's content read as a person reads it: its links (each with the heading before it), its
headings and the sections that show something, and what each section shows when it publishes
nothing (only links, a «no aplica», a notice that nothing is published yet, entries that go nowhere)."""

from __future__ import annotations

from typing import Any

from .applies import (
    PAGE_TEXT,
    entry_no_aplica,
    entry_note,
    leading_no_aplica,
    no_aplica_sentence,
    note_denial,
    numbered_no_aplica,
    page_denial,
)
from .contents import (
    BARE_ENTRY,
    BLANK_SECTION,
    CATEGORY_NOTE,
    DEAD_ENTRIES,
    DEAD_HREF,
    EMPTY_NOTICE,
    EMPTY_SECTION,
    REPEATED_BODY,
    SCRIPTED,
    STAND_IN,
    bare_mark,
    card_notice,
    consent_box,
    counted_category,
    empty_box,
    empty_category_notice,
    empty_pane,
    listed_name,
    may_hold,
    names_only,
    note_listed_row,
    pending,
    repeated_bodies,
    section_words_links,
    stand_in_body,
)
from .emptiness import echoes_title
from .nesting import titled_entry_name
from .numerals import is_section_item, label_numeral
from .pages import DEAD_ENTRY, SECTION_WAYS_IN, Ctx, Label, Link, make_link
from .pending import may_be_pending, pending_entry
from .quoting import quote_section, shorten
from .regions import (
    HEADINGS,
    SCRIPTED_MAX_WORDS,
    clip_before,
    h1_over_nothing,
    heading_region,
    li_label,
    listed_h1,
    opener_region,
    scripted_anchor,
    scripted_entry,
    styled_title,
)
from .text import element_text, fold, text_norm, without_entity
from .urls import url_key


def _is_opener(a: Any) -> bool:
    """Whether a link opens a menu or an accordion (its href «#» is how it works, not a dead entry)."""
    if a.get("role") == "button" or any(a.get(k) is not None for k in ("aria-expanded", "aria-controls")):
        return True
    return any(a.get(k) for k in ("data-bs-toggle", "data-toggle", "data-bs-target", "data-target"))


def _is_teaser(h: Any) -> bool:
    """Whether a heading is wholly a link to another page (a card «<h5><a href=…>Participa</a></h5>»
    and its blurb): what it titles is that page, not a section of this one."""
    anchors = [a for a in h.iter("a") if not DEAD_HREF.match(a.get("href") or "#") and not _is_opener(a)]
    return len(anchors) == 1 and element_text(anchors[0]) == element_text(h)


_SECTION_TAGS = (
    *("h1", "h2", "h3", "h4", "h5", "h6", "button", "summary", "dt", "caption", "legend", "a", "area"),
    *("strong", "b", "li", "p", "div", "td"),
)


def _category(out: Content, name: str, description: str, count: int, shown: str) -> None:
    """A counted category button (see :func:`counted_category`), or a category a notice names: its
    name and its description are what it shows; with «0 documento(s)» both are shown and publish
    nothing (as «Aun no hay documentos»), and ``shown`` (the counter, or the notice, as the page
    writes it) is what the detail quotes (``Content.notices``)."""
    for text in (name, description):
        n, w = text_norm(without_entity(text))
        if (n, w, text) not in out.sections:
            out.sections.append((n, w, text))
            if not count:
                out.only_links.setdefault(text, [EMPTY_SECTION])
                out.notices.setdefault(text, shorten(shown))


def _listed_empty(out: Content, name: str) -> None:
    """An entry (or a section of entries) the page names with nothing published under it."""
    n, w = text_norm(without_entity(name))
    if (n, w, name) not in out.sections:
        out.sections.append((n, w, name))
    out.only_links.setdefault(name, [BARE_ENTRY])


def _entry_notes(root: Any) -> tuple[dict[Any, tuple[str, str]], list[str]]:
    """The list entries whose note says they do not apply (``applies.entry_no_aplica``: entry ->
    its name and the statement), and those notes' folded text: what they say is the entry's, not
    the section's around it."""
    noted: dict[Any, tuple[str, str]] = {}
    notes: list[str] = []
    for li in root.iter("li"):
        if (note := entry_note(li)) is not None and (said := entry_no_aplica(li, note)):
            noted[li] = said
            notes.append(" ".join(fold(element_text(note)).split()))
    return noted, notes


class Content:
    """What a page's content yields: links (each with the heading before it), headings, the
    ``h1`` labels, the sections that have content (``h2``-``h6``, accordion buttons,
    ``summary``, ``dt``, ``caption``, ``legend``) in document order, the sections that say «no
    aplica para la entidad» (label -> the sentence), and the sections that are only links
    (label -> their URL keys: such a section is worth what its links are)."""

    __slots__ = ("dead", "h1_labels", "headings", "links", "na", "notices", "only_links", "section_keys", "sections")

    def __init__(self) -> None:
        self.links: list[Link] = []
        self.headings: list[str] = []
        self.h1_labels: list[Label] = []
        self.sections: list[Label] = []
        self.na: dict[str, str] = {}
        self.only_links: dict[str, list[str]] = {}
        self.dead: list[str] = []  # entries that link to «#» or a script: shown, publishing nothing
        self.section_keys: dict[str, list[str]] = {}  # sections with text and a few links -> their keys
        self.notices: dict[str, str] = {}  # sections that say (or count) they have nothing -> notice, quoted


def read_content(root: Any, ctx: Ctx, folded: str) -> Content:
    """The content of a page, read as a person reads it (see :class:`Content`); ``folded``: its
    folded main text (``contents.main_fold``)."""
    out = Content()
    may_say_empty, may_not_apply = may_hold(root, folded)
    may_pend = may_be_pending(root, folded)
    heading = ""
    links, headings, h1_labels, sections, na = out.links, out.headings, out.h1_labels, out.sections, out.na
    bodies: list[tuple[str, str]] = []  # the sections with content: their titles and text
    opener_els: set[Any] = set()  # entries opened by a script; ``shown``: titles drawn with content
    shown: set[str] = set()
    noted, notes = _entry_notes(root)
    for el in root.iter(*_SECTION_TAGS):
        tag = el.tag
        if tag in ("a", "area") and ((href := el.get("href")) is not None or opener_region(el) is None):
            # an image map's <area href> is a link as a person clicks it
            link = make_link(el, href, ctx, "", False, heading) if href else None
            if link is not None:
                links.append(link)
            elif href is not None and DEAD_ENTRY.match(href) and not _is_opener(el):
                text = element_text(el)
                if text and scripted_anchor(el, href) and len(text.split()) <= SCRIPTED_MAX_WORDS:
                    # «<a href="javascript:abrir(7)">»: opens by a script, its content not seen
                    n, w = text_norm(without_entity(text))
                    if (n, w, text) not in sections:
                        sections.append((n, w, text))
                        out.only_links.setdefault(text, [SCRIPTED])
                elif text and len(text) <= 200 and len(out.dead) < 200:
                    out.dead.append(text)
            continue
        if tag in ("li", "p", "div"):
            name = scripted_entry(el)
            if name and not styled_title(el):
                opener_els.add(el)
                # an entry that opens its content with a script: shown, its content not seen
                n, w = text_norm(without_entity(name))
                if (n, w, name) not in sections:
                    sections.append((n, w, name))
                    out.only_links.setdefault(name, [SCRIPTED])
                continue
            if may_pend and (entry := pending_entry(el)) is not None:
                # «Plan de Mejoramiento Institucional — Pendiente de publicación»: named, nothing published
                _category(out, entry[0], entry[0], 0, entry[1])
                continue
            if tag == "p" and may_say_empty and (named := empty_category_notice(el)):
                # «No hay documentos disponibles en la categoría "Normatividad"»: shown, nothing in it
                _category(out, named, named, 0, element_text(el))
                continue
            if may_not_apply and (said := numbered_no_aplica(el)):  # «4.1. Presupuesto…, NO APLICA: …»
                n, w = text_norm(without_entity(said[0]))
                if (n, w, said[0]) not in sections:
                    sections.append((n, w, said[0]))
                na.setdefault(said[0], said[1])
                continue
            if (said := noted.get(el)) is not None:
                # «<ul><li>Plan Anual de Adquisiciones.</li></ul>» then «… no están obligadas a contar con
                # el Plan Anual de Adquisiciones»: the entry's note says it does not apply (class 2730)
                n, w = text_norm(without_entity(said[0]))
                sections += [] if (n, w, said[0]) in sections else [(n, w, said[0])]
                na.setdefault(said[0], said[1])
                out.only_links.setdefault(said[0], [BARE_ENTRY])  # it publishes nothing but its note
                continue
            if name := listed_name(el) or titled_entry_name(el):
                # «5.1. Presupuesto general asignado» in a list of numbered entries, no link, nothing
                # under it: the list names it and publishes nothing (class 2151)
                _listed_empty(out, name)
                continue
        if tag in HEADINGS:
            region = None if tag == "h1" and not listed_h1(el) else ([] if _is_teaser(el) else heading_region(el))
            if region and consent_box(region):
                continue  # «Términos y condiciones» over a form's «Acepto…» box (class 153)
            lead = el.tail or ""
        elif tag == "td":
            if not styled_title(el):
                note_listed_row(el, sections, out.only_links)
                continue
            region, lead = None, ""  # a table cell styled as a title (old table layouts): the page's h1
        else:
            region = opener_region(el)
            if region is None:
                if tag == "button" and (counted := counted_category(el)) and el.getparent() is not None:
                    _category(out, *counted)
                continue
            lead = ""
        text = li_label(el) if tag == "li" else element_text(el)
        if not text or len(text) > 300:
            continue
        heading = text
        headings.append(text)
        n, w = text_norm(without_entity(text))
        if region is None and tag == "h1" and h1_over_nothing(el):
            # «<h1>Misión</h1><blockquote><p></p></blockquote>» beside «<h1>Visión</h1>…»: a part titled
            # over nothing, not the page's title (class 2292)
            sections += [] if (n, w, text) in sections else [(n, w, text)]
            out.only_links.setdefault(text, [BLANK_SECTION])
            continue
        if region is None:
            h1_labels.append((n, w, text))
            continue
        words, hrefs, media, body = section_words_links(region, lead)
        if not (media or hrefs) and words < 12 and tag in HEADINGS and (clip := clip_before(el)) is not None:
            # a card's title under its video: the video is what it shows (class 2514)
            words, hrefs, media, body = section_words_links([clip, *region], lead)
        if tag not in ("caption", "legend") and stand_in_body(body, hrefs, media):
            # «6. Participa» over «Placeholder content for this accordion…»: shown, nothing in it
            if (n, w, text) not in sections:
                sections.append((n, w, text))
            out.only_links.setdefault(text, [STAND_IN])
            continue
        if not (media or hrefs) and tag not in ("caption", "legend") and names_only(region, label_numeral(text)):
            # «6. Planeación» over entries named with nothing under any: named, nothing published (class 2151)
            _listed_empty(out, text)
            continue
        if media or words >= 12 or hrefs or tag in ("caption", "legend"):
            sections.append((n, w, text))
            targets = [ctx.target(h.strip()) for h in hrefs if not DEAD_HREF.match(h)]
            keys = [url_key(t) for t in targets if t and t.startswith(("http://", "https://"))]
            link_only = not media and words < 12 and hrefs and tag not in ("caption", "legend")
            bodies += [] if link_only or media else [(text, body)]
            if not link_only and opener_els.isdisjoint(el.iterancestors()):
                shown.add(text)  # not a card's own title inside the card (class 1350)
            if keys and not link_only and len(set(keys)) <= SECTION_WAYS_IN:
                out.section_keys.setdefault(text, keys)  # a described service and its way in
            if link_only:
                if keys:
                    out.only_links.setdefault(text, keys[:20])
                elif all(DEAD_HREF.match(h) for h in hrefs):
                    # every entry links to «#»: shown, publishes nothing; entries opened by a script: not seen
                    scripted = any(scripted_anchor(a, a.get("href") or "") for s in region for a in s.iter("a"))
                    out.only_links.setdefault(text, [SCRIPTED if scripted else DEAD_ENTRIES])
        elif any(scripted_entry(x) for s in region for x in s.iter("li", "p", "div")):
            # «Normatividad» whose one entry «Normativa» opens by script: its content is not seen
            sections.append((n, w, text))
            out.only_links.setdefault(text, [SCRIPTED])
        elif not words and el.tag in HEADINGS and any(empty_box(s) for s in region):
            # «<h2>Noticias</h2><section class="noticias"></section>»: the section is shown, and shows nothing
            sections.append((n, w, text))
            out.only_links.setdefault(text, [BLANK_SECTION])
        sentence = no_aplica_sentence(body, skip=notes) or leading_no_aplica(body)
        if sentence:
            na.setdefault(text, sentence)
            if (n, w, text) not in sections:
                sections.append((n, w, text))
        elif not (hrefs or media) and words < 30 and tag in HEADINGS and (later := card_notice(el)):
            # «9.1 Informes a organismos…» over its description, and in its card «Los documentos de esta
            # subcategoría se cargarán desde la base de datos.»: named, nothing published (class 2291)
            sections += [] if (n, w, text) in sections else [(n, w, text)]
            out.only_links[text] = [EMPTY_SECTION]
            out.notices.setdefault(text, shorten(later))
        elif (
            ((n, w, text) not in sections or empty_pane(text, words, body, media) or pending(body, media))
            and words < 30
            and not hrefs
            and (notice := EMPTY_NOTICE.search(fold(body)))
        ):
            # «6.6-Informes de empalme» then «Aun no hay documentos en este item»: shown, publishes nothing
            if (n, w, text) not in sections:
                sections.append((n, w, text))
            out.only_links.setdefault(text, [EMPTY_SECTION])
            out.notices.setdefault(text, quote_section(region, notice.group(0), body))  # what the detail quotes
        elif not (hrefs or media) and echoes_title(text, body):
            # «Misión» over «Misión de la entidad.»: the title said again, nothing of the item (criterion E);
            # kept apart from the page's sections (no label, no count): what reaches it reads it (class 2230)
            out.only_links[text] = [EMPTY_SECTION]
            out.notices.setdefault(text, shorten(" ".join(body.split())))
        elif (n, w, text) not in sections and (mark := bare_mark(el, text, words, bool(hrefs), media, bool(region))):
            # «<h3>…<li>Defensa judicial</li></h3>», «<h3>Defensa judicial</h3><h3>Plan de acción</h3>»:
            # an entry the list names, a title over nothing (classes 1692, 1695, 1696)
            sections.append((n, w, text))
            out.only_links.setdefault(text, [mark])
        elif (
            (n, w, text) not in sections
            and not hrefs
            and not media
            and 0 < words < 12
            and is_section_item(label_numeral(text))
        ):
            # an accordion's «9. Obligación de reporte…» over «Revisar por parte de la entidad»: the
            # category is listed, a short note and nothing published in it (class 192)
            sections.append((n, w, text))
            out.only_links.setdefault(text, [CATEGORY_NOTE])
        if not sentence:  # «La entidad no expide normas de carácter general» (criterion M)
            note_denial((n, w, text), body, bool(hrefs or media), words, na, sections, out.only_links)
    if h1_labels and (said := next((s for t, s in na.items() if fold(t).strip(" .:") == "no aplica"), "")):
        for label in h1_labels:  # an entry titled only «No aplica» says it of the page's subject (class 152)
            sections += [] if label in sections else [label]
            na.setdefault(label[2], said)
    if denied := page_denial(root, folded, [b for _t, b in bodies] + list(na.values()), [x.is_doc for x in links]):
        na.setdefault(PAGE_TEXT, denied)  # the page's own text, outside its sections (criterion M)
    for text in shown.intersection(t for t, keys in out.only_links.items() if keys == [SCRIPTED]):
        del out.only_links[text]  # class 1610: the tab «Misión» over its drawn card «Misión»: it is here
    for text in repeated_bodies(bodies):  # the same content under many titles: nothing of their own
        out.only_links.setdefault(text, [REPEATED_BODY])
    return out
