"""Whether a page publishes anything: its folded main text, empty or «en construcción», or an error
page answered with 200 (a "soft 404"). What a person sees when the menu's entry opens nothing."""

from __future__ import annotations

import copy
import re
from functools import cached_property
from typing import Any

from lxml import etree

from gelt_audit.markup import is_breadcrumb

from .buttons import document_button
from .contents import DEAD_HREF, NOTHING_YET, PENDING
from .definitions import LIST_TAGS, cites_norm, defined_name, of_definitions
from .pages import Link, Page, link_elements, title_labels
from .quoting import placeholder, quote, says_nothing, shorten
from .systems import points_into_system
from .text import element_text, fold, in_norm, text_norm
from .urls import is_doc_key

_SOFT404 = re.compile(
    r"\b(?:error 404|404|pagina no encontrada|no se encontro la pagina|not found|"
    r"la pagina (?:solicitada )?no existe)\b"
)
# What a short page of its own gives a person (folded text): a phone number after its word, an
# e-mail address, a street address or opening hours. Such a page is content, however few its words.
_CONTACT = re.compile(
    r"\b(?:tel|telefonos?|celular|cel|movil|pbx|conmutador|linea|whatsapp|fax)\b\W{0,4}[+(]?\d"
    # an address from the start of its word, its local part at most 64 characters (RFC 5321): an
    # unbounded run tried from every position of a long word is quadratic (a 60,000-character word
    # of a hostile page took minutes)
    r"|(?<![\w.+-])[\w.+-]{1,64}@[\w-]+\.[\w.-]+"
    r"|\b(?:calle|carrera|cra|kra|kr|avenida|av|transversal|diagonal)\.?\s*\d+\s*[a-z]?\s*(?:#|no\.?|n°)\s*\d"
    r"|\bhorario\b\W.{0,40}\d"
)
_UNDER_CONSTRUCTION = re.compile(
    r"\b(?:en construccion|proximamente|pagina en mantenimiento|sin informacion|no hay informacion|"
    r"informacion no disponible|no se encontraron (?:resultados|registros|documentos|noticias|publicaciones)|"
    # an empty list's notice: «No hay encuestas disponibles en este momento», «No hay foros activos»
    r"no hay (?:documentos|archivos|noticias|encuestas|foros|convocatorias|sesiones|eventos|elementos|"
    r"publicaciones|registros) (?:disponibles|activos|activas|publicados|publicadas|en este momento)|"
    # a template's stand-in text, never replaced: the framework's stock page, the theme's dummy text
    r"use this area to provide additional information|lorem ipsum)"
)
# «Aún no hay documentos en este ítem», «no cuenta con información» (contents.NOTHING_YET): the page
# says it has nothing only when that notice is all it shows (no link, image, table or form of its
# content: a page of sections where one pane says it is a hub that publishes by the others)
# «Contenido por completar», «Pendiente de publicación» (contents.PENDING, H216): likewise, only when
# nothing else is on the page (a page of documents that says one more is pending publishes them)
_NOTHING_YET = re.compile(rf"\b(?:{NOTHING_YET}|{PENDING})\b")
# What a script would load: the page shows the placeholder, the content comes later (a template's
# «Loading...» preloader is on every page, full or not: it says nothing). On a page that runs a
# script the crawl saw the placeholder, not the content: the page is not seen (``Page.loading``);
# on a page with no script nothing replaces it, and a person sees it as the crawl does: empty.
_LOADING = re.compile(r"\bcargando(?: noticias| informacion| contenido| datos)?\s*(?:\.\.\.|\u2026)")
# A script's empty-list notice («Sin resultados», «No se encontraron publicaciones.»): the state a list
# shows before, or without, the rows its script draws. On a page whose own code fills an element the
# crawl saw empty (``fills_empty``) it is the script's placeholder, not what the page publishes: the
# crawl did not see the list (``Page.loading``, class 2400); elsewhere it is the page's notice (empty).
_NO_RESULTS = re.compile(
    r"\b(?:sin resultados|no se encontraron (?:resultados|registros|documentos|noticias|publicaciones))\b"
)
# the ids an inline script writes into: getElementById("rows"), querySelector("#rows"), $("#rows")
_NAMED_ID = re.compile(r"""(?:getElementById\(|querySelector(?:All)?\(|\$\()\s*['"]#?([\w-]+)['"]""")
_LIST_NOTE = (
    "sin verificar: la página solo muestra el aviso de una lista vacía; sus filas las dibuja un script que el"
    " rastreo no ejecuta: ábrala en un navegador"
)
_LOADING_NOTE = (
    "sin verificar: la página solo muestra un aviso de carga; su contenido lo carga un script que el rastreo"
    " no ejecuta: ábrala en un navegador"
)
# a script a browser runs: not data (JSON-LD, a template) in a script element
_DATA_SCRIPT = re.compile(r"json|template|text/x-|text/html|text/plain")
_PAGE_MEDIA = ("img", "iframe", "embed", "object", "video", "table", "form")  # boolean(//img | ...)
# Where a single-page application draws itself: the element its framework mounts on (React's
# «root», Vue's «app», Next.js, Nuxt, Gatsby) or a custom element (a tag with a hyphen, defined by
# a script: Angular's <app-root>)
_MOUNT_IDS = frozenset(("root", "app", "__next", "__nuxt", "___gatsby", "svelte"))


