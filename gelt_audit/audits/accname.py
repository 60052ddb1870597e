"""Roles, the accessibility tree and accessible names computed from markup (W3C accname 1.2, HTML-AAM).

Only what the markup says is known here: style sheets and scripts are not run, so an element hidden
by a CSS class counts as shown. Inline ``style`` with ``display: none`` or ``visibility: hidden``,
the ``hidden`` attribute and ``aria-hidden="true"`` are honoured.
"""

from __future__ import annotations

import re

from lxml import etree

from gelt_audit.markup import collapse

_NEVER_RENDERED = {"script", "style", "template", "noscript", "head", "title", "meta", "link", "datalist"}
_HIDDEN_STYLE = re.compile(r"(^|;)\s*(display\s*:\s*none|visibility\s*:\s*(hidden|collapse))", re.I)
_TEXT_INPUTS = {"", "text", "search", "tel", "url", "email", "password", "number", "date", "time", "month",
                "week", "datetime-local", "color", "range", "file"}  # fmt: skip
_INPUT_ROLES = {
    "button": "button", "submit": "button", "reset": "button", "image": "button", "checkbox": "checkbox",
    "radio": "radio", "range": "slider", "number": "spinbutton", "search": "searchbox",
}  # fmt: skip
# Roles whose name comes from their content (accname step 2F).
NAME_FROM_CONTENT = {
    "button", "cell", "checkbox", "columnheader", "gridcell", "heading", "link", "menuitem",
    "menuitemcheckbox", "menuitemradio", "option", "radio", "row", "rowheader", "sectionhead", "switch",
    "tab", "tooltip", "treeitem", "summary",
}  # fmt: skip
VALID_ROLES = frozenset(
    """alert alertdialog application article banner blockquote button caption cell checkbox code columnheader
    combobox comment complementary contentinfo definition deletion dialog directory document emphasis feed
    figure form generic grid gridcell group heading image img insertion link list listbox listitem log main
    mark marquee math menu menubar menuitem menuitemcheckbox menuitemradio meter navigation none note option
    paragraph presentation progressbar radio radiogroup region row rowgroup rowheader scrollbar search
    searchbox sectionfooter sectionheader separator slider spinbutton status strong subscript suggestion
    superscript switch tab table tablist tabpanel term textbox time timer toolbar tooltip tree treegrid
    treeitem graphics-document graphics-object graphics-symbol""".split()
)


def is_element(node: object) -> bool:
    """An element (not a comment or processing instruction)."""
    return isinstance(node, etree._Element) and isinstance(node.tag, str)


def local(el: etree._Element) -> str:
    """The tag name without a namespace, lower case."""
    return etree.QName(el).localname.lower() if "}" in el.tag else el.tag.lower()


def self_hidden(el: etree._Element) -> bool:
    """The element itself is not rendered or is removed from the accessibility tree."""
    tag = local(el)
    if tag in _NEVER_RENDERED:
        return True
    if el.get("hidden") is not None or (el.get("aria-hidden") or "").strip().lower() == "true":
        return True
    if tag == "input" and (el.get("type") or "").lower() == "hidden":
        return True
    return bool(_HIDDEN_STYLE.search(el.get("style") or ""))


def hidden(el: etree._Element) -> bool:
    """Not in the accessibility tree: the element or one of its ancestors is hidden."""
    node: etree._Element | None = el
    while node is not None and is_element(node):
        if self_hidden(node):
            return True
        node = node.getparent()
    return False


def explicit_role(el: etree._Element) -> str | None:
    """The first valid token of the role attribute, if any."""
    for token in (el.get("role") or "").lower().split():
        if token in VALID_ROLES or token.startswith("doc-"):
            return token
    return None


def implicit_role(el: etree._Element) -> str | None:
    """The role HTML gives the element (HTML-AAM), for the elements the rules look at."""
    tag = local(el)
    if tag in ("a", "area"):
        return "link" if el.get("href") is not None else None
    if tag == "img":
        alt = el.get("alt")
        if alt is not None and alt == "" and not (el.get("aria-label") or el.get("aria-labelledby") or el.get("title")):
            return "presentation"
        return "img"
    if tag == "input":
        kind = (el.get("type") or "").strip().lower()
        if kind in _INPUT_ROLES:
            return _INPUT_ROLES[kind]
        if kind == "hidden":
            return None
        return "combobox" if el.get("list") else "textbox"
    simple = {
        "button": "button", "textarea": "textbox", "main": "main", "nav": "navigation", "summary": "summary",
        "iframe": "iframe", "h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading",
        "h5": "heading", "h6": "heading", "table": "table", "form": "form", "svg": "graphics-document",
    }  # fmt: skip
    if tag == "select":
        return "listbox" if el.get("multiple") is not None or int_or(el.get("size"), 1) > 1 else "combobox"
    return simple.get(tag)


