"""Main texts compared like with like across an extraction change.

The store keeps the main text extracted when a body was first met; :func:`reread` gives the one
this code extracts for the bodies whose reading changed (gelt_audit/sections.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from gelt_audit.config import NoiseRule
from gelt_audit.markup import extract
from gelt_audit.sections import close_sections
from gelt_audit.store import Store


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
    htmls = [store.html(old_body) or "", store.html(new_body) or ""]
    if all(close_sections(html) is html for html in htmls):
        return None  # the stored main texts are what this code extracts
    old, new = (extract(html, url, noise).main_text for html in htmls)
    return old, new
