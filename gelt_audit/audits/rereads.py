"""Main texts compared like with like across an extraction change.

The store keeps the main text extracted when a body was first met; :func:`reread` gives the one
this code extracts for the bodies whose reading changed (gelt_audit/sections.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from gelt_audit.audits.source_hash import code_version
from gelt_audit.config import NoiseRule
from gelt_audit.markup import extract
from gelt_audit.sections import close_sections
from gelt_audit.store import Store

OPEN_SECTIONS = "open-sections"  # audit name of the kept answers of has_open_sections


def reread(
    store: Store, url: str, old_body: str | None, new_body: str | None, noise: Sequence[NoiseRule]
) -> tuple[str, str] | None:
    """The two bodies' main texts as this code extracts them, when either body's HTML has a ``div``
    left open in a header, menu or footer (:func:`close_sections` changes it); None otherwise.

    Before that repair the crawler read such a page as if all of it were the header: its stored
    main text is the menu's. A store keeps the text extracted when the body was first met, so a
    page crawled before and after the upgrade must be compared like with like, or every such page
    whose bytes changed (a counter, a token) would be reported «modificada» once."""
    if not old_body or not new_body:
        return None
    if not (has_open_sections(store, old_body) or has_open_sections(store, new_body)):
        return None  # the stored main texts are what this code extracts
    old, new = (extract(store.html(body) or "", url, noise).main_text for body in (old_body, new_body))
    return old, new


def has_open_sections(store: Store, body_hash: str) -> bool:
    """Whether a body's HTML has a ``div`` left open that :func:`close_sections` closes: kept per
    body (``body_audits``, audit ``open-sections``, this code's version), so a weekly reads and
    scans only its new bodies' HTML, not both bodies of every page whose main text changed (each
    body is met again in every comparison that has it: this week's, the weekly report's, the
    page history's)."""

    def scan() -> bool:
        html = store.html(body_hash) or ""
        return close_sections(html) is not html

    return bool(store.cached_audit(body_hash, OPEN_SECTIONS, code_version(), scan))
