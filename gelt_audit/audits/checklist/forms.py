"""What a form is for (search, search of one list, PQRSD, survey, payment, query, subscription), read off
its fields, and what its words say it is for (criterion Q, docs/checklist-scope.md)."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from typing import Any

from .regions import opened_element
from .text import WORD, camel_split, element_text, fold, norm_tokens, text_norm

# One text field that asks for a search with no ``<form>`` around it (the committee's criterion,
# docs/checklist-states.md «Un cuadro de búsqueda sin formulario»): read by the ``search`` rules only,
# never asked for by name
LONE_SEARCH = "lone_search"
FORM_PURPOSES = ("search", "page_search", "pqrsd", "survey", "payment", "query", "subscription")
_SEARCH_WORDS = frozenset(
    "q s k search buscar busqueda buscador query keyword keywords searchword termino texto criterio".split()
)
_SURVEY_WORDS = frozenset(
    (
        "encuesta",
        "sondeo",
        "califica",
        "califique",
        "calificacion",
        "opinion",
        "opine",
        "satisfaccion",
        "valore",
        "valora",
        "percepcion",
    )
)
_PAY_WORDS = frozenset(
    (
        "pago",
        "pagar",
        "pague",
        "pse",
        "predial",
        "liquidar",
        "liquidacion",
        "factura",
        "recibo",
        "impuesto",
        "referencia",
    )
)
# Class 2511 (H251): «Generar Recibo» over a box for the number of an inscription reissues the receipt
# of a registration (zzo-culturasandona's events); a receipt or a reference alone is no payment when
# what the form looks up is an inscription or a registration, not a bill, a tax or a fee.
_RECEIPT_WORDS = frozenset(("recibo", "referencia"))
_ENROLMENT_WORDS = frozenset(("inscripcion", "inscripciones", "inscrito", "registro", "registrado"))
_QUERY_WORDS = frozenset(
    (
        "consulta",
        "consultar",
        "consulte",
        "radicado",
        "verificar",
        "verifique",
        "verificacion",
        "estado",
        "seguimiento",
        "rastreo",
        "codigo",
    )
)
_SUBS_PREFIXES = ("suscri", "boletin", "newsletter")
# a request a status query looks up by its code (the code may be typed into a masked field)
_REQUEST_WORDS = frozenset(("pqr", "pqrs", "pqrsd", "pqrsf", "pqrsfd", "radicado", "solicitud", "peticion"))
_LOGIN_WORDS = frozenset(("usuario", "contrasena", "password", "clave", "login", "ingresar", "sesion", "correo"))
# A field that says what it filters a list by («Buscar por municipio…», «Filtrar por recaudador»): it
# looks up the records of its page (a query), it does not search the site; «Buscar por palabra clave»
# or «por tema» still searches whatever the site holds.
_FILTER = re.compile(
    r"\b(?:busca|buscar|busque|filtra|filtrar|filtre)\s+por\s+"
    r"(?!(?:palabras?|clave|terminos?|texto|temas?|contenidos?|titulo|cualquier)\b)\w"
    r"|\bfiltr(?:ar|o|os)\b"
)
# ... unless its words say it searches the whole site («Buscar en todo el sitio…» beside a «Filtros
# avanzados» toggle is the site's search)
_SITE_WIDE = re.compile(r"\b(?:tod[oa]s?\s+(?:el|la|los|las)\s+|en\s+el\s+)(?:sitio|portal|pagina\s+web|web)\b")
# A box that asks for the number that identifies one person or one record («Identificación», «Número de
# cédula», «Número de inscripción…», «NIT»), whatever its button says («Buscar»): it looks that record up
# in the entity's register (a query, criterion Q (c)), it does not search the site (class 2510, H251:
# zzo-culturasandona's «SISTEMA DE REGISTRO» finds a cultural manager by the ID number).
_ASKS_ID = re.compile(
    r"^\W*(?:(?:su|el|la|n(?:o|ro|um(?:ero)?)\.?)\s+)*(?:(?:de|del|la|el)\s+)*"
    r"(?:identificacion|cedula|documento|nit|c\.?c\.?|inscripcion|radicado|matricula|expediente)\b"
)
# A box that sends its words to a web search engine with nothing that keeps the search to the site (no
# ``sitesearch``, ``as_sitesearch``, ``domains`` or ``cx`` field, no «site:» in a value): it searches
# the whole web, neither the site nor one of its lists (class 2512, H251: zzo-culturasandona's «Buscar
# en Google» in the navigation bar). A Google box kept to the site is the site's search, as before.
_WEB_ENGINES = re.compile(r"^https?://(?:www\.)?(?:google|bing|duckduckgo|yahoo|search\.yahoo)\.[a-z.]+/")
_KEEPS_TO_SITE = frozenset(("sitesearch", "as_sitesearch", "domains", "cx", "site", "as_site"))


def _searches_the_web(form: Any) -> bool:
    """Whether the form sends its search to a web search engine without keeping it to the site."""
    if not _WEB_ENGINES.match((form.get("action") or "").strip().lower()):
        return False
    for el in form.iter("input"):
        if (el.get("name") or "").lower() in _KEEPS_TO_SITE or "site:" in (el.get("value") or "").lower():
            return False
    return True


# A search box whose prompt names what it searches, other than the site («Buscar noticias…», «Buscar
# documentos», «Buscar lugar…», «Buscar en menú», «Search blog…»): a person reads it as the search of
# that one list or part of the page, not the site's search (class 1370). A prompt with no object
# («Buscar…», «Search»), or one that names the site or what any site search takes («Buscar en el
# sitio…», «Buscar palabra clave», «Buscar contenido»), stays the site's search.
_SCOPED = re.compile(
    r"^\W*(?:buscar|busca|busque|search)\s+(?:en\s+(?:(?:el|la|los|las)\s+)?)?"
    r"(?!(?:el|la|los|las|en|por|for|the|this|our|aqui|sitio|portal|pagina|paginas|web|website|site|todo|toda|"
    r"todos|todas|contenidos?|palabras?|clave|terminos?|texto|temas?|informacion|articulos?)\b)[a-z]{3,}"
)


# What a message form says it is for (criterion Q, docs/checklist-scope.md; H205), read from its own
# words (heading, legend, labels, button; a list's options only for the PQRSD words) first and from its page's title and h1 when its own
# words say nothing: (a) petitions, complaints, claims, suggestions, denuncias; (c) another purpose
# (upload a payment proof or a sign photo, register, subscribe, ask for a certificate, apply); (b) a
# general contact form. (a) outranks (c), which outranks (b): a form for a payment proof has a
# «Mensaje» box too, and a PQRSD form may ask for a «soporte de pago». «Registro» is not one of them: it
# is the «Registro civil» of the identity-document choices every request and appointment form offers.
def _stems(words: list[str]) -> frozenset[str]:
    """Words as the index keeps a form's and a page title's words (folded, stemmed)."""
    return frozenset(norm_tokens(" ".join(words))) | frozenset(words)


_SAYS_PQRSD = _stems(
    "pqr pqrs pqrsd pqrsf pqrsdf pqrsfd pqrd pqrds peticion peticiones queja quejas reclamo reclamos "
    "sugerencia sugerencias denuncia denuncias felicitacion felicitaciones".split()
)
_SAYS_OTHER = _stems(
    "pago pagos pagar comprobante comprobantes consignacion inscripcion inscripciones inscribase inscribete "
    "inscribirse registrese registrate evento eventos suscribase suscribete suscripcion boletin "
    "newsletter certificado certificados certificacion postulacion postulese valla vallas publicar".split()
)
_SAYS_CONTACT = _stems(
    "contacto contactenos contactanos contactar contactarnos contactese escribanos escribenos mensaje asunto".split()
)
PQRSD_SAID, CONTACT_SAID, OTHER_SAID = "pqrsd", "contact", "other"
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6", "legend")
_HEADING_UP = 4  # how many of the form's ancestors are looked at for a heading just before it
_HEADING_BACK = 3  # how many elements before the form (or an ancestor) may hold its heading
_NAMING = ("name", "id", "placeholder", "aria-label", "title", "value")  # a field's attributes that name it


def said_for(words: set[str]) -> str:
    """What words say a form is for (criterion Q): ``PQRSD_SAID``, ``OTHER_SAID``, ``CONTACT_SAID``,
    or "" when they say none of these."""
    if words & _SAYS_PQRSD:
        return PQRSD_SAID
    if words & _SAYS_OTHER:
        return OTHER_SAID
    return CONTACT_SAID if words & _SAYS_CONTACT else ""


def heading_before(form: Any) -> str:
    """The heading (``h1``–``h6`` or a legend) just before a form, within a few of its ancestors: the
    form's own title when the page draws it outside the ``<form>`` element («Escríbanos» over the
    fields)."""
    node = form
    for _ in range(_HEADING_UP):
        back = node.itersiblings(preceding=True)
        for _n, sib in zip(range(_HEADING_BACK), back, strict=False):
            if not isinstance(sib.tag, str):
                continue
            if sib.tag in _HEADINGS:
                return element_text(sib)[:200]
            inner = list(sib.iter(*_HEADINGS))
            if inner:  # the last heading of a block before the form is the nearest
                return element_text(inner[-1])[:200]
        node = node.getparent()
        if node is None or node.tag in ("body", "html"):
            break
    return ""


def _titled_words(form: Any, own_text: bool) -> set[str]:
    """The words a form is named by: its text (or, for fields with no form element, its labels and
    buttons) and its fields' names and prompts, without the choices of its lists. A choice is no
    title: a list of towns («… El Pago …») or of subjects says nothing of what the form is for; the
    types of request a PQRSD form offers («Petición», «Queja») are read with all its words."""
    bare = copy.deepcopy(form)
    for choice in list(bare.iter("option")):
        choice.drop_tree()
    texts = [element_text(bare)] if own_text else [element_text(el) for el in bare.iter("label", "button")]
    texts += (el.get(a) or "" for el in bare.iter("input", "textarea", "button") for a in _NAMING)
    return set(norm_tokens(camel_split(" ".join(texts))))


def _purpose_said(form: Any, words: set[str], page_labels: str, own_text: bool) -> str:
    """What a form says it is for (criterion Q): PQRSD when any of its words or its heading say so;
    otherwise what its title words and heading say; its page's labels (title, h1) when they say
    nothing."""
    heading = set(norm_tokens(heading_before(form)))
    if (words | heading) & _SAYS_PQRSD:
        return PQRSD_SAID
    own = said_for(_titled_words(form, own_text) | heading)
    return own or said_for(set(page_labels.split()))


@dataclass(slots=True)
class Form:
    purposes: frozenset[str]
    norm: str
    box: str = ""  # a lone search box (``LONE_SEARCH``): what it says, to name it to a person


@dataclass(slots=True)
class _Fields:
    """What a form's fields say: their words and the kinds of inputs it has."""

    bits: list[str]  # texts, names, placeholders and button values
    hint_words: set[str]  # words of the inputs' names and of the form's own attributes
    opened: list[str] = field(default_factory=list)  # texts of the modals its buttons open (its terms)
    n_text: int = 0
    n_radio: int = 0
    has_textarea: bool = False
    has_email: bool = False
    has_password: bool = False
    has_search_type: bool = False
    prompts: list[str] = field(default_factory=list)  # what the typed boxes ask for (placeholder, aria-label)