def spaced_words(folded: str) -> int:
    """``len(folded.split())`` of folded :func:`element_text` (words apart by single spaces) without
    splitting a page's text into thousands of strings. Folding adds a space only where a spacing
    accent (``¨``, ``´``) decomposes, or leaves one at an end or doubled where a word was only
    marks: then the words are counted one by one."""
    if folded and folded[0] != " " and folded[-1] != " " and "  " not in folded:
        return folded.count(" ") + 1
    return len(folded.split())


_HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")


# A banner over a page's content: the site's name, its slogan, a picture (a template's «hero»)
_BANNER = re.compile(
    r"(?:^|[\s_-])(?:banner|hero|jumbotron|masthead|cabezote|page-header|site-name|site-title)(?:$|[\s_-])"
)
_BANNER_WORDS = 30  # longer, it is the page's content in a box named «banner»
_NAME_SLACK = 4  # words a banner line may add to the site's name («… - Sucre», «Nit 800.000.000-1»)


def _banners(body: Any, title: str) -> list[Any]:
    """The site-name banners of a page's content: an element named for a banner (``banner``,
    ``hero``, ``jumbotron``, ``page-header``…) with a short text and no link that leads anywhere;
    or a line that is the site's name as the page title gives it after the page's own name
    («Directorio | Alcaldía Municipal de Prueba»), with a few more words at most."""
    names = [(n, w) for n, w, _raw in title_labels(title)[2:] if w >= 2]  # the segments after the page's own
    out = []
    for el in body.iterdescendants(etree.Element):
        if any(el is b or b in el.iterancestors() for b in out):
            continue
        text = element_text(el)
        tokens = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
        if _BANNER.search(tokens):
            live = [a for a in link_elements(el) if not DEAD_HREF.match((a.get("href") or "").strip())]
            if not live and spaced_words(fold(text)) <= _BANNER_WORDS:
                out.append(el)
                continue
        if names and el.tag in ("p", "div", "span", "strong", "b", "em") and len(el) <= 1:
            norm, words = text_norm(text)
            if any(in_norm(tuple(n.split()), norm) and words <= w + _NAME_SLACK for n, w in names):
                out.append(el)
    return out


def _unframed(body: Any, title: str) -> tuple[Any, list[Any]]:
    """A copy of a page's content without its breadcrumb and its site-name banners (``_banners``),
    and those banners: what is left is what the page itself says."""
    rest = copy.deepcopy(body)
    for el in [el for el in rest.iterdescendants(etree.Element) if is_breadcrumb(el)]:
        if el.getparent() is not None:
            el.drop_tree()
    banners = _banners(rest, title)
    for el in banners:
        if el.getparent() is not None:
            el.drop_tree()
    return rest, banners


