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

# Elements whose end tag libxml2 ignores while a div inside is open (HTML 5 elements it does not
# know; «section», «article», «aside» and «main» too, but only these three are taken for the chrome)
SECTIONING = (b"header", b"footer", b"nav")
_END_TAG = re.compile(rb"</(?:header|footer|nav)\s*>", re.I)
# comments, raw-text elements (their content is not markup), and the tags that matter here
_TOKENS = re.compile(
    rb"<!--.*?-->|<(script|style|textarea|template)\b[^>]*>.*?</\1\s*>"
    rb"|<(/?)(div|header|footer|nav)\b[^>]*>",
    re.I | re.S,
)


_UPPER = re.compile(rb"</?(?:DIV|Div|HEADER|Header|FOOTER|Footer|NAV|Nav)\b")  # tags not written in lower case


def _balanced(low: bytes) -> bool:
    """Whether, from each sectioning start tag to the first end tag of its name, as many ``div`` are
    closed as opened (the common case, told by C-speed string searches): nothing to close then."""
    for tag in SECTIONING:
        start, end, pos = b"<" + tag, b"</" + tag, 0
        while (i := low.find(start, pos)) >= 0:
            j = low.find(end, i)
            if j < 0:
                break
            if low.count(b"<div", i, j) != low.count(b"</div", i, j):
                return False
            pos = j + len(end)
    return True


def close_sections(html: bytes) -> bytes:
    """The HTML (UTF-8) with a ``</div>`` written before each end tag of a sectioning element for every
    ``div`` still open inside it (as a browser closes them); unchanged when there is none."""
    if _END_TAG.search(html) is None or (_UPPER.search(html) is None and _balanced(html)):
        return html
    stack: list[bytes] = []
    inserts: list[tuple[int, int]] = []  # (position of the end tag, divs to close before it)
    for m in _TOKENS.finditer(html):
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
            n += top == b"div"
        if tag != b"div" and n:
            inserts.append((m.start(), n))
    if not inserts:
        return html
    out, last = [], 0
    for pos, n in inserts:
        out += [html[last:pos], b"</div>" * n]
        last = pos
    out.append(html[last:])
    return b"".join(out)
