"""End tags of sectioning elements read as a browser reads them.

lxml's parser (libxml2) follows HTML 4: it does not know ``header``, ``footer``, ``nav``… and
ignores their end tag while a ``div`` opened inside is still open. A browser (HTML 5) closes the
``div`` and the element there. A template that leaves one ``div`` open in its header
(``<header><div>…</header>``) thus puts the whole page after it inside the header as lxml reads it,
and the page's content is taken for the site's chrome. :func:`close_sections` writes the missing
``</div>`` end tags before such an end tag, so that lxml builds the tree a browser builds.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, AnyStr

# The HTML 5 elements libxml2 does not know (it ignores their end tag while a div inside is open)
# whose content the page's readers drop as the site's chrome (markup.BOILERPLATE): left open, each
# swallows the page's content after it. «main», «article», «section» are left alone: left open they
# take in what follows them, which adds to a page's text but hides none of it (the chrome that
# follows is still dropped by name); no page of the checklist corpus or of the bench site has one
# left open, and telling it would count the divs of the whole content of every page (a range that
# big costs about as much again as this whole function: bench/results-2026-12-05-sections-h73.md).
SECTIONING = ("header", "footer", "nav", "aside")
# A tag name ends at a space, «/» or «>»: «<nav-bar>» or «<header-menu>» (custom elements) are not these.
_END = r"(?=[\s/>])"
_NAMES = "|".join(SECTIONING)
# Where the text is not markup (comments, raw-text elements): a tag written there opens or closes nothing.
_RAW_NAMES = "script|style|textarea|template"
_RAW = rf"<!--.*?-->|<({_RAW_NAMES})\b[^>]*>.*?</\1\s*>"


class _Patterns:
    """The patterns and markers of :func:`close_sections` for one string type (str or bytes)."""

    def __init__(self, cast: Callable[[str], Any]) -> None:
        # comments, raw-text elements (their content is not markup), and the tags that matter here
        self.tokens = re.compile(cast(rf"{_RAW}|<(/?)(div|{_NAMES}){_END}[^>]*>"), re.I | re.S)
        self.section_tags = re.compile(cast(rf"<(/?)({_NAMES}){_END}"), re.I)
        self.divs = re.compile(cast(rf"<(/?)div{_END}"), re.I)
        self.raw = re.compile(cast(_RAW), re.I | re.S)
        # where a comment or a raw-text element starts or ends (a comment's end is looked for apart:
        # a pattern that does not start with «<» is tried at every position)
        self.markers = re.compile(cast(rf"<(?:!--|/?(?:{_RAW_NAMES})\b)"), re.I)
        self.comment_end = cast("-->")
        self.slash, self.close, self.div_name, self.empty = cast("/"), cast("</div>"), cast("div"), cast("")


_STR, _BYTES = _Patterns(str), _Patterns(lambda s: s.encode("ascii"))


def _balanced(html: AnyStr, p: _Patterns) -> bool:
    """Whether each sectioning element closes as many ``div`` as it opens (the common case, told by
    C-speed regex scans): nothing to close then. False when it cannot tell cheaply.

    Start and end tags of a name are paired as they nest. The divs inside a comment or a raw-text
    element (``script``…) are not counted; when such a thing starts or ends alone in an element
    (its start or end tag is itself inside a comment or a script string), this cannot tell."""
    # one stack for every name: an end tag closes its element and every one opened after it
    # («<nav><div><header><nav></header></nav>»: «</header>» closes the inner nav, so «</nav>» is
    # the outer one's, whose div is still open), as :func:`_close` reads it
    opened: list[tuple[AnyStr, int]] = []
    raw_spans: list[tuple[int, int]] | None = None  # where comments and raw-text elements are, once
    for m in p.section_tags.finditer(html):
        tag = m.group(2).lower()
        if not m.group(1):
            opened.append((tag, m.end()))
            continue
        at = next((i for i in range(len(opened) - 1, -1, -1) if opened[i][0] == tag), None)
        if at is None:
            continue  # an end tag with nothing to close
        start, end = opened[at][1], m.start()
        del opened[at:]
        if p.markers.search(html, start, end) is None and html.find(p.comment_end, start, end) < 0:
            ends = p.divs.findall(html, start, end)  # "" a start tag, "/" an end tag
        else:
            # «<aside><textarea><aside><textarea></textarea></aside>»: a pair whose start tag is itself
            # inside a raw-text element that began before it reads its inside wrongly
            if raw_spans is None:
                raw_spans = [r.span() for r in p.raw.finditer(html)]
            if any(a < start <= b or a <= end < b for a, b in raw_spans):
                return False
            inside = p.raw.sub(p.empty, html[start:end])
            if p.markers.search(inside) is not None or p.comment_end in inside:
                return False
            ends = p.divs.findall(inside)
        if 2 * ends.count(p.slash) != len(ends) or not _nests(ends, p.slash):
            return False
    return True


def _nests(ends: list[AnyStr], slash: AnyStr) -> bool:
    """Whether no end tag in ``ends`` ("" a start, ``slash`` an end, in order) comes with no div open:
    «</div><div>» counts as many of each, but a browser ignores that end tag and the div stays open."""
    depth = 0
    for end in ends:
        depth += -1 if end == slash else 1
        if depth < 0:
            return False
    return True


def close_sections(html: AnyStr) -> AnyStr:
    """The HTML (text, or UTF-8 bytes) with a ``</div>`` written before each end tag of a sectioning
    element for every ``div`` still open inside it (as a browser closes them); the very same object
    when there is none. Comments and raw-text elements (``script``, ``style``…) hold no tags."""
    p = _BYTES if isinstance(html, bytes) else _STR
    return html if _balanced(html, p) else _close(html, p)


def _close(html: AnyStr, p: _Patterns) -> AnyStr:
    """:func:`close_sections` told by reading every tag (what :func:`_balanced` tells cheaply)."""
    stack: list[AnyStr] = []
    inserts: list[tuple[int, int]] = []  # (position of the end tag, divs to close before it)
    for m in p.tokens.finditer(html):
        tag = m.group(3)
        if tag is None:
            continue  # a comment or a raw-text element
        tag = tag.lower()
        if not m.group(2):
            stack.append(tag)  # «<div/>» opens a div, as a browser reads it
            continue
        if tag not in stack:
            continue  # an end tag with nothing to close: ignored, as a browser ignores it
        n = 0
        while stack:
            top = stack.pop()
            if top == tag:
                break
            n += top == p.div_name
        if tag != p.div_name and n:
            inserts.append((m.start(), n))
    if not inserts:
        return html
    out, last = [], 0
    for pos, n in inserts:
        out += [html[last:pos], p.close * n]
        last = pos
    out.append(html[last:])
    return p.empty.join(out)


# «</body>» and «</html>» outside comments and raw-text elements (matched whole, to be kept); what may
# follow them and still be nothing (white space, comments, more such end tags); one per string type
_DOC_ENDS_AT = rf"{_RAW}|</(?:body|html)\s*>"
_NOTHING_AT = r"(?:\s|<!--.*?-->|</(?:body|html)\s*>)*"
_DOC_ENDS, _BODY_END, _NOTHING_AFTER = (
    tuple(re.compile(cast(pattern), re.I | re.S) for cast in (str, lambda s: s.encode("ascii")))
    for pattern in (_DOC_ENDS_AT, r"</body\s*>", _NOTHING_AT)
)


def body_runs_on(html: AnyStr) -> AnyStr:
    """The HTML (text, or UTF-8 bytes) without its ``</body>`` and ``</html>`` end tags when content
    follows them (``</body><footer>…</footer></html>``, a template's footer written after the body); the
    very same object otherwise. A browser (HTML 5) reads what comes after them into the body: it shows
    that footer at the page's foot. lxml (libxml2) leaves it beside ``<body>``, and drops what follows
    ``</html>``. Without those end tags lxml closes the body at the document's end, as a browser does.
    Tags written in comments and raw-text elements (``script``…) are left as they are."""
    i = 0 if isinstance(html, str) else 1
    m = _BODY_END[i].search(html)
    if m is None or _NOTHING_AFTER[i].match(html, m.start()).end() == len(html):
        return html
    empty, slash = html[:0], (b"/" if i else "/")
    # an end tag (its second character «/») goes; a comment or a raw-text element stays as it is
    return _DOC_ENDS[i].sub(lambda t: empty if t.group(0)[1:2] == slash else t.group(0), html)