class _Own:
    """A page's own content (``_unframed``, then its first two headings dropped), copied once for the
    checks of :func:`page_state` that read it: each copy of a page's tree costs as much as a check."""

    def __init__(self, body: Any, title: str) -> None:
        self.body, self.title = body, title
        self.raw_names: dict[str, str] = {}  # folded name -> as the page writes it (filled by ``parts``)

    @cached_property
    def parts(self) -> tuple[Any, list[Any], bool, bool, set[str]]:
        """The content without breadcrumb, banners and first two headings; the banners; whether it
        showed media and links before those headings were dropped; the names the page gives itself
        (those headings, the page title and its first segment, folded)."""
        rest, banners = _unframed(self.body, self.title)
        media = next(rest.iter(*_PAGE_MEDIA), None) is not None
        linked = bool(link_elements(rest))
        heads = list(rest.iter(*_HEADING_TAGS))[:2]
        raws = [element_text(h) for h in heads] + [raw for _n, _w, raw in title_labels(self.title)[:2]]
        for raw in raws:  # the page's own words for each name, the first heading first
            self.raw_names.setdefault(fold(raw).strip(), " ".join(raw.split()))
        for el in heads:
            el.drop_tree()
        return rest, banners, media, linked, set(self.raw_names) - {""}


def _only_title(body: Any, title: str = "", own: _Own | None = None) -> bool:
    """Whether a short page shows nothing but its title: its first two headings (a banner's
    section name, the page's own name) and its breadcrumb, no other text and at most one link
    beside them — a page the menu names that publishes nothing (a template's page never filled);
    or its title and its site-name banners (``_banners``) with no word, link, image, table or frame
    of its own beside them. ``own``: the page's own content, when already made."""
    rest, banners, media, _linked, _names = (own or _Own(body, title)).parts
    # media a person sees: outside the banners (beside one), anywhere in the page (without one)
    if media if banners else next(body.iter(*_PAGE_MEDIA), None) is not None:
        return False
    words = spaced_words(fold(element_text(rest)))
    live = sum(1 for a in link_elements(rest) if not DEAD_HREF.match((a.get("href") or "").strip()))
    if banners:  # beside a banner, any word or link of its own is content (a phone, one document)
        return words == 0 and live == 0
    return words < 5 and live < 2


# A sentence that only repeats the page's title with a proper name after it («Misión y visión de la
# Empresa de Servicios Públicos de …», «Glosario del Hospital …»): the entity's name, nothing of the item
_TITLE_OF = re.compile(
    r"^(?P<title>.+?)\s+(?:de\s+la|de\s+las|de\s+los|del|de)\s+(?P<name>[A-ZÁÉÍÓÚÑ](?:[^.:;!?\d]|\.(?=\S))*?)\s*\.?$",
    re.S,
)
_NAME_WORDS = 30  # longer, the «name» is a description of its own


def _own_text(own: _Own) -> tuple[Any, set[str]] | None:
    """A page's own content without its breadcrumb, its site-name banners and its first two headings,
    and the names it gives itself; None when that content shows a link, an image, a table or a
    frame: it publishes something."""
    rest, _banners, media, linked, names = own.parts
    return None if media or linked else (rest, names)


def repeats_title(own: _Own) -> str:
    """The one sentence that is a page's only own text, beside its first two headings (and its
    breadcrumb and site-name banners), when it repeats its title with the entity's name («Organigrama
    de la Alcaldía Municipal de …»): no other word, no link, image, table or frame; else "". The norm
    asks for the information, not for its name (docs/checklist-scope.md, criterion E)."""
    found = _own_text(own)
    if found is None:
        return ""
    rest, names = found
    sentence = " ".join(element_text(rest).split())
    found = _TITLE_OF.match(sentence)
    if found is None or spaced_words(fold(found.group("name"))) > _NAME_WORDS:
        return ""
    return sentence if fold(found.group("title")).strip() in names else ""