# What names a message box (class 2283, H228): a one-line box labelled «Mensaje» or «Comentarios» is where
# the visitor writes the message, as a ``textarea`` is (zo-yascual's contact form writes it as
# ``<input type="text" name="message">``); the words must be the whole of its label, name or prompt.
_MESSAGE_NAMES = frozenset(("mensaje", "message", "comentario", "comentarios", "comment", "comments", "su mensaje"))


def _names_message(text: str | None) -> bool:
    """Whether a box's label, name, id or prompt is only the word for a message («Mensaje», ``message``)."""
    return bool(text) and " ".join(WORD.findall(fold(camel_split(text or "")))) in _MESSAGE_NAMES


def _message_ids(form: Any) -> set[str]:
    """The ids of the boxes a ``<label for>`` of the form names a message."""
    return {el.get("for") or "" for el in form.iter("label") if el.get("for") and _names_message(element_text(el))}


def _read_fields(form: Any, own_text: bool = True) -> _Fields:
    """``own_text`` False (fields with no form element around them): only what the fields, their
    labels, options and buttons say is read, not the text of the element that holds them (the
    page's content around a form is not the form)."""
    attrs = [form.get(a) or "" for a in ("action", "id", "class", "role", "name")]
    f = _Fields([element_text(form) if own_text else "", *attrs], set())
    message_ids = _message_ids(form)
    for el in form.iter("input", "textarea", "select", "button", "option", "label"):
        tag = el.tag
        if not own_text and tag in ("button", "option", "label"):
            f.bits.append(element_text(el))
        for attr in ("name", "id", "placeholder", "aria-label", "title", "class"):
            v = el.get(attr)
            if v:
                f.bits.append(v)
                if tag == "input" and attr in ("name", "id", "placeholder", "class"):
                    f.hint_words.update(WORD.findall(fold(v)))
        if (
            tag in ("button", "input")
            and el.get("value")
            and (el.get("type") or "").lower() in ("submit", "button", "")
        ):
            f.bits.append(el.get("value") or "")
        if tag == "button" and "modal" in (el.get("data-bs-toggle"), el.get("data-toggle")):
            # «Aceptar» + «Ver términos y condiciones» opening a modal with «AUTORIZO … Tratamiento de
            # Datos»: what the visitor accepts is part of what the form says
            pane = opened_element(el)
            if pane is not None and len(f.opened) < 3:
                f.opened.append(element_text(pane)[:3000])
        if tag == "textarea":
            f.has_textarea = True
        elif tag == "input" and el.get("readonly") is None:
            # a read-only box is chosen from, not typed into: the one a select widget draws (Ant
            # Design's closed <Select>, role «combobox») counts as a choice, like a <select> (class 1121)
            t = (el.get("type") or "text").lower()
            if t in ("text", "") and (
                el.get("id") in message_ids
                or any(_names_message(el.get(a)) for a in ("name", "id", "placeholder", "aria-label"))
            ):
                f.has_textarea = True  # the message box, on one line (class 2283)
            if t in ("text", "search", "email", "tel", "number", ""):
                f.n_text += 1
                f.prompts.extend(fold(v) for v in (el.get("placeholder"), el.get("aria-label")) if v)
            if t == "search":
                f.has_search_type = True
            elif t == "email":
                f.has_email = True
            elif t == "password":
                f.has_password = True
            elif t == "radio":
                f.n_radio += 1
    own = " ".join(form.get(a) or "" for a in ("action", "role", "class", "id"))
    f.hint_words |= set(WORD.findall(fold(own)))
    return f


