"""The parse the per-body judges run on: plain lxml.etree elements, not lxml.html's.

``markup.parse`` builds an lxml.html tree, whose custom element classes make lxml look up a
Python class for every element the judges touch; the judges need none of their methods. This
parse gives the same tree (same libxml2 parser and options) with plain elements.
"""

from __future__ import annotations

import re

from lxml import etree

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)  # as markup.parse
_PARSER = etree.HTMLParser()  # lxml.html's parser options, without its element classes
_STRING = etree.XPath("string()", smart_strings=False)


def parse_body(text: str) -> etree._Element | None:
    """Parse HTML leniently, as ``markup.parse`` does, into plain elements; None when empty."""
    text = _XML_DECL.sub("", text, count=1)
    if not text.strip():
        return None
    try:
        return etree.fromstring(text, _PARSER)  # None for a document with no element
    except (etree.ParserError, ValueError):
        return None


def text_content(el: etree._Element) -> str:
    """The text of an element and its descendants: lxml.html's ``text_content()``, on any element."""
    return _STRING(el)