def int_or(value: str | None, default: int) -> int:
    """The integer in ``value``, or ``default``."""
    try:
        return int((value or "").strip())
    except ValueError:
        return default


def role(el: etree._Element) -> str | None:
    """The element's semantic role: explicit when valid, else implicit."""
    return explicit_role(el) or implicit_role(el)


def _by_id(el: etree._Element, ids: str) -> list[etree._Element]:
    root = el.getroottree()
    out = []
    for ref in ids.split():
        found = root.xpath("//*[@id=$ref]", ref=ref)
        if found:
            out.append(found[0])
    return out


def _labels(el: etree._Element) -> list[etree._Element]:
    out = []
    if el.get("id"):
        out.extend(el.getroottree().xpath("//label[@for=$id]", id=el.get("id")))
    for anc in el.iterancestors():
        if is_element(anc) and local(anc) == "label" and anc not in out and not anc.get("for"):
            out.append(anc)
    return out


def _native(el: etree._Element, seen: set[int]) -> str:
    """The name HTML-AAM gives an element from its own markup (step 2D)."""
    tag = local(el)
    kind = (el.get("type") or "").strip().lower()
    if tag in ("img", "area") or (tag == "input" and kind == "image"):
        return collapse(el.get("alt") or "")
    if tag in ("input", "select", "textarea", "meter", "progress", "output") and kind not in (
        "button",
        "submit",
        "reset",
    ):
        return " ".join(filter(None, (_compute(lab, seen, True) for lab in _labels(el))))
    if tag == "input":
        value = el.get("value")
        if value is not None:
            return collapse(value)
        return {"submit": "Submit", "reset": "Reset"}.get(kind, "")
    if tag == "fieldset":
        legend = el.find("legend")
        return _compute(legend, seen, True) if legend is not None else ""
    if tag == "table":
        caption = el.find("caption")
        return _compute(caption, seen, True) if caption is not None else ""
    if tag == "figure":
        caption = el.find("figcaption")
        return _compute(caption, seen, True) if caption is not None else ""
    if tag == "svg":
        for child in el:
            if is_element(child) and local(child) == "title":
                return collapse(child.text_content())
    if tag == "button":
        return " ".join(filter(None, (_compute(lab, seen, True) for lab in _labels(el))))
    return ""


def _content(el: etree._Element, seen: set[int]) -> str:
    """Name from the element's content (step 2F): the names of its children and its text."""
    parts = [el.text or ""] if el.text else []
    for child in el:
        if is_element(child):
            parts.append(" " + _compute(child, seen, True) + " " if _is_block(child) else _compute(child, seen, True))
        if child.tail:
            parts.append(child.tail)
    return collapse("".join(parts))


def _is_block(el: etree._Element) -> bool:
    return local(el) in {"div", "p", "li", "br", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "ul", "ol"}


def _compute(el: etree._Element, seen: set[int], recursing: bool, referenced: bool = False) -> str:
    if id(el) in seen:
        return ""
    seen = seen | {id(el)}
    if not referenced and (hidden(el) if not recursing else self_hidden(el)):
        return ""
    if referenced and local(el) in ("script", "style", "template"):
        return ""
    if not referenced and el.get("aria-labelledby"):
        refs = _by_id(el, el.get("aria-labelledby") or "")
        name = collapse(" ".join(_compute(r, seen, True, referenced=True) for r in refs))
        if name:
            return name
    label = collapse(el.get("aria-label") or "")
    if label:
        return label
    the_role = role(el)
    if recursing and local(el) == "input" and the_role in ("textbox", "searchbox", "combobox"):
        return collapse(el.get("value") or "")
    if recursing and local(el) == "select":
        chosen = el.xpath(".//option[@selected]") or el.xpath(".//option")
        return collapse(chosen[0].text_content()) if chosen else ""
    if the_role not in ("none", "presentation") or local(el) in ("img",):
        native = _native(el, seen)
        if native:
            return native
    if recursing or the_role in NAME_FROM_CONTENT or (local(el) == "summary"):
        text = _content(el, seen)
        if text:
            return text
    if local(el) == "input" and the_role in ("textbox", "searchbox", "combobox"):
        tooltip = collapse(el.get("title") or "") or collapse(el.get("placeholder") or "")
        return tooltip
    return collapse(el.get("title") or "")


def accessible_name(el: etree._Element) -> str:
    """The accessible name of an element, computed from markup (empty when it has none)."""
    return _compute(el, set(), False)
