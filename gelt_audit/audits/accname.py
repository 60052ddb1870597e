"""Roles, the accessibility tree and accessible names computed from markup (W3C accname 1.2, HTML-AAM).

Only what the markup says is known here: style sheets and scripts are not run, so an element hidden
by a CSS class counts as shown. Inline ``style`` with ``display: none`` or ``visibility: hidden``,
the ``hidden`` attribute and ``aria-hidden="true"`` are honoured.

``Page`` answers the same questions for the elements of one page, each answer worked out once: the
rules ask them of the same elements (and of their ancestors) many times over.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from gelt_audit.audits.tree import text_content
from gelt_audit.markup import CRUMB_KEPT, collapse, crumb_class, crumb_label, kept_crumb_class

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
    if tag == "select":
        return "listbox" if el.get("multiple") is not None or int_or(el.get("size"), 1) > 1 else "combobox"
    return _SIMPLE_ROLES.get(tag)


_SIMPLE_ROLES = {
    "button": "button", "textarea": "textbox", "main": "main", "nav": "navigation", "summary": "summary",
    "iframe": "iframe", "h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading",
    "h5": "heading", "h6": "heading", "table": "table", "form": "form", "svg": "graphics-document",
}  # fmt: skip


def int_or(value: str | None, default: int) -> int:
    """The integer in ``value``, or ``default``."""
    try:
        return int((value or "").strip())
    except ValueError:
        return default


def role(el: etree._Element) -> str | None:
    """The element's semantic role: explicit when valid, else implicit."""
    return explicit_role(el) or implicit_role(el)


# Tags some name rule judges (with any element that has a role attribute): see html_rules._named.
CANDIDATE_TAGS = frozenset(("a", "area", "img", "svg", "input", "iframe", "summary", "button", "textarea", "select"))
_HIDING_TAGS = frozenset(_NEVER_RENDERED | {"input"})
_HIDING_ATTRS = frozenset(("hidden", "aria-hidden", "style"))
_WALK_ATTRS = frozenset(("role", "id", "lang", "href", "name", "class", "aria-label")) | _HIDING_ATTRS
# The tags _native can name (it gives "" for any other).
_NATIVE_TAGS = frozenset(
    ("img", "area", "input", "select", "textarea", "meter", "progress", "output", "fieldset", "table", "figure", "svg",
     "button")
)  # fmt: skip