def _masked_request_code(words: set[str], shown: set[str]) -> bool:
    """Whether a form with a masked field looks a request up by its code rather than logging a user
    in: «Identificación», «Código de PQRSD» (typed as a password) and «Consultar» is a status query;
    a form that shows a user, a password or a session is a login. What it shows (``shown``: its text,
    labels, prompts and buttons) decides that, not the names and ids a person never sees: «Número de
    radicado», «Código de consulta» and «Consultar estado» over a box whose id is ``clave`` is a status
    query (class 2284, zq-iebetania's «Consultar radicado»)."""
    return bool(words & _REQUEST_WORDS and words & _QUERY_WORDS and not shown & _LOGIN_WORDS)


def _shown_words(form: Any, own_text: bool) -> set[str]:
    """The words a form shows a person: its text (or, without it, its labels, buttons and options),
    its boxes' prompts and its buttons' values."""
    texts = [element_text(form)] if own_text else [element_text(el) for el in form.iter("label", "button", "option")]
    for el in form.iter("input", "textarea", "button"):
        texts.extend(el.get(a) or "" for a in ("placeholder", "aria-label", "title"))
        if (el.get("type") or "").lower() in ("submit", "button"):
            texts.append(el.get("value") or "")
    return set(text_norm(camel_split(" ".join(texts)))[0].split())


