"""W3C ACT rules judged from markup alone: each check names the ACT rule it implements.

A check returns the elements that fail its rule (empty when the page passes or the rule does not
apply). ``CLAIMED`` lists the rules this engine stands behind: those whose precision on the ACT
examples is at least 0.95 (see docs/ACT-IMPLEMENTATION.md); the audit reports only those.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable

import babel
from lxml import etree

from gelt_audit.audits.accname import VALID_ROLES, Page, is_element, local
from gelt_audit.audits.tree import text_content
from gelt_audit.markup import collapse

ARIA_ATTRIBUTES = frozenset(
    """activedescendant atomic autocomplete braillelabel brailleroledescription busy checked colcount colindex
    colindextext colspan controls current describedby description details disabled dropeffect errormessage
    expanded flowto grabbed haspopup hidden invalid keyshortcuts label labelledby level live modal multiline
    multiselectable orientation owns placeholder posinset pressed readonly relevant required roledescription
    rowcount rowindex rowindextext rowspan selected setsize sort valuemax valuemin valuenow valuetext""".split()
)


@functools.cache
def _languages() -> frozenset[str]:
    """ISO 639 language codes Babel knows (read when a lang attribute is first judged: loading the
    locale data costs ~25 ms, which a report reading kept judgements need not pay)."""
    return frozenset(k.lower() for k in babel.Locale("en").languages if k.isalpha() and len(k) in (2, 3))


_SPECIAL_LANGUAGES = {"und", "mul", "zxx", "mis"}
_LANG_SYNTAX = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{1,8})*$", re.I)
_FIELD_ROLES = {"checkbox", "combobox", "listbox", "menuitemcheckbox", "menuitemradio", "radio", "searchbox",
                "slider", "spinbutton", "switch", "textbox"}  # fmt: skip
_FOCUSABLE = etree.XPath(
    "descendant-or-self::*[self::a[@href] or self::button or self::select or self::textarea or self::iframe"
    " or self::input[not(@type='hidden')] or self::summary or @tabindex or @contenteditable"
    " or self::audio[@controls] or self::video[@controls]]"
)
_REFRESH = re.compile(r"^\s*(\d+)(\.\d*)?\s*($|[;,\s])")

Check = Callable[[Page], list[etree._Element]]
Kind = Callable[[Page, etree._Element], bool]
_VIEWPORT = str.maketrans("VIEWPORT", "viewport")  # XPath's translate(@name, 'VIEWPORT', 'viewport')
_REFRESH_CASE = str.maketrans("REFSH", "refsh")


def _elements(root: etree._Element) -> list[etree._Element]:
    return [el for el in root.iter() if is_element(el)]


def _html(root: etree._Element) -> etree._Element:
    return root if local(root) == "html" else (root.find(".//html") or root)


def valid_language(tag: str) -> bool:
    """A BCP 47 tag whose primary language subtag is in the registry (as far as CLDR knows it)."""
    tag = tag.strip()
    if not _LANG_SYNTAX.match(tag):
        return False
    primary = tag.split("-")[0].lower()
    return primary in _languages() or primary in _SPECIAL_LANGUAGES or "qaa" <= primary <= "qtz"


def page_title(page: Page) -> list[etree._Element]:
    """2779a5: the page has a ``<title>`` with text."""
    root = page.root
    titles = [t for t in root.iter("title") if not any(local(a) == "svg" for a in t.iterancestors())]
    if not titles or not collapse(text_content(titles[0])):
        return [titles[0] if titles else _html(root)]
    return []


def html_has_lang(page: Page) -> list[etree._Element]:
    """b5c3f8: the ``html`` element declares a non-empty ``lang``."""
    html = _html(page.root)
    return [] if (html.get("lang") or "").strip() else [html]


def html_lang_valid(page: Page) -> list[etree._Element]:
    """bf051a: the ``html`` element's ``lang`` is a valid language tag."""
    html = _html(page.root)
    value = (html.get("lang") or "").strip()
    return [html] if value and not valid_language(value) else []


def lang_xml_lang_match(page: Page) -> list[etree._Element]:
    """5b7ae0: ``lang`` and ``xml:lang`` on ``html`` name the same primary language."""
    html = _html(page.root)
    lang = (html.get("lang") or "").strip()
    xml = (html.get("{http://www.w3.org/XML/1998/namespace}lang") or html.get("xml:lang") or "").strip()
    if not (valid_language(lang) and valid_language(xml)):
        return []
    return [html] if lang.split("-")[0].lower() != xml.split("-")[0].lower() else []


