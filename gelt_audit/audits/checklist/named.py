"""Named and empty: an entry of a page's content named for an item that leads to «#» (or a
script, or an empty address) shows the item and publishes nothing of it. When nothing else on the
site publishes the item, that entry is its evidence, ``parcial``, on the page that shows it (what
a person points to), as a page «vacía o en construcción» is (issue 15, H91)."""

from __future__ import annotations

from collections.abc import Sequence

from .evidence import Finder, Hit
from .model import Item, Rule
from .pages import Page
from .text import count_words, in_norm, label_match, leads_with, text_norm

# the kinds whose phrases name an item as a person reads its entries (a title, a link's text)
NAMING_KINDS = ("title", "link_text")
STRONG_WORDS = 2  # a phrase of one word («Planes», «Contratación») names no item by itself
LONG_PHRASE = 4  # a phrase of this many words that opens an entry names it, however long (as Title)


def _naming_rules(item: Item) -> list[Rule]:
    return [r for part in item.parts for r in part.rules if r.kind in NAMING_KINDS and r.keywords]


def _cover(rules: Sequence[Rule], norm: str, nwords: int) -> float:
    """How strongly an entry's text names the item of these rules: the share of its words the
    best phrase covers (0 when no phrase of two words or more is about it)."""
    best = 0.0
    for rule in rules:
        if any(in_norm(x, norm) for x in rule.exclude):
            continue
        for p in rule.keywords:
            words = count_words(p)
            if words < STRONG_WORDS or not in_norm(p, norm):
                continue
            if label_match(p, norm, nwords, rule.slack) or (words >= LONG_PHRASE and leads_with(p, norm)):
                best = max(best, words / max(nwords, 1))
    return best


def _dead_entries(finder: Finder) -> dict[str, tuple[int, str, list[Page]]]:
    """The site's content entries that lead to «#» by their normal text: its words, its text and
    the pages that show it (kept for every item and profile judged on the index)."""
    memo = finder.memo_of("named_empty", "dead")
    if "entries" not in memo:
        entries: dict[str, tuple[int, str, list[Page]]] = {}
        for page in finder.idx.pages:
            for text in page.dead:
                norm, n = text_norm(text)
                if not norm:
                    continue
                got = entries.setdefault(norm, (n, text, []))
                if page not in got[2]:
                    got[2].append(page)
        memo["entries"] = entries
    return memo["entries"]


def _claimed_by(finder: Finder, norm: str, nwords: int) -> str:
    """The one item of the checklist the entry names most strongly ("" when two tie: an entry that
    names several items equally is not evidence of any)."""
    checklist = finder.checklist
    memo = finder.memo_of("named_empty_claim", checklist.profile)
    if norm not in memo:
        covers = sorted(
            ((c, it.id) for it in checklist.items if (c := _cover(_naming_rules(it), norm, nwords)) > 0),
            reverse=True,
        )
        memo[norm] = covers[0][1] if covers and (len(covers) == 1 or covers[1][0] < covers[0][0]) else ""
    return memo[norm]


def named_empty_hits(finder: Finder, item: Item) -> list[Hit]:
    """The entries named for the item that lead to «#», as evidence with that problem: one hit,
    on the shallowest page that shows the most strongly named entry."""
    rules = _naming_rules(item)
    if not rules:
        return []
    found: list[tuple[float, str, Page]] = []
    for norm, (nwords, text, pages) in _dead_entries(finder).items():
        cover = _cover(rules, norm, nwords)
        if cover and _claimed_by(finder, norm, nwords) == item.id:
            page = min(pages, key=lambda p: (finder.depth(p.key, p.depth_hint) or 99, p.url))
            found.append((cover, text, page))
    if not found:
        return []
    cover, text, page = max(found, key=lambda f: (f[0], -(finder.depth(f[2].key, f[2].depth_hint) or 99)))
    hit = finder.page_hit(page, f"entrada «{text}» de {page.url}", item)
    if hit is None:
        return []
    hit.problems = [f"la entrada «{text}» de {page.url} lleva a «#»: no publica nada"]
    hit.content_problem, hit.scripted, hit.unseen = True, False, ""
    hit.match, hit.label, hit.tier = cover, text, 1
    return [hit]