_DELETES = re.compile(r"^\W*eliminar\b")


def _edits_records(form: Any) -> bool:
    """Whether a form has a button that deletes what it keeps («Eliminar», «Eliminar documento»):
    a tool that edits the entity's stored records (a catalogue's «Descripción», «Palabras clave»,
    «Guardar»), not a message to it; a request once sent is not deleted by its sender (class 2653)."""
    buttons = (
        b
        for b in form.iter("button", "input")
        if b.tag == "button" or (b.get("type") or "").lower() in ("submit", "button")
    )
    return any(_DELETES.match(fold(element_text(b) or b.get("value") or "")) for b in buttons)


def _sends_a_survey(form: Any) -> bool:
    """Whether the form's send button says it sends a survey («Enviar la encuesta») and not a query
    (criterion Q, class 2421): the button names what the form is for, and a word of a query
    scattered through a survey's questions («estado de salud», «consulta el listado») does not make
    the survey a query of a database."""
    texts = [element_text(el) for el in form.iter("button")]
    for el in form.iter("input", "button"):
        if (el.get("type") or "").lower() in ("submit", "button", "image"):
            texts.extend(el.get(a) or "" for a in ("value", "placeholder", "aria-label", "title", "alt"))
    said = set(text_norm(camel_split(" ".join(texts)))[0].split())
    return bool(said & _SURVEY_WORDS) and not said & _QUERY_WORDS