def element_lang_valid(page: Page) -> list[etree._Element]:
    """de46e4: a ``lang`` on an element in the body, over visible text, is a valid language tag."""
    body = page.root.find(".//body")
    out = []
    # the body's descendants with a lang attribute
    in_body = (
        [el for el in page.selected("lang") if el is not body and body in el.iterancestors()]
        if body is not None
        else []
    )
    for el in in_body:
        if valid_language(el.get("lang")):
            continue
        if el.get("lang") == "" or page.hidden(el):
            continue
        own_text = [t for t in el.xpath(".//text()") if t.strip() and not _text_lang_overridden(t, el)]
        if own_text:
            out.append(el)
    return out


def _text_lang_overridden(text: etree._ElementUnicodeResult, owner: etree._Element) -> bool:
    node = text.getparent()
    if text.is_tail:
        node = node.getparent()
    while node is not None and node is not owner:
        if node.get("lang") is not None and node.get("lang").strip() or local(node) in ("script", "style"):
            return True
        if local(node) in ("script", "style") or node.get("style") and "display: none" in node.get("style"):
            return True
        node = node.getparent()
    return False


def _named(kinds: Kind, *groups: str) -> Check:
    """The rule «every element of a kind has an accessible name». ``groups`` (see Page.named_among)
    hold every element the kind can be true of; each kind below says which."""

    def check(page: Page) -> list[etree._Element]:
        pool = page.named_among(groups)
        # a name is most often there: asked before hiddenness (both are kept answers)
        return [el for el in pool if kinds(page, el) and not page.name(el) and not page.hidden(el)]

    check.kinds, check.groups = kinds, groups  # type: ignore[attr-defined]  # for tests
    return check


def _is_image(page: Page, el: etree._Element) -> bool:
    if page.local(el) == "img":
        return page.role(el) not in ("presentation", "none") or bool(el.get("aria-label") or el.get("aria-labelledby"))
    return (el.get("role") or "").split()[:1] == ["img"] and page.local(el) not in ("svg",)


def _is_svg_graphic(page: Page, el: etree._Element) -> bool:
    return page.local(el) == "svg" and (el.get("role") or "").split()[:1] in (
        ["img"], ["graphics-document"], ["graphics-symbol"]
    )  # fmt: skip


def _is_button(page: Page, el: etree._Element) -> bool:
    if page.local(el) == "input" and (el.get("type") or "").lower() == "image":
        return False
    return page.role(el) == "button" and page.local(el) != "summary"


def _is_link(page: Page, el: etree._Element) -> bool:
    return page.role(el) == "link"


def _is_field(page: Page, el: etree._Element) -> bool:
    return page.role(el) in _FIELD_ROLES and (
        el.get("disabled") is None or page.local(el) not in ("input", "select", "textarea")
    )


def _is_iframe(page: Page, el: etree._Element) -> bool:
    return page.local(el) == "iframe" and (el.get("tabindex") or "").strip() != "-1" and not explicit_presentational(el)


def explicit_presentational(el: etree._Element) -> bool:
    """``role="none"`` or ``"presentation"`` on the element."""
    return (el.get("role") or "").split()[:1] in (["none"], ["presentation"])


def _is_summary(page: Page, el: etree._Element) -> bool:
    parent = el.getparent()
    if page.local(el) != "summary" or parent is None or local(parent) != "details" or el.get("role"):
        return False
    return next(c for c in parent if is_element(c) and local(c) == "summary") is el


def _is_image_button(page: Page, el: etree._Element) -> bool:
    return page.local(el) == "input" and (el.get("type") or "").strip().lower() == "image" and not el.get("role")


def _viewport_number(value: str, word_values: dict[str, float]) -> float | None:
    value = value.strip().lower()
    if value in word_values:
        return word_values[value]
    m = re.match(r"^-?\d+(\.\d+)?|^-?\.\d+", value)
    return float(m.group(0)) if m else 0.0 if value else None