class Page:
    """One parsed page, with what the rules ask of its elements worked out once per element.

    The rules ask whether an element is hidden, its role and its accessible name many times over
    (an ancestor's hiddenness for each of its descendants): each answer is kept, keyed by the
    element itself (which also keeps lxml's proxy alive, so a node is always the same key). The
    page must not change while it is judged.
    """

    def __init__(self, root: etree._Element):
        self.root = root
        self._local: dict[etree._Element, str] = {}
        self._self_hidden: dict[etree._Element, bool] = {}
        self._hidden: dict[etree._Element, bool] = {}
        self._role: dict[etree._Element, str | None] = {}
        self._names: dict[etree._Element, str] = {}
        self._ids: dict[str, etree._Element] | None = None
        self._label_for: dict[str, list[etree._Element]] | None = None
        self._selected: dict[str, list[etree._Element]] | None = None
        self._hidden_set: set[etree._Element] | None = None
        self._groups: dict[str, list[etree._Element]] | None = None

    def selected(self, key: str) -> list[etree._Element]:
        """Elements of the page (the root and its descendants, in document order) the rules look at:

        - ``named``: a role attribute, or a tag in CANDIDATE_TAGS (what the name rules judge);
        - ``role``, ``id``, ``lang``: the attribute is present; ``links``: ``a`` with ``href``;
        - ``meta``: ``meta`` elements; ``aria-hidden``: ``aria-hidden="true"``;
        - ``aria``: an ``aria-*`` attribute (any case) other than role/id/lang/href/hidden/aria-hidden/style;
        - ``a-name``: ``a`` with ``name``; ``crumb``: a breadcrumb (``markup.is_breadcrumb``: its
          class or aria-label says so).
        """
        if self._selected is None:
            self._walk()
        assert self._selected is not None
        return self._selected[key]

    def named_among(self, keys: tuple[str, ...]) -> list[etree._Element]:
        """The ``named`` elements (in document order) in any of the groups ``keys``: ``tag:T`` (the
        local tag is T), ``role:R`` (``role()`` is R), ``role-attr`` (a role attribute)."""
        if self._groups is None:
            groups: dict[str, list[etree._Element]] = {}
            for el in self.selected("named"):
                groups.setdefault("tag:" + self.local(el), []).append(el)
                the_role = self.role(el)
                if the_role is not None:
                    groups.setdefault("role:" + the_role, []).append(el)
                if el.get("role") is not None:
                    groups.setdefault("role-attr", []).append(el)
            self._groups = groups
        if len(keys) == 1:
            return self._groups.get(keys[0], [])
        members = {el for key in keys for el in self._groups.get(key, ())}
        return [el for el in self.selected("named") if el in members] if members else []

    def _walk(self) -> None:
        """One pass over the elements: what ``selected`` gives, and the elements that hide
        themselves (``self_hidden``), whose subtrees are then the hidden elements."""
        named: list[etree._Element] = []
        with_role: list[etree._Element] = []
        with_id: list[etree._Element] = []
        with_lang: list[etree._Element] = []
        links: list[etree._Element] = []
        metas: list[etree._Element] = []
        aria_hidden: list[etree._Element] = []
        with_aria: list[etree._Element] = []
        hiding: list[etree._Element] = []
        a_names: list[etree._Element] = []
        crumbs: list[etree._Element] = []
        locals_ = self._local
        roles = self._role
        for el in self.root.iter(etree.Element):
            tag = el.tag
            loc = tag.lower() if "}" not in tag else local(el)
            is_named = loc in CANDIDATE_TAGS
            may_hide = loc in _HIDING_TAGS  # self_hidden needs this or one of _HIDING_ATTRS
            if tag == "meta":
                metas.append(el)
            aria = crumb = False
            for key, value in el.items():  # one call for all attributes: cheaper than a get() each
                if key not in _WALK_ATTRS:
                    if not aria and key[:1] in "aA" and key.lower().startswith("aria-"):
                        aria = True
                    continue
                if key == "role":
                    with_role.append(el)
                    is_named = True
                elif key == "id":
                    with_id.append(el)
                elif key == "lang":
                    with_lang.append(el)
                elif key == "href":
                    if tag == "a":
                        links.append(el)
                elif key == "class":
                    crumb = crumb or (kept_crumb_class(value) if len(value) <= CRUMB_KEPT else crumb_class(value))
                elif key == "aria-label":
                    aria = True
                    crumb = crumb or crumb_label(value)
                elif key == "name":
                    if tag == "a":
                        a_names.append(el)
                else:  # one of _HIDING_ATTRS
                    may_hide = True
                    if key == "aria-hidden" and value == "true":
                        aria_hidden.append(el)
            if aria:
                with_aria.append(el)
            if crumb:
                crumbs.append(el)
            if is_named:
                named.append(el)
                locals_[el] = loc
                if loc == "a" and el.get("role") is None:  # role(el), without its table lookups
                    roles[el] = "link" if el.get("href") is not None else None
            if may_hide and self_hidden(el):
                hiding.append(el)
        self._selected = {
            "named": named, "role": with_role, "id": with_id, "lang": with_lang, "links": links,
            "meta": metas, "aria-hidden": aria_hidden, "aria": with_aria, "a-name": a_names, "crumb": crumbs,
        }  # fmt: skip
        if self.root.getparent() is None:  # the whole document was walked
            hidden: set[etree._Element] = set()
            for el in hiding:  # document order: an ancestor's subtree is in before its descendants
                if el not in hidden:
                    hidden.update(el.iter(etree.Element))
            self._hidden_set = hidden

    def local(self, el: etree._Element) -> str:
        """``local(el)``, kept."""
        try:
            return self._local[el]
        except KeyError:
            found = self._local[el] = local(el)
            return found

    def self_hidden(self, el: etree._Element) -> bool:
        """``self_hidden(el)``, kept."""
        try:
            return self._self_hidden[el]
        except KeyError:
            found = self._self_hidden[el] = self_hidden(el)
            return found

    def hidden(self, el: etree._Element) -> bool:
        """``hidden(el)``: the element or an ancestor hides itself."""
        if self._selected is None:
            self._walk()
        if self._hidden_set is not None:
            return el in self._hidden_set
        memo = self._hidden  # the root is not the document's: walk up, keeping each answer
        found = memo.get(el)
        if found is not None:
            return found
        chain = []
        node: etree._Element | None = el
        result = False
        while node is not None and is_element(node):
            known = memo.get(node)
            if known is not None:
                result = known
                break
            chain.append(node)
            node = node.getparent()
        for node in reversed(chain):  # from the outermost unknown ancestor down to el
            result = result or self.self_hidden(node)
            memo[node] = result
        return memo[el]

    def role(self, el: etree._Element) -> str | None:
        """``role(el)``, kept."""
        try:
            return self._role[el]
        except KeyError:
            found = self._role[el] = role(el)
            return found

    def name(self, el: etree._Element) -> str:
        """``accessible_name(el)``, kept."""
        found = self._names.get(el)  # (a str: never None once worked out)
        if found is not None:
            return found
        if len(el) == 0 and self._local.get(el) == "a" and not el.get("aria-labelledby") and not el.get("aria-label"):
            found = self._leaf_link(el)  # most links: what _compute gives them, in fewer steps
        else:
            found = self._compute(el, set(), False)
        self._names[el] = found
        return found

    def _leaf_link(self, el: etree._Element) -> str:
        """``_compute(el)`` of an ``a`` with no child node and no aria-label(ledby): hidden, no
        name; else its text when its role takes the name from content, else its title."""
        if self.hidden(el):
            return ""
        text = el.text
        if text and self.role(el) in NAME_FROM_CONTENT:
            text = collapse(text)
            if text:
                return text
        return _collapsed(el.get("title"))

    def _by_id(self, el: etree._Element, ids: str) -> list[etree._Element]:
        """The first element of the document with each id (what ``//*[@id=$ref]`` finds first)."""
        if self._ids is None:
            self._ids = {}
            for node in el.getroottree().xpath("//*[@id]"):
                self._ids.setdefault(node.get("id"), node)
        return [self._ids[ref] for ref in ids.split() if ref in self._ids]

    def _labels(self, el: etree._Element) -> list[etree._Element]:
        out = []
        if el.get("id"):
            if self._label_for is None:
                self._label_for = {}
                for lab in el.getroottree().xpath("//label[@for]"):
                    self._label_for.setdefault(lab.get("for"), []).append(lab)
            out.extend(self._label_for.get(el.get("id"), ()))
        for anc in el.iterancestors():
            if is_element(anc) and self.local(anc) == "label" and anc not in out and not anc.get("for"):
                out.append(anc)
        return out

    def _native(self, el: etree._Element, seen: set[int]) -> str:
        """The name HTML-AAM gives an element from its own markup (step 2D)."""
        tag = self.local(el)
        kind = (el.get("type") or "").strip().lower()
        if tag in ("img", "area") or (tag == "input" and kind == "image"):
            return collapse(el.get("alt") or "")
        if tag in ("input", "select", "textarea", "meter", "progress", "output") and kind not in (
            "button",
            "submit",
            "reset",
        ):
            return " ".join(filter(None, (self._compute(lab, seen, True) for lab in self._labels(el))))
        if tag == "input":
            value = el.get("value")
            if value is not None:
                return collapse(value)
            return {"submit": "Submit", "reset": "Reset"}.get(kind, "")
        if tag == "fieldset":
            legend = el.find("legend")
            return self._compute(legend, seen, True) if legend is not None else ""
        if tag == "table":
            caption = el.find("caption")
            return self._compute(caption, seen, True) if caption is not None else ""
        if tag == "figure":
            caption = el.find("figcaption")
            return self._compute(caption, seen, True) if caption is not None else ""
        if tag == "svg":
            for child in el:
                if is_element(child) and self.local(child) == "title":
                    return collapse(text_content(child))
        if tag == "button":
            return " ".join(filter(None, (self._compute(lab, seen, True) for lab in self._labels(el))))
        return ""

    def _content(self, el: etree._Element, seen: set[int]) -> str:
        """Name from the element's content (step 2F): the names of its children and its text."""
        parts = [el.text or ""] if el.text else []
        for child in el:
            if is_element(child):
                name = self._compute(child, seen, True)
                parts.append(" " + name + " " if self.local(child) in _BLOCKS else name)
            if child.tail:
                parts.append(child.tail)
        return collapse("".join(parts))

    def _compute(self, el: etree._Element, seen: set[int], recursing: bool, referenced: bool = False) -> str:
        if id(el) in seen:
            return ""
        seen = seen | {id(el)}
        if not referenced and (self.hidden(el) if not recursing else self.self_hidden(el)):
            return ""
        tag = self.local(el)
        if referenced and tag in ("script", "style", "template"):
            return ""
        if not referenced and el.get("aria-labelledby"):
            refs = self._by_id(el, el.get("aria-labelledby") or "")
            name = collapse(" ".join(self._compute(r, seen, True, referenced=True) for r in refs))
            if name:
                return name
        label = _collapsed(el.get("aria-label"))
        if label:
            return label
        the_role = self.role(el)
        if recursing and tag == "input" and the_role in ("textbox", "searchbox", "combobox"):
            return collapse(el.get("value") or "")
        if recursing and tag == "select":
            chosen = el.xpath(".//option[@selected]") or el.xpath(".//option")
            return collapse(text_content(chosen[0])) if chosen else ""
        if tag in _NATIVE_TAGS and (the_role not in ("none", "presentation") or tag in ("img",)):
            native = self._native(el, seen)
            if native:
                return native
        if recursing or the_role in NAME_FROM_CONTENT or (tag == "summary"):
            text = self._content(el, seen)
            if text:
                return text
        if tag == "input" and the_role in ("textbox", "searchbox", "combobox"):
            tooltip = collapse(el.get("title") or "") or collapse(el.get("placeholder") or "")
            return tooltip
        return _collapsed(el.get("title"))


