"""Main texts compared like with like across an extraction change.

The store keeps the main text extracted when a body was first met; :func:`reread` gives the one
this code extracts for the bodies whose reading changed (gelt_audit/sections.py).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from gelt_audit.audits.source_hash import code_version
from gelt_audit.config import NoiseRule
from gelt_audit.markup import extract
from gelt_audit.sections import close_sections
from gelt_audit.store import Store

# Per body (body_audits): whether its stored main text is the one this code extracts from it
# (true), for the bodies whose HTML close_sections changes. A function of the body, the code, the
# noise rules and the URL (the rules may depend on its path): kept, never carried.
SAME_AUDIT = "main-text-current"
# What this process learnt and has not written yet (kept results are written in batches)
_learnt: dict[tuple[str, str, str], bool] = {}


def _version(url: str, noise: Sequence[NoiseRule]) -> str:
    rules = hashlib.sha1(repr(list(noise)).encode()).hexdigest()[:12] if noise else ""
    return f"{code_version()}:{rules}:{url}"


def reread(
    store: Store, url: str, old_body: str | None, new_body: str | None, noise: Sequence[NoiseRule]
) -> tuple[str, str] | None:
    """The two bodies' main texts as this code extracts them, when either body's HTML has a ``div``
    left open in a header, menu or footer (:func:`close_sections` changes it) and either stored
    main text is not what this code extracts; None otherwise (the stored texts are this code's).

    Before that repair the crawler read such a page as if all of it were the header: its stored
    main text is the menu's. A store keeps the text extracted when the body was first met, so a
    page crawled before and after the upgrade must be compared like with like, or every such page
    whose bytes changed (a counter, a token) would be reported «modificada» once. A body is
    re-extracted once per code version to learn that its stored text is current (kept per body),
    not every week: on a site whose template always leaves a div open, both bodies of every
    modified page would otherwise be extracted again by every report."""
    if not old_body or not new_body:
        return None
    version = _version(url, noise)
    bodies = (old_body, new_body)
    same = [_learnt.get((str(store.path), body, version)) for body in bodies]
    same = [store.cached_result(b, SAME_AUDIT, version) if k is None else k for b, k in zip(bodies, same, strict=True)]
    if same == [True, True]:
        return None  # both stored texts are what this code extracts
    htmls = [store.html(body) or "" for body in bodies]
    if all(close_sections(html) is html for html in htmls):
        return None  # the stored main texts are what this code extracts
    texts = []
    for body, html, known in zip(bodies, htmls, same, strict=True):
        if known is True:
            texts.append(store.main_text(body))
            continue
        text = extract(html, url, noise).main_text
        if known is None:
            current = _learnt[(str(store.path), body, version)] = text == store.main_text(body)
            store.keep_result(body, SAME_AUDIT, version, current)
        texts.append(text)
    return texts[0], texts[1]