# The same sentence when the entity is named in other words («Glosario de la entidad.», «Calendario
# Eventos del INDERSANTANDER.»): the title, «de/del …» and a short phrase (folded), no digit, no other
# sentence; the title is read whole («Plan anual de adquisiciones de la entidad.»)
_OF_ENTITY = re.compile(r"^(?:de la|de las|de los|del|de) (?P<name>[^.:;!?\d]+?)\s*\.?$")
_ENTITY_WORDS = 8  # longer, the phrase says something of its own

_AFTER_WORDS = 15  # words not in a link after the title block: a side menu's or a template's, not content
_AFTER_MEDIA = ("iframe", "embed", "object", "video", "audio", "form")


def echoes_title(title: str, body: str) -> bool:
    """Whether a section's whole text (``body``, beside its title) only repeats its title with the
    entity named in a few words («Misión» over «Misión de la entidad.», «Organigrama» over
    «Organigrama de la Alcaldía de Tenjo»): it names the item and publishes nothing of it
    (docs/checklist-scope.md, criterion E, read per section: H223)."""
    name = fold(title).strip(" .:")
    folded = " ".join(fold(body).split())
    if not name or not folded.startswith(name + " "):
        return False
    found = _OF_ENTITY.match(folded[len(name) :].strip())
    return found is not None and spaced_words(found.group("name")) <= _ENTITY_WORDS


def _after(body: Any, block: Any) -> list[Any]:
    """The elements that follow a block in the page, outside it (its siblings after it, then its
    ancestors' siblings after them, up to the page's body)."""
    out: list[Any] = []
    el = block
    while el is not None and el is not body:
        out += [s for s in el.itersiblings() if isinstance(s.tag, str)]
        el = el.getparent()
    return out


def _before(body: Any, block: Any) -> list[Any]:
    """The elements that precede a block in the page, outside it (its siblings before it, then its
    ancestors' siblings before them, up to the page's body): a side menu drawn before the content."""
    out: list[Any] = []
    el = block
    while el is not None and el is not body:
        out += [s for s in el.itersiblings(preceding=True) if isinstance(s.tag, str)]
        el = el.getparent()
    return out


def _shows_after(elements: list[Any]) -> bool:
    """Whether what follows a page's title block shows something of its own: a document link, an
    image outside a link, a frame, a video or a form, or more than a side menu's loose words."""
    words = 0
    for top in elements:
        for el in top.iter(etree.Element):
            if el.tag in _AFTER_MEDIA or (el.tag == "img" and not any(a.tag == "a" for a in el.iterancestors())):
                return True
            if el.tag == "a" and is_doc_key((el.get("href") or "").split("#", 1)[0]):
                return True
            # a link's words are the menu's, its tail is not (lxml makes a new string at each ``el.text``:
            # told apart by position, not by identity; H211)
            if any(a.tag == "a" for a in el.iterancestors()):
                continue
            for text in (el.tail,) if el.tag == "a" else (el.text, el.tail):
                if text and text.strip():
                    words += spaced_words(fold(text).strip())
    return words > _AFTER_WORDS


def names_entity_only(own: _Own, framed: bool = False) -> str:
    """The one sentence under a page's title heading, when the block of that heading holds only it and
    it repeats the title with the entity named in any words («Glosario de la entidad.», «Misión, Visión
    y Principios del INDERSANTANDER.»), and nothing after that block shows anything of its own (a side
    menu's links and loose words, no document, image, frame or form); else "". Such a page publishes
    nothing, whatever menus frame it (docs/checklist-scope.md, criterion E). ``framed``: the page has
    more words than a short page (its menus are long): what precedes the block (a side menu drawn
    before the content) must show nothing of its own either, as what follows it."""
    names = own.parts[4]
    for head in own.body.iter(*_HEADING_TAGS):  # a side menu's heading may be one of the page's names
        if fold(element_text(head)).strip() in names and (sentence := _block_sentence(head, names)):
            block = head.getparent()
            if not _shows_after(_after(own.body, block)) and not (framed and _shows_after(_before(own.body, block))):
                return sentence
    return ""


