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

# Elements whose end tag libxml2 ignores while a div inside is open (HTML 5 elements it does not
# know; «section», «article», «aside» and «main» too, but only these three are taken for the chrome)
SECTIONING = ("header", "footer", "nav")


class _Patterns:
    """The patterns and markers of :func:`close_sections` for one string type (str or bytes)."""

    def __init__(self, cast: Callable[[str], Any]) -> None:
        self.end_tag = re.compile(cast(r"</(?:header|footer|nav)\s*>"), re.I)
        # comments, raw-text elements (their content is not markup), and the tags that matter here
        self.tokens = re.compile(
            cast(
                r"<!--.*?-->|<(script|style|textarea|template)\b[^>]*>.*?</\1\s*>|<(/?)(div|header|footer|nav)\b[^>]*>"
            ),
            re.I | re.S,
        )
        # tags not written in lower case
        self.upper = re.compile(cast(r"</?(?:DIV|Div|HEADER|Header|FOOTER|Footer|NAV|Nav)\b"))
        self.tags = [(cast("<" + tag), cast("</" + tag)) for tag in SECTIONING]
        self.div, self.end_div = cast("<div"), cast("</div")
        self.close, self.div_name, self.empty = cast("</div>"), cast("div"), cast("")


_STR, _BYTES = _Patterns(str), _Patterns(lambda s: s.encode("ascii"))


def _balanced(low: AnyStr, p: _Patterns) -> bool:
    """Whether, from each sectioning start tag to the first end tag of its name, as many ``div`` are
    closed as opened (the common case, told by C-speed string searches): nothing to close then."""
    for start, end in p.tags:
        pos = 0
        while (i := low.find(start, pos)) >= 0:
            j = low.find(end, i)
            if j < 0:
                break
            if low.count(p.div, i, j) != low.count(p.end_div, i, j):
                return False
            pos = j + len(end)
    return True


# Text (the crawl's decoded pages, mostly two bytes a character): one case-blind scan for the
# sectioning tags; str.find there costs a full scan per call, which the bytes test can afford
_SECTION_TAGS = re.compile(r"<(/?)(header|footer|nav)\b", re.I)
_DIVS = re.compile(r"<(/?)div\b", re.I)


def _balanced_text(html: str) -> bool:
    """:func:`_balanced` of a text, any case of tags: from each sectioning start tag to the first end
    tag of its name, as many ``div`` closed as opened (True too when no such end tag is there)."""
    open_at: dict[str, int] = {}
    for m in _SECTION_TAGS.finditer(html):
        tag = m.group(2).lower()
        if not m.group(1):
            open_at.setdefault(tag, m.end())
        elif (start := open_at.pop(tag, None)) is not None:
            ends = _DIVS.findall(html, start, m.start())  # "" a start tag, "/" an end tag
            if 2 * ends.count("/") != len(ends):
                return False
    return True


def close_sections(html: AnyStr) -> AnyStr:
    """The HTML (text, or UTF-8 bytes) with a ``</div>`` written before each end tag of a sectioning
    element for every ``div`` still open inside it (as a browser closes them); the very same object
    when there is none."""
    if isinstance(html, bytes):
        p = _BYTES
        if p.end_tag.search(html) is None or (p.upper.search(html) is None and _balanced(html, p)):
            return html
    elif _balanced_text(html):
        return html
    else:
        p = _STR
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