def viewport_zoom(page: Page) -> list[etree._Element]:
    """b4f0c3: the viewport neither forbids zoom (``user-scalable``) nor caps it under 2 (``maximum-scale``)."""
    out = []
    for meta in page.selected("meta"):
        if (meta.get("name") or "").translate(_VIEWPORT) != "viewport" or meta.get("content") is None:
            continue
        props = {}
        for part in re.split(r"[,;]", meta.get("content") or ""):
            if "=" in part:
                key, _, value = part.partition("=")
                props[key.strip().lower()] = value
        scalable = props.get("user-scalable")
        if scalable is not None:
            number = _viewport_number(scalable, {"yes": 1.0, "no": 0.0, "device-width": 10.0, "device-height": 10.0})
            if number is not None and -1 < number < 1:
                out.append(meta)
                continue
        maximum = props.get("maximum-scale")
        if maximum is not None:
            number = _viewport_number(maximum, {"yes": 1.0, "no": 0.1, "device-width": 10.0, "device-height": 10.0})
            if number is not None and 0 <= number < 2:
                out.append(meta)
    return out


def _fragment_seconds(src: str) -> float | None:
    m = re.search(r"#t=(\d+(?:\.\d+)?)?,(\d+(?:\.\d+)?)", src)
    return float(m.group(2)) - float(m.group(1) or 0) if m else None


def autoplay_audio(page: Page) -> list[etree._Element]:
    """80f0bf: media that plays by itself with sound has controls, or plays 3 s at most."""
    root = page.root
    out = []
    for media in root.xpath("//video[@autoplay] | //audio[@autoplay]"):
        if media.get("muted") is not None or media.get("controls") is not None or media.get("paused") is not None:
            continue
        sources = [media.get("src")] if media.get("src") else [s.get("src") or "" for s in media.iter("source")]
        durations = [_fragment_seconds(s) for s in sources if s]
        if durations and all(d is not None and d <= 3 for d in durations):
            continue
        # Page scripts may pause the media or give it custom controls: not judged from markup.
        if media.get("loop") is None and root.find(".//script") is None:
            out.append(media)
    return out


def meta_refresh(page: Page, limit: int) -> list[etree._Element]:
    """The first valid ``<meta http-equiv="refresh">`` waits 0 s or more than ``limit`` seconds."""
    for meta in page.selected("meta"):
        if (meta.get("http-equiv") or "").translate(_REFRESH_CASE) != "refresh" or meta.get("content") is None:
            continue
        m = _REFRESH.match(meta.get("content") or "")
        if m:
            delay = int(m.group(1))
            return [meta] if 0 < delay <= limit else []
    return []


def aria_attr_defined(page: Page) -> list[etree._Element]:
    """5f99a7: every ``aria-*`` attribute is defined in WAI-ARIA."""
    return [
        el
        # aria-hidden, the one aria-* attribute the walk does not count, is defined
        for el in page.selected("aria")
        if any(k.lower().startswith("aria-") and k.lower()[5:] not in ARIA_ATTRIBUTES for k in el.keys())
    ]


def role_valid(page: Page) -> list[etree._Element]:
    """674b10: a ``role`` attribute on a shown element has at least one valid role."""
    return [
        el
        for el in page.selected("role")
        if (el.get("role") or "").strip() and not page.hidden(el) and role_token_invalid(el.get("role"))
    ]


def role_token_invalid(value: str) -> bool:
    """No token of a ``role`` value is a concrete WAI-ARIA (or DPUB, Graphics) role."""
    return not any(t in VALID_ROLES or t.startswith("doc-") for t in value.lower().split())


def aria_hidden_focusable(page: Page) -> list[etree._Element]:
    """6cfa84: content under ``aria-hidden="true"`` cannot be reached with the keyboard."""
    out: list[etree._Element] = []
    hiding = page.selected("aria-hidden")
    if not hiding:
        return out
    # A script that names the element may move focus away from it: that cannot be judged here.
    scripted = " ".join(s.text or "" for s in page.root.iter("script"))
    for el in hiding:
        for node in _FOCUSABLE(el):
            if _focusable(node) and not (node.get("id") and node.get("id") in scripted):
                out.append(el)
                break
    return out


def _focusable(el: etree._Element) -> bool:
    tabindex = (el.get("tabindex") or "").strip()
    if tabindex.lstrip("-").isdigit() and int(tabindex) < 0:
        return False
    if el.get("disabled") is not None and local(el) in ("button", "input", "select", "textarea"):
        return False
    node = el
    while node is not None and is_element(node):
        if node.get("hidden") is not None or re.search(
            r"display\s*:\s*none|visibility\s*:\s*hidden", node.get("style") or ""
        ):
            return False
        node = node.getparent()
    if local(el) in ("a", "button", "select", "textarea", "input", "iframe", "summary", "audio", "video"):
        return True
    return tabindex.lstrip("-").isdigit() or (el.get("contenteditable") or "").lower() in ("", "true", "plaintext-only")


