"""The rule kinds' registry: the base classes a kind of rule derives from, and :data:`KINDS`,
where each registers under its ``kind`` name (the kinds themselves are in :mod:`.rules`, and the
later ones in their own modules, :mod:`.entities` and :mod:`.people`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from .entry_titles import entry_titled
from .evidence import MAX_HITS, Finder, Hit
from .model import Case, Item, ItemResult, Rule
from .pages import Page
from .parse import TEXT_KINDS

KINDS: dict[str, type[RuleKind]] = {}
# Keys every rule may have besides its kind's own.
COMMON_PARAMS = ("scope", "exclude", "on_title", "partial", "not_section", "content_only")


class RuleKind:
    """A kind of rule; a subclass that names its ``kind`` is registered in :data:`KINDS`."""

    kind: ClassVar[str] = ""
    params: ClassVar[tuple[str, ...]] = ()  # keys of a rule of this kind besides COMMON_PARAMS
    criteria: ClassVar[tuple[str, ...]] = ()  # Rule fields of which at least one must be given
    after_others: ClassVar[bool] = False  # judged once the items without such rules are

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.kind:
            if cls.kind in KINDS:
                raise TypeError(f"rule kind {cls.kind!r} registered twice")
            KINDS[cls.kind] = cls

    @classmethod
    def has_criterion(cls, rule: Rule) -> bool:
        """Whether the rule says what to look for."""
        return any(getattr(rule, name) for name in cls.criteria)

    @classmethod
    def problem(cls, rule: Rule) -> tuple[str, str] | None:
        """What is wrong with a rule of this kind that its keys alone do not say: the key and a
        message (in Spanish) for the loader to refuse it with, or None."""
        return None


class EvidenceKind(RuleKind):
    """A kind that finds evidence on the site: hits, then judged by the item's constraints."""

    @classmethod
    def hits(cls, finder: Finder, rule: Rule, item: Item) -> list[Hit]:
        """The evidence the rule finds for the item."""
        raise NotImplementedError


class PageTextKind(EvidenceKind):
    """A kind whose rules ask a question of each page's main text (:func:`.parse.probe`), answered
    while the page is parsed (its text is not kept): the evidence is the pages that answer it,
    the nearest to the home page first."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # the parser asks only the rules of TEXT_KINDS; another kind's question would go unasked
        if cls.kind and cls.kind not in TEXT_KINDS:
            raise TypeError(f"rule kind {cls.kind!r} reads pages' text but is not in parse.TEXT_KINDS")

    @classmethod
    def hits(cls, finder: Finder, rule: Rule, item: Item) -> list[Hit]:
        met = finder.idx.text_pages(rule)
        # and the pages a menu entry names for the rule's on_title (class 3000, entry_titles)
        ids = list(met.ids) + entry_titled(finder, rule, set(met.ids))
        # ordered by the pages' columns: a rule many pages meet makes only those it reads
        keys, urls, hint = met.store.keys, met.store.urls, met.store.depth_hint
        order = sorted(ids, key=lambda i: (finder.depth(keys[i], hint(i)) or 99, urls[i]))
        found: list[tuple[Page, str]] = []
        for page in map(met.store.page, order):
            if page.is_news and not item.allow_news:
                continue
            if finder.scope_ok(rule, None, page):
                found.append((page, f"texto de la página {page.url}"))
                if len(found) >= MAX_HITS and not page.empty:
                    break
        hits = finder.page_hits(found, item)
        for h in hits:
            h.tier = 3
            h.titled = bool(rule.on_title)
        return hits


class VerdictKind(RuleKind):
    """A kind that decides the whole item from outside the site's evidence. When an item has
    rules of several verdict kinds, the first kind registered decides."""

    @classmethod
    def verdict(cls, rules: Sequence[Rule], case: Case) -> ItemResult:
        """The item's verdict from its rules of this kind."""
        raise NotImplementedError
