"""The parse the per-body judges run on: plain lxml.etree elements, not lxml.html's.

``markup.parse(text, plain=True)`` gives the same tree as ``markup.parse`` (same libxml2 parser
and options) with plain elements: lxml.html's element classes make lxml look up a Python class for
every element the judges touch, and the judges need none of their methods.
"""

from __future__ import annotations

from lxml import etree

from gelt_audit.markup import parse

_STRING = etree.XPath("string()", smart_strings=False)


def parse_body(text: str) -> etree._Element | None:
    """Parse HTML leniently, as ``markup.parse`` does, into plain elements; None when empty."""
    return parse(text, plain=True)


def text_content(el: etree._Element) -> str:
    """The text of an element and its descendants: lxml.html's ``text_content()``, on any element."""
    return _STRING(el)