def _block_sentence(head: Any, names: set[str]) -> str:
    """The sentence of :func:`names_entity_only` when the heading's block holds only it, else ""."""
    block = head.getparent()
    if block is None or (block.text or "").strip() or (head.tail or "").strip():
        return ""
    rest = [c for c in block if c is not head]
    if len(rest) != 1 or not isinstance(rest[0].tag, str) or (rest[0].tail or "").strip():
        return ""
    para = rest[0]
    while len(para) == 1 and not (para.text or "").strip() and not (para[0].tail or "").strip():
        para = para[0]  # a wrapper around the paragraph («region-content»)
    if len(para) or not isinstance(para.tag, str):
        return ""
    sentence = " ".join(element_text(para).split())
    folded = fold(sentence).strip()
    for name in sorted(names, key=len, reverse=True):
        found = _OF_ENTITY.match(folded[len(name) :].strip()) if folded.startswith(name + " ") else None
        if found is not None and spaced_words(found.group("name")) <= _ENTITY_WORDS:
            return sentence
    return ""


def defines_only(own: _Own) -> str:
    """The page's name (as the page writes it) that a page's own text (past its title, breadcrumb and
    banners) opens by defining («Las consultas ciudadanas son un mecanismo…», «Se entiende por
    presupuesto participativo…») when it says nothing of the entity's own (``definitions.defined_name``),
    with no link, image, table, frame or list; else "". It tells what the mechanism is, not that the
    entity publishes one: named and empty (docs/checklist-scope.md, criterion D)."""
    found = _own_text(own)
    if found is None:
        return ""
    rest, names = found
    if next(rest.iter(*LIST_TAGS), None) is not None:
        return ""
    name = defined_name(fold(element_text(rest)), names)
    if not name or of_definitions(own.body):  # a glossary of one term past its title defines that term
        return ""
    return own.raw_names.get(name, name)


def runs_script(root: Any) -> bool:
    """Whether a page has a script a browser runs (its own code or a file), before the parse strips
    them: what could replace a loading placeholder or fill an empty box."""
    for el in root.iter("script"):
        kind = (el.get("type") or "").lower()
        if _DATA_SCRIPT.search(kind):
            continue
        if el.get("src") or (el.text or "").strip():
            return True
    return False


def script_ids(root: Any) -> frozenset[str]:
    """The element ids a page's own inline code names to write into (``getElementById("rows")``,
    ``querySelector("#rows")``), read before the parse strips the scripts; a script from a file
    is not read (nothing claimed about what it does)."""
    ids: set[str] = set()
    for el in root.iter("script"):
        if not el.get("src") and not _DATA_SCRIPT.search((el.get("type") or "").lower()):
            ids.update(m.group(1) for m in _NAMED_ID.finditer(el.text or ""))
    return frozenset(ids)


def fills_empty(root: Any, ids: frozenset[str]) -> bool:
    """Whether the page's body has an element its own script names (``script_ids``) that the crawl
    saw empty (no text, no image, frame or table): where the script draws what the crawl did not see."""
    body = root.find("body")
    if not ids or body is None:
        return False
    return any(
        el.get("id") in ids and not "".join(el.itertext()).strip() and next(el.iter(*_PAGE_MEDIA), None) is None
        for el in body.iter()
        if isinstance(el.tag, str)
    )


def unseen_note(loading: str) -> str:
    """Why a page whose content is a script's placeholder (``Page.loading``) was not seen: a loading
    notice («Cargando…») or an empty list's notice («Sin resultados», class 2400)."""
    return _LOADING_NOTE if _LOADING.search(fold(loading)) else _LIST_NOTE


def is_bare(root: Any) -> bool:
    """Whether a page's body shows nothing without its scripts (after ``strip_scripts``, which
    takes a ``noscript`` notice with them): no text, no image, frame or table — a single-page
    application's shell (``<div id="root"></div>`` and its script). Stops at the first thing shown."""
    body = root.find("body")
    if body is None:
        return True
    if next(body.iter(*_PAGE_MEDIA), None) is not None:
        return False
    return not any(t.strip() for t in body.itertext())


