"""Where a page's chrome is: the header, navigation and footer blocks a person tells apart from
the content, by their markup (tag, ARIA role, class, id) or, on pages laid out with tables and no
such markup, by the footer's copyright line."""

from __future__ import annotations

import re
from typing import Any

from .text import element_text, fold, label_match

# The "Transparencia y acceso a la información pública" menu, by its long and short names.
TRANSPARENCY = (("transparencia", "acceso", "informacion", "publica"), ("transparencia",))
# The law's object names that menu too: an entry that is only «Información pública» or «Acceso a la
# información pública» (Ley 1712, «… del derecho de acceso a la información pública»); one word more
# («Solicitud de información pública», «Información pública reservada») names something else.
PUBLIC_INFORMATION = (("informacion", "publica"), ("acceso", "informacion", "publica"))


def is_public_information(norm: str, nwords: int) -> bool:
    """Whether a menu entry's label is only the law's object, which names the transparency menu."""
    return any(label_match(p, norm, nwords, 0) for p in PUBLIC_INFORMATION)


_HEADER_TOKENS = (
    "header",
    "site-header",
    "main-header",
    "cabecera",
    "encabezado",
    "top-bar",
    "topbar",
    "barra-superior",
    "barra-superior-govco",
    "govco-bar",
    "barra-govco",
    "bar-govco",
    "govco",
)
_NAV_TOKENS = ("navbar", "main-menu", "mainmenu", "menu-principal", "main-nav", "site-nav", "navigation")
_FOOTER_TOKENS = ("footer", "site-footer", "main-footer", "pie", "pie-pagina", "pie-de-pagina", "piedepagina")
_CHROME_TOKENS = frozenset(_HEADER_TOKENS + _NAV_TOKENS + _FOOTER_TOKENS)
_CHROME_ROLES = ("banner", "contentinfo", "navigation")
_NO_DESCEND = frozenset(("main", "article", "p", "a", "span", "h1", "h2", "h3", "img", "ul", "ol", "select"))


# A side or section menu named for what it navigates: «transparenciaNav», «sideNav», «side-nav»,
# «sub_nav» (never Bootstrap's bare «nav» of tabs and pills, nor «nav-tabs», «nav-link»)
_NAMED_NAV = re.compile(r"^(?:[a-z][a-zA-Z0-9]*Nav|[a-zA-Z][a-zA-Z0-9]*[-_][Nn]av)$")


def _is_chrome(el: Any) -> bool:
    if el.tag in ("header", "footer", "nav") or el.get("role") in _CHROME_ROLES:
        return True
    cls = el.get("class")
    if cls and not _CHROME_TOKENS.isdisjoint(cls.lower().split()):
        return True
    if cls and any(_NAMED_NAV.match(token) for token in cls.split()):
        return True
    ident = el.get("id")
    return bool(ident) and ident.lower() in _CHROME_TOKENS


def chrome_roots(root: Any) -> list[Any]:
    """Header, navigation and footer blocks: layout-level elements (up to 8 levels below
    ``body``) marked by tag, ARIA role, class or id, plus deeper ``header``/``footer``/``nav``
    that are not part of an article or the main content."""
    body = root.find("body")
    if body is None:
        body = root
    found: list[Any] = []
    stack = [(body, 0)]
    while stack:
        el, d = stack.pop()
        for ch in el:
            if not isinstance(ch.tag, str):
                continue
            if _is_chrome(ch):
                found.append(ch)
            elif d < 8 and ch.tag not in _NO_DESCEND and ch.get("role") != "main":
                stack.append((ch, d + 1))
    rootset = set(found)
    for el in body.iter("header", "footer", "nav"):
        if el in rootset:
            continue
        ancestors = list(el.iterancestors())
        if any(a in rootset for a in ancestors):
            continue
        if any(a.tag in ("main", "article", "section") or a.get("role") == "main" for a in ancestors):
            continue
        found.append(el)
        rootset.add(el)
    roots = [r for r in found if not any(anc in rootset for anc in r.iterancestors())]
    if not any(region_of(r) == "footer" for r in roots):
        marked = (
            _named_footers(body, rootset)
            or _closing_footer(body, rootset)
            or [x for x in [_legacy_footer(body, rootset)] if x is not None]
        )
        for el in marked:
            el.set("role", "contentinfo")  # read as the footer it is (region_of, chrome_ref)
        if marked:
            inside = set(marked)
            roots = [r for r in roots if not any(a in inside for a in r.iterancestors())] + marked
    return roots


# A footer marked by a name of which «footer» (maybe numbered) or «pie» is one part: «footer-wrap»,
# «footer2-wrap», «menu-footer-wrap», «site_footer_area», «pieDePagina» (zs-tangara's
# «<div id="footer-wrap">» with the phone, fax, e-mail and address). Never a component's own footer (a
# card's, a modal's, a panel's: Bootstrap's «card-footer»), nor a chart («pie-chart»).
_NAME_PARTS = re.compile(r"[-_\s]+|(?<=[a-z0-9])(?=[A-Z])")
_FOOTER_PART = re.compile(r"^(?:footer\d*|foot|pie|piedepagina|piepagina)$")
_COMPONENT = frozenset(
    ("card", "modal", "panel", "dialog", "table", "popover", "toast", "offcanvas", "entry", "post", "article")
    + ("comment", "widget", "item", "box", "chart", "grafico", "form", "blog", "news", "noticia", "accordion")
)


def _footer_named(el: Any) -> bool:
    """Whether an element's class or id names it a footer among other words (see ``_FOOTER_PART``)."""
    for name in ((el.get("class") or "").split() + [el.get("id") or ""])[:12]:
        parts = {p.lower() for p in _NAME_PARTS.split(name) if p}
        if len(parts) > 1 and any(_FOOTER_PART.match(p) for p in parts) and parts.isdisjoint(_COMPONENT):
            return True
    return False


