"""An entry of a menu that shares its address with other entries (a hub page): read there only
when that page shows it (moved out of evidence.py whole, H147)."""

from __future__ import annotations

from .pages import Block, Link, Page
from .text import in_norm, text_norm

# A menu's entries with this many different texts to one address (no part of the page named) lead to
# a shared page (a hub), not each to its own: an entry there must be shown by that page to be read there
SHARED_ENTRIES = 3


def not_shown_where_shared(block: Block, link: Link, target: Page) -> bool:
    """Whether ``link`` is one of its menu's entries that share one address (SHARED_ENTRIES texts
    or more, no part of the page named) and the page it opens shows its text (numbering aside) in
    no title or heading. Menus only (header, nav): a content list whose entries («Leyes»,
    «Decretos»…) all open one page of norms lists them there, not as headings."""
    if link.fragment or not link.norm or link.region not in ("header", "nav"):
        return False
    texts = {other.norm for other in block.links if other.key == link.key and not other.fragment}
    if len(texts) < SHARED_ENTRIES:
        return False
    words = link.norm.split()
    while words and words[0].isdigit():
        words.pop(0)
    if not words:
        return False
    core = tuple(words)
    names = [label[0] for label in (*target.labels, *target.sections)]
    names += [text_norm(h)[0] for h in target.headings]
    return not any(in_norm(core, name) for name in names)