_SHOWN_MEDIA = ("iframe", "embed", "object", "video", "audio", "table", "form")


def _shows_media(root: Any) -> bool:
    """Whether a page's content (its chrome taken out) shows a form, a frame, a video, a table or an
    image of its own: an image inside a link is the link's face (a template's banner, such as an
    «outdated browser» notice, a logo, a button), not media the page publishes."""
    if next(root.iter(*_SHOWN_MEDIA), None) is not None:
        return True
    return any(not any(a.tag == "a" for a in img.iterancestors()) for img in root.iter("img"))


def _mount_point(body: Any) -> bool:
    """Whether an (empty) page's content holds the element a script draws the page into."""
    return any(
        isinstance(el.tag, str) and ("-" in el.tag or el.get("id") in _MOUNT_IDS) and not "".join(el.itertext()).strip()
        for el in body.iter()
    )


def page_state(
    root: Any,
    main_fold: str,
    title: str,
    headings: list[str],
    links: list[Link],
    scripts: bool = False,
    bare: bool = False,
    fields: bool = False,
    fills: bool = False,
) -> tuple[str, bool, str, bool]:
    """Why a page is empty (:func:`_why_empty`: what a committee reads after «la página URL»), "" when it
    is not, whether it is a
    "soft 404" (an error page answered with 200), the loading placeholder its content is (when
    a script of the page would replace it: ``scripts``), else "", and whether it is a script's
    shell: a page that runs a script and shows nothing without it (``bare``: its whole body, bar a
    ``noscript`` notice; or an empty content with the element a script mounts on). A page that
    says it is loading, or a shell, is not empty: what it shows was not seen. ``fields``: the page
    shows a form made of fields a script sends (no form element): a form a person sees. ``fills``: its
    own script writes into an element the crawl saw empty (``fills_empty``): an empty list's notice
    there («Sin resultados») is the script's placeholder, as a loading notice is (class 2400).
    ``main_fold``: the page's folded main text (``contents.main_fold``)."""
    body = root.find("body")
    nwords = spaced_words(main_fold)
    # «Consulte los procesos en el SECOP» with the link is how the law has it published
    # (not a portal's home page: criterion G)
    points_to_system = any(not x.embed and points_into_system(x.key) for x in links)
    loading = ""
    if scripts and not points_to_system and nwords < 60 and not _UNDER_CONSTRUCTION.search(main_fold):
        found = _LOADING.search(main_fold)
        loading = placeholder(body if body is not None else root, found.group(0)) if found else ""
    if not loading and fills and not points_to_system and nwords < 60 and (found := _NO_RESULTS.search(main_fold)):
        # the notice is the only filler the page shows: a «próximamente» beside it is seen whatever runs
        if not _UNDER_CONSTRUCTION.search(_NO_RESULTS.sub(" ", main_fold)):
            loading = placeholder(body if body is not None else root, found.group(0))
    why = "" if points_to_system or loading else _why_empty(root, main_fold, title, links, fields, nwords)
    # an empty page that a script draws: not seen, not empty; a template's filler («en
    # construcción») is shown whatever the scripts do
    shell = (
        bool(why)
        and scripts
        and (bare or (body is not None and not _UNDER_CONSTRUCTION.search(main_fold) and _mount_point(body)))
    )
    head = fold(title + " " + " ".join(headings[:2]))
    return "" if shell else why, bool(_SOFT404.search(head)) and nwords < 150, loading, shell


