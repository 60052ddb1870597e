"""What a page's content yields, kept by what it is read from: the page's tree once its header,
navigation and footer are taken out (its residue), and what its reading takes from before that.

A template change (a menu entry renamed on every page) changes every body, and the parse cache,
kept by body and URL, parses every page again; the reading of each page's content (its main text
folded, its sections, links, forms, emptiness and text rules: ~2 ms of the ~3 of a bench page,
issue 21, H306) is then made again on the same content. A cold report of a site whose last crawl
follows a template change makes it twice (the previous crawl's pages are judged for
``regressions``), and so does the weekly audit after the change. Kept here by a hash of the residue
serialised and of every other value the reading takes (:func:`residue_key`), it is read back
instead (:func:`content_row`, :func:`apply_row`): the same page, since the reading is a function of
exactly those (``parse.Builder._content``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from typing import Any

from lxml import etree

from .forms import Form
from .pages import Link, Page

CONTENT_AUDIT = "checklist-content"


def residue_key(root: Any, before: Sequence[Any]) -> str | None:
    """The cache key of a page's content reading: its tree as it is once the chrome is out (XML
    serialisation: every element, attribute and text, escaped, so two trees differ in it when they
    differ), and ``before``, the other values the reading takes (their ``repr``); None when the tree
    cannot be serialised (the page is read, not kept)."""
    try:
        markup = etree.tostring(root, encoding="utf-8")
    except (ValueError, etree.LxmlError):
        return None
    digest = hashlib.sha1(repr(tuple(before)).encode("utf-8", "surrogatepass"))
    digest.update(b"\0")
    digest.update(markup)
    return "content:" + digest.hexdigest()


def content_row(
    page: Page,
    links: Sequence[Link],
    forms: Sequence[Form],
    link_row: Callable[[Link], list[Any]],
    form_row: Callable[[Form], list[Any]],
) -> dict[str, Any]:
    """What the reading gave a page (JSON): its fields it set, its content's links and its forms."""
    return {
        "labels": [list(x) for x in page.labels],
        "sections": [list(x) for x in page.sections],
        "headings": page.headings,
        "no_aplica": page.no_aplica,
        "only_links": page.only_links,
        "dead": page.dead,
        "section_keys": page.section_keys,
        "notices": page.notices,
        "state": [page.empty, page.soft404, page.loading, page.shell],
        "text": list(page.text_hits),
        "links": [link_row(x) for x in links],
        "forms": [form_row(f) for f in forms],
    }


def apply_row(
    row: dict[str, Any], page: Page, link_of: Callable[[Sequence[Any]], Link], form_of: Callable[[Sequence[Any]], Form]
) -> tuple[list[Link], tuple[Form, ...]]:
    """Set a page's fields from :func:`content_row`; its content's links and its forms."""
    page.labels = [tuple(x) for x in row["labels"]]  # type: ignore[misc]
    page.sections = [tuple(x) for x in row["sections"]]  # type: ignore[misc]
    page.headings = row["headings"]
    page.no_aplica, page.only_links, page.dead = row["no_aplica"], row["only_links"], row["dead"]
    page.section_keys, page.notices = row["section_keys"], row["notices"]
    page.empty, page.soft404, page.loading, page.shell = row["state"]
    page.text_hits = tuple(row["text"])
    return [link_of(r) for r in row["links"]], tuple(form_of(f) for f in row["forms"])