def form_info(form: Any, page_labels: str, own_text: bool = True) -> Form:
    """A form's purposes, read off its fields and words, and its normalised text (``own_text``:
    see :func:`_read_fields`)."""
    f = _read_fields(form, own_text)
    norm, _ = text_norm(camel_split(" ".join(f.bits)))
    words = set(norm.split())
    if f.has_password and not _masked_request_code(words, _shown_words(form, own_text)):
        return Form(frozenset({"login"}), norm)
    purposes: set[str] = set()
    search_hint = bool(f.hint_words & _SEARCH_WORDS) or bool(words & {"buscar", "busqueda", "buscador"})
    said = fold(" ".join(f.bits))
    filters = not f.has_textarea and f.n_text >= 1 and bool(_FILTER.search(said)) and not _SITE_WIDE.search(said)
    if filters:
        purposes.add("query")
    elif (
        (f.has_search_type or search_hint)
        and 1 <= f.n_text <= 2
        and not f.has_textarea
        and not (f.has_email and not f.has_search_type)
    ):
        # a box that says it searches one list (class 1370) is that list's search, not the site's
        scoped = bool(f.prompts) and all(_SCOPED.match(p) for p in f.prompts) and not _SITE_WIDE.search(said)
        if f.prompts and all(_ASKS_ID.match(p) for p in f.prompts):
            purposes.add("query")  # a register looked up by an ID number (class 2510)
        elif not _searches_the_web(form):  # a search of the whole web is none of the site's (class 2512)
            purposes.add("page_search" if scoped else "search")
    searching = bool(purposes & {"search", "page_search"})
    # a message form (a box and an e-mail or several fields) is a PQRSD or contact channel unless its
    # words say it is for something else (criterion Q: a payment proof, a sign photo, a registration)
    if (
        f.has_textarea
        and (f.has_email or f.n_text >= 2)
        and (said_is := _purpose_said(form, words, page_labels, own_text)) != OTHER_SAID
        and (said_is == PQRSD_SAID or not _edits_records(form))
    ):
        purposes.add("pqrsd")
    if f.n_radio >= 2 and (words & _SURVEY_WORDS or set(page_labels.split()) & _SURVEY_WORDS):
        purposes.add("survey")
    if not f.has_textarea and words & _PAY_WORDS and not searching:
        # a receipt of an inscription is looked up, not paid (class 2511)
        if not (words & _PAY_WORDS <= _RECEIPT_WORDS and words & _ENROLMENT_WORDS):
            purposes.add("payment")
        elif f.n_text >= 1:
            purposes.add("query")
    if not f.has_textarea and f.n_text >= 1 and words & _QUERY_WORDS and not searching and not _sends_a_survey(form):
        purposes.add("query")
    if f.has_email and not f.has_textarea and any(w.startswith(_SUBS_PREFIXES) for w in words):
        purposes.add("subscription")
    if f.opened:  # read for what the form has (``contains``), never for what it is for
        norm = f"{norm} {text_norm(camel_split(' '.join(f.opened)))[0]}"
    return Form(frozenset(purposes), norm)


