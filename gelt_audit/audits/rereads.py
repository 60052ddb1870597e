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
from gelt_audit.store import Store, text_hash

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
    known = [_learnt.get((str(store.path), body, version)) for body in bodies]
    known = [
        store.cached_result(b, SAME_AUDIT, version) if k is None else k for b, k in zip(bodies, known, strict=True)
    ]
    if known == [True, True]:
        return None  # both stored texts are what this code extracts
    htmls = [store.html(body) or "" for body in bodies]
    if all(close_sections(html) is html for html in htmls):
        return None  # the stored main texts are what this code extracts
    texts: list[str | None] = []  # None: the stored text is this code's
    for body, html, current in zip(bodies, htmls, known, strict=True):
        if current is True:
            texts.append(None)
            continue
        text = extract(html, url, noise).main_text
        if current is None:
            current = _learnt[(str(store.path), body, version)] = text_hash(text) == _main_hash(store, body)
            store.keep_result(body, SAME_AUDIT, version, current)
        texts.append(None if current else text)
    if texts == [None, None]:
        return None  # the caller compares the stored texts: the same
    old, new = (store.main_text(body) if text is None else text for body, text in zip(bodies, texts, strict=True))
    return old, new


def _main_hash(store: Store, body: str) -> str | None:
    row = store.db.execute("select main_hash from bodies where hash = ?", [body]).fetchone()
    return row[0] if row else None