def _why_empty(root: Any, main_fold: str, title: str, links: list[Link], fields: bool, nwords: int) -> str:
    """Why a page publishes nothing, in the words a committee reads after «la página URL» (and after
    «lleva a URL, que»), "" when it publishes something. The page is empty when any of the readings
    below holds (the same set whatever their order); the reason given is the first that holds, the
    one that says most of what a person sees: the notice it shows, quoted, before its short text.
    ``nwords``: :func:`spaced_words` of ``main_fold``, counted once by :func:`page_state` (a scan of
    the whole text: ~0.06 ms a page of the bench)."""
    body = root.find("body")
    has_media = fields or next(root.iter(*_PAGE_MEDIA), None) is not None
    content_links = sum(1 for x in links if not x.embed)
    gives = nwords < 60 and _CONTACT.search(main_fold) is not None  # a phone, an address, hours…
    # a page whose content is one document («Organigrama» and its PDF «Ver documento») publishes it
    gives = gives or any(x.is_doc and not x.embed for x in links)
    where = body if body is not None else root
    if nwords < 60 and (found := _UNDER_CONSTRUCTION.search(main_fold)):
        if _STAND_IN.match(found.group(0)):
            return f"solo muestra el texto de relleno de la plantilla («{quote(where, found.group(0))}»)"
        return says_nothing(quote(where, found.group(0)))
    if nwords < 60 and not has_media and not content_links and (found := _NOTHING_YET.search(main_fold)):
        return says_nothing(quote(where, found.group(0)))
    # a loading word on a page with no script: empty only when nothing else shows (a form, a
    # frame, a table or an image is there whatever the word says)
    if nwords < 60 and (found := _LOADING.search(main_fold)) and not (fields or _shows_media(root)):
        return (
            f"solo muestra «{placeholder(where, found.group(0))}», sin un script que lo cargue: no tiene nada publicado"
        )
    if body is None or fields:
        return _few_words(nwords, content_links) if nwords < 15 and not has_media and content_links < 2 else ""
    own = _Own(body, title)  # copied when a check first reads it, once for all of them
    # (its own text under two hundred words: past three hundred on the page, never one)
    if nwords < 300 and not gives and (name := defines_only(own)):
        cited = " y cita la norma" if cites_norm(fold(element_text(own.parts[0]))) else ""
        return f"solo define «{shorten(name)}»{cited}: no publica nada de la entidad"
    # criterion E has no bound of words: a long side menu around the title block is not the page's own
    # text (H211; a-govimentum's pages of 60 words and more, their menus drawn before the content)
    if (nwords < 60 and (sentence := repeats_title(own) or names_entity_only(own))) or (
        60 <= nwords < 300 and (sentence := names_entity_only(own, framed=True))
    ):
        return f"solo repite su título con el nombre de la entidad («{shorten(sentence)}»): no publica nada"
    if nwords < 60 and not gives and _only_title(body, title, own):
        return "solo muestra su título: no publica nada"
    if nwords < 15 and not has_media and content_links < 2 and not gives:
        return _few_words(nwords, content_links)
    return ""


def _few_words(nwords: int, links: int) -> str:
    """A short page's reason: its words and links counted, nothing else shown."""
    words = "ninguna palabra" if not nwords else "una palabra" if nwords == 1 else f"{nwords} palabras"
    link = "ningún enlace" if not links else "un enlace"
    return f"solo tiene {words} y {link}, sin documento, imagen ni tabla: no publica nada"


# the reason of a page whose HTML the parser cannot read (an empty document): nothing to show
UNREADABLE = "no muestra nada: el documento que devuelve está vacío o no se puede leer"
_STAND_IN = re.compile(r"use this area|lorem ipsum")


def dead_documents(page: Page) -> int:
    """How many documents a page lists whose own button («Descargar», «Ver documento») links to «#»
    (or a script) when no document of its content opens: the page names what it publishes and
    publishes none of it (a bulletins page whose every «Descargar» is «#»). 0 when a document of
    the page's content opens, or when no such button goes nowhere."""
    dead = sum(1 for text in page.dead if document_button(text))
    if not dead:
        return 0
    if any(ln.is_doc and not ln.embed for b in page.blocks if not b.region for ln in b.links):
        return 0
    return dead


def unopened(n: int) -> str:
    """What a committee reads of a page's :func:`dead_documents` (after «la página X»)."""
    if n == 1:
        return "lista un documento cuyo enlace de descarga apunta a «#»: no lo publica"
    return f"lista {n} documentos cuyos enlaces de descarga apuntan a «#»: no publica ninguno"