def duplicate_ids(page: Page) -> list[etree._Element]:
    """3ea0c8: no two elements share an ``id``."""
    with_id = page.selected("id")
    counts = Counter(el.get("id") for el in with_id if el.get("id"))
    return [el for el in with_id if el.get("id") and counts[el.get("id")] > 1]


def bypass_blocks(page: Page) -> list[etree._Element]:
    """cf77f2: a main landmark, a heading or a first link to the page's content lets one skip the blocks."""
    body = page.root.find(".//body")
    if body is None:
        return []
    shown = [el for el in _elements(body) if not page.hidden(el)]
    if any(page.role(el) in ("main", "heading") for el in shown):
        return []
    first = next((el for el in shown if page.role(el) in ("link", "button") or el.get("tabindex")), None)
    if first is None or page.role(first) != "link" or (first.get("href") or "").startswith("#"):
        return []  # nothing to skip, a skip link, or a scripted control: not a failure seen from markup
    content = next((el for el in shown if (el.get("id") or "").lower() in _CONTENT_IDS), None)
    if content is not None and _before(content, first):
        return []  # the content comes first: there is no block to bypass
    return [body]


_CONTENT_IDS = {"main", "content", "contenido", "main-content", "maincontent"}


def _before(a: etree._Element, b: etree._Element) -> bool:
    for el in a.getroottree().iter():
        if el is a:
            return True
        if el is b:
            return False
    return False


CHECKS: dict[str, tuple[str, Check]] = {
    "2779a5": ("2.4.2", page_title),
    "b5c3f8": ("3.1.1", html_has_lang),
    "bf051a": ("3.1.1", html_lang_valid),
    "5b7ae0": ("3.1.1", lang_xml_lang_match),
    "de46e4": ("3.1.2", element_lang_valid),
    # each kind is true only of elements in its groups: an img or a role attribute; an svg; ...
    "23a2a8": ("1.1.1", _named(_is_image, "tag:img", "role-attr")),
    "7d6734": ("1.1.1", _named(_is_svg_graphic, "tag:svg")),
    "59796f": ("1.1.1", _named(_is_image_button, "tag:input")),
    "97a4e1": ("4.1.2", _named(_is_button, "role:button")),
    "c487ae": ("2.4.4", _named(_is_link, "role:link")),
    "e086e5": ("3.3.2", _named(_is_field, *(f"role:{r}" for r in sorted(_FIELD_ROLES)))),  # reported as 3.3.2
    "cae760": ("4.1.2", _named(_is_iframe, "tag:iframe")),
    "2t702h": ("4.1.2", _named(_is_summary, "tag:summary")),
    "b4f0c3": ("1.4.4", viewport_zoom),
    "80f0bf": ("1.4.2", autoplay_audio),
    "bc659a": ("2.2.1", lambda page: meta_refresh(page, 72_000)),
    "bisz58": ("2.2.1", lambda page: meta_refresh(page, 10**12)),
    "5f99a7": ("4.1.2", aria_attr_defined),
    "674b10": ("4.1.2", role_valid),
    "6cfa84": ("4.1.2", aria_hidden_focusable),
    "3ea0c8": ("4.1.1", duplicate_ids),
    "cf77f2": ("2.4.1", bypass_blocks),
}
# Implemented but not claimed: their precision on the ACT examples is under 0.95 because what
# decides them (a script, the media's sound track, what is repeated across pages) is not in the markup.
NOT_CLAIMED = {"80f0bf", "cf77f2"}
# The rules this engine stands behind: the audit reports only these.
CLAIMED: dict[str, str] = {rule: criterion for rule, (criterion, _check) in CHECKS.items() if rule not in NOT_CLAIMED}


def failed_act_rules(root: etree._Element | None, rules: dict[str, str] | None = None) -> set[str]:
    """The ACT rules (of ``rules``, default all implemented) that the page fails."""
    return {rule for rule, _els in failures(root, rules or CHECKS)}


def failures(
    root: etree._Element | None, rules: dict[str, object], page: Page | None = None
) -> list[tuple[str, list[etree._Element]]]:
    """(ACT rule, failing elements) for each rule of ``rules`` the page fails (``page``: the
    root's ``Page``, when the caller asks more of it)."""
    if root is None:
        return []
    page = page if page is not None else Page(root)
    out = []
    for rule in rules:
        elements = CHECKS[rule][1](page)
        if elements:
            out.append((rule, elements))
    return out