_FIELD_TAGS = ("input", "select", "textarea")
_NOT_FIELDS = frozenset(("hidden", "submit", "button", "image", "reset"))
_FIELDS_UP = 8  # how far above a send button its fields may be grouped
_BUTTONS = 30  # the send buttons looked at on one page


def _in_form(el: Any) -> bool:
    return next(el.iterancestors("form"), None) is not None


def _is_field(el: Any) -> bool:
    return el.tag != "input" or (el.get("type") or "text").lower() not in _NOT_FIELDS


# what a button says when it only empties the fields beside it («Limpiar», «Borrar filtros», «Restablecer»)
_CLEARS = re.compile(r"^\W*(?:limpiar|borrar|restablecer|reiniciar|reset|clear)\b")


def _clears(button: Any) -> bool:
    """Whether a button only clears its fields (its text, or with no text its label, says «Limpiar»):
    it sends nothing, so the fields beside it are no form a script sends (class 2461); a filter bar
    «Buscar en el directorio · Filtrar por universidad · Limpiar» over a table filters that table."""
    said = element_text(button) or button.get("aria-label") or button.get("value") or button.get("title") or ""
    return bool(_CLEARS.match(fold(said)))


def formless_forms(root: Any) -> list[Any]:
    """Fields a script sends: the smallest element around a send button (a ``<button>`` or an
    ``<input type="submit|button">``) that holds two or more fields (inputs, selects, textareas),
    none of them inside a ``<form>``, and no table in it (fields beside a table, «Mostrar 10 registros ·
    Buscar…», page and filter it). A person sees a form; the page has no form element."""
    if not any(_is_field(el) and not _in_form(el) for el in root.iter(*_FIELD_TAGS)):
        return []
    found: list[Any] = []
    buttons = (
        el
        for el in root.iter("button", "input")
        if (el.tag == "button" and (el.get("type") or "").lower() != "reset")
        or (el.tag == "input" and (el.get("type") or "").lower() in ("submit", "button"))
    )
    for n, button in enumerate(buttons):
        if n == _BUTTONS:
            break
        if _in_form(button) or any(box in found for box in button.iterancestors()) or _clears(button):
            continue
        for box in list(button.iterancestors())[:_FIELDS_UP]:
            if box.tag in ("body", "html"):
                break
            fields = [f for f in box.iter(*_FIELD_TAGS) if _is_field(f) and not _in_form(f)]
            if len(fields) >= 2:
                if box.find(".//table") is None:  # beside a table they page and filter it
                    found.append(box)
                break
    return found