def _shows_nothing(el: Any) -> bool:
    """Whether a block after a footer shows nothing a person reads: no text, no link, no picture."""
    return not "".join(el.itertext()).strip() and next(el.iter("a", "img", "iframe", "form"), None) is None


def _at_end(el: Any, body: Any, chrome: set[Any]) -> bool:
    """Whether nothing after an element, up to the end of ``body``, is content: what follows it at each
    level is chrome, another named footer, a script or a block that shows nothing. A block named like a
    footer in the middle of the page (a section's «footer-links» before more content) is no footer."""
    node = el
    while node is not None and node is not body:
        for s in node.itersiblings():
            if not isinstance(s.tag, str) or s.tag in _NOT_LAYOUT or s in chrome:
                continue
            if not (_footer_named(s) or _shows_nothing(s)):
                return False
        node = node.getparent()
    return node is body


def _named_footers(body: Any, chrome: set[Any]) -> list[Any]:
    """The blocks at the end of a page that its markup names footers by a compound name (class or id,
    see ``_footer_named``), none inside another nor inside a header or the main content."""
    found: list[Any] = []
    for el in body.iter():
        if not isinstance(el.tag, str) or el.tag in _NOT_LAYOUT or not _footer_named(el):
            continue
        ancestors = list(el.iterancestors())
        if any(a in found or a in chrome or a.tag in ("main", "article", "header") for a in ancestors):
            continue
        if _at_end(el, body, chrome):
            found.append(el)
    return found


def _closing_footer(body: Any, chrome: set[Any]) -> list[Any]:
    """The ``footer`` that closes a page whose layout wraps everything in ``main`` (class 2281: an
    Astro layout that shuts ``</main>`` after the footer): the last ``footer`` of the body, inside the
    main content but no article's, section's or header's, with nothing after it up to the end of the
    page (see ``_at_end``). A person sees it at the bottom of every page, as the page's footer."""
    last = None
    for el in body.iter("footer"):
        last = el
    if last is None or last in chrome:
        return []
    if any(a in chrome or a.tag in ("article", "section", "aside", "header", "footer") for a in last.iterancestors()):
        return []
    return [last] if _at_end(last, body, chrome) else []


_COPYRIGHT = re.compile(r"derechos reservados|copyright|\u00a9")
_NOT_LAYOUT = frozenset(("script", "style", "map", "noscript", "template"))


def _legacy_footer(body: Any, chrome: set[Any]) -> Any | None:
    """The footer of a page laid out without footer markup (tables, bare ``div``): one of the
    last blocks of the body, short, with the copyright line («Todos los derechos reservados»)."""
    kids = [c for c in body if isinstance(c.tag, str) and c.tag not in _NOT_LAYOUT]
    if len(kids) < 2:
        return None
    for el in reversed(kids[-2:]):
        if el in chrome:
            continue
        text = fold(element_text(el))
        if _COPYRIGHT.search(text) and len(text.split()) <= 150:
            return el
    return None


def region_of(el: Any) -> str:
    """The region a chrome element belongs to: ``footer``, ``header`` or ``nav``."""
    tag = el.tag
    role = (el.get("role") or "").lower()
    cls = f" {' '.join((el.get('class') or '').lower().split())} "
    ident = (el.get("id") or "").lower()
    if tag == "footer" or role == "contentinfo" or any(f" {t} " in cls or ident == t for t in _FOOTER_TOKENS):
        return "footer"
    if tag == "header" or role == "banner" or any(f" {t} " in cls or ident == t for t in _HEADER_TOKENS):
        return "header"
    return "nav"


_TOP_IMAGES = 3  # the images a person sees first at the top of a page
_TOP_ELEMENTS = 600  # how far down the markup the top of a page reaches
_HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
_FILE_STEM = re.compile(r"([^/?#]+?)(?:\.[a-z0-9]{2,4})?(?:[?#].*)?$", re.I)


def top_images(root: Any, outer: list[Any]) -> tuple[str, ...]:
    """The names of the first images at the top of a page (its header, or the body before its
    first heading, never its footer): each image's alternative text and file name, as a person
    reads a logo in a top bar («Imagen logo GovCo», ``logo-govco.svg``). The first images of the
    page's header count whatever the markup puts before it (an off-canvas menu's icons, class 2174)."""
    # only images are asked whether they are in the footer, only headings whether in the header
    regions = [(r, region_of(r)) for r in outer]
    footer = {e for r, where in regions if where == "footer" for e in r.iter("img")}
    header = {e for r, where in regions if where != "footer" for e in r.iter(*_HEADINGS)}
    banner = [e for r, where in regions if where == "header" for e in r.iter("img")][:_TOP_IMAGES]
    names = [name for el in banner if (name := _image_name(el))]
    body = root.find(".//body")
    for n, el in enumerate((body if body is not None else root).iter()):
        if n == _TOP_ELEMENTS or (el.tag in _HEADINGS and el not in header):
            break
        if el.tag != "img" or el in footer or el in banner:
            continue
        name = _image_name(el)
        if name:
            names.append(name)
        if len(names) >= _TOP_IMAGES + len(banner):
            break
    return tuple(names)


def _image_name(el: Any) -> str:
    """An image's alternative text and file name, as a person reads it (at most 120 characters)."""
    stem = _FILE_STEM.search((el.get("src") or "").strip())
    return " ".join(x for x in ((el.get("alt") or "").strip(), stem.group(1) if stem else "") if x)[:120]