def _collapsed(value: str | None) -> str:
    """collapse(value or ""), without the work when there is nothing to collapse."""
    return collapse(value) if value else ""


_BLOCKS = {"div", "p", "li", "br", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "ul", "ol"}


_LAST: tuple[Any, Page | None] = (None, None)  # the last root page_of was asked for, and its Page


def page_of(root: etree._Element) -> Page:
    """The ``Page`` of ``root``, the same one while the same root is asked for: the per-body judges,
    given one parse, then share one walk and what it works out (the last root is kept alive)."""
    global _LAST
    last = _LAST  # one tuple, read and replaced whole: never a root with another root's Page
    if last[0] is root and last[1] is not None:
        return last[1]
    page = Page(root)
    _LAST = (root, page)
    return page


def walked(root: etree._Element) -> Page | None:
    """The ``Page`` page_of last gave, if it is ``root``'s: a judge alone on a parse (the anchors
    of a previous crawl's page) reads less with its own XPath than with a whole walk."""
    last = _LAST
    return last[1] if last[0] is root else None


def accessible_name(el: etree._Element) -> str:
    """The accessible name of an element, computed from markup (empty when it has none).

    To name many elements of one page, use one ``Page``: it keeps what it works out.
    """
    return Page(el.getroottree().getroot()).name(el)