# the end of a lone search box's sentence on a page with no script (see :func:`lone_box_notes`)
SEARCHES_NOWHERE = "no envía la búsqueda a ninguna parte"


def lone_box_notes(box: str, url: str) -> tuple[str, str, str]:
    """What a person reads of a lone search box (``Form.box``) on the page ``url``: how it is named as
    evidence, why it is ``sin_verificar`` on a page that runs a script, and why it is ``no_cumple`` on
    one that runs none (the committee's criterion, docs/checklist-states.md)."""
    named = f"el cuadro de búsqueda «{box}»" if box else "el cuadro de búsqueda"
    return (
        f"{named[3:]} sin formulario en {url}",
        "sin verificar: el cuadro no está en ningún formulario, así que la búsqueda la haría un script de la"
        " página, que el rastreo no ejecuta; pruébelo en un navegador",
        f"{named} de {url} no está en ningún formulario y la página no ejecuta ningún script: {SEARCHES_NOWHERE}",
    )


# what a lone field or the button beside it says when it asks for a search (the criterion's words)
_ASKS_SEARCH = re.compile(r"\b(?:busc|busq|search)")


def lone_search_boxes(root: Any) -> list[Form]:
    """Lone search boxes: one typed text field (``text`` or ``search``) with no ``<form>`` around
    it, alone in the smallest element that holds it and a button (or in its parent, with no button
    near), whose type, name, prompt or button says it searches («Buscar», «búsqueda», «buscador»,
    «search») and whose fields read as the site's search (:func:`form_info`: not a box that names
    one list, class 1370, nor a filter). Two or more fields around a button are a form a script
    sends (:func:`formless_forms`), not this; a field beside a table filters it."""
    found: list[Form] = []
    for el in root.iter("input"):
        if (el.get("type") or "text").lower() not in ("text", "search") or el.get("readonly") is not None:
            continue
        if _in_form(el):
            continue
        group = _lone_group(el)
        if group is None or group.find(".//table") is not None:
            continue
        said = [el.get(a) or "" for a in ("name", "placeholder", "aria-label", "title")]
        buttons = [b for b in group.iter("button", "input") if b is not el and _is_button(b)]
        for b in buttons:
            said += [
                element_text(b) if b.tag == "button" else "",
                *(b.get(a) or "" for a in ("value", "aria-label", "title")),
            ]
        if not ((el.get("type") or "").lower() == "search" or _ASKS_SEARCH.search(fold(camel_split(" ".join(said))))):
            continue
        if "search" not in form_info(group, "", own_text=False).purposes:
            continue
        name = next((" ".join(x.split()) for x in said[1:] + said[:1] if x.strip()), "")
        found.append(Form(frozenset({LONE_SEARCH}), "", name[:80]))
        if len(found) == 3:
            break
    return found


def _is_button(el: Any) -> bool:
    kind = (el.get("type") or "").lower()
    return (el.tag == "button" and kind != "reset") or (el.tag == "input" and kind in ("submit", "button", "image"))


def _lone_group(field: Any) -> Any | None:
    """The smallest element around ``field`` that holds a button, when it holds no other field; the
    field's parent when no button is near; None when another field is beside it (a form of its own)."""
    parent = field.getparent()
    for box in list(field.iterancestors())[:_FIELDS_UP]:
        if box.tag in ("body", "html"):
            break
        if sum(1 for f in box.iter(*_FIELD_TAGS) if _is_field(f)) > 1:
            return None if any(_is_button(b) for b in box.iter("button", "input")) else parent
        if any(_is_button(b) for b in box.iter("button", "input")):
            return box
    # a field right in the page's body: the body is no group (its buttons are not the field's)
    return None if parent is None or parent.tag in ("body", "html") else parent
