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

# The elements whose end tag libxml2 ignores while a div inside is open (HTML 5's sectioning and
# grouping elements it does not know)
SECTIONING = frozenset(("header", "footer", "nav", "section", "article", "aside", "main"))
_END_TAG = re.compile(r"</(?:header|footer|nav|section|article|aside|main)\s*>", re.I)
# comments, raw-text elements (their content is not markup), and the tags that matter here
_TOKENS = re.compile(
    r"<!--.*?-->|<(script|style|textarea|template)\b[^>]*>.*?</\1\s*>"
    r"|<(/?)(div|header|footer|nav|section|article|aside|main)\b[^>]*>",
    re.I | re.S,
)


def close_sections(html: str) -> str:
    """The HTML with a ``</div>`` written before each end tag of a sectioning element for every
    ``div`` still open inside it (as a browser closes them); unchanged when there is none."""
    if _END_TAG.search(html) is None:
        return html
    stack: list[str] = []
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
            n += top == "div"
        if tag != "div" and n:
            inserts.append((m.start(), n))
    if not inserts:
        return html
    out, last = [], 0
    for pos, n in inserts:
        out += [html[last:pos], "</div>" * n]
        last = pos
    out.append(html[last:])
    return "".join(out)
