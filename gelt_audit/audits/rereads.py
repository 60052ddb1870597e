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


def _version(url: str, noise: Sequence[NoiseRule]) -> str:
    rules = hashlib.sha1(repr(list(noise)).encode()).hexdigest()[:12] if noise else ""
    return f"{code_version()}:{rules}:{url}"


OPEN_SECTIONS = "open-sections"  # audit name of the kept answers of has_open_sections


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
    if not (has_open_sections(store, old_body) or has_open_sections(store, new_body)):
        return None  # the stored main texts are what this code extracts
    version = _version(url, noise)
    bodies = (old_body, new_body)
    texts = [_extracted(store, body, url, noise, version) for body in bodies]  # None: the stored text is this code's
    if texts == [None, None]:
        return None  # the caller compares the stored texts: the same
    old, new = (store.main_text(body) if text is None else text for body, text in zip(bodies, texts, strict=True))
    return old, new


def _extracted(store: Store, body: str, url: str, noise: Sequence[NoiseRule], version: str) -> str | None:
    """The body's main text as this code extracts it, or None when that is its stored text: learnt
    once per code version (kept per body, ``SAME_AUDIT``), extracted only when it differs."""
    if not has_open_sections(store, body):
        return None
    extracted: list[str] = []

    def compare() -> bool:
        extracted.append(extract(store.html(body) or "", url, noise).main_text)
        return text_hash(extracted[0]) == _main_hash(store, body)

    if store.cached_audit(body, SAME_AUDIT, version, compare):
        return None
    return extracted[0] if extracted else extract(store.html(body) or "", url, noise).main_text


def _main_hash(store: Store, body: str) -> str | None:
    row = store.db.execute("select main_hash from bodies where hash = ?", [body]).fetchone()
    return row[0] if row else None


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
